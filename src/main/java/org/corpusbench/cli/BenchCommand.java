package org.corpusbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.corpusbench.bench.SyntheticData;
import org.corpusbench.eval.report.JsonReport;
import org.corpusbench.internal.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code corpusbench bench}: generates deterministic inputs at several sizes, times each workload in
 * JVMs of its own (median of several runs, peak resident memory) and checks that the figures agree
 * across heap limits, input paths and thread counts. The method and the figures of one machine are in
 * docs/performance.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time the scorers and the validator on generated inputs of 1x, 10x and 100x a base size "
                + "and print a table: median wall time of several runs, throughput, peak memory.",
            "Each run is a JVM of its own. Workloads: conlleval (the whole command, start-up included, "
                + "streamed under -Xmx64m, and again with the file read into memory: the figures must agree), "
                + "tags (evaluate --task tags with its 95%% intervals, default and strict IOB2 mode, under -Xmx64m), "
                + "spans (the four SemEval-2013 schemes, 10 spans per document and all in one document), validate "
                + "(JSONL loading and schema validation on all cores and pinned to one with taskset, each in a fresh "
                + "JVM and again in a warm one, with the launcher's JVM options), threads (conlleval and tags, "
                + "--threads 2 against 1, at the largest size; parts are used only from 96 MiB on and while a "
                + "processor is idle, so otherwise the two runs are the same), "
                + "dates (evaluate --task dates --format timeml of a generated TimeML gold and system folder, "
                + "intervals on, under -Xmx64m and again under -Xmx1g: the figures must agree).",
            "Base sizes: 200,000 tokens, 10,000 gold and 10,000 predicted spans, 2 MB of JSONL. The default run "
                + "takes about 10 minutes on 2 cores (562 s measured at load 4) and about 1.2 GB of temporary disk "
                + "(--sizes 1,10: about three minutes).",
            "Exit status: 0 when every run succeeded and all figures agree, 1 otherwise."})
final class BenchCommand implements Callable<Integer> {

