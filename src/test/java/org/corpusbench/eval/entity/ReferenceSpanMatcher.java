package org.corpusbench.eval.entity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * THE DEFINITION of {@link SpanEvaluator}'s results, kept as the test oracle: the original quadratic
 * matching, written for clarity and not for speed (every prediction scans every gold span). Do not
 * optimise it; {@link SpanEvaluator} must agree with it on every input.
 *
 * <p>Both lists are sorted by (start, end, label). Each prediction, in order, takes the first unmatched
 * gold span (in sorted order) with its extent (strict: extent and label), else the first unmatched gold
 * span that overlaps it; in the type scheme, among the unmatched overlapping gold spans of its label the
 * one with the smallest |Δstart| + |Δend| (the first on ties), else the first unmatched overlapping gold
 * span of another label. A prediction that takes nothing is spurious, a gold span nobody takes is missed.
 * Per-label counts run the same matching on the spans of that label only.
 */
final class ReferenceSpanMatcher {

    private ReferenceSpanMatcher() {
    }

    static SpanEvaluation evaluate(List<LabelledSpan> gold, List<LabelledSpan> predicted) {
        List<LabelledSpan> g = sorted(gold);
        List<LabelledSpan> p = sorted(predicted);
        Map<SpanScheme, SpanCounts> overall = all(g, p);
        Set<String> labels = new TreeSet<>();
        g.forEach(x -> labels.add(x.label()));
        p.forEach(x -> labels.add(x.label()));
        Map<String, Map<SpanScheme, SpanCounts>> per = new TreeMap<>();
        for (String label : labels) {
            per.put(label, all(only(g, label), only(p, label)));
        }
        return new SpanEvaluation(overall, per);
    }

    private static List<LabelledSpan> sorted(List<LabelledSpan> l) {
        List<LabelledSpan> s = new ArrayList<>(l);
        s.sort(LabelledSpan.ORDER);
        return s;
    }

    private static List<LabelledSpan> only(List<LabelledSpan> l, String label) {
        return l.stream().filter(x -> x.label().equals(label)).toList();
    }

    private static Map<SpanScheme, SpanCounts> all(List<LabelledSpan> g, List<LabelledSpan> p) {
        Map<SpanScheme, SpanCounts> m = new EnumMap<>(SpanScheme.class);
        for (SpanScheme s : SpanScheme.values()) {
            m.put(s, count(s, g, p));
        }
        return m;
    }

    static SpanCounts count(SpanScheme scheme, List<LabelledSpan> gold, List<LabelledSpan> pred) {
        Set<Integer> matched = new HashSet<>();
        long correct = 0;
        long incorrect = 0;
        long partial = 0;
        long spurious = 0;
        for (LabelledSpan p : pred) {
            int exact = -1;
            int overlap = -1;
            int best = -1;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < gold.size(); i++) {
                if (matched.contains(i)) {
                    continue;
                }
                LabelledSpan g = gold.get(i);
                if (scheme == SpanScheme.TYPE) {
                    if (g.overlaps(p)) {
                        if (g.label().equals(p.label())) {
                            int d = Math.abs(g.start() - p.start()) + Math.abs(g.end() - p.end());
                            if (d < bestDistance) {
                                bestDistance = d;
                                best = i;
                            }
                        } else if (overlap < 0) {
                            overlap = i;
                        }
                    }
                    continue;
                }
                boolean same = scheme == SpanScheme.STRICT ? g.sameExtent(p) && g.label().equals(p.label())
                        : g.sameExtent(p);
                if (same) {
                    exact = i;
                    break;
                }
                if (g.overlaps(p) && overlap < 0) {
                    overlap = i;
                }
            }
            if (scheme == SpanScheme.TYPE) {
                if (best >= 0) {
                    correct++;
                    matched.add(best);
                } else if (overlap >= 0) {
                    incorrect++;
                    matched.add(overlap);
                } else {
                    spurious++;
                }
            } else if (exact >= 0) {
                correct++;
                matched.add(exact);
            } else if (overlap >= 0) {
                if (scheme == SpanScheme.PARTIAL) {
                    partial++;
                } else {
                    incorrect++;
                }
                matched.add(overlap);
            } else {
                spurious++;
            }
        }
        long missed = gold.size() - matched.size();
        return new SpanCounts(correct, incorrect, partial, missed, spurious);
    }
}
