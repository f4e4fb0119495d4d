package org.corpusbench.eval.stats;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.entity.SpanCounts;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.nli.NliCounts;
import org.corpusbench.eval.tags.TagCounts;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.model.NliLabel;

/**
 * The {@link CountLayout} of each task's counts, so each task hands {@link PoissonBootstrap} its own count
 * type and its own metric methods. Layouts with labels (spans and tags per label) take the list of labels up
 * front, because a layout has a fixed width: list every label of the gold and of the predictions (the gold's
 * inventory, or a first pass); a unit with a label the layout does not list is refused, never dropped.
 * Reading back leaves out a label whose counts are all zero, as merging leaves out a label that no drawn unit
 * has (the evaluators never keep a label without a count), so per-label averages agree with the merge's.
 */
public final class CountLayouts {

    private static final int SPAN_FIELDS = 5;
    private static final int SCHEMES = SpanScheme.values().length;
    private static final int SPAN_BLOCK = SPAN_FIELDS * SCHEMES;

    private CountLayouts() {
    }

    /** Detection counts (contradictions, or one label of a task): tp, fp, fn. */
    public static CountLayout<Counts> counts() {
        return new DetectionLayout();
    }

    /** TempEval-3 counts: the eight fields of {@link TimexCounts} in declaration order. */
    public static CountLayout<TimexCounts> timex() {
        return new TimexLayout();
    }

    /** The NLI confusion matrix: its 9 cells (gold by predicted), then the 3 pairs without a prediction. */
    public static CountLayout<NliCounts> nli() {
        return new NliLayout();
    }

    /**
     * Span counts of the four SemEval-2013 schemes overall (correct, incorrect, partial, missed, spurious, in
     * {@link SpanScheme} order): all the micro figures need. Per-label counts are not kept; what is read back
     * has no labels.
     */
    public static CountLayout<SpanEvaluation> spans() {
        return new OverallSpanLayout();
    }

    /**
     * Span counts of the four schemes overall, then for each of {@code labels} in the order given (for macro
     * figures); a unit with a label not listed is refused.
     */
    public static CountLayout<SpanEvaluation> spans(List<String> labels) {
        return new SpanLayout(distinct(labels));
    }

    /** Tag counts: tokens and correct tokens, then tp, fp, fn for each of {@code types} in the order given. */
    public static CountLayout<TagCounts> tags(List<String> types) {
        return new TagLayout(distinct(types));
    }

