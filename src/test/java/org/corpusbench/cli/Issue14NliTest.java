package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
