package org.corpusbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Example;
import org.corpusbench.agreement.AgreementReport.NliAgreement;
import org.corpusbench.agreement.AgreementReport.NliAnnotatorPair;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;
import org.corpusbench.model.Span;

/** The NLI layer of {@link Agreement} (issue 17): figures worked out by hand and published worked examples. */
class NliAgreementTest {

    static final Set<GoldCorpus.Layer> NLI = Set.of(GoldCorpus.Layer.NLI);
    static final NliLabel E = NliLabel.ENTAILMENT;
    static final NliLabel N = NliLabel.NEUTRAL;
    static final NliLabel C = NliLabel.CONTRADICTION;

    private static NliAgreement nli(AnnotationSet... sets) throws IOException {
        return Agreement.compute(List.of(sets), NLI).nli();
    }

    /**
     * Ten pairs ({@link HandMadeSets#NLI_A}, {@link HandMadeSets#NLI_B}). Confusion, A rows, B columns:
     *
     * <pre>
     *        e  n  c | A
     *   e    3  1  0 | 4
     *   n    0  3  0 | 3
     *   c    0  1  2 | 3
     *   B    3  5  2 | 10
     * </pre>
     *
     * A_O = (3 + 3 + 2)/10 = .8. Cohen: A_E = (4·3 + 3·5 + 3·2)/10² = 33/100, κ = (.8 − .33)/(1 − .33) = 47/67.
     * Fleiss (Scott's pi for two): pooled over 20 labels e 7, n 8, c 5: A_E = (49 + 64 + 25)/400 = 138/400,
     * κ = (320 − 138)/(400 − 138) = 182/262 = 91/131. Per label (Fleiss 1971), P_j = (Σ_i n_ij² − N·n·p_j) /
     * (N·n·(n − 1)·p_j) with N = 10, n = 2: e: n_ij = 2 on three pairs, 1 on one; p = 7/20; P = (13 − 7)/7 =
     * 6/7, κ_e = (6/7 − 7/20)/(13/20) = 71/91. n: 2 on three, 1 on two; p = 8/20, P = (14 − 8)/8 = 3/4, κ_n =
     * (3/4 − 2/5)/(3/5) = 7/12. c: 2 on two, 1 on one; p = 5/20, P = (9 − 5)/5 = 4/5, κ_c = (4/5 − 1/4)/(3/4) =
     * 11/15.
     */
    @Example
    void twoAnnotatorsByHand() throws IOException {
        NliAgreement a = nli(HandMadeSets.a("A"), HandMadeSets.b());
        assertThat(a.items()).isEqualTo(10);
        assertThat(a.kappa().observed()).isCloseTo(0.8, within(1e-12));
        assertThat(a.kappa().cohen()).isCloseTo(47.0 / 67, within(1e-12));
        assertThat(a.kappa().fleiss()).isCloseTo(91.0 / 131, within(1e-12));
        assertThat(a.kappa().categories().get("entailment")).isCloseTo(71.0 / 91, within(1e-12));
        assertThat(a.kappa().categories().get("neutral")).isCloseTo(7.0 / 12, within(1e-12));
        assertThat(a.kappa().categories().get("contradiction")).isCloseTo(11.0 / 15, within(1e-12));
        assertThat(a.labels()).isEqualTo(Map.of(E, List.of(4L, 3L), N, List.of(3L, 5L), C, List.of(3L, 2L)));
        NliAnnotatorPair p = a.pairs().get(0);
        assertThat(p.confusion()).isEqualTo(Map.of(E, Map.of(E, 3L, N, 1L, C, 0L), N, Map.of(E, 0L, N, 3L, C, 0L),
                C, Map.of(E, 0L, N, 1L, C, 2L)));
        assertThat(p.disagreements()).isEqualTo(2);
        assertThat(p.kappa().cohen()).isEqualTo(a.kappa().cohen());
    }

