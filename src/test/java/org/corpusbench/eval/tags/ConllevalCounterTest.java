package org.corpusbench.eval.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corpusbench.TempFiles.withFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.corpusbench.format.CorpusFormatException;

class ConllevalCounterTest {

    static ConllevalCounter score(String text) throws IOException {
        return ConllevalCounter.score(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.conll",
                new ConllevalCounter());
    }

    @Example
    void aTagIsReadAsPerlSplitsItIntoTwo() throws IOException {
        // conlleval.pl: my ($prefix, $type) = split(/-/, $tag), so B-PER-X and B-PER-Y both are B, PER:
        // one chunk, correct; both tokens count as correctly tagged (2/2).
        ConllevalCounter c = score("a B-PER-X B-PER-Y\nb I-PER-X I-PER\n");
        assertThat(c.correctChunks()).isEqualTo(1);
        assertThat(c.correctTags()).isEqualTo(2);
        assertThat(c.perType()).containsOnlyKeys("PER");
    }

    @Example
    void typeZeroAndAnEmptyTypeAreNoType() throws IOException {
        // "$type ? $type : ''": B-0 and B--X have the type "", like a bare B.
        ConllevalCounter c = score("a B-0 B--X\nb O B\n");
        assertThat(c.perType()).containsOnlyKeys("");
        // gold: one chunk (a); predicted: a, then b (B after B starts a new chunk): 2 found, 1 correct.
        assertThat(c.foundCorrect()).isEqualTo(1);
        assertThat(c.foundGuessed()).isEqualTo(2);
        assertThat(c.correctChunks()).isEqualTo(1);
    }

    @Example
    void typesArePrintedInCodePointOrder() throws IOException {
        // U+FB01 sorts before U+1F600 by code point, after it by UTF-16 unit.
        ConllevalCounter c = score("a B-\uD83D\uDE00 O\nb B-\uFB01 O\n");
        assertThat(List.copyOf(c.perType().keySet())).containsExactly("\uFB01", "\uD83D\uDE00");
    }

    @Example
    void invalidUtf8InATagNamesTheLineButTheTokenColumnIsNotRead() throws IOException {
        byte[] badToken = {(byte) 0xFF, ' ', 'O', ' ', 'O', '\n'};
        assertThat(ConllevalCounter.score(new ByteArrayInputStream(badToken), "t", new ConllevalCounter()).tokens())
                .isEqualTo(1);
        byte[] badTag = {'a', ' ', 'O', ' ', 'O', '\n', 'b', ' ', 'B', '-', (byte) 0xC3, ' ', 'O', '\n'};
        assertThatThrownBy(() -> ConllevalCounter.score(new ByteArrayInputStream(badTag), "t", new ConllevalCounter()))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage("t:2: a tag is not valid UTF-8; expected UTF-8 text (re-encode the file as UTF-8)");
    }

    @Example
    void aLineWithOtherFieldCountsIsTheErrorConllevalPrints() {
        assertThatThrownBy(() -> score("a NN B-PER B-PER\n\nb B-PER O\n"))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage("t.conll:3: unexpected number of features: 3 (4)");
    }

    @Example
    void anEmptyDelimiterIsRefused() {
        assertThatThrownBy(() -> new ConllevalCounter("", "O", false)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- parts add up to the whole ----

    static final List<String> TAGS = List.of("O", "B-PER", "I-PER", "E-PER", "B-LOC", "I-LOC", "S-LOC", "I-MISC",
            "B-", "[-X", "]", ".", "X-PER");

    @Provide
    Arbitrary<List<List<String>>> sentences() {
        Arbitrary<String> line = Arbitraries.of(TAGS).tuple2().map(t -> "w " + t.get1() + " " + t.get2());
        return line.list().ofMinSize(1).ofMaxSize(8).list().ofMaxSize(30);
    }

    static String file(List<List<String>> sentences, boolean crlf) {
        String nl = crlf ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder();
        for (List<String> s : sentences) {
            s.forEach(l -> sb.append(l).append(nl));
            sb.append(nl);
        }
        return sb.toString();
    }

    @Property(tries = 150)
    void scoringInPartsGivesTheReportOfTheWhole(@ForAll("sentences") List<List<String>> sentences,
            @ForAll @IntRange(min = 2, max = 5) int threads, @ForAll boolean crlf) throws IOException {
        String text = file(sentences, crlf);
        withFile(text, f -> {
            ConllevalCounter whole = ConllevalCounter.score(f, 1, new ConllevalCounter());
            ConllevalCounter parts = ConllevalCounter.score(f, threads, new ConllevalCounter());
            assertThat(parts.report()).isEqualTo(whole.report());
            assertThat(parts.correctTags()).isEqualTo(whole.correctTags());
            assertThat(whole.report()).isEqualTo(score(text).report());
            return null;
        });
    }

    @Property(tries = 100)
    void countsStayInTheirBounds(@ForAll("sentences") List<List<String>> sentences) throws IOException {
        ConllevalCounter c = score(file(sentences, false));
        assertThat(c.tokens()).isEqualTo(sentences.stream().mapToLong(List::size).sum());
        assertThat(c.correctTags()).isBetween(0L, c.tokens());
        assertThat(c.correctChunks()).isBetween(0L, Math.min(c.foundCorrect(), c.foundGuessed()));
        c.perType().values().forEach(v -> assertThat(v[0]).isBetween(0L, Math.min(v[1], v[2])));
    }

    @Example
    void anErrorInALaterPartNamesTheSameLineAsTheOnePieceRun() throws IOException {
        String text = "a B-PER B-PER\n\n".repeat(50) + "b B-PER\n" + "c O O\n\n".repeat(50);
        withFile(text, f -> {
            for (int threads : new int[] {1, 2, 4}) {
                assertThatThrownBy(() -> ConllevalCounter.score(f, threads, new ConllevalCounter()))
                        .isInstanceOf(CorpusFormatException.class)
                        .hasMessage(f + ":101: unexpected number of features: 2 (3)");
            }
            return null;
        });
    }
}
