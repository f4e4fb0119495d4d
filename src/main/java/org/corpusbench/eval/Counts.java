package org.corpusbench.eval;

/**
 * True positives, false positives and false negatives: the state of a detection evaluation. Counts of
 * parts add up to the counts of the whole, which is what lets evaluation run over partitions and in
 * parallel; every metric is computed from the counts at the end, never averaged from averages.
 */
public record Counts(long tp, long fp, long fn) {

    public static final Counts ZERO = new Counts(0, 0, 0);

    public Counts {
        if (tp < 0 || fp < 0 || fn < 0) {
            throw new IllegalArgumentException("counts must be >= 0, found tp=" + tp + " fp=" + fp + " fn=" + fn);
        }
    }

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

    public double precision() {
        return Prf.ratio(tp, tp + fp);
    }

    public double recall() {
        return Prf.ratio(tp, tp + fn);
    }

    public double f1() {
        return Prf.f1(precision(), recall());
    }

    public Prf prf() {
        return new Prf(precision(), recall(), f1());
    }
}
