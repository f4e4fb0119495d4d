package org.corpusbench;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One byte-level change to a file (issue 12, item 8): a byte flipped, deleted or inserted, a line
 * duplicated or deleted, or the file cut short. Positions are taken modulo the length of the file the
 * mutation is applied to, so that one generated mutation fits any file and shrinks towards its start.
 *
 * @param kind  what is done
 * @param at    where (a byte for FLIP, DELETE, INSERT and TRUNCATE, a line for the line kinds), modulo the length
 * @param value the byte inserted, or the mask a byte is XOR-ed with (a zero mask flips every bit)
 */
public record Mutation(Kind kind, int at, byte value) {

    /** The kinds of change. */
    public enum Kind { FLIP, DELETE, INSERT, DUPLICATE_LINE, DELETE_LINE, TRUNCATE }

    /** Bytes that mean something to some reader: NUL, invalid UTF-8, separators, quotes, markup. */
    static final List<Byte> SPECIAL = List.of((byte) 0x00, (byte) 0xFF, (byte) 0xC3, (byte) '\t', (byte) '\n',
            (byte) '\r', (byte) '"', (byte) '{', (byte) '}', (byte) '<', (byte) '>', (byte) '&', (byte) ';',
            (byte) '-', (byte) ',', (byte) ' ', (byte) '0', (byte) '9', (byte) '\\', (byte) '[', (byte) 0x80);

    /** Up to {@code max} mutations, one of them at least; they shrink to fewer and to earlier positions. */
    public static Arbitrary<List<Mutation>> lists(int max) {
        return one().list().ofMinSize(1).ofMaxSize(max);
    }

    /** One mutation. */
    public static Arbitrary<Mutation> one() {
        Arbitrary<Byte> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(SPECIAL)),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()));
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1 << 20), value)
                .as(Mutation::new);
    }

    /** {@code bytes} changed by this mutation; never the same bytes unless the input is empty. */
    public byte[] apply(byte[] bytes) {
        int n = bytes.length;
        switch (kind) {
            case FLIP -> {
                if (n == 0) {
                    return bytes;
                }
                byte[] out = bytes.clone();
                int i = at % n;
                out[i] = (byte) (out[i] ^ (value == 0 ? 0xFF : value));
                return out;
            }
            case DELETE -> {
                if (n == 0) {
                    return bytes;
                }
                int i = at % n;
                return concat(Arrays.copyOfRange(bytes, 0, i), Arrays.copyOfRange(bytes, i + 1, n));
            }
            case INSERT -> {
                int i = at % (n + 1);
                return concat(Arrays.copyOfRange(bytes, 0, i), new byte[] {value}, Arrays.copyOfRange(bytes, i, n));
            }
            case TRUNCATE -> {
                return n == 0 ? bytes : Arrays.copyOf(bytes, at % n);
            }
            case DUPLICATE_LINE, DELETE_LINE -> {
                List<int[]> lines = lines(bytes);
                if (lines.isEmpty()) {
                    return bytes;
                }
                int[] l = lines.get(at % lines.size());
                byte[] line = Arrays.copyOfRange(bytes, l[0], l[1]);
                byte[] before = Arrays.copyOfRange(bytes, 0, l[0]);
                byte[] after = Arrays.copyOfRange(bytes, l[1], n);
                if (kind == Kind.DELETE_LINE) {
                    return concat(before, after);
                }
                // a last line without its terminator gets one, so that the copy is a line of its own
                byte[] copy = line.length > 0 && line[line.length - 1] == '\n' ? line : concat(line, new byte[] {'\n'});
                return concat(before, copy, line, after);
            }
            default -> throw new AssertionError(kind);
        }
    }

    /** Applies every mutation in turn. */
    public static byte[] applyAll(List<Mutation> mutations, byte[] bytes) {
        byte[] out = bytes;
        for (Mutation m : mutations) {
            out = m.apply(out);
        }
        return out;
    }

    /** The lines of {@code bytes} as [start, end) with their LF, the last one possibly without. */
    private static List<int[]> lines(byte[] bytes) {
        List<int[]> out = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                out.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            out.add(new int[] {start, bytes.length});
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return kind + "@" + at + (kind == Kind.FLIP || kind == Kind.INSERT
                ? String.format(Locale.ROOT, "(0x%02X)", value & 0xFF) : "");
    }
}
