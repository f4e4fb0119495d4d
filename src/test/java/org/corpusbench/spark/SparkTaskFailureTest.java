package org.corpusbench.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.format.registry.CorpusFormat;
import org.corpusbench.schema.CorpusValidator.Role;
import org.corpusbench.spark.TaskFaults.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure inside a Spark task (issue 16) reaches the caller of {@link SparkEngine} as corpusbench's own
 * exception, never as Spark's {@code SparkException} with the task's stack trace in its message: an input the
 * tasks cannot read, or that changed since the driver looked at it, is a located refusal of the input
 * ({@link CorpusFormatException} naming the path as given); a task out of memory, or any other failure of Spark,
 * is a {@link SparkEngine.JobFailure} of one line that names it and what to try. Each fault is made by
 * {@link TaskFaults} in the tasks only, after the driver's checks, on the tests' shared session.
 */
class SparkTaskFailureTest {

    static final String SENTENCES = "EU B-ORG B-ORG\nrejects O O\nGerman B-MISC B-PER\n\n"
            + "Peter B-PER B-PER\nBlackburn I-PER O\n\n";

    private static SparkEngine engine;

    @BeforeAll
    static void start() {
        LocalSpark.session();
        engine = SparkEngine.start("test", "local[2]", Map.of());
    }

    @AfterAll
    static void leave() {
        engine.close();
    }

    static Path conll(Path dir) throws IOException {
        Path f = dir.resolve("pred.conll");
        Files.deleteIfExists(f);
        Files.writeString(f, SENTENCES.repeat(200), StandardCharsets.UTF_8);
        return f;
    }

    static EvaluationSettings settings() {
        return EvaluationSettings.defaults().withIntervals(20, 1);
    }

    /** Scores {@code f} as tags, then as entities, with {@code fault} in the tasks; the exceptions thrown. */
    private static List<Throwable> scoreBoth(Path dir, Fault fault) throws IOException {
        Throwable tags;
        Throwable entities;
        String f = conll(dir).toString();
        try (TaskFaults faults = TaskFaults.install(LocalSpark.session(), fault, dir.toString(), null)) {
            tags = catchThrowable(() -> engine.tags(f, settings(), 3));
            assertThat(faults.acted()).as("the fault acted").isPositive();
        }
        conll(dir);
        try (TaskFaults faults = TaskFaults.install(LocalSpark.session(), fault, dir.toString(), null)) {
            entities = catchThrowable(() -> engine.conllEntities(f, settings(), 3));
            assertThat(faults.acted()).as("the fault acted").isPositive();
        }
        return List.of(tags, entities);
    }

    /** One line, no stack trace, no Spark wording. */
    private static void isShort(Throwable t) {
        assertThat(t.getMessage()).doesNotContain("\n", "SparkException", "Job aborted", "stage failure", "TID");
    }

