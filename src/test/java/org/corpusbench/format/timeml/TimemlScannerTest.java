package org.corpusbench.format.timeml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.TestTexts;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Document;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * Issue 15: {@link TimemlScanner}, the fast reader of TimeML files, against its definition, the XML parser
 * ({@link TimemlReader#parseXml}): what the scanner accepts it reads exactly as the parser does (text, spans,
 * attributes, creation time, tids given, line of {@code TEXT}); what the parser refuses the scanner declines,
 * so that the parser's message is the one reported.
 */
class TimemlScannerTest {

    private static final String[] PIECES = {"<", ">", "&", "\"", "'", "/", "!", "?", "-", ":", ";", "#", "x", " ",
        "\n", "\r", "\t", "=", "]", "]]>", "<!--", "-->", "<![CDATA[a]]>", "&amp;", "&lt;", "&#x1F680;", "&#0;",
        "&#65;", "&#x;", "&nbsp;", " xmlns:p=\"u\"", " p:a=\"1\"", " q:a=\"1\"", "<?pi?>", "<!DOCTYPE x>", "</TEXT>",
        "<TEXT>", "<TIMEX3 type=\"DATE\" value=\"2013\">", "</TIMEX3>", " tid=\"t9\"", " type=\"SET\"", "\u00e9",
        "\uD83D\uDE80", "\u0001", "\uFFFE", " a='x'", " a=\"x\"", "<b/>", "<b>", "</b>", "&#x10FFFF;", "&#1234567;"};

    /** A document as written by {@link TimemlWriter}, or null when the writer refuses the generated one. */
    static String written(String text, List<int[]> cuts, boolean dct, String mod) {
        try {
            List<Timex3> timexes = new ArrayList<>();
            int length = CodePoints.length(text);
            int pos = 0;
            int k = 0;
            for (int[] c : cuts) {
                int start = pos + c[0] % Math.max(1, length - pos + 1);
                int end = Math.min(length, start + c[1] % 6);
                if (start > length) {
                    break;
                }
                timexes.add(new Timex3(k % 3 == 0 ? null : "t" + (k + 1), Span.of(text, start, end),
                        TimexType.values()[k % 4], k % 2 == 0 ? "2013-03-2" + k : "P" + k + "D", mod, null,
                        k == 1 ? "EACH" : null, null));
                pos = end;
                k++;
            }
            return TimemlWriter.render(Document.of("d", text, null), timexes, dct ? LocalDate.of(2013, 3, 22) : null);
        } catch (CorpusFormatException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<String> documents() {
        return Combinators.combine(TestTexts.texts(), Arbitraries.integers().between(0, 50).array(int[].class)
                .ofSize(2).list().ofMaxSize(5), Arbitraries.of(true, false), Arbitraries.of("END", "APPROX")
                .injectNull(0.5)).as(TimemlScannerTest::written).filter(x -> x != null);
    }

    /** The scanner's reading, or null when it declines. */
    static TimemlReader.TimemlDocument scanned(String xml) {
        return TimemlReader.scan(xml, "d", "d.tml", "0".repeat(64));
    }

    /** The parser's reading, or null when it refuses the document. */
    static TimemlReader.TimemlDocument parsed(String xml) {
        try {
            return TimemlReader.parseXml(xml, "d", "d.tml", "0".repeat(64));
        } catch (CorpusFormatException e) {
            return null;
        }
    }

    @Property(tries = 500)
    void theScannerReadsWhatTheWriterWritesAsTheParserDoes(@ForAll("documents") String xml) {
        TimemlReader.TimemlDocument fast = scanned(xml);
        assertThat(fast).as("the scanner takes every file the writer writes").isNotNull();
        assertThat(fast).isEqualTo(parsed(xml));
    }

    @Provide
    Arbitrary<List<int[]>> edits() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofSize(3).list()
                .ofMinSize(1).ofMaxSize(4);
    }

    /**
     * Damaged documents (markup characters, references, comments, CDATA, namespaces, DOCTYPEs, control characters
     * put in, deleted or swapped at random places): whatever the scanner accepts the parser accepts and reads
     * alike; whatever the parser refuses the scanner declines.
     */
    @Property(tries = 1500)
    void onDamagedDocumentsTheScannerAgreesWithTheParserOrDeclines(@ForAll("documents") String xml,
                                                                   @ForAll("edits") List<int[]> edits) {
        String damaged = xml;
        for (int[] e : edits) {
            int at = e[0] % (damaged.length() + 1);
            String piece = PIECES[e[1] % PIECES.length];
            damaged = switch (e[2] % 3) {
                case 0 -> damaged.substring(0, at) + piece + damaged.substring(at);
                case 1 -> damaged.substring(0, at) + damaged.substring(Math.min(damaged.length(), at + 1 + e[1] % 4));
                default -> damaged.substring(0, at) + piece
                        + damaged.substring(Math.min(damaged.length(), at + piece.length()));
            };
        }
        TimemlReader.TimemlDocument fast = scanned(damaged);
        if (fast != null) {
            assertThat(parsed(damaged)).as("the parser reads what the scanner accepts:%n%s", damaged).isEqualTo(fast);
        }
    }

    @Example
    void theScannerTakesTempEval3sFilesAsTheyAreWritten() {
        String xml = "<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n"
                + "<DOCID>d</DOCID>\n\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2013-03-22\" temporalFunction="
                + "\"false\" functionInDocument=\"CREATION_TIME\">2013-03-22</TIMEX3></DCT>\n\n<TEXT>\nPope "
                + "<EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT> them <TIMEX3 tid=\"t1\" type=\"DATE\" "
                + "value=\"2013-03-21\" temporalFunction=\"true\" functionInDocument=\"NONE\" anchorTimeID=\"t0\">"
                + "Thursday</TIMEX3>.\n</TEXT>\n\n<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"PAST\" "
                + "aspect=\"NONE\" polarity=\"POS\" pos=\"VERB\"/>\n<TLINK lid=\"l1\" relType=\"BEFORE\" "
                + "eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n</TimeML>\n";
        TimemlReader.TimemlDocument fast = scanned(xml);
        assertThat(fast).isNotNull().isEqualTo(parsed(xml));
        assertThat(fast.annotations().timexes().get(0).anchor()).isEqualTo("t0");
        assertThat(fast.textLine()).isEqualTo(8);
        assertThat(fast.creationDate()).isEqualTo(LocalDate.of(2013, 3, 22));
    }

    @Example
    void theScannerDeclinesWhatItDoesNotTakeWhole() {
        for (String xml : List.of("<TimeML><TEXT>a\r\nb</TEXT></TimeML>", "<TimeML><TEXT><![CDATA[a]]></TEXT></TimeML>",
                "<!DOCTYPE TimeML><TimeML><TEXT>a</TEXT></TimeML>", "<TimeML><TEXT\n>a</TEXT></TimeML>",
                "<TimeML><TEXT>a</TEXT></TimeML><x/>", "<TimeML><TEXT>&nbsp;</TEXT></TimeML>",
                "<TimeML><t:TEXT xmlns:t=\"u\">a</t:TEXT></TimeML>", "<TimeML><TEXT>a</TEXT><TEXT>b</TimeML>")) {
            assertThat(scanned(xml)).as(xml).isNull();
        }
    }

    /**
     * TempEval-3's own files, when the shared data is there ({@code -Dcorpusbench.shared=DIR}): read alike; all
     * but the few with carriage returns (some AQUAINT files) are taken by the scanner.
     */
    @Example
    void tempEval3FilesAreTakenAndReadAsTheParserReadsThem() throws Exception {
        String shared = System.getProperty("corpusbench.shared");
        if (shared == null) {
            return;
        }
        int n = 0;
        for (String dir : List.of("te3-platinum", "perturbed-timex", "system-SP+ILP", "TBAQ-cleaned/TimeBank",
                "TBAQ-cleaned/AQUAINT")) {
            try (Stream<Path> s = Files.list(Path.of(shared, "data/tempeval3", dir))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".tml")).toList()) {
                    String xml = Files.readString(p);
                    TimemlReader.TimemlDocument fast = scanned(xml);
                    TimemlReader.TimemlDocument slow = parsed(xml);
                    if (fast != null) {
                        assertThat(slow).as(p.toString()).isEqualTo(fast);
                        n++;
                    } else {
                        assertThat(xml).as(p + " declined").contains("\r");
                    }
                }
            }
        }
        assertThat(n).as("files taken (316 less the 23 AQUAINT files with carriage returns)").isEqualTo(293);
    }
}
