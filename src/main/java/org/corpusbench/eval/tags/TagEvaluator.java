package org.corpusbench.eval.tags;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.corpusbench.eval.Counts;

/**
 * Scores predicted tag sequences against gold ones, sentence by sentence: chunks that agree in type and
 * extent are true positives. {@link TagMode#DEFAULT} decodes as seqeval's default mode (conlleval's
 * rules); {@link TagMode#STRICT} as seqeval's strict mode with an explicit scheme. Feed sentences in file
 * order; the evaluator keeps only counts.
 */
public final class TagEvaluator {

    private final TagMode mode;
    private final TagScheme scheme;
    private final Chunker.Lenient goldChunker = new Chunker.Lenient();
    private final Chunker.Lenient predChunker = new Chunker.Lenient();
    private final Map<String, long[]> types = new TreeMap<>();
    private long tokens;
    private long correctTokens;

    public TagEvaluator(TagMode mode, TagScheme scheme) {
        this.mode = mode;
        this.scheme = scheme;
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
}
