package org.corpusbench.eval.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Bootstrap confidence intervals over documents: resample the documents with replacement, merge their
 * counts, compute the figure, and take percentiles of the resampled figures. Documents, not mentions,
 * are resampled because mentions in one document are not independent. Seeded, so reruns agree.
 */
public final class Bootstrap {

    /** The default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /**
     * The most resamples the command line accepts: each keeps one double, and beyond a million the
     * percentiles no longer move at the four digits reported.
     */
    public static final int MAX_RESAMPLES = 1_000_000;
    /** The most randomization rounds the command line accepts: p-values to 1e-7. */
    public static final int MAX_SHUFFLES = 10_000_000;

    /** A percentile interval around a point estimate. */
    public record Interval(double estimate, double low, double high, double level, int resamples, long seed) {
    }

    private record Pair<T>(T a, T b) {
    }

    private Bootstrap() {
    }

    /**
     * @param perDocument counts of each document
     * @param zero        the empty counts
     * @param merge       adds counts
     * @param metric      the figure computed from (merged) counts
     * @param resamples   number of resamples
     * @param level       e.g. 0.95
     * @param seed        random seed
     */
    public static <T> Interval interval(List<T> perDocument, T zero, BinaryOperator<T> merge,
                                        ToDoubleFunction<T> metric, int resamples, double level, long seed) {
        T all = perDocument.stream().reduce(zero, merge);
        double estimate = metric.applyAsDouble(all);
        int n = perDocument.size();
        if (n == 0 || resamples <= 0) {
            return new Interval(estimate, estimate, estimate, level, 0, seed);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            T sum = zero;
            for (int i = 0; i < n; i++) {
                sum = merge.apply(sum, perDocument.get(random.nextInt(n)));
            }
            values[r] = metric.applyAsDouble(sum);
        }
        Arrays.sort(values);
        double alpha = (1 - level) / 2;
        return new Interval(estimate, quantile(values, alpha), quantile(values, 1 - alpha), level, resamples, seed);
    }

    /**
     * The intervals that {@link #interval} gives for each metric, for units whose counts are the rows of
     * {@code units}: the same seed draws the same units, and the sums are of integers, so the figures are
     * identical; but one pass serves every metric and nothing is allocated per unit or per draw.
     *
     * @param metrics figures computed from column sums
     */
    public static List<Interval> intervals(CountRows units, List<ToDoubleFunction<long[]>> metrics, int resamples,
                                           double level, long seed) {
        long[] all = units.total();
        int n = units.rows();
        List<Interval> out = new ArrayList<>();
        if (n == 0 || resamples <= 0) {
            for (ToDoubleFunction<long[]> metric : metrics) {
                double estimate = metric.applyAsDouble(all);
                out.add(new Interval(estimate, estimate, estimate, level, 0, seed));
            }
            return out;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] values = new double[metrics.size()][resamples];
        long[] sum = new long[units.width()];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(sum, 0);
            for (int i = 0; i < n; i++) {
                units.addTo(random.nextInt(n), sum);
            }
            for (int m = 0; m < metrics.size(); m++) {
                values[m][r] = metrics.get(m).applyAsDouble(sum);
            }
        }
        double alpha = (1 - level) / 2;
        for (int m = 0; m < metrics.size(); m++) {
            Arrays.sort(values[m]);
            out.add(new Interval(metrics.get(m).applyAsDouble(all), quantile(values[m], alpha),
                    quantile(values[m], 1 - alpha), level, resamples, seed));
        }
        return out;
    }

    /** The q-quantile of sorted values, interpolating linearly between order statistics. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Paired comparison of two systems on the same documents: the approximate randomization test
     * (per document, swap the two systems' counts with probability ½) gives a two-sided p-value for the
     * difference {@code metric(a) - metric(b)}, with the (r+1)/(R+1) correction.
     */
    public static <T> double approximateRandomization(List<T> a, List<T> b, T zero, BinaryOperator<T> merge,
                                                      ToDoubleFunction<T> metric, int shuffles, long seed) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("systems were scored on " + a.size() + " and " + b.size()
                    + " documents; a paired test needs the same documents");
        }
        double observed = Math.abs(metric.applyAsDouble(a.stream().reduce(zero, merge))
                - metric.applyAsDouble(b.stream().reduce(zero, merge)));
        SplittableRandom random = new SplittableRandom(seed);
        int atLeast = 0;
        for (int s = 0; s < shuffles; s++) {
            T sa = zero;
            T sb = zero;
            for (int i = 0; i < a.size(); i++) {
                boolean swap = random.nextBoolean();
                sa = merge.apply(sa, swap ? b.get(i) : a.get(i));
                sb = merge.apply(sb, swap ? a.get(i) : b.get(i));
            }
            double d = Math.abs(metric.applyAsDouble(sa) - metric.applyAsDouble(sb));
            if (d >= observed - 1e-12) {
                atLeast++;
            }
        }
        return (atLeast + 1.0) / (shuffles + 1.0);
    }

    /** Bootstrap interval of the paired difference {@code metric(a) - metric(b)}, resampling documents. */
    public static <T> Interval difference(List<T> a, List<T> b, T zero, BinaryOperator<T> merge,
                                          ToDoubleFunction<T> metric, int resamples, double level, long seed) {
        List<Pair<T>> pairs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            pairs.add(new Pair<>(a.get(i), b.get(i)));
        }
        int n = pairs.size();
        double estimate = metric.applyAsDouble(a.stream().reduce(zero, merge))
                - metric.applyAsDouble(b.stream().reduce(zero, merge));
        if (n == 0 || resamples <= 0) {
            return new Interval(estimate, estimate, estimate, level, 0, seed);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            T sa = zero;
            T sb = zero;
            for (int i = 0; i < n; i++) {
                Pair<T> p = pairs.get(random.nextInt(n));
                sa = merge.apply(sa, p.a());
                sb = merge.apply(sb, p.b());
            }
            values[r] = metric.applyAsDouble(sa) - metric.applyAsDouble(sb);
        }
        Arrays.sort(values);
        double alpha = (1 - level) / 2;
        return new Interval(estimate, quantile(values, alpha), quantile(values, 1 - alpha), level, resamples, seed);
    }
}
