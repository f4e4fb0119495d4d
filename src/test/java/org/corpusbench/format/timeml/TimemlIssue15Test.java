package org.corpusbench.format.timeml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.corpusbench.TestTexts;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Document;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: what {@code evaluate --task dates --format timeml} needs of the reader (the line of {@code <TEXT>},
 * a refusal of a file without one) and of the folder pairing.
 */
class TimemlIssue15Test {

    private static TimemlReader.TimemlDocument read(String xml) throws IOException {
        return TimemlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "d", "d.tml",
                "0".repeat(64));
    }

    @Example
    void aFileWithoutTextIsRefused() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<html><body>March 2013</body></html>\n"))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage("d.tml:2: TEXT: no <TEXT> element; expected a TimeML document, whose text is the content of "
                        + "<TEXT>");
    }

    @Example
    void theLineOfAnOffsetCountsTheTextsLineBreaksFromTheLineOfText() throws IOException {
        // <TEXT> is on line 3; the text is "\nab\ncd\n": offset 0 is on line 3, 1 ("a") on 4, 4 ("c") on 5,
        // its end (7) on 6
        TimemlReader.TimemlDocument d = read("<TimeML>\n<DOCID>d</DOCID>\n<TEXT>\nab\ncd\n</TEXT>\n</TimeML>\n");
        assertThat(d.textLine()).isEqualTo(3);
        assertThat(List.of(d.lineOf(0), d.lineOf(1), d.lineOf(4), d.lineOf(7))).containsExactly(3L, 4L, 5L, 6L);
    }

    /**
     * The reader keeps the text's length as it grows instead of counting it at each TIMEX3: the spans of a
     * written document (astral characters, line breaks, markup characters) read back as written.
     */
    @Property(tries = 200)
    void writtenSpansReadBackExactly(@ForAll("texts") String text, @ForAll("cuts") List<Integer> cuts)
            throws IOException {
        int length = CodePoints.length(text);
        List<Integer> at = cuts.stream().map(c -> c % (length + 1)).distinct().sorted().toList();
        List<Timex3> timexes = new ArrayList<>();
        for (int i = 0; i + 1 < at.size(); i += 2) {
            timexes.add(new Timex3("t" + (i + 1), Span.of(text, at.get(i), at.get(i + 1)), TimexType.DATE, "2013",
                    null, null, null, null));
        }
        String xml = TimemlWriter.render(Document.of("d", text, null), timexes, null);
        TimemlReader.TimemlDocument back = read(xml);
        assertThat(back.document().text()).isEqualTo(text);
        assertThat(back.annotations().timexes()).isEqualTo(timexes);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> texts() {
        return TestTexts.texts().filter(t -> t.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t'
                && c != '\r'));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 1000).list().ofMaxSize(8);
    }

    @Test
    void foldersPairByNameInImportOrder(@TempDir Path tmp) throws IOException {
        Path g = Files.createDirectories(tmp.resolve("g"));
        Path s = Files.createDirectories(tmp.resolve("s"));
        for (String n : List.of("b.tml", "a.tml", "c.tml")) {
            Files.writeString(g.resolve(n), "x");
        }
        for (String n : List.of("c.tml", "a.tml", "d.tml", ".DS_Store")) {
            Files.writeString(s.resolve(n), "x");
        }
        TimemlFolders.Pairing p = TimemlFolders.pair(g, s);
        assertThat(p.pairs()).extracting(TimemlFolders.Pair::id).containsExactly("a", "b", "c", "d");
        assertThat(p.goldOnly()).containsExactly(g.resolve("b.tml"));
        assertThat(p.systemOnly()).containsExactly(s.resolve("d.tml"));
        assertThat(p.pairs().get(0)).isEqualTo(new TimemlFolders.Pair("a", g.resolve("a.tml"), s.resolve("a.tml")));
    }

    @Test
    void aFolderWithOtherEntriesOrNoTimemlIsRefusedNamingEach(@TempDir Path tmp) throws IOException {
        Path g = Files.createDirectories(tmp.resolve("g"));
        Path s = Files.createDirectories(tmp.resolve("s"));
        Files.writeString(g.resolve("a.tml"), "x");
        Files.writeString(g.resolve("README.txt"), "x");
        Files.createDirectories(g.resolve("sub"));
        assertThatThrownBy(() -> TimemlFolders.pair(g, s)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(g.resolve("README.txt") + ": not a TimeML file (its name does not end in .tml); expected "
                        + "only NAME.tml files in the --dataset folder (and 2 more problems)");
    }
}
