package org.corpusbench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ByteLinesTest {

    /** The definition: split at LF, drop one CR before each LF, no empty line after a final LF. */
    static List<String> reference(String text) {
        List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        out.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        return out;
    }

    /** A stream that hands out at most {@code chunk} bytes per read, to put line ends across reads. */
    static InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    static List<String> lines(InputStream in, boolean skipBom) throws IOException {
        List<String> out = new ArrayList<>();
        ByteLines.forEach(in, skipBom, (buf, from, to) -> out.add(new String(buf, from, to - from,
                StandardCharsets.UTF_8)));
        return out;
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.of("\n", "\r\n", "\r", "\n\n", " ", "é", "\uD83D\uDE80", "B-PER"),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(12)).list().ofMaxSize(40)
                .map(l -> String.join("", l));
    }

    @Property
    void linesAreTheReferenceSplit(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 9) int chunk)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(lines(trickle(bytes, chunk), true)).isEqualTo(reference(text));
    }

    @Property(tries = 50)
    void aByteOrderMarkIsSkippedOnlyWhenAsked(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 4) int chunk)
            throws IOException {
        byte[] bytes = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(lines(trickle(bytes, chunk), true)).isEqualTo(reference(text));
        assertThat(lines(trickle(bytes, chunk), false)).isEqualTo(reference("\uFEFF" + text));
    }

    @Example
    void aLineLongerThanTheBufferIsOneLine() throws IOException {
        String longLine = "x".repeat(200_000);
        String text = "a\n" + longLine + "\r\nb";
        assertThat(lines(trickle(text.getBytes(StandardCharsets.US_ASCII), 70_000), true))
                .containsExactly("a", longLine, "b");
    }

    /** Issue 12: each line's offset is where its bytes start in the stream, so that errors can name the byte. */
    @Property
    void offsetsAreWhereEachLineStarts(@ForAll("texts") String text, @ForAll boolean bom,
                                       @ForAll @IntRange(min = 1, max = 9) int chunk) throws IOException {
        byte[] bytes = ((bom ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);
        List<Long> offsets = new ArrayList<>();
        ByteLines.forEachWithOffsets(trickle(bytes, chunk), true, (buf, from, to, offset) -> {
            offsets.add(offset);
            // the line's bytes are the stream's bytes at that offset
            assertThat(Arrays.copyOfRange(bytes, (int) offset, (int) offset + to - from))
                    .isEqualTo(Arrays.copyOfRange(buf, from, to));
        });
        List<Long> expected = new ArrayList<>();
        long at = bom ? 3 : 0;
        for (String line : text.split("\n", -1)) {
            expected.add(at);
            at += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        if (text.isEmpty() || text.endsWith("\n")) {
            expected.remove(expected.size() - 1);
        }
        assertThat(offsets).isEqualTo(expected);
    }

    @Example
    void emptyInputHasNoLines() throws IOException {
        assertThat(lines(new ByteArrayInputStream(new byte[0]), true)).isEmpty();
        assertThat(lines(new ByteArrayInputStream(new byte[] {'\n'}), true)).containsExactly("");
    }
}
