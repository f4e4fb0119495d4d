package org.corpusbench.baseline.nli;

import java.util.List;
import java.util.TreeSet;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;

/**
 * The annotation-artefact check of lexical overlap: entailment when the hypothesis's content words are
 * found in the premise at least as often as a threshold, neutral otherwise, never contradiction. The
 * threshold is the one that labels its training pairs best, so a layer where one overlap cut separates the
 * labels well is exposed by this row scoring high on pairs it was not tuned on.
 */
public final class OverlapThresholdClassifier implements NliClassifier {

    private final double threshold;

    /**
     * Chooses the threshold with the most training pairs right among the coverages the training pairs have
     * (and one above them all, which labels everything neutral); ties go to the smallest threshold. With no
     * training pair every pair is neutral.
     */
    public OverlapThresholdClassifier(List<NliPair> training) {
        double[] coverage = training.stream()
                .mapToDouble(p -> ContentWords.coverage(p.premise().text(), p.hypothesis().text())).toArray();
        TreeSet<Double> candidates = new TreeSet<>();
        for (double c : coverage) {
            candidates.add(c);
        }
        double best = Double.POSITIVE_INFINITY;
        long bestRight = training.stream().filter(p -> p.label() == NliLabel.NEUTRAL).count();
        for (double t : candidates) {
            long right = 0;
            for (int i = 0; i < coverage.length; i++) {
                NliLabel guess = coverage[i] >= t ? NliLabel.ENTAILMENT : NliLabel.NEUTRAL;
                if (guess == training.get(i).label()) {
                    right++;
                }
            }
            if (right > bestRight || right == bestRight && t < best) {
                bestRight = right;
                best = t;
            }
        }
        this.threshold = best;
    }

    /** The chosen threshold; positive infinity when labelling every pair neutral was best. */
    public double threshold() {
        return threshold;
    }

    @Override
    public String name() {
        return "overlap-threshold";
    }

    @Override
    public NliLabel classify(NliPair pair) {
        return ContentWords.coverage(pair.premise().text(), pair.hypothesis().text()) >= threshold
                ? NliLabel.ENTAILMENT : NliLabel.NEUTRAL;
    }
}
