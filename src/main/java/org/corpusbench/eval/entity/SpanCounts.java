package org.corpusbench.eval.entity;

import org.corpusbench.eval.Prf;

/**
 * SemEval-2013 counts: correct, incorrect, partial, missed, spurious. They add up over documents, and
 * every figure is computed from them: POS = COR+INC+PAR+MIS, ACT = COR+INC+PAR+SPU; precision =
 * (COR + c·PAR)/ACT and recall = (COR + c·PAR)/POS with c = ½ in the partial and type schemes, 0 in the
 * strict and exact ones.
 */
public record SpanCounts(long correct, long incorrect, long partial, long missed, long spurious) {

    /** No span at all: the start of a sum. */
    public static final SpanCounts ZERO = new SpanCounts(0, 0, 0, 0, 0);

    /** The counts of both parts together, each of the five summed. */
    public SpanCounts plus(SpanCounts o) {
        return new SpanCounts(correct + o.correct, incorrect + o.incorrect, partial + o.partial, missed + o.missed,
                spurious + o.spurious);
    }

    /** POS, the number of gold spans: COR + INC + PAR + MIS. */
    public long possible() {
        return correct + incorrect + partial + missed;
    }

    /** ACT, the number of predicted spans: COR + INC + PAR + SPU. */
    public long actual() {
        return correct + incorrect + partial + spurious;
    }

    /**
     * Precision (COR + c·PAR)/ACT, recall (COR + c·PAR)/POS and their F1 under {@code scheme}, with c as in
     * the class comment; 0 for a zero denominator.
     */
    public Prf prf(SpanScheme scheme) {
        double credit = scheme.halfCredit() ? correct + 0.5 * partial : correct;
        return Prf.of(Prf.ratio(credit, actual()), Prf.ratio(credit, possible()));
    }
}
