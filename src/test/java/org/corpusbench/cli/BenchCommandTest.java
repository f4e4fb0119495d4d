package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command on tiny inputs: every workload runs in its own JVM and the figures agree. */
class BenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void everyWorkloadRunsAndTheFiguresAgree() throws IOException {
        Path json = tmp.resolve("bench.json");
        CliTest.Run r = CliTest.run("bench", "--sizes", "1", "--runs", "1", "--base-tokens", "3000", "--base-spans",
                "200", "--base-bytes", "30000", "--work", tmp.resolve("inputs").toString(), "--json", json.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("conlleval (streamed)", "conlleval (file in memory)", "tags (default, 95% CI)",
                "tags (strict IOB2, 95% CI)", "spans (10 per document)", "spans (one document)", "conlleval --threads 2",
                "tags --threads 2", "dates (TimeML, streamed)", "dates (TimeML, -Xmx1g)",
                "figures agree across heap limits, input paths, thread counts and runs");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("problems")).isEmpty();
        assertThat(root.get("results")).hasSize(16);
        for (JsonNode n : root.get("results")) {
            assertThat(n.get("wall_median_s").asDouble()).isPositive();
            assertThat(n.get("figures").asText()).isNotEqualTo("FAILED");
        }
        // The streamed and in-memory conlleval runs print the same report; it counts every token.
        String report = root.get("results").get(0).get("figures").asText();
        assertThat(report).startsWith("processed " + BenchCommand.tokensOf(tmp.resolve("inputs/tokens-1x.conll"))
                + " tokens");
        // evaluate --task tags with its intervals (issue 15)
        assertThat(root.get("results").get(2).get("figures").asText()).contains(" f1 [");
        // validation on every core and on one (issue 15), fresh and warm: one core is a real one where taskset is
        int cores = Runtime.getRuntime().availableProcessors();
        String all = cores == 1 ? "(1 core)" : "(" + cores + " cores)";
        List<String> one = List.of("(1 core)", "(1 processor seen, " + cores + " cores)");
        List<List<String>> names = List.of(List.of("validate " + all), one.stream().map(o -> "validate " + o).toList(),
                List.of("validate, warm JVM " + all), one.stream().map(o -> "validate, warm JVM " + o).toList());
        for (int i = 0; i < 4; i++) {
            JsonNode v = root.get("results").get(10 + i);
            assertThat(v.get("workload").asText()).isIn(names.get(i));
            assertThat(v.get("figures").asText()).startsWith("0 problems");
        }
        // issue 15: the TimeML dates workload scores the generated folders, the same under both heaps
        assertThat(root.get("results").get(14).get("figures").asText()).startsWith("TimexCounts[gold=")
                .isEqualTo(root.get("results").get(15).get("figures").asText());
    }

    @Test
    void theGeneratedTimemlCorpusIsTheSameForTheSameSeedAndScoresAsItsImport() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        int documents = org.corpusbench.bench.SyntheticData.writeTimemlCorpus(a.resolve("gold"), a.resolve("system"),
                2000, 7);
        org.corpusbench.bench.SyntheticData.writeTimemlCorpus(b.resolve("gold"), b.resolve("system"), 2000, 7);
        assertThat(documents).isEqualTo(4);
        for (String f : List.of("gold/doc-0000000.tml", "system/doc-0000003.tml")) {
            assertThat(Files.readAllBytes(a.resolve(f))).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
        // valid TimeML that the import path takes, and the direct path scores
        assertThat(CliTest.run("import", "--format", "timeml", "--out", tmp.resolve("g").toString(),
                a.resolve("gold").toString()).code()).isZero();
        CliTest.Run r = CliTest.run("evaluate", "--task", "dates", "--format", "timeml", "--dataset",
                a.resolve("gold").toString(), "--pred", a.resolve("system").toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void theGeneratedInputsAreTheSameForTheSameSeed() throws IOException {
        Path a = tmp.resolve("a.conll");
        Path b = tmp.resolve("b.conll");
        org.corpusbench.bench.SyntheticData.writeConll(a, 5000, 7);
        org.corpusbench.bench.SyntheticData.writeConll(b, 5000, 7);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        org.corpusbench.bench.SyntheticData.writeConll(b, 5000, 8);
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b));
    }

    @Test
    void badOptionsAreUsageErrors() {
        for (List<String> args : List.of(List.of("bench", "--only", "nothing"), List.of("bench", "--runs", "0"),
                List.of("bench", "--sizes", "0"))) {
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).startsWith("corpusbench bench: ");
        }
    }

    @Test
    void theMedianIsTheMiddleRun() {
        // (1, 9, 3) sorted is (1, 3, 9): the median is 3; of four, the mean of the middle two.
        assertThat(BenchCommand.median(List.of(1L, 9L, 3L))).isEqualTo(3);
        assertThat(BenchCommand.median(List.of(4L, 1L, 9L, 3L))).isEqualTo(3);
    }
}
