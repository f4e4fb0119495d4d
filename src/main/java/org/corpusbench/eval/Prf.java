package org.corpusbench.eval;

/**
 * Precision, recall and F1 as fractions in [0, 1]. One zero-division rule everywhere: a ratio with a
 * zero denominator is 0 (as seqeval's {@code zero_division=0} and conlleval do), and F1 is 0 when
 * precision + recall is 0.
 */
public record Prf(double precision, double recall, double f1) {

    /** All three figures 0: what the zero-division rule gives for an empty evaluation. */
    public static final Prf ZERO = new Prf(0, 0, 0);

    /** {@code num / den}, or 0 when {@code den} is 0. */
    public static double ratio(double num, double den) {
        return den == 0 ? 0.0 : num / den;
    }

    /** The harmonic mean of {@code p} and {@code r}, or 0 when both are 0. */
    public static double f1(double p, double r) {
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** From precision and recall, with F1 their harmonic mean. */
    public static Prf of(double p, double r) {
        return new Prf(p, r, f1(p, r));
    }
}
