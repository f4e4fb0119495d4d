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

    public static final NliCounts ZERO = new NliCounts(new long[9], new long[3]);

    private final long[] cells;
    private final long[] missing;

    private NliCounts(long[] cells, long[] missing) {
        this.cells = cells;
        this.missing = missing;
    }

    /** The count of pairs with this gold and this predicted label. */
    public long cell(NliLabel gold, NliLabel predicted) {
        return cells[gold.ordinal() * 3 + predicted.ordinal()];
    }

    /** Gold pairs of this label that had no prediction. */
    public long missing(NliLabel gold) {
        return missing[gold.ordinal()];
    }

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

    public long total() {
        return Arrays.stream(cells).sum() + Arrays.stream(missing).sum();
    }

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

    /** Mean over the three labels of per-label F1. */
    public double macroF1() {
        double f = 0;
        for (NliLabel l : NliLabel.values()) {
            f += counts(l).f1();
        }
        return f / 3;
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
