package org.corpusbench.model;

/**
 * Conversions between code-point offsets (what corpusbench stores) and UTF-16 indexes (what Java strings
 * use). Text with only Basic Multilingual Plane characters maps one to one; emoji and other astral
 * characters take two Java chars but one code point.
 */
public final class CodePoints {

    private CodePoints() {
    }

    /** Number of code points in {@code s}. */
    public static int length(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }

    /** The UTF-16 index of code point {@code cp} in {@code s}; {@code cp} may equal the length. */
    public static int toCharIndex(String s, int cp) {
        if (cp < 0) {
            throw new IndexOutOfBoundsException("code point offset " + cp + " is negative");
        }
        return s.offsetByCodePoints(0, cp);
    }

    /** The code-point offset of UTF-16 index {@code charIndex} in {@code s}. */
    public static int toCodePoint(String s, int charIndex) {
        return s.codePointCount(0, charIndex);
    }

    /** The substring over code points {@code [start, end)}. */
    public static String substring(String s, int start, int end) {
        int from = toCharIndex(s, start);
        int to = s.offsetByCodePoints(from, end - start);
        return s.substring(from, to);
    }
}
