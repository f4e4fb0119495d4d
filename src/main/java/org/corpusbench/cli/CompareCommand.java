package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BinaryOperator;
import java.util.function.ToDoubleFunction;
import org.corpusbench.eval.Counts;
import org.corpusbench.evaluation.EvaluationUnits;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.Predictions;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.nli.NliCounts;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.diagnostic.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.corpusbench.internal.TextTable;

/**
 * {@code corpusbench compare}: are two systems' scores on the same gold different? A paired approximate
 * randomization test (swap the two systems' outputs per document) gives the p-value; a paired bootstrap
 * over documents gives the 95% interval of the difference.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two systems on the same gold: headline figure of each, difference with a 95%% "
                + "bootstrap interval, and the approximate randomization p-value.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Gold release or JSONL directory.")
    Path dataset;

    @Option(names = "--expect-fingerprint", paramLabel = "HEX", converter = VerifyCommand.FingerprintConverter.class,
            description = "With a release as --dataset: require this fingerprint (see 'corpusbench verify --help').")
    String expectFingerprint;

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
        CommandPaths.inputFile(a, "A");
        CommandPaths.inputFile(b, "B");
        CommandPaths.inputDirectory(dataset, "--dataset");
        CommandPaths.between(shuffles, 1, Bootstrap.MAX_SHUFFLES, "--shuffles");
        CommandPaths.between(resamples, 0, Bootstrap.MAX_RESAMPLES, "--resamples");
        GoldCorpus.Layer layer = switch (task.toLowerCase(Locale.ROOT)) {
            case "entities" -> GoldCorpus.Layer.ENTITIES;
            case "dates" -> GoldCorpus.Layer.TIMEXES;
            case "contradictions" -> GoldCorpus.Layer.CONTRADICTIONS;
            case "nli" -> GoldCorpus.Layer.NLI;
            default -> throw new UsageException("unknown --task '" + task + "'; expected entities, dates, "
                    + "contradictions or nli");
        };
        GoldCorpus gold = GoldCorpus.read(dataset, expectFingerprint);
        gold.require(layer, dataset);
        EvaluateCommand.unpinned(gold, dataset, spec.commandLine().getErr());
        Predictions.Read ra = read(a, "A", gold, layer);
        Predictions.Read rb = read(b, "B", gold, layer);
        return switch (layer) {
            case ENTITIES -> report("strict F1", EvaluationUnits.entities(gold, ra.layers()),
                    EvaluationUnits.entities(gold, rb.layers()), SpanEvaluation.EMPTY, SpanEvaluation::plus,
                    e -> e.micro(SpanScheme.STRICT).f1());
            case TIMEXES -> report("relaxed F1", EvaluationUnits.dates(gold, ra.layers()),
                    EvaluationUnits.dates(gold, rb.layers()), TimexCounts.ZERO, TimexCounts::plus,
                    c -> c.relaxedPrf().f1());
            case CONTRADICTIONS -> report("F1", EvaluationUnits.contradictions(gold, ra.contradictions()),
                    EvaluationUnits.contradictions(gold, rb.contradictions()), Counts.ZERO, Counts::plus,
                    Counts::f1);
            default -> report("accuracy", EvaluationUnits.nli(gold, ra.nliLabels()),
                    EvaluationUnits.nli(gold, rb.nliLabels()), NliCounts.ZERO, NliCounts::plus, NliCounts::accuracy);
        };
    }

    private Predictions.Read read(Path file, String system, GoldCorpus gold, GoldCorpus.Layer layer)
            throws IOException {
        Predictions.Read r = Predictions.read(file, gold, layer, lenient);
        if (!lenient && !r.problems().isEmpty()) {
            throw new InvalidInputException("the predictions of system " + system, r.problems(),
                    "fix them or pass --lenient");
        }
        EvaluateCommand.skipped(r, spec.commandLine().getErr());
        return r;
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
        rows.add(new String[] {"A - B", EvaluateCommand.f(fa - fb) + (d.resamples() == 0 ? ""
            : " [" + EvaluateCommand.f(d.low()) + ", " + EvaluateCommand.f(d.high()) + "]")});
        w.print(TextTable.markdown(rows));
        w.println("approximate randomization: p = " + String.format(Locale.ROOT, "%.4f", p) + " (" + shuffles
                + " shuffles over " + xa.size() + " units, seed " + seed + ")");
        w.flush();
        return 0;
    }
}
