package org.corpusbench.eval.timex;

import org.corpusbench.eval.Prf;

/**
 * The state of a TIMEX3 evaluation, as TempEval-3 counts it: gold and system expressions, relaxed
 * matches (overlapping extents, one to one), strict matches (same extent), and among the relaxed
 * matches those whose value, type and mod agree, plus those whose values are compatible once
 * unknown digits ({@code X}) are allowed to match anything. Counts of parts add up to the whole.
 */
public record TimexCounts(long gold, long system, long relaxed, long strict, long valueMatches, long typeMatches,
                          long modMatches, long compatibleValueMatches) {

    /** No expression at all: the start of a sum. */
    public static final TimexCounts ZERO = new TimexCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /** The counts of both parts together, each of the eight summed. */
    public TimexCounts plus(TimexCounts o) {
        return new TimexCounts(gold + o.gold, system + o.system, relaxed + o.relaxed, strict + o.strict,
                valueMatches + o.valueMatches, typeMatches + o.typeMatches, modMatches + o.modMatches,
                compatibleValueMatches + o.compatibleValueMatches);
    }

    /** Precision strict/system, recall strict/gold and their F1: the extents must be identical. */
    public Prf strictPrf() {
        return Prf.of(Prf.ratio(strict, system), Prf.ratio(strict, gold));
    }

    /** Precision relaxed/system, recall relaxed/gold and their F1: overlapping extents count. */
    public Prf relaxedPrf() {
        return Prf.of(Prf.ratio(relaxed, system), Prf.ratio(relaxed, gold));
    }

    /** Share of relaxed matches whose value is identical. */
    public double valueAccuracy() {
        return Prf.ratio(valueMatches, relaxed);
    }

    /** Share of relaxed matches whose TIMEX3 type is the same. */
    public double typeAccuracy() {
        return Prf.ratio(typeMatches, relaxed);
    }

    /** Share of relaxed matches whose {@code mod} is the same, both absent included. */
    public double modAccuracy() {
        return Prf.ratio(modMatches, relaxed);
    }

    /**
     * Share of relaxed matches whose values are compatible ({@link TimexEvaluator#compatible}); never below
     * the value accuracy.
     */
    public double compatibleValueAccuracy() {
        return Prf.ratio(compatibleValueMatches, relaxed);
    }

    /** TempEval-3's attribute F1: attribute accuracy over relaxed matches times relaxed F1. */
    public double valueF1() {
        return valueAccuracy() * relaxedPrf().f1();
    }

    /** TempEval-3's type F1: the type accuracy times the relaxed F1. */
    public double typeF1() {
        return typeAccuracy() * relaxedPrf().f1();
    }

    /**
     * The compatible value accuracy times the relaxed F1: the value F1 that lets an unknown digit
     * ({@code X}) on either side match.
     */
    public double compatibleValueF1() {
        return compatibleValueAccuracy() * relaxedPrf().f1();
    }
}
