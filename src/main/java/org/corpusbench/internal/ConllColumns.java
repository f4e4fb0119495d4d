package org.corpusbench.internal;

import java.util.Arrays;

/**
 * The columns of one line of a CoNLL file: the maximal runs of characters that are not white space in
 * Java's sense ({@link Character#isWhitespace}: spaces, tabs, the other ASCII separators and the Unicode
 * space characters except the non-breaking ones). These are exactly the characters the CoNLL writer
 * refuses inside a token, so that every line it writes splits back into its columns; a line without a
 * column is blank. The importer and the tag evaluators split with this one class (issue 13: each had its
 * own, and they disagreed on which characters separate columns).
 *
 * <p>The bounds are found by hand into arrays that are reused from line to line, and a column becomes a
 * {@code String} only when asked for, because splitting with a regular expression into a string per
 * column was most of the cost of reading a tag file (docs/performance.md). An instance is not thread-safe.
 * conlleval's own splitting ({@code eval.tags.ConllevalCounter}) is not this: it follows Perl's
 * {@code split} at a configurable delimiter, on bytes.
 */
public final class ConllColumns {

    private String line = "";
    private int count;
    private int[] starts = new int[8];
    private int[] ends = new int[8];

    /**
     * Finds the columns of {@code line} (without its line terminator), replacing those of the line before.
     *
     * @return the number of columns; 0 for a blank line
     */
    public int split(String line) {
        this.line = line;
        int n = 0;
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || separates(line.charAt(i))) {
                if (start >= 0) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                        ends = Arrays.copyOf(ends, n * 2);
                    }
                    starts[n] = start;
                    ends[n] = i;
                    n++;
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        count = n;
        return n;
    }

    /** The number of columns of the line last split. */
    public int count() {
        return count;
    }

    /** Column {@code i} (from 0) of the line last split. */
    public String get(int i) {
        return line.substring(starts[check(i)], ends[i]);
    }

    /** Whether column {@code i} of the line last split is {@code s}, without making a string of it. */
    public boolean is(int i, String s) {
        int from = starts[check(i)];
        return ends[i] - from == s.length() && line.startsWith(s, from);
    }

    private int check(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("column " + i + " of a line of " + count + " columns");
        }
        return i;
    }

    /**
     * Whether {@code c} separates columns. No white space character lies outside the Basic Multilingual
     * Plane, so a surrogate never does, and looking at chars is looking at code points.
     */
    static boolean separates(char c) {
        if (c == ' ' || c == '\t') {
            return true;
        }
        // the other white space is below the space or at U+1680 and above; skip the lookup for the rest
        return (c < ' ' || c >= '\u1680') && Character.isWhitespace(c);
    }
}
