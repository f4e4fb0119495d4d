package org.corpusbench.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.corpusbench.eval.Counts;

/** The streaming Poisson bootstrap: splits and merges, the plain definition, degenerate cases, the classic one. */
class PoissonBootstrapTest {

    private static final List<ToDoubleFunction<Counts>> PRF = List.of(Counts::precision, Counts::recall, Counts::f1);

    @Provide
    Arbitrary<List<Counts>> units() {
        Arbitrary<Long> n = Arbitraries.longs().between(0, 9);
        return Combinators.combine(n, n, n).as(Counts::new).list().ofMaxSize(60);
    }

    /** Unit i's key: an id for even i, a position (i × 1000, as a byte offset would be) for odd i. */
    private static void add(PoissonBootstrap<Counts> acc, int i, Counts c) {
        if (i % 2 == 0) {
            acc.add("doc-" + i, c);
        } else {
            acc.add(i * 1000L, c);
        }
    }

    /**
     * Any split of the units into parts, each part in any order, the parts merged in any order and grouping:
     * the same replicate sums, bit for bit, and so the same intervals as one accumulator fed in input order.
     */
    @Property(tries = 300)
    void anySplitAndOrderMergesToTheWhole(@ForAll("units") List<Counts> units, @ForAll @IntRange(min = 1, max = 8)
            int parts, @ForAll @IntRange(max = 200) int replicates, @ForAll long seed, @ForAll long shuffle) {
        PoissonBootstrap<Counts> whole = new PoissonBootstrap<>(CountLayouts.counts(), replicates, seed);
        for (int i = 0; i < units.size(); i++) {
            add(whole, i, units.get(i));
        }
        SplittableRandom random = new SplittableRandom(shuffle);
        int[] order = permutation(units.size(), random);
        List<PoissonBootstrap<Counts>> accs = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            accs.add(new PoissonBootstrap<>(CountLayouts.counts(), replicates, seed));
        }
        for (int i : order) {
            add(accs.get(random.nextInt(parts)), i, units.get(i));
        }
        while (accs.size() > 1) { // a random merge tree
            PoissonBootstrap<Counts> a = accs.remove(random.nextInt(accs.size()));
            PoissonBootstrap<Counts> b = accs.remove(random.nextInt(accs.size()));
            accs.add(a.merge(b));
        }
        PoissonBootstrap<Counts> merged = accs.get(0);
        assertThat(merged.sameSums(whole)).isTrue();
        assertThat(merged.units()).isEqualTo(units.size());
        assertThat(merged.total()).isEqualTo(whole.total());
        assertThat(merged.intervals(PRF, 0.95)).isEqualTo(whole.intervals(PRF, 0.95));
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Merging is commutative: a + b and b + a hold the same sums (and neither changes its argument). */
    @Property(tries = 100)
    void mergeIsCommutative(@ForAll("units") List<Counts> a, @ForAll("units") List<Counts> b, @ForAll long seed) {
        PoissonBootstrap<Counts> argument = accumulate(b, a.size(), seed);
        PoissonBootstrap<Counts> ab = accumulate(a, 0, seed).merge(argument);
        PoissonBootstrap<Counts> ba = accumulate(b, a.size(), seed).merge(accumulate(a, 0, seed));
        assertThat(ab.sameSums(ba)).isTrue();
        assertThat(argument.sameSums(accumulate(b, a.size(), seed))).isTrue();
    }

    private static PoissonBootstrap<Counts> accumulate(List<Counts> units, int firstKey, long seed) {
        PoissonBootstrap<Counts> acc = new PoissonBootstrap<>(CountLayouts.counts(), 50, seed);
        for (int i = 0; i < units.size(); i++) {
            add(acc, firstKey + i, units.get(i));
        }
        return acc;
    }

