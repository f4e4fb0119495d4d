package org.corpusbench.eval.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A streaming, mergeable bootstrap: B replicate sums of the units' counts, each unit weighted in replicate b by
 * a Poisson(1) draw that depends only on the seed, the unit's key and b. Units arrive one at a time, in any
 * order and in any number of parts; memory is B × width longs however many units there are; two accumulators
 * of disjoint units merge exactly, so the result does not depend on how the input was split (issue 15, for
 * single-machine scoring of large inputs; issue 16, for Spark partitions). Intervals are computed last, from
 * the replicate sums, with any metric of the task's counts.
 *
 * <p><b>Why Poisson weights.</b> The classic {@link Bootstrap} draws n units with replacement, which needs every
 * unit at hand (n and random access). Drawing instead each unit's multiplicity independently from Poisson(1),
 * the limit of Binomial(n, 1/n), needs neither: the resample is the same kind of object (counts weighted by
 * non-negative integers summing to about n), and for the ratio figures reported here the two bootstraps agree
 * as n grows (the weights' total, Poisson(n) instead of n, scales numerator and denominator alike). For small
 * n they differ beyond the Monte Carlo noise, which is why the classic bootstrap stays the default there and
 * for the benchmark releases. Weights: see {@link PoissonWeights} (SplitMix64 as a counter-based generator,
 * exact inversion with 64-bit thresholds; the same bits on every JVM).
 *
 * <p><b>Exactness.</b> Replicate sums are integers: adding a unit, or merging, only adds longs, so any order
 * and any grouping give bit-identical sums and therefore identical intervals. Sums are checked against
 * overflow: a column's unweighted total may not exceed {@code Long.MAX_VALUE / 21}.
 *
 * <p><b>Intervals.</b> The percentile interval of {@link Bootstrap}: the replicates' figures sorted, and the
 * quantiles (1 - level)/2 and (1 + level)/2 taken by linear interpolation between order statistics at position
 * q·(B - 1) (Hyndman and Fan's definition 7, R's and NumPy's default); the estimate is the figure of the
 * unweighted total. A replicate in which no unit with a count drew a weight is a resample of an empty corpus,
 * which the classic bootstrap never draws (probability e^-m for m units with counts); it is left out, and
 * {@link Bootstrap.Interval#resamples()} says how many replicates were used. No units, or B = 0, give no
 * interval: {@code resamples() == 0}, low = high = estimate, as {@link Bootstrap} does.
 *
 * <p><b>Keys.</b> Each unit needs a key of its own that does not depend on the split: a document id, or a
 * position in the whole input that every part can compute by itself (a sentence's byte offset in its file, not
 * its index within a part). Two units with the same key get the same weights; the accumulator cannot see that
 * in constant memory, so keys must be distinct. Not thread-safe: one accumulator per thread, merged at the end.
 *
 * <p><b>Serializable</b>, so that an accumulator filled in one JVM (a Spark task, issue 16) is merged in
 * another; its layout is serializable too ({@link CountLayout}).
 *
 * @param <T> the task's counts, laid out by a {@link CountLayout}
 */
public final class PoissonBootstrap<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The number of units above which a command is meant to use this bootstrap rather than the classic one
     * (not wired yet: issue 15). Far above every benchmark release (5 documents, 65 NLI pairs), whose
     * published intervals therefore stay the classic ones; at this size the two bootstraps' distributions
     * differ by far less than the Monte Carlo noise of 1000 replicates, and the classic one keeps under 1 MB
     * of rows for entities. A streaming command can keep the rows of the first units and this accumulator side
     * by side, and drop the rows once there are more units than this.
     */
    public static final int STREAMING_ABOVE_UNITS = 10_000;

    /** How a unit's counts become {@link #width} integers. */
    private final CountLayout<T> layout;
    /** B. */
    private final int replicates;
    /** The bootstrap seed, with which each unit's key fixes its weights. */
    private final long seed;
    /** The layout's width. */
    private final int width;
    /** Column-major: {@code sums[k][b]} is column k of replicate b. */
    private final long[][] sums;
    /** The unweighted column sums of every unit added. */
    private final long[] total;
    /** The number of units added. */
    private long units;
    /** Scratch space: one unit's weight in each replicate. */
    private final long[] weights;
    /** Scratch space: one unit's counts as integers. */
    private final long[] row;

    /**
     * @param layout     how the task's counts become integers
     * @param replicates B, the number of bootstrap replicates (0: no interval), at most {@link Bootstrap#MAX_RESAMPLES}
     * @param seed       the bootstrap seed
     */
    public PoissonBootstrap(CountLayout<T> layout, int replicates, long seed) {
        if (replicates < 0 || replicates > Bootstrap.MAX_RESAMPLES) {
            throw new IllegalArgumentException("replicates must be in [0, " + Bootstrap.MAX_RESAMPLES + "], found "
                    + replicates);
        }
        this.layout = layout;
        this.replicates = replicates;
        this.seed = seed;
        this.width = layout.width();
        if (width < 1) {
            throw new IllegalArgumentException("a layout's width must be at least 1, found " + width);
        }
        this.sums = new long[width][replicates];
        this.total = new long[width];
        this.weights = new long[replicates];
        this.row = new long[width];
    }

    /** Adds the unit with this id (e.g. a document id). */
    public void add(String unitId, T counts) {
        add(PoissonWeights.unitSeed(seed, unitId), counts, unitId, 0);
    }

    /** Adds the unit at this position of the whole input (e.g. a sentence's byte offset in its file). */
    public void add(long unitPosition, T counts) {
        add(PoissonWeights.unitSeed(seed, unitPosition), counts, null, unitPosition);
    }

    /** Adds a unit: its key is {@code id}, or {@code position} when id is null (named in errors only). */
    private void add(long unitSeed, T counts, String id, long position) {
        Arrays.fill(row, 0);
        layout.write(counts, row);
        boolean any = false;
        for (int k = 0; k < width; k++) {
            long c = row[k];
            if (c < 0) {
                throw new IllegalArgumentException("unit " + (id == null ? "at " + position : "'" + id + "'")
                        + ": count " + k + " is " + c + "; expected >= 0");
            }
            if (c > LIMIT - total[k]) {
                throw overflow(k);
            }
            any |= c != 0;
        }
        units++;
        if (!any) {
            return; // weight × 0 = 0 in every replicate: nothing to draw
        }
        PoissonWeights.weights(unitSeed, weights);
        for (int k = 0; k < width; k++) {
            long c = row[k];
            if (c == 0) {
                continue;
            }
            total[k] += c;
            long[] column = sums[k];
            if (c == 1) {
                for (int b = 0; b < replicates; b++) {
                    column[b] += weights[b];
                }
            } else {
                for (int b = 0; b < replicates; b++) {
                    column[b] += weights[b] * c;
                }
            }
        }
    }

    /** Replicate sums stay below {@code MAX_WEIGHT × LIMIT}, which fits a long. */
    private static final long LIMIT = Long.MAX_VALUE / PoissonWeights.MAX_WEIGHT;

    private static ArithmeticException overflow(int column) {
        return new ArithmeticException("count " + column + " would exceed " + LIMIT + " in total, beyond which the "
                + "bootstrap's weighted sums could overflow");
    }

    /**
     * Adds {@code other}'s units to this accumulator (which it changes, and returns); {@code other} is left as
     * it was. The two must hold disjoint units and have equal layouts, replicate counts and seeds.
     */
    public PoissonBootstrap<T> merge(PoissonBootstrap<T> other) {
        if (other == this) {
            throw new IllegalArgumentException("an accumulator cannot be merged with itself: its units would count "
                    + "twice");
        }
        if (!layout.equals(other.layout) || replicates != other.replicates || seed != other.seed) {
            throw new IllegalArgumentException("cannot merge a bootstrap of " + other.replicates + " replicates, seed "
                    + other.seed + ", layout " + other.layout + " into one of " + replicates + " replicates, seed "
                    + seed + ", layout " + layout + "; expected the same three");
        }
        for (int k = 0; k < width; k++) {
            if (other.total[k] > LIMIT - total[k]) {
                throw overflow(k);
            }
        }
        for (int k = 0; k < width; k++) {
            total[k] += other.total[k];
            long[] column = sums[k];
            long[] theirs = other.sums[k];
            for (int b = 0; b < replicates; b++) {
                column[b] += theirs[b];
            }
        }
        units += other.units;
        return this;
    }

    /** The number of units added, here or in the accumulators merged into this one. */
    public long units() {
        return units;
    }

    /** B. */
    public int replicates() {
        return replicates;
    }

    /**
     * The bootstrap seed: with a unit's key it fixes the unit's weight in every replicate, and only
     * accumulators of one seed merge.
     */
    public long seed() {
        return seed;
    }

    /** How a unit's counts become the integers summed here; only accumulators of equal layouts merge. */
    public CountLayout<T> layout() {
        return layout;
    }

    /** The counts of all units, unweighted: what the point estimate is computed from. */
    public T total() {
        return layout.read(total.clone());
    }

    /** The counts of replicate {@code b}: each unit's counts times its weight in that replicate, summed. */
    public T replicate(int b) {
        return layout.read(replicateVector(b));
    }

    private long[] replicateVector(int b) {
        if (b < 0 || b >= replicates) {
            throw new IndexOutOfBoundsException("replicate " + b + " of " + replicates);
        }
        long[] v = new long[width];
        for (int k = 0; k < width; k++) {
            v[k] = sums[k][b];
        }
        return v;
    }

    /** Whether the two hold bit-identical sums: the same units, however they were added and merged. */
    public boolean sameSums(PoissonBootstrap<?> other) {
        return units == other.units && replicates == other.replicates && seed == other.seed
                && layout.equals(other.layout) && Arrays.equals(total, other.total)
                && Arrays.deepEquals(sums, other.sums);
    }

    /** The percentile interval of {@code metric} at {@code level} (e.g. 0.95). */
    public Bootstrap.Interval interval(ToDoubleFunction<T> metric, double level) {
        return intervals(List.of(metric), level).get(0);
    }

    /** The percentile interval of each metric, from one pass over the replicates. */
    public List<Bootstrap.Interval> intervals(List<ToDoubleFunction<T>> metrics, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), found " + level);
        }
        T all = total();
        List<Bootstrap.Interval> out = new ArrayList<>();
        if (units == 0 || replicates == 0) {
            for (ToDoubleFunction<T> metric : metrics) {
                double estimate = metric.applyAsDouble(all);
                out.add(new Bootstrap.Interval(estimate, estimate, estimate, level, 0, seed));
            }
            return out;
        }
        boolean anyCount = false;
        for (long t : total) {
            anyCount |= t != 0;
        }
        double[][] values = new double[metrics.size()][replicates];
        int used = 0;
        for (int b = 0; b < replicates; b++) {
            long[] v = replicateVector(b);
            if (anyCount && isZero(v)) {
                continue; // a resample of an empty corpus (see the class comment)
            }
            T counts = layout.read(v);
            for (int m = 0; m < metrics.size(); m++) {
                values[m][used] = metrics.get(m).applyAsDouble(counts);
            }
            used++;
        }
        double alpha = (1 - level) / 2;
        for (int m = 0; m < metrics.size(); m++) {
            double estimate = metrics.get(m).applyAsDouble(all);
            if (used == 0) {
                out.add(new Bootstrap.Interval(estimate, estimate, estimate, level, 0, seed));
                continue;
            }
            double[] sorted = Arrays.copyOf(values[m], used);
            Arrays.sort(sorted);
            out.add(new Bootstrap.Interval(estimate, Bootstrap.quantile(sorted, alpha),
                    Bootstrap.quantile(sorted, 1 - alpha), level, used, seed));
        }
        return out;
    }

    private static boolean isZero(long[] v) {
        for (long x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
