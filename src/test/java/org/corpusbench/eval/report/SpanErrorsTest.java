package org.corpusbench.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import org.corpusbench.eval.report.SpanErrors.Labelled;

class SpanErrorsTest {

    @Example
    void eachKindOfError() {
        List<Labelled> gold = List.of(new Labelled(0, 5, "GPE"), new Labelled(10, 20, "PERSON"),
                new Labelled(30, 35, "ORG"), new Labelled(40, 45, "GPE"));
        List<Labelled> pred = List.of(new Labelled(0, 5, "GPE"), new Labelled(10, 15, "PERSON"),
                new Labelled(30, 35, "GPE"), new Labelled(50, 52, "ORG"));
        SpanErrors.Result r = SpanErrors.classify(gold, pred);
        assertThat(r.predicted()).extracting(SpanErrors.Marked::kind).containsExactly(ErrorKind.CORRECT,
                ErrorKind.WRONG_BOUNDARY, ErrorKind.WRONG_TYPE, ErrorKind.SPURIOUS);
        assertThat(r.predicted().get(2).expected()).isEqualTo("ORG");
        assertThat(r.gold()).extracting(SpanErrors.Marked::kind).containsExactly(ErrorKind.CORRECT,
                ErrorKind.WRONG_BOUNDARY, ErrorKind.WRONG_TYPE, ErrorKind.MISSED);
        assertThat(SpanErrors.confusion(gold, pred)).isEqualTo(Map.of(
                "GPE", Map.of("GPE", 1, "(none)", 1), "PERSON", Map.of("PERSON", 1), "ORG", Map.of("GPE", 1),
                "(none)", Map.of("ORG", 1)));
    }

    @Example
    void htmlIsSelfContainedAndEscapesText() {
        String text = "<b>Minsk</b> & \uD83D\uDE80 Moscow";
        HtmlReportWriter.Page page = new HtmlReportWriter.Page("report", Map.of("dataset", "x 1.0.0"),
                List.of(new HtmlReportWriter.LabelRow("GPE", 1, 0.5, 2.0 / 3, 2)),
                List.of(new HtmlReportWriter.DocumentView("d<1>", text, List.of(new Labelled(3, 8, "GPE"),
                        new Labelled(17, 23, "GPE")), List.of(new Labelled(3, 8, "GPE")))));
        String html = HtmlReportWriter.render(page);
        assertThat(html).doesNotContain("<script", "http://", "https://", "<b>Minsk");
        assertThat(html).contains("&lt;b&gt;<mark class=\"CORRECT\" title=\"CORRECT\">Minsk<sub>GPE</sub></mark>",
                "<mark class=\"MISSED\" title=\"MISSED\">Moscow<sub>GPE</sub></mark>", "d&lt;1&gt;", "66.67");
    }
}
