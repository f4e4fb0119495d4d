package org.corpusbench.eval.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.TempFiles;
import org.corpusbench.format.Corpus;
import org.corpusbench.format.conll.Conll;
import org.corpusbench.tags.TagScheme;

/**
 * The importer ({@link Conll#read}) and the tag reader ({@link ConllTagReader}) see the same columns in a
 * line (issue 13): the importer split at Java's {@code \s} (space, tab, LF, VT, FF, CR), the tag reader at
 * spaces and tabs only, so a form feed or an ideographic space between two columns made one column for
 * one of them and two for the other.
 */
class ConllColumnsReadersTest {

    private static List<ConllTagReader.Sentence> tagReader(String conll) throws IOException {
        return TempFiles.withFile(conll, f -> {
            List<ConllTagReader.Sentence> out = new ArrayList<>();
            try (InputStream in = Files.newInputStream(f); ConllTagReader r = new ConllTagReader(in, f.toString())) {
                for (ConllTagReader.Sentence s = r.next(); s != null; s = r.next()) {
                    out.add(s);
                }
            }
            return out;
        });
    }

    private static Corpus imported(String conll) throws IOException {
        return TempFiles.withFile(conll, f -> Conll.read(f, TagScheme.IOB2));
    }

    @Example
    void aFormFeedOrAnIdeographicSpaceSeparatesColumnsForBoth() throws IOException {
        String conll = "Minsk\fB-GPE\u3000B-GPE\nis O\tO\n";
        List<ConllTagReader.Sentence> s = tagReader(conll);
        assertThat(s).hasSize(1);
        assertThat(s.get(0).tokens()).containsExactly("Minsk", "is");
        assertThat(s.get(0).gold()).containsExactly("B-GPE", "O");
        assertThat(s.get(0).predicted()).containsExactly("B-GPE", "O");
        Corpus c = imported(conll);
        assertThat(c.documents()).singleElement().satisfies(d -> assertThat(d.text()).isEqualTo("Minsk is"));
        assertThat(c.annotations().values()).singleElement().satisfies(a -> assertThat(a.entities())
                .singleElement().satisfies(e -> assertThat(e.span().text() + " " + e.type()).isEqualTo("Minsk GPE")));
    }

    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
                .ofMaxLength(5), Arbitraries.of("\u00A0", "\uD83D\uDE80", "é"));
        Arbitrary<String> sep = Arbitraries.of(" ", "\t", "\f", "\u000B", "\u2003", "\u3000", " \t").list()
                .ofMinSize(1).ofMaxSize(2).map(l -> String.join("", l));
        Arbitrary<String> line = net.jqwik.api.Combinators.combine(token, sep, sep, sep, sep)
                .as((t, a, b, c, d) -> a + t + b + "O" + c + "O" + d);
        Arbitrary<String> sentence = line.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("\n", l) + "\n");
        return sentence.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("\n", l));
    }

    /** Three columns on every line, whatever white space separates them: same tokens for both readers. */
    @Property(tries = 100)
    void bothReadersSeeTheSameTokens(@ForAll("files") String conll) throws IOException {
        List<String> sentences = new ArrayList<>();
        for (ConllTagReader.Sentence s : tagReader(conll)) {
            sentences.add(String.join(" ", s.tokens()));
        }
        // the importer's text is the tokens joined by spaces, one sentence a line
        assertThat(imported(conll).documents()).singleElement()
                .satisfies(d -> assertThat(d.text()).isEqualTo(String.join("\n", sentences)));
    }
}
