package org.corpusbench.schema;

import java.util.Arrays;
import org.corpusbench.diagnostic.Location;

/**
 * A document's text as the cross-checks need it: its length in code points, and the text over a range
 * of code-point offsets, without walking the text from the start for every span.
 *
 * <p>The validator keeps one for every document until the last annotation is checked, so it is stored
 * compactly (issue 15): as UTF-8, one byte per ASCII character where a Java string holding a single
 * character outside Latin-1 (an emoji) takes two bytes for every character, plus the byte offset of every
 * 64th code point. A lone surrogate, which UTF-8 cannot hold, is stored as the three bytes its code unit
 * would take, so that it still counts as one code point, as in {@link String#codePointCount} and
 * {@link String#offsetByCodePoints}, and comes back out unchanged. Immutable once built, so that any
 * number of threads may check spans against it.
 */
public final class DocumentText {

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Code points between two recorded byte offsets. */
    private static final int STEP_BITS = 6;

    private final Location firstSeen;
    /** The text encoded as UTF-8, lone surrogates as their three-byte form. */
    private final byte[] bytes;
    private final int length;
    /** {@code marks[k - 1]} is the byte offset of code point {@code k << STEP_BITS}; empty when all ASCII. */
    private final int[] marks;

    DocumentText(String text, Location firstSeen) {
        this.firstSeen = firstSeen;
        int n = text.length();
        byte[] out = new byte[n];
        int[] m = new int[n >>> STEP_BITS];
        int count = 0;
        int j = 0;
        int cp = 0;
        // one pass: encode, count code points, and note the byte offset of every 64th
        for (int i = 0; i < n; i++, cp++) {
            if ((cp & ((1 << STEP_BITS) - 1)) == 0 && cp > 0) {
                m[count++] = j;
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                if (j == out.length) {
                    out = Arrays.copyOf(out, grown(out.length, n - i));
                }
                out[j++] = (byte) c;
                continue;
            }
            if (j + 4 > out.length) {
                out = Arrays.copyOf(out, grown(out.length, 4 + 3 * (n - i)));
            }
            if (c < 0x800) {
                out[j++] = (byte) (0xC0 | (c >> 6));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int v = Character.toCodePoint(c, text.charAt(++i));
                out[j++] = (byte) (0xF0 | (v >> 18));
                out[j++] = (byte) (0x80 | ((v >> 12) & 0x3F));
                out[j++] = (byte) (0x80 | ((v >> 6) & 0x3F));
                out[j++] = (byte) (0x80 | (v & 0x3F));
            } else {
                // a lone surrogate too: three bytes, one code point
                out[j++] = (byte) (0xE0 | (c >> 12));
                out[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        bytes = j == out.length ? out : Arrays.copyOf(out, j);
        length = cp;
        // all ASCII: code point offsets are byte offsets, and no marks are needed
        marks = j == cp ? new int[0] : Arrays.copyOf(m, count);
    }

    private DocumentText(Location firstSeen, byte[] bytes, int length, int[] marks) {
        this.firstSeen = firstSeen;
        this.bytes = bytes;
        this.length = length;
        this.marks = marks;
    }

    /**
     * The text whose UTF-8 encoding is {@code utf8}, which must be well-formed (no encoded surrogates) and is
     * kept, not copied: what a JSON line's text becomes without being decoded into a {@code String} first.
     * Equal to {@code new DocumentText(the decoded text, firstSeen)}.
     */
    static DocumentText ofUtf8(byte[] utf8, Location firstSeen) {
        int[] m = new int[utf8.length >>> STEP_BITS];
        int count = 0;
        int cp = 0;
        for (int i = 0; i < utf8.length; i++) {
            if ((utf8[i] & 0xC0) != 0x80) {
                if ((cp & ((1 << STEP_BITS) - 1)) == 0 && cp > 0) {
                    m[count++] = i;
                }
                cp++;
            }
        }
        return new DocumentText(firstSeen, utf8, cp, utf8.length == cp ? new int[0] : Arrays.copyOf(m, count));
    }

    /** Whether the text is empty or white space only, as {@link String#isBlank()} says of it. */
    boolean isBlank() {
        for (byte b : bytes) {
            if (b < 0) {
                return substring(0, length).isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The indexed text of a document, for code that checks many spans against one document: each check
     * then costs the span's length plus at most 63 code points, not a walk from the start of the text.
     */
    public static DocumentText of(String text) {
        return new DocumentText(text, Location.ofFile(""));
    }

    /** UTF-8 of {@code s}, except that a lone surrogate is encoded as if it were a code point. */
    static byte[] encode(String s) {
        return new DocumentText(s, Location.ofFile("")).bytes.clone();
    }

    private static int grown(int size, int atLeastMore) {
        return size + Math.max(atLeastMore, size >>> 1);
    }

    Location firstSeen() {
        return firstSeen;
    }

    /** Length in code points. */
    public int length() {
        return length;
    }

    /** The byte offset of code point {@code cp}, for {@code 0 <= cp <= length()}. */
    int byteIndex(int cp) {
        if (bytes.length == length) {
            return cp;
        }
        if (cp == length) {
            // no mark for the end when the length is a multiple of 64
            return bytes.length;
        }
        int k = cp >>> STEP_BITS;
        int i = k == 0 ? 0 : marks[k - 1];
        return skip(i, cp & ((1 << STEP_BITS) - 1));
    }

    /** The byte offset {@code count} code points after byte offset {@code from}. */
    private int skip(int from, int count) {
        int i = from;
        int c = count;
        // eight ASCII bytes are eight code points: most text is mostly ASCII
        while (c >= 8 && i + 8 <= bytes.length && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
            i += 8;
            c -= 8;
        }
        for (; c > 0; c--) {
            i += sequenceLength(bytes[i]);
        }
        return i;
    }

    private static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }

    /** The code point (or lone surrogate) whose encoding starts at byte {@code i}. */
    private int codePointAt(int i) {
        int b = bytes[i] & 0xFF;
        if (b < 0x80) {
            return b;
        }
        if (b < 0xE0) {
            return (b & 0x1F) << 6 | (bytes[i + 1] & 0x3F);
        }
        if (b < 0xF0) {
            return (b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | (bytes[i + 2] & 0x3F);
        }
        return (b & 0x07) << 18 | (bytes[i + 1] & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6 | (bytes[i + 3] & 0x3F);
    }

    /** The text over code points {@code [start, end)}, for {@code 0 <= start <= end <= length()}. */
    public String substring(int start, int end) {
        int from = byteIndex(start);
        int to = end - start < (1 << STEP_BITS) ? skip(from, end - start) : byteIndex(end);
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i += sequenceLength(bytes[i])) {
            sb.appendCodePoint(codePointAt(i));
        }
        return sb.toString();
    }

    /**
     * Whether the text over code points {@code [start, end)} equals {@code s} char for char, without
     * building it; for {@code 0 <= start <= end <= length()}.
     */
    public boolean matches(int start, int end, String s) {
        int i = byteIndex(start);
        int j = 0;
        int n = s.length();
        for (int cp = start; cp < end; cp++) {
            if (j >= n) {
                return false;
            }
            int b = bytes[i];
            if (b >= 0) {
                if (s.charAt(j) != b) {
                    return false;
                }
                i++;
                j++;
                continue;
            }
            int c = codePointAt(i);
            int d = s.codePointAt(j);
            // a lone surrogate is one char in both, and a pair is a pair only when both chars are in s
            if (c != d) {
                return false;
            }
            i += sequenceLength(bytes[i]);
            j += Character.charCount(d);
        }
        return j == n;
    }
}
