package org.corpusbench.eval.entity;

import java.util.Locale;

/**
 * The four SemEval-2013 Task 9.1 schemes, as nervaluate names them (nervaluate's {@code ent_type} is
 * {@code type} here).
 */
public enum SpanScheme {
    /** Exact boundary and type. */
    STRICT,
    /** Exact boundary, any type. */
    EXACT,
    /** Overlap, any type; a partial match earns half credit. */
    PARTIAL,
    /** Overlap and the same type. */
    TYPE;

    /** The lower-case name the reports use ({@code strict}, {@code exact}, {@code partial}, {@code type}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether partial matches earn half credit in precision and recall. */
    boolean halfCredit() {
        return this == PARTIAL || this == TYPE;
    }
}
