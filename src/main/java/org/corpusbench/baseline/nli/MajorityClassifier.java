package org.corpusbench.baseline.nli;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;

/** Always the most frequent label of its training pairs (ties: the first in label order). */
public final class MajorityClassifier implements NliClassifier {

    private final NliLabel label;

    /** Takes the majority label of {@code training}; with no training pair it answers {@link NliLabel#NEUTRAL}. */
    public MajorityClassifier(List<NliPair> training) {
        Map<NliLabel, Integer> counts = new TreeMap<>();
        training.forEach(p -> counts.merge(p.label(), 1, Integer::sum));
        NliLabel best = NliLabel.NEUTRAL;
        int n = -1;
        for (Map.Entry<NliLabel, Integer> e : counts.entrySet()) {
            if (e.getValue() > n) {
                n = e.getValue();
                best = e.getKey();
            }
        }
        this.label = best;
    }

    @Override
    public String name() {
        return "majority";
    }

    @Override
    public NliLabel classify(NliPair pair) {
        return label;
    }
}