    /**
     * Three annotators, C = A. Per pair, Σ_c n_c(n_c − 1)/(n(n − 1)) with n = 3: 1 on the eight pairs where all
     * agree, 2/6 on n04 and n10: A_O = (8 + 2/3)/10 = 13/15. Pooled over 30 labels: e 4·2 + 3 = 11, n 3·2 + 5 =
     * 11, c 3·2 + 2 = 8: A_E = (121 + 121 + 64)/900 = 306/900, κ = (780 − 306)/(900 − 306) = 474/594 = 79/99.
     * Cohen's kappa is per pair only: AB = 47/67, AC = 1, BC = 47/67 with the transposed confusion matrix.
     */
    @Example
    void threeAnnotatorsByHand() throws IOException {
        NliAgreement a = nli(HandMadeSets.a("A"), HandMadeSets.b(), HandMadeSets.a("C"));
        assertThat(a.kappa().observed()).isCloseTo(13.0 / 15, within(1e-12));
        assertThat(a.kappa().fleiss()).isCloseTo(79.0 / 99, within(1e-12));
        assertThat(a.kappa().cohen()).isNull();
        assertThat(a.pairs().get(0).kappa().cohen()).isCloseTo(47.0 / 67, within(1e-12));
        assertThat(a.pairs().get(1).kappa().cohen()).isEqualTo(1.0);
        assertThat(a.pairs().get(2).kappa().cohen()).isCloseTo(47.0 / 67, within(1e-12));
        assertThat(a.pairs().get(2).confusion().get(N)).isEqualTo(Map.of(E, 1L, N, 3L, C, 1L));
        assertThat(a.labels().get(E)).containsExactly(4L, 3L, 4L);
    }

    /**
     * The worked example of the Wikipedia article "Cohen's kappa" (figures only): 50 items, both say yes on
     * 20, A yes and B no on 5, A no and B yes on 10, both no on 15. Published: p_o = 0.7, p_e = 0.5, κ = 0.4.
     * Yes is entailment here and no contradiction.
     */
    @Example
    void cohensPublishedExample() throws IOException {
        List<NliLabel> a = new ArrayList<>();
        List<NliLabel> b = new ArrayList<>();
        add(a, b, E, E, 20);
        add(a, b, E, C, 5);
        add(a, b, C, E, 10);
        add(a, b, C, C, 15);
        NliAgreement k = nli(HandMadeSets.nliOnly("A", HandMadeSets.nli(a)), HandMadeSets.nliOnly("B",
                HandMadeSets.nli(b)));
        assertThat(k.kappa().observed()).isCloseTo(0.7, within(1e-12));
        assertThat(k.kappa().cohen()).isCloseTo(0.4, within(1e-12));
        assertThat(k.pairs().get(0).confusion().get(C)).isEqualTo(Map.of(E, 10L, N, 0L, C, 15L));
    }

    private static void add(List<NliLabel> a, List<NliLabel> b, NliLabel x, NliLabel y, int times) {
        a.addAll(Collections.nCopies(times, x));
        b.addAll(Collections.nCopies(times, y));
    }

    /**
     * The worked example of the Wikipedia article "Fleiss' kappa" (figures only): 14 raters put each of 10
     * subjects in one of 5 categories, with the counts per subject below. Published: P̄ = 0.378, P̄_e = 0.213,
     * κ = 0.210. Exactly: Σ_i (Σ_j n_ij² − 14) = 688, P̄ = 688/(10·14·13) = 172/455; column totals 20, 28, 39,
     * 21, 32 of 140: P̄_e = 4170/19600 = 417/1960; κ = 4211/20059 = 0.20993. Fleiss' kappa does not identify
     * the raters, so each subject's ratings are handed out to raters 1..14 in category order. The NLI layer
     * has three labels, so this goes through {@link TokenKappa}, which the NLI figures use.
     */
    @Example
    void fleisssPublishedExample() {
        int[][] counts = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        List<String[]> items = new ArrayList<>();
        for (int[] subject : counts) {
            List<String> ratings = new ArrayList<>();
            for (int j = 0; j < subject.length; j++) {
                ratings.addAll(Collections.nCopies(subject[j], "k" + (j + 1)));
            }
            items.add(ratings.toArray(new String[0]));
        }
        TokenKappa k = TokenKappa.of(items, 14);
        assertThat(k.observed()).isCloseTo(0.378, within(5e-4));
        assertThat(k.observed()).isCloseTo(172.0 / 455, within(1e-12));
        assertThat(k.fleiss()).isCloseTo(0.210, within(5e-4));
        assertThat(k.fleiss()).isCloseTo(4211.0 / 20059, within(1e-12));
    }

