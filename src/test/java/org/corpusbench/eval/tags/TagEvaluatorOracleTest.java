package org.corpusbench.eval.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.stats.CountLayouts;
import org.corpusbench.eval.stats.PoissonBootstrap;
import org.corpusbench.tags.TagScheme;

/**
 * The byte-level tag scorer against its oracle, {@link ReferenceTagEvaluator} (the string implementation it
 * replaced, issue 15): on generated CoNLL files, well formed and not (wrong column counts, tags a scheme
 * forbids, {@code -DOCSTART-} lines, Unicode white space, CRLF, a byte order mark, bytes that are not UTF-8),
 * the same counts, or the same refusal (same line, same message), in any number of parts; and per sentence,
 * counts that add up to the file's, whatever the parts.
 */
class TagEvaluatorOracleTest {

    record Input(byte[] bytes, TagMode mode, TagScheme scheme, boolean skipDocstart) {
        @Override
        public String toString() {
            return mode + " " + scheme + " skip=" + skipDocstart + "\n" + new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static final List<String> VALID_TAGS = List.of("O", "B-PER", "I-PER", "E-PER", "S-LOC", "I-LOC", "B-LOC",
            "L-ORG", "U-ORG", "B-ORG", "I-ORG");
    static final List<String> ODD_TAGS = List.of("X", "B", "I-", "X-PER", "B-_", "B-PER-X", "I-\u00e9",
            "B-\uD83D\uDE80", ".", "-", "--PER-", "I-PER-", "S-", "E");

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<String> tag = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(VALID_TAGS)),
                Tuple.of(1, Arbitraries.of(ODD_TAGS)));
        Arbitrary<String> token = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("w", "Minsk", "\u00e9t\u00e9",
                "\uD83D\uDE80", "a\u00A0b")), Tuple.of(1, Arbitraries.of("-DOCSTART-", "-X-")));
        Arbitrary<String> sep = Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just(" ")),
                Tuple.of(1, Arbitraries.of("\t", " \t", "\u3000", "\u2003", "\f", "\u000B")));
        Arbitrary<Integer> extraColumns = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.of(-1, 0, 2)));
        Arbitrary<String> tokenLine = Combinators.combine(token, sep, tag, tag, extraColumns, sep)
                .as((t, s, g, p, extra, s2) -> {
                    StringBuilder sb = new StringBuilder(t);
                    for (int k = 0; k < extra; k++) {
                        sb.append(s).append("NN");
                    }
                    if (extra >= 0) {
                        sb.append(s).append(g);
                    }
                    return sb.append(s2).append(p).toString();
                });
        Arbitrary<String> docstart = Arbitraries.of("-DOCSTART- -X- O O", "-DOCSTART- -X- O B-PER", "-DOCSTART- O",
                "-DOCSTART- -X- -X- O O", "-DOCSTART-");
        Arbitrary<String> blank = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of(" ", "\t", "\u3000")));
        Arbitrary<String> line = Arbitraries.frequencyOf(Tuple.of(14, tokenLine), Tuple.of(3, blank),
                Tuple.of(1, docstart));
        Arbitrary<List<String>> lines = line.list().ofMaxSize(40);
        Arbitrary<byte[]> text = Combinators.combine(lines, Arbitraries.of("\n", "\r\n"), Arbitraries.of(true, false),
                Arbitraries.frequency(Tuple.of(12, false), Tuple.of(1, true)))
                .as((ls, eol, finalEol, bom) -> {
                    String s = String.join(eol, ls) + (finalEol && !ls.isEmpty() ? eol : "");
                    return ((bom ? "\uFEFF" : "") + s).getBytes(StandardCharsets.UTF_8);
                });
        Arbitrary<byte[]> mutated = Combinators.combine(text, Arbitraries.frequency(Tuple.of(10, false),
                Tuple.of(1, true)), Arbitraries.integers().between(0, 10_000), Arbitraries.of(
                new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC3},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}))
                .as((b, mutate, at, bad) -> mutate && b.length > 0 ? insert(b, at % b.length, bad) : b);
        return Combinators.combine(mutated, Arbitraries.of(TagMode.values()), Arbitraries.of(TagScheme.values()),
                Arbitraries.of(true, false)).as(Input::new);
    }

    static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.write(what, 0, what.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    /** What a scorer gave: its counts, or its refusal as class and message. */
    static Object outcome(IoCall<TagCounts> call) {
        try {
            return call.call();
        } catch (IOException | RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @FunctionalInterface
    interface IoCall<T> {
        T call() throws IOException;
    }

    static <T> T withBytes(byte[] bytes, TempFn<T> body) throws IOException {
        Path f = Files.createTempFile("corpusbench-oracle", ".conll");
        try {
            Files.write(f, bytes);
            return body.apply(f);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @FunctionalInterface
    interface TempFn<T> {
        T apply(Path f) throws IOException;
    }

    /** The sentences a sink was given: offset, tp, fp, fn each. */
    static final class Units implements TagEvaluator.SentenceSink {
        final List<long[]> rows = new ArrayList<>();

        @Override
        public void sentence(long offset, long tp, long fp, long fn) {
            rows.add(new long[] {offset, tp, fp, fn});
        }
    }

    @Property(tries = 400)
    void theByteScorerGivesTheOraclesCountsOrItsRefusal(@ForAll("inputs") Input in,
            @ForAll @IntRange(min = 1, max = 4) int threads) throws IOException {
        TagScheme scheme = in.mode() == TagMode.STRICT ? in.scheme() : null;
        Object expected = outcome(() -> ReferenceTagEvaluator.score(new ByteArrayInputStream(in.bytes()), "f.conll",
                in.mode(), scheme, in.skipDocstart()));
        Object fromStream = outcome(() -> TagEvaluator.score(new ByteArrayInputStream(in.bytes()), "f.conll",
                in.mode(), scheme, in.skipDocstart()));
        assertThat(fromStream).isEqualTo(expected);
        Statistics.label("outcome").collect(expected instanceof TagCounts ? "counted" : "refused");
        withBytes(in.bytes(), f -> {
            Object whole = outcome(() -> ReferenceTagEvaluator.score(f, in.mode(), scheme, 1, in.skipDocstart()));
            Object parts = outcome(() -> TagEvaluator.score(f, in.mode(), scheme, threads, in.skipDocstart(),
                    Units::new, 0).counts());
            assertThat(parts).isEqualTo(whole);
            return null;
        });
    }

    @Property(tries = 300)
    void sentencesAddUpToTheFileAndDoNotDependOnTheParts(@ForAll("inputs") Input in,
            @ForAll @IntRange(min = 2, max = 4) int threads) throws IOException {
        TagScheme scheme = in.mode() == TagMode.STRICT ? in.scheme() : null;
        withBytes(in.bytes(), f -> {
            TagEvaluator.Scored<Units> whole;
            try {
                whole = TagEvaluator.score(f, in.mode(), scheme, 1, in.skipDocstart(), Units::new, 0);
            } catch (IOException e) {
                return null; // a refusal: the property above checks it is the oracle's
            }
            TagEvaluator.Scored<Units> parts = TagEvaluator.score(f, in.mode(), scheme, threads, in.skipDocstart(),
                    Units::new, 0);
            List<long[]> all = new ArrayList<>();
            parts.parts().forEach(u -> all.addAll(u.rows));
            assertThat(all).as("sentences in file order, whatever the parts")
                    .containsExactlyElementsOf(whole.parts().get(0).rows);
            Counts sum = Counts.ZERO;
            long previous = -1;
            for (long[] r : all) {
                assertThat(r[0]).as("offsets increase").isGreaterThan(previous);
                previous = r[0];
                sum = sum.plus(new Counts(r[1], r[2], r[3]));
            }
            assertThat(sum).isEqualTo(whole.counts().overall());
            // the streaming bootstrap of the parts, merged, holds the sums of the whole's, bit for bit
            PoissonBootstrap<long[]> one = poisson(whole.parts());
            PoissonBootstrap<long[]> merged = poisson(parts.parts().subList(0, 1));
            for (int k = 1; k < parts.parts().size(); k++) {
                merged.merge(poisson(parts.parts().subList(k, k + 1)));
            }
            assertThat(merged.sameSums(one)).isTrue();
            return null;
        });
    }

    static PoissonBootstrap<long[]> poisson(List<Units> parts) {
        PoissonBootstrap<long[]> b = new PoissonBootstrap<>(CountLayouts.longs(3), 50, 13);
        for (Units u : parts) {
            for (long[] r : u.rows) {
                b.add(r[0], new long[] {r[1], r[2], r[3]});
            }
        }
        return b;
    }

    @Example
    void aBadByteIsNamedByItsOffsetInTheFileWhateverThePart() throws IOException {
        // 200 sentences of 7 bytes ("w O O\n\n"), then a line with 0xFF: line 401, byte 1,400 + 2.
        byte[] bytes = insert(("w O O\n\n".repeat(200) + "w O O\n").getBytes(StandardCharsets.UTF_8), 1402,
                new byte[] {(byte) 0xFF});
        withBytes(bytes, f -> {
            for (int threads : new int[] {1, 3}) {
                assertThat(outcome(() -> TagEvaluator.score(f, TagMode.DEFAULT, null, threads, false, Units::new, 0)
                        .counts())).isEqualTo("org.corpusbench.diagnostic.CorpusFormatException: " + f + ":401: "
                        + "invalid UTF-8 at byte offset 1402 (byte 0xFF): expected UTF-8 text; re-encode the file "
                        + "as UTF-8");
            }
            return null;
        });
    }

    @Example
    void inStrictModeTheSentencesGoldTagsAreCheckedBeforeItsPredictedOnes() throws IOException {
        // Line 1's predicted S-PER and line 2's gold S-PER are both forbidden by IOB2; the gold column of the
        // sentence is checked first, as Chunker.strict(gold) ran before Chunker.strict(pred): line 2.
        byte[] bytes = "a O S-PER\nb S-PER O\n".getBytes(StandardCharsets.UTF_8);
        assertThat(outcome(() -> TagEvaluator.score(new ByteArrayInputStream(bytes), "f", TagMode.STRICT,
                TagScheme.IOB2))).isEqualTo("org.corpusbench.diagnostic.CorpusFormatException: f:2: tag 'S-PER' has "
                + "prefix S, which IOB2 does not allow (strict mode; use --mode default for lenient decoding)");
    }

    @Example
    void aFileIsCutIntoPartsOnlyWhenEachHoldsFortyEightMebibytesAndAProcessorIsIdle() {
        // issue 15, item 4: 2 threads on 19 MB ran 1.16 times slower than 1 (tags), and on a machine whose two
        // processors are busy they were slower even at 20 million tokens (docs/performance.md)
        long mib = 1 << 20;
        long min = Parts.MIN_PART_BYTES;
        assertThat(min).isEqualTo(48 * mib);
        assertThat(Parts.of(19 * mib, 2, min, 0.5, 2)).isEqualTo(1);
        assertThat(Parts.of(95 * mib, 2, min, 0.5, 2)).isEqualTo(1);
        assertThat(Parts.of(96 * mib, 2, min, 0.5, 2)).isEqualTo(2);
        assertThat(Parts.of(400 * mib, 8, min, 0.5, 2)).isEqualTo(8);
        assertThat(Parts.of(150 * mib, 8, min, 0.5, 2)).isEqualTo(3);
        assertThat(Parts.of(400 * mib, 1, min, 0.5, 2)).isEqualTo(1);
        // no idle processor: one part; a system without a load average: by size alone
        assertThat(Parts.of(400 * mib, 2, min, 2.0, 2)).isEqualTo(1);
        assertThat(Parts.of(400 * mib, 2, min, -1, 2)).isEqualTo(2);
        // forced, for the tests of parts against the whole
        assertThat(Parts.of(1, 4, 0, 9.0, 2)).isEqualTo(4);
    }

    @Provide
    Arbitrary<List<List<String>>> sentencePairs() {
        // a token is "gold pred"; a lone surrogate and "?" are different tags, which UTF-8 would conflate
        Arbitrary<String> tag = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(VALID_TAGS)),
                Tuple.of(1, Arbitraries.of(ODD_TAGS)), Tuple.of(1, Arbitraries.of("B-\uD800", "B-?", "")));
        return tag.tuple2().map(t -> t.get1() + "\t" + t.get2()).list().ofMinSize(1).ofMaxSize(6).list()
                .ofMaxSize(12);
    }

    @Property(tries = 300)
    void theListApiGivesTheOraclesCounts(@ForAll("sentencePairs") List<List<String>> sentences,
            @ForAll TagMode mode, @ForAll TagScheme scheme) {
        ReferenceTagEvaluator reference = new ReferenceTagEvaluator(mode, scheme);
        TagEvaluator ours = new TagEvaluator(mode, scheme);
        for (List<String> s : sentences) {
            List<String> gold = s.stream().map(t -> t.split("\t", -1)[0]).toList();
            List<String> pred = s.stream().map(t -> t.split("\t", -1)[1]).toList();
            String expected = refusal(() -> reference.sentence(gold, pred));
            assertThat(refusal(() -> ours.sentence(gold, pred))).isEqualTo(expected);
        }
        assertThat(ours.counts()).isEqualTo(reference.counts());
    }

    /** What a call threw (class, message and, for a forbidden tag, its index), or null. */
    static String refusal(Runnable r) {
        try {
            r.run();
            return null;
        } catch (org.corpusbench.tags.Chunker.InvalidTagException e) {
            return e.getMessage() + " at " + e.index();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
