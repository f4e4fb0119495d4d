package org.corpusbench.eval.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The Poisson(1) weights of the streaming bootstrap: for each unit, B integers drawn from a generator seeded
 * by (bootstrap seed, unit key) alone, so a unit gets the same weights wherever and whenever it is seen.
 *
 * <p><b>Generator.</b> SplitMix64 used as a counter-based generator: the b-th draw (b = 0, 1, ...) of a unit
 * whose 64-bit seed is s is {@code mix64(s + (b + 1) * 0x9E3779B97F4A7C15)}, where {@code mix64} is
 * Stafford's "variant 13" finaliser (two xor-shift-multiply rounds and a final xor-shift). This is the
 * sequence {@code new SplittableRandom(s).nextLong()} returns on Java 17 (a test checks it), but it is written
 * out here with integer arithmetic only, so it does not depend on the JDK's implementation: every JVM gives
 * the same bits.
 *
 * <p><b>Unit seeds.</b> A position p (a long) gives {@code mix64(mix64(seed ^ POSITION_DOMAIN) ^ p)}; an id
 * gives {@code h = mix64(seed ^ ID_DOMAIN)}, then {@code h = mix64(h ^ c)} for each Unicode code point c
 * of the id (a lone surrogate counts as its own code point), then {@code mix64(h ^ number of code points)}. The two domain constants keep position 7 and id "7"
 * apart. Distinct keys collide (get the same 64-bit seed) with probability about n²/2^65 for n units, and
 * two units' draw sequences overlap only if their seeds differ by a small multiple of the constant above
 * (about n²·B/2^64 pairs expected, under one for 10^8 units at B = 1000); either only makes two units' weights
 * equal, it biases nothing.
 *
 * <p><b>Poisson(1) by inversion.</b> The table {@code T[k] = floor(F(k) * 2^64)}, F the Poisson(1) cumulative
 * distribution, is computed once with exact decimal arithmetic ({@link BigDecimal}, 60 digits, no floating
 * point); a draw u, read as an unsigned 64-bit integer, gives the weight {@code #{k : u >= T[k]}} (looked up
 * by u's top 10 bits where all draws with those bits have one weight, counted where a threshold splits them;
 * the same weight, in 2.4 instead of 3.7 ns of CPU a draw with the comparisons alone). So
 * P(weight = k) differs from e^-1/k! by less than 2^-64 for every k; weights stop at {@link #MAX_WEIGHT}, where
 * the remaining tail is below 2^-64.
 */
final class PoissonWeights {

    /** The increment of SplitMix64 (the odd integer nearest 2^64 / golden ratio). */
    static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final long POSITION_DOMAIN = 0x5DEECE66D2F1A8B3L;
    private static final long ID_DOMAIN = 0x2545F4914F6CDD1DL;

    /** Thresholds T[k] with the sign bit flipped, so that a signed comparison is an unsigned one. */
    private static final long[] THRESHOLDS = thresholds();

    /** The largest weight a draw can give. */
    static final int MAX_WEIGHT = THRESHOLDS.length;

    private PoissonWeights() {
    }

    /** Stafford's variant 13 of the MurmurHash3 64-bit finaliser: a bijection on 64-bit integers. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of the unit at {@code position} (e.g. a sentence's byte offset in its file). */
    static long unitSeed(long seed, long position) {
        return mix64(mix64(seed ^ POSITION_DOMAIN) ^ position);
    }

    /** The seed of the unit with this id (e.g. a document id). */
    static long unitSeed(long seed, String id) {
        long h = mix64(seed ^ ID_DOMAIN);
        long n = 0;
        for (int i = 0; i < id.length(); n++) {
            int cp = id.codePointAt(i);
            h = mix64(h ^ cp);
            i += Character.charCount(cp);
        }
        return mix64(h ^ n);
    }

    /** The b-th uniform 64-bit draw of a unit. */
    static long draw(long unitSeed, int b) {
        return mix64(unitSeed + (b + 1L) * GAMMA);
    }

    /** Bits of a draw that index {@link #BUCKETS}. */
    private static final int BUCKET_BITS = 10;

    /**
     * The weight of every draw whose top {@link #BUCKET_BITS} bits are i, or -1 where a threshold falls inside
     * that range of draws (at most 21 of the 1024 ranges, so at most 2 % of draws need the comparisons).
     */
    private static final byte[] BUCKETS = buckets();

    /** The Poisson(1) weight of a uniform 64-bit draw (read as unsigned): how many thresholds are <= it. */
    static int weight(long draw) {
        int w = BUCKETS[(int) (draw >>> (64 - BUCKET_BITS))];
        return w >= 0 ? w : count(draw);
    }

    /** The plain definition: the number of thresholds T[k] <= the draw. */
    private static int count(long draw) {
        long u = draw ^ Long.MIN_VALUE;
        int w = 0;
        while (w < MAX_WEIGHT && u >= THRESHOLDS[w]) {
            w++;
        }
        return w;
    }

    private static byte[] buckets() {
        byte[] b = new byte[1 << BUCKET_BITS];
        for (int i = 0; i < b.length; i++) {
            long first = (long) i << (64 - BUCKET_BITS);
            long last = first | (-1L >>> BUCKET_BITS);
            int w = count(first);
            b[i] = (byte) (w == count(last) ? w : -1);
        }
        return b;
    }

    /** Fills {@code into} with the unit's first {@code into.length} weights. */
    static void weights(long unitSeed, long[] into) {
        long x = unitSeed;
        for (int b = 0; b < into.length; b++) {
            x += GAMMA;
            into[b] = weight(mix64(x));
        }
    }

    /** {@code floor(F(k) * 2^64)} for k = 0, 1, ... until it is 2^64 - 1, each with the sign bit flipped. */
    private static long[] thresholds() {
        MathContext mc = new MathContext(60, RoundingMode.HALF_EVEN);
        // e^-1 = sum of (-1)^k / k!; 40 terms leave an error below 1/40!, far under 2^-64.
        BigDecimal eInverse = BigDecimal.ZERO;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 0; k < 40; k++) {
            eInverse = k % 2 == 0 ? eInverse.add(term, mc) : eInverse.subtract(term, mc);
            term = term.divide(BigDecimal.valueOf(k + 1L), mc);
        }
        BigDecimal two64 = new BigDecimal(BigInteger.ONE.shiftLeft(64));
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        long[] out = new long[64];
        int n = 0;
        BigDecimal cdf = BigDecimal.ZERO;
        BigDecimal p = eInverse;
        for (int k = 0; ; k++) {
            cdf = cdf.add(p, mc);
            p = p.divide(BigDecimal.valueOf(k + 1L), mc);
            BigInteger t = cdf.multiply(two64, mc).setScale(0, RoundingMode.FLOOR).toBigInteger().min(max);
            out[n++] = t.longValue() ^ Long.MIN_VALUE;
            if (t.equals(max)) {
                break;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** T[k] as an unsigned value (for tests). */
    static BigInteger threshold(int k) {
        long t = THRESHOLDS[k] ^ Long.MIN_VALUE;
        return new BigInteger(Long.toUnsignedString(t));
    }
}
