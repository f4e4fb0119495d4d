package org.corpusbench.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import org.corpusbench.format.CorpusFormatException;
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
        description = "Versioned benchmarks for entity, date and contradiction detection.",
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            StatsCommand.class,
            BuildCommand.class,
            VerifyCommand.class,
            DiffCommand.class,
            ConllevalCommand.class,
            EvaluateCommand.class,
            CompareCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            CommandLine.HelpCommand.class
        })
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
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams; returns the exit code. Used by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Throwable t = e;
        if (t instanceof UncheckedIOException u) {
            t = u.getCause();
        }
        if (t instanceof UsageException) {
            err.println("corpusbench " + cl.getCommandName() + ": " + t.getMessage());
            err.println("Try 'corpusbench " + cl.getCommandName() + " --help'.");
            return USAGE;
        }
        if (t instanceof CorpusFormatException) {
            err.println("corpusbench " + cl.getCommandName() + ": " + t.getMessage());
            return PROBLEMS;
        }
        if (t instanceof java.nio.file.NoSuchFileException n) {
            err.println("corpusbench " + cl.getCommandName() + ": " + n.getFile() + ": no such file or directory");
            return USAGE;
        }
        if (t instanceof IOException io) {
            err.println("corpusbench " + cl.getCommandName() + ": " + io);
            return PROBLEMS;
        }
        err.println("corpusbench " + cl.getCommandName() + ": internal error: " + t);
        if (System.getenv("CORPUSBENCH_DEBUG") != null) {
            t.printStackTrace(err);
        } else {
            err.println("(set CORPUSBENCH_DEBUG=1 for details)");
        }
        return 3;
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