    @Test
    void aFileDeletedAfterTheDriversCheckIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        for (Throwable t : scoreBoth(dir, Fault.DELETED)) {
            assertThat(t).isInstanceOf(CorpusFormatException.class);
            assertThat(t.getMessage()).startsWith(dir.resolve("pred.conll") + ": ")
                    .contains("deleted or moved while Spark read it");
            isShort(t);
        }
    }

    @Test
    void aFileTheExecutorsDoNotSeeIsRefusedSayingWhere(@TempDir Path dir) throws IOException {
        for (Throwable t : scoreBoth(dir, Fault.HIDDEN)) {
            assertThat(t).isInstanceOf(CorpusFormatException.class);
            assertThat(t.getMessage()).startsWith(dir.resolve("pred.conll") + ": ")
                    .contains("the driver reads it but a Spark task could not", "same absolute path");
            isShort(t);
        }
    }

    @Test
    void aFileTheTasksMayNotReadIsRefused(@TempDir Path dir) throws IOException {
        for (Throwable t : scoreBoth(dir, Fault.DENIED)) {
            assertThat(t).isInstanceOf(CorpusFormatException.class);
            assertThat(t.getMessage()).startsWith(dir.resolve("pred.conll") + ": ").contains("permission denied");
            isShort(t);
        }
    }

    @Test
    void aFileCutShortOrGrownWhileTheTasksReadItIsRefusedNotScored(@TempDir Path dir) throws IOException {
        for (Fault f : List.of(Fault.TRUNCATED, Fault.GROWN)) {
            for (Throwable t : scoreBoth(dir, f)) {
                assertThat(t).as(f.toString()).isInstanceOf(CorpusFormatException.class);
                // the driver's comparison of the file before and after the run says it, and the tasks found it
                // first: each checks the size its part was cut from (the failure kept as suppressed)
                assertThat(t.getMessage()).startsWith(dir.resolve("pred.conll") + ": changed while Spark read it "
                        + "(17000 bytes modified at ");
                assertThat(t.getSuppressed()).singleElement().isInstanceOf(CorpusFormatException.class)
                        .extracting(Throwable::getMessage).asString().startsWith(dir.resolve("pred.conll")
                                + ": changed while Spark read it (it had 17000 bytes when the run started, and "
                                + (f == Fault.TRUNCATED ? "fewer" : "more") + " when a task read it)");
                isShort(t);
            }
        }
    }

    @Test
    void aFileRewrittenInPlaceWhileSparkReadsItIsRefused(@TempDir Path dir) throws IOException {
        // its size stays, so no task can tell: the driver compares the file before and after the run
        for (Throwable t : scoreBoth(dir, Fault.REWRITTEN)) {
            assertThat(t).isInstanceOf(CorpusFormatException.class);
            assertThat(t.getMessage()).startsWith(dir.resolve("pred.conll") + ": changed while Spark read it (17000 "
                    + "bytes modified at ").contains("when the run started");
            isShort(t);
        }
    }

    @Test
    void aFailureOfARunWhoseInputChangedIsThatChange(@TempDir Path dir) throws IOException {
        for (Throwable t : scoreBoth(dir, Fault.REWRITTEN_THEN_BUG)) {
            assertThat(t).isInstanceOf(CorpusFormatException.class);
            assertThat(t.getMessage()).startsWith(dir.resolve("pred.conll") + ": changed while Spark read it (");
            assertThat(t.getSuppressed()).singleElement().isInstanceOf(SparkEngine.JobFailure.class);
            isShort(t);
        }
    }

    @Test
    void aLineMadeWrongWhileSparkReadTheFileIsRefusedAsTheChangeNotAsTheLine(@TempDir Path dir) throws IOException {
        // the first part meets 2 columns where the others have 3, so the driver reads the file in one piece and
        // finds a line that was right when the run started: the change is what to report
        for (Throwable t : scoreBoth(dir, Fault.REWRITTEN_BADLY)) {
            assertThat(t).isInstanceOf(CorpusFormatException.class);
            assertThat(t.getMessage()).startsWith(dir.resolve("pred.conll") + ": changed while Spark read it (");
            assertThat(t.getSuppressed()).singleElement().isInstanceOf(CorpusFormatException.class);
            isShort(t);
        }
    }

    @Test
    void validateRefusesAFileThatChangedWhileTheTasksReadIt(@TempDir Path dir) throws IOException {
        for (Fault f : List.of(Fault.TRUNCATED, Fault.GROWN, Fault.REWRITTEN)) {
            Path c = corpus(dir.resolve(f.toString()));
            try (TaskFaults faults = TaskFaults.install(LocalSpark.session(), f, "annotations.jsonl", null)) {
                Throwable t = catchThrowable(() -> engine.validate(List.of(c.toString()), Role.GOLD, 3));
                assertThat(faults.acted()).isPositive();
                assertThat(t).as(f.toString()).isInstanceOf(CorpusFormatException.class);
                assertThat(t.getMessage()).startsWith(c + "/annotations.jsonl: changed while Spark read it (");
                isShort(t);
            }
        }
    }

    @Test
    void aTaskOutOfMemoryIsAShortFailureWithWhatToTry(@TempDir Path dir) throws IOException {
        for (Throwable t : scoreBoth(dir, Fault.OUT_OF_MEMORY)) {
            assertThat(t).isInstanceOf(SparkEngine.JobFailure.class);
            assertThat(t.getMessage()).contains("ran out of memory", "--parts", "lower --resamples",
                    "spark.executor.memory");
            isShort(t);
        }
        // the session lives on: the task's failure did not stop this JVM's executor
        assertThat(engine.tags(conll(dir).toString(), settings(), 3).toText()).contains("overall");
    }

    @Test
    void aBugInATaskIsAShortFailureNamingIt(@TempDir Path dir) throws IOException {
        for (Throwable t : scoreBoth(dir, Fault.BUG)) {
            assertThat(t).isInstanceOf(SparkEngine.JobFailure.class);
            assertThat(t.getMessage()).contains("a Spark task failed", "IllegalStateException: a bug in a task");
            isShort(t);
        }
    }

    @Test
    void sparksFailuresWithoutTheTasksExceptionAreOneLineWithWhatToTry() {
        // what Spark's scheduler says when an executor died with its task (the exception did not come back)
        String lost = "Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times, most recent failure: "
                + "Lost task 0.3 in stage 3.0 (TID 9) (10.0.0.5 executor 2): ExecutorLostFailure (executor 2 exited "
                + "caused by one of the running tasks) Reason: Command exited with code 52\nDriver stacktrace:\n\tat "
                + "org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:2935)";
        String big = "Job aborted due to stage failure: Total size of serialized results of 3 tasks (1030.8 KiB) is "
                + "bigger than spark.driver.maxResultSize (1024.0 KiB)";
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
        for (String[] c : new String[][] {{lost, "Spark lost an executor (a task failed 4 times, the last with "
                    + "ExecutorLostFailure (executor 2 exited caused by one of the running tasks) Reason: Command exited "
                    + "with code 52); ", "spark.executor.memory"},
            {big, "the tasks' results exceed what the driver accepts", "--conf spark.driver.maxResultSize="}}) {
            Throwable t = catchThrowable(() -> SparkFailures.translated(new org.apache.spark.SparkException(c[0]),
                    conf, List.of("in.conll"), null));
            assertThat(t).isInstanceOf(SparkEngine.JobFailure.class);
            assertThat(t.getMessage()).startsWith(c[1]).contains(c[2]).doesNotContain("Driver stacktrace");
            isShort(t);
        }
        // a local file the executors' user may not read: Hadoop's local file system says so in a FileNotFoundException
        String in = Path.of("in.conll").toAbsolutePath().toString();
        IOException denied = SparkFailures.translated(new org.apache.spark.SparkException("Job aborted due to stage "
                + "failure: ...", new java.io.FileNotFoundException(in + " (Permission denied)")), conf,
                List.of("in.conll"), null);
        assertThat(denied).isInstanceOf(CorpusFormatException.class)
                .hasMessage("in.conll: permission denied to a Spark task (" + in + " (Permission denied)); expected a "
                        + "file that the executors' user may read");
    }

    /** The release's JSONL files, copied to {@code dir}. */
    static Path corpus(Path dir) throws IOException {
        Path c = Files.createDirectories(dir.resolve("corpus"));
        for (String f : List.of("documents.jsonl", "annotations.jsonl", "contradictions.jsonl", "nli.jsonl")) {
            Files.copy(Path.of("datasets/oreshnik-reports/1.1.0", f), c.resolve(f));
        }
        return c;
    }

    @Test
    void validateRefusesAFileDeletedWhileTheTasksReadIt(@TempDir Path dir) throws IOException {
        Path c = corpus(dir);
        try (TaskFaults faults = TaskFaults.install(LocalSpark.session(), Fault.DELETED, "annotations.jsonl", null)) {
            Throwable t = catchThrowable(() -> engine.validate(List.of(c.toString()), Role.GOLD, 3));
            assertThat(faults.acted()).isPositive();
            assertThat(t).isInstanceOf(CorpusFormatException.class);
            assertThat(t.getMessage()).startsWith(c + "/annotations.jsonl: ")
                    .contains("deleted or moved while Spark read it");
            isShort(t);
        }
    }

    /** What {@code dir} holds, hidden entries included. */
    static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void exportAfterAFailedTaskLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Path c = corpus(dir);
        Path outs = Files.createDirectories(dir.resolve("outs"));
        Path out = outs.resolve("out");
        // a disk that fills up while the parts are copied to the staging directory
        try (TaskFaults faults = TaskFaults.install(LocalSpark.session(), Fault.DISK_FULL, outs.toString(), null)) {
            assertThatThrownBy(() -> engine.export(List.of(c.toString()), CorpusFormat.CONLL, out.toString(),
                    new SparkExport.Options("x", org.corpusbench.tags.TagScheme.IOB2, false, 3, false)))
                    .isInstanceOf(IOException.class).isNotInstanceOf(CorpusFormatException.class)
                    .hasMessageContaining("No space left on device")
                    .satisfies(SparkTaskFailureTest::isShort);
            assertThat(faults.acted()).isPositive();
        }
        assertThat(entries(outs)).isEmpty();
        // the input deleted after the corpus was validated, while the export reads it again
        try (TaskFaults faults = TaskFaults.install(LocalSpark.session(), Fault.DELETED, "documents.jsonl",
                "SparkExport")) {
            Throwable t = catchThrowable(() -> engine.export(List.of(c.toString()), CorpusFormat.CONLL,
                    out.toString(), new SparkExport.Options("x", org.corpusbench.tags.TagScheme.IOB2, false, 3,
                            false)));
            assertThat(faults.acted()).isPositive();
            assertThat(t).isInstanceOf(CorpusFormatException.class);
            assertThat(t.getMessage()).startsWith(c + "/documents.jsonl: ")
                    .contains("deleted or moved while Spark read it");
            isShort(t);
        }
        assertThat(entries(outs)).isEmpty();
        // the input grown by a line after the corpus was validated: what was validated is not what would be written
        Path c2 = corpus(Files.createDirectories(dir.resolve("again")));
        try (TaskFaults faults = TaskFaults.install(LocalSpark.session(), Fault.GROWN, "documents.jsonl",
                "SparkExport")) {
            Throwable t = catchThrowable(() -> engine.export(List.of(c2.toString()), CorpusFormat.CONLL,
                    out.toString(), new SparkExport.Options("x", org.corpusbench.tags.TagScheme.IOB2, false, 3,
                            false)));
            assertThat(faults.acted()).isPositive();
            assertThat(t).isInstanceOf(CorpusFormatException.class);
            assertThat(t.getMessage()).startsWith(c2 + "/documents.jsonl: ").contains("changed while Spark read it");
            isShort(t);
        }
        assertThat(entries(outs)).isEmpty();
    }
}
