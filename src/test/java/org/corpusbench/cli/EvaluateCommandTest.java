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
import org.corpusbench.diagnostic.Location;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.schema.SchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.0");
    static final Path VECTOR = Path.of("src/test/resources/org/corpusbench/eval/tags/conformance/v00001-IOB2.conll");

    @TempDir
    Path tmp;

    private JsonNode report(Path json) throws IOException {
        return validReport(json);
    }

    /** The report in {@code json}, asserted valid against report.schema.json. */
    static JsonNode validReport(Path json) throws IOException {
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        List<Diagnostic> problems = SchemaValidator.get().validate(SchemaValidator.Kind.REPORT, n, Location.ofFile(json.toString()));
        assertThat(problems).as("report valid against report.schema.json").isEmpty();
        return n;
    }

    @Test
    void goldAgainstItselfScoresOneOnEveryTaskAndEveryReportIsValid() throws IOException {
        String[][] tasks = {{"entities", "annotations.jsonl"}, {"dates", "annotations.jsonl"},
            {"contradictions", "contradictions.jsonl"}, {"nli", "nli.jsonl"}};
        for (String[] t : tasks) {
            Path out = tmp.resolve(t[0] + ".json");
            CliTest.Run r = CliTest.run("evaluate", "--task", t[0], "--dataset", RELEASE.toString(), "--pred",
                    RELEASE.resolve(t[1]).toString(), "--json", out.toString(), "--resamples", "50");
            assertThat(r.code()).as(t[0] + ": " + r.err()).isZero();
            JsonNode n = report(out);
            assertThat(n.at("/dataset/name").asText()).isEqualTo("oreshnik-reports");
            assertThat(n.at("/dataset/fingerprint").asText()).hasSize(64);
            assertThat(n.at("/inputs/0/sha256").asText()).hasSize(64);
            switch (t[0]) {
                case "entities" -> assertThat(n.at("/schemes/strict/overall/f1").asDouble()).isEqualTo(1.0);
                case "dates" -> assertThat(n.at("/strict/f1").asDouble()).isEqualTo(1.0);
                case "contradictions" -> assertThat(n.at("/overall/f1").asDouble()).isEqualTo(1.0);
                default -> assertThat(n.at("/overall/accuracy").asDouble()).isEqualTo(1.0);
            }
        }
    }

    @Test
    void tagsReportHasTheDocumentedPaths() throws IOException {
        Path out = tmp.resolve("tags.json");
        CliTest.Run r = CliTest.run("evaluate", "--task", "tags", "--pred", VECTOR.toString(), "--format", "conll",
                "--scheme", "IOB2", "--mode", "default", "--json", out.toString());
        assertThat(r.code()).isZero();
        JsonNode n = report(out);
        assertThat(n.at("/overall/tp").asLong()).isEqualTo(7);
        assertThat(n.at("/overall/accuracy").asDouble()).isCloseTo(0.8620689655172413, within(1e-12));
        assertThat(n.at("/types/PER/f1").asDouble()).isCloseTo(0.8333333333333333, within(1e-12));
        assertThat(n.at("/macro/f1").asDouble()).isCloseTo(0.5416666666666666, within(1e-12));
        assertThat(r.out()).contains("| overall (micro) |");
    }

    @Test
    void badPredictionsAreErrorsWithFileAndLineUnlessLenient() throws IOException {
        Path pred = tmp.resolve("pred.jsonl");
        Files.writeString(pred, "{\"doc_id\":\"000_6e15c3caa4eb7126\",\"entities\":[{\"start\":0,\"end\":7,"
                + "\"text\":\"Belarus\",\"type\":\"GPE\"},{\"start\":0,\"end\":7,\"text\":\"Belaruz\",\"type\":\"GPE\"}]}\n"
                + "{\"doc_id\":\"nope\",\"entities\":[]}\n{broken\n", StandardCharsets.UTF_8);
        CliTest.Run strict = CliTest.run("evaluate", "--task", "entities", "--dataset", RELEASE.toString(), "--pred",
                pred.toString());
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).contains(pred + ":1: entities[1].text: 'Belaruz' does not match the text at [0,7), "
                + "which is 'Belarus'", pred + ":2: doc_id: unknown document 'nope'", pred + ":3:2: malformed JSON",
                "no prediction record for 4 of the 5 gold documents", "4 problems in the predictions");
        Path out = tmp.resolve("lenient.json");
        CliTest.Run lenient = CliTest.run("evaluate", "--task", "entities", "--dataset", RELEASE.toString(), "--pred",
                pred.toString(), "--lenient", "--json", out.toString(), "--resamples", "0");
        assertThat(lenient.code()).isZero();
        JsonNode n = report(out);
        assertThat(n.at("/skipped/text_mismatches").asLong()).isEqualTo(1);
        assertThat(n.at("/skipped/unknown_documents").asLong()).isEqualTo(1);
        assertThat(n.at("/schemes/strict/overall/correct").asLong()).isEqualTo(1);
    }

    @Test
    void usageErrorsExitTwo() {
        CliTest.Run missing = CliTest.run("evaluate", "--task", "entities", "--pred", tmp.resolve("none").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("corpusbench evaluate: " + tmp.resolve("none") + ": no such file");
        CliTest.Run scheme = CliTest.run("evaluate", "--task", "tags", "--pred", VECTOR.toString(), "--format", "conll",
                "--scheme", "XYZ");
        assertThat(scheme.code()).isEqualTo(2);
        assertThat(scheme.err()).contains("unknown --scheme 'XYZ'");
    }

    @Test
    void conllevalCommandPrintsTheReferenceReport() throws IOException {
        CliTest.Run r = CliTest.run("conlleval", VECTOR.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(Path.of(VECTOR.toString().replace(".conll", ".conlleval.txt")),
                StandardCharsets.UTF_8));
    }

    @Test
    void htmlReportIsWritten() throws IOException {
        Path html = tmp.resolve("r.html");
        CliTest.Run r = CliTest.run("evaluate", "--task", "entities", "--dataset", RELEASE.toString(), "--pred",
                RELEASE.resolve("annotations.jsonl").toString(), "--html", html.toString(), "--resamples", "0");
        assertThat(r.code()).isZero();
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("<!DOCTYPE html>", "oreshnik-reports 1.0.0",
                "<mark class=\"CORRECT\"");
    }
}
