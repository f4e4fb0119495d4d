package org.corpusbench.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.InvalidInputException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.Prf;
import org.corpusbench.eval.contradiction.PairMatcher;
import org.corpusbench.eval.contradiction.Sentences;
import org.corpusbench.eval.entity.LabelledSpan;
import org.corpusbench.eval.entity.SpanCounts;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanEvaluator;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.nli.NliCounts;
import org.corpusbench.eval.report.HtmlReportWriter;
import org.corpusbench.eval.report.JsonReport;
import org.corpusbench.eval.report.SpanErrors;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.eval.stats.CountLayout;
import org.corpusbench.eval.stats.CountLayouts;
import org.corpusbench.eval.stats.CountRows;
import org.corpusbench.eval.stats.PoissonBootstrap;
import org.corpusbench.eval.tags.ConllTagReader;
import org.corpusbench.eval.tags.TagCounts;
import org.corpusbench.eval.tags.TagEvaluator;
import org.corpusbench.eval.tags.TagMode;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.internal.Hashes;
import org.corpusbench.internal.TextTable;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.Span;
import org.corpusbench.schema.EntityTypes;
import org.corpusbench.tags.Chunk;
import org.corpusbench.tags.Chunker;

/**
 * Evaluation as one library call per input kind: a CoNLL file scored on its own ({@link #tags},
 * {@link #conllEntities}), or predictions scored against the gold of a release ({@link #evaluate}). Each
 * returns an {@link EvaluationResult} with the counts, the bootstrap intervals, the provenance and the text,
 * JSON and HTML renderings; {@code corpusbench evaluate} prints exactly that text.
 *
 * <p>A wrong input is refused with the problems located (file, line, field), never scored: a gold that
 * fails validation or lacks the task's layer, predictions of another layer, of unknown or missing documents,
 * or (unless lenient) with bad spans. See docs/reliability.md.
 */
public final class Evaluations {

    /** Per unit, the five SemEval-2013 counts of each scheme, in {@link SpanScheme} order. */
    private static final int UNIT_WIDTH = 5 * SpanScheme.values().length;

    static final String NO_TOKENS = "holds no tokens; expected lines of 'TOKEN ... GOLD PREDICTED' with sentences "
            + "separated by blank lines";

    private Evaluations() {
    }

