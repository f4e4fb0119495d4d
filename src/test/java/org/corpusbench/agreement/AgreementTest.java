package org.corpusbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import org.corpusbench.agreement.AgreementReport.ContradictionAgreement;
import org.corpusbench.agreement.AgreementReport.TimexAgreement;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.Document;
import org.corpusbench.model.TimexType;

/** The figures of {@link Agreement} on the sets of {@link HandMadeSets}, worked out by hand. */
class AgreementTest {

    private static AgreementReport two() throws IOException {
        return Agreement.compute(List.of(HandMadeSets.a("A"), HandMadeSets.b()), Agreement.LAYERS);
    }

    /**
     * Entities, A against B. Strict (SemEval-2013): Ann correct, Bob incorrect (PERSON vs ORG), Paris missed:
     * COR 1, POS 3, ACT 2, P = 1/2, R = 1/3, F1 = 2/5. Partial (extent only, half credit for an overlap): Ann
     * and Bob correct, Paris missed: P = 1, R = 2/3, F1 = 4/5. Per type (strict, the type's mentions alone):
     * PERSON: A {Ann, Bob}, B {Ann}: 1 correct, 1 missed, F1 = 2/3; GPE and ORG have no match: 0.
     *
     * <p>Tokens (Ann met Bob in Paris on 5 May 2024 .): A = PERSON O PERSON O GPE O O O O O, B = PERSON O ORG O
     * O O O O O O; Cohen's kappa 11/21 and Fleiss' 21/41, as in TokenKappaTest.twoAnnotators.
     *
     * <p>α_u over the 35 code points, per label (D_O = 2·Σ distances / (R(R−1)L²), D_E as in
     * UnitizingAlphaTest, over 2·35·69 − Σ l(l−1)): PERSON: A has [0,3) and [8,11), B [0,3); B's gap [3,35)
     * holds A's [8,11): distance 3² = 9, D_O = 18/2450 = 9/1225; units 3, 3, 3 (N = 3), gaps 32, 24, 5: D_E =
     * 103/5614. GPE: only A's [15,20) inside B's gap: 5² = 25, D_O = 50/2450 = 1/49; N = 1, gaps 35, 15, 15:
     * D_E = 53/3367. ORG: only B's [8,11) inside A's gap: D_O = 9/1225; N = 1, gaps 35, 24, 8: D_E = 61/9380.
     * α_u = 1 − (9/1225 + 1/49 + 9/1225)/(103/5614 + 53/3367 + 61/9380) = 347589341/2570349985 = .135230.
     */
    @Example
    void entitiesOfTwoAnnotators() throws IOException {
        var e = two().entities();
        assertThat(e.f1(SpanScheme.STRICT)).isCloseTo(0.4, within(1e-12));
        assertThat(e.f1(SpanScheme.PARTIAL)).isCloseTo(0.8, within(1e-12));
        assertThat(e.f1(SpanScheme.STRICT, "PERSON")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(e.f1(SpanScheme.STRICT, "GPE")).isZero();
        assertThat(e.f1(SpanScheme.STRICT, "ORG")).isZero();
        assertThat(e.tokens().cohen()).isCloseTo(11.0 / 21, within(1e-12));
        assertThat(e.tokens().fleiss()).isCloseTo(21.0 / 41, within(1e-12));
        assertThat(e.alphaU().categories().get("PERSON").observed()).isCloseTo(9.0 / 1225, within(1e-12));
        assertThat(e.alphaU().categories().get("PERSON").expected()).isCloseTo(103.0 / 5614, within(1e-12));
        assertThat(e.alphaU().categories().get("GPE").expected()).isCloseTo(53.0 / 3367, within(1e-12));
        assertThat(e.alphaU().categories().get("ORG").expected()).isCloseTo(61.0 / 9380, within(1e-12));
        assertThat(e.alphaU().alpha()).isCloseTo(347589341.0 / 2570349985L, within(1e-12));
        assertThat(e.mentions()).isEqualTo(Map.of("PERSON", List.of(2L, 1L), "GPE", List.of(1L, 0L), "ORG",
                List.of(0L, 1L)));
    }

    /**
     * Dates: '5 May 2024' and 'May 2024' overlap (one relaxed match) without the same extent (no strict match);
     * one expression each: strict F1 = 0, relaxed F1 = 2·1/(1 + 1) = 1; over the one match the type agrees
     * (DATE) and the value does not (2024-05-05 vs 2024-05): type agreement 1, value agreement 0.
     * Contradictions: A's NAME pair and B's ROLE pair have overlapping sides and match; B's FACT pair has no
     * partner: tp 1, fp 1, fn 0, F1 = 2/3. Matched only within a type, nothing matches: type agreement 0/1.
     */
    @Example
    void datesAndContradictionsOfTwoAnnotators() throws IOException {
        AgreementReport r = two();
        TimexAgreement t = r.timexes();
        assertThat(TimexAgreement.strictF1(t.pooled())).isZero();
        assertThat(TimexAgreement.relaxedF1(t.pooled())).isEqualTo(1.0);
        assertThat(TimexAgreement.typeAgreement(t.pooled())).isEqualTo(1.0);
        assertThat(TimexAgreement.valueAgreement(t.pooled())).isZero();
        assertThat(TimexAgreement.relaxedF1(t.types().get(TimexType.DATE))).isEqualTo(1.0);
        ContradictionAgreement c = r.contradictions();
        assertThat(ContradictionAgreement.f1(c.pooled())).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.typeAgreement()).isZero();
        assertThat(ContradictionAgreement.f1(c.types().get(ContradictionType.NAME))).isZero();
        assertThat(r.tokens()).isEqualTo(10);
        assertThat(r.continuum()).isEqualTo(35);
    }

