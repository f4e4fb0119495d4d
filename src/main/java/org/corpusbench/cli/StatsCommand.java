package org.corpusbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpusbench.dataset.CorpusStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpusbench stats PATH...}: counts per document and per annotation type. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print counts per document and per annotation type.")
final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Directories of .txt articles, release "
            + "directories, or .jsonl/.csv files.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        printStats(paths, out);
        out.flush();
        return 0;
    }

    static void printStats(List<Path> paths, PrintWriter out) throws java.io.IOException {
        CorpusStatistics stats = CorpusStatistics.of(paths);
        out.print(stats.render());
    }
}
