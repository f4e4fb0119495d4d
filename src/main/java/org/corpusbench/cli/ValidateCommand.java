package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.diagnostic.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpusbench validate PATH...}: every problem, as {@code file:line: field: message}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check documents, annotations and predictions against the schemas and their text.",
            "PATH is a directory of .txt articles, a release directory, or .jsonl/.csv/manifest.json files.",
            "Documents from all PATHs are read first; annotation offsets and surface text are checked against them.",
            "Problems and notes go to standard error, the verdict 'valid' to standard output.",
            "Exit status: 0 clean, 1 problems found, 2 usage error or missing path."})
final class ValidateCommand implements Callable<Integer> {

    /**
     * Where the checking runs: on this JVM ({@link #THIS_JVM}), or on Spark under {@code corpusbench spark}
     * (issue 16), which reads paths of any Hadoop file system. The options, output and exit codes are this
     * command's either way.
     */
    interface Checker {
        /**
         * The diagnostics of {@code paths}, sorted by location.
         *
         * @throws UsageException when a path does not exist, or cannot be checked on this engine
         */
        List<Diagnostic> validate(List<String> paths, CorpusValidator.Role role) throws IOException;
    }

    /** This JVM: local paths. */
    static final Checker THIS_JVM = (paths, role) -> {
        List<Path> local = new ArrayList<>();
        for (String p : paths) {
            Path path;
            try {
                path = Path.of(p);
            } catch (InvalidPathException e) {
                throw new UsageException(p + ": not a path (" + e.getReason() + ")");
            }
            if (!Files.exists(path)) {
                throw new UsageException(p + ": no such file or directory");
            }
            local.add(path);
        }
        return CorpusValidator.validate(local, role);
    };

    private final Checker checker;

    ValidateCommand() {
        this(THIS_JVM);
    }

    ValidateCommand(Checker checker) {
        this.checker = checker;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--predictions", description = "Treat annotation records as system predictions "
            + "(ids optional, overlapping spans allowed).")
    boolean predictions;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary line.")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to check.")
    List<String> paths;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Diagnostic> diagnostics = checker.validate(paths,
                predictions ? CorpusValidator.Role.PREDICTIONS : CorpusValidator.Role.GOLD);
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        if (!quiet) {
            diagnostics.forEach(err::println);
        }
        if (errors == 0) {
            out.println("valid: no problems found");
        } else {
            err.println(errors + " problem" + (errors == 1 ? "" : "s") + " found");
        }
        out.flush();
        err.flush();
        return errors == 0 ? 0 : Main.PROBLEMS;
    }
}
