package org.corpusbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.agreement.AgreementReport.NliAgreement;
import org.corpusbench.agreement.AgreementReport.NliAnnotatorPair;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.model.NliLabel;

/**
 * Invariants of the NLI layer of {@link Agreement} (issue 17), on generated labellings of the same pairs:
 * symmetry, bounds, a layer against itself, invariance under a consistent relabelling, and how Fleiss' kappa
 * (Scott's pi for two annotators) relates to Cohen's kappa.
 */
class NliAgreementPropertiesTest {

    static final Set<GoldCorpus.Layer> NLI = Set.of(GoldCorpus.Layer.NLI);

    /** Two annotators' labels of the same pairs. */
    record Two(List<NliLabel> a, List<NliLabel> b) {
    }

    @Provide
    Arbitrary<Two> two() {
        return Arbitraries.integers().between(1, 40).flatMap(n -> {
            Arbitrary<List<NliLabel>> labels = Arbitraries.of(NliLabel.class).list().ofSize(n);
            return Combinators.combine(labels, labels).as(Two::new);
        });
    }

    @Provide
    Arbitrary<List<NliLabel>> labels() {
        return Arbitraries.of(NliLabel.class).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<NliLabel>> permutations() {
        return Arbitraries.of(NliLabel.class).list().ofSize(NliLabel.values().length).uniqueElements();
    }

    static NliAgreement nli(List<NliLabel> a, List<NliLabel> b) throws IOException {
        return Agreement.compute(List.of(HandMadeSets.nliOnly("A", HandMadeSets.nli(a)),
                HandMadeSets.nliOnly("B", HandMadeSets.nli(b))), NLI).nli();
    }

    private static void same(Double x, Double y) {
        if (x == null || y == null) {
            assertThat(x).isEqualTo(y);
        } else {
            assertThat(x).isCloseTo(y, within(1e-12));
        }
    }

    /** Swapping the annotators changes no figure, and transposes the confusion matrix. */
    @Property
    void symmetricInTheTwoAnnotators(@ForAll("two") Two t) throws IOException {
        NliAgreement ab = nli(t.a(), t.b());
        NliAgreement ba = nli(t.b(), t.a());
        same(ab.kappa().observed(), ba.kappa().observed());
        same(ab.kappa().cohen(), ba.kappa().cohen());
        same(ab.kappa().fleiss(), ba.kappa().fleiss());
        for (NliLabel x : NliLabel.values()) {
            for (NliLabel y : NliLabel.values()) {
                assertThat(ab.pairs().get(0).confusion().get(x).get(y))
                        .isEqualTo(ba.pairs().get(0).confusion().get(y).get(x));
            }
        }
    }

    /**
     * Observed agreement in [0, 1] and equal to the diagonal's share of the confusion matrix; kappas at most 1
     * and at least −1; the matrix sums to the number of pairs and each row to the first annotator's count.
     */
    @Property
    void boundsAndTheConfusionMatrix(@ForAll("two") Two t) throws IOException {
        NliAgreement a = nli(t.a(), t.b());
        NliAnnotatorPair p = a.pairs().get(0);
        long diagonal = 0;
        long total = 0;
        for (NliLabel x : NliLabel.values()) {
            long row = 0;
            for (NliLabel y : NliLabel.values()) {
                row += p.confusion().get(x).get(y);
            }
            assertThat(row).isEqualTo(a.labels().get(x).get(0));
            diagonal += p.confusion().get(x).get(x);
            total += row;
        }
        assertThat(total).isEqualTo(t.a().size());
        assertThat(p.disagreements()).isEqualTo(total - diagonal);
        assertThat(a.kappa().observed()).isBetween(0.0, 1.0).isCloseTo((double) diagonal / total, within(1e-12));
        for (Double k : new Double[] {a.kappa().cohen(), a.kappa().fleiss()}) {
            if (k != null) {
                assertThat(k).isBetween(-1.0 - 1e-12, 1.0 + 1e-12);
            }
        }
    }

    /** A layer against a copy of itself: agreement 1, kappas 1 (undefined when one label is used throughout). */
    @Property
    void aLayerAgreesWithItself(@ForAll("labels") List<NliLabel> a) throws IOException {
        NliAgreement k = nli(a, a);
        assertThat(k.kappa().observed()).isEqualTo(1.0);
        boolean oneLabel = a.stream().distinct().count() == 1;
        for (Double v : new Double[] {k.kappa().cohen(), k.kappa().fleiss()}) {
            if (oneLabel) {
                assertThat(v).isNull();
            } else {
                assertThat(v).isCloseTo(1.0, within(1e-12));
            }
        }
        assertThat(k.pairs().get(0).disagreements()).isZero();
    }

    /** Renaming the labels by one bijection, for both annotators, changes no figure. */
    @Property
    void aConsistentRelabellingLeavesTheFiguresUnchanged(@ForAll("two") Two t,
                                                         @ForAll("permutations") List<NliLabel> to)
            throws IOException {
        Map<NliLabel, NliLabel> map = new EnumMap<>(NliLabel.class);
        for (NliLabel l : NliLabel.values()) {
            map.put(l, to.get(l.ordinal()));
        }
        NliAgreement before = nli(t.a(), t.b());
        NliAgreement after = nli(t.a().stream().map(map::get).toList(), t.b().stream().map(map::get).toList());
        same(before.kappa().observed(), after.kappa().observed());
        same(before.kappa().cohen(), after.kappa().cohen());
        same(before.kappa().fleiss(), after.kappa().fleiss());
        for (NliLabel l : NliLabel.values()) {
            same(before.kappa().categories().get(l.wireName()), after.kappa().categories().get(map.get(l).wireName()));
        }
    }

    /**
     * Fleiss' kappa does not equal Cohen's in general. For two annotators it is Scott's pi, whose expected
     * agreement Σ_k ((p_k + q_k)/2)² exceeds Cohen's Σ_k p_k·q_k by Σ_k ((p_k − q_k)/2)² ≥ 0; and
     * (A_O − A_E)/(1 − A_E) falls as A_E rises (for A_O ≤ 1), so pi ≤ kappa, both undefined together.
     */
    @Property
    void fleissIsNeverAboveCohenForTwoAnnotators(@ForAll("two") Two t) throws IOException {
        NliAgreement a = nli(t.a(), t.b());
        assertThat(a.kappa().fleiss() == null).isEqualTo(a.kappa().cohen() == null);
        Assume.that(a.kappa().cohen() != null);
        assertThat(a.kappa().fleiss()).isLessThanOrEqualTo(a.kappa().cohen() + 1e-12);
    }

    /**
     * ... and equals it exactly when the two annotators use each label equally often (p_k = q_k): here B's
     * labels are A's in another order.
     */
    @Property
    void fleissEqualsCohenWhenTheLabelCountsAreTheSame(@ForAll("labels") List<NliLabel> a,
                                                       @ForAll long seed) throws IOException {
        List<NliLabel> b = new ArrayList<>(a);
        Collections.shuffle(b, new Random(seed));
        NliAgreement k = nli(a, b);
        same(k.kappa().fleiss(), k.kappa().cohen());
    }

    /**
     * Cohen's kappa of a pair does not depend on the other annotators: the pair's figures in a study of three
     * are those of the two alone.
     */
    @Property
    void aPairsFiguresDoNotDependOnTheOthers(@ForAll("two") Two t, @ForAll long seed) throws IOException {
        List<NliLabel> c = new ArrayList<>(t.a());
        Collections.shuffle(c, new Random(seed));
        NliAgreement three = Agreement.compute(List.of(HandMadeSets.nliOnly("A", HandMadeSets.nli(t.a())),
                HandMadeSets.nliOnly("B", HandMadeSets.nli(t.b())), HandMadeSets.nliOnly("C", HandMadeSets.nli(c))),
                NLI).nli();
        NliAgreement ab = nli(t.a(), t.b());
        same(three.pairs().get(0).kappa().cohen(), ab.kappa().cohen());
        assertThat(three.pairs().get(0).confusion()).isEqualTo(ab.pairs().get(0).confusion());
        assertThat(three.kappa().cohen()).isNull();
    }
}
