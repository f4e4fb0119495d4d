package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.corpusbench.dataset.Dataset;
import org.corpusbench.dataset.ReleaseDiff;
import org.corpusbench.diagnostic.CorpusFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpusbench diff A B}: per layer, annotations added, removed and changed. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two release directories: per layer, annotations added (+), removed (-) and changed (~).",
            "Exit status 0 when they hold the same annotations, 1 when they differ."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "Older release directory.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Newer release directory.")
    Path b;

    @Option(names = "--expect-fingerprint-a", paramLabel = "HEX", converter = VerifyCommand.FingerprintConverter.class,
            description = "Accept A, not (yet) a published version, when its fingerprint is this.")
    String expectA;

    @Option(names = "--expect-fingerprint-b", paramLabel = "HEX", converter = VerifyCommand.FingerprintConverter.class,
            description = "Accept B, not (yet) a published version, when its fingerprint is this: how a release is "
                    + "compared with the last one before it is recorded (its CHANGELOG carries the summary).")
    String expectB;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CommandPaths.inputDirectory(a, "OLD");
        CommandPaths.inputDirectory(b, "NEW");
        Dataset da = open(a, expectA, "a");
        Dataset db = open(b, expectB, "b");
        List<ReleaseDiff.Change> changes = ReleaseDiff.diff(da, db);
        changes.forEach(out::println);
        Map<String, int[]> summary = new TreeMap<>();
        for (ReleaseDiff.Change c : changes) {
            summary.computeIfAbsent(c.layer(), k -> new int[3])[c.kind().ordinal()]++;
        }
        out.println(da + " -> " + db + ": " + (changes.isEmpty() ? "no differences" : changes.size() + " differences"));
        summary.forEach((layer, n) -> out.println("  " + layer + ": " + n[0] + " added, " + n[1] + " removed, " + n[2]
                + " changed"));
        out.flush();
        return changes.isEmpty() ? 0 : Main.PROBLEMS;
    }

    /**
     * The release in {@code dir}; the advice for a version that is not published names this command's option
     * for that side, not {@code verify}'s.
     */
    private static Dataset open(Path dir, String expected, String side) throws IOException {
        try {
            return expected == null ? Dataset.open(dir) : Dataset.open(dir, expected);
        } catch (CorpusFormatException e) {
            String m = e.originalMessage();
            if (m == null || !m.contains("--expect-fingerprint HEX")) {
                throw e;
            }
            throw new CorpusFormatException(e.location(), e.field(), m.replace("--expect-fingerprint HEX",
                    "--expect-fingerprint-" + side + " HEX"), e);
        }
    }
}
