package org.corpusbench.format.timeml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.model.Timex3;

/** Issue 12 ("no silent wrong number"): TimeML import gives every TIMEX3 a unique tid, or refuses the file. */
class TimemlIssue12Test {

    private static TimemlReader.TimemlDocument read(byte[] xml) throws IOException {
        return TimemlReader.read(new ByteArrayInputStream(xml), "d", "d.tml", "0".repeat(64));
    }

    private static TimemlReader.TimemlDocument read(String xml) throws IOException {
        return read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String timex(String tid, int year) {
        return "<TIMEX3 " + (tid == null ? "" : "tid=\"" + tid + "\" ") + "type=\"DATE\" value=\"" + year + "\">"
                + year + "</TIMEX3>";
    }

    @Example
    void aTimexWithoutTidGetsOneNoOtherTimexUses() throws IOException {
        // t1 is the creation time's, t2 and t4 are taken in the text: the two without get t3 and t5
        TimemlReader.TimemlDocument d = read("<TimeML><DCT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024-05-06\" "
                + "functionInDocument=\"CREATION_TIME\">2024-05-06</TIMEX3></DCT><TEXT>" + timex(null, 2024) + " "
                + timex("t2", 2025) + " " + timex(null, 2026) + " " + timex("t4", 2027) + "</TEXT></TimeML>");
        assertThat(d.annotations().timexes()).extracting(Timex3::tid).containsExactly("t3", "t2", "t5", "t4");
        assertThat(d.assignedTids()).isEqualTo(2);
    }

    @Provide
    Arbitrary<List<Optional<String>>> tids() {
        return Arbitraries.of("t1", "t2", "t3", "t10", "x").optional(0.5).list().ofMaxSize(12)
                .filter(l -> l.stream().flatMap(Optional::stream).distinct().count()
                        == l.stream().flatMap(Optional::stream).count());
    }

    @Property
    void assignedTidsAreUniqueAndGivenTidsKept(@ForAll("tids") List<Optional<String>> given) throws IOException {
        StringBuilder xml = new StringBuilder("<TimeML><TEXT>");
        for (int i = 0; i < given.size(); i++) {
            xml.append(timex(given.get(i).orElse(null), 2000 + i)).append(' ');
        }
        TimemlReader.TimemlDocument d = read(xml.append("</TEXT></TimeML>").toString());
        List<String> got = d.annotations().timexes().stream().map(Timex3::tid).toList();
        Set<String> unique = new HashSet<>(got);
        assertThat(unique).hasSize(given.size()).doesNotContainNull();
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i).isPresent()) {
                assertThat(got.get(i)).isEqualTo(given.get(i).get());
            }
        }
        assertThat(d.assignedTids()).isEqualTo(given.stream().filter(Optional::isEmpty).count());
    }

    @Example
    void aDuplicateTidIsRefused() {
        assertThatThrownBy(() -> read("<TimeML><TEXT>\n" + timex("t1", 2024) + "\n" + timex("t1", 2025)
                + "</TEXT></TimeML>")).isInstanceOf(CorpusFormatException.class)
                .hasMessage("d.tml:3: TIMEX3.tid: 't1' is also the tid of the TIMEX3 at line 2; expected each tid once");
    }

    @Example
    void aNestedTimexIsRefusedWithItsLine() {
        assertThatThrownBy(() -> read("<TimeML><TEXT>On <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024-05\">May\n"
                + timex("t2", 2024) + "</TIMEX3></TEXT></TimeML>")).isInstanceOf(CorpusFormatException.class)
                .hasMessage("d.tml:2: TIMEX3: a TIMEX3 inside the TIMEX3 opened at line 1; expected TIMEX3 elements "
                        + "that do not nest (each is one span)");
    }

    @Example
    void externalEntitiesAndEntityExpansionAreRefusedAtTheDoctype() {
        String doctype = "d.tml:2: a DOCTYPE declaration; expected none: corpusbench reads no DTD and expands no "
                + "entity it could declare (external files, entities that expand without bound)";
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<!DOCTYPE TimeML [<!ENTITY xxe SYSTEM "
                + "\"file:///etc/passwd\">]>\n<TimeML><TEXT>&xxe;</TEXT></TimeML>")).hasMessage(doctype);
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE TimeML [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>\n<TimeML><TEXT>&l9;</TEXT></TimeML>");
        assertThatThrownBy(() -> read(laughs.toString())).hasMessage(doctype);
    }

    @Example
    void invalidUtf8NamesLineAndByteOffset() {
        // "<TimeML><TEXT>\n" is 15 bytes, "On " 3 more: the 0xFF is byte 18 of the file, on line 2
        byte[] xml = "<TimeML><TEXT>\nOn ?</TEXT></TimeML>".getBytes(StandardCharsets.US_ASCII);
        xml[18] = (byte) 0xFF;
        assertThatThrownBy(() -> read(xml)).isInstanceOf(CorpusFormatException.class)
                .hasMessage("d.tml:2: invalid UTF-8 at byte offset 18: expected UTF-8 text; re-encode the file as UTF-8");
    }
}