    /**
     * Rows of {@code width} integers, read and written as they are: for callers that already keep a unit as a
     * row (as {@code evaluate --task entities} keeps the five counts of each scheme) and metrics over rows.
     */
    public static CountLayout<long[]> longs(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, found " + width);
        }
        return new RowLayout(width);
    }

    private static List<String> distinct(List<String> labels) {
        List<String> copy = List.copyOf(labels);
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException("labels must be distinct, found " + copy);
        }
        return copy;
    }

    private static int labelIndex(List<String> labels, String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("a unit has label '" + label + "', which the layout does not list; "
                    + "expected one of " + labels + " (list every label of the gold and the predictions)");
        }
        return i;
    }

    private static boolean allZero(long[] v, int from, int to) {
        for (int k = from; k < to; k++) {
            if (v[k] != 0) {
                return false;
            }
        }
        return true;
    }

    private record DetectionLayout() implements CountLayout<Counts> {
        @Override
        public int width() {
            return 3;
        }

        @Override
        public void write(Counts c, long[] into) {
            into[0] = c.tp();
            into[1] = c.fp();
            into[2] = c.fn();
        }

        @Override
        public Counts read(long[] v) {
            return new Counts(v[0], v[1], v[2]);
        }
    }

    private record TimexLayout() implements CountLayout<TimexCounts> {
        @Override
        public int width() {
            return 8;
        }

        @Override
        public void write(TimexCounts c, long[] into) {
            into[0] = c.gold();
            into[1] = c.system();
            into[2] = c.relaxed();
            into[3] = c.strict();
            into[4] = c.valueMatches();
            into[5] = c.typeMatches();
            into[6] = c.modMatches();
            into[7] = c.compatibleValueMatches();
        }

        @Override
        public TimexCounts read(long[] v) {
            return new TimexCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        }
    }

    private record NliLayout() implements CountLayout<NliCounts> {
        @Override
        public int width() {
            return 12;
        }

        @Override
        public void write(NliCounts c, long[] into) {
            for (NliLabel g : NliLabel.values()) {
                for (NliLabel p : NliLabel.values()) {
                    into[g.ordinal() * 3 + p.ordinal()] = c.cell(g, p);
                }
                into[9 + g.ordinal()] = c.missing(g);
            }
        }

        @Override
        public NliCounts read(long[] v) {
            return NliCounts.of(Arrays.copyOfRange(v, 0, 9), Arrays.copyOfRange(v, 9, 12));
        }
    }

    private record OverallSpanLayout() implements CountLayout<SpanEvaluation> {
        @Override
        public int width() {
            return SPAN_BLOCK;
        }

        @Override
        public void write(SpanEvaluation e, long[] into) {
            SpanLayout.writeBlock(e.overall(), into, 0);
        }

        @Override
        public SpanEvaluation read(long[] v) {
            return new SpanEvaluation(SpanLayout.readBlock(v, 0), Map.of());
        }
    }

    private record SpanLayout(List<String> labels) implements CountLayout<SpanEvaluation> {
        @Override
        public int width() {
            return SPAN_BLOCK * (1 + labels.size());
        }

        @Override
        public void write(SpanEvaluation e, long[] into) {
            Arrays.fill(into, 0, width(), 0);
            writeBlock(e.overall(), into, 0);
            e.labels().forEach((label, m) -> writeBlock(m, into, SPAN_BLOCK * (1 + labelIndex(labels, label))));
        }

        @Override
        public SpanEvaluation read(long[] v) {
            Map<String, Map<SpanScheme, SpanCounts>> byLabel = new TreeMap<>();
            for (int i = 0; i < labels.size(); i++) {
                int at = SPAN_BLOCK * (1 + i);
                if (!allZero(v, at, at + SPAN_BLOCK)) {
                    byLabel.put(labels.get(i), readBlock(v, at));
                }
            }
            return new SpanEvaluation(readBlock(v, 0), byLabel);
        }

        private static void writeBlock(Map<SpanScheme, SpanCounts> m, long[] into, int at) {
            for (SpanScheme s : SpanScheme.values()) {
                SpanCounts c = m.get(s);
                int k = at + SPAN_FIELDS * s.ordinal();
                into[k] = c.correct();
                into[k + 1] = c.incorrect();
                into[k + 2] = c.partial();
                into[k + 3] = c.missed();
                into[k + 4] = c.spurious();
            }
        }

        private static Map<SpanScheme, SpanCounts> readBlock(long[] v, int at) {
            Map<SpanScheme, SpanCounts> m = new EnumMap<>(SpanScheme.class);
            for (SpanScheme s : SpanScheme.values()) {
                int k = at + SPAN_FIELDS * s.ordinal();
                m.put(s, new SpanCounts(v[k], v[k + 1], v[k + 2], v[k + 3], v[k + 4]));
            }
            return m;
        }
    }

    private record TagLayout(List<String> types) implements CountLayout<TagCounts> {
        @Override
        public int width() {
            return 2 + 3 * types.size();
        }

        @Override
        public void write(TagCounts c, long[] into) {
            Arrays.fill(into, 0, width(), 0);
            into[0] = c.tokens();
            into[1] = c.correctTokens();
            c.types().forEach((type, k) -> {
                int at = 2 + 3 * labelIndex(types, type);
                into[at] = k.tp();
                into[at + 1] = k.fp();
                into[at + 2] = k.fn();
            });
        }

        @Override
        public TagCounts read(long[] v) {
            Map<String, Counts> byType = new TreeMap<>();
            for (int i = 0; i < types.size(); i++) {
                int at = 2 + 3 * i;
                if (!allZero(v, at, at + 3)) {
                    byType.put(types.get(i), new Counts(v[at], v[at + 1], v[at + 2]));
                }
            }
            return new TagCounts(byType, v[0], v[1]);
        }
    }

    private record RowLayout(int width) implements CountLayout<long[]> {
        @Override
        public void write(long[] row, long[] into) {
            if (row.length != width) {
                throw new IllegalArgumentException("expected " + width + " counts, found " + row.length);
            }
            System.arraycopy(row, 0, into, 0, width);
        }

        @Override
        public long[] read(long[] v) {
            return Arrays.copyOf(v, width);
        }
    }
}
