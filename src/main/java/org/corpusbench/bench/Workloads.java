package org.corpusbench.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanEvaluator;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.tags.ConllevalCounter;
import org.corpusbench.eval.tags.TagCounts;
import org.corpusbench.eval.tags.TagEvaluator;
import org.corpusbench.eval.tags.TagMode;
import org.corpusbench.evaluation.BootstrapMethod;
import org.corpusbench.evaluation.EvaluationResult;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.Evaluations;
import org.corpusbench.evaluation.Scores;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.diagnostic.Diagnostic;

/**
 * The operations the benchmarks time, each returning its figures as one line of text, so that runs
 * with other sizes of heap, other thread counts or another input path can be checked to agree.
 */
public final class Workloads {

    private Workloads() {
    }

    /** conlleval's report of a file, streamed in {@code threads} parts. */
    public static String conlleval(Path file, int threads) throws IOException {
        return ConllevalCounter.score(file, threads, new ConllevalCounter()).report();
    }

    /** conlleval's report of a file read whole into memory first: the reference for the streamed path. */
    public static String conllevalInMemory(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return ConllevalCounter.score(new ByteArrayInputStream(all), file.toString(), new ConllevalCounter()).report();
    }

    /** Chunk counts of a CoNLL file as {@code evaluate --task tags} computes them, in {@code threads} parts. */
    public static String tags(Path file, TagMode mode, TagScheme scheme, int threads) throws IOException {
        TagCounts c = TagEvaluator.score(file, mode, scheme, threads);
        Counts o = c.overall();
        return String.format(Locale.ROOT, "tp %d fp %d fn %d tokens %d correct %d f1 %.10f", o.tp(), o.fp(), o.fn(),
                c.tokens(), c.correctTokens(), o.f1());
    }

    /**
     * {@code evaluate --task tags} as the command computes it (issue 15): the counts and the 95% intervals of
     * the overall precision, recall and F1 over sentences (1000 resamples, seed 13; the Poisson bootstrap above
     * 10,000 sentences), in {@code threads} parts; the intervals must not depend on {@code threads}.
     */
    public static String tagsWithIntervals(Path file, TagMode mode, TagScheme scheme, int threads)
            throws IOException {
        EvaluationResult r = Evaluations.tags(file, EvaluationSettings.defaults().withThreads(threads)
                .withDecoding(mode, mode == TagMode.STRICT ? scheme : null));
        TagCounts c = ((Scores.Tags) r.scores()).counts();
        Counts o = c.overall();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "tp %d fp %d fn %d tokens %d correct %d f1 %.10f",
                o.tp(), o.fp(), o.fn(), c.tokens(), c.correctTokens(), o.f1()));
        r.intervals().forEach((name, iv) -> sb.append(String.format(Locale.ROOT, " %s [%.10f, %.10f]", name, iv.low(),
                iv.high())));
        return sb.toString();
    }

    /** The four SemEval-2013 schemes over documents, merged. */
    public static String spans(SyntheticData.SpanDocuments docs) {
        SpanEvaluation total = SpanEvaluation.EMPTY;
        for (int i = 0; i < docs.gold().size(); i++) {
            total = total.plus(SpanEvaluator.evaluate(docs.gold().get(i), docs.predicted().get(i)));
        }
        StringBuilder sb = new StringBuilder();
        for (SpanScheme s : SpanScheme.values()) {
            sb.append(s.wireName()).append(' ').append(total.overall().get(s)).append(' ');
        }
        return sb.toString().trim();
    }

    /**
     * {@code evaluate --task dates --format timeml} of two folders (issue 15) with the default 1000 resamples:
     * the eight TempEval-3 counts and the three intervals, which must not depend on the heap.
     */
    public static String dates(Path gold, Path system, BootstrapMethod method) throws IOException {
        EvaluationResult r = Evaluations.timemlDates(gold, system, EvaluationSettings.defaults().withBootstrap(method));
        StringBuilder sb = new StringBuilder(((Scores.Dates) r.scores()).counts().toString());
        r.intervals().forEach((name, iv) -> sb.append(String.format(Locale.ROOT, " %s [%.6f, %.6f]", name, iv.low(),
                iv.high())));
        return sb.toString();
    }

    /** Validation of a corpus directory as gold: the number of problems (0 for synthetic corpora). */
    public static String validate(Path dir) {
        List<Diagnostic> d = CorpusValidator.validate(List.of(dir), CorpusValidator.Role.GOLD);
        return d.size() + " problems" + (d.isEmpty() ? "" : ", first: " + d.get(0));
    }
}
