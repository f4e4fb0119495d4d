package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, item 3: NLI predictions with SNLI's field names, and the averages of P/R/F1. */
class Issue14NliTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.0");

    @TempDir
    Path tmp;

    /** Our own {@code export --format nli} output: SNLI's {@code pairID} and {@code gold_label}. */
    private Path exported() throws IOException {
        Path out = tmp.resolve("ex");
        CliTest.Run e = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "nli", "--out", out.toString());
        assertThat(e.code()).as(e.err()).isZero();
        try (Stream<Path> s = Files.list(out)) {
            List<Path> files = s.toList();
            assertThat(files).hasSize(1);
            return files.get(0);
        }
    }

    @Test
    void ourOwnNliExportIsAcceptedAsPredictionsByEvaluateAndCompare() throws IOException {
        Path pred = exported();
        assertThat(Files.readString(pred, StandardCharsets.UTF_8)).contains("\"pairID\"", "\"gold_label\"")
                .doesNotContain("\"id\"");
        Path json = tmp.resolve("r.json");
        CliTest.Run r = CliTest.run("evaluate", "--task", "nli", "--dataset", RELEASE.toString(), "--pred",
                pred.toString(), "--json", json.toString(), "--resamples", "0");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        // the gold exported is the gold: all 65 pairs right
        assertThat(n.at("/overall/accuracy").asDouble()).isEqualTo(1.0);
        assertThat(n.at("/overall/pairs").asLong()).isEqualTo(65);
        assertThat(n.has("skipped")).isFalse();
        CliTest.Run c = CliTest.run("compare", "--dataset", RELEASE.toString(), "--task", "nli", "--shuffles", "200",
                RELEASE.resolve("nli.jsonl").toString(), pred.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("over 65 units");
    }

    @Test
    void snliRecordsWithOneChangedLabelScoreOneWrong() throws IOException {
        Path pred = exported();
        List<String> lines = Files.readAllLines(pred, StandardCharsets.UTF_8);
        String first = lines.get(0);
        // n001 is a contradiction in the gold; predict neutral instead
        assertThat(first).contains("\"pairID\":\"n001\"", "\"gold_label\":\"contradiction\"");
        lines.set(0, first.replace("\"gold_label\":\"contradiction\"", "\"gold_label\":\"neutral\""));
        Path changed = Files.write(tmp.resolve("changed.jsonl"), lines, StandardCharsets.UTF_8);
        Path json = tmp.resolve("r.json");
        CliTest.Run r = CliTest.run("evaluate", "--task", "nli", "--dataset", RELEASE.toString(), "--pred",
                changed.toString(), "--json", json.toString(), "--resamples", "0");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        // 64 of 65 right
        assertThat(n.at("/overall/accuracy").asDouble()).isEqualTo(64.0 / 65);
        assertThat(n.at("/confusion/contradiction/neutral").asLong()).isEqualTo(1);
    }

    @Test
    void aRecordWhoseTwoIdsOrTwoLabelsDisagreeIsRefused() throws IOException {
        Path ids = Files.writeString(tmp.resolve("ids.jsonl"),
                "{\"id\":\"n001\",\"pairID\":\"n002\",\"label\":\"neutral\"}\n", StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("evaluate", "--task", "nli", "--dataset", RELEASE.toString(), "--pred",
                ids.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains(ids + ":1: pairID: 'n002' differs from id 'n001'");
        Path labels = Files.writeString(tmp.resolve("labels.jsonl"),
                "{\"pairID\":\"n001\",\"label\":\"neutral\",\"gold_label\":\"contradiction\"}\n", StandardCharsets.UTF_8);
        CliTest.Run l = CliTest.run("evaluate", "--task", "nli", "--dataset", RELEASE.toString(), "--pred",
                labels.toString());
        assertThat(l.code()).as(l.err()).isEqualTo(1);
        assertThat(l.err()).contains(labels + ":1: gold_label: 'contradiction' differs from label 'neutral'");
        assertThat(l.out()).doesNotContain("accuracy");
    }

    private static void prf(JsonNode n, double p, double r, double f) {
        assertThat(n.get("precision").asDouble()).as(n + " precision").isCloseTo(p, within(1e-12));
        assertThat(n.get("recall").asDouble()).as(n + " recall").isCloseTo(r, within(1e-12));
        assertThat(n.get("f1").asDouble()).as(n + " f1").isCloseTo(f, within(1e-12));
    }

    /**
     * The release's gold: n001-n019 contradiction (19), n020-n043 entailment (24), n044-n065 neutral (22).
     * Predicted: entailment for every pair but n001, which has no prediction (--lenient).
     * entailment: tp 24, fp 22+18 = 40, fn 0 → P 24/64 = 3/8, R 1, F1 48/(48+40) = 6/11.
     * neutral: tp 0, fp 0, fn 22 → 0, 0, 0. contradiction: tp 0, fp 0, fn 18+1 (n001, missing) = 19 → 0, 0, 0.
     * micro: tp 24, fp 40, fn 22+19 = 41 → P 3/8, R 24/65, F1 48/(48+40+41) = 16/43.
     * macro: P (3/8)/3 = 1/8, R 1/3, F1 (6/11)/3 = 2/11.
     * weighted (24, 22, 19 of 65): P 24·(3/8)/65 = 9/65, R 24/65, F1 24·(6/11)/65 = 144/715.
     */
    @Test
    void averagesInTheJsonReportAndTheTableWithAMissingPairHandComputed() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 2; i <= 65; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "{\"id\":\"n%03d\",\"label\":\"entailment\"}%n", i));
        }
        Path pred = Files.writeString(tmp.resolve("all-e.jsonl"), sb, StandardCharsets.UTF_8);
        Path json = tmp.resolve("r.json");
        CliTest.Run r = CliTest.run("evaluate", "--task", "nli", "--dataset", RELEASE.toString(), "--pred",
                pred.toString(), "--json", json.toString(), "--resamples", "0", "--lenient");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = EvaluateCommandTest.validReport(json);
        assertThat(n.at("/overall/accuracy").asDouble()).isCloseTo(24.0 / 65, within(1e-12));
        assertThat(n.at("/confusion/contradiction/(none)").asLong()).isEqualTo(1);
        prf(n.at("/averages/micro"), 3.0 / 8, 24.0 / 65, 16.0 / 43);
        prf(n.at("/averages/macro"), 1.0 / 8, 1.0 / 3, 2.0 / 11);
        prf(n.at("/averages/weighted"), 9.0 / 65, 24.0 / 65, 144.0 / 715);
        assertThat(n.at("/overall/macro_f1").asDouble()).isCloseTo(2.0 / 11, within(1e-12));
        // 3/8 = 0.3750, 24/65 = 0.3692, 16/43 = 0.3721; 1/8 = 0.1250, 1/3 = 0.3333, 2/11 = 0.1818;
        // 9/65 = 0.1385, 144/715 = 0.2014
        assertThat(r.out()).containsPattern("micro avg[ |]+0\\.3750[ |]+0\\.3692[ |]+0\\.3721")
                .containsPattern("macro avg[ |]+0\\.1250[ |]+0\\.3333[ |]+0\\.1818")
                .containsPattern("weighted avg[ |]+0\\.1385[ |]+0\\.3692[ |]+0\\.2014");
    }

    /** The gold's labels as {"label": ...} lines without ids, in the gold's order. */
    private static List<String> alignedGold() throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(RELEASE.resolve("nli.jsonl"), StandardCharsets.UTF_8)) {
            String label = new ObjectMapper().readTree(line).get("label").asText();
            out.add("{\"label\":\"" + label + "\"}");
        }
        return out;
    }

    private CliTest.Run evaluateAligned(String name, List<String> lines, String... more) throws IOException {
        Path pred = Files.write(tmp.resolve(name), lines, StandardCharsets.UTF_8);
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--task", "nli", "--dataset",
                RELEASE.toString(), "--pred", pred.toString(), "--resamples", "0"));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void labelsWithoutIdsAreMatchedToTheGoldPairsByLine() throws IOException {
        List<String> lines = alignedGold();
        // line 1 is n001, a contradiction in the gold: predict neutral → 64 of 65 right
        assertThat(lines.get(0)).isEqualTo("{\"label\":\"contradiction\"}");
        lines.set(0, "{\"label\":\"neutral\"}");
        Path json = tmp.resolve("r.json");
        CliTest.Run r = evaluateAligned("aligned.jsonl", lines, "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.at("/overall/accuracy").asDouble()).isEqualTo(64.0 / 65);
        assertThat(n.at("/confusion/contradiction/neutral").asLong()).isEqualTo(1);
        assertThat(n.has("skipped")).isFalse();
    }

    @Test
    void labelsWithoutIdsThatCannotBeMatchedLineByLineAreRefusedEvenWhenLenient() throws IOException {
        List<String> gold = alignedGold();
        for (String lenient : new String[] {"--lenient", "--seed=1"}) {
            CliTest.Run shorter = evaluateAligned("short.jsonl", gold.subList(1, 65), lenient);
            assertThat(shorter.code()).as(shorter.err()).isEqualTo(1);
            assertThat(shorter.err()).contains("holds 64 labels without an id but the gold has 65 NLI pairs");
            assertThat(shorter.out()).doesNotContain("accuracy");
            List<String> longer = new java.util.ArrayList<>(gold);
            longer.add("{\"label\":\"neutral\"}");
            CliTest.Run l = evaluateAligned("long.jsonl", longer, lenient);
            assertThat(l.code()).as(l.err()).isEqualTo(1);
            assertThat(l.err()).contains("holds 66 labels without an id but the gold has 65 NLI pairs");
            // 64 aligned labels and one with an id: 65 lines, but the one with an id shifts the rest
            List<String> mixed = new java.util.ArrayList<>(gold.subList(1, 65));
            mixed.add(0, "{\"id\":\"n001\",\"label\":\"contradiction\"}");
            CliTest.Run m = evaluateAligned("mixed.jsonl", mixed, lenient);
            assertThat(m.code()).as(m.err()).isEqualTo(1);
            assertThat(m.err()).contains("holds 64 labels without an id and 1 other lines");
            List<String> broken = new java.util.ArrayList<>(gold.subList(1, 65));
            broken.add(10, "{\"label\": ");
            CliTest.Run b = evaluateAligned("broken.jsonl", broken, lenient);
            assertThat(b.code()).as(b.err()).isEqualTo(1);
            assertThat(b.err()).contains("holds 64 labels without an id and 1 other lines");
            // a blank line where the second label should be: 65 labels, the last 64 one line late
            List<String> blank = new java.util.ArrayList<>(gold);
            blank.add(1, "");
            CliTest.Run e = evaluateAligned("blank.jsonl", blank, lenient);
            assertThat(e.code()).as(e.err()).isEqualTo(1);
            assertThat(e.err()).contains(":3: label 2 is on line 3");
            assertThat(e.out()).doesNotContain("accuracy");
        }
    }

    /**
     * SNLI as the gold (issue 14 item 3): an import of SNLI's JSONL holds NLI pairs and no documents, which is
     * all the NLI task needs; it was refused ("holds no documents, so it cannot be the gold"). Four pairs, one
     * label changed: accuracy 3/4. A folder with neither documents nor NLI pairs is still refused, and so is
     * another task on NLI-only gold.
     */
    @Test
    void snliImportedIsAGoldForNliAndOnlyForNli() throws IOException {
        Path snli = Files.writeString(tmp.resolve("snli.jsonl"), String.join("\n",
                "{\"premise\": \"A man sleeps.\", \"hypothesis\": \"A man rests.\", \"label\": \"entailment\"}",
                "{\"premise\": \"A man sleeps.\", \"hypothesis\": \"A man runs.\", \"label\": \"contradiction\"}",
                "{\"premise\": \"A dog barks.\", \"hypothesis\": \"A dog is hungry.\", \"label\": \"neutral\"}",
                "{\"premise\": \"A dog barks.\", \"hypothesis\": \"An animal is loud.\", \"label\": \"entailment\"}")
                + "\n");
        Path gold = tmp.resolve("gold");
        CliTest.Run imp = CliTest.run("import", "--format", "nli", "--out", gold.toString(), snli.toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        Path pred = Files.writeString(tmp.resolve("pred.jsonl"),
                "{\"label\": \"entailment\"}\n{\"label\": \"contradiction\"}\n{\"label\": \"entailment\"}\n"
                        + "{\"label\": \"entailment\"}\n");
        CliTest.Run r = CliTest.run("evaluate", "--task", "nli", "--dataset", gold.toString(), "--pred",
                pred.toString(), "--json", "-", "--resamples", "100");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).at("/overall/accuracy")
                .asDouble()).isEqualTo(0.75);
        CliTest.Run entities = CliTest.run("evaluate", "--task", "entities", "--dataset", gold.toString(), "--pred",
                pred.toString());
        assertThat(entities.code()).isEqualTo(1);
        assertThat(entities.err()).contains("the gold holds no entities");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt.bak"), "x");
        CliTest.Run none = CliTest.run("evaluate", "--task", "nli", "--dataset", empty.toString(), "--pred",
                pred.toString());
        assertThat(none.code()).isNotZero();
        assertThat(none.out()).isEmpty();
    }
}
