package org.corpusbench.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.corpusbench.eval.Counts;

class BootstrapTest {

    @Property(tries = 50)
    void intervalIsReproducibleAndContainsTheEstimate(@ForAll @Size(min = 2, max = 8) List<@IntRange(max = 20) Integer> tps,
                                                      @ForAll long seed) {
        List<Counts> docs = tps.stream().map(t -> new Counts(t, 3, 2)).toList();
        Bootstrap.Interval a = Bootstrap.interval(docs, Counts.ZERO, Counts::plus, Counts::f1, 200, 0.95, seed);
        Bootstrap.Interval b = Bootstrap.interval(docs, Counts.ZERO, Counts::plus, Counts::f1, 200, 0.95, seed);
        assertThat(a).isEqualTo(b);
        assertThat(a.low()).isLessThanOrEqualTo(a.high());
        assertThat(a.estimate()).isBetween(a.low() - 1e-12, a.high() + 1e-12);
    }

    @Property(tries = 100)
    void intervalsOverCountRowsAreTheIntervalsOverObjects(
            @ForAll @Size(max = 40) List<@IntRange(max = 9) Integer> tps,
            @ForAll @Size(max = 40) List<@IntRange(max = 9) Integer> fps, @ForAll @IntRange(max = 300) int resamples,
            @ForAll long seed) {
        // The same units as Counts objects and as rows (tp, fp, fn); fn = tp + 1 - fp when that is >= 0.
        int n = Math.min(tps.size(), fps.size());
        java.util.ArrayList<Counts> docs = new java.util.ArrayList<>();
        CountRows rows = new CountRows(3);
        for (int i = 0; i < n; i++) {
            Counts c = new Counts(tps.get(i), fps.get(i), Math.max(0, tps.get(i) + 1 - fps.get(i)));
            docs.add(c);
            rows.add(c.tp(), c.fp(), c.fn());
        }
        List<java.util.function.ToDoubleFunction<long[]>> metrics = List.of(
                r -> new Counts(r[0], r[1], r[2]).f1(), r -> new Counts(r[0], r[1], r[2]).precision());
        List<Bootstrap.Interval> fromRows = Bootstrap.intervals(rows, metrics, resamples, 0.95, seed);
        assertThat(fromRows.get(0)).isEqualTo(Bootstrap.interval(docs, Counts.ZERO, Counts::plus, Counts::f1,
                resamples, 0.95, seed));
        assertThat(fromRows.get(1)).isEqualTo(Bootstrap.interval(docs, Counts.ZERO, Counts::plus, Counts::precision,
                resamples, 0.95, seed));
    }

    @Example
    void countRowsRefuseRowsOfAnotherWidthAndNegativeCounts() {
        CountRows rows = new CountRows(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.add(1)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.add(1, -1))
                .isInstanceOf(IllegalArgumentException.class);
        for (int i = 0; i < 100; i++) {
            rows.add(i, 2L * i);
        }
        // sums: 0 + ... + 99 = 4950, and twice that.
        assertThat(rows.total()).containsExactly(4950, 9900);
        assertThat(rows.rows()).isEqualTo(100);
    }

    @Example
    void identicalSystemsAreNotSignificantlyDifferent() {
        List<Counts> a = List.of(new Counts(3, 1, 1), new Counts(5, 0, 2), new Counts(1, 4, 0));
        assertThat(Bootstrap.approximateRandomization(a, a, Counts.ZERO, Counts::plus, Counts::f1, 999, 1)).isEqualTo(1.0);
        Bootstrap.Interval d = Bootstrap.difference(a, a, Counts.ZERO, Counts::plus, Counts::f1, 200, 0.95, 1);
        assertThat(d.low()).isZero();
        assertThat(d.high()).isZero();
    }

    /**
     * System A is right on every document, B wrong on every one: every shuffle that swaps at least one of the
     * 8 documents shrinks the difference, so only the identity (probability 2/2^8 counting the full swap)
     * reaches it; the p-value is small.
     */
    @Example
    void clearlyDifferentSystemsGetASmallPValue() {
        List<Counts> a = java.util.Collections.nCopies(8, new Counts(10, 0, 0));
        List<Counts> b = java.util.Collections.nCopies(8, new Counts(0, 10, 10));
        double p = Bootstrap.approximateRandomization(a, b, Counts.ZERO, Counts::plus, Counts::f1, 4999, 7);
        assertThat(p).isLessThan(0.05);
    }
}
