package org.corpusbench.eval.tags;

import org.corpusbench.tags.TagScheme;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Group;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.format.conll.Conll;

/**
 * A scored CoNLL file (token, gold, predicted) changed byte by byte: counted, or refused at a line (issue 12,
 * item 8). A valid result is a count that adds up.
 */
class ConllTagsMutationTest {

    /** The slice as CoNLL with a predicted column: the gold tag, except every third B- is missed. */
    static Map<String, byte[]> seed() throws IOException {
        FuzzSeeds.Slice s = FuzzSeeds.slice();
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        Conll.write(written, s.documents(), d -> FuzzSeeds.whitespaceTokens(d.text()), s.annotations(),
                TagScheme.IOB2, t -> t);
        String sb = written.toString(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        int b = 0;
        for (String line : sb.split("\n", -1)) {
            String[] cols = line.split(" ");
            if (line.isBlank()) {
                out.append('\n');
                continue;
            }
            if (cols[0].equals("-DOCSTART-")) {
                out.append("-DOCSTART- O O\n");
                continue;
            }
            String gold = cols[cols.length - 1];
            String pred = gold.startsWith("B-") && b++ % 3 == 0 ? "O" : gold;
            out.append(cols[0]).append(' ').append(gold).append(' ').append(pred).append('\n');
        }
        return Map.of("x.conll", out.toString().strip().concat("\n").getBytes(StandardCharsets.UTF_8));
    }

    @Group
    class TagReader implements MutatedInputContract {
        @Override
        public Map<String, byte[]> seed() throws IOException {
            return ConllTagsMutationTest.seed();
        }

        @Override
        public void readAndCheck(Path dir) throws IOException {
            Path f = dir.resolve("x.conll");
            try (InputStream in = Files.newInputStream(f); ConllTagReader r = new ConllTagReader(in, f.toString())) {
                ConllTagReader.Sentence s;
                while ((s = r.next()) != null) {
                    assertThat(s.line()).isPositive();
                    assertThat(s.gold()).hasSameSizeAs(s.tokens()).hasSameSizeAs(s.predicted()).isNotEmpty();
                }
            }
            for (TagScheme scheme : new TagScheme[] {TagScheme.IOB2, TagScheme.IOBES}) {
                TagCounts one = TagEvaluator.score(f, TagMode.STRICT, scheme, 1);
                assertThat(TagEvaluatorTest.inParts(f, TagMode.STRICT, scheme, 2, false)).isEqualTo(one);
            }
        }
    }

    @Group
    class Conlleval implements MutatedInputContract {
        @Override
        public Map<String, byte[]> seed() throws IOException {
            return ConllTagsMutationTest.seed();
        }

        @Override
        public void readAndCheck(Path dir) throws IOException {
            Path f = dir.resolve("x.conll");
            ConllevalCounter c = ConllevalCounter.score(f, 1, new ConllevalCounter());
            assertThat(c.correctTags()).isBetween(0L, c.tokens());
            assertThat(c.correctChunks()).isNotNegative().isLessThanOrEqualTo(Math.min(c.foundCorrect(),
                    c.foundGuessed()));
            long[] sum = new long[3];
            c.perType().values().forEach(v -> {
                for (int i = 0; i < 3; i++) {
                    sum[i] += v[i];
                }
            });
            assertThat(sum).containsExactly(c.correctChunks(), c.foundCorrect(), c.foundGuessed());
            assertThat(ConllevalCounter.score(f, 2, new ConllevalCounter(), 0).report()).isEqualTo(c.report());
        }
    }
}
