package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 5: a contradiction detector that flags no pair writes an empty file, which evaluate refuses
 * (an empty file is more often a wrong or truncated one) unless told with --allow-empty that it means no pair.
 */
class EvaluateAllowEmptyTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");

    @TempDir
    Path tmp;

    @Test
    void anEmptyContradictionFileIsRefusedWithTheWayOutNamed() throws IOException {
        Path pred = Files.writeString(tmp.resolve("none.jsonl"), "");
        CliTest.Run r = CliTest.run("evaluate", "--task", "contradictions", "--dataset", RELEASE.toString(), "--pred",
                pred.toString(), "--resamples", "0");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.PROBLEMS);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(pred + ": holds no contradiction predictions; the file is empty",
                "A detector that flagged no pair writes an empty file: pass --allow-empty to score it so");
    }

    @Test
    void withAllowEmptyItScoresAsNoPairFlagged() throws IOException {
        Path pred = Files.writeString(tmp.resolve("none.jsonl"), "");
        CliTest.Run r = CliTest.run("evaluate", "--task", "contradictions", "--dataset", RELEASE.toString(), "--pred",
                pred.toString(), "--allow-empty", "--resamples", "50", "--json", "-");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        // 19 gold pairs, none predicted: tp 0 of 0 predicted and 19 true; P = 0/0 = 0 by the zero-division
        // rule, R = 0/19 = 0, F1 = 0
        assertThat(n.at("/overall/tp").asLong()).isZero();
        assertThat(n.at("/overall/pred").asLong()).isZero();
        assertThat(n.at("/overall/true").asLong()).isEqualTo(19);
        assertThat(n.at("/overall/precision").isNumber()).isTrue();
        assertThat(n.at("/overall/precision").asDouble()).isZero();
        assertThat(n.at("/overall/f1").asDouble()).isZero();
        assertThat(n.at("/options/allow_empty").asBoolean()).isTrue();
        assertThat(n.at("/confidence_intervals/f1/high").asDouble()).isZero();
    }

    @Test
    void itDoesNotAcceptAFileWithLinesButNoContradictionNorApplyToOtherTasks() throws IOException {
        CliTest.Run lines = CliTest.run("evaluate", "--task", "contradictions", "--dataset", RELEASE.toString(),
                "--pred", RELEASE.resolve("nli.jsonl").toString(), "--allow-empty", "--resamples", "0");
        assertThat(lines.code()).as(lines.err()).isEqualTo(Main.PROBLEMS);
        assertThat(lines.err()).contains("holds no contradiction predictions; it holds 65 NLI pairs")
                .doesNotContain("--allow-empty");
        Path pred = Files.writeString(tmp.resolve("none.jsonl"), "");
        CliTest.Run entities = CliTest.run("evaluate", "--task", "entities", "--dataset", RELEASE.toString(),
                "--pred", pred.toString(), "--allow-empty");
        assertThat(entities.code()).isEqualTo(Main.USAGE);
        assertThat(entities.err()).contains("--allow-empty applies to --task contradictions only");
    }

    /**
     * compare passes --allow-empty too (it had no such option, so an empty file from predict could not be
     * compared with another detector's): the empty detector against the gold itself, recall 0 against 1.
     */
    @Test
    void compareTakesAllowEmptyForContradictionsOnly() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
        Path gold = RELEASE.resolve("contradictions.jsonl");
        CliTest.Run refused = CliTest.run("compare", "--task", "contradictions", "--dataset", RELEASE.toString(),
                "--resamples", "20", "--shuffles", "50", empty.toString(), gold.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("--allow-empty");
        CliTest.Run r = CliTest.run("compare", "--task", "contradictions", "--dataset", RELEASE.toString(),
                "--allow-empty", "--resamples", "20", "--shuffles", "50", empty.toString(), gold.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("0.0000", "1.0000");
        CliTest.Run nli = CliTest.run("compare", "--task", "nli", "--dataset", RELEASE.toString(), "--allow-empty",
                RELEASE.resolve("nli.jsonl").toString(), RELEASE.resolve("nli.jsonl").toString());
        assertThat(nli.code()).isEqualTo(2);
        assertThat(nli.err()).contains("--allow-empty applies to --task contradictions only");
    }
}
