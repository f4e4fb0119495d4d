package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corpusbench.bench.SyntheticData;
import org.corpusbench.bench.Workloads;
import org.corpusbench.eval.tags.TagMode;
import org.corpusbench.tags.TagScheme;

/**
 * One measurement of {@code corpusbench bench}, in a JVM of its own so that its peak memory and its
 * heap limit are its own: runs one workload, then prints {@code result TAB work-ns TAB peak-rss-kb TAB
 * figures} on one line. The {@code conlleval} workload runs the command itself, start-up path included.
 */
final class BenchWorker {

    private BenchWorker() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        String figures;
        switch (args[0]) {
            case "conlleval" -> {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                Integer code = ConllevalCommand.runPlain(new String[] {"conlleval", "--threads", args[2], args[1]},
                        new PrintWriter(out), new PrintWriter(err));
                figures = code != null && code == 0 ? out.toString() : "exit " + code + ": " + err;
            }
            case "conlleval-memory" -> figures = Workloads.conllevalInMemory(Path.of(args[1]));
            case "tags" -> figures = Workloads.tags(Path.of(args[1]), TagMode.parse(args[2]), TagScheme.IOB2,
                    Integer.parseInt(args[3]));
            case "tags-ci" -> figures = Workloads.tagsWithIntervals(Path.of(args[1]), TagMode.parse(args[2]),
                    TagScheme.IOB2, Integer.parseInt(args[3]));
            case "spans" -> {
                SyntheticData.SpanDocuments docs = SyntheticData.spans(Integer.parseInt(args[1]),
                        Integer.parseInt(args[2]), Long.parseLong(args[3]));
                start = System.nanoTime();
                figures = Workloads.spans(docs);
            }
            case "validate" -> figures = Workloads.validate(Path.of(args[1]));
            case "dates" -> figures = Workloads.dates(Path.of(args[1]), Path.of(args[2]),
                    org.corpusbench.evaluation.BootstrapMethod.parse(args[3]));
            case "validate-warm" -> {
                // The same validation twice in one JVM; only the second is timed (JIT compiled by then).
                Workloads.validate(Path.of(args[1]));
                start = System.nanoTime();
                figures = Workloads.validate(Path.of(args[1]));
            }
            default -> throw new IllegalArgumentException("unknown workload " + args[0]);
        }
        long ns = System.nanoTime() - start;
        System.out.println("result\t" + ns + "\t" + peakRssKb() + "\t" + figures.strip().replace('\n', '|'));
    }

    /** The peak resident set size of this process (Linux's VmHWM), or -1 where /proc is not there. */
    static long peakRssKb() {
        Path status = Path.of("/proc/self/status");
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
