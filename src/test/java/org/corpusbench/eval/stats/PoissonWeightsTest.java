package org.corpusbench.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.UniqueElements;

/** The Poisson(1) weights of {@link PoissonBootstrap}: the generator, the inversion table, the distribution. */
class PoissonWeightsTest {

    /**
     * The table against the Poisson(1) distribution computed independently in floating point: T[k] / 2^64 is
     * F(k) = e^-1 · (1/0! + ... + 1/k!) to double precision (about 1e-16, where T has 2^-64 = 5e-20); the last
     * entry is 2^64 - 1, reached where 1 - F(k) < 2^-64, i.e. k = 20 (1 - F(20) = 7.5e-21); the one before is not.
     */
    @Example
    void thresholdsAreThePoissonDistribution() {
        double two64 = Math.scalb(1.0, 64);
        double p = StrictMath.exp(-1);
        double cdf = 0;
        for (int k = 0; k < PoissonWeights.MAX_WEIGHT; k++) {
            cdf += p;
            p /= k + 1;
            assertThat(PoissonWeights.threshold(k).doubleValue() / two64).isCloseTo(cdf, within(1e-15));
        }
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        assertThat(PoissonWeights.MAX_WEIGHT).isEqualTo(21);
        assertThat(PoissonWeights.threshold(20)).isEqualTo(max);
        assertThat(PoissonWeights.threshold(19)).isLessThan(max);
    }

    /**
     * Some entries checked against exact rational arithmetic done elsewhere (Python's fractions:
     * {@code e = sum(Fraction((-1)**k, factorial(k)) for k in range(60))}, then
     * {@code floor(e * sum(Fraction(1, factorial(j)) for j in range(k + 1)) * 2**64)}).
     */
    @Example
    void thresholdsAreExact() {
        assertThat(PoissonWeights.threshold(0)).isEqualTo(new BigInteger("6786177901268885274"));
        assertThat(PoissonWeights.threshold(1)).isEqualTo(new BigInteger("13572355802537770549"));
        assertThat(PoissonWeights.threshold(5)).isEqualTo(new BigInteger("18435783298447138329"));
        assertThat(PoissonWeights.threshold(19)).isEqualTo(new BigInteger("18446744073709551613"));
    }

    /** The fast inversion (a table of 1024 ranges of draws, comparisons where a range straddles a threshold). */
    @Property(tries = 2000)
    void weightCountsTheThresholdsAtOrBelowTheDraw(@ForAll long draw) {
        BigInteger u = new BigInteger(Long.toUnsignedString(draw));
        int expected = 0;
        for (int k = 0; k < PoissonWeights.MAX_WEIGHT; k++) {
            if (u.compareTo(PoissonWeights.threshold(k)) >= 0) {
                expected++;
            }
        }
        assertThat(PoissonWeights.weight(draw)).isEqualTo(expected);
    }

    /**
     * Draws near a threshold, where the 1024-bucket table of {@code weight} hands over to the comparisons: the
     * bucket of T[k] holds draws of weight k and k + 1.
     */
    @Property(tries = 2000)
    void weightNearEachThresholdIsThePlainCount(@ForAll @IntRange(max = 20) int k,
                                                @ForAll @IntRange(min = -100_000, max = 100_000) int offset,
                                                @ForAll @IntRange(max = 62) int shift) {
        long draw = PoissonWeights.threshold(k).longValue() + ((long) offset << (shift / 2));
        BigInteger u = new BigInteger(Long.toUnsignedString(draw));
        int expected = 0;
        for (int j = 0; j < PoissonWeights.MAX_WEIGHT; j++) {
            if (u.compareTo(PoissonWeights.threshold(j)) >= 0) {
                expected++;
            }
        }
        assertThat(PoissonWeights.weight(draw)).isEqualTo(expected);
    }

