package org.corpusbench.evaluation;

import java.util.Locale;

/**
 * When a predicted contradiction matches a gold one: its evidence spans overlap the gold's on both sides
 * ({@link #SPAN}, the default), or lie in the same sentences ({@link #SENTENCE}, for systems that point at
 * sentences rather than phrases).
 */
public enum ContradictionMatching {
    /** Each side of the prediction overlaps a side of the gold pair in the same document, in either order. */
    SPAN,
    /** Each side of the prediction starts in the sentence where a side of the gold pair starts. */
    SENTENCE;

    /** The lower-case name, as {@code evaluate --mode} takes it for contradictions and the JSON report records it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
