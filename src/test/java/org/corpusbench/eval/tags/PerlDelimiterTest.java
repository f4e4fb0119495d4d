package org.corpusbench.eval.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Example;
import org.corpusbench.diagnostic.CorpusFormatException;

/** conlleval's {@code -d} read as conlleval.pl reads it, a Perl regular expression (issue 14, item 4). */
class PerlDelimiterTest {

    static ConllevalCounter score(String delimiter, String text) throws IOException {
        return ConllevalCounter.score(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.conll",
                new ConllevalCounter(delimiter, "O", false));
    }

    @Example
    void backslashTIsATab() throws IOException {
        // Fields [a, B-PER, B-PER], [b, I-PER, O]: 2 tokens, 1 gold and 1 found chunk (a..b vs a): 0 correct
        // chunks; tags a (B-PER = B-PER) right, b (I-PER vs O) wrong: accuracy 1/2.
        ConllevalCounter c = score("\\t", "a\tB-PER\tB-PER\nb\tI-PER\tO\n");
        assertThat(c.tokens()).isEqualTo(2);
        assertThat(c.correctTags()).isEqualTo(1);
        assertThat(c.foundCorrect()).isEqualTo(1);
        assertThat(c.foundGuessed()).isEqualTo(1);
        assertThat(c.correctChunks()).isZero();
        assertThat(PerlDelimiter.parse("\\t").literal).containsExactly('\t');
    }

    @Example
    void backslashSPlusIsARunOfBlanks() throws IOException {
        // "a \t B-PER  B-PER" splits at " \t " and "  ": [a, B-PER, B-PER]; one token, one correct chunk.
        ConllevalCounter c = score("\\s+", "a \t B-PER  B-PER\n");
        assertThat(c.tokens()).isEqualTo(1);
        assertThat(c.correctChunks()).isEqualTo(1);
        assertThat(c.correctTags()).isEqualTo(1);
    }

    @Example
    void aLeadingMatchKeepsAnEmptyFirstFieldAsPerlDoes() {
        // Perl: split(/\s+/, " a B-PER B-PER") is ("", a, B-PER, B-PER), 4 fields; the next line has 3, so
        // conlleval.pl stops with "unexpected number of features: 3 (4)" at line 2.
        assertThatThrownBy(() -> score("\\s+", " a B-PER B-PER\nb O O\n"))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage("t.conll:2: unexpected number of features: 3 (4)");
    }

    @Example
    void trailingEmptyFieldsAreDropped() throws IOException {
        // "a;B-LOC;B-LOC;;" splits at ';' into [a, B-LOC, B-LOC, "", ""]; Perl drops the trailing empties,
        // so the tags are the 2nd and 3rd fields: one token, one correct chunk.
        ConllevalCounter c = score(";", "a;B-LOC;B-LOC;;\n");
        assertThat(c.tokens()).isEqualTo(1);
        assertThat(c.correctChunks()).isEqualTo(1);
    }

    @Example
    void classesAndEscapedPunctuation() throws IOException {
        // [\t ]+ and \| each give [a, B-PER, O]: one token, tag wrong, 1 gold and 0 found chunks.
        for (String[] d : new String[][] {{"[\\t ]+", "a \tB-PER O\n"}, {"\\|", "a|B-PER|O\n"}, {"x{2}", "axxB-PERxxO\n"}}) {
            ConllevalCounter c = score(d[0], d[1]);
            assertThat(c.tokens()).as(d[0]).isEqualTo(1);
            assertThat(c.correctTags()).as(d[0]).isZero();
            assertThat(c.foundCorrect()).as(d[0]).isEqualTo(1);
            assertThat(c.foundGuessed()).as(d[0]).isZero();
        }
        assertThat(PerlDelimiter.parse("\\|").literal).containsExactly('|');
        assertThat(PerlDelimiter.parse("[\\t ]+").pattern).isNotNull();
    }

    @Example
    void aMultiByteLiteralMatchesItsBytes() throws IOException {
        // "a·B-PER·B-PER" with · (U+00B7, two UTF-8 bytes) as the delimiter: [a, B-PER, B-PER].
        ConllevalCounter c = score("\u00b7", "a\u00b7B-PER\u00b7B-PER\n");
        assertThat(c.correctChunks()).isEqualTo(1);
        ConllevalCounter classed = score("[\u00b7]+", "a\u00b7B-PER\u00b7B-PER\n");
        assertThat(classed.correctChunks()).isEqualTo(1);
    }

    @Example
    void whatCannotBeHonouredIsRefusedByName() {
        String[][] refused = {
            {"(\\t)", "a group '('"},
            {"^", "an anchor '^'"},
            {"|", "it matches the empty string"},
            {"\\s*", "it matches the empty string"},
            {"\\b", "the escape \\b"},
            {"a{", "a '{' that is not a quantifier"},
            {"[]a]", "a ']' first in a class"},
            {"[[:space:]]", "a '[' inside a class"},
            {"[a", "a '[' without its ']'"},
            {"+", "not a valid regular expression"},
            {"\\", "a '\\' at its end"},
        };
        for (String[] r : refused) {
            assertThatThrownBy(() -> new ConllevalCounter(r[0], "O", false)).as(r[0])
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cannot read the delimiter '" + r[0] + "' as conlleval.pl does: " + r[1]);
        }
    }
}
