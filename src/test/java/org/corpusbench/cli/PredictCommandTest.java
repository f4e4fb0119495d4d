package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.leaderboard.Leaderboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baseline predictions as files (issue 14 item 2): evaluate on them prints the leaderboard's figures. */
class PredictCommandTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");

    @TempDir
    Path tmp;

    @Test
    void everySystemsPredictionsScoreToItsLeaderboardRow() throws IOException {
        List<Leaderboard.Row> rows = Leaderboard.compute(GoldCorpus.read(RELEASE), 200, 13, x -> { });
        // system -> task, the JSON pointer of the headline figure and of its interval, the leaderboard metric
        String[][] systems = {
            {"opennlp-maxent", "entities", "/schemes/strict/overall/f1", "strict.f1", "strict span (micro)"},
            {"gazetteer", "entities", "/schemes/strict/overall/f1", "strict.f1", "strict span (micro)"},
            {"rule-based", "dates", "/relaxed/f1", "relaxed.f1", "relaxed extent"},
            {"heuristic", "contradictions", "/overall/f1", "f1", "pairs, span overlap"},
            {"all-pairs", "contradictions", "/overall/f1", "f1", "pairs, span overlap"},
            {"heuristic (gold entities, oracle)", "contradictions", "/overall/f1", "f1", "pairs, span overlap"},
            {"all-pairs (gold entities, oracle)", "contradictions", "/overall/f1", "f1", "pairs, span overlap"},
            {"lexical-overlap", "nli", "/overall/accuracy", "accuracy", "accuracy"},
            {"majority", "nli", "/overall/macro_f1", "macro_f1", "macro over 3 labels"},
            {"overlap-threshold", "nli", "/overall/accuracy", "accuracy", "accuracy"},
            {"hypothesis-only", "nli", "/overall/macro_f1", "macro_f1", "macro over 3 labels"}};
        assertThat(java.util.Arrays.stream(systems).map(s -> s[0]).toList()).as("every system of the leaderboard")
                .containsExactlyElementsOf(rows.stream().map(Leaderboard.Row::system).distinct().toList());
        for (String[] s : systems) {
            Path pred = tmp.resolve(s[0].replaceAll("[^a-z-]+", "_") + ".jsonl");
            CliTest.Run p = CliTest.run("predict", "--dataset", RELEASE.toString(), "--system", s[0], "--out",
                    pred.toString());
            assertThat(p.code()).as(s[0] + ": " + p.err()).isZero();
            List<String> evaluate = new java.util.ArrayList<>(List.of("evaluate", "--task", s[1], "--dataset",
                    RELEASE.toString(), "--pred", pred.toString(), "--resamples", "200", "--json", "-"));
            if (Files.size(pred) == 0) {
                // a detector that flagged no pair (the heuristic on the gazetteer's entities, on 1.0.1)
                assertThat(s[1]).isEqualTo("contradictions");
                assertThat(p.out()).contains("the detector flagged no pair, so the file is empty: evaluate scores "
                        + "it with --allow-empty");
                evaluate.add("--allow-empty");
            }
            CliTest.Run e = CliTest.run(evaluate.toArray(String[]::new));
            assertThat(e.code()).as(s[0] + ": " + e.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(e.out());
            Leaderboard.Row row = rows.stream().filter(r -> r.system().equals(s[0]) && r.metric().equals(s[4]))
                    .findFirst().orElseThrow();
            assertThat(report.at(s[2]).asDouble()).as(s[0]).isEqualTo(row.f1());
            JsonNode ci = report.at("/confidence_intervals/" + s[3].replace("/", "~1"));
            assertThat(List.of(ci.get("low").asDouble(), ci.get("high").asDouble())).as(s[0] + " interval")
                    .isEqualTo(List.of(row.f1Interval().low(), row.f1Interval().high()));
        }
    }

    @Test
    void anExportFormatGoesToADirectoryAndAnUnknownSystemIsAUsageError() throws IOException {
        Path dir = tmp.resolve("conll");
        CliTest.Run p = CliTest.run("predict", "--dataset", RELEASE.toString(), "--system", "gazetteer", "--format",
                "conll", "--out", dir.toString());
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(Files.readString(dir.resolve("oreshnik-reports-gazetteer.conll"))).contains("B-GPE");
        // an oracle's name holds blanks, parentheses and a comma, which a file name made from it must not
        Path named = tmp.resolve("named");
        CliTest.Run oracle = CliTest.run("predict", "--dataset", RELEASE.toString(), "--system",
                "heuristic (gold entities, oracle)", "--format", "conll", "--out", named.toString());
        assertThat(oracle.code()).as(oracle.err()).isZero();
        assertThat(named.resolve("oreshnik-reports-heuristic-gold-entities-oracle.conll")).isRegularFile();
        CliTest.Run bad = CliTest.run("predict", "--dataset", RELEASE.toString(), "--system", "gpt", "--out",
                tmp.resolve("x.jsonl").toString());
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("unknown --system 'gpt'; expected one of opennlp-maxent, gazetteer");
        assertThat(tmp.resolve("x.jsonl")).doesNotExist();
        Path file = tmp.resolve("p.jsonl");
        Files.writeString(file, "keep");
        CliTest.Run exists = CliTest.run("predict", "--dataset", RELEASE.toString(), "--system", "majority", "--out",
                file.toString());
        assertThat(exists.code()).isEqualTo(Main.USAGE);
        assertThat(Files.readString(file)).isEqualTo("keep");
    }
}
