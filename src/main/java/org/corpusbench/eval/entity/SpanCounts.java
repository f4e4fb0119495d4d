package org.corpusbench.eval.entity;

import org.corpusbench.eval.Prf;

/**
 * SemEval-2013 counts: correct, incorrect, partial, missed, spurious. They add up over documents, and
 * every figure is computed from them: POS = COR+INC+PAR+MIS, ACT = COR+INC+PAR+SPU; precision =
 * (COR + c·PAR)/ACT and recall = (COR + c·PAR)/POS with c = ½ in the partial and type schemes, 0 in the
 * strict and exact ones.
 */
public record SpanCounts(long correct, long incorrect, long partial, long missed, long spurious) {

    public static final SpanCounts ZERO = new SpanCounts(0, 0, 0, 0, 0);

    public SpanCounts plus(SpanCounts o) {
        return new SpanCounts(correct + o.correct, incorrect + o.incorrect, partial + o.partial, missed + o.missed,
                spurious + o.spurious);
    }

    public long possible() {
        return correct + incorrect + partial + missed;
    }

    public long actual() {
        return correct + incorrect + partial + spurious;
    }

    public Prf prf(SpanScheme scheme) {
        double credit = scheme.halfCredit() ? correct + 0.5 * partial : correct;
        return Prf.of(Prf.ratio(credit, actual()), Prf.ratio(credit, possible()));
    }
}
