package org.corpusbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.corpusbench.leaderboard.BaselineSuite;
import org.corpusbench.leaderboard.Leaderboard;
import org.corpusbench.leaderboard.LeaderboardReport;
import org.corpusbench.dataset.CorpusStatistics;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.internal.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code corpusbench run}: the main job. Verifies the current release of the dataset, runs every baseline,
 * scores each with bootstrap intervals and prints the leaderboard, with an HTML copy under {@code target/}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The main job: verify the release, run every baseline, print the leaderboard and write an "
                + "HTML report under target/.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--root", description = "Project root holding datasets/ (default: the current directory, "
            + "or the launcher's directory).")
    Path root;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset under datasets/ (default: "
            + "oreshnik-reports).")
    String datasetName = "oreshnik-reports";

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (default: 1000).")
    int resamples = Bootstrap.DEFAULT_RESAMPLES;

    @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: 13).")
    long seed = Leaderboard.DEFAULT_SEED;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the HTML and JSON leaderboard go (default: "
            + "target/corpusbench-run under the project root).")
    Path outDir;

    @Option(names = "--conll2003", paramLabel = "PATH", description = "Also train OpenNLP on this CoNLL-2003 "
            + "English training file (or a directory holding train.txt or eng.train) and score it with CoNLL-4 "
            + "labels; about a minute.")
    Path conll2003;

    @Option(names = "--progress", paramLabel = "WHEN", description = "auto (default: on a terminal and not "
            + "under CI), always or never.")
    String progress = "auto";

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CommandPaths.between(resamples, 0, Bootstrap.MAX_RESAMPLES, "--resamples");
        if (outDir != null) {
            CommandPaths.outputDirectory(outDir, "--out");
            CommandPaths.notInRelease(outDir.resolve("leaderboard.html"), "--out");
        }
        Path base = root != null ? root : ProjectRoot.find();
        Path datasetDir = base.resolve("datasets").resolve(datasetName);
        Path descriptor = datasetDir.resolve("dataset.json");
        if (!Files.isRegularFile(descriptor)) {
            throw new UsageException(descriptor + ": no dataset descriptor; run from the corpusbench checkout or "
                    + "pass --root");
        }
        JsonNode d = new ObjectMapper().readTree(descriptor.toFile());
        String version = d.path("version").asText("");
        if (version.isEmpty()) {
            throw new UsageException(descriptor + ": field 'version': expected the current release version");
        }
        Path release = datasetDir.resolve(version);
        if (!Files.isDirectory(release)) {
            throw new UsageException(release + ": release " + version + " is not built; run 'corpusbench build "
                    + "--source " + datasetDir + " --seeds " + base.resolve("seeds") + "'");
        }

        // options are checked before anything is printed or computed
        Path conllTrain = conll2003 == null ? null : conllTrainFile(conll2003);
        out.println("== Verifying " + release);
        if (!VerifyCommand.verify(release, null, out, spec.commandLine().getErr())) {
            out.flush();
            return Main.PROBLEMS;
        }
        out.println();
        out.println("== Statistics");
        out.print(CorpusStatistics.of(List.of(release)).render());
        out.println();
        out.flush();

        GoldCorpus gold = GoldCorpus.read(release);
        List<Leaderboard.Row> rows;
        try (ProgressBar bar = progressBar()) {
            Consumer<String> step = bar == null ? s -> { } : s -> {
                bar.setExtraMessage(s);
                bar.step();
            };
            rows = Leaderboard.compute(gold, resamples, seed, conllTrain, step);
            if (bar != null) {
                bar.stepTo(steps());
                bar.setExtraMessage("done");
            }
        }

        LeaderboardReport report = new LeaderboardReport(gold.name(), gold.version(), gold.fingerprint(),
                Main.version(), rows);
        out.print(report.toText());
        Path dir = outDir != null ? outDir : base.resolve("target").resolve("corpusbench-run");
        Files.createDirectories(dir);
        Path html = dir.resolve("leaderboard.html");
        Path json = dir.resolve("leaderboard.json");
        AtomicFiles.writeString(json, report.toJson());
        AtomicFiles.writeString(html, report.toHtml());
        out.println();
        out.println("HTML report: " + html.toAbsolutePath().normalize());
        out.println("JSON report: " + json.toAbsolutePath().normalize());
        out.flush();
        return 0;
    }

    private static Path conllTrainFile(Path p) {
        if (Files.isRegularFile(p)) {
            return p;
        }
        for (String name : new String[] {"train.txt", "eng.train"}) {
            if (Files.isRegularFile(p.resolve(name))) {
                return p.resolve(name);
            }
        }
        throw new UsageException(p + ": expected the CoNLL-2003 English training file, or a directory holding "
                + "train.txt or eng.train");
    }

    private int steps() {
        return BaselineSuite.steps() + (conll2003 == null ? 0 : 1);
    }

    /** A progress bar on stderr when a person is watching; none when piped or under CI. */
    private ProgressBar progressBar() {
        boolean show = switch (progress) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> System.console() != null && System.getenv("CI") == null;
            default -> throw new UsageException("unknown --progress '" + progress + "'; expected auto, always or never");
        };
        if (!show) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("baselines").setInitialMax(steps())
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build();
    }
}
