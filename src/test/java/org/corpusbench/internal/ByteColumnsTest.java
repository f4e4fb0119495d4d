package org.corpusbench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The byte-level column finder and UTF-8 check of issue 15 against their definitions: the columns of
 * {@link ConllColumns} over the decoded line, and the position at which the JDK's strict decoder (what
 * {@link Utf8LineReader} uses) reports malformed input.
 */
class ByteColumnsTest {

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1)
                .ofMaxLength(3), Arbitraries.of(" ", "\t", "\f", "\u000B", "\r", "\u001C", "\u0085", "\u00A0",
                "\u1680", "\u2000", "\u2007", "\u200A", "\u200B", "\u2028", "\u202F", "\u205F", "\u3000", "\u3001",
                "\uD83D\uDE80", "\u00e9", "\u1681", "\u2fff", "B-PER", "\uFEFF"));
        return piece.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Property(tries = 500)
    void columnsAreThoseOfTheDecodedLine(@ForAll("lines") String line) {
        ConllColumns reference = new ConllColumns();
        int n = reference.split(line);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(reference.get(i));
        }
        byte[] b = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
        ByteColumns cols = new ByteColumns();
        int m = cols.splitAtWhiteSpace(b, 2, b.length - 2);
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            actual.add(new String(b, cols.start(i), cols.end(i) - cols.start(i), StandardCharsets.UTF_8));
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(cols.ascii()).isEqualTo(line.chars().allMatch(c -> c < 0x80));
    }

    /** Where the JDK's strict decoder stops on malformed input, or -1. */
    static int jdkFirstInvalid(byte[] b) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        return d.decode(in, CharBuffer.allocate(b.length), true).isError() ? in.position() : -1;
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0x41, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1,
                (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xE1, (byte) 0xED, (byte) 0xEF, (byte) 0xF0,
                (byte) 0xF4, (byte) 0xF5, (byte) 0xFF, (byte) 0x9F, (byte) 0xA0, (byte) 0x8F, (byte) 0x90);
        return Arbitraries.oneOf(interesting, Arbitraries.bytes()).list().ofMaxSize(10).map(l -> {
            byte[] b = new byte[l.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = l.get(i);
            }
            return b;
        });
    }

    @Property(tries = 2000)
    void theFirstInvalidByteIsWhereTheDecoderStops(@ForAll("bytes") byte[] b) {
        assertThat(Utf8LineReader.firstInvalid(b, 0, b.length)).isEqualTo(jdkFirstInvalid(b));
    }

    @Example
    void wellFormedTextOfEveryLengthIsValid() {
        // one, two, three and four bytes, and the edges of the ranges that are not
        byte[] b = "a\u00e9\u0800\uFFFF\uD800\uDC00\uDBFF\uDFFF\uD7FF\uE000".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8LineReader.firstInvalid(b, 0, b.length)).isEqualTo(-1);
        // an encoded surrogate (ED A0 80) after "ab": malformed at its lead byte
        byte[] s = {'a', 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThat(Utf8LineReader.firstInvalid(s, 0, s.length)).isEqualTo(2);
    }
}
