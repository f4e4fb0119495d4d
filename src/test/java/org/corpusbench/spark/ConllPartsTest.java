package org.corpusbench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Issue 16: the parts a CoNLL file is cut into on Spark cover it exactly once, in order, and each starts just
 * after a blank line, so that no sentence straddles two parts, for any number of parts. Read through Hadoop's
 * local file system, as a task reads its part.
 */
class ConllPartsTest {

    @Provide
    Arbitrary<byte[]> texts() {
        // few distinct bytes, so that blank lines, CRLF blank lines and runs of line feeds are frequent
        return Arbitraries.of((byte) 'a', (byte) ' ', (byte) '\n', (byte) '\n', (byte) '\r').array(byte[].class)
                .ofMaxSize(300);
    }

    @Property(tries = 300)
    void partsCoverTheFileOnceAndStartAfterABlankLine(@ForAll("texts") byte[] text,
                                                      @ForAll @IntRange(min = 1, max = 40) int parts)
            throws IOException {
        java.nio.file.Path f = Files.createTempFile("corpusbench-parts", ".conll");
        try {
            Files.write(f, text);
            List<long[]> ranges = new ArrayList<>();
            byte[] joined;
            try (FSDataInputStream in = FileSystem.getLocal(new Configuration()).open(new Path(f.toUri()))) {
                for (int k = 0; k < parts; k++) {
                    ranges.add(ConllParts.range(in, text.length, k, parts));
                }
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                for (long[] r : ranges) {
                    try (InputStream part = ConllParts.stream(in, r[0], r[1])) {
                        all.write(part.readAllBytes());
                    }
                }
                joined = all.toByteArray();
            }
            assertThat(ranges.get(0)[0]).isZero();
            assertThat(ranges.get(parts - 1)[1]).isEqualTo(text.length);
            for (int k = 0; k < parts; k++) {
                long[] r = ranges.get(k);
                assertThat(r[0]).isLessThanOrEqualTo(r[1]);
                if (k > 0) {
                    assertThat(r[0]).isEqualTo(ranges.get(k - 1)[1]);
                }
                if (r[0] > 0 && r[0] < text.length) {
                    assertThat(afterBlankLine(text, (int) r[0])).as("part %d starts at %d", k, r[0]).isTrue();
                }
            }
            assertThat(joined).isEqualTo(text);
        } finally {
            Files.delete(f);
        }
    }

    @Example
    void aCutFallsAfterTheFirstBlankLineAtOrAfterTheNominalPoint() throws IOException {
        // 20 bytes, 2 parts: nominal cut at byte 10, inside "ccc"; the blank line after it ends at byte 16
        byte[] text = "a O O\n\nccc O O\n\nd\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.nio.file.Path f = Files.createTempFile("corpusbench-parts", ".conll");
        try {
            Files.write(f, text);
            try (FSDataInputStream in = FileSystem.getLocal(new Configuration()).open(new Path(f.toUri()))) {
                assertThat(ConllParts.range(in, text.length, 0, 2)).containsExactly(0, 16);
                assertThat(ConllParts.range(in, text.length, 1, 2)).containsExactly(16, 18);
            }
        } finally {
            Files.delete(f);
        }
    }

    @Property
    void nominalPointsAreSizeTimesKOverPartsForAnySize(@ForAll @IntRange(min = 1, max = 100_000) int parts,
                                                      @ForAll @IntRange(min = 0, max = 100_000) int k,
                                                      @ForAll @LongRange(min = 0) long size) {
        int kk = k % (parts + 1);
        BigInteger exact = BigInteger.valueOf(size).multiply(BigInteger.valueOf(kk)).divide(BigInteger.valueOf(parts));
        assertThat(ConllParts.nominal(size, kk, parts)).isEqualTo(exact.longValueExact());
    }

    private static boolean afterBlankLine(byte[] t, int at) {
        return at >= 2 && t[at - 1] == '\n' && (t[at - 2] == '\n' || at >= 3 && t[at - 2] == '\r' && t[at - 3] == '\n');
    }
}