    /**
     * The plain definition: replicate b is the sum over units of (the unit's b-th Poisson weight) × (its counts),
     * and the interval is the percentile interval (definition 7: position q·(N - 1), linear interpolation) of
     * the metric over the replicates that are not empty.
     */
    @Property(tries = 200)
    void replicatesAndIntervalsAreThePlainDefinition(@ForAll("units") List<Counts> units,
                                                      @ForAll @IntRange(min = 1, max = 60) int replicates,
                                                      @ForAll long seed) {
        PoissonBootstrap<Counts> acc = new PoissonBootstrap<>(CountLayouts.counts(), replicates, seed);
        for (int i = 0; i < units.size(); i++) {
            add(acc, i, units.get(i));
        }
        Counts total = units.stream().reduce(Counts.ZERO, Counts::plus);
        List<Double> f1s = new ArrayList<>();
        for (int b = 0; b < replicates; b++) {
            Counts sum = Counts.ZERO;
            for (int i = 0; i < units.size(); i++) {
                long unitSeed = i % 2 == 0 ? PoissonWeights.unitSeed(seed, "doc-" + i)
                        : PoissonWeights.unitSeed(seed, i * 1000L);
                long w = PoissonWeights.weight(PoissonWeights.draw(unitSeed, b));
                Counts c = units.get(i);
                sum = sum.plus(new Counts(w * c.tp(), w * c.fp(), w * c.fn()));
            }
            assertThat(acc.replicate(b)).isEqualTo(sum);
            if (!sum.equals(Counts.ZERO) || total.equals(Counts.ZERO)) {
                f1s.add(sum.f1());
            }
        }
        Bootstrap.Interval iv = acc.interval(Counts::f1, 0.9);
        assertThat(iv.estimate()).isEqualTo(total.f1());
        if (units.isEmpty() || f1s.isEmpty()) {
            assertThat(iv.resamples()).isZero();
            return;
        }
        double[] sorted = f1s.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertThat(iv.resamples()).isEqualTo(sorted.length);
        double alpha = (1 - 0.9) / 2; // q as the classic bootstrap computes it: 0.04999999999999999
        assertThat(iv.low()).isEqualTo(percentile(sorted, alpha));
        assertThat(iv.high()).isEqualTo(percentile(sorted, 1 - alpha));
    }

    private static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    /**
     * What is true of any data (percentile intervals need not contain the point estimate, so that is not
     * tested): low <= high, and for precision, recall and F1, which lie in [0, 1] for any counts, both bounds
     * lie in [0, 1].
     */
    @Property(tries = 200)
    void boundsAreOrderedAndWithinZeroAndOne(@ForAll("units") List<Counts> units, @ForAll long seed) {
        PoissonBootstrap<Counts> acc = accumulate(units, 0, seed);
        for (Bootstrap.Interval iv : acc.intervals(PRF, 0.95)) {
            assertThat(iv.low()).isBetween(0.0, iv.high());
            assertThat(iv.high()).isBetween(iv.low(), 1.0);
        }
    }

    /**
     * Degenerate data: n copies of one unit. Every non-empty replicate is W times the unit (W >= 1), and a
     * ratio of W·a to W·b is the same double as a / b (IEEE division is correctly rounded and W·a is exact), so
     * every replicate's figure is the estimate: a zero-width interval at it. A single unit is the same case.
     */
    @Property(tries = 100)
    void copiesOfOneUnitGiveAZeroWidthInterval(@ForAll @IntRange(min = 1, max = 40) int copies,
                                               @ForAll @IntRange(max = 50) int tp, @ForAll @IntRange(max = 50) int fp,
                                               @ForAll @IntRange(min = 1, max = 50) int fn, @ForAll long seed) {
        PoissonBootstrap<Counts> acc = new PoissonBootstrap<>(CountLayouts.counts(), 300, seed);
        for (int i = 0; i < copies; i++) {
            acc.add("copy-" + i, new Counts(tp, fp, fn));
        }
        for (Bootstrap.Interval iv : acc.intervals(PRF, 0.95)) {
            assertThat(iv.low()).isEqualTo(iv.estimate());
            assertThat(iv.high()).isEqualTo(iv.estimate());
            assertThat(iv.resamples()).isPositive();
        }
    }

