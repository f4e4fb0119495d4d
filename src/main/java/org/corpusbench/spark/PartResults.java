package org.corpusbench.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.entity.SpanCounts;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.stats.PoissonBootstrap;
import org.corpusbench.eval.tags.TagCounts;
import org.corpusbench.eval.tags.TagEvaluator;

/**
 * What a task sends back for its part: the evaluators' counts in a serializable form, read back into the
 * evaluators' own types on the driver and merged there by their own merges. The count types are records of
 * the evaluators, which are not {@link Serializable}; their fields are copied here as they are, so a count
 * read back equals the count written.
 */
final class PartResults {

    private PartResults() {
    }

    /** A part that could not be read as it stands (an input problem): the driver locates it in the whole file. */
    interface Outcome {
        /** Whether reading the part met an input problem. */
        boolean failed();

        /** The number of columns of the part's token lines, -1 if none. */
        int columns();
    }

    /**
     * Tag counts of a part (see {@link TagCounts}) and its sentences for the bootstrap: their number, the part's
     * Poisson accumulator (keyed by each sentence's byte offset in the file) when one is kept, and the rows of
     * its sentences in file order while they are few enough for the classic bootstrap to be chosen.
     */
    static final class TagPart implements Outcome, Serializable {
        private static final long serialVersionUID = 1L;
        private final boolean failed;
        private final int columns;
        private final boolean dependsOnEarlierInput;
        private final String[] types;
        private final long[] tpFpFn;
        private final long tokens;
        private final long correctTokens;
        private final long sentences;
        private final PoissonBootstrap<long[]> poisson;
        private final int[] rows;

        private TagPart(boolean failed, int columns, boolean dependsOnEarlierInput, TagCounts c, long sentences,
                        PoissonBootstrap<long[]> poisson, int[] rows) {
            this.failed = failed;
            this.columns = columns;
            this.dependsOnEarlierInput = dependsOnEarlierInput;
            this.types = c.types().keySet().toArray(new String[0]);
            this.tpFpFn = new long[3 * types.length];
            for (int i = 0; i < types.length; i++) {
                Counts k = c.types().get(types[i]);
                tpFpFn[3 * i] = k.tp();
                tpFpFn[3 * i + 1] = k.fp();
                tpFpFn[3 * i + 2] = k.fn();
            }
            this.tokens = c.tokens();
            this.correctTokens = c.correctTokens();
            this.sentences = sentences;
            this.poisson = poisson;
            this.rows = rows;
        }

        static TagPart of(TagEvaluator.Part<TagSentences> part) {
            TagSentences s = part.sink();
            return new TagPart(false, part.columns(), part.dependsOnEarlierInput(), part.counts(), s.sentences(),
                    s.poisson(), s.rows());
        }

        static TagPart problem() {
            return new TagPart(true, -1, false, TagCounts.EMPTY, 0, null, null);
        }

        @Override
        public boolean failed() {
            return failed;
        }

        @Override
        public int columns() {
            return columns;
        }

        /** See {@link TagEvaluator.Part#dependsOnEarlierInput()}. */
        boolean dependsOnEarlierInput() {
            return dependsOnEarlierInput;
        }

        TagCounts counts() {
            Map<String, Counts> m = new TreeMap<>();
            for (int i = 0; i < types.length; i++) {
                m.put(types[i], new Counts(tpFpFn[3 * i], tpFpFn[3 * i + 1], tpFpFn[3 * i + 2]));
            }
            return new TagCounts(m, tokens, correctTokens);
        }

        long sentences() {
            return sentences;
        }

        /** The part's accumulator, or {@code null} when none was kept. */
        PoissonBootstrap<long[]> poisson() {
            return poisson;
        }

        /** The part's sentence rows, one after another, or {@code null} when too many were seen to keep. */
        int[] rows() {
            return rows;
        }
    }

