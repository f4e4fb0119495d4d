package org.corpusbench.eval.tags;

import java.util.Locale;

/** How chunks are decoded: leniently as conlleval and seqeval's default do, or strictly by scheme. */
public enum TagMode {
    /** conlleval's rules, as seqeval's default mode: every sequence gives chunks, malformed ones included. */
    DEFAULT,
    /** seqeval's strict mode: only chunks well formed in a given scheme; a prefix it forbids is an error. */
    STRICT;

    /**
     * The mode of that name, case-insensitively; {@code null} when it is neither, for the caller to refuse
     * with the choices.
     */
    public static TagMode parse(String s) {
        for (TagMode m : values()) {
            if (m.name().equalsIgnoreCase(s)) {
                return m;
            }
        }
        return null;
    }

    /** The lower-case name, as options and reports spell it ({@code default}, {@code strict}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
