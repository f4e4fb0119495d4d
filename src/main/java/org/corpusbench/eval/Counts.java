package org.corpusbench.eval;

/**
 * True positives, false positives and false negatives: the state of a detection evaluation. Counts of
 * parts add up to the counts of the whole, which is what lets evaluation run over partitions and in
 * parallel; every metric is computed from the counts at the end, never averaged from averages.
 */
public record Counts(long tp, long fp, long fn) {

    /** No item at all: the start of a sum. */
    public static final Counts ZERO = new Counts(0, 0, 0);

    /** Refuses a negative count. */
    public Counts {
        if (tp < 0 || fp < 0 || fn < 0) {
            throw new IllegalArgumentException("counts must be >= 0, found tp=" + tp + " fp=" + fp + " fn=" + fn);
        }
    }

    /** The counts of both parts together; adding the counts of parts gives the counts of the whole. */
    public Counts plus(Counts o) {
        return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
    }

    /** Number of predicted items: tp + fp. */
    public long predicted() {
        return tp + fp;
    }

    /** Number of gold items: tp + fn. */
    public long gold() {
        return tp + fn;
    }

    /** tp / (tp + fp); 0 when nothing was predicted. */
    public double precision() {
        return Prf.ratio(tp, tp + fp);
    }

    /** tp / (tp + fn); 0 when there is no gold item. */
    public double recall() {
        return Prf.ratio(tp, tp + fn);
    }

    /** The harmonic mean of precision and recall; 0 when both are 0. */
    public double f1() {
        return Prf.f1(precision(), recall());
    }

    /** Precision, recall and F1 together, computed from these counts. */
    public Prf prf() {
        return new Prf(precision(), recall(), f1());
    }
}
