package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BinaryOperator;
import java.util.function.ToDoubleFunction;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.GoldCorpus;
import org.corpusbench.eval.Predictions;
import org.corpusbench.eval.contradiction.PairMatcher;
import org.corpusbench.eval.entity.LabelledSpan;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanEvaluator;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.nli.NliCounts;
import org.corpusbench.eval.nli.NliEvaluator;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.eval.timex.TimexEvaluator;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code corpusbench compare}: are two systems' scores on the same gold different? A paired approximate
 * randomization test (swap the two systems' outputs per document) gives the p-value; a paired bootstrap
 * over documents gives the 95% interval of the difference.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two systems on the same gold: headline figure of each, difference with a 95% "
                + "bootstrap interval, and the approximate randomization p-value.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Gold release or JSONL directory.")
    Path dataset;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "entities, dates, contradictions or nli.")
    String task;

    @Option(names = "--shuffles", paramLabel = "N", description = "Randomization rounds (default: 10000).")
    int shuffles = 10_000;

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (default: 1000).")
    int resamples = Bootstrap.DEFAULT_RESAMPLES;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: 13).")
    long seed = 13;

    @Option(names = "--lenient", description = "Skip and count bad predictions instead of failing.")
    boolean lenient;

    @Parameters(index = "0", paramLabel = "A", description = "Predictions of system A.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Predictions of system B.")
    Path b;

    @Override
    public Integer call() throws IOException {
        for (Path p : List.of(a, b)) {
            if (!Files.isRegularFile(p)) {
                throw new UsageException(p + ": no such file");
            }
        }
        if (!Files.isDirectory(dataset)) {
            throw new UsageException(dataset + ": no such directory");
        }
        GoldCorpus gold = GoldCorpus.read(dataset);
        Predictions.Read ra = Predictions.read(a, gold.documents(), lenient);
        Predictions.Read rb = Predictions.read(b, gold.documents(), lenient);
        for (Predictions.Read r : List.of(ra, rb)) {
            if (!lenient && !r.problems().isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                r.problems().forEach(err::println);
                err.println(r.problems().size() + " problems in the predictions; fix them or pass --lenient");
                err.flush();
                return Main.PROBLEMS;
            }
        }
        return switch (task.toLowerCase(Locale.ROOT)) {
            case "entities" -> report("strict F1", per(gold, ra), per(gold, rb), SpanEvaluation.EMPTY,
                    SpanEvaluation::plus, e -> e.micro(SpanScheme.STRICT).f1());
            case "dates" -> report("relaxed F1", timex(gold, ra), timex(gold, rb), TimexCounts.ZERO, TimexCounts::plus,
                    c -> c.relaxedPrf().f1());
            case "contradictions" -> report("F1", pairs(gold, ra), pairs(gold, rb), Counts.ZERO, Counts::plus,
                    Counts::f1);
            case "nli" -> report("accuracy", nli(gold, ra), nli(gold, rb), NliCounts.ZERO, NliCounts::plus,
                    NliCounts::accuracy);
            default -> throw new UsageException("unknown --task '" + task + "'; expected entities, dates, "
                    + "contradictions or nli");
        };
    }

    private <T> int report(String metric, List<T> xa, List<T> xb, T zero, BinaryOperator<T> merge,
                           ToDoubleFunction<T> f) {
        double fa = f.applyAsDouble(xa.stream().reduce(zero, merge));
        double fb = f.applyAsDouble(xb.stream().reduce(zero, merge));
        double p = Bootstrap.approximateRandomization(xa, xb, zero, merge, f, shuffles, seed);
        Bootstrap.Interval d = Bootstrap.difference(xa, xb, zero, merge, f, resamples, 0.95, seed);
        PrintWriter w = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"system", metric});
        rows.add(new String[] {"A " + a.getFileName(), EvaluateCommand.f(fa)});
        rows.add(new String[] {"B " + b.getFileName(), EvaluateCommand.f(fb)});
        rows.add(new String[] {"A - B", EvaluateCommand.f(fa - fb) + " [" + EvaluateCommand.f(d.low()) + ", "
            + EvaluateCommand.f(d.high()) + "]"});
        w.print(TextTable.markdown(rows));
        w.println("approximate randomization: p = " + String.format(Locale.ROOT, "%.4f", p) + " (" + shuffles
                + " shuffles over " + xa.size() + " units, seed " + seed + ")");
        w.flush();
        return 0;
    }

    private static List<SpanEvaluation> per(GoldCorpus gold, Predictions.Read r) {
        List<SpanEvaluation> out = new ArrayList<>();
        for (Document d : gold.documents().values()) {
            out.add(SpanEvaluator.evaluate(spans(gold.gold(d.id())), spans(r.layers().get(d.id()))));
        }
        return out;
    }

    private static List<LabelledSpan> spans(DocumentAnnotations a) {
        List<LabelledSpan> out = new ArrayList<>();
        a.entities().forEach(e -> out.add(new LabelledSpan(e.span().start(), e.span().end(), e.type())));
        return out;
    }

    private static List<TimexCounts> timex(GoldCorpus gold, Predictions.Read r) {
        List<TimexCounts> out = new ArrayList<>();
        for (Document d : gold.documents().values()) {
            out.add(TimexEvaluator.evaluate(gold.gold(d.id()).timexes(), r.layers().get(d.id()).timexes()));
        }
        return out;
    }

    /** Per pair of documents: contradictions can only match within one. */
    private static List<Counts> pairs(GoldCorpus gold, Predictions.Read r) {
        List<String> ids = new ArrayList<>(gold.documents().keySet());
        List<Counts> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i; j < ids.size(); j++) {
                String x = ids.get(i);
                String y = ids.get(j);
                out.add(PairMatcher.match(between(gold.contradictions(), x, y), between(r.contradictions(), x, y))
                        .overall());
            }
        }
        return out;
    }

    private static List<Contradiction> between(List<Contradiction> cs, String x, String y) {
        return cs.stream().filter(c -> c.a().docId().equals(x) && c.b().docId().equals(y)
                || c.a().docId().equals(y) && c.b().docId().equals(x)).toList();
    }

    private static List<NliCounts> nli(GoldCorpus gold, Predictions.Read r) {
        List<NliCounts> out = new ArrayList<>();
        for (NliPair p : gold.nliPairs()) {
            out.add(NliEvaluator.evaluate(p, r.nliLabels()));
        }
        return out;
    }
}
