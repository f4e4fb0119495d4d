package org.corpusbench.eval.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link SpanEvaluator} against its definition, {@link ReferenceSpanMatcher}: equal counts for every scheme,
 * overall and per label, on small crowded documents where duplicates, nesting, ties and zero-length spans
 * are frequent.
 */
class SpanEvaluatorOracleTest {

    static final List<String> LABELS = List.of("A", "B", "C");

    /** Starts in 0..30, lengths 0..8 with 0 about a quarter of the time, labels A, B, C. */
    static Arbitrary<LabelledSpan> span() {
        return Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.integers().between(-2, 8),
                Arbitraries.of(LABELS)).as((a, len, l) -> new LabelledSpan(a, a + Math.max(0, len), l));
    }

    @Provide
    Arbitrary<List<LabelledSpan>> spans() {
        return span().list().ofMaxSize(20);
    }

    /** Gold spans and predictions mostly derived from them (copied, relabelled, moved, resized), plus noise. */
    record Document(List<LabelledSpan> gold, List<LabelledSpan> predicted) {
    }

    /** How one prediction is derived from the gold span at {@code index} (mod the gold size). */
    record Edit(int index, int kind, int delta, String label, LabelledSpan noise) {

        LabelledSpan apply(List<LabelledSpan> gold) {
            if (gold.isEmpty() || kind == 0) {
                return noise;
            }
            LabelledSpan g = gold.get(index % gold.size());
            return switch (kind) {
                case 1, 2 -> g;
                case 3 -> new LabelledSpan(g.start(), g.end(), label);
                case 4 -> new LabelledSpan(g.start() + delta, Math.max(g.start() + delta, g.end()), g.label());
                case 5 -> new LabelledSpan(g.start(), Math.max(g.start(), g.end() + delta), label);
                default -> new LabelledSpan(g.start() + delta, g.end() + delta, label);
            };
        }
    }

    @Provide
    Arbitrary<Document> documents() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(-3, 3), Arbitraries.of(LABELS),
                span()).as(Edit::new);
        return Combinators.combine(spans(), edit.list().ofMaxSize(24)).as((gold, edits) -> {
            List<LabelledSpan> pred = new ArrayList<>();
            edits.forEach(e -> pred.add(e.apply(gold)));
            return new Document(gold, pred);
        });
    }

    static void assertAgreesWithReference(List<LabelledSpan> gold, List<LabelledSpan> predicted) {
        SpanEvaluation expected = ReferenceSpanMatcher.evaluate(gold, predicted);
        SpanEvaluation actual = SpanEvaluator.evaluate(gold, predicted);
        for (SpanScheme s : SpanScheme.values()) {
            assertThat(actual.overall().get(s)).as("overall " + s).isEqualTo(expected.overall().get(s));
        }
        assertThat(actual.labels().keySet()).as("labels").isEqualTo(expected.labels().keySet());
        expected.labels().forEach((label, counts) -> {
            for (SpanScheme s : SpanScheme.values()) {
                assertThat(actual.labels().get(label).get(s)).as(label + " " + s).isEqualTo(counts.get(s));
            }
        });
        assertThat(actual).isEqualTo(expected);
        // the same spans given in order take another path through the sort
        assertThat(SpanEvaluator.evaluate(inOrder(gold), inOrder(predicted))).isEqualTo(expected);
    }

    static List<LabelledSpan> inOrder(List<LabelledSpan> spans) {
        List<LabelledSpan> l = new ArrayList<>(spans);
        l.sort(LabelledSpan.ORDER);
        return l;
    }

    @Property(tries = 2000)
    void agreesWithTheReferenceOnRandomSpans(@ForAll("spans") List<LabelledSpan> gold,
                                             @ForAll("spans") List<LabelledSpan> predicted) {
        assertAgreesWithReference(gold, predicted);
    }

    @Property(tries = 2000)
    void agreesWithTheReferenceWhenPredictionsResembleGold(@ForAll("documents") Document d) {
        assertAgreesWithReference(d.gold(), d.predicted());
    }

    @Property(tries = 500)
    void farApartDocumentsEvaluatedTogetherEqualThePlusOfTheirEvaluations(
            @ForAll("documents") Document a, @ForAll("documents") Document b) {
        int offset = 1_000_000;
        List<LabelledSpan> gold = new ArrayList<>(a.gold());
        List<LabelledSpan> pred = new ArrayList<>(a.predicted());
        b.gold().forEach(s -> gold.add(new LabelledSpan(s.start() + offset, s.end() + offset, s.label())));
        b.predicted().forEach(s -> pred.add(new LabelledSpan(s.start() + offset, s.end() + offset, s.label())));
        SpanEvaluation whole = SpanEvaluator.evaluate(gold, pred);
        assertThat(whole).isEqualTo(SpanEvaluator.evaluate(a.gold(), a.predicted())
                .plus(SpanEvaluator.evaluate(b.gold(), b.predicted())));
    }

    @Property(tries = 500)
    void agreesWithTheReferenceNearTheEndsOfTheIntRange(@ForAll("documents") Document d,
            @ForAll("offsets") int offset) {
        List<LabelledSpan> gold = shift(d.gold(), offset);
        List<LabelledSpan> pred = shift(d.predicted(), offset);
        assertAgreesWithReference(gold, pred);
        assertThat(SpanEvaluator.evaluate(gold, pred)).isEqualTo(SpanEvaluator.evaluate(d.gold(), d.predicted()));
    }

    /** Coordinates of {@link #documents()} lie in -3..41; these offsets take them up to both ends of int. */
    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.oneOf(Arbitraries.of(Integer.MIN_VALUE + 3, Integer.MIN_VALUE + 20, -20,
                Integer.MAX_VALUE - 60, Integer.MAX_VALUE - 41),
                Arbitraries.integers().between(Integer.MIN_VALUE + 3, Integer.MAX_VALUE - 41));
    }

    static List<LabelledSpan> shift(List<LabelledSpan> spans, int offset) {
        return spans.stream().map(s -> new LabelledSpan(s.start() + offset, s.end() + offset, s.label())).toList();
    }

    /** Spans as long as the int range and zero-length spans at its ends sort and match like any other. */
    @Example
    void extremeSpans() {
        int min = Integer.MIN_VALUE;
        int max = Integer.MAX_VALUE;
        List<LabelledSpan> gold = List.of(new LabelledSpan(min, max, "A"), new LabelledSpan(max, max, "B"),
                new LabelledSpan(min, min, "A"), new LabelledSpan(0, 10, "B"));
        List<LabelledSpan> pred = List.of(new LabelledSpan(max, max, "B"), new LabelledSpan(min, max, "A"),
                new LabelledSpan(min, min, "B"), new LabelledSpan(0, 10, "B"));
        assertAgreesWithReference(gold, pred);
        SpanEvaluation e = SpanEvaluator.evaluate(gold, pred);
        assertThat(e.overall().get(SpanScheme.STRICT)).isEqualTo(new SpanCounts(3, 0, 0, 1, 1));
        assertThat(e.overall().get(SpanScheme.EXACT)).isEqualTo(new SpanCounts(4, 0, 0, 0, 0));
        assertThat(e.overall().get(SpanScheme.TYPE)).isEqualTo(new SpanCounts(2, 0, 0, 2, 2));
    }

    /**
     * A few thousand spans in one document, with long spans containing many short ones (so that scans start
     * far behind a prediction) and negative coordinates, against the reference.
     */
    @Example
    void agreesWithTheReferenceOnALargeNestedDocument() {
        Random r = new Random(20130614);
        for (int round = 0; round < 5; round++) {
            List<LabelledSpan> gold = new ArrayList<>();
            List<LabelledSpan> pred = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                int a = r.nextInt(3000) - 500;
                int len = r.nextInt(20) == 0 ? r.nextInt(800) : r.nextInt(6);
                gold.add(new LabelledSpan(a, a + len, LABELS.get(r.nextInt(3))));
            }
            for (int i = 0; i < 1500; i++) {
                LabelledSpan g = gold.get(r.nextInt(gold.size()));
                int shift = r.nextInt(4) == 0 ? r.nextInt(5) - 2 : 0;
                int a = g.start() + shift;
                pred.add(new LabelledSpan(a, Math.max(a, g.end() + (r.nextInt(3) == 0 ? r.nextInt(5) - 2 : 0)),
                        r.nextInt(5) == 0 ? LABELS.get(r.nextInt(3)) : g.label()));
            }
            assertAgreesWithReference(gold, pred);
        }
    }
}