    /** Two copies of one NLI layer: every figure 1, a diagonal confusion matrix, no disagreement. */
    @Example
    void aLayerAgreesWithItself() throws IOException {
        AgreementReport r = Agreement.compute(List.of(HandMadeSets.a("A"), HandMadeSets.a("B")), NLI);
        assertThat(List.of(r.nli().kappa().observed(), r.nli().kappa().cohen(), r.nli().kappa().fleiss()))
                .containsOnly(1.0);
        assertThat(r.nli().pairs().get(0).confusion().get(E)).isEqualTo(Map.of(E, 4L, N, 0L, C, 0L));
        assertThat(r.disagreements()).isEmpty();
    }

    private static AnnotationSet withPairs(String name, List<NliPair> pairs) {
        return HandMadeSets.nliOnly(name, pairs);
    }

    /** A pair whose premise is another sentence in B: refused, naming the pair, the field and both values. */
    @Example
    void anotherPremiseIsRefused() {
        List<NliPair> b = new ArrayList<>(HandMadeSets.nli(HandMadeSets.NLI_A));
        NliPair p = b.get(2);
        b.set(2, new NliPair(p.id(), Segment.of("d1", Span.of(HandMadeSets.TEXT, 0, 3)), p.hypothesis(), p.label(),
                null));
        assertThatThrownBy(() -> Agreement.compute(List.of(HandMadeSets.a("A"), withPairs("B", b)), NLI))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage("B: premise.text: NLI pair 'n03' has premise.text 'Ann' in annotation set B, but 'Ann met "
                        + "Bob in Paris' in A (A); expected every set to label the same NLI pairs, with the same premise "
                        + "and hypothesis (text, doc_id, start, end), or the NLI layer left out of the comparison "
                        + "(--layers without nli)");
    }

    /** Same text, other offsets: the start is named. */
    @Example
    void otherOffsetsAreRefused() {
        String text = "Bob met Bob.";
        AnnotationSet a = withPairs("A", List.of(new NliPair("p", Segment.of("d1", Span.of(text, 0, 3)),
                Segment.of("x"), E, null)));
        AnnotationSet b = withPairs("B", List.of(new NliPair("p", Segment.of("d1", Span.of(text, 8, 11)),
                Segment.of("x"), E, null)));
        assertThatThrownBy(() -> Agreement.compute(List.of(a, b), NLI)).isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith("B: premise.start: NLI pair 'p' has premise.start 8 in annotation set B, "
                        + "but 0 in A (A)");
    }

    /**
     * Pairs missing on one side and extra on the other: the first difference in A's order is reported, with
     * the count of the others; never a comparison of the pairs both happen to hold.
     */
    @Example
    void otherPairsAreRefusedNotComparedInPart() {
        List<NliPair> b = new ArrayList<>(HandMadeSets.nli(HandMadeSets.NLI_A));
        b.remove(4);
        NliPair last = b.get(b.size() - 1);
        b.add(new NliPair("n99", last.premise(), last.hypothesis(), last.label(), null));
        assertThatThrownBy(() -> Agreement.compute(List.of(HandMadeSets.a("A"), withPairs("B", b)), NLI))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith("A: id: NLI pair 'n05' of annotation set A is not in annotation set B (B)")
                .hasMessageEndingWith("(1 more pair differs between A and B)");
    }

    /** An unlabelled pair has no label to agree on: refused, naming the pair and the field. */
    @Example
    void anUnlabelledPairIsRefused() {
        List<NliPair> b = new ArrayList<>(HandMadeSets.nli(HandMadeSets.NLI_A));
        NliPair p = b.get(0);
        b.set(0, new NliPair(p.id(), p.premise(), p.hypothesis(), null, null));
        assertThatThrownBy(() -> Agreement.compute(List.of(HandMadeSets.a("A"), withPairs("B", b)), NLI))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage("B: label: NLI pair 'n01' of annotation set B has no label; expected entailment, neutral "
                        + "or contradiction on every pair whose agreement is measured");
    }

    /** A set without NLI pairs, when the layer is compared: refused as the other layers are. */
    @Example
    void aSetWithoutPairsIsRefused() {
        AnnotationSet none = HandMadeSets.set("B", List.of(), List.of(), List.of());
        assertThatThrownBy(() -> Agreement.compute(List.of(HandMadeSets.a("A"), none), NLI))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage("B: annotation set B holds no NLI pairs, while A holds 10; expected every set to annotate "
                        + "each layer that is compared, or the layer left out of the comparison");
    }
}
