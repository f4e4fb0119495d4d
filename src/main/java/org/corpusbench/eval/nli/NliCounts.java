package org.corpusbench.eval.nli;

import java.util.Arrays;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.Prf;
import org.corpusbench.model.NliLabel;

/**
 * A 3×3 confusion matrix (rows gold, columns predicted, in {@link NliLabel} order) plus, per gold label,
 * the pairs that got no prediction (counted wrong). Immutable; matrices add up, so parts merge into the
 * whole. (A class, not a record, because its state is an array.)
 */
public final class NliCounts {

    /** No pair: the start of a sum. */
    public static final NliCounts ZERO = new NliCounts(new long[9], new long[3]);

    private final long[] cells;
    private final long[] missing;

    private NliCounts(long[] cells, long[] missing) {
        this.cells = cells;
        this.missing = missing;
    }

    /**
     * The counts with these cells (gold by predicted, row-major, in {@link NliLabel} order: 9 of them) and
     * these pairs without a prediction per gold label (3), all >= 0; for code that keeps counts as integers,
     * such as the Poisson bootstrap's replicates. The arrays are copied.
     */
    public static NliCounts of(long[] cells, long[] missing) {
        if (cells.length != 9 || missing.length != 3) {
            throw new IllegalArgumentException("expected 9 cells and 3 missing counts, found " + cells.length
                    + " and " + missing.length);
        }
        for (long v : cells) {
            if (v < 0) {
                throw new IllegalArgumentException("counts must be >= 0, found cells " + Arrays.toString(cells));
            }
        }
        for (long v : missing) {
            if (v < 0) {
                throw new IllegalArgumentException("counts must be >= 0, found missing " + Arrays.toString(missing));
            }
        }
        return new NliCounts(cells.clone(), missing.clone());
    }

    /** The count of pairs with this gold and this predicted label. */
    public long cell(NliLabel gold, NliLabel predicted) {
        return cells[gold.ordinal() * 3 + predicted.ordinal()];
    }

    /** Gold pairs of this label that had no prediction. */
    public long missing(NliLabel gold) {
        return missing[gold.ordinal()];
    }

    /** The counts of both parts together, cell by cell. */
    public NliCounts plus(NliCounts o) {
        long[] c = new long[9];
        long[] m = new long[3];
        for (int i = 0; i < 9; i++) {
            c[i] = cells[i] + o.cells[i];
        }
        for (int i = 0; i < 3; i++) {
            m[i] = missing[i] + o.missing[i];
        }
        return new NliCounts(c, m);
    }

    /** These counts plus one pair; {@code predicted} may be {@code null} (no prediction). */
    public NliCounts add(NliLabel gold, NliLabel predicted) {
        long[] c = cells.clone();
        long[] m = missing.clone();
        if (predicted == null) {
            m[gold.ordinal()]++;
        } else {
            c[gold.ordinal() * 3 + predicted.ordinal()]++;
        }
        return new NliCounts(c, m);
    }

    /** Every gold pair counted, predicted or not: the denominator of {@link #accuracy}. */
    public long total() {
        return Arrays.stream(cells).sum() + Arrays.stream(missing).sum();
    }

    /**
     * Pairs predicted with their gold label over all pairs, a pair without a prediction counted wrong; 0 when
     * there is none.
     */
    public double accuracy() {
        return Prf.ratio(cells[0] + cells[4] + cells[8], total());
    }

    /** One-vs-rest counts of a label; a missing prediction is a false negative of its gold label. */
    public Counts counts(NliLabel l) {
        int k = l.ordinal();
        long tp = cells[k * 3 + k];
        long fp = 0;
        long fn = missing[k];
        for (int i = 0; i < 3; i++) {
            if (i != k) {
                fp += cells[i * 3 + k];
                fn += cells[k * 3 + i];
            }
        }
        return new Counts(tp, fp, fn);
    }

    /** Mean over the three labels of per-label F1: {@code macro().f1()}. */
    public double macroF1() {
        return macro().f1();
    }

    /**
     * Micro average: precision, recall and F1 of the one-vs-rest counts of the three labels summed, as
     * scikit-learn's {@code precision_recall_fscore_support(average='micro', labels=[the three])}. A pair
     * without a prediction is a false negative of its gold label and a false positive of none, so micro
     * recall is the accuracy and micro precision is the accuracy over the pairs that were predicted.
     */
    public Prf micro() {
        Counts sum = Counts.ZERO;
        for (NliLabel l : NliLabel.values()) {
            sum = sum.plus(counts(l));
        }
        return sum.prf();
    }

    /** Macro average: the unweighted mean over the three labels of each of P, R and F1 (average='macro'). */
    public Prf macro() {
        double p = 0;
        double r = 0;
        double f = 0;
        for (NliLabel l : NliLabel.values()) {
            Counts k = counts(l);
            p += k.precision();
            r += k.recall();
            f += k.f1();
        }
        return new Prf(p / 3, r / 3, f / 3);
    }

    /**
     * Weighted average: the mean over the three labels of each of P, R and F1 weighted by the label's
     * support (its gold pairs, predicted or not), as average='weighted'; all 0 when there is no gold pair.
     * F1 is the weighted mean of the per-label F1s, not the harmonic mean of the weighted P and R.
     */
    public Prf weighted() {
        double p = 0;
        double r = 0;
        double f = 0;
        long support = 0;
        for (NliLabel l : NliLabel.values()) {
            Counts k = counts(l);
            long w = k.gold();
            support += w;
            p += w * k.precision();
            r += w * k.recall();
            f += w * k.f1();
        }
        return new Prf(Prf.ratio(p, support), Prf.ratio(r, support), Prf.ratio(f, support));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NliCounts n && Arrays.equals(cells, n.cells) && Arrays.equals(missing, n.missing);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cells) * 31 + Arrays.hashCode(missing);
    }

    @Override
    public String toString() {
        return "NliCounts" + Arrays.toString(cells) + " missing=" + Arrays.toString(missing);
    }
}
