package org.corpusbench.eval.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.corpusbench.eval.Prf;

/**
 * The counts of a span evaluation for every scheme, overall and per label. Merging the evaluations of
 * parts gives the evaluation of the whole.
 */
public record SpanEvaluation(Map<SpanScheme, SpanCounts> overall, Map<String, Map<SpanScheme, SpanCounts>> labels) {

    /** The evaluation of no span, every count 0: the start of a sum. */
    public static final SpanEvaluation EMPTY = new SpanEvaluation(Map.of(), Map.of());

    /**
     * Copies both maps, giving every scheme missing from {@code overall} or from a label zero counts and
     * sorting the labels, so that evaluations that differ only in what was left out are equal. The copies
     * cannot be modified.
     */
    public SpanEvaluation {
        EnumMap<SpanScheme, SpanCounts> o = new EnumMap<>(SpanScheme.class);
        for (SpanScheme s : SpanScheme.values()) {
            o.put(s, overall.getOrDefault(s, SpanCounts.ZERO));
        }
        overall = Collections.unmodifiableMap(o);
        TreeMap<String, Map<SpanScheme, SpanCounts>> l = new TreeMap<>();
        labels.forEach((k, v) -> {
            EnumMap<SpanScheme, SpanCounts> m = new EnumMap<>(SpanScheme.class);
            for (SpanScheme s : SpanScheme.values()) {
                m.put(s, v.getOrDefault(s, SpanCounts.ZERO));
            }
            l.put(k, Collections.unmodifiableMap(m));
        });
        labels = Collections.unmodifiableMap(l);
    }

    /** The evaluation of both parts together: counts summed per scheme and per label, a label of either part kept. */
    public SpanEvaluation plus(SpanEvaluation o) {
        Map<SpanScheme, SpanCounts> ov = new EnumMap<>(SpanScheme.class);
        for (SpanScheme s : SpanScheme.values()) {
            ov.put(s, overall.get(s).plus(o.overall.get(s)));
        }
        Map<String, Map<SpanScheme, SpanCounts>> lab = new TreeMap<>();
        for (Map<String, Map<SpanScheme, SpanCounts>> side : java.util.List.of(labels, o.labels)) {
            side.forEach((k, v) -> {
                Map<SpanScheme, SpanCounts> m = lab.computeIfAbsent(k, x -> new EnumMap<>(SpanScheme.class));
                v.forEach((s, c) -> m.merge(s, c, SpanCounts::plus));
            });
        }
        return new SpanEvaluation(ov, lab);
    }

    /** Micro-averaged figures of a scheme (from the summed counts). */
    public Prf micro(SpanScheme s) {
        return overall.get(s).prf(s);
    }

    /** Unweighted mean over labels of per-label precision, recall and F1. */
    public Prf macro(SpanScheme s) {
        if (labels.isEmpty()) {
            return Prf.ZERO;
        }
        double p = 0;
        double r = 0;
        double f = 0;
        for (Map<SpanScheme, SpanCounts> m : labels.values()) {
            Prf x = m.get(s).prf(s);
            p += x.precision();
            r += x.recall();
            f += x.f1();
        }
        int n = labels.size();
        return new Prf(p / n, r / n, f / n);
    }
}
