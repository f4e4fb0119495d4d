package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corpusbench.internal.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: JSON limits are corpusbench's and stated. A valid document longer than Jackson's default
 * string limit (20 million characters) loads, validates and is scored; hostile lines (duplicate keys,
 * deep nesting, thousand-digit numbers) end in a located error in our words.
 */
class Issue12JsonLimitsTest {

    @TempDir
    Path tmp;

    @Test
    void aDocumentOfTwentyFiveMillionCharactersValidatesAndIsScored() throws IOException {
        int n = 25_000_000;
        String tail = "Minsk \uD83D\uDE00";  // an astral character: offsets count code points
        StringBuilder text = new StringBuilder(n + tail.length());
        for (int i = 0; i < n; i++) {
            text.append((char) ('a' + i % 26));
        }
        text.append(tail);
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (Writer w = Files.newBufferedWriter(corpus.resolve("documents.jsonl"), StandardCharsets.UTF_8)) {
            w.write("{\"id\":\"long\",\"text\":\"");
            w.write(text.toString());
            w.write("\",\"sha256\":\"" + Hashes.sha256(text.toString()) + "\"}\n");
        }
        String ann = "{\"doc_id\":\"long\",\"entities\":[{\"start\":" + n + ",\"end\":" + (n + 5)
                + ",\"text\":\"Minsk\",\"type\":\"GPE\",\"entity_id\":\"minsk\"}],\"timexes\":[]}\n";
        Files.writeString(corpus.resolve("annotations.jsonl"), ann, StandardCharsets.UTF_8);
        CliTest.Run v = CliTest.run("validate", corpus.toString());
        assertThat(v.code()).as(v.err()).isZero();
        Path pred = Files.writeString(tmp.resolve("pred.jsonl"), ann, StandardCharsets.UTF_8);
        CliTest.Run e = CliTest.run("evaluate", "--task", "entities", "--dataset", corpus.toString(), "--pred",
                pred.toString(), "--resamples", "0");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).containsPattern("\\| strict +\\| +1\\.0000 \\| 1\\.0000 \\| 1\\.0000 \\|");
    }

    private CliTest.Run validateLine(String line) throws IOException {
        Path f = Files.writeString(tmp.resolve("x.jsonl"), line + "\n", StandardCharsets.UTF_8);
        return CliTest.run("validate", "--predictions", f.toString());
    }

    @Test
    void aFieldGivenTwiceIsAnErrorNotLastOneWins() throws IOException {
        CliTest.Run r = validateLine("{\"id\":\"a\",\"id\":\"b\",\"text\":\"x\",\"sha256\":\"" + "0".repeat(64) + "\"}");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("x.jsonl:1:", "field 'id' appears twice in one object");
    }

    @Test
    void deepNestingIsRefusedInOurWords() throws IOException {
        CliTest.Run r = validateLine("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("x.jsonl:1:", "JSON nested deeper than 1000 levels").doesNotContain("Stream");
    }

    @Test
    void aThousandDigitNumberIsRefusedInOurWords() throws IOException {
        CliTest.Run r = validateLine("{\"doc_id\":\"d\",\"entities\":[{\"start\":" + "9".repeat(1200)
                + ",\"end\":1,\"text\":\"x\",\"type\":\"GPE\"}]}");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("x.jsonl:1:", "more than 1000 digits");
    }

    @Test
    void aLoneSurrogateInADocumentIsRefusedNotWrittenAsAQuestionMarkLater() throws IOException {
        CliTest.Run r = validateLine("{\"id\":\"a\",\"text\":\"x\\ud800y\",\"sha256\":\"" + "0".repeat(64) + "\"}");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("x.jsonl:1: text: holds a lone surrogate (\\ud800) at code point 1");
        CliTest.Run pair = validateLine("{\"id\":\"a\",\"text\":\"x\\ud83d\\ude00y\",\"sha256\":\""
                + "0".repeat(64) + "\"}");
        assertThat(pair.code()).as(pair.err()).isZero();
    }
}