    /**
     * Three annotators, C = A. Entities, strict, pooled over the pairs AB (COR 1, POS 3, ACT 2), AC (COR 3, POS
     * 3, ACT 3) and BC (B as gold: Ann correct, Bob incorrect, Paris spurious: COR 1, POS 2, ACT 3): COR 5,
     * POS 8, ACT 8, F1 = 5/8. Fleiss' kappa over tokens 133/193 (TokenKappaTest.threeAnnotators); Cohen's
     * kappa is per pair only: AB = BC = 11/21, AC = 1. Dates: relaxed matches 3, strict 1 (AC), value 1 (AC),
     * 6 expressions over the pairs: strict F1 = 2·1/6 = 1/3, relaxed F1 = 1, value agreement 1/3.
     * Contradictions: AB tp 1 fp 1; AC tp 1; BC (B as gold) tp 1 fn 1: tp 3, fp 1, fn 1, F1 = 6/8; matched
     * within a type only AC's NAME pair: type agreement 1/3. α_u of the three (same method as above): PERSON
     * D_O = 6/1225, D_E = 152/7623; GPE 2/147, 387/19040; ORG 6/1225, 282/63665; α_u = 1653449251/3470586595.
     */
    @Example
    void threeAnnotators() throws IOException {
        AgreementReport r = Agreement.compute(List.of(HandMadeSets.a("A"), HandMadeSets.b(), HandMadeSets.a("C")),
                Agreement.LAYERS);
        var e = r.entities();
        assertThat(e.f1(SpanScheme.STRICT)).isCloseTo(5.0 / 8, within(1e-12));
        assertThat(e.tokens().fleiss()).isCloseTo(133.0 / 193, within(1e-12));
        assertThat(e.tokens().cohen()).isNull();
        assertThat(e.pairs().get(0).tokens().cohen()).isCloseTo(11.0 / 21, within(1e-12));
        assertThat(e.pairs().get(1).tokens().cohen()).isEqualTo(1.0);
        assertThat(e.pairs().get(2).tokens().cohen()).isCloseTo(11.0 / 21, within(1e-12));
        assertThat(e.alphaU().alpha()).isCloseTo(1653449251.0 / 3470586595L, within(1e-12));
        assertThat(e.pairs().get(1).alphaU().alpha()).isEqualTo(1.0);
        TimexAgreement t = r.timexes();
        assertThat(TimexAgreement.strictF1(t.pooled())).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(TimexAgreement.relaxedF1(t.pooled())).isEqualTo(1.0);
        assertThat(TimexAgreement.valueAgreement(t.pooled())).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(ContradictionAgreement.f1(r.contradictions().pooled())).isCloseTo(0.75, within(1e-12));
        assertThat(r.contradictions().typeAgreement()).isCloseTo(1.0 / 3, within(1e-12));
    }

