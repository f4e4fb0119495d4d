package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.corpusbench.spark.LocalSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corpusbench spark ... evaluate} (issue 16) prints what {@code evaluate} prints, and refuses what it
 * refuses with the same message and exit code, writing nothing. On the tests' shared local[2] session.
 */
class SparkCommandTest {

    static final String TEXT = "-DOCSTART- O O\n\nEU B-ORG B-ORG\nrejects O O\nGerman B-MISC B-PER\n\n"
            + "Peter B-PER B-PER\nBlackburn I-PER O\n\nBRUSSELS B-LOC B-LOC\n1996-08-22 O O\n";

    @BeforeAll
    static void startSpark() {
        LocalSpark.session();
    }

    static String[] spark(String... evaluateArgs) {
        List<String> a = new ArrayList<>(List.of("spark", "--master", "local[2]", "--parts", "3", "evaluate"));
        a.addAll(List.of(evaluateArgs));
        return a.toArray(new String[0]);
    }

    static String[] local(String... evaluateArgs) {
        List<String> a = new ArrayList<>(List.of("evaluate"));
        a.addAll(List.of(evaluateArgs));
        return a.toArray(new String[0]);
    }

    @Test
    void printsAndWritesWhatEvaluatePrintsAndWrites(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("pred.conll");
        Files.writeString(f, TEXT, StandardCharsets.UTF_8);
        for (String task : List.of("tags", "entities")) {
            List<String> args = new ArrayList<>(List.of("--task", task, "--format", "conll", "--pred", f.toString()));
            if (task.equals("entities")) {
                args.addAll(List.of("--resamples", "40", "--bootstrap", "poisson"));
            }
            CliTest.Run one = CliTest.run(local(args.toArray(new String[0])));
            CliTest.Run onSpark = CliTest.run(spark(args.toArray(new String[0])));
            assertThat(one.code()).as(one.err()).isZero();
            assertThat(onSpark.code()).as(onSpark.err()).isZero();
            assertThat(onSpark.out()).isEqualTo(one.out());
            assertThat(onSpark.err()).isEqualTo(one.err());
            args.addAll(List.of("--json", "-"));
            assertThat(CliTest.run(spark(args.toArray(new String[0]))).out())
                    .isEqualTo(CliTest.run(local(args.toArray(new String[0]))).out())
                    .contains("\"sha256\"");
        }
    }

    @Test
    void scoresParquetPredictionsAsTheirJsonlAndOnlyUnderSpark(@TempDir Path dir) throws IOException {
        String release = "datasets/oreshnik-reports/1.0.1";
        Path parquet = dir.resolve("annotations.parquet");
        LocalSpark.session().read().json(release + "/annotations.jsonl").coalesce(1).write()
                .parquet(parquet.toString());
        for (String task : List.of("entities", "dates")) {
            CliTest.Run one = CliTest.run(local("--task", task, "--dataset", release, "--pred",
                    release + "/annotations.jsonl"));
            CliTest.Run onSpark = CliTest.run(spark("--task", task, "--dataset", release, "--pred",
                    parquet.toString(), "--format", "parquet"));
            assertThat(one.code()).as(one.err()).isZero();
            assertThat(onSpark.code()).as(onSpark.err()).isZero();
            assertThat(onSpark.out()).isEqualTo(one.out());
        }
        // the page shows every document's errors: the rows are read again for it, after the scoring
        Path page = dir.resolve("page.html");
        CliTest.Run html = CliTest.run(spark("--task", "entities", "--dataset", release, "--pred", parquet.toString(),
                "--format", "parquet", "--html", page.toString()));
        assertThat(html.code()).as(html.err()).isZero();
        Path localPage = dir.resolve("local.html");
        assertThat(CliTest.run(local("--task", "entities", "--dataset", release, "--pred",
                release + "/annotations.jsonl", "--html", localPage.toString())).code()).isZero();
        assertThat(Files.readString(page)).isEqualTo(Files.readString(localPage)
                .replace(release + "/annotations.jsonl", parquet.toString())
                .replace("Entities: annotations.jsonl", "Entities: annotations.parquet"));
        CliTest.Run json = CliTest.run(spark("--task", "nli", "--dataset", release, "--pred", parquet.toString(),
                "--format", "parquet", "--json", "-"));
        assertThat(json.code()).isEqualTo(1);
        assertThat(json.err()).startsWith("corpusbench evaluate: " + parquet + ": holds no NLI predictions");
        assertThat(json.out()).isEmpty();
        CliTest.Run notSpark = CliTest.run(local("--task", "entities", "--dataset", release, "--pred",
                parquet.toString(), "--format", "parquet"));
        assertThat(notSpark.code()).isEqualTo(2);
        assertThat(notSpark.err()).contains("--format parquet is read by Spark: corpusbench spark");
        CliTest.Run tags = CliTest.run(spark("--task", "tags", "--pred", parquet.toString(), "--format", "parquet"));
        assertThat(tags.code()).isEqualTo(2);
        assertThat(tags.err()).contains("--format parquet applies to --task entities, dates, contradictions and nli");
    }

