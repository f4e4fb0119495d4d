package org.corpusbench.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.entity.LabelledSpan;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanEvaluator;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.nli.NliCounts;
import org.corpusbench.eval.tags.TagCounts;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.model.NliLabel;

/**
 * Each task's counts through its {@link CountLayout}: read(write(x)) is x, the sum of two vectors reads as the
 * merge of the two counts, and the Poisson intervals of the task's own metrics are proper intervals in [0, 1].
 */
class CountLayoutsTest {

    private static final List<String> LABELS = List.of("PER", "ORG", "LOC");

    /** As TempEval-3 counts them: strict <= relaxed <= min(gold, system), attribute matches <= relaxed. */
    @Provide
    Arbitrary<TimexCounts> timex() {
        Arbitrary<Double> share = Arbitraries.doubles().between(0, 1);
        Arbitrary<Long> n = Arbitraries.longs().between(0, 20);
        return Combinators.combine(List.of(n.map(Long::doubleValue), n.map(Long::doubleValue), share, share, share,
                share, share, share)).as(v -> {
                    long gold = v.get(0).longValue();
                    long system = v.get(1).longValue();
                    long relaxed = (long) (v.get(2) * Math.min(gold, system));
                    long[] part = new long[5];
                    for (int i = 0; i < 5; i++) {
                        part[i] = (long) (v.get(3 + i) * relaxed);
                    }
                    return new TimexCounts(gold, system, relaxed, part[0], part[1], part[2], part[3], part[4]);
                });
    }

    @Provide
    Arbitrary<NliCounts> nli() {
        Arbitrary<NliLabel> label = Arbitraries.of(NliLabel.class);
        return Combinators.combine(label, label.injectNull(0.2)).as(NliPair::new).list().ofMaxSize(12).map(pairs -> {
            NliCounts c = NliCounts.ZERO;
            for (NliPair p : pairs) {
                c = c.add(p.gold(), p.predicted());
            }
            return c;
        });
    }

    /** A gold label and a predicted one, or null for a pair without a prediction. */
    private record NliPair(NliLabel gold, NliLabel predicted) {
    }

