package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a wrong prediction file, a damaged gold or a report that cannot be written ends in a refusal
 * (exit 1 for the data, 2 for the command line, a located message, nothing written), never in a score.
 */
class Issue12EvaluateInputsTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");
    static final String DOC0 = "000_6e15c3caa4eb7126";

    @TempDir
    Path tmp;

    private static CliTest.Run evaluate(String task, Path dataset, Path pred, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--task", task, "--dataset",
                dataset.toString(), "--pred", pred.toString(), "--resamples", "0"));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    private static void refused(CliTest.Run r, int code, String... fragments) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.out()).as("nothing scored").doesNotContain("precision").doesNotContain("accuracy");
        assertThat(r.err()).contains(fragments).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aFileOfAnotherLayerIsRefusedForEveryTask() {
        refused(evaluate("entities", RELEASE, RELEASE.resolve("nli.jsonl")), 1,
                RELEASE.resolve("nli.jsonl") + ": holds no entity predictions", "65 NLI pairs");
        refused(evaluate("contradictions", RELEASE, RELEASE.resolve("annotations.jsonl")), 1,
                "holds no contradiction predictions", "5 annotation records");
        refused(evaluate("nli", RELEASE, RELEASE.resolve("annotations.jsonl")), 1, "holds no NLI predictions");
        refused(evaluate("dates", RELEASE, RELEASE.resolve("contradictions.jsonl")), 1, "holds no date predictions");
        refused(evaluate("entities", RELEASE, RELEASE.resolve("documents.jsonl")), 1, "5 documents");
    }

    @Test
    void annotationRecordsWithoutATimexesKeyAreNotDatePredictions() throws IOException {
        Path pred = tmp.resolve("entities-only.jsonl");
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(RELEASE.resolve("documents.jsonl"), StandardCharsets.UTF_8)) {
            String id = line.substring(7, line.indexOf('"', 7));
            sb.append("{\"doc_id\":\"").append(id).append("\",\"entities\":[]}\n");
        }
        Files.writeString(pred, sb, StandardCharsets.UTF_8);
        refused(evaluate("dates", RELEASE, pred), 1, pred + ": holds no date predictions",
                "5 annotation records without a \"timexes\" key");
        assertThat(evaluate("entities", RELEASE, pred).code()).as("the same file is fine for entities").isZero();
    }

    @Test
    void anEmptyPredictionFileIsRefused() throws IOException {
        Path pred = Files.writeString(tmp.resolve("empty.jsonl"), "");
        refused(evaluate("entities", RELEASE, pred), 1, pred + ": holds no entity predictions", "the file is empty");
    }

    @Test
    void compareRefusesAFileOfAnotherLayer() {
        CliTest.Run r = CliTest.run("compare", "--dataset", RELEASE.toString(), "--task", "entities",
                "--resamples", "0", "--shuffles", "10", RELEASE.resolve("annotations.jsonl").toString(),
                RELEASE.resolve("nli.jsonl").toString());
        refused(r, 1, RELEASE.resolve("nli.jsonl") + ": holds no entity predictions");
    }

    @Test
    void predictionsThatCoverOnlySomeDocumentsAreRefusedUnlessLenient() throws IOException {
        Path pred = tmp.resolve("partial.jsonl");
        Files.writeString(pred, Files.readAllLines(RELEASE.resolve("annotations.jsonl"), StandardCharsets.UTF_8).get(0)
                + "\n", StandardCharsets.UTF_8);
        refused(evaluate("entities", RELEASE, pred), 1, "no prediction record for 4 of the 5 gold documents",
                "--lenient");
        CliTest.Run lenient = evaluate("entities", RELEASE, pred, "--lenient");
        assertThat(lenient.code()).as(lenient.err()).isZero();
        assertThat(lenient.out()).contains("missing_documents=4");
    }

    @Test
    void nliPredictionsForUnknownOrRepeatedPairsAreProblems() throws IOException {
        Path pred = tmp.resolve("nli.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 65; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "{\"id\":\"n%03d\",\"label\":\"neutral\"}%n", i));
        }
        sb.append("{\"id\":\"n001\",\"label\":\"entailment\"}\n{\"id\":\"zzz\",\"label\":\"neutral\"}\n");
        Files.writeString(pred, sb, StandardCharsets.UTF_8);
        refused(evaluate("nli", RELEASE, pred), 1, pred + ":66: id: duplicate prediction for pair 'n001', first at line 1",
                pred + ":67: id: unknown pair 'zzz'");
    }

    @Test
    void repeatedDocumentRecordsInPredictionsAreProblems() throws IOException {
        Path pred = tmp.resolve("twice.jsonl");
        List<String> lines = Files.readAllLines(RELEASE.resolve("annotations.jsonl"), StandardCharsets.UTF_8);
        Files.writeString(pred, String.join("\n", lines) + "\n" + lines.get(0) + "\n", StandardCharsets.UTF_8);
        refused(evaluate("entities", RELEASE, pred), 1, pred + ":6: doc_id: duplicate prediction record for document '"
                + DOC0 + "', first at line 1");
    }

    private Path goldCopy() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("gold"));
        for (String f : List.of("documents.jsonl", "annotations.jsonl", "contradictions.jsonl", "nli.jsonl")) {
            Files.copy(RELEASE.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    @Test
    void aJsonlGoldIsValidatedBeforeItIsUsed() throws IOException {
        Path gold = goldCopy();
        Path ann = gold.resolve("annotations.jsonl");
        Files.writeString(ann, Files.readString(ann, StandardCharsets.UTF_8).replaceFirst("\"text\":\"Belarus\"",
                "\"text\":\"Belaruz\""), StandardCharsets.UTF_8);
        refused(evaluate("entities", gold, RELEASE.resolve("annotations.jsonl")), 1,
                ann + ":1: entities[0].text: 'Belaruz' does not match", "in the gold");
        assertThat(evaluate("entities", gold, RELEASE.resolve("annotations.jsonl")).err())
                .doesNotContain("in the predictions");
    }

    @Test
    void duplicateAndUnknownGoldRecordsAreRefused() throws IOException {
        Path gold = goldCopy();
        Path docs = gold.resolve("documents.jsonl");
        String first = Files.readAllLines(docs, StandardCharsets.UTF_8).get(0);
        Files.writeString(docs, first + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path ann = gold.resolve("annotations.jsonl");
        String firstAnn = Files.readAllLines(ann, StandardCharsets.UTF_8).get(0);
        Files.writeString(ann, firstAnn + "\n" + firstAnn.replace(DOC0, "ghost") + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        CliTest.Run r = evaluate("entities", gold, RELEASE.resolve("annotations.jsonl"));
        refused(r, 1, docs + ":6: id: duplicate document id '" + DOC0 + "'",
                ann + ":6: doc_id: duplicate record for document '" + DOC0 + "'",
                ann + ":7: doc_id: unknown document 'ghost'", "problems in the gold");
    }

    @Test
    void anEmptyGoldIsBlamedOnTheGold() throws IOException {
        Path gold = Files.createDirectories(tmp.resolve("empty-gold"));
        Files.writeString(gold.resolve("documents.jsonl"), "");
        refused(evaluate("entities", gold, RELEASE.resolve("annotations.jsonl")), 1,
                gold.resolve("documents.jsonl") + ": holds no records", "in the gold");
        Files.delete(gold.resolve("documents.jsonl"));
        refused(evaluate("entities", gold, RELEASE.resolve("annotations.jsonl")), 1,
                gold + ": holds no .txt, .jsonl or .csv files", "in the gold");
    }

    @Test
    void aGoldWithoutTheScoredLayerIsRefused() throws IOException {
        Path gold = goldCopy();
        Files.delete(gold.resolve("contradictions.jsonl"));
        refused(evaluate("contradictions", gold, RELEASE.resolve("contradictions.jsonl")), 1,
                gold + ": the gold holds no contradictions");
    }

    /** Every task writes an HTML report (issue 14: only entities from JSONL had one). */
    @Test
    void everyTaskWritesItsHtmlReport() throws IOException {
        Path vector = EvaluateCommandTest.VECTOR;
        for (String task : List.of("tags", "entities")) {
            Path html = tmp.resolve(task + "-conll.html");
            CliTest.Run r = CliTest.run("evaluate", "--task", task, "--format", "conll", "--scheme", "IOB2",
                    "--pred", vector.toString(), "--html", html.toString());
            assertThat(r.code()).as(task + ": " + r.err()).isZero();
            assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("<table>", vector.toString())
                    .doesNotContain("<script");
        }
        for (String task : List.of("dates", "contradictions", "nli")) {
            Path out = tmp.resolve(task + ".html");
            CliTest.Run r = evaluate(task, RELEASE, RELEASE.resolve(task.equals("dates") ? "annotations.jsonl"
                    : task + ".jsonl"), "--html", out.toString());
            assertThat(r.code()).as(task + ": " + r.err()).isZero();
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("<table>", "oreshnik-reports 1.0.1",
                    "1.0000").doesNotContain("<script");
        }
    }

    @Test
    void theGoldOfAnNliOrContradictionReportIsTheFileOfThatLayer() throws IOException {
        for (String task : List.of("nli", "contradictions")) {
            Path out = tmp.resolve(task + ".json");
            CliTest.Run r = evaluate(task, RELEASE, RELEASE.resolve(task + ".jsonl"), "--json", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            String json = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(json).contains(RELEASE.resolve(task + ".jsonl").toString());
            assertThat(json.split("\"role\" ?: ?\"gold\"", -1).length - 1).isEqualTo(2);
            assertThat(json).doesNotContain(RELEASE.resolve("annotations.jsonl").toString());
        }
    }

    @Test
    void numericOptionsOutOfRangeAreUsageErrors() {
        Path a = RELEASE.resolve("annotations.jsonl");
        for (String[] opt : List.of(new String[] {"--shuffles", "0"}, new String[] {"--resamples", "-1"})) {
            CliTest.Run r = CliTest.run("compare", "--dataset", RELEASE.toString(), "--task", "entities", opt[0],
                    opt[1], a.toString(), a.toString());
            refused(r, 2, opt[0] + " must be");
        }
        refused(CliTest.run("evaluate", "--task", "entities", "--dataset", RELEASE.toString(), "--pred", a.toString(),
                "--resamples", "-1"), 2, "--resamples must be");
    }

    @Test
    void aDirectoryWhereAFileIsExpectedIsNamedAsSuch() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("adir"));
        refused(evaluate("entities", RELEASE, dir), 2, dir + ": is a directory; expected a file");
        Path json = Files.createDirectories(tmp.resolve("report.json"));
        CliTest.Run r = evaluate("entities", RELEASE, RELEASE.resolve("annotations.jsonl"), "--json", json.toString());
        refused(r, 2, json + ": is a directory; expected a file");
        try (Stream<Path> s = Files.list(json)) {
            assertThat(s.count()).isZero();
        }
    }
}
