package org.corpusbench.eval.stats;

import java.io.Serializable;

/**
 * How a task's counts are laid out as a fixed number of non-negative integers, and read back: what lets one
 * {@link PoissonBootstrap} serve every task. Counts add up column by column ({@code read(write(a) + write(b))}
 * equals {@code a.plus(b)}), so a weighted sum of unit vectors read back is the counts of a resample, and a
 * figure of it is the task's own metric (e.g. {@code TimexCounts::valueF1}), never a second implementation.
 *
 * <p>Implementations for the counts of every task are in {@link CountLayouts}; they are records, so two
 * layouts built alike are equal, which is what {@link PoissonBootstrap#merge} checks. Layouts are
 * {@link Serializable}, as the accumulators that hold them are (issue 16: an accumulator filled by a Spark task
 * is merged on the driver).
 *
 * @param <T> the task's counts (e.g. {@code Counts}, {@code TimexCounts}, {@code NliCounts})
 */
public interface CountLayout<T> extends Serializable {

    /** The number of integers a unit's counts take. */
    int width();

    /**
     * Writes {@code counts} into {@code into[0 .. width)}, replacing what was there.
     *
     * @throws IllegalArgumentException if the counts do not fit this layout (e.g. a label it does not list)
     */
    void write(T counts, long[] into);

    /** The counts whose vector is {@code vector} ({@code width} integers, each >= 0). */
    T read(long[] vector);
}
