package org.corpusbench.format.timeml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.model.Document;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/** Issue 14: TimeML that the TempEval-3 tools read unchanged (a DCT; text escaped only where XML requires). */
class TimemlIssue14Test {

    private static final String TEXT = "Lukashenko said \"Oreshnik\" & S-400 <systems> \uD83D\uDE80 arrive a]]>b, "
            + "x > y,\ton\r\n6 December \"by the end of the year\".";

    /** Code-point offsets of {@code part} in TEXT: the rocket before it is one code point, two chars. */
    private static Span span(String part) {
        int start = TEXT.codePointCount(0, TEXT.indexOf(part));
        return Span.of(TEXT, start, start + part.codePointCount(0, part.length()));
    }

    private static final List<Timex3> TIMEXES = List.of(
            new Timex3("t1", span("6 December"), TimexType.DATE, "XXXX-12-06", null, null, null, null),
            new Timex3("t2", span("the end of the year"), TimexType.DURATION, "P1Y", "END", null, null, null));

    private static byte[] expected() throws IOException {
        try (InputStream in = TimemlIssue14Test.class.getResourceAsStream("issue14-expected.tml")) {
            return in.readAllBytes();
        }
    }

    @Example
    void theExportIsByteForByteTheHandWrittenFile() throws IOException {
        Document d = Document.of("issue14", TEXT, null);
        String xml = TimemlWriter.render(d, TIMEXES, LocalDate.of(2024, 12, 6));
        assertThat(new String(xml.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(new String(expected(), StandardCharsets.UTF_8));
        assertThat(xml.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected());
    }

    @Example
    void theHandWrittenFileReadsBackAsTheDocument() throws IOException {
        TimemlReader.TimemlDocument back = TimemlReader.read(new ByteArrayInputStream(expected()), "issue14",
                "issue14-expected.tml", "0".repeat(64));
        assertThat(back.document().text()).isEqualTo(TEXT);
        assertThat(back.annotations().timexes()).isEqualTo(TIMEXES);
        assertThat(back.creationDate()).isEqualTo(LocalDate.of(2024, 12, 6));
        assertThat(back.creationTime().tid()).isEqualTo("t0");
    }

    @Example
    void attributeValuesStillEscapeQuotes() throws IOException {
        Document d = Document.of("q", "in 2024", null);
        Timex3 t = new Timex3("a\"b", Span.of(d.text(), 3, 7), TimexType.DATE, "2024", null, null, null, null);
        assertThat(TimemlWriter.render(d, List.of(t), null)).contains("tid=\"a&quot;b\"")
                .doesNotContain("<DCT>");
    }

    @Provide
    Arbitrary<String> awkwardTexts() {
        return Arbitraries.of("]", "]]", ">", "]]>", "\"", "'", "&", "<", "\t", "\r", "\n", "\r\n", "a",
                "\uD83D\uDE80", "e\u0301").list().ofMinSize(1).ofMaxSize(20).map(l -> String.join("", l));
    }

    /** Whatever the text, a TIMEX3 over any part of it and the DCT read back equal, and no quote is escaped. */
    @Property
    void textsWithBracketsQuotesAndMarkupCharactersComeBack(@ForAll("awkwardTexts") String text) throws IOException {
        Document d = Document.of("p", text, null);
        int n = d.length();
        List<Timex3> timexes = List.of(new Timex3("t1", Span.of(text, n / 3, n - n / 3 > n / 3 ? n - n / 3 : n),
                TimexType.DATE, "2024", null, null, null, null));
        String xml = TimemlWriter.render(d, timexes, LocalDate.of(2013, 3, 22));
        assertThat(xml).doesNotContain("&quot;", "&apos;", "&#9;");
        TimemlReader.TimemlDocument back = TimemlReader.read(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "p", "p.tml", "0".repeat(64));
        assertThat(back.document().text()).isEqualTo(text);
        assertThat(back.annotations().timexes()).isEqualTo(timexes);
        assertThat(back.creationDate()).isEqualTo(LocalDate.of(2013, 3, 22));
    }
}
