package org.corpusbench.eval.contradiction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.corpusbench.eval.Counts;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.Span;

/**
 * Scores predicted contradiction pairs against gold pairs. A prediction matches a gold pair when the
 * documents agree and each side overlaps the corresponding gold side, in either order (or, at sentence
 * level, falls in the same sentence). Matching is one to one and maximal (a maximum bipartite
 * matching), so no gold pair is credited twice and the result does not depend on input order.
 * Per type: a matched prediction counts for the gold pair's type (predictions need not carry one); an
 * unmatched prediction counts as a false positive of its own type, or only overall when it has none.
 */
public final class PairMatcher {

    /** Overall and per-type counts, and the matched (gold index, prediction index) pairs. */
    public record Result(Counts overall, Map<ContradictionType, Counts> types, List<int[]> matches) {
    }

    private PairMatcher() {
    }

    /** Span-overlap matching. */
    public static Result match(List<Contradiction> gold, List<Contradiction> predicted) {
        return match(gold, predicted, (a, b) -> a.docId().equals(b.docId()) && a.span().overlaps(b.span()));
    }

    /**
     * Sentence-level matching: two evidence spans match when they lie (start) in the same sentence of the
     * same document. {@code sentences} gives each document's sentence spans.
     */
    public static Result matchBySentence(List<Contradiction> gold, List<Contradiction> predicted,
                                         Function<String, List<Span>> sentences) {
        Map<String, List<Span>> cache = new LinkedHashMap<>();
        return match(gold, predicted, (a, b) -> {
            if (!a.docId().equals(b.docId())) {
                return false;
            }
            List<Span> ss = cache.computeIfAbsent(a.docId(), sentences);
            return sentenceOf(ss, a.span()) >= 0 && sentenceOf(ss, a.span()) == sentenceOf(ss, b.span());
        });
    }

    private static int sentenceOf(List<Span> sentences, Span s) {
        for (int i = 0; i < sentences.size(); i++) {
            Span x = sentences.get(i);
            if (s.start() >= x.start() && s.start() < Math.max(x.end(), x.start() + 1)) {
                return i;
            }
        }
        return -1;
    }

    static Result match(List<Contradiction> goldIn, List<Contradiction> predIn, BiPredicate<Evidence, Evidence> same) {
        List<Contradiction> gold = sorted(goldIn);
        List<Contradiction> pred = sorted(predIn);
        boolean[][] edge = new boolean[pred.size()][gold.size()];
        for (int p = 0; p < pred.size(); p++) {
            for (int g = 0; g < gold.size(); g++) {
                Contradiction x = pred.get(p);
                Contradiction y = gold.get(g);
                edge[p][g] = same.test(x.a(), y.a()) && same.test(x.b(), y.b())
                        || same.test(x.a(), y.b()) && same.test(x.b(), y.a());
            }
        }
        int[] goldOf = new int[pred.size()];
        int[] predOf = new int[gold.size()];
        Arrays.fill(goldOf, -1);
        Arrays.fill(predOf, -1);
        for (int p = 0; p < pred.size(); p++) {
            augment(p, edge, goldOf, predOf, new boolean[gold.size()]);
        }
        Map<ContradictionType, long[]> types = new LinkedHashMap<>();
        long tp = 0;
        List<int[]> matches = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            ContradictionType t = gold.get(g).type();
            long[] c = types.computeIfAbsent(t, k -> new long[3]);
            if (predOf[g] >= 0) {
                tp++;
                c[0]++;
                matches.add(new int[] {goldIn.indexOf(gold.get(g)), predIn.indexOf(pred.get(predOf[g]))});
            } else {
                c[2]++;
            }
        }
        long fp = 0;
        for (int p = 0; p < pred.size(); p++) {
            if (goldOf[p] < 0) {
                fp++;
                ContradictionType t = pred.get(p).type();
                if (t != null) {
                    types.computeIfAbsent(t, k -> new long[3])[1]++;
                }
            }
        }
        Map<ContradictionType, Counts> out = new java.util.EnumMap<>(ContradictionType.class);
        types.forEach((k, v) -> {
            if (k != null) {
                out.put(k, new Counts(v[0], v[1], v[2]));
            }
        });
        return new Result(new Counts(tp, fp, gold.size() - tp), out, matches);
    }

    /** Kuhn's augmenting path: tries to match prediction {@code p}, re-routing earlier matches. */
    private static boolean augment(int p, boolean[][] edge, int[] goldOf, int[] predOf, boolean[] seen) {
        for (int g = 0; g < predOf.length; g++) {
            if (edge[p][g] && !seen[g]) {
                seen[g] = true;
                if (predOf[g] < 0 || augment(predOf[g], edge, goldOf, predOf, seen)) {
                    goldOf[p] = g;
                    predOf[g] = p;
                    return true;
                }
            }
        }
        return false;
    }

    private static final Comparator<Evidence> EVIDENCE = Comparator.comparing(Evidence::docId)
            .thenComparing(Evidence::span);

    private static List<Contradiction> sorted(List<Contradiction> l) {
        List<Contradiction> out = new ArrayList<>(l);
        out.sort(Comparator.comparing(Contradiction::a, EVIDENCE).thenComparing(Contradiction::b, EVIDENCE)
                .thenComparing(c -> c.type() == null ? "" : c.type().name()));
        return out;
    }
}
