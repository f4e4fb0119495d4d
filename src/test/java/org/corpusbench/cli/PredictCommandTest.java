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
            {"lexical-overlap", "nli", "/overall/accuracy", "accuracy", "accuracy"},
            {"majority", "nli", "/overall/macro_f1", "macro_f1", "macro over 3 labels"}};
        for (String[] s : systems) {
            Path pred = tmp.resolve(s[0] + ".jsonl");
            CliTest.Run p = CliTest.run("predict", "--dataset", RELEASE.toString(), "--system", s[0], "--out",
                    pred.toString());
            assertThat(p.code()).as(s[0] + ": " + p.err()).isZero();
            CliTest.Run e = CliTest.run("evaluate", "--task", s[1], "--dataset", RELEASE.toString(), "--pred",
                    pred.toString(), "--resamples", "200", "--json", "-");
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
