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
import org.corpusbench.diagnostic.CorpusFormatException;

class ConllevalCounterTest {

    static ConllevalCounter score(String text) throws IOException {
        return ConllevalCounter.score(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.conll",
                new ConllevalCounter());
    }

    @Example
    void theTypeIsEverythingAfterTheFirstHyphen() throws IOException {
        // conlleval.pl 2004-01-26 reads a tag with /^([^-]*)-(.*)$/: B-PER-X is type PER-X. Gold has one
        // chunk, PER-X; the guess B-PER-Y, then I-PER (another type: a new chunk). No chunk and no tag agree.
        ConllevalCounter c = score("a B-PER-X B-PER-Y\nb I-PER-X I-PER\n");
        assertThat(c.perType()).containsOnlyKeys("PER", "PER-X", "PER-Y");
        assertThat(c.foundCorrect()).isEqualTo(1);
        assertThat(c.foundGuessed()).isEqualTo(2);
        assertThat(c.correctChunks()).isZero();
        assertThat(c.correctTags()).isZero();
    }

    @Example
    void theEmptyTypeIsPrintedTwiceWhenGoldAndGuessBothHaveIt() throws IOException {
        // conlleval.pl lists sort(keys %foundCorrect, keys %foundGuessed) and drops a repeat only when the
        // type before it is true in Perl, which "" is not.
        String line = " ".repeat(17) + ": precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n";
        assertThat(score("a B B\n").report()).isEqualTo("processed 1 tokens with 1 phrases; found: 1 phrases; "
                + "correct: 1.\naccuracy: 100.00%; precision: 100.00%; recall: 100.00%; FB1: 100.00\n" + line + line);
        // Only the guess has it: once.
        assertThat(score("a O B\n").report()).endsWith(": precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n")
                .containsOnlyOnce("FB1:   0.00  1");
    }

    @Example
    void typeZeroAndAnEmptyTypeAreNoType() throws IOException {
        // "$type ? $type : ''": B-0 and B- have the type "", like a bare B.
        ConllevalCounter c = score("a B-0 B-\nb O B\n");
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
                // line 2 starts at byte 6 ("a O O\n"); 0xC3 is its fifth byte: 6 + 4 = 10 (issue 12: name the byte)
                .hasMessage("t:2: a tag is not valid UTF-8 at byte offset 10 (byte 0xC3): expected UTF-8 text; "
                        + "re-encode the file as UTF-8");
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

    // Malformed on purpose: "X" and "MISC" (an unknown prefix, no type) end no chunk, not even at a break.
    static final List<String> TAGS = List.of("O", "B-PER", "I-PER", "E-PER", "B-LOC", "I-LOC", "S-LOC", "I-MISC",
            "B-", "[-X", "]", ".", "X-PER", "X", "MISC", "B-PER-X");

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
            ConllevalCounter parts = ConllevalCounter.score(f, threads, new ConllevalCounter(), 0);
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
    void aChunkStillOpenAtASentenceBreakIsCountedAsInTheWholeFile() throws IOException {
        // "b x x" after B-LOC: both sides end the LOC chunk (correct) and start an untyped one that the
        // blank line does not end (x is no prefix conlleval knows, and the types agree). "c B-PER O" then
        // ends it on the gold side only, so it is not correct: 1 correct chunk in all. A part that started
        // at "c" would count the open chunk when finishing the part before it.
        String text = "a".repeat(60) + " B-LOC B-LOC\nb x x\n\nc B-PER O\nd O O\n";
        withFile(text, f -> {
            assertThat(org.corpusbench.internal.BlankLineSplits.of(f, 2)).hasSize(2);
            assertThat(ConllevalCounter.score(f, 1, new ConllevalCounter()).correctChunks()).isEqualTo(1);
            assertThat(ConllevalCounter.score(f, 2, new ConllevalCounter(), 0).report())
                    .isEqualTo(ConllevalCounter.score(f, 1, new ConllevalCounter()).report());
            return null;
        });
    }

    @Example
    void anErrorInALaterPartNamesTheSameLineAsTheOnePieceRun() throws IOException {
        String text = "a B-PER B-PER\n\n".repeat(50) + "b B-PER\n" + "c O O\n\n".repeat(50);
        withFile(text, f -> {
            for (int threads : new int[] {1, 2, 4}) {
                assertThatThrownBy(() -> ConllevalCounter.score(f, threads, new ConllevalCounter(), 0))
                        .isInstanceOf(CorpusFormatException.class)
                        .hasMessage(f + ":101: unexpected number of features: 2 (3)");
            }
            return null;
        });
    }
}
