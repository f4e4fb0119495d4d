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
                "tags --threads 2", "figures agree across heap limits, input paths, thread counts and runs");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("problems")).isEmpty();
        assertThat(root.get("results")).hasSize(14);
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
