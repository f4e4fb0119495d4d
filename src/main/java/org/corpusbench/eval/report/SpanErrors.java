package org.corpusbench.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classifies the spans of one document for error analysis: every prediction is correct, of the wrong
 * type, of the wrong boundary or spurious; every gold span with no overlapping prediction is missed. This
 * is a view for people reading errors; the scores come from the evaluators.
 */
public final class SpanErrors {

    /** A labelled span in code points, end exclusive. */
    public record Labelled(int start, int end, String label) {
        boolean overlaps(Labelled o) {
            return start < o.end && o.start < end;
        }
    }

    /** A span with the kind of error it shows. {@code expected} is the gold label for a wrong type. */
    public record Marked(Labelled span, ErrorKind kind, String expected) {
    }

    /** Both sides of one document. */
    public record Result(List<Marked> gold, List<Marked> predicted) {
        /** Copies both lists. */
        public Result {
            gold = List.copyOf(gold);
            predicted = List.copyOf(predicted);
        }
    }

    private SpanErrors() {
    }

    /**
     * Marks every predicted and every gold span of one document. A prediction is correct or of the wrong type
     * when a gold span has its extent (the first such decides), of the wrong boundary when it only overlaps
     * one, and spurious otherwise; a gold span is correct, of the wrong type or of the wrong boundary by the
     * same tests against the predictions, and missed when nothing overlaps it. Each span is judged on its
     * own, with no one-to-one matching, so the marks need not add up to the scores.
     */
    public static Result classify(List<Labelled> gold, List<Labelled> predicted) {
        List<Marked> p = new ArrayList<>();
        for (Labelled s : predicted) {
            Labelled exact = gold.stream().filter(g -> g.start() == s.start() && g.end() == s.end()).findFirst()
                    .orElse(null);
            if (exact != null) {
                p.add(exact.label().equals(s.label()) ? new Marked(s, ErrorKind.CORRECT, null)
                        : new Marked(s, ErrorKind.WRONG_TYPE, exact.label()));
            } else if (gold.stream().anyMatch(g -> g.overlaps(s))) {
                p.add(new Marked(s, ErrorKind.WRONG_BOUNDARY, null));
            } else {
                p.add(new Marked(s, ErrorKind.SPURIOUS, null));
            }
        }
        List<Marked> g = new ArrayList<>();
        for (Labelled s : gold) {
            boolean exactSame = predicted.stream().anyMatch(x -> x.start() == s.start() && x.end() == s.end()
                    && x.label().equals(s.label()));
            boolean exactExtent = predicted.stream().anyMatch(x -> x.start() == s.start() && x.end() == s.end());
            boolean overlap = predicted.stream().anyMatch(x -> x.overlaps(s));
            ErrorKind k = exactSame ? ErrorKind.CORRECT : exactExtent ? ErrorKind.WRONG_TYPE
                    : overlap ? ErrorKind.WRONG_BOUNDARY : ErrorKind.MISSED;
            g.add(new Marked(s, k, null));
        }
        return new Result(g, p);
    }

    /**
     * The label confusion: for each gold label, how often the overlapping prediction with the largest
     * overlap had each label ({@code "(none)"} when nothing overlapped), and spurious predictions under a
     * gold label of {@code "(none)"}.
     */
    public static Map<String, Map<String, Integer>> confusion(List<Labelled> gold, List<Labelled> predicted) {
        Map<String, Map<String, Integer>> m = new TreeMap<>();
        for (Labelled g : gold) {
            Labelled best = null;
            int bestOverlap = 0;
            for (Labelled p : predicted) {
                int o = Math.min(g.end(), p.end()) - Math.max(g.start(), p.start());
                if (o > bestOverlap) {
                    bestOverlap = o;
                    best = p;
                }
            }
            m.computeIfAbsent(g.label(), k -> new TreeMap<>()).merge(best == null ? "(none)" : best.label(), 1,
                    Integer::sum);
        }
        for (Labelled p : predicted) {
            if (gold.stream().noneMatch(g -> g.overlaps(p))) {
                m.computeIfAbsent("(none)", k -> new TreeMap<>()).merge(p.label(), 1, Integer::sum);
            }
        }
        return m;
    }
}