    @Provide
    Arbitrary<SpanEvaluation> spans() {
        Arbitrary<LabelledSpan> span = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 4), Arbitraries.of(LABELS)).as((s, len, l) -> new LabelledSpan(s,
                s + len, l));
        return Combinators.combine(span.list().ofMaxSize(6), span.list().ofMaxSize(6)).as(SpanEvaluator::evaluate);
    }

    /** As the tag evaluators make them: a type is there only with a chunk (tp + fp + fn > 0). */
    @Provide
    Arbitrary<TagCounts> tags() {
        Arbitrary<Long> n = Arbitraries.longs().between(0, 9);
        Arbitrary<Counts> counts = Combinators.combine(n, n, n).as(Counts::new).filter(c -> c.tp() + c.fp() + c.fn() > 0);
        return Combinators.combine(Arbitraries.maps(Arbitraries.of(LABELS), counts).ofMaxSize(3),
                Arbitraries.longs().between(0, 50), Arbitraries.longs().between(0, 50))
                .as((types, tokens, correct) -> new TagCounts(types, tokens, Math.min(tokens, correct)));
    }

    @Provide
    Arbitrary<Counts> counts() {
        Arbitrary<Long> n = Arbitraries.longs().between(0, 9);
        return Combinators.combine(n, n, n).as(Counts::new);
    }

    private static <T> T roundTrip(CountLayout<T> layout, T counts) {
        long[] v = new long[layout.width()];
        layout.write(counts, v);
        return layout.read(v);
    }

    private static <T> T sum(CountLayout<T> layout, T a, T b) {
        long[] va = new long[layout.width()];
        long[] vb = new long[layout.width()];
        layout.write(a, va);
        layout.write(b, vb);
        for (int k = 0; k < va.length; k++) {
            va[k] += vb[k];
        }
        return layout.read(va);
    }

    @Property(tries = 200)
    void countsRoundTripAndAdd(@ForAll("counts") Counts a, @ForAll("counts") Counts b) {
        assertThat(roundTrip(CountLayouts.counts(), a)).isEqualTo(a);
        assertThat(sum(CountLayouts.counts(), a, b)).isEqualTo(a.plus(b));
    }

    @Property(tries = 200)
    void timexRoundTripsAndAdds(@ForAll("timex") TimexCounts a, @ForAll("timex") TimexCounts b) {
        assertThat(roundTrip(CountLayouts.timex(), a)).isEqualTo(a);
        assertThat(sum(CountLayouts.timex(), a, b)).isEqualTo(a.plus(b));
    }

    @Property(tries = 200)
    void nliRoundTripsAndAdds(@ForAll("nli") NliCounts a, @ForAll("nli") NliCounts b) {
        assertThat(roundTrip(CountLayouts.nli(), a)).isEqualTo(a);
        assertThat(sum(CountLayouts.nli(), a, b)).isEqualTo(a.plus(b));
    }

    @Property(tries = 200)
    void spansRoundTripAndAdd(@ForAll("spans") SpanEvaluation a, @ForAll("spans") SpanEvaluation b) {
        CountLayout<SpanEvaluation> layout = CountLayouts.spans(List.of("ORG", "LOC", "PER"));
        assertThat(roundTrip(layout, a)).isEqualTo(a);
        assertThat(sum(layout, a, b)).isEqualTo(a.plus(b));
        // the overall counts only, which is all the micro figures need: labels are not kept
        SpanEvaluation overall = roundTrip(CountLayouts.spans(), a);
        assertThat(overall.overall()).isEqualTo(a.overall());
        assertThat(overall.labels()).isEmpty();
    }

    @Property(tries = 200)
    void tagsRoundTripAndAdd(@ForAll("tags") TagCounts a, @ForAll("tags") TagCounts b) {
        CountLayout<TagCounts> layout = CountLayouts.tags(LABELS);
        assertThat(roundTrip(layout, a)).isEqualTo(a);
        assertThat(sum(layout, a, b)).isEqualTo(a.plus(b));
    }

    /** Every task's own figures over Poisson replicates: ordered bounds in [0, 1], the estimate of the total. */
    @Property(tries = 50)
    void everyTasksFiguresGiveProperIntervals(@ForAll @Size(max = 30) List<@From("timex") TimexCounts> timex,
                                              @ForAll @Size(max = 30) List<@From("nli") NliCounts> nli,
                                              @ForAll @Size(max = 30) List<@From("spans") SpanEvaluation> spans,
                                              @ForAll @Size(max = 30) List<@From("tags") TagCounts> tags,
                                              @ForAll long seed) {
        check(CountLayouts.timex(), timex, TimexCounts.ZERO, TimexCounts::plus,
                List.of(x -> x.strictPrf().f1(), x -> x.relaxedPrf().f1(), TimexCounts::valueF1), seed);
        check(CountLayouts.nli(), nli, NliCounts.ZERO, NliCounts::plus,
                List.of(NliCounts::accuracy, NliCounts::macroF1, x -> x.weighted().f1()), seed);
        List<ToDoubleFunction<SpanEvaluation>> spanFigures = new ArrayList<>();
        for (SpanScheme s : SpanScheme.values()) {
            spanFigures.add(e -> e.micro(s).f1());
            spanFigures.add(e -> e.macro(s).f1());
        }
        check(CountLayouts.spans(LABELS), spans, SpanEvaluation.EMPTY, SpanEvaluation::plus, spanFigures, seed);
        check(CountLayouts.tags(LABELS), tags, TagCounts.EMPTY, TagCounts::plus,
                List.of(t -> t.overall().f1(), t -> t.macro().f1(), TagCounts::accuracy), seed);
    }

    private static <T> void check(CountLayout<T> layout, List<T> units, T zero,
                                  BinaryOperator<T> plus, List<ToDoubleFunction<T>> figures, long seed) {
        PoissonBootstrap<T> acc = new PoissonBootstrap<>(layout, 100, seed);
        for (int i = 0; i < units.size(); i++) {
            acc.add(i, units.get(i));
        }
        T total = units.stream().reduce(zero, plus);
        assertThat(acc.total()).isEqualTo(total);
        List<Bootstrap.Interval> ivs = acc.intervals(figures, 0.95);
        for (int m = 0; m < figures.size(); m++) {
            Bootstrap.Interval iv = ivs.get(m);
            assertThat(iv.estimate()).isEqualTo(figures.get(m).applyAsDouble(total));
            assertThat(iv.low()).isBetween(0.0, iv.high());
            assertThat(iv.high()).isBetween(iv.low(), 1.0);
        }
    }

    @Example
    void aLabelTheLayoutDoesNotListIsRefused() {
        SpanEvaluation e = SpanEvaluator.evaluate(List.of(new LabelledSpan(0, 3, "MISC")), List.of());
        assertThatThrownBy(() -> new PoissonBootstrap<>(CountLayouts.spans(LABELS), 10, 1).add("d1", e))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a unit has label 'MISC', which the layout does not list; expected one of [PER, ORG, LOC] "
                        + "(list every label of the gold and the predictions)");
        TagCounts t = new TagCounts(Map.of("MISC", new Counts(1, 0, 0)), 1, 1);
        assertThatThrownBy(() -> new PoissonBootstrap<>(CountLayouts.tags(LABELS), 10, 1).add(0, t))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 'MISC'");
        assertThatThrownBy(() -> CountLayouts.tags(List.of("PER", "PER"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels must be distinct, found [PER, PER]");
        assertThatThrownBy(() -> CountLayouts.longs(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Layouts built alike are equal (they are records), so accumulators built apart can be merged. */
    @Example
    void layoutsBuiltAlikeAreEqual() {
        assertThat(CountLayouts.spans(List.of("PER", "ORG"))).isEqualTo(CountLayouts.spans(new ArrayList<>(List.of(
                "PER", "ORG"))));
        assertThat(CountLayouts.spans(List.of("PER", "ORG"))).isNotEqualTo(CountLayouts.spans(List.of("ORG", "PER")));
        assertThat(CountLayouts.nli()).isEqualTo(CountLayouts.nli());
        assertThat(CountLayouts.spans()).isNotEqualTo(CountLayouts.spans(List.of()));
        assertThat(CountLayouts.longs(3)).isEqualTo(CountLayouts.longs(3)).isNotEqualTo(CountLayouts.longs(4));
        // widths: 3; 8; 9 cells + 3 missing; 4 schemes × 5 counts × (overall + 2 labels); overall only; 2 + 3 × 3
        assertThat(List.of(CountLayouts.counts().width(), CountLayouts.timex().width(), CountLayouts.nli().width(),
                CountLayouts.spans(List.of("PER", "ORG")).width(), CountLayouts.spans().width(),
                CountLayouts.tags(LABELS).width())).containsExactly(3, 8, 12, 60, 20, 11);
    }

    @Example
    void nliCountsOfRefusesWrongShapesAndNegatives() {
        assertThatThrownBy(() -> NliCounts.of(new long[8], new long[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 9 cells and 3 missing counts, found 8 and 3");
        long[] cells = new long[9];
        cells[4] = -1;
        assertThatThrownBy(() -> NliCounts.of(cells, new long[3])).isInstanceOf(IllegalArgumentException.class);
        long[] mine = {1, 0, 0, 0, 2, 0, 0, 0, 3};
        NliCounts c = NliCounts.of(mine, new long[] {0, 0, 4});
        mine[0] = 99; // copied, not kept
        // 1 + 2 + 3 right of 10 pairs (4 contradictions without a prediction)
        assertThat(c.accuracy()).isEqualTo(0.6);
        assertThat(c.cell(NliLabel.ENTAILMENT, NliLabel.ENTAILMENT)).isEqualTo(1);
    }

    /** The labels of a read-back evaluation are those with a count, as the merge of the drawn units has. */
    @Example
    void labelsWithoutCountsAreLeftOutWhenRead() {
        CountLayout<TagCounts> layout = CountLayouts.tags(LABELS);
        Map<String, Counts> types = new TreeMap<>(Map.of("ORG", new Counts(1, 2, 0)));
        long[] v = new long[layout.width()];
        layout.write(new TagCounts(types, 5, 4), v);
        assertThat(layout.read(v).types()).containsOnlyKeys("ORG");
    }
}
