package org.corpusbench.eval.entity;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scores one document's predicted spans against its gold spans under the four SemEval-2013 schemes, with
 * nervaluate's matching: each prediction, in order, takes the first unmatched gold span it matches
 * exactly (correct) or else the first it overlaps (incorrect in the strict and exact schemes, partial in
 * the partial scheme; in the type scheme an overlapping gold span of the same label — the one with the
 * closest boundaries — is correct, one of another label incorrect); a prediction that overlaps nothing
 * is spurious and a gold span left unmatched is missed. Both lists are sorted by position first, so the
 * order in which they are given changes nothing. Per-label counts run the same matching on the spans of
 * that label only.
 *
 * <p>The matching is the simple definition above (kept as the test oracle {@code ReferenceSpanMatcher}),
 * but not computed by scanning every gold span for every prediction, so that a million spans in one
 * document take a fraction of a second rather than hours. The spans become parallel int arrays sorted
 * with sorts of longs, and because predictions then come in (start, end, label) order,
 * <ul>
 * <li>the gold spans with a prediction's key (extent, or extent and label) form one run of the sorted gold
 * list, found by a pointer that only moves forward, and a cursor skips the matched ones of that run;</li>
 * <li>a gold span that ends at or before a prediction's start can overlap no later prediction, and a
 * matched one is gone for good, so the first unmatched overlapping gold span is the first gold span that
 * is neither — a pointer that only moves forward — provided it starts before the prediction ends;</li>
 * <li>in the type scheme the candidates of the prediction's label are scanned in start order, skipping for
 * good (with a next-pointer array) the ones that are matched or end too early, and stopping once the start
 * alone is farther than the best distance found.</li>
 * </ul>
 * So the strict, exact and partial matchings take linear time after the sort, and the type matching too
 * unless many unmatched gold spans of one label overlap each prediction (deep nesting). The exact and
 * partial schemes share one matching (only the name of an overlap differs), and per label the strict
 * scheme equals the exact one.
 */
public final class SpanEvaluator {

    private SpanEvaluator() {
    }

    /**
     * The counts of {@code predicted} against {@code gold} under every scheme, overall and per label, matched
     * as the class comment says. Both lists hold the spans of one document (offsets of one text) in any
     * order; a label must not be {@code null}.
     */
    public static SpanEvaluation evaluate(List<LabelledSpan> gold, List<LabelledSpan> predicted) {
        String[] names = labelNames(gold, predicted);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            ids.put(names[i], i);
        }
        Spans g = Spans.sorted(gold, ids, names.length);
        Spans p = Spans.sorted(predicted, ids, names.length);
        int[] goldOffsets = g.labelOffsets(names.length);
        int[] goldByLabel = g.byLabel(goldOffsets);
        int[] predOffsets = p.labelOffsets(names.length);
        int[] predByLabel = p.byLabel(predOffsets);

        Match strict = matchExact(g, p, true);
        Match exact = matchExact(g, p, false);
        Match type = matchType(g, p, goldByLabel, goldOffsets);
        Map<SpanScheme, SpanCounts> overall = schemes(strict, exact, type);

