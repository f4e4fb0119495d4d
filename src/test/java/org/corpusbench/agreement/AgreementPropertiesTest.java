package org.corpusbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.ModelArbitraries;
import org.corpusbench.TestTexts;
import org.corpusbench.agreement.AgreementReport.ContradictionAgreement;
import org.corpusbench.agreement.AgreementReport.TimexAgreement;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.eval.entity.LabelledSpan;
import org.corpusbench.eval.entity.SpanEvaluator;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;

/** Invariants of {@link Agreement}: a set agrees with itself, the pairwise figures are symmetric, bounds. */
class AgreementPropertiesTest {

    /** Two annotation sets of the same generated documents (astral characters and all). */
    record Two(AnnotationSet a, AnnotationSet b) {
    }

    @Provide
    Arbitrary<List<Document>> documents() {
        return TestTexts.texts().filter(t -> t.codePointCount(0, t.length()) >= 4).list().ofMinSize(1).ofMaxSize(3)
                .map(texts -> {
                    List<Document> out = new ArrayList<>();
                    for (int i = 0; i < texts.size(); i++) {
                        out.add(Document.of("d" + i, texts.get(i), null));
                    }
                    return out;
                });
    }

    static Arbitrary<AnnotationSet> set(List<Document> docs, String name) {
        Arbitrary<List<DocumentAnnotations>> layers = Combinators.combine(docs.stream()
                .map(ModelArbitraries::annotations).toList()).as(l -> l);
        Arbitrary<List<Contradiction>> contradictions = Arbitraries.integers().between(0, docs.size() - 1).list()
                .ofSize(2).flatMap(ij -> ModelArbitraries.contradictions(docs.get(ij.get(0)), docs.get(ij.get(1))))
                .list().ofMaxSize(4).map(l -> {
                    List<Contradiction> out = new ArrayList<>();
                    for (int i = 0; i < l.size(); i++) { // ids unique within a set, as in a validated gold
                        Contradiction c = l.get(i);
                        out.add(new Contradiction("c" + i, c.type(), c.a(), c.b(), c.explanation()));
                    }
                    return out;
                });
        return Combinators.combine(layers, contradictions).as((ls, cs) -> {
            Map<String, Document> byId = new LinkedHashMap<>();
            docs.forEach(d -> byId.put(d.id(), d));
            Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
            ls.forEach(a -> anns.put(a.docId(), a));
            return new AnnotationSet(name, Path.of(name), AnnotationSet.Kind.JSONL, byId, anns, cs, List.of(), List.of(),
                    null);
        });
    }

    @Provide
    Arbitrary<Two> two() {
        return documents().flatMap(docs -> Combinators.combine(set(docs, "A"), set(docs, "B")).as(Two::new));
    }

    @Provide
    Arbitrary<AnnotationSet> one() {
        return documents().flatMap(docs -> set(docs, "A"));
    }

    /** The layers every set holds: what can be compared. */
    static Set<GoldCorpus.Layer> common(List<AnnotationSet> sets) {
        Set<GoldCorpus.Layer> out = EnumSet.copyOf(Agreement.LAYERS);
        for (AnnotationSet s : sets) {
            out.retainAll(Agreement.layersHeld(List.of(s)));
        }
        return out;
    }

    static AnnotationSet renamed(AnnotationSet s, String name) {
        return new AnnotationSet(name, Path.of(name), s.kind(), s.documents(), s.annotations(), s.contradictions(),
                s.nliPairs(), s.files(), s.dataset());
    }

    /** Every figure of a set against an exact copy of itself is 1 (or undefined), and nothing disagrees. */
    @Property
    void aSetAgreesWithItself(@ForAll("one") AnnotationSet a) throws IOException {
        List<AnnotationSet> sets = List.of(a, renamed(a, "B"));
        Set<GoldCorpus.Layer> layers = common(sets);
        Assume.that(!layers.isEmpty());
        AgreementReport r = Agreement.compute(sets, layers);
        if (r.entities() != null) {
            for (SpanScheme s : AgreementReport.SCHEMES) {
                assertThat(r.entities().f1(s)).isEqualTo(1.0);
            }
            oneOrUndefined(r.entities().tokens().cohen());
            oneOrUndefined(r.entities().tokens().fleiss());
            r.entities().tokens().categories().values().forEach(AgreementPropertiesTest::oneOrUndefined);
            oneOrUndefined(r.entities().alphaU().alpha());
            r.entities().alphaU().categories().values().forEach(c -> oneOrUndefined(c.alpha()));
        }
        if (r.timexes() != null) {
            var c = r.timexes().pooled();
            assertThat(List.of(TimexAgreement.strictF1(c), TimexAgreement.relaxedF1(c), TimexAgreement.typeAgreement(c),
                    TimexAgreement.valueAgreement(c))).containsOnly(1.0);
        }
        if (r.contradictions() != null) {
            assertThat(ContradictionAgreement.f1(r.contradictions().pooled())).isEqualTo(1.0);
            assertThat(r.contradictions().typeAgreement()).isEqualTo(1.0);
        }
        assertThat(r.disagreements()).isEmpty();
    }

    private static void oneOrUndefined(Double v) {
        if (v != null) {
            assertThat(v).isCloseTo(1.0, within(1e-9));
        }
    }

