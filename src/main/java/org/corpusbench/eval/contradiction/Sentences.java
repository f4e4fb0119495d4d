package org.corpusbench.eval.contradiction;

import java.util.ArrayList;
import java.util.List;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Span;

/**
 * A simple sentence splitter for sentence-level matching: a sentence ends after {@code .}, {@code !} or
 * {@code ?} (and any closing quotes) followed by whitespace, and at every line break. Deliberately plain
 * and deterministic, so sentence-level scores do not depend on a model.
 */
public final class Sentences {

    private Sentences() {
    }

    /**
     * The sentences of {@code text}, in order, as spans in code points whose surface is the sentence without
     * the white space around it; a stretch that is only white space gives no sentence.
     */
    public static List<Span> of(String text) {
        List<Span> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean end = false;
            int next = i + 1;
            if (c == '\n') {
                end = true;
            } else if (c == '.' || c == '!' || c == '?') {
                int j = i + 1;
                while (j < n && "'\"’”".indexOf(text.charAt(j)) >= 0) {
                    j++;
                }
                if (j == n || Character.isWhitespace(text.charAt(j))) {
                    end = true;
                    next = j;
                }
            }
            if (end) {
                add(text, start, c == '\n' ? i : next, out);
                start = next;
            }
            i = next;
        }
        add(text, start, n, out);
        return out;
    }

    private static void add(String text, int from, int to, List<Span> out) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            int s = CodePoints.toCodePoint(text, from);
            out.add(new Span(s, s + text.codePointCount(from, to), text.substring(from, to)));
        }
    }
}
