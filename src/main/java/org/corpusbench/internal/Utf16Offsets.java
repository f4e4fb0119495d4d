package org.corpusbench.internal;

import java.util.Locale;

/**
 * Offsets counted in UTF-16 code units, as Java and JavaScript strings count them, which is what WebAnno TSV
 * (INCEpTION) and doccano write (issue 17). corpusbench counts code points; the two agree until the first
 * character outside the Basic Multilingual Plane (an emoji, 𝔘), which is one code point but two UTF-16 units.
 * An offset read from such a file must therefore also not fall between the two units of one character.
 */
public final class Utf16Offsets {

    private Utf16Offsets() {
    }

    /**
     * Why {@code offset} is not a UTF-16 offset of {@code text} (negative, past its end, or between the two
     * units of a surrogate pair), or {@code null} when it is one.
     */
    public static String problem(CharSequence text, long offset) {
        if (offset < 0) {
            return "offset " + offset + " is negative";
        }
        if (offset > text.length()) {
            return "offset " + offset + " is past the end of the text, which has " + text.length()
                    + " UTF-16 units (" + Character.codePointCount(text, 0, text.length()) + " code points)";
        }
        int i = (int) offset;
        if (i > 0 && i < text.length() && Character.isHighSurrogate(text.charAt(i - 1))
                && Character.isLowSurrogate(text.charAt(i))) {
            return "offset " + offset + " falls between the two UTF-16 units of U+"
                    + Integer.toHexString(Character.codePointAt(text, i - 1)).toUpperCase(Locale.ROOT)
                    + " (one character); offsets here count UTF-16 units, so a character outside the Basic "
                    + "Multilingual Plane counts 2 (were they written as code points?)";
        }
        return null;
    }

    /** The code-point offset of UTF-16 offset {@code offset}, which {@link #problem} found valid. */
    public static int toCodePoint(String text, int offset) {
        return text.codePointCount(0, offset);
    }

    /** The UTF-16 offset of code-point offset {@code codePoint} of {@code text}. */
    public static int fromCodePoint(String text, int codePoint) {
        return text.offsetByCodePoints(0, codePoint);
    }
}
