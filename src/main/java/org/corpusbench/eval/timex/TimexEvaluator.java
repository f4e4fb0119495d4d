package org.corpusbench.eval.timex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.corpusbench.model.Timex3;

/**
 * Scores one document's TIMEX3 predictions with TempEval-3's definitions: a relaxed match is a pair of
 * overlapping extents, each expression matched at most once (a system expression prefers a gold one
 * with the same extent, then the first it overlaps); a strict match is a relaxed match with the same
 * extent; value, type and mod are compared over the relaxed matches. Both lists are sorted by position
 * first, so their order changes nothing.
 */
public final class TimexEvaluator {

    private TimexEvaluator() {
    }

    /**
     * The counts of one document's system TIMEX3s against its gold ones, matched as the class comment says;
     * the lists may come in any order.
     */
    public static TimexCounts evaluate(List<Timex3> gold, List<Timex3> system) {
        List<Timex3> g = sorted(gold);
        List<Timex3> s = sorted(system);
        boolean[] used = new boolean[g.size()];
        long relaxed = 0;
        long strict = 0;
        long value = 0;
        long type = 0;
        long mod = 0;
        long compatible = 0;
        for (Timex3 p : s) {
            int match = -1;
            for (int i = 0; i < g.size(); i++) {
                if (!used[i] && g.get(i).span().sameExtent(p.span())) {
                    match = i;
                    break;
                }
            }
            if (match < 0) {
                for (int i = 0; i < g.size(); i++) {
                    if (!used[i] && g.get(i).span().overlaps(p.span())) {
                        match = i;
                        break;
                    }
                }
            }
            if (match < 0) {
                continue;
            }
            used[match] = true;
            Timex3 t = g.get(match);
            relaxed++;
            if (t.span().sameExtent(p.span())) {
                strict++;
            }
            if (t.value().equals(p.value())) {
                value++;
            }
            if (compatible(t.value(), p.value())) {
                compatible++;
            }
            if (t.type() == p.type()) {
                type++;
            }
            if (Objects.equals(t.mod(), p.mod())) {
                mod++;
            }
        }
        return new TimexCounts(g.size(), s.size(), relaxed, strict, value, type, mod, compatible);
    }

    private static List<Timex3> sorted(List<Timex3> l) {
        List<Timex3> out = new ArrayList<>(l);
        // A total order on everything that is scored, so that ties cannot depend on input order.
        Comparator<String> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        out.sort(Comparator.comparing(Timex3::span).thenComparing(Timex3::value).thenComparing(Timex3::type)
                .thenComparing(Timex3::mod, nullsFirst));
        return out;
    }

    /**
     * Whether two values agree once {@code X} (an unknown digit or field, as in {@code XXXX-12}) is
     * allowed to match any character in the same position: {@code XXXX-12} is compatible with
     * {@code 2025-12}, not with {@code 2025-11} nor with {@code 2025-12-06} (a different granularity).
     * Values without X must be equal.
     */
    public static boolean compatible(String gold, String system) {
        if (gold.equals(system)) {
            return true;
        }
        if (gold.length() != system.length()) {
            return false;
        }
        for (int i = 0; i < gold.length(); i++) {
            char a = gold.charAt(i);
            char b = system.charAt(i);
            if (a != b && a != 'X' && b != 'X') {
                return false;
            }
        }
        return true;
    }
}
