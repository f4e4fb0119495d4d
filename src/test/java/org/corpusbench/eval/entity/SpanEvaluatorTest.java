package org.corpusbench.eval.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.eval.Prf;

class SpanEvaluatorTest {

    static LabelledSpan s(int a, int b, String l) {
        return new LabelledSpan(a, b, l);
    }

    /**
     * gold: [0,5) PER, [10,15) ORG, [20,25) LOC, [30,35) PER; predicted: [0,5) PER (exact), [10,15) LOC
     * (same extent, wrong type), [20,23) LOC (overlap, same type), [40,45) ORG (spurious). [30,35) is missed.
     * strict: COR 1, INC 2, MIS 1, SPU 1 → POS 4, ACT 4, P = R = 1/4.
     * exact:  COR 2 ([0,5), [10,15)), INC 1, MIS 1, SPU 1 → P = R = 2/4.
     * partial: COR 2, PAR 1, MIS 1, SPU 1 → P = R = (2 + 0.5)/4 = 0.625.
     * type: COR 2 ([0,5), [20,23)), INC 1 ([10,15) LOC vs ORG), MIS 1, SPU 1 → P = R = (2 + 0)/4 = 0.5.
     */
    @Example
    void handComputedFourSchemes() {
        List<LabelledSpan> gold = List.of(s(0, 5, "PER"), s(10, 15, "ORG"), s(20, 25, "LOC"), s(30, 35, "PER"));
        List<LabelledSpan> pred = List.of(s(0, 5, "PER"), s(10, 15, "LOC"), s(20, 23, "LOC"), s(40, 45, "ORG"));
        SpanEvaluation e = SpanEvaluator.evaluate(gold, pred);
        assertThat(e.overall().get(SpanScheme.STRICT)).isEqualTo(new SpanCounts(1, 2, 0, 1, 1));
        assertThat(e.overall().get(SpanScheme.EXACT)).isEqualTo(new SpanCounts(2, 1, 0, 1, 1));
        assertThat(e.overall().get(SpanScheme.PARTIAL)).isEqualTo(new SpanCounts(2, 0, 1, 1, 1));
        assertThat(e.overall().get(SpanScheme.TYPE)).isEqualTo(new SpanCounts(2, 1, 0, 1, 1));
        assertThat(e.micro(SpanScheme.STRICT).f1()).isCloseTo(0.25, within(1e-12));
        assertThat(e.micro(SpanScheme.EXACT).f1()).isCloseTo(0.5, within(1e-12));
        assertThat(e.micro(SpanScheme.PARTIAL).precision()).isCloseTo(0.625, within(1e-12));
        assertThat(e.micro(SpanScheme.TYPE).recall()).isCloseTo(0.5, within(1e-12));
    }

    @Provide
    Arbitrary<List<LabelledSpan>> spans() {
        return Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 6),
                Arbitraries.of("PER", "ORG", "LOC")).as((a, len, l) -> s(a, a + len, l)).list().ofMaxSize(8);
    }

    @Property
    void perfectPredictionsScoreOneEverywhere(@ForAll("spans") List<LabelledSpan> gold) {
        List<LabelledSpan> distinct = gold.stream().distinct().toList();
        SpanEvaluation e = SpanEvaluator.evaluate(distinct, distinct);
        for (SpanScheme s : SpanScheme.values()) {
            if (!distinct.isEmpty()) {
                assertThat(e.micro(s).f1()).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Property
    void emptyPredictionsGiveRecallZeroWithoutDivisionError(@ForAll("spans") List<LabelledSpan> gold) {
        SpanEvaluation e = SpanEvaluator.evaluate(gold, List.of());
        for (SpanScheme s : SpanScheme.values()) {
            assertThat(e.micro(s).recall()).isZero();
            assertThat(e.micro(s).precision()).isZero();
            assertThat(e.overall().get(s).missed()).isEqualTo(gold.size());
        }
    }

    @Property
    void boundsOrderingsAndHarmonicMean(@ForAll("spans") List<LabelledSpan> gold, @ForAll("spans") List<LabelledSpan> pred) {
        SpanEvaluation e = SpanEvaluator.evaluate(gold, pred);
        for (SpanScheme s : SpanScheme.values()) {
            Prf p = e.micro(s);
            assertThat(p.precision()).isBetween(0.0, 1.0);
            assertThat(p.recall()).isBetween(0.0, 1.0);
            assertThat(p.f1()).isCloseTo(Prf.f1(p.precision(), p.recall()), within(1e-12));
            SpanCounts c = e.overall().get(s);
            assertThat(c.possible()).isEqualTo(gold.size());
            assertThat(c.actual()).isEqualTo(pred.size());
        }
        assertThat(e.overall().get(SpanScheme.STRICT).correct()).isLessThanOrEqualTo(e.overall().get(SpanScheme.EXACT).correct());
        assertThat(e.overall().get(SpanScheme.STRICT).correct()).isLessThanOrEqualTo(e.overall().get(SpanScheme.TYPE).correct());
    }

    @Property
    void orderOfPredictionsChangesNothing(@ForAll("spans") List<LabelledSpan> gold, @ForAll("spans") List<LabelledSpan> pred) {
        List<LabelledSpan> g = new ArrayList<>(gold);
        List<LabelledSpan> p = new ArrayList<>(pred);
        Collections.reverse(g);
        Collections.shuffle(p, new java.util.Random(p.size()));
        assertThat(SpanEvaluator.evaluate(g, p)).isEqualTo(SpanEvaluator.evaluate(gold, pred));
    }

    @Property
    void mergeOfPartsEqualsTheWhole(@ForAll("spans") List<LabelledSpan> g1, @ForAll("spans") List<LabelledSpan> p1,
                                    @ForAll("spans") List<LabelledSpan> g2, @ForAll("spans") List<LabelledSpan> p2) {
        // Two documents scored separately and merged equal one corpus scored as the sum of its documents,
        // in either order.
        SpanEvaluation a = SpanEvaluator.evaluate(g1, p1);
        SpanEvaluation b = SpanEvaluator.evaluate(g2, p2);
        assertThat(a.plus(b)).isEqualTo(b.plus(a));
        assertThat(a.plus(SpanEvaluation.EMPTY)).isEqualTo(a);
        for (SpanScheme s : SpanScheme.values()) {
            SpanCounts sum = a.overall().get(s).plus(b.overall().get(s));
            assertThat(a.plus(b).overall().get(s)).isEqualTo(sum);
        }
    }
}
