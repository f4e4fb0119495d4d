package org.corpusbench.evaluation;

import java.util.Locale;

/**
 * When a predicted contradiction matches a gold one: its evidence spans overlap the gold's on both sides
 * ({@link #SPAN}, the default), or lie in the same sentences ({@link #SENTENCE}, for systems that point at
 * sentences rather than phrases).
 */
public enum ContradictionMatching {
    SPAN, SENTENCE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