        Map<String, Map<SpanScheme, SpanCounts>> per = new TreeMap<>();
        for (int l = 0; l < names.length; l++) {
            Spans gl = g.subset(goldByLabel, goldOffsets[l], goldOffsets[l + 1]);
            Spans pl = p.subset(predByLabel, predOffsets[l], predOffsets[l + 1]);
            Match e = matchExact(gl, pl, false);
            per.put(names[l], schemes(e, e, matchType(gl, pl, identity(gl.size), new int[] {0, gl.size})));
        }
        return new SpanEvaluation(overall, per);
    }

    /** The distinct labels of both lists in {@link String} order, so that label ids sort like labels. */
    private static String[] labelNames(List<LabelledSpan> gold, List<LabelledSpan> predicted) {
        Map<String, Boolean> seen = new HashMap<>();
        for (List<LabelledSpan> l : List.of(gold, predicted)) {
            for (LabelledSpan s : l) {
                seen.put(Objects.requireNonNull(s.label(), "label"), Boolean.TRUE);
            }
        }
        String[] names = seen.keySet().toArray(new String[0]);
        Arrays.sort(names);
        return names;
    }

    private static Map<SpanScheme, SpanCounts> schemes(Match strict, Match exact, Match type) {
        Map<SpanScheme, SpanCounts> m = new EnumMap<>(SpanScheme.class);
        m.put(SpanScheme.STRICT, new SpanCounts(strict.correct, strict.overlap, 0, strict.missed, strict.spurious));
        m.put(SpanScheme.EXACT, new SpanCounts(exact.correct, exact.overlap, 0, exact.missed, exact.spurious));
        m.put(SpanScheme.PARTIAL, new SpanCounts(exact.correct, 0, exact.overlap, exact.missed, exact.spurious));
        m.put(SpanScheme.TYPE, new SpanCounts(type.correct, type.overlap, 0, type.missed, type.spurious));
        return m;
    }

    /** Outcome of one matching: exact matches, overlap matches, unmatched predictions, unmatched gold. */
    private record Match(long correct, long overlap, long spurious, long missed) {
    }

    /**
     * The strict ({@code withLabel}) or exact and partial matching: the first unmatched gold span with the
     * prediction's extent (and label), else the first unmatched gold span that overlaps it.
     */
    private static Match matchExact(Spans g, Spans p, boolean withLabel) {
        int n = g.size;
        boolean[] matched = new boolean[n];
        int run = 0; // first gold span whose key is not below the current prediction's
        int cursor = 0; // first gold span of the current prediction's run that may be unmatched
        int live = 0; // every gold span before it is matched or ends at or before the prediction's start
        long correct = 0;
        long overlap = 0;
        for (int j = 0; j < p.size; j++) {
            if (j == 0 || compare(p, j - 1, p, j, withLabel) != 0) {
                while (run < n && compare(g, run, p, j, withLabel) < 0) {
                    run++;
                }
                cursor = run;
            }
            while (cursor < n && matched[cursor] && compare(g, cursor, p, j, withLabel) == 0) {
                cursor++;
            }
            if (cursor < n && compare(g, cursor, p, j, withLabel) == 0) {
                matched[cursor] = true;
                correct++;
                continue;
            }
            live = firstLive(g, matched, live, p.start[j]);
            if (live < n && g.start[live] < p.end[j]) {
                matched[live] = true;
                overlap++;
            }
        }
        return new Match(correct, overlap, p.size - correct - overlap, n - correct - overlap);
    }

    /**
     * The type matching: among the unmatched gold spans of the prediction's label that overlap it, the one
     * with the smallest |Δstart| + |Δend| (the first on ties), else the first unmatched overlapping gold span
     * (which then has another label). {@code byLabel} lists the gold indexes grouped by label, in gold
     * order within a label; label {@code l} takes positions {@code offsets[l]} to {@code offsets[l + 1]}.
     */
    private static Match matchType(Spans g, Spans p, int[] byLabel, int[] offsets) {
        int n = g.size;
        boolean[] matched = new boolean[n];
        int[] next = identity(n + 1); // a position skipped for good points further on; see find
        int live = 0;
        long correct = 0;
        long overlap = 0;
        for (int j = 0; j < p.size; j++) {
            int s = p.start[j];
            int e = p.end[j];
            int end = offsets[p.label[j] + 1];
            int best = -1;
            long bestDistance = Long.MAX_VALUE;
            for (int k = find(next, offsets[p.label[j]]); k < end; k = find(next, k + 1)) {
                int i = byLabel[k];
                if (matched[i] || g.end[i] <= s) {
                    next[k] = k + 1; // gone for every later prediction
                    continue;
                }
                if (g.start[i] >= e || (long) g.start[i] - s >= bestDistance) {
                    break; // so do all later candidates
                }
                long d = Math.abs((long) g.start[i] - s) + Math.abs((long) g.end[i] - e);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            if (best >= 0) {
                matched[best] = true;
                correct++;
                continue;
            }
            live = firstLive(g, matched, live, s);
            if (live < n && g.start[live] < e) {
                matched[live] = true; // of another label, or the loop above would have found it
                overlap++;
            }
        }
        return new Match(correct, overlap, p.size - correct - overlap, n - correct - overlap);
    }

    /**
     * The first gold span from {@code live} on that is unmatched and ends after {@code s}. The spans skipped
     * can overlap no prediction from this one on, as predictions come in start order; so if any unmatched
     * gold span overlaps the prediction, this one does (it is the first such), and it does exactly when it
     * starts before the prediction ends.
     */
    private static int firstLive(Spans g, boolean[] matched, int live, int s) {
        int i = live;
        while (i < g.size && (matched[i] || g.end[i] <= s)) {
            i++;
        }
        return i;
    }

    /**
     * The first position at or after {@code k} not skipped for good, halving the path on the way (the
     * "next unmarked element" use of union-find, so that long skipped stretches are crossed in few steps).
     */
    private static int find(int[] next, int k) {
        while (next[k] != k) {
            next[k] = next[next[k]];
            k = next[k];
        }
        return k;
    }

    private static int compare(Spans a, int i, Spans b, int j, boolean withLabel) {
        int c = Integer.compare(a.start[i], b.start[j]);
        if (c == 0) {
            c = Integer.compare(a.end[i], b.end[j]);
        }
        if (c == 0 && withLabel) {
            c = Integer.compare(a.label[i], b.label[j]);
        }
        return c;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Spans sorted by (start, end, label) as parallel arrays, labels as ids in label order. */
    private static final class Spans {
        final int size;
        final int[] start;
        final int[] end;
        final int[] label;

        private Spans(int size) {
            this.size = size;
            start = new int[size];
            end = new int[size];
            label = new int[size];
        }

        /** The spans of {@code l} in (start, end, label) order. */
        static Spans sorted(List<LabelledSpan> l, Map<String, Integer> ids, int labels) {
            Spans s = new Spans(l.size());
            int k = 0;
            for (LabelledSpan x : l) {
                s.start[k] = x.start();
                s.end[k] = x.end();
                s.label[k] = ids.get(x.label());
                k++;
            }
            for (int i = 1; i < s.size; i++) {
                if (compare(s, i - 1, s, i, true) > 0) {
                    return s.sortedCopy(labels);
                }
            }
            return s; // already sorted, as spans usually come
        }

        /**
         * These spans sorted, with sorts of longs: sorting the objects of a shuffled million spans takes most
         * of a second, sorting longs a tenth of it. Each extent is packed in a long that sorts like (start,
         * end); each span becomes the long (index of its extent among all extents sorted, label id), which
         * sorts like the span (equal extents get the same index, as the binary search is deterministic). The
         * extents are looked up label by label in sorted order, so that successive searches hit the same part
         * of the array.
         */
        private Spans sortedCopy(int labels) {
            int[] offsets = labelOffsets(labels);
            int[] byLabel = byLabel(offsets);
            long[] extents = new long[size];
            for (int i = 0; i < size; i++) {
                extents[i] = extent(start[byLabel[i]], end[byLabel[i]]);
            }
            for (int lab = 0; lab < labels; lab++) {
                Arrays.sort(extents, offsets[lab], offsets[lab + 1]);
            }
            long[] sortedExtents = extents.clone();
            Arrays.sort(sortedExtents);
            long[] keys = new long[size];
            for (int lab = 0; lab < labels; lab++) {
                for (int i = offsets[lab]; i < offsets[lab + 1]; i++) {
                    keys[i] = (long) Arrays.binarySearch(sortedExtents, extents[i]) << 32 | lab;
                }
            }
            Arrays.sort(keys);
            Spans s = new Spans(size);
            for (int i = 0; i < size; i++) {
                long extent = sortedExtents[(int) (keys[i] >>> 32)];
                s.start[i] = (int) (extent >> 32);
                s.end[i] = s.start[i] + (int) extent; // wraps back as the length did
                s.label[i] = (int) keys[i];
            }
            return s;
        }

        /** A long that sorts like (start, end): the start, then the length as an unsigned int. */
        private static long extent(int start, int end) {
            return (long) start << 32 | (end - start) & 0xFFFF_FFFFL;
        }

        /** Where each label's spans begin in {@link #byLabel}; one more entry for the end. */
        int[] labelOffsets(int labels) {
            int[] offsets = new int[labels + 1];
            for (int i = 0; i < size; i++) {
                offsets[label[i] + 1]++;
            }
            for (int l = 0; l < labels; l++) {
                offsets[l + 1] += offsets[l];
            }
            return offsets;
        }

        /** The indexes grouped by label (a stable counting sort, so each group stays sorted). */
        int[] byLabel(int[] offsets) {
            int[] fill = offsets.clone();
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[fill[label[i]]++] = i;
            }
            return order;
        }

        /** The spans at {@code order[from..to)}, all given label id 0. */
        Spans subset(int[] order, int from, int to) {
            Spans s = new Spans(to - from);
            for (int k = from; k < to; k++) {
                s.start[k - from] = start[order[k]];
                s.end[k - from] = end[order[k]];
            }
            return s;
        }
    }
}
