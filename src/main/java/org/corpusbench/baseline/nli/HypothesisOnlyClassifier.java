package org.corpusbench.baseline.nli;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;

/**
 * The hypothesis-only artefact check: a multinomial naive Bayes classifier over the hypothesis's content
 * words that never reads the premise. A layer whose hypotheses give their label away (negations in
 * contradictions, vague words in neutral pairs) lets it score well above the majority class; one without
 * such cues holds it near chance.
 */
public final class HypothesisOnlyClassifier implements NliClassifier {

    private final Map<NliLabel, Integer> pairs = new EnumMap<>(NliLabel.class);
    private final Map<NliLabel, Map<String, Integer>> wordCounts = new EnumMap<>(NliLabel.class);
    private final Map<NliLabel, Integer> wordTotals = new EnumMap<>(NliLabel.class);
    private final Set<String> vocabulary = new HashSet<>();
    private final int training;

    /**
     * Counts the content words of each training hypothesis by label (each word once a hypothesis, as
     * {@link ContentWords#of} gives them); add-one smoothing over the training vocabulary, label priors from
     * the training pairs.
     */
    public HypothesisOnlyClassifier(List<NliPair> training) {
        this.training = training.size();
        for (NliLabel l : NliLabel.values()) {
            pairs.put(l, 0);
            wordCounts.put(l, new HashMap<>());
            wordTotals.put(l, 0);
        }
        for (NliPair p : training) {
            pairs.merge(p.label(), 1, Integer::sum);
            for (String w : ContentWords.of(p.hypothesis().text())) {
                wordCounts.get(p.label()).merge(w, 1, Integer::sum);
                wordTotals.merge(p.label(), 1, Integer::sum);
                vocabulary.add(w);
            }
        }
    }

    @Override
    public String name() {
        return "hypothesis-only";
    }

    /**
     * The label with the highest log posterior; words not seen in training are left out, ties go to the first
     * label in {@link NliLabel} order, and a label no training pair has is never chosen (neutral when there
     * is no training pair at all).
     */
    @Override
    public NliLabel classify(NliPair pair) {
        if (training == 0) {
            return NliLabel.NEUTRAL;
        }
        List<String> words = ContentWords.of(pair.hypothesis().text()).stream().filter(vocabulary::contains).toList();
        NliLabel best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (NliLabel l : NliLabel.values()) {
            if (pairs.get(l) == 0) {
                continue;
            }
            double score = Math.log((double) pairs.get(l) / training);
            double denominator = wordTotals.get(l) + vocabulary.size();
            for (String w : words) {
                score += Math.log((wordCounts.get(l).getOrDefault(w, 0) + 1) / denominator);
            }
            if (score > bestScore) {
                bestScore = score;
                best = l;
            }
        }
        return best;
    }
}
