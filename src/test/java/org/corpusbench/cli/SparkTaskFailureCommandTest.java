package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.corpusbench.spark.LocalSpark;
import org.corpusbench.spark.TaskFaults;
import org.corpusbench.spark.TaskFaults.Fault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corpusbench spark evaluate|validate|export} when a Spark task fails (issue 16): an input the tasks
 * cannot read, or that changed under them, is refused like any wrong input (exit 1, one line naming the path as
 * given and what was expected, no stack trace, no report and no output written); a task out of memory is one
 * line with what to try (exit 3). The faults are made in the tasks only ({@link TaskFaults}), after the driver's
 * checks, on the tests' shared local[2] session; one case runs in a JVM of its own, as the launcher starts it.
 */
class SparkTaskFailureCommandTest {

    @BeforeAll
    static void startSpark() {
        LocalSpark.session();
    }

    private static String[] spark(String... args) {
        String[] a = new String[args.length + 5];
        System.arraycopy(new String[] {"spark", "--master", "local[2]", "--parts", "3"}, 0, a, 0, 5);
        System.arraycopy(args, 0, a, 5, args.length);
        return a;
    }

    private static Path conll(Path dir) throws IOException {
        Path f = dir.resolve("pred.conll");
        Files.deleteIfExists(f);
        Files.writeString(f, ("EU B-ORG B-ORG\nrejects O O\nGerman B-MISC B-PER\n\n").repeat(300),
                StandardCharsets.UTF_8);
        return f;
    }

    /** One line on standard error, starting with {@code start}, and nothing of Spark's or Java's. */
    private static void oneLine(CliTest.Run r, String start) {
        assertThat(r.err()).startsWith(start).doesNotContain("Exception", "\tat ", "stage failure", "TID");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void evaluateRefusesAnInputDeletedOrChangedUnderTheTasksAndWritesNoReport(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("report.json");
        for (Fault fault : List.of(Fault.DELETED, Fault.TRUNCATED, Fault.HIDDEN)) {
            // both tasks and every fault at the library level (SparkTaskFailureTest); here each fault once
            for (String task : List.of(fault == Fault.TRUNCATED ? "entities" : "tags")) {
                Path f = conll(dir);
                try (TaskFaults faults = TaskFaults.install(LocalSpark.session(), fault, "pred.conll", null)) {
                    CliTest.Run r = CliTest.run(spark("evaluate", "--task", task, "--format", "conll", "--pred",
                            f.toString(), "--json", json.toString()));
                    assertThat(faults.acted()).isPositive();
                    assertThat(r.code()).as(fault + " " + task + ": " + r.err()).isEqualTo(1);
                    oneLine(r, "corpusbench evaluate: " + f + ": ");
                    assertThat(r.err()).contains(fault == Fault.TRUNCATED ? "changed while Spark read it"
                            : fault == Fault.DELETED ? "deleted or moved" : "same absolute path");
                    assertThat(r.out()).isEmpty();
                    assertThat(json).doesNotExist();
                }
            }
        }
    }

    @Test
    void aTaskOutOfMemoryIsOneLineWithWhatToTry(@TempDir Path dir) throws IOException {
        Path f = conll(dir);
        try (TaskFaults faults = TaskFaults.install(LocalSpark.session(), Fault.OUT_OF_MEMORY, "pred.conll", null)) {
            CliTest.Run r = CliTest.run(spark("evaluate", "--task", "tags", "--format", "conll", "--pred",
                    f.toString()));
            assertThat(faults.acted()).isPositive();
            assertThat(r.code()).as(r.err()).isEqualTo(3);
            oneLine(r, "corpusbench evaluate: a Spark task ran out of memory (Java heap space); ");
            assertThat(r.err()).contains("lower --resamples");
            assertThat(r.err()).contains("spark --parts N", "spark.executor.memory").doesNotContain("internal error");
        }
    }

    @Test
    void aTaskOutOfMemoryDoesNotEndTheCommandsJvm(@TempDir Path dir) throws Exception {
        // the launcher's way: Spark started by the command line for a local master, the executor in this JVM
        Path f = conll(dir);
        SparkStartRefusalTest.Run r = SparkStartRefusalTest.inNewJvm(dir, "spark", "--master", "local[2]",
                "--conf", "spark.hadoop.fs.file.impl=" + TaskFaults.Local.class.getName(),
                "--conf", "spark.hadoop.fs.file.impl.disable.cache=true",
                "--conf", "spark.hadoop." + TaskFaults.FAULT + "=OUT_OF_MEMORY",
                "--conf", "spark.hadoop." + TaskFaults.FAULT + ".path=pred.conll",
                "evaluate", "--task", "entities", "--format", "conll", "--pred", f.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).startsWith("corpusbench evaluate: a Spark task ran out of memory")
                .doesNotContain("Exception", "\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void validateRefusesAFileDeletedUnderTheTasks(@TempDir Path dir) throws IOException {
        Path c = Files.createDirectories(dir.resolve("corpus"));
        for (String f : List.of("documents.jsonl", "annotations.jsonl")) {
            Files.copy(Path.of("datasets/oreshnik-reports/1.1.0", f), c.resolve(f));
        }
        try (TaskFaults faults = TaskFaults.install(LocalSpark.session(), Fault.DELETED, "annotations.jsonl", null)) {
            CliTest.Run r = CliTest.run(spark("validate", c.toString()));
            assertThat(faults.acted()).isPositive();
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            oneLine(r, "corpusbench validate: " + c + "/annotations.jsonl: was deleted or moved while Spark read it");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void exportAfterAFailedTaskWritesNothing(@TempDir Path dir) throws IOException {
        Path c = Files.createDirectories(dir.resolve("corpus"));
        for (String f : List.of("documents.jsonl", "annotations.jsonl", "nli.jsonl")) {
            Files.copy(Path.of("datasets/oreshnik-reports/1.1.0", f), c.resolve(f));
        }
        Path outs = Files.createDirectories(dir.resolve("outs"));
        String out = outs.resolve("out").toString();
        try (TaskFaults faults = TaskFaults.install(LocalSpark.session(), Fault.DISK_FULL, "outs", null)) {
            CliTest.Run r = CliTest.run(spark("export", "--dataset", c.toString(), "--format", "conll", "--out", out));
            assertThat(faults.acted()).isPositive();
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            oneLine(r, "corpusbench export: a Spark task could not read or write: No space left on device");
            assertThat(r.out()).isEmpty();
        }
        try (TaskFaults faults = TaskFaults.install(LocalSpark.session(), Fault.DELETED, "nli.jsonl", "SparkExport")) {
            CliTest.Run r = CliTest.run(spark("export", "--dataset", c.toString(), "--format", "nli", "--out", out));
            assertThat(faults.acted()).isPositive();
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            oneLine(r, "corpusbench export: " + c + "/nli.jsonl: was deleted or moved while Spark read it");
            assertThat(r.out()).isEmpty();
        }
        try (Stream<Path> s = Files.list(outs)) {
            assertThat(s).as("no output, no staging directory").isEmpty();
        }
    }
}
