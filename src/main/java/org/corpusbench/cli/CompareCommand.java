package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.evaluation.Comparison;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.Evaluations;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.Task;
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

    @Option(names = "--allow-empty", description = "--task contradictions: score an empty predictions file as a "
            + "detector that flagged no pair (refused otherwise, as a wrong or truncated file would be).")
    boolean allowEmpty;

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
        Task t = Task.parse(task);
        if (t == null || t == Task.TAGS) {
            throw new UsageException("unknown --task '" + task + "'; expected entities, dates, "
                    + "contradictions or nli");
        }
        if (allowEmpty && t != Task.CONTRADICTIONS) {
            throw new UsageException("--allow-empty applies to --task contradictions only (the other tasks' "
                    + "predictions hold a record per document or pair, even where a system found nothing)");
        }
        GoldCorpus gold = Evaluations.gold(t, dataset, expectFingerprint);
        PrintWriter err = spec.commandLine().getErr();
        Evaluations.unpinnedNote(gold, dataset).ifPresent(err::println);
        err.flush();
        Comparison c = Evaluations.compare(t, gold, a, b, EvaluationSettings.defaults().withLenient(lenient)
                .withAllowEmpty(allowEmpty).withIntervals(resamples, seed), shuffles);
        c.notes().forEach(err::println);
        err.flush();
        PrintWriter w = spec.commandLine().getOut();
        w.print(c.text());
        w.flush();
        return 0;
    }
}
