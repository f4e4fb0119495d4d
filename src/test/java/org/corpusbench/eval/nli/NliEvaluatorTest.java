package org.corpusbench.eval.nli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;

class NliEvaluatorTest {

    static NliPair p(String id, NliLabel l) {
        return new NliPair(id, Segment.of("p"), Segment.of("h"), l, null);
    }

    /**
     * gold E, E, N, C; predicted E, N, N, (none). accuracy 2/4.
     * entailment: tp 1, fp 0, fn 1 → P 1, R 1/2, F1 2/3; neutral: tp 1, fp 1, fn 0 → P 1/2, R 1, F1 2/3;
     * contradiction: tp 0, fn 1 (missing) → F1 0. macro-F1 = (2/3 + 2/3 + 0)/3 = 4/9.
     */
    @Example
    void handComputed() {
        List<NliPair> gold = List.of(p("1", NliLabel.ENTAILMENT), p("2", NliLabel.ENTAILMENT), p("3", NliLabel.NEUTRAL),
                p("4", NliLabel.CONTRADICTION));
        Map<String, NliLabel> pred = Map.of("1", NliLabel.ENTAILMENT, "2", NliLabel.NEUTRAL, "3", NliLabel.NEUTRAL);
        NliCounts c = gold.stream().map(g -> NliEvaluator.evaluate(g, pred)).reduce(NliCounts.ZERO, NliCounts::plus);
        assertThat(c.accuracy()).isEqualTo(0.5);
        assertThat(c.counts(NliLabel.ENTAILMENT).f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.counts(NliLabel.NEUTRAL).precision()).isCloseTo(0.5, within(1e-12));
        assertThat(c.missing(NliLabel.CONTRADICTION)).isEqualTo(1);
        assertThat(c.macroF1()).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(c.cell(NliLabel.ENTAILMENT, NliLabel.NEUTRAL)).isEqualTo(1);
    }

    @Property
    void mergeEqualsWholeAndBounds(@ForAll List<NliLabel> gold, @ForAll List<NliLabel> pred) {
        NliCounts whole = NliCounts.ZERO;
        NliCounts left = NliCounts.ZERO;
        NliCounts right = NliCounts.ZERO;
        for (int i = 0; i < gold.size(); i++) {
            NliLabel pr = i < pred.size() ? pred.get(i) : null;
            whole = whole.add(gold.get(i), pr);
            if (i % 2 == 0) {
                left = left.add(gold.get(i), pr);
            } else {
                right = right.add(gold.get(i), pr);
            }
        }
        assertThat(left.plus(right)).isEqualTo(whole);
        assertThat(whole.accuracy()).isBetween(0.0, 1.0);
        assertThat(whole.macroF1()).isBetween(0.0, 1.0);
        assertThat(whole.total()).isEqualTo(gold.size());
    }

}
