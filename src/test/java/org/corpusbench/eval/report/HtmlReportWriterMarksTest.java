package org.corpusbench.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.corpusbench.model.CodePoints;

/**
 * The document view of the entities page marks spans by code point, in texts with characters outside the
 * Basic Multilingual Plane (each two chars): the text shown, tags taken out and entities resolved, is the
 * document's text, and each mark holds the code points its span covers. The marks are placed in one walk over
 * the text (a page of 20,000 documents took 60% of a run when each mark walked from the start).
 */
class HtmlReportWriterMarksTest {

    static final String[] PIECES = {"a", "Kyiv", " ", "\n", "😀", "𝔄", "é", "<", "&", "\"", "Łódź"};
    static final Pattern MARK = Pattern.compile("<mark [^>]*>(.*?)<sub>.*?</sub></mark>", Pattern.DOTALL);

    @Property(tries = 300)
    void marksHoldTheirCodePointsAndTheTextIsWhole(@ForAll long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(40); i >= 0; i--) {
            b.append(PIECES[r.nextInt(PIECES.length)]);
        }
        String text = b.toString();
        int length = CodePoints.length(text);
        List<SpanErrors.Labelled> spans = new ArrayList<>();
        for (int i = r.nextInt(8); i > 0; i--) {
            int start = r.nextInt(length + 1);
            int end = Math.min(length, start + 1 + r.nextInt(4));
            if (start < end) {
                spans.add(new SpanErrors.Labelled(start, end, "ORG"));
            }
        }
        String page = HtmlReportWriter.render(new HtmlReportWriter.Page("t", Map.of(), List.of(),
                List.of(new HtmlReportWriter.DocumentView("d", text, spans, List.of()))));
        int from = page.indexOf("<b>gold</b><div class=\"text\">") + "<b>gold</b><div class=\"text\">".length();
        String gold = page.substring(from, page.indexOf("</div></div><div><b>predicted</b>", from));
        Matcher m = MARK.matcher(gold);
        List<String> marked = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        int last = 0;
        while (m.find()) {
            shown.append(gold, last, m.start()).append(m.group(1));
            marked.add(unescape(m.group(1)));
            last = m.end();
        }
        shown.append(gold.substring(last));
        assertThat(unescape(shown.toString())).isEqualTo(text);
        // the marks, in order, are the kept spans: sorted by start (longest first), none overlapping one before
        List<SpanErrors.Labelled> sorted = new ArrayList<>(spans);
        sorted.sort((x, y) -> x.start() != y.start() ? Integer.compare(x.start(), y.start())
                : Integer.compare(y.end(), x.end()));
        List<String> expected = new ArrayList<>();
        int pos = 0;
        for (SpanErrors.Labelled s : sorted) {
            if (s.start() >= pos) {
                expected.add(CodePoints.substring(text, s.start(), s.end()));
                pos = s.end();
            }
        }
        assertThat(marked).isEqualTo(expected);
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