    /**
     * Every place A and B differ, once per place: Bob's type, Paris only in A, the date's boundary, the
     * contradiction pair matched across types, B's FACT pair, and the NLI pairs n04 and n10.
     */
    @Example
    void disagreementsListEveryDifference() throws IOException {
        List<Disagreement> d = two().disagreements();
        assertThat(d).extracting(x -> x.layer() + " " + x.kind().wireName() + " " + x.start() + "-" + x.end())
                .containsExactly("entities type 8-11", "entities only_first 15-20", "timexes boundary 24-34",
                        "contradictions type 0-3", "contradictions only_second 15-20", "nli label 0-20",
                        "nli label 0-20");
        assertThat(d.get(5).text()).isEqualTo("n04");
        assertThat(d.get(5).firstSays()).isEqualTo("entailment");
        assertThat(d.get(5).secondSays()).isEqualTo("neutral");
        assertThat(d.get(5).docId()).isEqualTo("d1");
        assertThat(d.get(5).context()).isEqualTo("premise: Ann met Bob in Paris | hypothesis: H4");
        assertThat(d.get(6).text()).isEqualTo("n10");
        assertThat(d.get(0).firstSays()).isEqualTo("PERSON [8,11) 'Bob'");
        assertThat(d.get(0).secondSays()).isEqualTo("ORG [8,11) 'Bob'");
        assertThat(d.get(0).context()).isEqualTo("Ann met [[Bob]] in Paris on 5 May 2024.");
        assertThat(d.get(2).secondSays()).isEqualTo("DATE 2024-05 [26,34) 'May 2024'");
    }

    /** Two copies of one set agree completely, and nothing is listed as a disagreement. */
    @Example
    void aSetAgreesWithItself() throws IOException {
        AgreementReport r = Agreement.compute(List.of(HandMadeSets.a("A"), HandMadeSets.a("B")), Agreement.LAYERS);
        for (SpanScheme s : AgreementReport.SCHEMES) {
            assertThat(r.entities().f1(s)).isEqualTo(1.0);
        }
        assertThat(r.entities().tokens().cohen()).isEqualTo(1.0);
        assertThat(r.entities().alphaU().alpha()).isEqualTo(1.0);
        assertThat(TimexAgreement.strictF1(r.timexes().pooled())).isEqualTo(1.0);
        assertThat(TimexAgreement.valueAgreement(r.timexes().pooled())).isEqualTo(1.0);
        assertThat(ContradictionAgreement.f1(r.contradictions().pooled())).isEqualTo(1.0);
        assertThat(r.contradictions().typeAgreement()).isEqualTo(1.0);
        assertThat(r.disagreements()).isEmpty();
    }

    /** A set that holds nothing of a compared layer is refused, not scored as a total disagreement. */
    @Example
    void aMissingLayerIsRefused() {
        AnnotationSet noDates = HandMadeSets.set("B", HandMadeSets.a("x").layers("d1").entities(), List.of(),
                HandMadeSets.a("x").contradictions(), HandMadeSets.a("x").nliPairs());
        assertThatThrownBy(() -> Agreement.compute(List.of(HandMadeSets.a("A"), noDates), Agreement.LAYERS))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage("B: annotation set B holds no dates, while A holds 1; expected every set to annotate each "
                        + "layer that is compared, or the layer left out of the comparison");
    }

    /** Sets of different texts are refused before anything is computed. */
    @Example
    void otherTextsAreRefused() {
        AnnotationSet other = new AnnotationSet("B", Path.of("B"), AnnotationSet.Kind.JSONL,
                Map.of("d1", Document.of("d1", HandMadeSets.TEXT.replace("Paris", "Minsk"), null)), Map.of(),
                List.of(), List.of(), List.of(), null);
        assertThatThrownBy(() -> Agreement.compute(List.of(HandMadeSets.a("A"), other),
                java.util.Set.of(GoldCorpus.Layer.ENTITIES)))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith("B: text: document 'd1' has a text of SHA-256 ");
    }
}
