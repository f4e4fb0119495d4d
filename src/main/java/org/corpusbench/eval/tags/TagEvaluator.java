package org.corpusbench.eval.tags;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.internal.BlankLineSplits;
import org.corpusbench.internal.ByteLines;
import org.corpusbench.tags.Chunker;
import org.corpusbench.tags.TagScheme;

/**
 * Scores predicted tag sequences against gold ones, sentence by sentence: chunks that agree in type and
 * extent are true positives. {@link TagMode#DEFAULT} decodes as seqeval's default mode (conlleval's
 * rules); {@link TagMode#STRICT} as seqeval's strict mode with an explicit scheme. Feed sentences in file
 * order; the evaluator keeps only counts.
 *
 * <p>A file is read as bytes, the way {@code conlleval} reads it (issue 15): lines are split without being
 * decoded, each distinct tag is decoded once, and chunks are decoded over tag numbers, so that a token costs a
 * scan and two look-ups rather than strings and lists (docs/performance.md has the figures).
 * The counts, and the line and message of every refusal, are those of the plain string implementation, which
 * the tests keep as the oracle. Memory does not grow with the input: a file of any size is scored in the
 * memory of its longest sentence.
 */
public final class TagEvaluator {

    /**
     * Receives the counts of each sentence scored from a file, in file order: what a bootstrap over sentences
     * needs. The counts are those of the overall (micro) figures: true positives, false positives and false
     * negatives, summing to the file's.
     */
    @FunctionalInterface
    public interface SentenceSink {
        /**
         * @param offset where the sentence's first line starts in the file (in bytes, a byte order mark
         *               included): a key of the sentence that does not depend on how the file was split
         */
        void sentence(long offset, long tp, long fp, long fn);
    }

    /**
     * The counts of a file, and the sinks its sentences went to: one per part it was scored in, in file order
     * (their sentences, taken in this order, are the file's in order).
     *
     * @param <S> the kind of sink
     */
    public record Scored<S>(TagCounts counts, List<S> parts) {
        /** Copies the list of parts. */
        public Scored {
            parts = List.copyOf(parts);
        }
    }

    private static final SentenceSink NONE = (offset, tp, fp, fn) -> { };

    private final TagTally tally;

    /**
     * An evaluator with nothing counted yet. {@code scheme} is what {@link TagMode#STRICT} decodes by, and
     * must then be given; {@link TagMode#DEFAULT} does not use it.
     */
    public TagEvaluator(TagMode mode, TagScheme scheme) {
        this.tally = new TagTally(mode, scheme, false);
    }

