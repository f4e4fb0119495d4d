package org.corpusbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.corpusbench.leaderboard.Leaderboard;
import org.corpusbench.dataset.PublishedReleases;
import org.corpusbench.dataset.ReleaseBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpusbench build}: the release from the seeds and the human-edited gold. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build a dataset release from seeds/ and the gold sources (deterministic).",
            "An existing version is left as it is when identical, and refused when different.",
            "A new version built into SOURCE/VERSION is recorded with its fingerprint in SOURCE/releases.tsv; a "
                + "recorded version is refused if the build gives another fingerprint."})
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "DIR", description = "Dataset source directory with dataset.json, "
            + "gold/ and card/ (default: datasets/oreshnik-reports).")
    Path source;

    @Option(names = "--seeds", paramLabel = "DIR", description = "Seed articles (default: seeds).")
    Path seeds;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: SOURCE/VERSION).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path root = ProjectRoot.find();
        Path src = source != null ? source : root.resolve("datasets/oreshnik-reports");
        Path sd = seeds != null ? seeds : root.resolve("seeds");
        CommandPaths.inputDirectory(src, "--source");
        CommandPaths.inputDirectory(sd, "--seeds");
        if (out != null) {
            CommandPaths.outputDirectory(out, "--out");
            CommandPaths.outsideOf(out, "--out", src, "--source");
            CommandPaths.outsideOf(out, "--out", sd, "--seeds");
        }
        ReleaseBuilder.Result r = ReleaseBuilder.build(src, sd, out, Leaderboard.cardTables());
        PrintWriter w = spec.commandLine().getOut();
        w.println((r.outcome() == ReleaseBuilder.Outcome.CREATED ? "built " : "up to date: ") + r.manifest().name()
                + " " + r.manifest().version() + " in " + r.directory());
        w.println("fingerprint " + r.manifest().fingerprint());
        if (r.recorded()) {
            w.println("published fingerprint recorded in " + src.resolve(PublishedReleases.FILE_NAME)
                    + "; commit it with the release");
        }
        w.flush();
        return 0;
    }
}
