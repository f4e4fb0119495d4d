package org.corpusbench.eval.nli;

import java.util.Map;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;

/** Scores predicted labels (by pair id) against gold NLI pairs. */
public final class NliEvaluator {

    private NliEvaluator() {
    }

    /** The counts for one gold pair; a pair without a prediction counts as wrong. */
    public static NliCounts evaluate(NliPair gold, Map<String, NliLabel> predicted) {
        return NliCounts.ZERO.add(gold.label(), predicted.get(gold.id()));
    }
}