    /**
     * One unit (3, 1, 2): replicate b is weight(b) × (3, 1, 2); the replicates whose weight is 0 are left out
     * (about e^-1 of them), so the interval uses exactly the replicates with weight >= 1, and has zero width.
     */
    @Example
    void emptyReplicatesAreLeftOut() {
        PoissonBootstrap<Counts> acc = new PoissonBootstrap<>(CountLayouts.counts(), 1000, 13);
        acc.add("only", new Counts(3, 1, 2));
        long[] w = new long[1000];
        PoissonWeights.weights(PoissonWeights.unitSeed(13, "only"), w);
        long nonZero = Arrays.stream(w).filter(x -> x > 0).count();
        Bootstrap.Interval iv = acc.interval(Counts::f1, 0.95);
        assertThat(iv.resamples()).isEqualTo(nonZero);
        // F1 of (3, 1, 2): P = 3/4, R = 3/5, F1 = 2·(9/20)/(27/20) = 2/3 (to rounding); low = high = estimate
        assertThat(iv.estimate()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(iv.low()).isEqualTo(iv.estimate());
        assertThat(iv.high()).isEqualTo(iv.estimate());
        assertThat(nonZero).isBetween(550L, 710L); // 1000·(1 - e^-1) = 632, ± 5 standard errors (15)
    }

    /** Units without any count: every replicate is empty, as is the total; a zero-width interval at F1 = 0. */
    @Example
    void unitsWithoutCountsGiveTheEmptyFigure() {
        PoissonBootstrap<Counts> acc = new PoissonBootstrap<>(CountLayouts.counts(), 100, 13);
        for (int i = 0; i < 10; i++) {
            acc.add(i, Counts.ZERO);
        }
        Bootstrap.Interval iv = acc.interval(Counts::f1, 0.95);
        assertThat(acc.units()).isEqualTo(10);
        assertThat(iv).isEqualTo(new Bootstrap.Interval(0, 0, 0, 0.95, 100, 13));
    }

    /** B = 0, or no units: no interval (resamples 0, low = high = estimate), as the classic bootstrap gives. */
    @Example
    void noReplicatesOrNoUnitsGiveNoInterval() {
        PoissonBootstrap<Counts> none = new PoissonBootstrap<>(CountLayouts.counts(), 0, 13);
        none.add("a", new Counts(1, 1, 0)); // P = 1/2, R = 1, F1 = 2·(1/2)/(3/2) = 2/3
        Bootstrap.Interval iv = none.interval(Counts::f1, 0.95);
        assertThat(iv.resamples()).isZero();
        assertThat(iv.estimate()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(iv.low()).isEqualTo(iv.estimate());
        assertThat(iv.high()).isEqualTo(iv.estimate());
        PoissonBootstrap<Counts> empty = new PoissonBootstrap<>(CountLayouts.counts(), 1000, 13);
        assertThat(empty.interval(Counts::f1, 0.95)).isEqualTo(new Bootstrap.Interval(0, 0, 0, 0.95, 0, 13));
        assertThat(Bootstrap.interval(List.of(new Counts(1, 1, 0)), Counts.ZERO, Counts::plus, Counts::f1, 0, 0.95,
                13)).isEqualTo(iv);
    }

    /**
     * Poisson and classic intervals on one fixed dataset of 300 documents (seed 2003; a document has g in
     * [0, 12) gold items, tp in [0, g] of them found, fp in [0, 4)), 2000 replicates each: both endpoints of
     * P, R and F1 agree within 10 % of the classic interval's width. Why 10 %: with B replicates an endpoint
     * (2.5 or 97.5 percentile) has a Monte Carlo standard error of sqrt(0.025·0.975/B)/phi(1.96) = 0.085/sqrt(B/1000)
     * standard deviations of the figure, about 1.6 % of the width (3.92 sd) at B = 2000; the difference of two
     * independent runs has 2.2 %, so 10 % is 4.5 standard errors, and at n = 300 the two bootstraps' own
     * distributions differ far less than that. (300 such datasets gave a largest difference of 7.4 % and a mean
     * of 1.8 %.)
     */
    @Example
    void agreesWithTheClassicBootstrapOnAFixedDataset() {
        SplittableRandom random = new SplittableRandom(2003);
        List<Counts> docs = new ArrayList<>();
        PoissonBootstrap<Counts> poisson = new PoissonBootstrap<>(CountLayouts.counts(), 2000, 13);
        for (int i = 0; i < 300; i++) {
            int gold = random.nextInt(12);
            int tp = gold == 0 ? 0 : random.nextInt(gold + 1);
            Counts c = new Counts(tp, random.nextInt(4), gold - tp);
            docs.add(c);
            poisson.add("doc-" + i, c);
        }
        List<Bootstrap.Interval> p = poisson.intervals(PRF, 0.95);
        for (int m = 0; m < PRF.size(); m++) {
            Bootstrap.Interval classic = Bootstrap.interval(docs, Counts.ZERO, Counts::plus, PRF.get(m), 2000, 0.95, 13);
            double tolerance = 0.10 * (classic.high() - classic.low());
            assertThat(p.get(m).estimate()).isEqualTo(classic.estimate());
            assertThat(p.get(m).low()).isCloseTo(classic.low(), within(tolerance));
            assertThat(p.get(m).high()).isCloseTo(classic.high(), within(tolerance));
            assertThat(p.get(m).resamples()).isEqualTo(2000);
        }
    }

    @Example
    void refusesWhatWouldGiveAWrongNumber() {
        PoissonBootstrap<long[]> acc = new PoissonBootstrap<>(CountLayouts.longs(2), 10, 1);
        assertThatThrownBy(() -> acc.add("d1", new long[] {1, -1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unit 'd1': count 1 is -1; expected >= 0");
        assertThatThrownBy(() -> acc.add(7, new long[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 2 counts, found 1");
        assertThat(acc.units()).isZero();
        assertThatThrownBy(() -> acc.merge(acc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("merged with itself");
        for (PoissonBootstrap<long[]> other : List.of(new PoissonBootstrap<>(CountLayouts.longs(2), 10, 2),
                new PoissonBootstrap<>(CountLayouts.longs(2), 11, 1), new PoissonBootstrap<>(CountLayouts.longs(3), 10, 1))) {
            assertThatThrownBy(() -> acc.merge(other)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected the same three");
        }
        assertThat(acc.merge(new PoissonBootstrap<>(CountLayouts.longs(2), 10, 1)).units()).isZero();
        assertThatThrownBy(() -> acc.interval(r -> r[0], 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoissonBootstrap<>(CountLayouts.longs(2), -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A column may total at most Long.MAX_VALUE / 21 (21 is the largest weight), by adding or by merging. */
    @Example
    void refusesTotalsThatCouldOverflowTheReplicates() {
        long limit = Long.MAX_VALUE / PoissonWeights.MAX_WEIGHT;
        PoissonBootstrap<long[]> acc = new PoissonBootstrap<>(CountLayouts.longs(1), 10, 1);
        acc.add(1, new long[] {limit});
        assertThatThrownBy(() -> acc.add(2, new long[] {1})).isInstanceOf(ArithmeticException.class);
        PoissonBootstrap<long[]> other = new PoissonBootstrap<>(CountLayouts.longs(1), 10, 1);
        other.add(3, new long[] {1});
        assertThatThrownBy(() -> acc.merge(other)).isInstanceOf(ArithmeticException.class);
        assertThat(acc.units()).isEqualTo(1);
        assertThat(acc.total()).containsExactly(limit);
    }
}
