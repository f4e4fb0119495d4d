package org.corpusbench.eval.tags;

import org.corpusbench.tags.TagScheme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corpusbench.TempFiles.withFile;

import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.corpusbench.diagnostic.CorpusFormatException;

class TagEvaluatorTest {

    // "X" and "B" have no type ("_" to seqeval): a sentence that opens with X decodes differently at the
    // start of the file (previous type "") than after a sentence break (previous type "_"), and a chunk
    // can end before any has started.
    static final List<String> TAGS = List.of("O", "B-PER", "I-PER", "E-PER", "S-LOC", "I-LOC", "X", "B", "I-",
            "X-PER");

    @Provide
    Arbitrary<List<List<String>>> sentences() {
        Arbitrary<String> line = Arbitraries.of(TAGS).tuple2().map(t -> "w " + t.get1() + " " + t.get2());
        return line.list().ofMinSize(1).ofMaxSize(7).list().ofMaxSize(25);
    }

    /**
     * The counts of a file scored in up to {@code threads} parts however small it is (the command line's
     * scorer uses parts only for files of 96 MiB and more, issue 15): what the parts properties need.
     */
    static TagCounts inParts(java.nio.file.Path f, TagMode mode, TagScheme scheme, int threads, boolean skipDocstart)
            throws IOException {
        return TagEvaluator.score(f, mode, scheme, threads, skipDocstart, () -> (o, tp, fp, fn) -> { }, 0).counts();
    }

    static String file(List<List<String>> sentences) {
        StringBuilder sb = new StringBuilder();
        sentences.forEach(s -> {
            s.forEach(l -> sb.append(l).append('\n'));
            sb.append('\n');
        });
        return sb.toString();
    }

    @Property(tries = 150)
    void countsOfPartsAddUpToTheCountsOfTheWhole(@ForAll("sentences") List<List<String>> sentences,
            @ForAll @IntRange(min = 2, max = 5) int threads) throws IOException {
        withFile(file(sentences), f -> {
            TagCounts whole = TagEvaluator.score(f, TagMode.DEFAULT, TagScheme.IOBES, 1);
            assertThat(inParts(f, TagMode.DEFAULT, TagScheme.IOBES, threads, false)).isEqualTo(whole);
            return null;
        });
    }

    @Example
    void aChunkThatEndsBeforeAnyStartsIsDecodedAsInTheWholeFile() throws IOException {
        // Sentence 1: the gold chunk starts at index 0, the predicted one at 1. Sentence 2 opens with the
        // typeless X (no start after the joining O), so B-PER ends a "_" chunk that begins where each
        // side's last chunk began: gold [-3, 1), predicted [-2, 1) relative to sentence 2 (it starts at
        // index 3: two tokens and the joining O). They differ: one false positive, one false negative of
        // type "_". A part that starts at sentence 2 cannot know those beginnings, so it is not used.
        String text = "w".repeat(60) + " B-PER O\nw O B-PER\n\nw X X\nw B-PER B-PER\n";
        withFile(text, f -> {
            assertThat(org.corpusbench.internal.BlankLineSplits.of(f, 2)).hasSize(2);
            TagCounts whole = TagEvaluator.score(f, TagMode.DEFAULT, TagScheme.IOB2, 1);
            assertThat(whole.types().get("_")).isEqualTo(new org.corpusbench.eval.Counts(0, 1, 1));
            TagCounts inParts = inParts(f, TagMode.DEFAULT, TagScheme.IOB2, 2, false);
            assertThat(inParts).isEqualTo(whole);
            return null;
        });
    }

    @Example
    void anErrorInALaterPartNamesTheFirstBadLineOfTheFile() throws IOException {
        String text = "w B-PER B-PER\n\n".repeat(40) + "w S-PER O\n\n" + "w O O\n\n".repeat(40);
        withFile(text, f -> {
            for (int threads : new int[] {1, 3}) {
                assertThatThrownBy(() -> inParts(f, TagMode.STRICT, TagScheme.IOB2, threads, false))
                        .isInstanceOf(CorpusFormatException.class)
                        .hasMessageStartingWith(f + ":81: tag 'S-PER' has prefix S, which IOB2 does not allow");
            }
            return null;
        });
    }

