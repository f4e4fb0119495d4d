package org.corpusbench.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.internal.StagedDirectory;
import org.corpusbench.diagnostic.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code corpusbench} command. Exit codes: 0 success, 1 problems found in the input (or a failed
 * check), 2 usage error. A mistake in the user's input prints a message naming the file and line, never
 * a stack trace; set {@code CORPUSBENCH_DEBUG=1} to see one for unexpected failures.
 */
@Command(name = "corpusbench",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Versioned benchmarks for entity, date and contradiction detection.")
public final class Main implements Runnable {

    /** Exit code for problems found in the input or a failed check. */
    public static final int PROBLEMS = 1;
    /** Exit code for a usage error (picocli's {@code ExitCode.USAGE}). */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Integer fast = args.length == 0 ? null : args[0].equals("conlleval") ? ConllevalCommand.runPlain(args, out, err)
                : args[0].equals("evaluate") ? EvaluateCommand.runPlain(args, out, err) : null;
        int code = fast != null ? fast : execute(args, out, err);
        if (out.checkError() | System.out.checkError()) {
            // PrintWriter swallows write errors (a full disk, a closed pipe): say so, and fail
            err.println("corpusbench: could not write the output to standard output (disk full or pipe closed)");
            code = code == 0 ? PROBLEMS : code;
        }
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams; returns the exit code. Used by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args.length > 0 ? args[0] : null);
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // an Error passes picocli's handler by; the heap is released by now
            err.println("corpusbench " + (args.length > 0 ? args[0] : "") + ": out of memory ("
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB of heap); give Java more with "
                    + "CORPUSBENCH_JAVA_OPTS=-Xmx8g, or lower --resamples");
            return 3;
        }
    }

    /**
     * The subcommands, in the order {@code --help} lists them. Only the one named on the command line is
     * built, because picocli reflects over every command it is given and that is most of the start-up
     * time of a short run such as {@code corpusbench conlleval}; {@code --help} and unknown names get all.
     */
    static final List<String> COMMANDS = List.of("run", "validate", "stats", "build", "verify", "diff", "conlleval",
            "evaluate", "compare", "predict", "agree", "export", "import", "bench", "spark", "help");

    /** A new instance of a subcommand (a switch, not a table of lambdas: nothing else is loaded). */
    private static Object newCommand(String name) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "validate" -> new ValidateCommand();
            case "stats" -> new StatsCommand();
            case "build" -> new BuildCommand();
            case "verify" -> new VerifyCommand();
            case "diff" -> new DiffCommand();
            case "conlleval" -> new ConllevalCommand();
            case "evaluate" -> new EvaluateCommand();
            case "compare" -> new CompareCommand();
            case "predict" -> new PredictCommand();
            case "agree" -> new AgreeCommand();
            case "export" -> new ExportCommand();
            case "import" -> new ImportCommand();
            case "bench" -> new BenchCommand();
            case "spark" -> SparkCommand.commandLine();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** The command line with every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /** The command line for a run whose first argument is {@code first} (null: every subcommand). */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Main());
        boolean one = first != null && COMMANDS.contains(first) && !first.equals("help");
        for (String name : COMMANDS) {
            if (!one || name.equals(first)) {
                cl.addSubcommand(name, newCommand(name));
            }
        }
        cl.setExecutionExceptionHandler(Main::handle);
        exitCodes(cl);
        cl.getSubcommands().values().forEach(Main::exitCodes);
        return cl;
    }

    /**
     * The exit codes, the same for every command (README, docs/reliability.md): scripts can tell a data
     * problem from a mistyped command line from a bug.
     */
    static final Map<String, String> EXIT_CODES = exitCodeTable();

    private static Map<String, String> exitCodeTable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("0", "success: the command did what it says");
        m.put("1", "problems in the data (printed on stderr as file:line: field: message), a failed check, "
                + "or (diff) differences found");
        m.put("2", "usage: an unknown or wrong option, a missing path, an output that exists");
        m.put("3", "internal error: a bug in corpusbench, or the machine failed it (out of memory; under spark, a "
                + "lost executor) (CORPUSBENCH_DEBUG=1 prints the stack trace)");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void exitCodes(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status (problems go to stderr, results to "
                + "stdout):%n").exitCodeList(EXIT_CODES);
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        return handle(e, cl.getCommandName(), cl.getErr());
    }

    /** Prints an exception from command {@code command} as the user should see it; returns the exit code. */
    static int handle(Exception e, String command, PrintWriter err) {
        if (org.corpusbench.internal.PendingOutputs.stopping()) {
            // Ctrl-C or a TERM: whatever broke (Spark's cancelled job, a closed stream) broke because of it
            err.println("corpusbench " + command + ": stopped by a signal; nothing was written");
            return PROBLEMS;
        }
        Throwable t = e;
        if (t instanceof UncheckedIOException u) {
            t = u.getCause();
        }
        if (t instanceof UsageException) {
            err.println("corpusbench " + command + ": " + t.getMessage());
            err.println("Try 'corpusbench " + command + " --help'.");
            return USAGE;
        }
        if (t instanceof InvalidInputException invalid) {
            invalid.problems().forEach(err::println);
            err.println("corpusbench " + command + ": " + invalid.closing());
            return PROBLEMS;
        }
        if (t instanceof org.corpusbench.diagnostic.CorpusFormatProblems many) {
            many.problems().forEach(p -> err.println(p.getMessage()));
            err.println("corpusbench " + command + ": " + many.problems().size() + " problems");
            return PROBLEMS;
        }
        if (t instanceof CorpusFormatException) {
            err.println("corpusbench " + command + ": " + t.getMessage());
            return PROBLEMS;
        }
        if (t instanceof StagedDirectory.TargetExistsException exists) {
            err.println("corpusbench " + command + ": " + exists.getMessage());
            err.println("Try 'corpusbench " + command + " --help'.");
            return USAGE;
        }
        if (t instanceof java.nio.file.NoSuchFileException n) {
            err.println("corpusbench " + command + ": " + n.getFile() + ": no such file or directory");
            return USAGE;
        }
        if (t instanceof java.nio.file.FileSystemException fs) {
            err.println("corpusbench " + command + ": " + fileSystemProblem(fs));
            return PROBLEMS;
        }
        if (t instanceof java.nio.charset.CharacterCodingException) {
            err.println("corpusbench " + command + ": an input is not valid UTF-8 (no file or line is known for "
                    + "it; please report this as a bug)");
            return PROBLEMS;
        }
        if (t instanceof IOException io) {
            err.println("corpusbench " + command + ": " + (io.getMessage() == null ? "input/output error"
                    : io.getMessage()));
            return PROBLEMS;
        }
        if (t instanceof org.corpusbench.spark.SparkEngine.JobFailure spark) {
            // a Spark job that failed for a reason other than the input: its one line says what and what to try
            err.println("corpusbench " + command + ": " + spark.getMessage());
            if (System.getenv("CORPUSBENCH_DEBUG") != null) {
                t.printStackTrace(err);
            }
            return 3;
        }
        err.println("corpusbench " + command + ": internal error: " + t);
        if (System.getenv("CORPUSBENCH_DEBUG") != null) {
            t.printStackTrace(err);
        } else {
            err.println("(set CORPUSBENCH_DEBUG=1 for details)");
        }
        return 3;
    }

    /** A file-system failure in words: the path, what went wrong, never the exception's class name. */
    static String fileSystemProblem(java.nio.file.FileSystemException e) {
        String what;
        if (e instanceof java.nio.file.AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof java.nio.file.NotDirectoryException) {
            what = "is not a directory";
        } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
            what = "already exists";
        } else if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            what = "is a directory that is not empty";
        } else {
            what = e.getReason() == null ? "cannot be read or written" : e.getReason();
        }
        return (e.getFile() == null ? "" : e.getFile() + ": ") + what
                + (e.getOtherFile() == null ? "" : " (with " + e.getOtherFile() + ")");
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"corpusbench " + version()};
        }
    }

    /** The tool's version, as built into the jar, or {@code dev} when run from classes. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
