package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corpusbench.bench.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corpusbench spark export} stopped half way (Ctrl-C, TERM) leaves neither the target, nor its hidden
 * staging directory, nor the tasks' local folders, and does not call it an internal error: the tasks went on
 * writing while the shutdown hooks ran, which left both behind, and Spark's cancelled job was reported as a
 * bug. In a JVM of its own, as the launcher starts it.
 */
class SparkExportSignalTest {

    @Test
    void anExportStoppedBySigtermLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        SyntheticData.writeJsonlCorpus(corpus, 40_000_000, 7);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        List<String> cmd = SparkStartRefusalTest.javaCommand("-Djava.io.tmpdir=" + scratch);
        cmd.addAll(List.of("spark", "--master", "local[2]", "export", "--dataset", corpus.toString(),
                "--format", "brat", "--out", work.resolve("brat").toString()));
        Path log = dir.resolve("log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean writing = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline) {
            // a task has started copying its part into the staging directory
            File[] staging = work.toFile().listFiles((d, n) -> n.contains(".partial"));
            File attempts = staging == null || staging.length == 0 ? null : new File(staging[0], "_attempts");
            File[] parts = attempts == null ? null : attempts.listFiles();
            if (parts != null && parts.length > 0) {
                writing = true;
                break;
            }
            Thread.sleep(5);
        }
        assertThat(writing).as("the export was caught while writing; " + Files.readString(log,
                StandardCharsets.UTF_8)).isTrue();
        p.destroy(); // SIGTERM, as Ctrl-C runs the same shutdown hooks
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        String said = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(said).doesNotContain("internal error");
        assertThat(names(work)).as("no target and no staging directory").isEmpty();
        assertThat(names(scratch).stream().filter(n -> n.startsWith("corpusbench-export")).toList())
                .as("no task's local folder").isEmpty();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }
}
