package org.corpusbench.eval.nli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import org.corpusbench.eval.Prf;
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

    private static NliCounts matrix(long[][] cells, long[] missing) {
        NliCounts c = NliCounts.ZERO;
        NliLabel[] ls = NliLabel.values();
        for (int g = 0; g < 3; g++) {
            for (int p = 0; p < 3; p++) {
                for (long i = 0; i < cells[g][p]; i++) {
                    c = c.add(ls[g], ls[p]);
                }
            }
            for (long i = 0; i < missing[g]; i++) {
                c = c.add(ls[g], null);
            }
        }
        return c;
    }

    private static void prf(Prf actual, double p, double r, double f) {
        assertThat(actual.precision()).as("precision").isCloseTo(p, within(1e-12));
        assertThat(actual.recall()).as("recall").isCloseTo(r, within(1e-12));
        assertThat(actual.f1()).as("f1").isCloseTo(f, within(1e-12));
    }

    /**
     * Rows gold, columns predicted (E, N, C), and pairs without a prediction:
     * <pre>
     *        E  N  C  (none)  support
     *   E    5  2  1   0       8
     *   N    1  4  1   0       6
     *   C    0  3  2   1       6        total 20, correct 5+4+2 = 11, accuracy 11/20
     * </pre>
     * E: tp 5, fp 1+0 = 1, fn 2+1 = 3 → P 5/6, R 5/8, F1 2·5/(2·5+1+3) = 5/7.
     * N: tp 4, fp 2+3 = 5, fn 1+1 = 2 → P 4/9, R 2/3, F1 8/(8+5+2) = 8/15.
     * C: tp 2, fp 1+1 = 2, fn 3+1 (the missing pair) = 4 → P 1/2, R 1/3, F1 4/(4+2+4) = 2/5.
     * micro: tp 11, fp 1+5+2 = 8, fn 3+2+4 = 9 → P 11/19, R 11/20, F1 22/(22+8+9) = 22/39.
     * macro: P (5/6+4/9+1/2)/3 = (15+8+9)/18/3 = 16/27; R (5/8+2/3+1/3)/3 = 13/24;
     *        F1 (5/7+8/15+2/5)/3 = (75+56+42)/105/3 = 173/315.
     * weighted (8, 6, 6 of 20): P (8·5/6 + 6·4/9 + 6·1/2)/20 = (20/3+8/3+3)/20 = 37/60;
     *        R (5+4+2)/20 = 11/20; F1 (8·5/7 + 6·8/15 + 6·2/5)/20 = (40/7+28/5)/20 = 396/700 = 99/175.
     */
    @Example
    void averagesOfAThreeByThreeConfusionMatrix() {
        NliCounts c = matrix(new long[][] {{5, 2, 1}, {1, 4, 1}, {0, 3, 2}}, new long[] {0, 0, 1});
        assertThat(c.total()).isEqualTo(20);
        assertThat(c.accuracy()).isCloseTo(11.0 / 20, within(1e-12));
        prf(c.counts(NliLabel.ENTAILMENT).prf(), 5.0 / 6, 5.0 / 8, 5.0 / 7);
        prf(c.counts(NliLabel.NEUTRAL).prf(), 4.0 / 9, 2.0 / 3, 8.0 / 15);
        prf(c.counts(NliLabel.CONTRADICTION).prf(), 1.0 / 2, 1.0 / 3, 2.0 / 5);
        prf(c.micro(), 11.0 / 19, 11.0 / 20, 22.0 / 39);
        prf(c.macro(), 16.0 / 27, 13.0 / 24, 173.0 / 315);
        prf(c.weighted(), 37.0 / 60, 11.0 / 20, 99.0 / 175);
        assertThat(c.macroF1()).isCloseTo(173.0 / 315, within(1e-12));
    }

    /**
     * Gold E, E; predicted E, E. Neutral and contradiction have no gold and no prediction: P, R and F1 0
     * (zero_division=0) but they still count in the macro mean: (1+0+0)/3 = 1/3 for each of P, R, F1.
     * Weighted: supports 2, 0, 0 → 1, 1, 1. Micro: tp 2, fp 0, fn 0 → 1, 1, 1.
     */
    @Example
    void labelsWithoutGoldOrPredictionCountInTheMacroMeanOnly() {
        NliCounts c = matrix(new long[][] {{2, 0, 0}, {0, 0, 0}, {0, 0, 0}}, new long[3]);
        prf(c.macro(), 1.0 / 3, 1.0 / 3, 1.0 / 3);
        prf(c.weighted(), 1, 1, 1);
        prf(c.micro(), 1, 1, 1);
        prf(NliCounts.ZERO.weighted(), 0, 0, 0);
        prf(NliCounts.ZERO.micro(), 0, 0, 0);
    }

    /**
     * When every pair is predicted, each wrong pair is one false positive and one false negative, so micro
     * P = micro R = micro F1 = accuracy; weighted recall is the accuracy whether or not every pair is predicted.
     */
    @Property
    void microF1IsAccuracyWhenEveryPairIsPredicted(@ForAll List<NliLabel> gold, @ForAll List<NliLabel> pred) {
        NliCounts all = NliCounts.ZERO;
        NliCounts some = NliCounts.ZERO;
        for (int i = 0; i < gold.size(); i++) {
            all = all.add(gold.get(i), i < pred.size() ? pred.get(i) : gold.get(i));
            some = some.add(gold.get(i), i < pred.size() ? pred.get(i) : null);
        }
        assertThat(all.micro().f1()).isCloseTo(all.accuracy(), within(1e-12));
        assertThat(all.micro().precision()).isCloseTo(all.accuracy(), within(1e-12));
        assertThat(some.micro().recall()).isCloseTo(some.accuracy(), within(1e-12));
        assertThat(some.weighted().recall()).isCloseTo(some.accuracy(), within(1e-12));
        for (Prf a : List.of(some.micro(), some.macro(), some.weighted())) {
            assertThat(List.of(a.precision(), a.recall(), a.f1())).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        }
    }
}
