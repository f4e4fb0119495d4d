package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.corpusbench.eval.tags.ConllevalCounter;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpusbench conlleval [FILE]}: a drop-in for conlleval.pl, same report to the same digits. */
@Command(name = "conlleval", mixinStandardHelpOptions = true,
        description = {"Score a CoNLL file whose last two columns are the gold and the predicted tag, exactly as "
                + "conlleval.pl (2004-01-26) does, and print its report.",
            "Reads FILE, or standard input when FILE is absent or '-'."})
final class ConllevalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "-d", paramLabel = "DELIM", description = "Field delimiter, a Perl regular expression as in "
            + "conlleval.pl (default: a single space): for example '\\t' for tab-separated files, '\\s+' for runs of "
            + "spaces and tabs, ' ' or ';' (literals; '\\|' for a bar). Accepted: literal characters, \\t, "
            + "\\s, \\S, \\d, \\w, escaped punctuation, '.', classes [...], '|', and the quantifiers + * ? {n,m}; "
            + "anything else (groups, anchors, a pattern that matches the empty string) is refused.")
    String delimiter = " ";

    @Option(names = "-o", paramLabel = "TAG", description = "Outside tag for raw tags (default: O).")
    String outside = "O";

    @Option(names = "-r", description = "Raw tags without B-/I- prefixes (one word per chunk).")
    boolean raw;

    @Option(names = "-l", description = "Print a LaTeX table.")
    boolean latex;

    @Option(names = "--threads", paramLabel = "N", description = "Score a file in up to N parts (at most 256) cut "
            + "at blank lines, on at most as many threads as there are processors (default: 1). The report is the "
            + "same for every N. Each part holds at least 48 MiB (about 2.7 million tokens), below which parts "
            + "make a run slower, and there is one part while no processor is idle (load average at least the "
            + "number of processors).")
    int threads = 1;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The CoNLL file (default: standard input).")
    Path file;

    @Override
    public Integer call() throws IOException {
        return run(spec.commandLine().getOut());
    }

    /**
     * Runs {@code corpusbench conlleval} without picocli when every argument is in a plain form
     * ({@code -d X}, {@code -o X}, {@code -r}, {@code -l}, {@code --threads N}, one FILE); otherwise returns
     * null and the caller goes through picocli. Picocli's start-up (its classes are Java 5 bytecode, which
     * the JVM can neither archive nor verify quickly) is most of the wall time of a short run, and
     * conlleval is the command scripts call in a loop.
     */
    static Integer runPlain(String[] args, PrintWriter out, PrintWriter err) {
        ConllevalCommand c = plain(args);
        if (c == null) {
            return null;
        }
        try {
            return c.run(out);
        } catch (IOException | RuntimeException e) {
            return Main.handle(e, "conlleval", err);
        }
    }

    /** The command with the options of {@code args} (args[0] is "conlleval"), or null if not all plain. */
    static ConllevalCommand plain(String[] args) {
        ConllevalCommand c = new ConllevalCommand();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-") && !a.equals("-") && !seen.add(a)) {
                return null; // repeated: picocli says it may be given once
            }
            switch (a) {
                case "-r" -> c.raw = true;
                case "-l" -> c.latex = true;
                case "-d", "-o", "--threads" -> {
                    if (i + 1 == args.length || args[i + 1].startsWith("-")) {
                        return null;
                    }
                    String v = args[++i];
                    if (a.equals("-d")) {
                        c.delimiter = v;
                    } else if (a.equals("-o")) {
                        c.outside = v;
                    } else if (v.matches("[0-9]{1,6}")) {
                        c.threads = Integer.parseInt(v);
                    } else {
                        return null;
                    }
                }
                default -> {
                    if (a.startsWith("-") && !a.equals("-") || c.file != null) {
                        return null;
                    }
                    try {
                        c.file = Path.of(a);
                    } catch (java.nio.file.InvalidPathException e) {
                        return null;
                    }
                }
            }
        }
        return c;
    }

    private int run(PrintWriter out) throws IOException {
        if (delimiter.isEmpty()) {
            throw new UsageException("-d needs a non-empty delimiter");
        }
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, found " + threads);
        }
        ConllevalCounter options;
        try {
            options = new ConllevalCounter(delimiter, outside, raw);
        } catch (IllegalArgumentException e) {
            throw new UsageException("-d: " + e.getMessage());
        }
        boolean stdin = file == null || file.toString().equals("-");
        ConllevalCounter counter;
        if (stdin) {
            counter = ConllevalCounter.score(System.in, "<stdin>", options);
        } else {
            if (Files.isDirectory(file)) {
                throw new UsageException(file + ": is a directory; expected a CoNLL file");
            }
            if (!Files.isRegularFile(file)) {
                throw new UsageException((file.toString().isEmpty() ? "''" : file.toString()) + ": no such file");
            }
            counter = ConllevalCounter.score(file, threads, options);
        }
        if (counter.tokens() == 0) {
            // conlleval.pl prints a report of zeros here; a file with no token is a mistake, not a score
            throw new CorpusFormatException(Location.ofFile(stdin ? "<stdin>" : file.toString()), null,
                    "holds no tokens; expected lines of 'TOKEN ... GOLD PREDICTED' with sentences separated by "
                    + "blank lines");
        }
        out.print(latex ? counter.latexReport() : counter.report());
        out.flush();
        return 0;
    }
}
