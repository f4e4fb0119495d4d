package org.corpusbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.corpusbench.eval.tags.ConllevalCounter;
import org.corpusbench.format.CorpusFormatException;
import org.corpusbench.format.Location;
import org.corpusbench.internal.Utf8LineReader;
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

    @Option(names = "-d", paramLabel = "DELIM", description = "Field delimiter (default: a single space).")
    String delimiter = " ";

    @Option(names = "-o", paramLabel = "TAG", description = "Outside tag for raw tags (default: O).")
    String outside = "O";

    @Option(names = "-r", description = "Raw tags without B-/I- prefixes (one word per chunk).")
    boolean raw;

    @Option(names = "-l", description = "Print a LaTeX table.")
    boolean latex;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The CoNLL file (default: standard input).")
    Path file;

    @Override
    public Integer call() throws IOException {
        boolean stdin = file == null || file.toString().equals("-");
        String name = stdin ? "<stdin>" : file.toString();
        ConllevalCounter counter = new ConllevalCounter(delimiter, outside, raw);
        try (InputStream in = stdin ? System.in : Files.newInputStream(file);
             Utf8LineReader lines = new Utf8LineReader(in, name)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                try {
                    counter.line(line);
                } catch (ConllevalCounter.InputException e) {
                    throw new CorpusFormatException(Location.of(name, lines.lineNumber()), null, e.getMessage());
                }
            }
        }
        counter.finish();
        PrintWriter out = spec.commandLine().getOut();
        out.print(latex ? counter.latexReport() : counter.report());
        out.flush();
        return 0;
    }
}