    /**
     * The entities page of Parquet rows reads them again, after the scoring: in a JVM of its own (in this one
     * the tests' session outlives every command), the session the command started must still be there.
     */
    @Test
    void writesTheEntitiesPageOfParquetRowsInAJvmOfItsOwn(@TempDir Path dir) throws Exception {
        String release = "datasets/oreshnik-reports/1.0.1";
        Path parquet = dir.resolve("annotations.parquet");
        LocalSpark.session().read().json(release + "/annotations.jsonl").coalesce(1).write()
                .parquet(parquet.toString());
        Path page = dir.resolve("page.html");
        SparkStartRefusalTest.Run r = SparkStartRefusalTest.inNewJvm(dir, "spark", "--master", "local[1]",
                "evaluate", "--task", "entities", "--dataset", release, "--pred", parquet.toString(), "--format",
                "parquet", "--html", page.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(page)).contains("Entities: annotations.parquet");
    }

    @Test
    void scoresJsonlPredictionsAgainstAReleaseAsEvaluateDoes() {
        String release = "datasets/oreshnik-reports/1.0.1";
        String[][] tasks = {{"entities", "annotations.jsonl"}, {"dates", "annotations.jsonl"},
            {"contradictions", "contradictions.jsonl"}, {"nli", "nli.jsonl"}};
        for (String[] t : tasks) {
            // the Poisson bootstrap, so that the units are added up on Spark
            String[] args = {"--task", t[0], "--dataset", release, "--pred", release + "/" + t[1], "--bootstrap",
                "poisson", "--resamples", "50", "--json", "-"};
            CliTest.Run one = CliTest.run(local(args));
            CliTest.Run onSpark = CliTest.run(spark(args));
            assertThat(one.code()).as(one.err()).isZero();
            assertThat(onSpark.code()).as(onSpark.err()).isZero();
            assertThat(onSpark.out()).isEqualTo(one.out()).contains("\"method\" : \"poisson\"");
            assertThat(onSpark.err()).isEqualTo(one.err());
        }
    }

    @Test
    void refusesAWrongFileAsEvaluateDoesAndWritesNothing(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("pred.conll");
        // line 6 has 4 columns after lines of 3; each of the 3 parts alone is consistent
        Files.writeString(f, "a O O\nb O O\n\nc O O\n\nd NN O O\ne NN O O\n", StandardCharsets.UTF_8);
        Path json = dir.resolve("report.json");
        for (String task : List.of("tags", "entities")) {
            String[] args = {"--task", task, "--format", "conll", "--pred", f.toString(), "--json", json.toString()};
            CliTest.Run one = CliTest.run(local(args));
            CliTest.Run onSpark = CliTest.run(spark(args));
            assertThat(onSpark.code()).isEqualTo(one.code()).isEqualTo(1);
            assertThat(onSpark.err()).isEqualTo(one.err())
                    .isEqualTo("corpusbench evaluate: " + f + ":6: found 4 columns; expected 3 as on the first token "
                            + "line\n");
            assertThat(onSpark.out()).isEmpty();
            assertThat(json).doesNotExist();
        }
    }

    @Test
    void refusesWhatItDoesNotRunYetAsAUsageError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("pred.conll");
        Files.writeString(f, TEXT, StandardCharsets.UTF_8);
        CliTest.Run timeml = CliTest.run(spark("--task", "dates", "--format", "timeml", "--dataset", dir.toString(),
                "--pred", dir.toString()));
        assertThat(timeml.code()).isEqualTo(2);
        assertThat(timeml.err()).startsWith("corpusbench evaluate: corpusbench spark evaluate does not score folders "
                + "of TimeML files");
        CliTest.Run threads = CliTest.run(spark("--task", "tags", "--format", "conll", "--pred", f.toString(),
                "--threads", "2"));
        assertThat(threads.code()).isEqualTo(2);
        assertThat(threads.err()).startsWith("corpusbench evaluate: --threads does not apply under spark");
        CliTest.Run parts = CliTest.run("spark", "--master", "local[2]", "--parts", "-1", "evaluate", "--task",
                "tags", "--format", "conll", "--pred", f.toString());
        assertThat(parts.code()).isEqualTo(2);
        assertThat(parts.err()).contains("--parts");
        CliTest.Run noMaster = CliTest.run("spark", "evaluate", "--task", "tags", "--format", "conll", "--pred",
                f.toString());
        assertThat(noMaster.code()).isEqualTo(2);
        assertThat(noMaster.err()).startsWith("corpusbench evaluate: --master is required");
        CliTest.Run none = CliTest.run("spark", "--master", "local[2]");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("a command is required: evaluate");
    }
}
