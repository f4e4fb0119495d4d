package org.corpusbench.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;

/**
 * The columns of one line of UTF-8 bytes, found without decoding it: the bounds of each column in arrays reused
 * from line to line. The byte-level scorers share it (issue 15): {@code conlleval} splits as Perl's
 * {@code split} does at its delimiter ({@link #splitAt(byte[], int, int, byte[])}, {@link #splitAt(byte[], int,
 * int, Matcher)}), {@code evaluate --task tags} at white space as {@link ConllColumns} defines it
 * ({@link #splitAtWhiteSpace}), so that both read a line in one scan and make a string of nothing but the few
 * distinct tags. An instance is not thread-safe.
 */
public final class ByteColumns {

    private int count;
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private boolean ascii;
    private final ByteChars chars = new ByteChars();

    /**
     * Splits {@code buf[from, to)} into the maximal runs of bytes that are not white space in
     * {@link ConllColumns}'s sense (so the columns are exactly those of the decoded line), replacing the
     * columns of the line before. The line is taken to be valid UTF-8 (check it with
     * {@link Utf8LineReader#firstInvalid} when {@link #ascii()} is false); on other bytes the columns are
     * unspecified but the call is safe.
     *
     * @return the number of columns; 0 for a blank line
     */
    public int splitAtWhiteSpace(byte[] buf, int from, int to) {
        int n = 0;
        int start = -1;
        boolean onlyAscii = true;
        int i = from;
        while (i < to) {
            int b = buf[i];
            int width;
            if (b >= 0) {
                width = b == ' ' || b == '\t' || b < ' ' && ConllColumns.separates((char) b) ? 1 : 0;
            } else {
                onlyAscii = false;
                // White space beyond ASCII is all in U+1680..U+3000: three bytes, led by E1, E2 or E3.
                width = 0;
                int lead = b & 0xFF;
                if (lead >= 0xE1 && lead <= 0xE3 && i + 2 < to) {
                    int c = (lead & 0x0F) << 12 | (buf[i + 1] & 0x3F) << 6 | buf[i + 2] & 0x3F;
                    if (ConllColumns.separates((char) c)) {
                        width = 3;
                    }
                }
            }
            if (width > 0) {
                if (start >= 0) {
                    n = column(n, start, i);
                    start = -1;
                }
                i += width;
            } else {
                if (start < 0) {
                    start = i;
                }
                i++;
            }
        }
        if (start >= 0) {
            n = column(n, start, to);
        }
        ascii = onlyAscii;
        count = n;
        return n;
    }

    /**
     * Splits {@code buf[from, to)} as Perl's {@code split(/d/, line)} does with a literal delimiter {@code d}:
     * leading empty fields are kept, trailing ones dropped.
     *
     * @return the number of fields
     */
    public int splitAt(byte[] buf, int from, int to, byte[] delimiter) {
        int n = 0;
        int start = from;
        int lastNonEmpty = 0;
        byte first = delimiter[0];
        int dl = delimiter.length;
        for (int i = from; i <= to - dl; i++) {
            if (buf[i] == first && (dl == 1 || Arrays.equals(buf, i, i + dl, delimiter, 0, dl))) {
                n = column(n, start, i);
                if (i > start) {
                    lastNonEmpty = n;
                }
                start = i + dl;
                i += dl - 1;
            }
        }
        n = column(n, start, to);
        if (to > start) {
            lastNonEmpty = n;
        }
        count = lastNonEmpty;
        return lastNonEmpty;
    }

    /**
     * As {@link #splitAt(byte[], int, int, byte[])}, at the matches of a pattern that never matches the empty
     * string, run over the bytes as ISO-8859-1 characters (one per byte, as Perl sees a line it did not decode).
     */
    public int splitAt(byte[] buf, int from, int to, Matcher matcher) {
        chars.set(buf, from, to);
        matcher.reset(chars);
        int n = 0;
        int start = from;
        int lastNonEmpty = 0;
        while (matcher.find()) {
            int i = from + matcher.start();
            n = column(n, start, i);
            if (i > start) {
                lastNonEmpty = n;
            }
            start = from + matcher.end();
        }
        n = column(n, start, to);
        if (to > start) {
            lastNonEmpty = n;
        }
        matcher.reset("");
        count = lastNonEmpty;
        return lastNonEmpty;
    }

    private int column(int n, int start, int end) {
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
        }
        starts[n] = start;
        ends[n] = end;
        return n + 1;
    }

    /** The number of columns of the line last split. */
    public int count() {
        return count;
    }

    /** Where column {@code i} (from 0) of the line last split starts in its buffer. */
    public int start(int i) {
        return starts[check(i)];
    }

    /** Where column {@code i} of the line last split ends (exclusive). */
    public int end(int i) {
        return ends[check(i)];
    }

    /** Whether column {@code i} of the line last split, in {@code buf}, is the bytes {@code what}. */
    public boolean is(byte[] buf, int i, byte[] what) {
        return Arrays.equals(buf, starts[check(i)], ends[i], what, 0, what.length);
    }

    /** Whether the line last split by {@link #splitAtWhiteSpace} was all ASCII (so valid UTF-8). */
    public boolean ascii() {
        return ascii;
    }

    private int check(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("column " + i + " of a line of " + count + " columns");
        }
        return i;
    }

    /** A byte slice as chars, one per byte (ISO-8859-1), for a delimiter pattern; a view, not a copy. */
    private static final class ByteChars implements CharSequence {
        private byte[] bytes;
        private int from;
        private int to;

        void set(byte[] b, int f, int t) {
            bytes = b;
            from = f;
            to = t;
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[from + index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, from + start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }
}
