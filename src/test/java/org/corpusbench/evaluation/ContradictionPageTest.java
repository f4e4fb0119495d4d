package org.corpusbench.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contradictions page shows every pair with both evidence spans highlighted in their sentences (issue 14
 * item 6), and the pairs it calls matched, missed and spurious are the scorer's: tp, gold - tp and
 * predicted - tp. BrowserRenderingTest checks the same page as Chromium renders it.
 */
class ContradictionPageTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");

    @TempDir
    Path tmp;

    private static int count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void everyPairIsShownWithBothEvidenceSpansAndTheScorersVerdict() throws IOException {
        List<String> gold = Files.readAllLines(RELEASE.resolve("contradictions.jsonl"), StandardCharsets.UTF_8);
        // the first 10 of the 19 gold pairs (the first moved last) and a pair of two spans no gold pair holds
        List<String> lines = new ArrayList<>(gold.subList(1, 10));
        lines.add(gold.get(0));
        lines.add("{\"a\":{\"doc_id\":\"000_6e15c3caa4eb7126\",\"start\":0,\"end\":7,\"text\":\"Belarus\"},"
                + "\"b\":{\"doc_id\":\"001_3cbd90c8ad035dae\",\"start\":0,\"end\":7,\"text\":\"Belarus\"}}");
        Path pred = Files.write(tmp.resolve("p.jsonl"), lines, StandardCharsets.UTF_8);
        EvaluationResult r = Evaluations.evaluate(Task.CONTRADICTIONS, RELEASE, null, pred,
                EvaluationSettings.defaults().withIntervals(0, 13));
        Scores.Contradictions s = (Scores.Contradictions) r.scores();
        String html = r.toHtml();
        // 19 gold pairs: 10 matched, 9 missed; 11 predictions: 1 spurious
        assertThat(s.overall().tp()).isEqualTo(10);
        assertThat(count(html, "<div class=\"pair matched\">")).isEqualTo(10);
        assertThat(count(html, "<div class=\"pair missed\">")).isEqualTo(9);
        assertThat(count(html, "<div class=\"pair spurious\">")).isEqualTo(1);
        assertThat(count(html, "<mark class=\"evidence\">")).isEqualTo(2 * 20);
        // the first gold pair's evidence, marked inside its sentence, and its explanation, escaped
        Matcher m = Pattern.compile("<mark class=\"evidence\">([^<]*)</mark>").matcher(html);
        List<String> marked = new ArrayList<>();
        while (m.find()) {
            marked.add(m.group(1));
        }
        assertThat(marked).contains("Oreshnik", "Oreshino", "Belarus");
        assertThat(html).contains("The deployment of the &#39;<mark class=\"evidence\">Oreshnik</mark>&#39; rocket "
                + "complex, a cutting-edge hypersonic missile system, is at the heart of this plan.</p>");
        assertThat(html).doesNotContain("'Oreshino'");
    }

    /** A page shows the pairs it is given and says how many of the total it leaves out (at most 2,000 shown). */
    @Test
    void pairsBeyondThoseShownAreCountedNotDropped() {
        org.corpusbench.eval.report.HtmlReportWriter.EvidenceView e =
                new org.corpusbench.eval.report.HtmlReportWriter.EvidenceView("d", "A ", "b", " c.");
        org.corpusbench.eval.report.HtmlReportWriter.PairView v =
                new org.corpusbench.eval.report.HtmlReportWriter.PairView("spurious", null, null, e, e, null);
        String html = org.corpusbench.eval.report.HtmlReportWriter.renderContradictions("t", java.util.Map.of(),
                List.of(), List.of(), List.of(v, v, v), 5);
        assertThat(count(html, "<div class=\"pair spurious\">")).isEqualTo(3);
        assertThat(html).contains("<p>2 more pairs not shown (the first 3 of 5).</p>");
        assertThat(org.corpusbench.eval.report.HtmlReportWriter.renderContradictions("t", java.util.Map.of(),
                List.of(), List.of(), List.of(v), 1)).doesNotContain("not shown");
    }
}
