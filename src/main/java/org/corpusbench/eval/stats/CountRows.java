package org.corpusbench.eval.stats;

import java.util.Arrays;

/**
 * Non-negative integer counts of many units (sentences, documents), one row of {@code width} counts a
 * unit, in one growable array: a bootstrap over millions of units then needs no object per unit and
 * no object per resample. Rows are only added.
 */
public final class CountRows {

    private final int width;
    private int[] data;
    private int rows;

    /** An empty table of {@code width} counts a row; {@code width} is at least 1. */
    public CountRows(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, found " + width);
        }
        this.width = width;
        this.data = new int[width * 16];
    }

    /** Appends one unit's counts; there must be {@code width} of them, each in [0, 2^31). */
    public void add(long... counts) {
        if (counts.length != width) {
            throw new IllegalArgumentException("expected " + width + " counts, found " + counts.length);
        }
        if ((long) (rows + 1) * width > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many units for one table: " + rows);
        }
        if ((rows + 1) * width > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max((rows + 1L) * width,
                    data.length * 2L)));
        }
        for (int k = 0; k < width; k++) {
            if (counts[k] < 0 || counts[k] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("count " + counts[k] + " out of range [0, 2^31)");
            }
            data[rows * width + k] = (int) counts[k];
        }
        rows++;
    }

    /** Number of units added. */
    public int rows() {
        return rows;
    }

    /** Number of counts each unit has. */
    public int width() {
        return width;
    }

    /** Adds row {@code row} to {@code sum}. */
    void addTo(int row, long[] sum) {
        int at = row * width;
        for (int k = 0; k < width; k++) {
            sum[k] += data[at + k];
        }
    }

    /** The column sums over all rows. */
    public long[] total() {
        long[] sum = new long[width];
        for (int r = 0; r < rows; r++) {
            addTo(r, sum);
        }
        return sum;
    }
}