    // ---- issue 14: a -DOCSTART- line is a token, as conlleval.pl counts it ----

    static TagCounts score(String text, boolean skipDocstart) throws IOException {
        return TagEvaluator.score(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "t.conll", TagMode.DEFAULT, null, skipDocstart);
    }

    @Example
    void docstartIsATokenUnlessSkipped() throws IOException {
        // Lines: -DOCSTART- (O, O: right), a (B-PER, B-PER: right), b (O, B-LOC: wrong),
        // -DOCSTART- (O, B-MISC: wrong). Counted: 4 tokens, 2 right (conlleval.pl: 50.00%); chunks: gold
        // PER; found PER, LOC, MISC (conlleval.pl counts the MISC on the -DOCSTART- line too): tp 1, pred 3.
        // Skipped: 2 tokens (a, b), 1 right; found PER, LOC: tp 1, pred 2.
        String text = "-DOCSTART- -X- O O\n\na NN B-PER B-PER\nb NN O B-LOC\n\n-DOCSTART- -X- O B-MISC\n";
        TagCounts counted = score(text, false);
        assertThat(counted.tokens()).isEqualTo(4);
        assertThat(counted.correctTokens()).isEqualTo(2);
        assertThat(counted.overall().tp()).isEqualTo(1);
        assertThat(counted.overall().predicted()).isEqualTo(3);
        ConllevalCounter c = ConllevalCounterTest.score(text);
        assertThat(new long[] {c.tokens(), c.correctTags(), c.foundGuessed(), c.correctChunks()})
                .containsExactly(4, 2, 3, 1);
        TagCounts skipped = score(text, true);
        assertThat(skipped.tokens()).isEqualTo(2);
        assertThat(skipped.correctTokens()).isEqualTo(1);
        assertThat(skipped.overall().predicted()).isEqualTo(2);
    }

    @Example
    void aDocstartWithoutThePredictedColumnIsRefusedUnlessSkipped() throws IOException {
        // The gold-only separator left in a scored file: counted, its tags would be "-X-" and "O".
        String text = "-DOCSTART- -X- -X- O\n\na NN B-NP B-PER B-PER\n";
        assertThatThrownBy(() -> score(text, false)).isInstanceOf(CorpusFormatException.class)
                .hasMessage("t.conll:3: found 5 columns; expected 4 as on the first token line");
        String late = "a NN B-NP B-PER B-PER\n\n-DOCSTART- -X- -X- O\n";
        assertThatThrownBy(() -> score(late, false)).isInstanceOf(CorpusFormatException.class)
                .hasMessage("t.conll:3: found 4 columns on a -DOCSTART- line (it is a token, as conlleval.pl counts "
                        + "it; --skip-docstart leaves such lines out); expected 5 as on the first token line");
        assertThat(score(text, true).tokens()).isEqualTo(1);
    }

    @Provide
    Arbitrary<List<List<String>>> documents() {
        Arbitrary<String> docstart = Arbitraries.of("-DOCSTART- O O", "-DOCSTART- O B-PER", "-DOCSTART- X O");
        Arbitrary<List<String>> sentence = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, docstart.map(List::of)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(TAGS).tuple2().map(t -> "w " + t.get1() + " " + t.get2())
                        .list().ofMinSize(1).ofMaxSize(7)));
        return sentence.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 150)
    void tokenCountsAreConllevalsWithDocstartLines(@ForAll("documents") List<List<String>> sentences,
            @ForAll @IntRange(min = 1, max = 3) int threads) throws IOException {
        withFile(file(sentences), f -> {
            TagCounts ours = inParts(f, TagMode.DEFAULT, null, threads, false);
            ConllevalCounter c = ConllevalCounter.score(f, 1, new ConllevalCounter());
            assertThat(ours.tokens()).isEqualTo(c.tokens());
            assertThat(ours.correctTokens()).isEqualTo(c.correctTags());
            return null;
        });
    }
}