    /** A part's number of sentences (the first pass, which fixes each sentence's position in the file). */
    static final class SentenceCount implements Outcome, Serializable {
        private static final long serialVersionUID = 1L;
        private final boolean failed;
        private final int columns;
        private final long sentences;

        SentenceCount(boolean failed, int columns, long sentences) {
            this.failed = failed;
            this.columns = columns;
            this.sentences = sentences;
        }

        @Override
        public boolean failed() {
            return failed;
        }

        @Override
        public int columns() {
            return columns;
        }

        long sentences() {
            return sentences;
        }
    }

    /**
     * Span counts of a part: the sum of its sentences' evaluations, their number, and for the intervals
     * either the part's Poisson accumulator or each sentence's row in file order (or neither).
     */
    static final class EntityPart implements Outcome, Serializable {
        private static final long serialVersionUID = 1L;
        private static final int FIELDS = 5;
        private static final int SCHEMES = SpanScheme.values().length;
        private final boolean failed;
        private final int columns;
        private final long sentences;
        private final long[] overall;
        private final String[] labels;
        private final long[] perLabel;
        private final PoissonBootstrap<long[]> poisson;
        private final int[] rows;

        private EntityPart(boolean failed, int columns, long sentences, SpanEvaluation total,
                           PoissonBootstrap<long[]> poisson, int[] rows) {
            this.failed = failed;
            this.columns = columns;
            this.sentences = sentences;
            this.overall = flat(total.overall());
            this.labels = total.labels().keySet().toArray(new String[0]);
            this.perLabel = new long[labels.length * FIELDS * SCHEMES];
            for (int i = 0; i < labels.length; i++) {
                long[] l = flat(total.labels().get(labels[i]));
                System.arraycopy(l, 0, perLabel, i * FIELDS * SCHEMES, l.length);
            }
            this.poisson = poisson;
            this.rows = rows;
        }

        static EntityPart of(int columns, long sentences, SpanEvaluation total, PoissonBootstrap<long[]> poisson,
                             int[] rows) {
            return new EntityPart(false, columns, sentences, total, poisson, rows);
        }

        static EntityPart problem() {
            return new EntityPart(true, -1, 0, SpanEvaluation.EMPTY, null, null);
        }

        @Override
        public boolean failed() {
            return failed;
        }

        @Override
        public int columns() {
            return columns;
        }

        long sentences() {
            return sentences;
        }

        /** The part's accumulator, or {@code null} when the intervals come from rows. */
        PoissonBootstrap<long[]> poisson() {
            return poisson;
        }

        /** The part's sentence rows, one after another, or {@code null}. */
        int[] rows() {
            return rows;
        }

        SpanEvaluation total() {
            Map<String, Map<SpanScheme, SpanCounts>> l = new TreeMap<>();
            for (int i = 0; i < labels.length; i++) {
                l.put(labels[i], counts(Arrays.copyOfRange(perLabel, i * FIELDS * SCHEMES,
                        (i + 1) * FIELDS * SCHEMES)));
            }
            return new SpanEvaluation(counts(overall), l);
        }

        private static long[] flat(Map<SpanScheme, SpanCounts> m) {
            long[] v = new long[FIELDS * SCHEMES];
            for (SpanScheme s : SpanScheme.values()) {
                SpanCounts c = m.get(s);
                int at = FIELDS * s.ordinal();
                v[at] = c.correct();
                v[at + 1] = c.incorrect();
                v[at + 2] = c.partial();
                v[at + 3] = c.missed();
                v[at + 4] = c.spurious();
            }
            return v;
        }

        private static Map<SpanScheme, SpanCounts> counts(long[] v) {
            Map<SpanScheme, SpanCounts> m = new EnumMap<>(SpanScheme.class);
            for (SpanScheme s : SpanScheme.values()) {
                int at = FIELDS * s.ordinal();
                m.put(s, new SpanCounts(v[at], v[at + 1], v[at + 2], v[at + 3], v[at + 4]));
            }
            return m;
        }
    }
}