    static final List<String> WORKLOADS = List.of("conlleval", "tags", "spans", "validate", "threads", "dates");

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "K", description = "Multiples of the base sizes "
            + "(default: 1,10,100).")
    List<Integer> sizes = List.of(1, 10, 100);

    @Option(names = "--runs", paramLabel = "N", description = "Runs per measurement; the median is shown "
            + "(default: 5).")
    int runs = 5;

    @Option(names = "--only", split = ",", paramLabel = "W", description = "Workloads to run (default: all of "
            + "conlleval, tags, spans, validate, threads, dates).")
    List<String> only = WORKLOADS;

    @Option(names = "--base-tokens", paramLabel = "N", description = "Tokens at size 1 (default: 200000).")
    long baseTokens = 200_000;

    @Option(names = "--base-spans", paramLabel = "N", description = "Gold spans at size 1 (default: 10000).")
    int baseSpans = 10_000;

    @Option(names = "--base-bytes", paramLabel = "N", description = "JSONL bytes at size 1 (default: 2000000).")
    long baseBytes = 2_000_000;

    @Option(names = "--conll", paramLabel = "FILE", description = "Also time 'conlleval FILE' (the whole "
            + "command) on this file, e.g. a real system output.")
    Path conll;

    @Option(names = "--work", paramLabel = "DIR", description = "Where to write the inputs (default: a "
            + "temporary directory, deleted afterwards).")
    Path work;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated inputs (default: 2003).")
    long seed = 2003;

    /** One row of the table: the runs of one workload at one size. */
    record Row(String workload, int size, String input, String heap, List<Long> wallNs, List<Long> workNs,
               long peakRssKb, double units, String unit, String figures) {

        long medianWall() {
            return median(wallNs);
        }

        long medianWork() {
            return median(workNs);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (runs < 1) {
            throw new UsageException("--runs must be at least 1, found " + runs);
        }
        for (String w : only) {
            if (!WORKLOADS.contains(w)) {
                throw new UsageException("unknown workload '" + w + "'; expected some of " + String.join(", ", WORKLOADS));
            }
        }
        if (sizes.stream().anyMatch(s -> s < 1)) {
            throw new UsageException("--sizes must be positive multiples, found " + sizes);
        }
        if (conll != null && !Files.isRegularFile(conll)) {
            throw new UsageException(conll + ": no such file");
        }
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("corpusbench-bench") : Files.createDirectories(work);
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (conll != null) {
                measure("conlleval (given file)", 0, conll.getFileName().toString(), "64m", tokensOf(conll), "tokens",
                        "conlleval", conll.toString(), "1");
            }
            List<Integer> sorted = sizes.stream().distinct().sorted().toList();
            for (int k : sorted) {
                err.println("bench: size " + k + "x ...");
                err.flush();
                if (only.contains("conlleval") || only.contains("tags") || only.contains("threads")
                        && k == sorted.get(sorted.size() - 1)) {
                    Path file = dir.resolve("tokens-" + k + "x.conll");
                    if (!Files.exists(file)) {
                        SyntheticData.writeConll(file, baseTokens * k, seed);
                    }
                    long tokens = tokensOf(file);
                    String input = String.format(Locale.ROOT, "%,d tokens, %.1f MB", tokens, Files.size(file) / 1e6);
                    if (only.contains("conlleval")) {
                        Row streamed = measure("conlleval (streamed)", k, input, "64m", tokens, "tokens", "conlleval",
                                file.toString(), "1");
                        String heap = (Files.size(file) * 3 / (1 << 20) + 256) + "m";
                        Row inMemory = measure("conlleval (file in memory)", k, input, heap, tokens, "tokens",
                                "conlleval-memory", file.toString());
                        agree(streamed, inMemory);
                    }
                    if (only.contains("tags")) {
                        // evaluate --task tags as the command runs it, intervals included (issue 15): constant
                        // memory at any size, so -Xmx64m throughout
                        measure("tags (default, 95% CI)", k, input, "64m", tokens, "tokens", "tags-ci",
                                file.toString(), "default", "1");
                        measure("tags (strict IOB2, 95% CI)", k, input, "64m", tokens, "tokens", "tags-ci",
                                file.toString(), "strict", "1");
                    }
                    if (only.contains("threads") && k == sorted.get(sorted.size() - 1)) {
                        Row one = measure("conlleval --threads 1", k, input, "64m", tokens, "tokens", "conlleval",
                                file.toString(), "1");
                        Row two = measure("conlleval --threads 2", k, input, "64m", tokens, "tokens", "conlleval",
                                file.toString(), "2");
                        agree(one, two);
                        Row tagsOne = measure("tags --threads 1", k, input, "64m", tokens, "tokens", "tags-ci",
                                file.toString(), "default", "1");
                        Row tagsTwo = measure("tags --threads 2", k, input, "64m", tokens, "tokens", "tags-ci",
                                file.toString(), "default", "2");
                        agree(tagsOne, tagsTwo);
                    }
                }
                if (only.contains("spans")) {
                    int n = Math.toIntExact((long) baseSpans * k);
                    measure("spans (10 per document)", k, String.format(Locale.ROOT, "%,d + %,d spans", n, n), "2g", 2.0 * n,
                            "spans", "spans", Integer.toString(n), "10", Long.toString(seed));
                    measure("spans (one document)", k, String.format(Locale.ROOT, "%,d + %,d spans", n, n), "2g", 2.0 * n,
                            "spans", "spans", Integer.toString(n), Integer.toString(n), Long.toString(seed));
                }
                if (only.contains("validate")) {
                    Path corpus = dir.resolve("corpus-" + k + "x");
                    if (!Files.exists(corpus.resolve("annotations.jsonl"))) {
                        SyntheticData.writeJsonlCorpus(corpus, baseBytes * k, seed);
                    }
                    long bytes = Files.size(corpus.resolve("documents.jsonl")) + Files.size(corpus.resolve("annotations.jsonl"));
                    String input = String.format(Locale.ROOT, "%.1f MB JSONL", bytes / 1e6);
                    String oneCore = taskset() ? "1 core" : "1 processor seen, " + cores() + " cores";
                    List<Row> validations = new ArrayList<>();
                    for (String w : List.of("validate", "validate-warm")) {
                        String name = w.equals("validate") ? "validate" : "validate, warm JVM";
                        validations.add(measure(name + " (" + allCores() + ")", k, input, "2g", bytes / 1e6, "MB",
                                w, corpus.toString()));
                        validations.add(measure(name + " (" + oneCore + ")", k, input, "2g", bytes / 1e6, "MB",
                                ONE_CORE, w, corpus.toString()));
                    }
                    for (Row v : validations) {
                        if (!v.figures().startsWith("0 problems")) {
                            problems.add(v.workload() + " " + k + "x: the generated corpus is not valid: " + v.figures());
                        }
                    }
                }
                if (only.contains("dates")) {
                    Path timeml = dir.resolve("timeml-" + k + "x");
                    Path gold = timeml.resolve("gold");
                    Path system = timeml.resolve("system");
                    if (!Files.exists(timeml.resolve("complete"))) {
                        SyntheticData.writeTimemlCorpus(gold, system, baseTokens * k, seed);
                        Files.createFile(timeml.resolve("complete"));
                    }
                    long tokens = baseTokens * k;
                    long documents;
                    long bytes = 0;
                    try (Stream<Path> s = Files.list(gold)) {
                        documents = s.count();
                    }
                    try (Stream<Path> s = Stream.concat(Files.list(gold), Files.list(system))) {
                        for (Path p : s.toList()) {
                            bytes += Files.size(p);
                        }
                    }
                    String input = String.format(Locale.ROOT, "%,d+ tokens, %,d documents, %.1f MB of TimeML", tokens,
                            documents, bytes / 1e6);
                    Row small = measure("dates (TimeML, streamed)", k, input, "64m", tokens, "tokens", "dates",
                            gold.toString(), system.toString(), "auto");
                    Row large = measure("dates (TimeML, -Xmx1g)", k, input, "1g", tokens, "tokens", "dates",
                            gold.toString(), system.toString(), "auto");
                    agree(small, large);
                }
            }
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
        print(spec.commandLine().getOut());
        if (json != null) {
            JsonReport.write(json, toJson());
        }
        return problems.isEmpty() ? 0 : Main.PROBLEMS;
    }

    private void agree(Row a, Row b) {
        if (!a.figures().equals(b.figures())) {
            problems.add(a.workload() + " and " + b.workload() + " at " + a.size() + "x disagree: " + a.figures()
                    + " / " + b.figures());
        }
    }

    /** A first worker argument that runs the workload after it on one core (see {@link #measure}). */
    private static final String ONE_CORE = "--one-core";

    /**
     * The options the {@code corpusbench} launcher starts {@code validate} with (the parallel collector, a
     * heap that starts small and gives memory back), so that the validate rows show the memory a user sees.
     */
    static final List<String> LAUNCHER_VALIDATE_OPTIONS = List.of("-XX:+UseParallelGC", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=20", "-Xms64m");

    private static Boolean taskset;

    /**
     * Whether {@code taskset} can pin a process to one core here: then "1 core" rows run on one real core;
     * otherwise the JVM is only told that it has one processor ({@code -XX:ActiveProcessorCount=1}), which
     * still lets its compiler and collector threads use the others, and the row says so (issue 15).
     */
    private static boolean taskset() {
        if (taskset == null) {
            boolean ok;
            try {
                Process p = new ProcessBuilder("taskset", "-c", "0", "true").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                ok = p.waitFor() == 0;
            } catch (IOException e) {
                ok = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ok = false;
            }
            taskset = ok;
        }
        return taskset;
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static String allCores() {
        return cores() == 1 ? "1 core" : cores() + " cores";
    }

    private Row measure(String name, int size, String input, String heap, double units, String unit,
            String... args) throws IOException {
        List<Long> wall = new ArrayList<>();
        List<Long> work = new ArrayList<>();
        long peak = 0;
        String figures = null;
        boolean oneCore = args[0].equals(ONE_CORE);
        String[] workerArgs = oneCore ? Arrays.copyOfRange(args, 1, args.length) : args;
        for (int r = 0; r < runs; r++) {
            List<String> cmd = new ArrayList<>();
            if (oneCore && taskset()) {
                cmd.addAll(List.of("taskset", "-c", "0"));
            }
            cmd.addAll(List.of(javaBinary(), "-Xmx" + heap));
            if (oneCore && !taskset()) {
                cmd.add("-XX:ActiveProcessorCount=1");
            }
            if (workerArgs[0].startsWith("validate")) {
                cmd.addAll(LAUNCHER_VALIDATE_OPTIONS);
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchWorker.class.getName()));
            cmd.addAll(Arrays.asList(workerArgs));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            long t0 = System.nanoTime();
            Process p = pb.start();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int code;
            try {
                code = p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while timing " + name);
            }
            long elapsed = System.nanoTime() - t0;
            String result = output.lines().filter(l -> l.startsWith("result\t")).findFirst().orElse(null);
            if (code != 0 || result == null) {
                problems.add(name + " at " + size + "x failed (exit " + code + "): " + tail(output));
                return addRow(new Row(name, size, input, heap, List.of(elapsed), List.of(elapsed), -1, units, unit,
                        "FAILED"));
            }
            String[] f = result.split("\t", 4);
            wall.add(elapsed);
            work.add(Long.parseLong(f[1]));
            peak = Math.max(peak, Long.parseLong(f[2]));
            if (figures == null) {
                figures = f[3];
            } else if (!figures.equals(f[3])) {
                problems.add(name + " at " + size + "x gave other figures on run " + (r + 1));
            }
        }
        return addRow(new Row(name, size, input, heap, wall, work, peak, units, unit, figures));
    }

    private Row addRow(Row r) {
        rows.add(r);
        return r;
    }

    private void print(PrintWriter out) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"workload", "size", "input", "heap", "wall (median)", "work (median)", "throughput",
            "peak RSS"});
        for (Row r : rows) {
            double seconds = r.medianWork() / 1e9;
            String rate = r.figures().equals("FAILED") ? "" : throughput(r.units() / seconds, r.unit());
            table.add(new String[] {r.workload(), r.size() == 0 ? "-" : r.size() + "x", r.input(), "-Xmx" + r.heap(),
                String.format(Locale.ROOT, "%.3f s", r.medianWall() / 1e9), String.format(Locale.ROOT, "%.3f s", seconds),
                rate, r.peakRssKb() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", r.peakRssKb() / 1024.0)});
        }
        out.print(TextTable.markdown(table));
        out.println("wall: the whole JVM, start-up included; work: the workload inside it; median of " + runs
                + " runs, each in a JVM of its own");
        speedUps().forEach(out::println);
        if (problems.isEmpty()) {
            out.println("figures agree across heap limits, input paths, thread counts and runs");
        } else {
            problems.forEach(p -> out.println("PROBLEM: " + p));
        }
        out.flush();
    }

    private List<String> speedUps() {
        List<String> out = new ArrayList<>();
        for (String w : List.of("conlleval", "tags")) {
            Row one = rows.stream().filter(r -> r.workload().equals(w + " --threads 1")).findFirst().orElse(null);
            Row two = rows.stream().filter(r -> r.workload().equals(w + " --threads 2")).findFirst().orElse(null);
            if (one != null && two != null && two.medianWork() > 0) {
                out.add(String.format(Locale.ROOT, "speed-up of %s --threads 2 over 1 at %dx: %.2f (work), %.2f (wall)",
                        w, one.size(), (double) one.medianWork() / two.medianWork(),
                        (double) one.medianWall() / two.medianWall()));
            }
        }
        return out;
    }

    private ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("tool", "corpusbench " + Main.version());
        root.put("java", System.getProperty("java.version"));
        root.put("processors", Runtime.getRuntime().availableProcessors());
        root.put("runs", runs);
        root.put("seed", seed);
        ArrayNode a = root.putArray("results");
        for (Row r : rows) {
            ObjectNode n = a.addObject();
            n.put("workload", r.workload()).put("size", r.size()).put("input", r.input()).put("heap", r.heap());
            n.put("wall_median_s", r.medianWall() / 1e9).put("work_median_s", r.medianWork() / 1e9);
            ArrayNode w = n.putArray("wall_s");
            r.wallNs().forEach(x -> w.add(x / 1e9));
            n.put("units", r.units()).put("unit", r.unit()).put("peak_rss_kb", r.peakRssKb());
            n.put("figures", r.figures());
        }
        ArrayNode p = root.putArray("problems");
        problems.forEach(p::add);
        return root;
    }

    static String throughput(double perSecond, String unit) {
        if (unit.equals("MB")) {
            return String.format(Locale.ROOT, "%.0f MB/s", perSecond);
        }
        return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.1f M %s/s", perSecond / 1e6, unit)
                : String.format(Locale.ROOT, "%.0f k %s/s", perSecond / 1e3, unit);
    }

    static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(Comparator.naturalOrder());
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /**
     * Tokens of a CoNLL file as conlleval counts them: lines that are not blank and do not start with
     * {@code -X-} ({@code -DOCSTART-} lines count).
     */
    static long tokensOf(Path file) throws IOException {
        long[] n = new long[1];
        try (InputStream in = Files.newInputStream(file)) {
            org.corpusbench.internal.ByteLines.forEach(in, true, (b, from, to) -> {
                if (to > from && !(to - from >= 3 && b[from] == '-' && b[from + 1] == 'X' && b[from + 2] == '-')) {
                    n[0]++;
                }
            });
        }
        return n[0];
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() <= 300 ? t : "..." + t.substring(t.length() - 300);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
