package org.corpusbench.agreement;

import java.util.ArrayList;
import java.util.List;
import org.corpusbench.model.EntityMention;

/**
 * The tokenisation under the token-level kappas, deliberately plain so that it needs no model and gives
 * the same tokens on every machine: a token is a maximal run of letters, digits and combining marks, or
 * any other single code point that is not white space (so {@code "Putin's"} is {@code Putin}, {@code '},
 * {@code s}, and an emoji is a token of its own). Offsets are code points, end exclusive.
 *
 * <p>Each token is labelled with the type of the annotator's entity that contains its first code point,
 * or {@value #OUTSIDE} when none does; an annotator's entities never overlap (they are validated as gold),
 * so there is at most one.
 */
final class Tokens {

    /** The label of a token outside every entity. */
    static final String OUTSIDE = "O";

    /** A token {@code [start, end)} in code points. */
    record Token(int start, int end) {
    }

    private Tokens() {
    }

    static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        int cp = 0;
        int runStart = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isWordPart(c)) {
                if (runStart < 0) {
                    runStart = cp;
                }
            } else {
                if (runStart >= 0) {
                    out.add(new Token(runStart, cp));
                    runStart = -1;
                }
                if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                    out.add(new Token(cp, cp + 1));
                }
            }
            i += Character.charCount(c);
            cp++;
        }
        if (runStart >= 0) {
            out.add(new Token(runStart, cp));
        }
        return out;
    }

    private static boolean isWordPart(int c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    /** The label of each token: the type of the entity containing its first code point, or {@value #OUTSIDE}. */
    static String[] labels(List<Token> tokens, List<EntityMention> entities) {
        List<EntityMention> sorted = new ArrayList<>(entities);
        sorted.sort((a, b) -> a.span().compareTo(b.span()));
        String[] out = new String[tokens.size()];
        int e = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int s = tokens.get(i).start();
            while (e < sorted.size() && sorted.get(e).span().end() <= s) {
                e++;
            }
            out[i] = e < sorted.size() && sorted.get(e).span().start() <= s ? sorted.get(e).type() : OUTSIDE;
        }
        return out;
    }
}
