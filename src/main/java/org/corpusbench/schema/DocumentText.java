package org.corpusbench.schema;

import java.util.Arrays;
import org.corpusbench.diagnostic.Location;

/**
 * A document's text as the cross-checks need it: its length in code points and code-point offsets
 * turned into {@code String} indexes without walking the text from the start for every span. Both are
 * computed once, on first use, in one pass that records where the surrogate pairs are (none, in most
 * texts). Lone surrogates count as one code point each, as in {@link String#codePointCount} and
 * {@link String#offsetByCodePoints}. Call {@link #index} before anything else.
 */
public final class DocumentText {

    private static final int[] NONE = new int[0];

    private final String text;
    private final Location firstSeen;
    private int length = -1;
    /** Code-point offsets of the surrogate pairs, ascending. */
    private int[] pairs = NONE;

    DocumentText(String text, Location firstSeen) {
        this.text = text;
        this.firstSeen = firstSeen;
    }

    /**
     * The indexed text of a document, for code that checks many spans against one document: each check
     * then costs the span's length plus a binary search, not a walk from the start of the text.
     */
    public static DocumentText of(String text) {
        DocumentText t = new DocumentText(text, Location.ofFile(""));
        t.index(new char[0]);
        return t;
    }

    Location firstSeen() {
        return firstSeen;
    }

    /** Whether {@link #index} has run. */
    boolean indexed() {
        return length >= 0;
    }

    /**
     * Finds the length and the surrogate pairs; call before the other methods. {@code scratch} is a
     * buffer to reuse (any size); the one to keep for next time is returned.
     */
    char[] index(char[] scratch) {
        String t = text;
        int n = t.length();
        int cp = t.codePointCount(0, n);
        if (cp == n) {
            length = n;
            return scratch;
        }
        char[] chars = scratch.length >= n ? scratch : new char[Math.max(n, scratch.length * 2)];
        t.getChars(0, n, chars, 0);
        int expected = n - cp;
        int[] found = new int[expected];
        int count = 0;
        for (int i = 0; i < n - 1 && count < expected; i++) {
            char c = chars[i];
            if (c >= '\uD800' && c <= '\uDBFF' && Character.isLowSurrogate(chars[i + 1])) {
                // code point offset: one less than the char index for every pair before it
                found[count] = i - count;
                count++;
                i++;
            }
        }
        pairs = Arrays.copyOf(found, count);
        length = cp;
        return chars;
    }

    /** Length in code points. */
    public int length() {
        return length;
    }

    /** The {@code String} index of code point {@code cp}, for {@code 0 <= cp <= length()}. */
    int charIndex(int cp) {
        int[] p = pairs;
        if (p.length == 0 || cp <= p[0]) {
            return cp;
        }
        // every pair that starts before cp adds one char
        int lo = 0;
        int hi = p.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (p[mid] < cp) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return cp + lo;
    }

    /** The text over code points {@code [start, end)}, for {@code 0 <= start <= end <= length()}. */
    public String substring(int start, int end) {
        return text.substring(charIndex(start), charIndex(end));
    }

    /** Whether the text over code points {@code [start, end)} equals {@code s}, without copying it. */
    public boolean matches(int start, int end, String s) {
        int from = charIndex(start);
        int to = charIndex(end);
        return to - from == s.length() && text.regionMatches(from, s, 0, s.length());
    }
}