    /**
     * Scores one sentence; gold and predicted tags must have the same length.
     *
     * @throws Chunker.InvalidTagException in strict mode, for a tag the scheme does not allow (its tokens are
     *                                     counted, its chunks are not)
     */
    public void sentence(List<String> gold, List<String> pred) {
        if (gold.size() != pred.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " tags, prediction " + pred.size());
        }
        for (int i = 0; i < gold.size(); i++) {
            tally.add(tally.tag(gold.get(i)), tally.tag(pred.get(i)));
        }
        tally.endSentence();
    }

    /** The counts so far. */
    public TagCounts counts() {
        return tally.counts();
    }

    /**
     * Scores a whole CoNLL stream ({@link ConllTagReader}'s format; a {@code -DOCSTART-} line is a token, as
     * conlleval.pl counts it). A tag the strict scheme does not allow is an error naming {@code name} and its
     * line.
     */
    public static TagCounts score(InputStream in, String name, TagMode mode, TagScheme scheme) throws IOException {
        return score(in, name, mode, scheme, false);
    }

    /** As {@link #score(InputStream, String, TagMode, TagScheme)}, leaving {@code -DOCSTART-} lines out if asked. */
    public static TagCounts score(InputStream in, String name, TagMode mode, TagScheme scheme, boolean skipDocstart)
            throws IOException {
        TagTally t = new TagTally(mode, scheme, false);
        read(in, true, new TagLines(name, skipDocstart, 0, t, NONE));
        return t.counts();
    }

    private static TagLines read(InputStream in, boolean first, TagLines lines) throws IOException {
        ByteLines.forEachWithOffsets(in, first, lines);
        lines.finish();
        return lines;
    }

    /**
     * Scores a file in up to {@code threads} parts cut at blank lines, in parallel, and adds up their
     * counts; the result equals scoring it in one piece. A file too small for parts to pay is scored in one
     * (see {@link #score(Path, TagMode, TagScheme, int, boolean, Supplier)}). On any input error the file is
     * read again in one piece, so that the error named is the first one in the file.
     */
    public static TagCounts score(Path file, TagMode mode, TagScheme scheme, int threads) throws IOException {
        return score(file, mode, scheme, threads, false);
    }

    /**
     * As {@link #score(Path, TagMode, TagScheme, int)}; with {@code skipDocstart}, {@code -DOCSTART-} lines
     * are no tokens (they only end a sentence).
     */
    public static TagCounts score(Path file, TagMode mode, TagScheme scheme, int threads, boolean skipDocstart)
            throws IOException {
        return score(file, mode, scheme, threads, skipDocstart, () -> NONE).counts();
    }

    /**
     * As {@link #score(Path, TagMode, TagScheme, int, boolean)}, handing each sentence's counts to a sink: one
     * sink from {@code sinks} per part. Parts are used only when each holds at least 48 MiB (about 2.7 million
     * tokens of CoNLL-2003), below which they make a run slower on two cores, and while a processor is idle
     * (issue 15; docs/performance.md);
     * the counts, and the sentences given to the sinks taken in order, do not depend on {@code threads}.
     */
    public static <S extends SentenceSink> Scored<S> score(Path file, TagMode mode, TagScheme scheme, int threads,
            boolean skipDocstart, Supplier<S> sinks) throws IOException {
        return score(file, mode, scheme, threads, skipDocstart, sinks, Parts.MIN_PART_BYTES);
    }

    /** As the public method, with parts of at least {@code minPartBytes} (0: as many as threads; for tests). */
    static <S extends SentenceSink> Scored<S> score(Path file, TagMode mode, TagScheme scheme, int threads,
            boolean skipDocstart, Supplier<S> sinks, long minPartBytes) throws IOException {
        int parts = Parts.of(Files.size(file), threads, minPartBytes);
        List<BlankLineSplits.Range> ranges = parts <= 1 ? List.of() : BlankLineSplits.of(file, parts);
        if (ranges.size() > 1) {
            Scored<S> merged = inParts(file, ranges, mode, scheme, skipDocstart, sinks);
            if (merged != null) {
                return merged;
            }
        }
        S sink = sinks.get();
        TagTally t = new TagTally(mode, scheme, false);
        try (InputStream in = Files.newInputStream(file)) {
            read(in, true, new TagLines(file.toString(), skipDocstart, 0, t, sink));
        }
        return new Scored<>(t.counts(), List.of(sink));
    }

    /**
     * The counts of one part of a file scored on its own ({@link #scorePart}), with what is needed to tell
     * whether they add up to the whole file's.
     *
     * @param counts                the part's counts
     * @param columns               the number of columns of the part's token lines, -1 if it has none: parts
     *                              whose numbers differ must be scored in one piece, where the first line
     *                              that differs is refused
     * @param dependsOnEarlierInput in default mode, malformed tags made a chunk end before any began in this
     *                              part (never the first), and such a chunk begins where the input before the
     *                              part last began one: the part's counts may then differ from the whole
     *                              file's, which must be scored in one piece
     * @param sink                  the sink the part's sentences went to
     * @param <S>                   the kind of sink
     */
    public record Part<S>(TagCounts counts, int columns, boolean dependsOnEarlierInput, S sink) {
    }

    /**
     * Scores one part of a file as {@link #score(Path, TagMode, TagScheme, int, boolean, Supplier)} scores each
     * of its parts, so that parts scored elsewhere (on Spark, issue 16) add up to the file: {@code in} holds the
     * file's bytes from {@code base}, which must be the file's start ({@code first}) or just after a blank
     * line, to the end of the file or just after a blank line. Sentences go to {@code sink} keyed by their
     * offset in the whole file. Merge the parts with {@link TagCounts#plus} only when no part after the first
     * {@link Part#dependsOnEarlierInput() depends on the input before it} and the parts agree on
     * {@link Part#columns()}; otherwise score the file in one piece.
     *
     * @throws CorpusFormatException an input problem, located by {@code fileName} and the line counted from
     *                               the part's start (exact only for the first part: read the file in one piece
     *                               to name the first problem where it is)
     */
    public static <S extends SentenceSink> Part<S> scorePart(InputStream in, String fileName, long base,
            boolean first, TagMode mode, TagScheme scheme, boolean skipDocstart, S sink) throws IOException {
        TagTally t = new TagTally(mode, scheme, !first);
        TagLines lines = read(in, first, new TagLines(fileName, skipDocstart, base, t, sink));
        return new Part<>(t.counts(), lines.columns(), !first && t.endedUnstarted(), sink);
    }

    /**
     * The merged counts of the parts, or null when a part failed, the parts disagree on columns, or a
     * later part's lenient decoding depended on the input before it.
     */
    private static <S extends SentenceSink> Scored<S> inParts(Path file, List<BlankLineSplits.Range> ranges,
            TagMode mode, TagScheme scheme, boolean skipDocstart, Supplier<S> sinks) throws IOException {
        List<Part<S>> scored;
        try {
            scored = BlankLineSplits.inParallel(file, ranges, (in, range, first) -> scorePart(in, file.toString(),
                    range.start(), first, mode, scheme, skipDocstart, sinks.get()));
        } catch (CorpusFormatException e) {
            return null;
        }
        TagCounts total = TagCounts.EMPTY;
        int columns = -1;
        List<S> out = new ArrayList<>();
        for (int k = 0; k < scored.size(); k++) {
            Part<S> part = scored.get(k);
            if (part.dependsOnEarlierInput()) {
                return null;
            }
            int c = part.columns();
            if (c >= 0) {
                if (columns >= 0 && c != columns) {
                    return null;
                }
                columns = c;
            }
            total = total.plus(part.counts());
            out.add(part.sink());
        }
        return new Scored<>(total, out);
    }
}
