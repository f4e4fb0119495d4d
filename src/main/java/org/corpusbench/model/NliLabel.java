package org.corpusbench.model;

import java.util.Locale;

/** The three labels of SNLI-style natural language inference. */
public enum NliLabel {
    /** The hypothesis follows from the premise. */
    ENTAILMENT,
    /** The premise neither implies nor rules out the hypothesis. */
    NEUTRAL,
    /** The hypothesis cannot be true if the premise is. */
    CONTRADICTION;

    /** The lower-case name used in files ({@code entailment}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively; {@code null} when it is not one of the three. */
    public static NliLabel parse(String s) {
        for (NliLabel l : values()) {
            if (l.wireName().equalsIgnoreCase(s)) {
                return l;
            }
        }
        return null;
    }
}
