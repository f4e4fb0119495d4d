package org.corpusbench.eval.contradiction;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.corpusbench.eval.Counts;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.Span;

class PairMatcherTest {

    static Evidence ev(String doc, int a, int b) {
        return new Evidence(doc, new Span(a, b, "x".repeat(b - a)));
    }

    static Contradiction c(ContradictionType t, Evidence a, Evidence b) {
        return new Contradiction(null, t, a, b, null);
    }

    /**
     * gold: g1 = (d1[0,5), d2[10,15)) NAME, g2 = (d1[0,5), d3[0,4)) NAME.
     * predictions: p1 = (d2[12,14), d1[3,8)) — reversed order, overlaps g1 → tp;
     * p2 = a copy of p1 — g1 is taken, and p2 does not fit g2 (d2 ≠ d3) → fp; p3 = (d1[20,25), d3[0,4)) — d1
     * side does not overlap → fp. tp 1, fp 2, fn 1: P = 1/3, R = 1/2.
     */
    @Example
    void eitherOrderAndOneToOne() {
        List<Contradiction> gold = List.of(c(ContradictionType.NAME, ev("d1", 0, 5), ev("d2", 10, 15)),
                c(ContradictionType.NAME, ev("d1", 0, 5), ev("d3", 0, 4)));
        Contradiction p1 = c(null, ev("d2", 12, 14), ev("d1", 3, 8));
        List<Contradiction> pred = List.of(p1, p1, c(ContradictionType.ROLE, ev("d1", 20, 25), ev("d3", 0, 4)));
        PairMatcher.Result r = PairMatcher.match(gold, pred);
        assertThat(r.overall()).isEqualTo(new Counts(1, 2, 1));
        assertThat(r.types().get(ContradictionType.NAME)).isEqualTo(new Counts(1, 0, 1));
        assertThat(r.types().get(ContradictionType.ROLE)).isEqualTo(new Counts(0, 1, 0));
    }

    /** Greedy matching would give p1 to g1 and leave g2 unmatched; the maximum matching credits both. */
    @Example
    void maximumMatchingDoesNotDependOnOrder() {
        Contradiction g1 = c(ContradictionType.FACT, ev("a", 0, 10), ev("b", 0, 10));
        Contradiction g2 = c(ContradictionType.FACT, ev("a", 0, 4), ev("b", 0, 4));
        Contradiction p1 = c(null, ev("a", 2, 3), ev("b", 2, 3));
        Contradiction p2 = c(null, ev("a", 8, 9), ev("b", 8, 9));
        assertThat(PairMatcher.match(List.of(g1, g2), List.of(p1, p2)).overall()).isEqualTo(new Counts(2, 0, 0));
        assertThat(PairMatcher.match(List.of(g2, g1), List.of(p2, p1)).overall()).isEqualTo(new Counts(2, 0, 0));
    }

    @Example
    void sentenceLevelMatching() {
        String text = "Minsk is here. Moscow is there.";
        List<Span> sentences = Sentences.of(text);
        assertThat(sentences).extracting(Span::text).containsExactly("Minsk is here.", "Moscow is there.");
        Contradiction gold = c(ContradictionType.FACT, ev("d", 0, 5), ev("d", 15, 21));
        Contradiction pred = c(null, ev("d", 9, 13), ev("d", 25, 30));
        assertThat(PairMatcher.match(List.of(gold), List.of(pred)).overall().tp()).isZero();
        assertThat(PairMatcher.matchBySentence(List.of(gold), List.of(pred), id -> sentences).overall().tp()).isEqualTo(1);
    }

    @Provide
    Arbitrary<List<Contradiction>> pairs() {
        Arbitrary<Evidence> e = Combinators.combine(Arbitraries.of("a", "b", "c"), Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(1, 5)).as((d, s, n) -> ev(d, s, s + n));
        return Combinators.combine(e, e, Arbitraries.of(ContradictionType.class)).as((x, y, t) -> c(t, x, y))
                .list().ofMaxSize(6);
    }

    @Property
    void invariants(@ForAll("pairs") List<Contradiction> gold, @ForAll("pairs") List<Contradiction> pred) {
        Counts c = PairMatcher.match(gold, pred).overall();
        assertThat(c.gold()).isEqualTo(gold.size());
        assertThat(c.predicted()).isEqualTo(pred.size());
        assertThat(c.f1()).isBetween(0.0, 1.0);
        List<Contradiction> shuffled = new ArrayList<>(pred);
        Collections.reverse(shuffled);
        assertThat(PairMatcher.match(gold, shuffled).overall()).isEqualTo(c);
        if (!gold.isEmpty()) {
            assertThat(PairMatcher.match(gold, gold).overall().recall()).isEqualTo(1.0);
        }
        assertThat(PairMatcher.match(gold, List.of()).overall().recall()).isZero();
    }
}
