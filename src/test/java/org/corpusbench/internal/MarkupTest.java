package org.corpusbench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one HTML and XML escaper (issue 13: five copies before). Escaped text must read back as the text:
 * HTML through the five references it uses, XML through the JDK's own parser.
 */
class MarkupTest {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("<", ">", "&", "\"", "'", "\t", "\n", "\r", "\r\n", "]", "]]", "]]>", " ", "é", "\uD83D\uDE80",
                        "&amp;", "&#39;", "<b>", "x=\"1\""),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5));
        return piece.list().ofMaxSize(20).map(l -> String.join("", l));
    }

    // ------------------------------------------------------------------ HTML

    /** Reverses {@link Markup#html}: the five references it writes, and nothing else. */
    private static String unescapeHtml(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Example
    void htmlEscapesTheFiveSpecialCharacters() {
        // each of & < > " ' becomes its reference; é and the rocket stay
        assertThat(Markup.html("Tom & \"Jerry\" <b>'s</b> é \uD83D\uDE80"))
                .isEqualTo("Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt; é \uD83D\uDE80");
        assertThat(Markup.html("&amp;")).isEqualTo("&amp;amp;");
        assertThat(Markup.html("")).isEmpty();
    }

    @Property
    void htmlLeavesNoSpecialCharacterAndReadsBack(@ForAll("texts") String s) {
        String e = Markup.html(s);
        assertThat(e).doesNotContain("<", ">", "\"", "'");
        assertThat(e.replaceAll("&(amp|lt|gt|quot|#39);", "")).doesNotContain("&");
        assertThat(unescapeHtml(e)).isEqualTo(s);
    }

    // ------------------------------------------------------------------ XML

    /** The attribute {@code x} and the text of {@code <a x="attribute">text</a>}, as the JDK's parser reads them. */
    private static List<String> parse(String attribute, String text) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader r = f.createXMLStreamReader(new StringReader("<a x=\"" + attribute + "\">" + text + "</a>"));
        while (r.next() != XMLStreamConstants.START_ELEMENT) {
            // skip to <a>
        }
        String x = r.getAttributeValue(null, "x");
        return List.of(x, r.getElementText());
    }

    private static String xmlText(String... pieces) {
        StringBuilder sb = new StringBuilder();
        for (String p : pieces) {
            Markup.appendXmlText(sb, p);
        }
        return sb.toString();
    }

    private static String xmlAttribute(String s) {
        StringBuilder sb = new StringBuilder();
        Markup.appendXmlAttribute(sb, s);
        return sb.toString();
    }

    @Example
    void xmlTextEscapesOnlyWhatXmlRequires() {
        // & and < always; > only after ]]; quotes, tabs and line feeds stay; CR as a reference
        assertThat(xmlText("a & b < c > d \"e\" 'f'\t\n")).isEqualTo("a &amp; b &lt; c > d \"e\" 'f'\t\n");
        assertThat(xmlText("x]]>y")).isEqualTo("x]]&gt;y");
        assertThat(xmlText("a\r\nb")).isEqualTo("a&#13;\nb");
        // ]] at the end of one piece and > at the start of the next: escaped as a whole would be
        assertThat(xmlText("x]]", ">y")).isEqualTo("x]]&gt;y");
        assertThat(xmlText("x]", "]>y")).isEqualTo("x]]&gt;y");
    }

    @Example
    void xmlAttributeEscapesQuotesAndWhiteSpaceAParserWouldChange() {
        assertThat(xmlAttribute("A&\"B<C>'\t\n\r")).isEqualTo("A&amp;&quot;B&lt;C&gt;'&#9;&#10;&#13;");
    }

    @Property
    void escapedXmlReadsBackAsTheText(@ForAll("texts") String attribute, @ForAll("texts") String a,
                                     @ForAll("texts") String b) throws XMLStreamException {
        // text appended in two pieces reads back as their concatenation
        assertThat(parse(xmlAttribute(attribute), xmlText(a, b))).containsExactly(attribute, a + b);
    }

    @Example
    void charactersXmlCannotHoldAreFound() {
        assertThat(Markup.firstNonXmlCharacter("tab\t, LF\n, CR\r, é, \uD83D\uDE80")).isEqualTo(-1);
        assertThat(Markup.firstNonXmlCharacter("a\u0001b\u0002")).isEqualTo(0x01);
        assertThat(Markup.firstNonXmlCharacter("a\u001F")).isEqualTo(0x1F);
        assertThat(Markup.firstNonXmlCharacter("\uFFFE")).isEqualTo(0xFFFE);
        assertThat(Markup.firstNonXmlCharacter("x\uFFFF")).isEqualTo(0xFFFF);
        assertThat(Markup.firstNonXmlCharacter("")).isEqualTo(-1);
    }
}
