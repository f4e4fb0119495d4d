package org.corpusbench.baseline.nli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Example;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;

class LexicalOverlapClassifierTest {

    private static NliPair pair(String p, String h, NliLabel gold) {
        return new NliPair("x", Segment.of(p), Segment.of(h), gold, null);
    }

    private final LexicalOverlapClassifier c = new LexicalOverlapClassifier();

    @Example
    void negationOnOneSideIsContradiction() {
        assertThat(c.classify(pair("Belarus intends to get involved in a war.",
                "Belarus has no intention of getting involved in a war.", null))).isEqualTo(NliLabel.CONTRADICTION);
    }

    @Example
    void differentNumbersAreContradiction() {
        assertThat(c.classify(pair("Belarus can host about ten systems.", "Belarus can host about 20 systems.", null)))
                .isEqualTo(NliLabel.CONTRADICTION);
    }

    @Example
    void coveredHypothesisIsEntailmentOtherwiseNeutral() {
        assertThat(c.classify(pair("Lukashenko confirmed the Oreshnik complex would be on combat alert by December.",
                "The Oreshnik complex would be on combat alert.", null))).isEqualTo(NliLabel.ENTAILMENT);
        assertThat(c.classify(pair("Lukashenko chopped wood at the Igora resort.",
                "Analysts see a shift in strategy.", null))).isEqualTo(NliLabel.NEUTRAL);
    }

    @Example
    void majorityPredictsTheMostFrequentTrainingLabel() {
        MajorityClassifier m = new MajorityClassifier(List.of(pair("a", "b", NliLabel.NEUTRAL),
                pair("a", "b", NliLabel.CONTRADICTION), pair("a", "b", NliLabel.CONTRADICTION)));
        assertThat(m.classify(pair("x", "y", null))).isEqualTo(NliLabel.CONTRADICTION);
    }
}
