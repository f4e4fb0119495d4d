package org.corpusbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.schema.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code corpusbench run}: the main job. For now it loads and validates the seed articles and prints
 * their statistics; dataset build, baselines and the leaderboard join it as they land.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The main job: validate the seed articles and print their statistics.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--root", description = "Project root holding seeds/ (default: the current directory, "
            + "or the launcher's directory).")
    Path root;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path base = root != null ? root : ProjectRoot.find();
        Path seeds = base.resolve("seeds");
        if (!Files.isDirectory(seeds)) {
            throw new UsageException(seeds + ": no seeds directory; run from the corpusbench checkout or pass --root");
        }
        out.println("== Validating " + seeds);
        List<Diagnostic> diagnostics = CorpusValidator.validate(List.of(seeds), CorpusValidator.Role.GOLD);
        diagnostics.forEach(out::println);
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        out.println(errors == 0 ? "valid: no problems found" : errors + " problems found");
        out.println();
        out.println("== Statistics");
        StatsCommand.printStats(List.of(seeds), out);
        out.flush();
        return errors == 0 ? 0 : Main.PROBLEMS;
    }
}
