package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path tmp;

    @Test
    void verifiesTheReleaseRunsEveryBaselineAndWritesTheLeaderboard() throws IOException {
        CliTest.Run r = CliTest.run("run", "--root", ".", "--resamples", "20", "--out", tmp.toString(),
                "--progress", "never");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("verified oreshnik-reports 1.1.0 fingerprint ",
                "total (5 documents)", "== Leaderboard: oreshnik-reports 1.1.0");
        for (String system : new String[] {"| entities       | opennlp-maxent ", "| entities       | gazetteer ",
            "| dates          | rule-based ", "| contradictions | heuristic ", "| contradictions | all-pairs ",
            "| contradictions | heuristic (gold entities, oracle) ",
            "| contradictions | all-pairs (gold entities, oracle) ",
            "| nli            | lexical-overlap ", "| nli            | majority "}) {
            assertThat(r.out()).contains(system);
        }
        // issue 17 item 5: the detectors read predicted entities by default; the gold-entity rows are oracles
        assertThat(r.out()).contains(org.corpusbench.leaderboard.LeaderboardReport.ORACLE_NOTE);
        Path html = tmp.resolve("leaderboard.html");
        assertThat(r.out()).contains("HTML report: " + html.toAbsolutePath().normalize());
        assertThat(Files.readString(html)).contains("<td>opennlp-maxent</td>", "632eed9850594f27");
        // the page and the JSON carry the caveat the terminal prints (issue 14: the page dropped it)
        assertThat(r.out()).contains("not held-out");
        assertThat(Files.readString(html)).contains("rules were written with these articles", "not held-out",
                "<tr class=\"oracle\"><td>contradictions</td><td>heuristic (gold entities, oracle)</td>",
                "the rows marked &#39;oracle&#39; read the gold entities");
        // a chart (issue 14): one bar per leaderboard row, inline SVG, no script
        String page = Files.readString(html);
        long rows = r.out().lines().filter(l -> l.matches("\\| (entities|dates|contradictions|nli) .*")).count();
        assertThat(page.split("<rect ", -1).length - 1L).isEqualTo(rows);
        assertThat(page).contains("<svg").doesNotContain("<script");
        Path json = tmp.resolve("leaderboard.json");
        assertThat(r.out()).contains("JSON report: " + json.toAbsolutePath().normalize());
        com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                json.toFile());
        assertThat(n.at("/facts/fingerprint").asText()).startsWith("632eed9850594f27");
        assertThat(n.at("/facts/caveat").asText()).contains("not held-out");
        assertThat(n.at("/facts/oracle_note").asText()).contains("an upper reference, not a result");
        List<String> oracles = new ArrayList<>();
        n.at("/rows").forEach(row -> {
            if (row.get("oracle").asBoolean()) {
                oracles.add(row.get("system").asText());
            }
        });
        assertThat(oracles).containsExactly("heuristic (gold entities, oracle)", "all-pairs (gold entities, oracle)");
        assertThat(n.at("/rows").size()).isEqualTo(r.out().lines().filter(l -> l.startsWith("| ")
                && !l.startsWith("| task")).count());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aMissingDatasetIsAUsageError() {
        CliTest.Run r = CliTest.run("run", "--root", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("dataset.json: no dataset descriptor");
    }
}