    /**
     * Chunk scores of a CoNLL file whose last two columns are the gold and predicted tags, as conlleval
     * (default decoding) or seqeval's strict mode compute them, with 95% bootstrap intervals of the overall
     * (micro) precision, recall and F1 over sentences (issue 15): the classic bootstrap up to
     * {@link PoissonBootstrap#STREAMING_ABOVE_UNITS} sentences, the streaming Poisson bootstrap above (by
     * {@code settings.bootstrap()}), so that a file of any size is scored in constant memory. Each sentence
     * the counts come from is a unit, a {@code -DOCSTART-} line counted as a token included; the Poisson
     * bootstrap keys a sentence by its byte offset in the file, so its intervals do not depend on
     * {@code settings.threads()}.
     */
    public static EvaluationResult tags(Path conll, EvaluationSettings settings) throws IOException {
        TagMode m = settings.tagMode();
        // The report's start (the file's SHA-256, the JSON library's first use) does not depend on the counts:
        // it runs beside the scoring, which it would otherwise add a third to on a 1M-token file.
        CompletableFuture<Report> report = CompletableFuture.supplyAsync(() -> {
            try {
                return new Report(Task.TAGS, "conll", conll, settings);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        TagEvaluator.Scored<TagUnits> scored;
        try {
            scored = TagEvaluator.score(conll, m, settings.scheme(), settings.threads(), settings.skipDocstart(),
                    () -> new TagUnits(settings));
        } finally {
            report.handle((x, e) -> null).join();
        }
        TagCounts c = scored.counts();
        if (c.tokens() == 0) {
            throw new CorpusFormatException(Location.ofFile(conll.toString()), null, NO_TOKENS);
        }
        Report r;
        try {
            r = report.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        return tags(r, settings, c, TagUnits.intervals(scored.parts(), settings, r));
    }

    /** The number of counts in a sentence row of the tags' bootstrap: the overall tp, fp and fn. */
    public static final int TAG_ROW_WIDTH = TagUnits.WIDTH;

    /**
     * The streaming bootstrap of {@link #tags(Path, EvaluationSettings)} over sentence rows (the overall tp, fp
     * and fn of a sentence, {@link #TAG_ROW_WIDTH} counts) keyed by each sentence's byte offset in the file, as
     * {@link TagEvaluator.SentenceSink} hands them over: an accumulator of each part of a file, filled with the
     * same keys, merges into the accumulator of the whole. Public for scoring a file in parts elsewhere (on
     * Spark, issue 16).
     */
    public static PoissonBootstrap<long[]> tagBootstrap(EvaluationSettings settings) {
        return new PoissonBootstrap<>(CountLayouts.longs(TagUnits.WIDTH), settings.resamples(), settings.seed());
    }

    /**
     * The result of {@link #tags(Path, EvaluationSettings)} from counts scored elsewhere (in parts on Spark, issue
     * 16, each by {@link TagEvaluator#scorePart} and merged by {@link TagCounts#plus}): the same tables, JSON and
     * page, so that a distributed run and {@code evaluate} print the same thing. {@code predictions} names the
     * scored file as given and its SHA-256 (role {@code predictions}); {@code sentences} is the number of
     * sentences the sinks received. The intervals come from {@code poisson} (every sentence added to a
     * {@link #tagBootstrap}) when the settings' method picks the Poisson bootstrap for that many sentences, else
     * from {@code rows} (every sentence's row, in file order); the one not used, and both when the settings ask
     * for no resample, may be {@code null}. Counts of no token are refused as an empty file is.
     */
    public static EvaluationResult tags(Provenance.Input predictions, EvaluationSettings settings, TagCounts c,
                                        long sentences, PoissonBootstrap<long[]> poisson, CountRows rows)
            throws CorpusFormatException {
        if (c.tokens() == 0) {
            throw new CorpusFormatException(Location.ofFile(predictions.path()), null, NO_TOKENS);
        }
        Report r = new Report(Task.TAGS, "conll", predictions, settings);
        return tags(r, settings, c, TagUnits.intervals(sentences, settings, r, () -> poisson, () -> rows));
    }

    /** The report of counts with at least a token and the intervals of their sentences. */
    private static EvaluationResult tags(Report r, EvaluationSettings settings, TagCounts c,
                                         List<Bootstrap.Interval> ivs) {
        TagMode m = settings.tagMode();
        JsonReport.tags(r.root, c);
        ObjectNode ci = r.root.putObject("confidence_intervals");
        r.interval(ci, "precision", ivs.get(0));
        r.interval(ci, "recall", ivs.get(1));
        r.interval(ci, "f1", ivs.get(2));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"type", "precision", "recall", "f1", "tp", "pred", "true"});
        c.types().forEach((type, v) -> rows.add(new String[] {type, f(v.precision()), f(v.recall()), f(v.f1()),
            n(v.tp()), n(v.predicted()), n(v.gold())}));
        var o = c.overall();
        rows.add(new String[] {"overall (micro)", f(o.precision()), f(o.recall()), f(o.f1()), n(o.tp()),
            n(o.predicted()), n(o.gold())});
        rows.add(new String[] {"macro", f(c.macro().precision()), f(c.macro().recall()), f(c.macro().f1()), "", "",
            ""});
        r.table(rows);
        String accuracy = "token accuracy " + f(c.accuracy()) + " over " + c.tokens() + " tokens ("
                + (settings.scheme() == null ? "" : settings.scheme() + ", ") + m.wireName() + " mode)";
        r.pageNotes.add(accuracy);
        String interval = "";
        if (ivs.get(2).resamples() > 0) {
            interval = "95% CI, overall (micro), " + r.units + " sentences resampled: precision " + ci(ivs.get(0))
                    + ", recall " + ci(ivs.get(1)) + ", f1 " + ci(ivs.get(2));
            r.pageNotes.add(interval);
            interval += "\n";
        }
        String text = TextTable.markdown(rows) + accuracy + "\n" + interval + r.methodLine();
        return r.result(new Scores.Tags(c), text, null);
    }

    /**
     * The bootstrap units of {@code evaluate --task tags} as one part of a file hands them over: each sentence's
     * overall tp, fp and fn, into a Poisson accumulator (constant memory) and, while they are few enough for the
     * classic bootstrap to be chosen, into rows. The parts are merged in file order.
     *
     * <p>The Poisson accumulator costs about as much as the reading (B = 1000 draws for each sentence with a
     * chunk), so sentences go to it in batches, every other batch on another thread while the reading goes on
     * (into an accumulator of its own, merged at the end) and the others on the reading thread, which shares
     * the work between two processors: the sums are of integers, so they do not depend on where or when a
     * batch is added. At most {@link #IN_FLIGHT} batches wait, which bounds the memory.
     */
    private static final class TagUnits implements TagEvaluator.SentenceSink {
        private static final int WIDTH = 3;
        private static final int BATCH = 8192;
        private static final int IN_FLIGHT = 4;
        private final BootstrapMethod method;
        private final PoissonBootstrap<long[]> poisson;
        /** The accumulator of the batches added on the reading thread. */
        private final PoissonBootstrap<long[]> here;
        private final long[] row = new long[WIDTH];
        /** The rows of the classic bootstrap, or null once this part alone has too many for it. */
        private int[] rows;
        private int rowCount;
        private long units;
        /** Sentences waiting for the Poisson accumulator: offset, tp, fp, fn each. */
        private long[] batch;
        private int inBatch;
        private final CompletableFuture<?>[] pending = new CompletableFuture<?>[IN_FLIGHT];
        private int submitted;
        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

        TagUnits(EvaluationSettings s) {
            method = s.bootstrap();
            boolean any = s.resamples() > 0;
            poisson = any && method != BootstrapMethod.CLASSIC
                    ? new PoissonBootstrap<>(CountLayouts.longs(WIDTH), s.resamples(), s.seed()) : null;
            here = poisson == null ? null
                    : new PoissonBootstrap<>(CountLayouts.longs(WIDTH), s.resamples(), s.seed());
            batch = poisson == null ? null : new long[BATCH * 4];
            rows = any && method != BootstrapMethod.POISSON ? new int[WIDTH * 256] : null;
        }

        @Override
        public void sentence(long offset, long tp, long fp, long fn) {
            units++;
            if (poisson != null) {
                int at = inBatch * 4;
                batch[at] = offset;
                batch[at + 1] = tp;
                batch[at + 2] = fp;
                batch[at + 3] = fn;
                if (++inBatch == BATCH) {
                    submit();
                }
            }
            if (rows != null) {
                if (method.poissonFor(units)) {
                    rows = null; // the file has more sentences than this part: the Poisson bootstrap it is
                    return;
                }
                if (tp > Integer.MAX_VALUE || fp > Integer.MAX_VALUE || fn > Integer.MAX_VALUE) {
                    throw new ArithmeticException("a sentence has more than 2^31 chunks");
                }
                if ((rowCount + 1) * WIDTH > rows.length) {
                    rows = java.util.Arrays.copyOf(rows, rows.length * 2);
                }
                int at = rowCount++ * WIDTH;
                rows[at] = (int) tp;
                rows[at + 1] = (int) fp;
                rows[at + 2] = (int) fn;
            }
        }

        /**
         * Adds the batch: here, or on the other thread after the batch before it (waiting while IN_FLIGHT
         * batches wait).
         */
        private void submit() {
            long[] b = batch;
            int m = inBatch;
            inBatch = 0;
            if (submitted++ % 2 == 1) {
                for (int i = 0; i < m; i++) {
                    row[0] = b[i * 4 + 1];
                    row[1] = b[i * 4 + 2];
                    row[2] = b[i * 4 + 3];
                    here.add(b[i * 4], row);
                }
                return; // the batch array is free again
            }
            batch = new long[BATCH * 4];
            int slot = submitted / 2 % IN_FLIGHT;
            if (pending[slot] != null) {
                join(pending[slot]);
            }
            tail = tail.thenRunAsync(() -> {
                long[] row = new long[WIDTH];
                for (int i = 0; i < m; i++) {
                    row[0] = b[i * 4 + 1];
                    row[1] = b[i * 4 + 2];
                    row[2] = b[i * 4 + 3];
                    poisson.add(b[i * 4], row);
                }
            });
            pending[slot] = tail;
        }

        /** The accumulator with every sentence of this part added. */
        private PoissonBootstrap<long[]> poisson() {
            if (inBatch > 0) {
                submit();
            }
            join(tail);
            return poisson.merge(here);
        }

        private static void join(CompletableFuture<?> f) {
            try {
                f.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }

        /** Precision, recall and F1 intervals from the parts, by the method the number of sentences picks. */
        static List<Bootstrap.Interval> intervals(List<TagUnits> parts, EvaluationSettings s, Report r) {
            long units = 0;
            for (TagUnits p : parts) {
                units += p.units;
            }
            return intervals(units, s, r, () -> {
                PoissonBootstrap<long[]> all = parts.get(0).poisson();
                for (int k = 1; k < parts.size(); k++) {
                    all.merge(parts.get(k).poisson());
                }
                return all;
            }, () -> {
                CountRows all = new CountRows(WIDTH);
                for (TagUnits p : parts) {
                    for (int i = 0; i < p.rowCount; i++) {
                        all.add(p.rows[i * WIDTH], p.rows[i * WIDTH + 1], p.rows[i * WIDTH + 2]);
                    }
                }
                return all;
            });
        }

        /**
         * Precision, recall and F1 intervals of {@code units} sentences: from the accumulator of every sentence
         * or from the rows of every sentence in file order, by the method the number of sentences picks (only
         * that one is asked for).
         */
        static List<Bootstrap.Interval> intervals(long units, EvaluationSettings s, Report r,
                                                  Supplier<PoissonBootstrap<long[]>> poisson,
                                                  Supplier<CountRows> rows) {
            List<ToDoubleFunction<long[]>> metrics = List.of(v -> new Counts(v[0], v[1], v[2]).precision(),
                    v -> new Counts(v[0], v[1], v[2]).recall(), v -> new Counts(v[0], v[1], v[2]).f1());
            boolean byPoisson = s.bootstrap().poissonFor(units);
            r.method(byPoisson, units);
            if (s.resamples() == 0) {
                return Bootstrap.intervals(new CountRows(WIDTH), metrics, 0, 0.95, s.seed());
            }
            if (byPoisson) {
                PoissonBootstrap<long[]> all = poisson.get();
                if (all == null || all.units() != units) {
                    throw new IllegalArgumentException("the Poisson bootstrap needs an accumulator of all " + units
                            + " sentences");
                }
                return all.intervals(metrics, 0.95);
            }
            CountRows all = rows.get();
            if (all == null || all.rows() != units || all.width() != WIDTH) {
                throw new IllegalArgumentException("the classic bootstrap needs the rows of all " + units
                        + " sentences, " + WIDTH + " counts each");
            }
            return Bootstrap.intervals(all, metrics, s.resamples(), 0.95, s.seed());
        }
    }

    /**
     * The four SemEval-2013 span schemes over the chunks decoded from a CoNLL file (each sentence one unit
     * of the bootstrap), with 95% intervals of each scheme's F1.
     */
    public static EvaluationResult conllEntities(Path conll, EvaluationSettings settings) throws IOException {
        // Sentences are the bootstrap units; each keeps 20 longs, not an evaluation object, so files of
        // millions of sentences fit.
        SpanEvaluation total = SpanEvaluation.EMPTY;
        // Sentences are the bootstrap's units, each by its position in the file. The classic bootstrap keeps a
        // row of 20 longs per sentence; under AUTO it keeps rows only while they are few enough for it, and the
        // streaming Poisson bootstrap (constant memory) takes over above that (issue 15).
        BootstrapMethod method = settings.bootstrap();
        CountRows units = new CountRows(UNIT_WIDTH);
        PoissonBootstrap<long[]> poisson = method == BootstrapMethod.CLASSIC ? null : sentenceBootstrap(settings);
        long sentences = 0;
        try (InputStream in = Files.newInputStream(conll);
             ConllTagReader reader = new ConllTagReader(in, conll.toString(), true)) {
            for (ConllTagReader.Sentence sent = reader.next(); sent != null; sent = reader.next()) {
                SpanEvaluation e = conllSentence(sent, settings, conll.toString());
                total = total.plus(e);
                long[] row = unitCounts(e);
                if (poisson != null) {
                    poisson.add(sentences, row);
                }
                if (!method.poissonFor(units.rows())) {
                    units.add(row);
                }
                sentences++;
            }
        }
        if (sentences == 0) {
            throw new CorpusFormatException(Location.ofFile(conll.toString()), null, NO_TOKENS);
        }
        Report r = new Report(Task.ENTITIES, "conll", conll, settings);
        String text = spans(r, total, method.poissonFor(sentences) ? poisson : null, units, sentences, Map.of());
        return r.result(new Scores.Entities(total), text, null);
    }

    /**
     * The span evaluation of one sentence of a CoNLL file, as {@link #conllEntities(Path, EvaluationSettings)}
     * scores it: its gold and predicted chunks decoded by the settings' mode and scheme, then the four
     * SemEval-2013 schemes. Public so that a file scored in parts (on Spark, issue 16) evaluates each sentence
     * by this same code; read the file with {@link ConllTagReader} leaving {@code -DOCSTART-} lines out, as
     * {@code conllEntities} does.
     *
     * @throws CorpusFormatException a tag the strict scheme does not allow, at {@code file} and the tag's line
     */
    public static SpanEvaluation conllSentence(ConllTagReader.Sentence sent, EvaluationSettings settings,
                                               String file) throws CorpusFormatException {
        TagMode m = settings.tagMode();
        List<Chunk> g;
        List<Chunk> p;
        try {
            g = m == TagMode.STRICT ? Chunker.strict(sent.gold(), settings.scheme()) : Chunker.lenient(sent.gold());
            p = m == TagMode.STRICT ? Chunker.strict(sent.predicted(), settings.scheme())
                    : Chunker.lenient(sent.predicted());
        } catch (Chunker.InvalidTagException e) {
            throw new CorpusFormatException(Location.of(file, sent.line() + e.index()), null, e.getMessage());
        }
        return SpanEvaluator.evaluate(chunks(g), chunks(p));
    }

    /** The number of counts in a {@link #sentenceRow}. */
    public static final int SENTENCE_ROW_WIDTH = UNIT_WIDTH;

    /**
     * A sentence's row for the bootstrap of {@link #conllEntities(Path, EvaluationSettings)} (and a document's
     * for entities against a gold): correct, incorrect, partial, missed and spurious of each scheme in
     * {@link SpanScheme} order, {@link #SENTENCE_ROW_WIDTH} counts. Public, with {@link #sentenceBootstrap}, for
     * scoring in parts (issue 16).
     */
    public static long[] sentenceRow(SpanEvaluation e) {
        return unitCounts(e);
    }

    /**
     * The streaming bootstrap of {@link #conllEntities(Path, EvaluationSettings)} over {@link #sentenceRow}s,
     * keyed by each sentence's index in the file (0 for the first, {@code -DOCSTART-} lines not counted): an
     * accumulator of each part, filled with the same keys, merges into the accumulator of the whole file.
     */
    public static PoissonBootstrap<long[]> sentenceBootstrap(EvaluationSettings settings) {
        return new PoissonBootstrap<>(CountLayouts.longs(UNIT_WIDTH), settings.resamples(), settings.seed());
    }

    /**
     * The result of {@link #conllEntities(Path, EvaluationSettings)} from counts scored elsewhere (in parts on
     * Spark, issue 16, and merged): {@code total} is the sum of the {@link #conllSentence} evaluations,
     * {@code sentences} their number; the intervals come from {@code poisson} (the {@link #sentenceBootstrap}
     * of every sentence) when the settings' method picks the Poisson bootstrap for that many sentences, else
     * from {@code rows} (each sentence's {@link #sentenceRow}, in file order); the one not used, and both when the
     * settings ask for no resample, may be {@code null}. Counts of no sentence are refused as an empty file is.
     */
    public static EvaluationResult conllEntities(Provenance.Input predictions, EvaluationSettings settings,
                                                 SpanEvaluation total, long sentences,
                                                 PoissonBootstrap<long[]> poisson, CountRows rows)
            throws CorpusFormatException {
        if (sentences == 0) {
            throw new CorpusFormatException(Location.ofFile(predictions.path()), null, NO_TOKENS);
        }
        boolean byPoisson = settings.bootstrap().poissonFor(sentences);
        if (settings.resamples() == 0) {
            // no interval either way: neither the accumulator nor the rows are needed
            poisson = null;
            rows = new CountRows(UNIT_WIDTH);
        } else if (byPoisson ? poisson == null || poisson.units() != sentences
                : rows == null || rows.rows() != sentences || rows.width() != UNIT_WIDTH) {
            throw new IllegalArgumentException("the " + (byPoisson ? "Poisson bootstrap needs an accumulator"
                    : "classic bootstrap needs the rows") + " of all " + sentences + " sentences");
        }
        Report r = new Report(Task.ENTITIES, "conll", predictions, settings);
        String text = spans(r, total, byPoisson ? poisson : null, rows, sentences, Map.of());
        return r.result(new Scores.Entities(total), text, null);
    }

    /**
     * Reads the gold in {@code dataset} (a release, its checksums verified and, when
     * {@code expectedFingerprint} is not {@code null}, its fingerprint required; or a directory of
     * corpusbench JSONL files) and scores {@code predictions} against the layer of {@code task}.
     */
    public static EvaluationResult evaluate(Task task, Path dataset, String expectedFingerprint, Path predictions,
                                            EvaluationSettings settings) throws IOException {
        GoldCorpus gold = gold(task, dataset, expectedFingerprint);
        return evaluate(task, gold, PredictionSource.of(predictions), settings,
                unpinnedNote(gold, dataset).stream().toList(), UnitBootstrap.THIS_JVM, null);
    }

    /** Scores {@code predictions} against the layer of {@code task} in a gold already read. */
    public static EvaluationResult evaluate(Task task, GoldCorpus gold, Path predictions, EvaluationSettings settings)
            throws IOException {
        return evaluate(task, gold, PredictionSource.of(predictions), settings, List.of(), UnitBootstrap.THIS_JVM,
                null);
    }

    /**
     * As {@link #evaluate(Task, GoldCorpus, Path, EvaluationSettings)}, with the streaming bootstrap's
     * accumulator filled by {@code bootstrap} (on Spark, issue 16) whenever the settings pick the Poisson
     * bootstrap: the predictions are read and checked, and each unit scored, exactly as there, so the result
     * and every refusal are the same.
     */
    public static EvaluationResult evaluate(Task task, GoldCorpus gold, Path predictions, EvaluationSettings settings,
                                            UnitBootstrap bootstrap) throws IOException {
        return evaluate(task, gold, PredictionSource.of(predictions), settings, List.of(), bootstrap, null);
    }

    /**
     * As {@link #evaluate(Task, GoldCorpus, Path, EvaluationSettings, UnitBootstrap)}, with the predictions of
     * entities, dates and NLI read and scored in parts by {@code parts} (on Spark, issue 16): when it returns
     * their merged counts, they are rendered as the same result; when it returns {@code null} (a part met a
     * problem, a unit is repeated or missing), the file is read here in one piece and every problem reported
     * (or, lenient, skipped) as without it. Contradictions are always read here.
     */
    public static EvaluationResult evaluate(Task task, GoldCorpus gold, Path predictions, EvaluationSettings settings,
                                            UnitBootstrap bootstrap, PartsEngine parts) throws IOException {
        return evaluate(task, gold, PredictionSource.of(predictions), settings, List.of(), bootstrap, parts);
    }

    /**
     * As {@link #evaluate(Task, GoldCorpus, Path, EvaluationSettings, UnitBootstrap, PartsEngine)}, with the
     * predictions read from {@code predictions} (issue 16: a Hadoop file system, a Parquet file's rows), which
     * messages and the report name as {@link PredictionSource#name()}.
     */
    public static EvaluationResult evaluate(Task task, GoldCorpus gold, PredictionSource predictions,
                                            EvaluationSettings settings, UnitBootstrap bootstrap, PartsEngine parts)
            throws IOException {
        return evaluate(task, gold, predictions, settings, List.of(), bootstrap, parts);
    }

    /**
     * Reads and scores a predictions file in parts, each part by itself ({@link PredictionParts.PartScorer}),
     * wherever the parts are (issue 16), and merges the parts' counts with {@link PredictionParts#merge}.
     */
    public interface PartsEngine {
        /**
         * The merged counts of {@code predictions} of {@code task} against {@code gold}, or {@code null} when
         * the file must be read in one piece ({@link PredictionParts#merge} said so).
         */
        PredictionParts.Merged score(Task task, GoldCorpus gold, PredictionSource predictions,
                                     EvaluationSettings settings) throws IOException;
    }

    /**
     * Fills the streaming Poisson bootstrap of an evaluation with its units, each keyed by its id (a document
     * id for entities and dates, {@code "A|B"} for the pair of documents A and B of contradictions, the pair id
     * for NLI): on this JVM ({@link #THIS_JVM}), or spread over the machines of a cluster (issue 16). A unit's
     * weights depend only on the seed, its id and the replicate, and the sums are of integers, so any
     * grouping of the units gives the accumulator {@link #THIS_JVM} gives.
     */
    public interface UnitBootstrap {
        /** Every unit added, in order, to one accumulator on this JVM. */
        UnitBootstrap THIS_JVM = new UnitBootstrap() {
            @Override
            public <T> PoissonBootstrap<T> fill(List<String> ids, List<T> perUnit, CountLayout<T> layout,
                                                int replicates, long seed) {
                PoissonBootstrap<T> b = new PoissonBootstrap<>(layout, replicates, seed);
                for (int i = 0; i < perUnit.size(); i++) {
                    b.add(ids.get(i), perUnit.get(i));
                }
                return b;
            }
        };

        /**
         * An accumulator of {@code replicates} replicates and {@code seed} holding every unit of
         * {@code perUnit}, the i-th keyed by {@code ids.get(i)} (the ids are distinct).
         */
        <T> PoissonBootstrap<T> fill(List<String> ids, List<T> perUnit, CountLayout<T> layout, int replicates,
                                     long seed);
    }

    private static EvaluationResult evaluate(Task task, GoldCorpus gold, PredictionSource predictions,
                                             EvaluationSettings settings, List<String> goldNotes,
                                             UnitBootstrap bootstrap, PartsEngine parts) throws IOException {
        if (task == Task.TAGS) {
            throw new IllegalArgumentException("tags are scored from a CoNLL file: use Evaluations.tags");
        }
        if (parts != null && PredictionParts.supports(task)) {
            PredictionParts.Merged m = parts.score(task, gold, predictions, settings);
            if (m != null) {
                return fromParts(task, gold, predictions, settings, goldNotes, m);
            }
        }
        Predictions.Read read = predictions(predictions, "the predictions", gold, task.layer(), settings.lenient(),
                settings.allowEmpty());
        Report r = new Report(task, predictions, settings);
        r.unitBootstrap = bootstrap;
        r.notes.addAll(goldNotes);
        read.problems().forEach(d -> r.notes.add("skipped: " + d));
        r.gold(gold, task.layer());
        return switch (task) {
            case ENTITIES -> entities(r, gold, read, predictions);
            case DATES -> dates(r, gold, read);
            case CONTRADICTIONS -> contradictions(r, gold, read);
            default -> nli(r, gold, read);
        };
    }

    /** The result of predictions scored in parts and merged ({@link PartsEngine}): the one-piece result. */
    private static EvaluationResult fromParts(Task task, GoldCorpus gold, PredictionSource predictions,
                                              EvaluationSettings settings, List<String> goldNotes,
                                              PredictionParts.Merged m) throws IOException {
        Report r = new Report(task, predictions, settings);
        r.notes.addAll(goldNotes);
        r.gold(gold, task.layer());
        return switch (task) {
            case ENTITIES -> {
                String text = spans(r, m.spans, m.poisson, m.rows, m.units, Map.of());
                SpanEvaluation total = m.spans;
                // the page shows every document's errors: the predictions are read again, here, if it is asked for
                yield r.lazyResult(new Scores.Entities(total), text, () -> {
                    try {
                        Predictions.Read read = predictions(predictions, "the predictions", gold, task.layer(),
                                settings.lenient(), settings.allowEmpty());
                        return html(gold, total, documentViews(gold, read, settings.conll4()), predictions);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            case DATES -> dates(r, m.timex, partIntervals(r, m, CountLayouts.timex(), DATE_METRICS), Map.of());
            case CONTRADICTIONS -> {
                EvaluationResult done = contradictions(r, m.pairs, m.types, partIntervals(r, m, CountLayouts.counts(),
                        List.of(Counts::f1)).get(0), Map.of());
                // the page shows every pair with its verdict: made, if it is asked for, by the one-piece evaluation
                yield r.lazyResult(done.scores(), done.toText(), () -> {
                    try {
                        return evaluate(task, gold, predictions, settings, goldNotes, UnitBootstrap.THIS_JVM, null)
                                .toHtml();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            default -> nli(r, m.nli, partIntervals(r, m, CountLayouts.nli(), NLI_METRICS), Map.of());
        };
    }

    /** The intervals of {@code metrics} over merged parts: from their accumulator, or from their rows. */
    private static <T> List<Bootstrap.Interval> partIntervals(Report r, PredictionParts.Merged m,
                                                              CountLayout<T> layout,
                                                              List<ToDoubleFunction<T>> metrics) {
        List<ToDoubleFunction<long[]>> onRows = new ArrayList<>();
        metrics.forEach(f -> onRows.add(v -> f.applyAsDouble(layout.read(v))));
        r.method(m.poisson != null, m.units);
        return m.poisson != null ? m.poisson.intervals(onRows, 0.95)
                : Bootstrap.intervals(m.rows, onRows, r.settings.resamples(), 0.95, r.settings.seed());
    }

    /** The gold of {@code task} in {@code dataset}: validated, pinned when it is a release, holding the layer. */
    public static GoldCorpus gold(Task task, Path dataset, String expectedFingerprint) throws IOException {
        if (task.layer() == null) {
            throw new IllegalArgumentException("task " + task.wireName() + " has no gold layer");
        }
        GoldCorpus gold = GoldCorpus.read(dataset, expectedFingerprint);
        gold.require(task.layer(), dataset);
        return gold;
    }

    /**
     * The note for a gold that is not a release: it is scored, but nothing pins it, so the report names each
     * gold file with its SHA-256 instead of a fingerprint.
     */
    public static Optional<String> unpinnedNote(GoldCorpus gold, Path dir) {
        if (gold.fingerprint() != null) {
            return Optional.empty();
        }
        return Optional.of("corpusbench: note: " + dir + " is not a release (no manifest.json), so no fingerprint "
                + "pins this gold; the report names it '" + gold.name() + "', with the SHA-256 of each gold file");
    }

    /**
     * Reads the predictions of {@code layer}; unless {@code lenient}, refuses them with every problem, naming
     * them {@code whose} ("the predictions", "the predictions of system A").
     */
    public static Predictions.Read predictions(Path file, String whose, GoldCorpus gold, GoldCorpus.Layer layer,
                                               boolean lenient) throws IOException {
        return predictions(file, whose, gold, layer, lenient, false);
    }

    /**
     * As {@link #predictions(Path, String, GoldCorpus, GoldCorpus.Layer, boolean)}; with {@code allowEmpty}, an
     * empty file of contradiction predictions is a detector that flagged no pair
     * ({@link Predictions#read(Path, GoldCorpus, GoldCorpus.Layer, boolean, boolean)}).
     */
    public static Predictions.Read predictions(Path file, String whose, GoldCorpus gold, GoldCorpus.Layer layer,
                                               boolean lenient, boolean allowEmpty) throws IOException {
        return predictions(PredictionSource.of(file), whose, gold, layer, lenient, allowEmpty);
    }

    private static Predictions.Read predictions(PredictionSource file, String whose, GoldCorpus gold,
                                                GoldCorpus.Layer layer, boolean lenient, boolean allowEmpty)
            throws IOException {
        Predictions.Read read = Predictions.read(file, gold, layer, lenient, allowEmpty);
        if (!read.problems().isEmpty() && !lenient) {
            throw new InvalidInputException(whose, read.problems(),
                    "fix them, or pass --lenient to skip and count them");
        }
        return read;
    }

    /**
     * Compares two systems' predictions on the same gold: each system's headline figure, the 95% paired
     * bootstrap interval of the difference ({@code settings.resamples()}, {@code settings.seed()}), and the
     * approximate randomization p-value over {@code shuffles} rounds.
     */
    public static Comparison compare(Task task, GoldCorpus gold, Path a, Path b, EvaluationSettings settings,
                                     int shuffles) throws IOException {
        if (task.layer() == null) {
            throw new IllegalArgumentException("task " + task.wireName() + " has no gold layer to compare on");
        }
        if (shuffles < 1 || shuffles > Bootstrap.MAX_SHUFFLES) {
            throw new IllegalArgumentException("shuffles must be between 1 and " + Bootstrap.MAX_SHUFFLES);
        }
        Predictions.Read ra = predictions(a, "the predictions of system A", gold, task.layer(), settings.lenient(),
                settings.allowEmpty());
        Predictions.Read rb = predictions(b, "the predictions of system B", gold, task.layer(), settings.lenient(),
                settings.allowEmpty());
        List<String> notes = new ArrayList<>();
        ra.problems().forEach(d -> notes.add("skipped: " + d));
        rb.problems().forEach(d -> notes.add("skipped: " + d));
        Paired paired = new Paired(task, a, b, settings, shuffles, notes);
        return switch (task) {
            case ENTITIES -> paired.compare("strict F1", EvaluationUnits.entities(gold, ra.layers()),
                    EvaluationUnits.entities(gold, rb.layers()), SpanEvaluation.EMPTY, SpanEvaluation::plus,
                    e -> e.micro(SpanScheme.STRICT).f1());
            case DATES -> paired.compare("relaxed F1", EvaluationUnits.dates(gold, ra.layers()),
                    EvaluationUnits.dates(gold, rb.layers()), TimexCounts.ZERO, TimexCounts::plus,
                    c -> c.relaxedPrf().f1());
            case CONTRADICTIONS -> paired.compare("F1", EvaluationUnits.contradictions(gold, ra.contradictions()),
                    EvaluationUnits.contradictions(gold, rb.contradictions()), Counts.ZERO, Counts::plus,
                    Counts::f1);
            default -> paired.compare("accuracy", EvaluationUnits.nli(gold, ra.nliLabels()),
                    EvaluationUnits.nli(gold, rb.nliLabels()), NliCounts.ZERO, NliCounts::plus, NliCounts::accuracy);
        };
    }

    /** What {@link #compare} needs besides the per-unit counts. */
    private record Paired(Task task, Path a, Path b, EvaluationSettings settings, int shuffles, List<String> notes) {
        <T> Comparison compare(String metric, List<T> xa, List<T> xb, T zero, BinaryOperator<T> merge,
                               ToDoubleFunction<T> f) {
            double fa = f.applyAsDouble(xa.stream().reduce(zero, merge));
            double fb = f.applyAsDouble(xb.stream().reduce(zero, merge));
            double p = Bootstrap.approximateRandomization(xa, xb, zero, merge, f, shuffles, settings.seed());
            Bootstrap.Interval d = Bootstrap.difference(xa, xb, zero, merge, f, settings.resamples(), 0.95,
                    settings.seed());
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"system", metric});
            rows.add(new String[] {"A " + a.getFileName(), f(fa)});
            rows.add(new String[] {"B " + b.getFileName(), f(fb)});
            rows.add(new String[] {"A - B", f(fa - fb) + (d.resamples() == 0 ? "" : " " + ci(d))});
            String text = TextTable.markdown(rows) + "approximate randomization: p = "
                    + String.format(Locale.ROOT, "%.4f", p) + " (" + shuffles + " shuffles over " + xa.size()
                    + " units, seed " + settings.seed() + ")\n";
            return new Comparison(task, metric, fa, fb, d, p, xa.size(), notes, text);
        }
    }

    private static EvaluationResult entities(Report r, GoldCorpus gold, Predictions.Read read,
                                             PredictionSource predictions) {
        boolean conll4 = r.settings.conll4();
        SpanEvaluation total = SpanEvaluation.EMPTY;
        CountRows units = new CountRows(UNIT_WIDTH);
        boolean byPoisson = r.settings.bootstrap().poissonFor(gold.documents().size());
        List<String> ids = new ArrayList<>();
        List<long[]> rows = new ArrayList<>();
        List<HtmlReportWriter.DocumentView> views = new ArrayList<>();
        for (Document d : gold.documents().values()) {
            List<LabelledSpan> g = entities(gold.gold(d.id()), conll4);
            List<LabelledSpan> p = entities(read.layers().get(d.id()), conll4);
            SpanEvaluation e = SpanEvaluator.evaluate(g, p);
            total = total.plus(e);
            if (byPoisson) {
                ids.add(d.id());
                rows.add(unitCounts(e));
            } else {
                units.add(unitCounts(e));
            }
            views.add(new HtmlReportWriter.DocumentView(d.id(), d.text(), errors(g), errors(p)));
        }
        PoissonBootstrap<long[]> poisson = byPoisson ? r.unitBootstrap.fill(ids, rows, CountLayouts.longs(UNIT_WIDTH),
                r.settings.resamples(), r.settings.seed()) : null;
        String text = spans(r, total, poisson, units, gold.documents().size(), read.skipped());
        SpanEvaluation sum = total;
        return r.lazyResult(new Scores.Entities(total), text, () -> html(gold, sum, views, predictions));
    }

    /** Each gold document with its gold and predicted entities, for the page. */
    private static List<HtmlReportWriter.DocumentView> documentViews(GoldCorpus gold, Predictions.Read read,
                                                                     boolean conll4) {
        List<HtmlReportWriter.DocumentView> views = new ArrayList<>();
        for (Document d : gold.documents().values()) {
            views.add(new HtmlReportWriter.DocumentView(d.id(), d.text(), errors(entities(gold.gold(d.id()), conll4)),
                    errors(entities(read.layers().get(d.id()), conll4))));
        }
        return views;
    }

    private static String html(GoldCorpus gold, SpanEvaluation total, List<HtmlReportWriter.DocumentView> views,
                               PredictionSource predictions) {
        List<HtmlReportWriter.LabelRow> rows = new ArrayList<>();
        total.labels().forEach((label, m) -> {
            var prf = m.get(SpanScheme.STRICT).prf(SpanScheme.STRICT);
            rows.add(new HtmlReportWriter.LabelRow(label, prf.precision(), prf.recall(), prf.f1(),
                    m.get(SpanScheme.STRICT).possible()));
        });
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("dataset", gold.name() + (gold.version() == null ? "" : " " + gold.version()));
        if (gold.fingerprint() != null) {
            facts.put("fingerprint", gold.fingerprint());
        }
        facts.put("predictions", predictions.name());
        var strict = total.micro(SpanScheme.STRICT);
        facts.put("strict P / R / F1", f(strict.precision()) + " / " + f(strict.recall()) + " / " + f(strict.f1()));
        facts.put("tool", "corpusbench " + version());
        return HtmlReportWriter.render(new HtmlReportWriter.Page("Entities: " + Report.lastName(predictions.name()), facts,
                rows, views));
    }

    /** The span report; intervals from {@code poisson} when it is not null, else from the classic rows. */
    private static String spans(Report r, SpanEvaluation total, PoissonBootstrap<long[]> poisson, CountRows units,
                                long unitCount, Map<String, Long> skipped) {
        JsonReport.spans(r.root, total);
        ObjectNode ci = r.root.putObject("confidence_intervals");
        List<ToDoubleFunction<long[]>> metrics = new ArrayList<>();
        for (SpanScheme s : SpanScheme.values()) {
            metrics.add(row -> f1(s, row));
        }
        List<Bootstrap.Interval> ivs = poisson != null ? poisson.intervals(metrics, 0.95)
                : Bootstrap.intervals(units, metrics, r.settings.resamples(), 0.95, r.settings.seed());
        r.method(poisson != null, unitCount);
        for (SpanScheme s : SpanScheme.values()) {
            r.interval(ci, s.wireName() + ".f1", ivs.get(s.ordinal()));
        }
        r.skipped(skipped);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scheme", "precision", "recall", "f1", "95% CI (f1)", "COR", "INC", "PAR", "MIS",
            "SPU"});
        for (SpanScheme s : SpanScheme.values()) {
            var c = total.overall().get(s);
            var prf = c.prf(s);
            rows.add(new String[] {s.wireName(), f(prf.precision()), f(prf.recall()), f(prf.f1()),
                ci(ivs.get(s.ordinal())), n(c.correct()), n(c.incorrect()), n(c.partial()), n(c.missed()),
                n(c.spurious())});
        }
        List<String[]> types = new ArrayList<>();
        types.add(new String[] {"type (strict)", "precision", "recall", "f1", "gold", "predicted"});
        total.labels().forEach((label, m) -> {
            var c = m.get(SpanScheme.STRICT);
            var prf = c.prf(SpanScheme.STRICT);
            types.add(new String[] {label, f(prf.precision()), f(prf.recall()), f(prf.f1()), n(c.possible()),
                n(c.actual())});
        });
        r.table(rows);
        r.table(types);
        return TextTable.markdown(rows) + "\n" + TextTable.markdown(types) + skippedLine(skipped) + r.methodLine();
    }

    /** The interval metrics of the dates task, in the order of the report: strict, relaxed and value F1. */
    private static final List<ToDoubleFunction<TimexCounts>> DATE_METRICS = List.of(x -> x.strictPrf().f1(),
            x -> x.relaxedPrf().f1(), TimexCounts::valueF1);

    private static EvaluationResult dates(Report r, GoldCorpus gold, Predictions.Read read) {
        List<TimexCounts> perDoc = EvaluationUnits.dates(gold, read.layers());
        TimexCounts c = perDoc.stream().reduce(TimexCounts.ZERO, TimexCounts::plus);
        List<String> ids = List.copyOf(gold.documents().keySet());
        List<Bootstrap.Interval> ivs = r.intervals(ids, perDoc, TimexCounts.ZERO, TimexCounts::plus,
                CountLayouts.timex(), DATE_METRICS);
        return dates(r, c, ivs, read.skipped());
    }

    /**
     * Scores a folder of TimeML system files against a folder of TimeML gold files, paired by file name as the
     * TempEval-3 toolkit pairs them, one pair of documents in memory at a time (issue 15): the figures and
     * intervals of {@code import --format timeml} of both folders followed by {@link #evaluate} of the dates,
     * without the two imports. Refused, each problem located: an empty folder, a file that is not
     * {@code NAME.tml} or not TimeML, a gold file without a system file and the reverse, a system text that
     * differs from its gold file's, and what an import would refuse (values, mods, empty texts); the system's
     * problems are skipped and counted instead when {@code settings.lenient()}. The report names each folder
     * by the SHA-256 of its {@code NAME TAB SHA256} lines (docs/reliability.md).
     */
    public static EvaluationResult timemlDates(Path goldDir, Path systemDir, EvaluationSettings settings)
            throws IOException {
        TimemlDateScan scan = TimemlDateScan.run(goldDir, systemDir, settings);
        Report r = new Report(Task.DATES, "timeml", systemDir, scan.systemSha256(), settings);
        r.goldFolder(goldDir, scan.goldSha256());
        r.notes.add("corpusbench: note: " + goldDir + " is a folder of TimeML files, not a release, so no fingerprint "
                + "pins this gold; the report names it '" + r.goldName + "', with the SHA-256 of its files' list");
        scan.skippedProblems().forEach(d -> r.notes.add("skipped: " + d));
        List<Bootstrap.Interval> ivs = r.intervals(scan.documents(), scan.rows(), scan.poisson(), scan.layout(),
                DATE_METRICS);
        return dates(r, scan.total(), ivs, scan.skipped());
    }

    /** The dates report of the summed counts {@code c} and the intervals {@code ivs} of {@link #DATE_METRICS}. */
    private static EvaluationResult dates(Report r, TimexCounts c, List<Bootstrap.Interval> ivs,
                                          Map<String, Long> skipped) {
        ObjectNode root = r.root;
        ObjectNode o = root.putObject("overall");
        JsonReport.prf(o, c.relaxedPrf());
        o.put("gold", c.gold()).put("system", c.system()).put("relaxed_matches", c.relaxed())
                .put("strict_matches", c.strict());
        JsonReport.prf(root.putObject("strict"), c.strictPrf());
        JsonReport.prf(root.putObject("relaxed"), c.relaxedPrf());
        ObjectNode attrs = root.putObject("attributes");
        attrs.putObject("value").put("matches", c.valueMatches()).put("accuracy", c.valueAccuracy())
                .put("f1", c.valueF1());
        attrs.putObject("type").put("matches", c.typeMatches()).put("accuracy", c.typeAccuracy())
                .put("f1", c.typeF1());
        attrs.putObject("mod").put("matches", c.modMatches()).put("accuracy", c.modAccuracy());
        attrs.putObject("value_underspecified").put("matches", c.compatibleValueMatches())
                .put("accuracy", c.compatibleValueAccuracy()).put("f1", c.compatibleValueF1());
        ObjectNode ci = root.putObject("confidence_intervals");
        Bootstrap.Interval s = ivs.get(0);
        Bootstrap.Interval rel = ivs.get(1);
        Bootstrap.Interval v = ivs.get(2);
        r.interval(ci, "strict.f1", s);
        r.interval(ci, "relaxed.f1", rel);
        r.interval(ci, "value.f1", v);
        r.skipped(skipped);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", "precision", "recall", "f1 / accuracy", "95% CI"});
        rows.add(new String[] {"strict match", f(c.strictPrf().precision()), f(c.strictPrf().recall()),
            f(c.strictPrf().f1()), ci(s)});
        rows.add(new String[] {"relaxed match", f(c.relaxedPrf().precision()), f(c.relaxedPrf().recall()),
            f(c.relaxedPrf().f1()), ci(rel)});
        rows.add(new String[] {"value (F1 = acc x relaxed F1)", "", "", f(c.valueF1()) + " (acc "
            + f(c.valueAccuracy()) + ")", ci(v)});
        rows.add(new String[] {"type", "", "", f(c.typeF1()) + " (acc " + f(c.typeAccuracy()) + ")", ""});
        rows.add(new String[] {"mod accuracy", "", "", f(c.modAccuracy()), ""});
        rows.add(new String[] {"value, X-compatible", "", "", f(c.compatibleValueF1()) + " (acc "
            + f(c.compatibleValueAccuracy()) + ")", ""});
        r.table(rows);
        return r.result(new Scores.Dates(c), TextTable.markdown(rows) + skippedLine(skipped) + r.methodLine(),
                null);
    }

    private static EvaluationResult contradictions(Report r, GoldCorpus gold, Predictions.Read read) {
        boolean bySentence = r.settings.matching() == ContradictionMatching.SENTENCE;
        // Pairs can only match within the same pair of documents, so every pair of documents (and each
        // document with itself) is a unit of the bootstrap, in the gold's document order: the same units as
        // the leaderboard and compare resample, whatever the predictions hold.
        List<String> ids = new ArrayList<>(gold.documents().keySet());
        List<Counts> perGroup = new ArrayList<>();
        List<String> groupIds = new ArrayList<>();
        Map<ContradictionType, Counts> types = new EnumMap<>(ContradictionType.class);
        // each pair's verdict, kept for the page, which builds its views only when it is asked for
        List<PairOutcome> pairs = new ArrayList<>();
        List<PairOutcome> spurious = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i; j < ids.size(); j++) {
                List<Contradiction> g = EvaluationUnits.between(gold.contradictions(), ids.get(i), ids.get(j));
                List<Contradiction> p = EvaluationUnits.between(read.contradictions(), ids.get(i), ids.get(j));
                PairMatcher.Result m = bySentence
                        ? PairMatcher.matchBySentence(g, p, id -> Sentences.of(gold.documents().get(id).text()))
                        : PairMatcher.match(g, p);
                perGroup.add(m.overall());
                groupIds.add(ids.get(i) + "|" + ids.get(j));
                boolean[] goldMatched = new boolean[g.size()];
                boolean[] predictionMatched = new boolean[p.size()];
                for (int[] x : m.matches()) {
                    goldMatched[x[0]] = true;
                    predictionMatched[x[1]] = true;
                }
                for (int k = 0; k < g.size(); k++) {
                    pairs.add(new PairOutcome(goldMatched[k] ? "matched" : "missed", g.get(k)));
                }
                for (int k = 0; k < p.size(); k++) {
                    if (!predictionMatched[k]) {
                        spurious.add(new PairOutcome("spurious", p.get(k)));
                    }
                }
                m.types().forEach((t, c) -> types.merge(t, c, Counts::plus));
            }
        }
        Counts total = perGroup.stream().reduce(Counts.ZERO, Counts::plus);
        Bootstrap.Interval iv = r.intervals(groupIds, perGroup, Counts.ZERO, Counts::plus, CountLayouts.counts(),
                List.of(Counts::f1)).get(0);
        pairs.addAll(spurious);
        r.pairs = pairs;
        return contradictions(r, total, types, iv, read.skipped());
    }

    /** The contradictions report of the summed counts, the counts by type and the interval of F1. */
    private static EvaluationResult contradictions(Report r, Counts total, Map<ContradictionType, Counts> types,
                                                   Bootstrap.Interval iv, Map<String, Long> skipped) {
        boolean bySentence = r.settings.matching() == ContradictionMatching.SENTENCE;
        JsonReport.counts(r.root.putObject("overall"), total);
        ObjectNode tn = r.root.putObject("types");
        types.forEach((t, c) -> JsonReport.counts(tn.putObject(t.name()), c));
        r.interval(r.root.putObject("confidence_intervals"), "f1", iv);
        r.skipped(skipped);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"type", "precision", "recall", "f1", "tp", "pred", "gold"});
        types.forEach((t, c) -> rows.add(new String[] {t.name(), f(c.precision()), f(c.recall()), f(c.f1()),
            n(c.tp()), n(c.predicted()), n(c.gold())}));
        rows.add(new String[] {"overall" + (bySentence ? " (sentence level)" : ""), f(total.precision()),
            f(total.recall()), f(total.f1()) + " " + ci(iv), n(total.tp()), n(total.predicted()), n(total.gold())});
        r.table(rows);
        return r.result(new Scores.Contradictions(total, types), TextTable.markdown(rows)
                + skippedLine(skipped) + r.methodLine(), null);
    }

    /** Most pairs the contradictions page shows, so that a detector flagging every pair keeps a readable page. */
    private static final int PAGE_PAIRS = 2000;

    /** Context shown on each side of an evidence span, at most, in code points. */
    private static final int CONTEXT = 240;

    /** A contradiction pair and the scorer's verdict on it: matched, missed or spurious. */
    private record PairOutcome(String status, Contradiction pair) {
    }

    /** The page's view of the first {@link #PAGE_PAIRS} pairs. */
    private static List<HtmlReportWriter.PairView> pairViews(GoldCorpus gold, List<PairOutcome> pairs) {
        Map<String, List<Span>> sentences = new HashMap<>();
        List<HtmlReportWriter.PairView> out = new ArrayList<>();
        for (PairOutcome o : pairs.subList(0, Math.min(PAGE_PAIRS, pairs.size()))) {
            out.add(pairView(gold, o.status(), o.pair(), sentences));
        }
        return out;
    }

    private static HtmlReportWriter.PairView pairView(GoldCorpus gold, String status, Contradiction c,
                                                      Map<String, List<Span>> sentences) {
        return new HtmlReportWriter.PairView(status, c.id(), c.type() == null ? null : c.type().name(),
                evidenceView(gold, c.a(), sentences), evidenceView(gold, c.b(), sentences), c.explanation());
    }

    /** The evidence in its sentence (the sentence it starts in), clipped to {@link #CONTEXT} on each side. */
    private static HtmlReportWriter.EvidenceView evidenceView(GoldCorpus gold, Evidence e,
                                                              Map<String, List<Span>> sentences) {
        String text = gold.documents().get(e.docId()).text();
        int start = e.span().start();
        int end = e.span().end();
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(CodePoints.length(text), end + CONTEXT);
        for (Span s : sentences.computeIfAbsent(e.docId(), id -> Sentences.of(text))) {
            if (start >= s.start() && start < Math.max(s.end(), s.start() + 1)) {
                from = Math.max(from, s.start());
                to = Math.min(to, Math.max(s.end(), end));
                break;
            }
        }
        return new HtmlReportWriter.EvidenceView(e.docId(), CodePoints.substring(text, from, start), CodePoints.substring(text, start, end),
                CodePoints.substring(text, end, to));
    }

    /** The interval metrics of the NLI task, in the order of the report: accuracy and macro-F1. */
    private static final List<ToDoubleFunction<NliCounts>> NLI_METRICS = List.of(NliCounts::accuracy,
            NliCounts::macroF1);

    private static EvaluationResult nli(Report r, GoldCorpus gold, Predictions.Read read) {
        List<NliCounts> perPair = EvaluationUnits.nli(gold, read.nliLabels());
        NliCounts c = perPair.stream().reduce(NliCounts.ZERO, NliCounts::plus);
        List<String> pairIds = gold.nliPairs().stream().map(p -> p.id()).toList();
        List<Bootstrap.Interval> ivs = r.intervals(pairIds, perPair, NliCounts.ZERO, NliCounts::plus,
                CountLayouts.nli(), NLI_METRICS);
        return nli(r, c, ivs, read.skipped());
    }

    /** The NLI report of the summed counts {@code c} and the intervals {@code ivs} of {@link #NLI_METRICS}. */
    private static EvaluationResult nli(Report r, NliCounts c, List<Bootstrap.Interval> ivs,
                                        Map<String, Long> skipped) {
        ObjectNode root = r.root;
        root.putObject("overall").put("accuracy", c.accuracy()).put("macro_f1", c.macroF1()).put("pairs", c.total());
        // scikit-learn's precision_recall_fscore_support over the three labels, zero_division=0; a pair without
        // a prediction is a false negative of its gold label and a false positive of none
        ObjectNode avg = root.putObject("averages");
        JsonReport.prf(avg.putObject("micro"), c.micro());
        JsonReport.prf(avg.putObject("macro"), c.macro());
        JsonReport.prf(avg.putObject("weighted"), c.weighted());
        ObjectNode tn = root.putObject("types");
        ObjectNode cm = root.putObject("confusion");
        for (NliLabel g : NliLabel.values()) {
            JsonReport.counts(tn.putObject(g.wireName()), c.counts(g));
            ObjectNode row = cm.putObject(g.wireName());
            for (NliLabel p : NliLabel.values()) {
                row.put(p.wireName(), c.cell(g, p));
            }
            row.put("(none)", c.missing(g));
        }
        ObjectNode ci = root.putObject("confidence_intervals");
        Bootstrap.Interval acc = ivs.get(0);
        Bootstrap.Interval mf = ivs.get(1);
        r.interval(ci, "accuracy", acc);
        r.interval(ci, "macro_f1", mf);
        r.skipped(skipped);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"gold \\ predicted", "entailment", "neutral", "contradiction", "(none)", "precision",
            "recall", "f1"});
        for (NliLabel g : NliLabel.values()) {
            Counts k = c.counts(g);
            rows.add(new String[] {g.wireName(), n(c.cell(g, NliLabel.ENTAILMENT)), n(c.cell(g, NliLabel.NEUTRAL)),
                n(c.cell(g, NliLabel.CONTRADICTION)), n(c.missing(g)), f(k.precision()), f(k.recall()), f(k.f1())});
        }
        average(rows, "micro avg", c.micro());
        average(rows, "macro avg", c.macro());
        average(rows, "weighted avg", c.weighted());
        rows.add(new String[] {"accuracy " + f(c.accuracy()) + " " + ci(acc), "", "", "", "", "", "macro-F1",
            f(c.macroF1())});
        r.table(rows);
        return r.result(new Scores.Nli(c), TextTable.markdown(rows) + skippedLine(skipped) + r.methodLine(),
                null);
    }

    private static void average(List<String[]> rows, String name, Prf p) {
        rows.add(new String[] {name, "", "", "", "", f(p.precision()), f(p.recall()), f(p.f1())});
    }

    private static String skippedLine(Map<String, Long> skipped) {
        return skipped.isEmpty() ? "" : "skipped (--lenient): " + skipped + "\n";
    }

    private static List<LabelledSpan> chunks(List<Chunk> cs) {
        List<LabelledSpan> out = new ArrayList<>(cs.size());
        cs.forEach(c -> out.add(new LabelledSpan(c.start(), c.end(), c.type())));
        return out;
    }

    private static List<SpanErrors.Labelled> errors(List<LabelledSpan> l) {
        List<SpanErrors.Labelled> out = new ArrayList<>();
        l.forEach(x -> out.add(new SpanErrors.Labelled(x.start(), x.end(), x.label())));
        return out;
    }

    static List<LabelledSpan> entities(DocumentAnnotations a, boolean conll4) {
        List<LabelledSpan> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        for (EntityMention e : a.entities()) {
            String label = conll4 ? EntityTypes.toConll4(e.type()) : e.type();
            if (label != null) {
                out.add(new LabelledSpan(e.span().start(), e.span().end(), label));
            }
        }
        return out;
    }

    private static long[] unitCounts(SpanEvaluation e) {
        long[] row = new long[UNIT_WIDTH];
        for (SpanScheme s : SpanScheme.values()) {
            SpanCounts c = e.overall().get(s);
            int at = 5 * s.ordinal();
            row[at] = c.correct();
            row[at + 1] = c.incorrect();
            row[at + 2] = c.partial();
            row[at + 3] = c.missed();
            row[at + 4] = c.spurious();
        }
        return row;
    }

    private static double f1(SpanScheme s, long[] row) {
        int at = 5 * s.ordinal();
        return new SpanCounts(row[at], row[at + 1], row[at + 2], row[at + 3], row[at + 4]).prf(s).f1();
    }

    /** The version of corpusbench that computed a result, from the jar's manifest ({@code dev} in a checkout). */
    public static String version() {
        String v = Evaluations.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static String ci(Bootstrap.Interval iv) {
        return iv.resamples() == 0 ? "" : "[" + f(iv.low()) + ", " + f(iv.high()) + "]";
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String n(long v) {
        return Long.toString(v);
    }

    /** The JSON report being built, with the provenance and intervals that go into the result too. */
    private static final class Report {
        final Task task;
        final EvaluationSettings settings;
        final ObjectNode root;
        final List<Provenance.Input> inputs = new ArrayList<>();
        final Map<String, Bootstrap.Interval> intervals = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
        Map<String, Long> skipped = Map.of();
        GoldCorpus gold;
        /** The gold's name when it is a folder of files rather than a {@link GoldCorpus} (TimeML), else null. */
        String goldName;
        boolean poisson;
        long units;
        /** The predictions' path as given, and its last name (the page's title). */
        final String predictions;
        final String predictionsName;
        final List<List<String[]>> tables = new ArrayList<>();
        final List<String> pageNotes = new ArrayList<>();
        /** Contradictions: every pair with the scorer's verdict, for the page; {@code null} for other tasks. */
        List<PairOutcome> pairs;
        /** Where the units of the streaming bootstrap are added up. */
        UnitBootstrap unitBootstrap = UnitBootstrap.THIS_JVM;

        Report(Task task, String format, Path predictions, EvaluationSettings settings) throws IOException {
            this(task, format, predictions, Hashes.sha256(predictions), settings);
        }

        /** A report whose predictions' SHA-256 is given: a folder's (TimeML), computed while it was read. */
        Report(Task task, String format, Path predictions, String predictionsSha256, EvaluationSettings settings) {
            this(task, format, new Provenance.Input("predictions", predictions.toString(), predictionsSha256),
                    String.valueOf(predictions.getFileName()), settings);
        }

        /** A report of predictions read from {@code source}, named as the source names itself. */
        Report(Task task, PredictionSource source, EvaluationSettings settings) throws IOException {
            this(task, source.format(), new Provenance.Input("predictions", source.name(), source.sha256()),
                    settings);
        }

        /** A report of predictions scored elsewhere (issue 16), named by the path as given. */
        Report(Task task, String format, Provenance.Input predictions, EvaluationSettings settings) {
            this(task, format, predictions, lastName(predictions.path()), settings);
        }

        private Report(Task task, String format, Provenance.Input predictions, String predictionsName,
                       EvaluationSettings settings) {
            this.task = task;
            this.settings = settings;
            this.predictions = predictions.path();
            this.predictionsName = predictionsName;
            root = JsonReport.start(task.wireName(), version());
            ObjectNode o = root.putObject("options");
            o.put("task", task.wireName());
            o.put("format", format);
            boolean conll = format.equals("conll");
            if (conll && settings.scheme() != null) {
                o.put("scheme", settings.scheme().name());
            }
            o.put("mode", conll ? settings.tagMode().wireName()
                    : task == Task.CONTRADICTIONS ? settings.matching().wireName() : "default");
            if (settings.skipDocstart()) {
                o.put("skip_docstart", true);
            }
            o.put("lenient", settings.lenient());
            if (settings.allowEmpty()) {
                o.put("allow_empty", true);
            }
            o.put("resamples", settings.resamples());
            o.put("seed", settings.seed());
            if (settings.conll4()) {
                o.put("map", "conll4");
            }
            input("predictions", predictions.path(), predictions.sha256());
        }

        /** The last name of a path or URI as given ({@code a/b.conll}: {@code b.conll}), as Path#getFileName. */
        static String lastName(String path) {
            String p = path;
            while (p.length() > 1 && p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            return p.substring(p.lastIndexOf('/') + 1);
        }

        private void input(String role, Path file) throws IOException {
            input(role, file.toString(), Hashes.sha256(file));
        }

        private void input(String role, String file, String sha) {
            inputs.add(new Provenance.Input(role, file, sha));
            ArrayNode a = root.has("inputs") ? (ArrayNode) root.get("inputs") : root.putArray("inputs");
            a.addObject().put("role", role).put("path", file).put("sha256", sha);
        }

        void gold(GoldCorpus g, GoldCorpus.Layer layer) throws IOException {
            gold = g;
            ObjectNode d = root.putObject("dataset");
            d.put("name", g.name());
            if (g.version() != null) {
                d.put("version", g.version());
                d.put("fingerprint", g.fingerprint());
            }
            for (Path f : g.filesOf(layer)) {
                input("gold", f);
            }
        }

        /** The gold as a folder of files that is not a release (TimeML): named by the folder, with its SHA-256. */
        void goldFolder(Path dir, String sha256) {
            Path name = dir.toAbsolutePath().normalize().getFileName();
            goldName = name == null ? dir.toString() : name.toString();
            root.putObject("dataset").put("name", goldName);
            input("gold", dir.toString(), sha256);
        }

        void interval(ObjectNode ci, String name, Bootstrap.Interval iv) {
            if (iv.resamples() == 0) {
                return; // no resamples: no interval, rather than one of zero width that claims 95%
            }
            intervals.put(name, iv);
            ci.putObject(name).put("estimate", iv.estimate()).put("low", iv.low()).put("high", iv.high())
                    .put("level", iv.level()).put("resamples", iv.resamples()).put("seed", iv.seed())
                    .put("method", poisson ? "poisson" : "classic");
        }

        /** Records which bootstrap made the intervals, over how many units. */
        void method(boolean byPoisson, long unitCount) {
            poisson = byPoisson;
            units = unitCount;
        }

        /**
         * The intervals of {@code metrics} over per-unit counts, by the settings' method: the classic
         * bootstrap of the list, or Poisson weights keyed by each unit's id.
         */
        <T> List<Bootstrap.Interval> intervals(List<String> ids, List<T> perUnit, T zero, BinaryOperator<T> merge,
                                               CountLayout<T> layout, List<ToDoubleFunction<T>> metrics) {
            method(settings.bootstrap().poissonFor(perUnit.size()), perUnit.size());
            if (poisson) {
                return unitBootstrap.fill(ids, perUnit, layout, settings.resamples(), settings.seed())
                        .intervals(metrics, 0.95);
            }
            List<Bootstrap.Interval> out = new ArrayList<>();
            for (ToDoubleFunction<T> metric : metrics) {
                out.add(Bootstrap.interval(perUnit, zero, merge, metric, settings.resamples(), 0.95, settings.seed()));
            }
            return out;
        }

        /**
         * The intervals of {@code metrics} over units that were streamed: {@code n} of them, by the settings'
         * method as {@link #intervals(List, List, Object, BinaryOperator, CountLayout, List)} chooses it, from
         * {@code streamed} (fed every unit, by its key) or from the classic rows kept ({@code rows}, laid out by
         * {@code layout}; every unit when the classic bootstrap is chosen). {@link Bootstrap#intervals} draws the
         * units that {@link Bootstrap#interval} draws for each metric, so the figures are the list-based call's,
         * in one pass and without an object per draw.
         */
        <T> List<Bootstrap.Interval> intervals(long n, CountRows rows, PoissonBootstrap<T> streamed,
                                               CountLayout<T> layout, List<ToDoubleFunction<T>> metrics) {
            method(settings.bootstrap().poissonFor(n), n);
            if (poisson) {
                return streamed.intervals(metrics, 0.95);
            }
            if (rows.rows() != n) {
                throw new IllegalStateException(n + " units but " + rows.rows() + " classic rows");
            }
            List<ToDoubleFunction<long[]>> onRows = new ArrayList<>();
            metrics.forEach(m -> onRows.add(v -> m.applyAsDouble(layout.read(v))));
            return Bootstrap.intervals(rows, onRows, settings.resamples(), 0.95, settings.seed());
        }

        /** A line under the tables when the Poisson bootstrap made the intervals; nothing for the classic one. */
        String methodLine() {
            if (!poisson || settings.resamples() == 0) {
                return "";
            }
            return "95% intervals: Poisson bootstrap over " + units + " units (seeded by each unit's key; "
                    + "--bootstrap classic resamples units instead)\n";
        }

        void skipped(Map<String, Long> s) {
            skipped = s;
            if (!s.isEmpty()) {
                ObjectNode sk = root.putObject("skipped");
                s.forEach(sk::put);
            }
        }

        /** A table of the text rendering, kept for the HTML one. */
        void table(List<String[]> rows) {
            tables.add(rows);
        }

        /**
         * The result; a task without a page of its own gets one of its tables, with the provenance. The JSON and
         * that page are rendered when first asked for (a text-only run then loads no JSON mapper; issue 15).
         */
        /** As {@link #result(Scores, String, String)}, with the page made by {@code html} when first asked for. */
        EvaluationResult lazyResult(Scores scores, String text, java.util.function.Supplier<String> html) {
            Provenance p = new Provenance(gold.name(), gold.version(), gold.fingerprint(), inputs);
            return new EvaluationResult(task, scores, intervals, p, skipped, notes, text, () -> JsonReport.toJson(root),
                    html);
        }

        EvaluationResult result(Scores scores, String text, String html) {
            Provenance p = gold == null ? new Provenance(goldName, null, null, inputs)
                    : new Provenance(gold.name(), gold.version(), gold.fingerprint(), inputs);
            return new EvaluationResult(task, scores, intervals, p, skipped, notes, text, () -> JsonReport.toJson(root),
                    html != null ? () -> html : this::page);
        }

        /** The page of the tables, with the provenance and the lines under the text's tables. */
        private String page() {
            Map<String, String> facts = new LinkedHashMap<>();
            if (gold != null) {
                facts.put("dataset", gold.name() + (gold.version() == null ? "" : " " + gold.version()));
                if (gold.fingerprint() != null) {
                    facts.put("fingerprint", gold.fingerprint());
                }
            }
            if (goldName != null) {
                facts.put("dataset", goldName);
            }
            facts.put("predictions", predictions);
            facts.put("sha256", inputs.get(0).sha256());
            facts.put("tool", "corpusbench " + version());
            List<String> lines = new ArrayList<>(pageNotes);
            if (!skipped.isEmpty()) {
                lines.add("skipped (--lenient): " + skipped);
            }
            String method = methodLine();
            if (!method.isEmpty()) {
                lines.add(method.strip());
            }
            String heading = title(task) + ": " + predictionsName;
            return pairs == null ? HtmlReportWriter.renderTables(heading, facts, tables, lines)
                    : HtmlReportWriter.renderContradictions(heading, facts, tables, lines, pairViews(gold, pairs),
                            pairs.size());
        }

        private static String title(Task t) {
            return switch (t) {
                case TAGS -> "Tags";
                case ENTITIES -> "Entities";
                case DATES -> "Dates (TIMEX3)";
                case CONTRADICTIONS -> "Contradictions";
                case NLI -> "NLI";
            };
        }
    }
}
