package org.corpusbench.baseline.nli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;

/** The two annotation-artefact checks of issue 17 item 4: the overlap threshold and the hypothesis-only classifier. */
class ArtefactBaselinesTest {

    private static NliPair pair(String p, String h, NliLabel gold) {
        return new NliPair("x", Segment.of(p), Segment.of(h), gold, null);
    }

    @Example
    void coverageCountsTheHypothesisContentWordsFoundInThePremise() {
        // hypothesis content words: missile, deployed, belarus, december (the, was, in: function words or short)
        // premise words include missile, belarus: 2 of 4
        assertThat(ContentWords.coverage("The missile reached Belarus.", "The missile was deployed in Belarus in December."))
                .isEqualTo(0.5);
        assertThat(ContentWords.coverage("Anything at all.", "of the in")).isZero();
        // a typographic apostrophe reads as a plain one
        assertThat(ContentWords.of("Belarus’s army")).containsExactly("belarus's", "army");
    }

    @Example
    void theThresholdIsTheOneThatLabelsTheTrainingPairsBest() {
        // four training pairs with coverages 1.0 (E), 0.5 (E), 0.5 (N) and 0.0 (N)
        List<NliPair> train = List.of(
                pair("alpha beta gamma delta", "alpha beta gamma delta", NliLabel.ENTAILMENT), // 1.0
                pair("alpha beta", "alpha beta gamma delta", NliLabel.ENTAILMENT),             // 0.5
                pair("alpha beta", "alpha beta gamma delta", NliLabel.NEUTRAL),                // 0.5
                pair("zeta", "alpha beta gamma delta", NliLabel.NEUTRAL));                     // 0.0
        // t = 0.0: E E E E -> 2 right; t = 0.5: E E E N -> 3; t = 1.0: E N N N -> 3; all neutral: 2.
        // 0.5 and 1.0 tie at 3: the smaller wins
        OverlapThresholdClassifier c = new OverlapThresholdClassifier(train);
        assertThat(c.threshold()).isEqualTo(0.5);
        assertThat(c.classify(pair("alpha beta", "alpha beta gamma delta", null))).isEqualTo(NliLabel.ENTAILMENT);
        assertThat(c.classify(pair("alpha", "alpha beta gamma delta", null))).isEqualTo(NliLabel.NEUTRAL);
        // only neutral pairs: nothing is worth calling entailed
        assertThat(new OverlapThresholdClassifier(List.of(train.get(3), train.get(2))).threshold())
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new OverlapThresholdClassifier(List.of()).classify(train.get(0))).isEqualTo(NliLabel.NEUTRAL);
    }

    @Example
    void hypothesisOnlyFollowsTheWordsThatGoWithEachLabel() {
        List<NliPair> train = List.of(
                pair("p", "officials denied the deployment never happened", NliLabel.CONTRADICTION),
                pair("p", "officials denied reports", NliLabel.CONTRADICTION),
                pair("p", "analysts expect wider tensions", NliLabel.NEUTRAL),
                pair("p", "the deployment was confirmed", NliLabel.ENTAILMENT));
        HypothesisOnlyClassifier c = new HypothesisOnlyClassifier(train);
        // "denied": contradiction 2/(7+V) against 1/(3+V) and 1/(4+V) smoothed; priors 2/4 against 1/4
        assertThat(c.classify(pair("premise ignored", "they denied it", null))).isEqualTo(NliLabel.CONTRADICTION);
        assertThat(c.classify(pair("premise ignored", "analysts expect tensions", null))).isEqualTo(NliLabel.NEUTRAL);
        // no known word: the prior decides (contradiction, 2 of 4)
        assertThat(c.classify(pair("x", "zzz qqq", null))).isEqualTo(NliLabel.CONTRADICTION);
        assertThat(new HypothesisOnlyClassifier(List.of()).classify(train.get(0))).isEqualTo(NliLabel.NEUTRAL);
    }

    @Provide
    Arbitrary<List<NliPair>> pairs() {
        Arbitrary<String> words = Arbitraries.of("alpha", "beta", "gamma", "delta", "missile", "belarus", "the", "of")
                .list().ofMinSize(0).ofMaxSize(6).map(l -> String.join(" ", l));
        Arbitrary<NliPair> pair = Combinators.combine(words, words, Arbitraries.of(NliLabel.class))
                .as((p, h, l) -> pair(p, h, l));
        return pair.list().ofMinSize(0).ofMaxSize(12);
    }

    @Property(tries = 300)
    void theOverlapThresholdNeverSaysContradictionAndNoOtherCutDoesBetterOnItsTrainingPairs(
            @ForAll("pairs") List<NliPair> train, @ForAll("pairs") List<NliPair> test) {
        OverlapThresholdClassifier c = new OverlapThresholdClassifier(train);
        long right = train.stream().filter(p -> c.classify(p) == p.label()).count();
        List<Double> cuts = new ArrayList<>(List.of(Double.POSITIVE_INFINITY, 0.0));
        train.forEach(p -> cuts.add(ContentWords.coverage(p.premise().text(), p.hypothesis().text())));
        for (double t : cuts) {
            long other = train.stream().filter(p -> (ContentWords.coverage(p.premise().text(), p.hypothesis().text())
                    >= t ? NliLabel.ENTAILMENT : NliLabel.NEUTRAL) == p.label()).count();
            assertThat(right).as("threshold %s against %s", c.threshold(), t).isGreaterThanOrEqualTo(other);
        }
        test.forEach(p -> assertThat(c.classify(p)).isNotEqualTo(NliLabel.CONTRADICTION));
    }

    @Property(tries = 300)
    void theHypothesisOnlyClassifierNeverReadsThePremiseAndOnlyAnswersLabelsItWasTrainedOn(
            @ForAll("pairs") List<NliPair> train, @ForAll("pairs") List<NliPair> test) {
        HypothesisOnlyClassifier c = new HypothesisOnlyClassifier(train);
        for (NliPair p : test) {
            NliLabel l = c.classify(p);
            assertThat(c.classify(pair("something else entirely", p.hypothesis().text(), null))).isEqualTo(l);
            if (!train.isEmpty()) {
                assertThat(train.stream().map(NliPair::label)).contains(l);
            }
        }
    }
}