    /** The pairwise figures and the kappas do not depend on which annotator comes first. */
    @Property
    void symmetricInTheTwoAnnotators(@ForAll("two") Two t) throws IOException {
        Set<GoldCorpus.Layer> layers = common(List.of(t.a(), t.b()));
        Assume.that(!layers.isEmpty());
        AgreementReport ab = Agreement.compute(List.of(t.a(), t.b()), layers);
        AgreementReport ba = Agreement.compute(List.of(renamed(t.b(), "A"), renamed(t.a(), "B")), layers);
        assertThat(figures(ba)).hasSameSizeAs(figures(ab));
        Map<String, Double> x = figures(ab);
        Map<String, Double> y = figures(ba);
        x.forEach((k, v) -> {
            if (v == null) {
                assertThat(y.get(k)).as(k).isNull();
            } else {
                assertThat(y.get(k)).as(k).isNotNull().isCloseTo(v, within(1e-9));
            }
        });
        assertThat(ba.disagreements()).hasSameSizeAs(ab.disagreements());
    }

    /**
     * Why the SemEval-2013 type scheme is not reported between annotators (found by the property above): A
     * marks PERSON [0,1), PERSON [2,4), PRODUCT [5,6); B marks PERSON [1,2), PRODUCT [3,7). With A as the gold,
     * B's PRODUCT [3,7) takes A's PRODUCT [5,6), a correct match (COR 1). With B as the gold, A's PERSON [2,4)
     * comes first, finds no PERSON to overlap and takes B's PRODUCT [3,7) as an incorrect match, so A's PRODUCT
     * [5,6) is left spurious (COR 0). The type F1 is 2/5 one way and 0 the other.
     */
    @Example
    void theTypeSchemeDependsOnWhoIsTheGold() {
        List<LabelledSpan> a = List.of(
                new LabelledSpan(0, 1, "PERSON"),
                new LabelledSpan(2, 4, "PERSON"),
                new LabelledSpan(5, 6, "PRODUCT"));
        List<LabelledSpan> b = List.of(
                new LabelledSpan(1, 2, "PERSON"),
                new LabelledSpan(3, 7, "PRODUCT"));
        var ab = SpanEvaluator.evaluate(a, b).overall().get(SpanScheme.TYPE);
        var ba = SpanEvaluator.evaluate(b, a).overall().get(SpanScheme.TYPE);
        assertThat(ab.correct()).isEqualTo(1);
        assertThat(ba.correct()).isZero();
        assertThat(AgreementReport.SCHEMES).doesNotContain(SpanScheme.TYPE);
    }

    /** F1 and agreement shares lie in [0, 1]; kappas of two annotators in [−1, 1]; α_u is at most 1. */
    @Property
    void bounds(@ForAll("two") Two t) throws IOException {
        Set<GoldCorpus.Layer> layers = common(List.of(t.a(), t.b()));
        Assume.that(!layers.isEmpty());
        AgreementReport r = Agreement.compute(List.of(t.a(), t.b()), layers);
        figures(r).forEach((k, v) -> {
            if (v == null) {
                return;
            }
            if (k.contains("kappa")) {
                assertThat(v).as(k).isBetween(-1.0 - 1e-9, 1.0 + 1e-9);
            } else if (k.contains("alpha")) {
                assertThat(v).as(k).isLessThanOrEqualTo(1.0 + 1e-9);
            } else {
                assertThat(v).as(k).isBetween(0.0, 1.0);
            }
        });
    }

    /** Every figure of a report by name (a null value is an undefined figure). */
    static Map<String, Double> figures(AgreementReport r) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (r.entities() != null) {
            var e = r.entities();
            for (SpanScheme s : AgreementReport.SCHEMES) {
                m.put("entities " + s + " f1", e.f1(s));
                e.mentions().keySet().forEach(type -> m.put("entities " + s + " f1 " + type, e.f1(s, type)));
            }
            m.put("cohen kappa", e.tokens().cohen());
            m.put("fleiss kappa", e.tokens().fleiss());
            m.put("observed", e.tokens().observed());
            e.tokens().categories().forEach((k, v) -> m.put("token kappa " + k, v));
            m.put("alpha_u", e.alphaU().alpha());
            e.alphaU().categories().forEach((k, v) -> m.put("alpha_u " + k, v.alpha()));
        }
        if (r.timexes() != null) {
            var c = r.timexes().pooled();
            m.put("timex strict f1", TimexAgreement.strictF1(c));
            m.put("timex relaxed f1", TimexAgreement.relaxedF1(c));
            m.put("timex type agreement", TimexAgreement.typeAgreement(c));
            m.put("timex value agreement", TimexAgreement.valueAgreement(c));
            r.timexes().types().forEach((k, v) -> m.put("timex relaxed f1 " + k, TimexAgreement.relaxedF1(v)));
        }
        if (r.contradictions() != null) {
            m.put("contradictions f1", ContradictionAgreement.f1(r.contradictions().pooled()));
            m.put("contradictions type agreement", r.contradictions().typeAgreement());
            r.contradictions().types().forEach((k, v) -> m.put("contradictions f1 " + k, ContradictionAgreement.f1(v)));
        }
        return m;
    }
}