    /** Draws exactly at, and one below, each threshold, and the extremes 0 and 2^64 - 1. */
    @Example
    void weightAtEachThreshold() {
        for (int k = 0; k < PoissonWeights.MAX_WEIGHT; k++) {
            long t = PoissonWeights.threshold(k).longValue();
            assertThat(PoissonWeights.weight(t)).as("T[%d]", k).isEqualTo(k + 1);
            assertThat(PoissonWeights.weight(t - 1)).as("T[%d] - 1", k).isEqualTo(k);
        }
        assertThat(PoissonWeights.weight(0L)).isZero();
        assertThat(PoissonWeights.weight(-1L)).isEqualTo(PoissonWeights.MAX_WEIGHT);
    }

    /**
     * The generator is SplitMix64 written out: on this JDK it gives exactly what SplittableRandom gives for
     * the same seed, and {@code weights} is {@code weight(draw(s, b))} for b = 0, 1, ...
     */
    @Property(tries = 200)
    void drawsAreSplitMix64(@ForAll long unitSeed, @ForAll @IntRange(max = 300) int replicates) {
        SplittableRandom reference = new SplittableRandom(unitSeed);
        long[] w = new long[replicates];
        PoissonWeights.weights(unitSeed, w);
        for (int b = 0; b < replicates; b++) {
            long d = PoissonWeights.draw(unitSeed, b);
            assertThat(d).isEqualTo(reference.nextLong());
            assertThat(w[b]).isEqualTo(PoissonWeights.weight(d));
        }
    }

    /**
     * Mean and variance of the weights are those of Poisson(1), both 1, and so are the frequencies of 0, 1, 2
     * and 3 (e^-1, e^-1, e^-1/2, e^-1/6), over N = 10^6 weights (1000 units with ids "u0".."u999", 1000
     * replicates, seed 2003). Tolerances are five standard errors: the mean's is sqrt(1/N) = 0.001; the
     * variance's sqrt((mu4 - 1)/N) = sqrt(3/N) = 0.0017 (mu4 = 1 + 3 = 4 for Poisson(1)); a frequency's
     * sqrt(p(1 - p)/N), at most 0.0005.
     */
    @Example
    void weightsHaveMeanOneAndVarianceOne() {
        int units = 1000;
        int replicates = 1000;
        double n = (double) units * replicates;
        long[] histogram = new long[PoissonWeights.MAX_WEIGHT + 1];
        double sum = 0;
        double sumSq = 0;
        long[] w = new long[replicates];
        for (int i = 0; i < units; i++) {
            PoissonWeights.weights(PoissonWeights.unitSeed(2003, "u" + i), w);
            for (long x : w) {
                sum += x;
                sumSq += (double) x * x;
                histogram[(int) x]++;
            }
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        assertThat(mean).isCloseTo(1.0, within(5 * Math.sqrt(1 / n)));
        assertThat(variance).isCloseTo(1.0, within(5 * Math.sqrt(3 / n)));
        double p = Math.exp(-1);
        for (int k = 0; k <= 3; k++) {
            assertThat(histogram[k] / n).as("P(weight = %d)", k).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / n)));
            p /= k + 1;
        }
    }

    /** A unit's seed depends on every code point of its id, and ids and positions are kept apart. */
    @Property(tries = 100)
    void distinctKeysGetDistinctSeeds(@ForAll @UniqueElements List<String> ids, @ForAll long seed) {
        Set<Long> seeds = new HashSet<>();
        ids.forEach(id -> seeds.add(PoissonWeights.unitSeed(seed, id)));
        assertThat(seeds).hasSameSizeAs(ids);
        for (int i = 0; i < ids.size(); i++) {
            // position i and the id "i" are different keys
            assertThat(PoissonWeights.unitSeed(seed, (long) i)).isNotEqualTo(PoissonWeights.unitSeed(seed, "" + i));
        }
    }

    /** Astral characters and lone surrogates each count as one code point of the id. */
    @Example
    void idsDifferingOnlyInSurrogatesDiffer() {
        String astral = "doc-\uD83D\uDE00";
        String lone = "doc-\uD83D";
        String other = "doc-\uDE00\uD83D";
        assertThat(Set.of(PoissonWeights.unitSeed(1, astral), PoissonWeights.unitSeed(1, lone),
                PoissonWeights.unitSeed(1, other), PoissonWeights.unitSeed(1, "doc-"))).hasSize(4);
    }
}
