package org.corpusbench.eval.report;

/** How a predicted or gold span fared, for error analysis. */
public enum ErrorKind {
    /** Same extent and label as a gold span. */
    CORRECT,
    /** A gold span with no overlapping prediction. */
    MISSED,
    /** A prediction overlapping no gold span. */
    SPURIOUS,
    /** Same extent as a gold span, different label. */
    WRONG_TYPE,
    /** Overlaps a gold span without the same extent. */
    WRONG_BOUNDARY
}
