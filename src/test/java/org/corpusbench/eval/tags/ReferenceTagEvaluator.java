package org.corpusbench.eval.tags;

import org.corpusbench.tags.Chunk;
import org.corpusbench.tags.Chunker;
import org.corpusbench.tags.TagScheme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.corpusbench.eval.Counts;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.BlankLineSplits;

/**
 * The oracle of the byte-level tag scorer (issue 15): {@code TagEvaluator} as it was before it read bytes,
 * kept unchanged in the tests. It reads lines as strings ({@link ConllTagReader}), builds lists per sentence
 * and decodes them with {@link Chunker}'s string rules; {@code TagEvaluatorOracleTest} requires the fast
 * path to give the same counts, and to refuse the same inputs at the same line with the same message.
 *
 * <p>Scores predicted tag sequences against gold ones, sentence by sentence: chunks that agree in type and
 * extent are true positives. {@link TagMode#DEFAULT} decodes as seqeval's default mode (conlleval's
 * rules); {@link TagMode#STRICT} as seqeval's strict mode with an explicit scheme. Feed sentences in file
 * order; the evaluator keeps only counts.
 */
final class ReferenceTagEvaluator {

    private final TagMode mode;
    private final TagScheme scheme;
    private final Chunker.Lenient goldChunker;
    private final Chunker.Lenient predChunker;
    private final Map<String, long[]> types = new TreeMap<>();
    private long tokens;
    private long correctTokens;
    /** Columns of the token lines of the input scored by {@link #score}, -1 if none; parts must agree. */
    private int columns = -1;

    /**
     * An evaluator with nothing counted yet. {@code scheme} is what {@link TagMode#STRICT} decodes by, and
     * must then be given; {@link TagMode#DEFAULT} does not use it.
     */
    public ReferenceTagEvaluator(TagMode mode, TagScheme scheme) {
        this(mode, scheme, false);
    }

    private ReferenceTagEvaluator(TagMode mode, TagScheme scheme, boolean afterSentence) {
        this.mode = mode;
        this.scheme = scheme;
        this.goldChunker = new Chunker.Lenient(afterSentence);
        this.predChunker = new Chunker.Lenient(afterSentence);
    }

    /** Scores one sentence; gold and predicted tags must have the same length. */
    public void sentence(List<String> gold, List<String> pred) {
        if (gold.size() != pred.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " tags, prediction " + pred.size());
        }
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).equals(pred.get(i))) {
                correctTokens++;
            }
        }
        tokens += gold.size();
        List<Chunk> g;
        List<Chunk> p;
        if (mode == TagMode.DEFAULT) {
            g = goldChunker.sentence(gold);
            p = predChunker.sentence(pred);
        } else {
            g = Chunker.strict(gold, scheme);
            p = Chunker.strict(pred, scheme);
        }
        Set<Chunk> gs = new HashSet<>(g);
        Set<Chunk> ps = new HashSet<>(p);
        for (Chunk c : gs) {
            long[] t = types.computeIfAbsent(c.type(), k -> new long[3]);
            t[2]++;
            if (ps.contains(c)) {
                t[0]++;
            }
        }
        for (Chunk c : ps) {
            types.computeIfAbsent(c.type(), k -> new long[3])[1]++;
        }
    }

    /** The counts so far. */
    public TagCounts counts() {
        Map<String, Counts> m = new TreeMap<>();
        types.forEach((k, v) -> m.put(k, new Counts(v[0], v[1] - v[0], v[2] - v[0])));
        return new TagCounts(m, tokens, correctTokens);
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
        return score(in, name, new ReferenceTagEvaluator(mode, scheme), skipDocstart).counts();
    }

    private static ReferenceTagEvaluator score(InputStream in, String name, ReferenceTagEvaluator ev, boolean skipDocstart)
            throws IOException {
        try (ConllTagReader r = new ConllTagReader(in, name, skipDocstart)) {
            for (ConllTagReader.Sentence s = r.next(); s != null; s = r.next()) {
                try {
                    ev.sentence(s.gold(), s.predicted());
                } catch (Chunker.InvalidTagException e) {
                    throw new CorpusFormatException(Location.of(name, s.line() + e.index()), null,
                            e.getMessage() + " (strict mode; use --mode default for lenient decoding)");
                }
            }
            ev.columns = r.columns();
        }
        return ev;
    }

    /**
     * Scores a file in up to {@code threads} parts cut at blank lines, in parallel, and adds up their
     * counts; the result equals scoring it in one piece. On any input error the file is read again in
     * one piece, so that the error named is the first one in the file.
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
        String name = file.toString();
        List<BlankLineSplits.Range> parts = threads <= 1 ? List.of() : BlankLineSplits.of(file, threads);
        if (parts.size() > 1) {
            TagCounts merged = inParts(file, parts, mode, scheme, skipDocstart);
            if (merged != null) {
                return merged;
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return score(in, name, mode, scheme, skipDocstart);
        }
    }

    /**
     * The merged counts of the parts, or null when a part failed, the parts disagree on columns, or a
     * later part's lenient decoding depended on the input before it.
     */
    private static TagCounts inParts(Path file, List<BlankLineSplits.Range> parts, TagMode mode, TagScheme scheme,
            boolean skipDocstart) throws IOException {
        List<ReferenceTagEvaluator> scored;
        try {
            scored = BlankLineSplits.inParallel(file, parts,
                    (in, first) -> score(in, file.toString(), new ReferenceTagEvaluator(mode, scheme, !first), skipDocstart));
        } catch (CorpusFormatException e) {
            return null;
        }
        TagCounts total = TagCounts.EMPTY;
        int columns = -1;
        for (int k = 0; k < scored.size(); k++) {
            ReferenceTagEvaluator ev = scored.get(k);
            if (k > 0 && (ev.goldChunker.endedUnstarted() || ev.predChunker.endedUnstarted())) {
                return null;
            }
            if (ev.columns >= 0) {
                if (columns >= 0 && ev.columns != columns) {
                    return null;
                }
                columns = ev.columns;
            }
            total = total.plus(ev.counts());
        }
        return total;
    }
}
