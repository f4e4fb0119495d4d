package org.corpusbench.eval.tags;

import java.util.Locale;

/** How chunks are decoded: leniently as conlleval and seqeval's default do, or strictly by scheme. */
public enum TagMode {
    DEFAULT, STRICT;

    public static TagMode parse(String s) {
        for (TagMode m : values()) {
            if (m.name().equalsIgnoreCase(s)) {
                return m;
            }
        }
        return null;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
