package org.corpusbench.eval.tags;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.Prf;

/**
 * The state of a tag-sequence evaluation: chunk counts per type and token counts. Counts of parts add
 * up to the counts of the whole ({@link #plus}), so files can be scored in pieces or in parallel.
 *
 * @param types         per chunk type: tp (chunks in both), fp (predicted only), fn (gold only)
 * @param tokens        tokens scored
 * @param correctTokens tokens whose predicted tag equals the gold tag
 */
public record TagCounts(Map<String, Counts> types, long tokens, long correctTokens) {

    /** No sentence scored: the start of a sum. */
    public static final TagCounts EMPTY = new TagCounts(Map.of(), 0, 0);

    /** Copies the types, sorted by name and unmodifiable. */
    public TagCounts {
        types = Collections.unmodifiableMap(new TreeMap<>(types));
    }

    /** The counts of both parts together: per-type counts summed, a type of either part kept, tokens summed. */
    public TagCounts plus(TagCounts o) {
        Map<String, Counts> m = new TreeMap<>(types);
        o.types.forEach((k, v) -> m.merge(k, v, Counts::plus));
        return new TagCounts(m, tokens + o.tokens, correctTokens + o.correctTokens);
    }

    /** Micro-averaged counts: the sum over types. */
    public Counts overall() {
        return types.values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    /** Token accuracy: correct tags over tokens (0 when there are none). */
    public double accuracy() {
        return Prf.ratio(correctTokens, tokens);
    }

    /** Unweighted mean over types of per-type precision, recall and F1. */
    public Prf macro() {
        if (types.isEmpty()) {
            return Prf.ZERO;
        }
        double p = 0;
        double r = 0;
        double f = 0;
        for (Counts c : types.values()) {
            p += c.precision();
            r += c.recall();
            f += c.f1();
        }
        int n = types.size();
        return new Prf(p / n, r / n, f / n);
    }

    /** Mean over types weighted by gold chunks (support). */
    public Prf weighted() {
        long support = types.values().stream().mapToLong(Counts::gold).sum();
        if (support == 0) {
            return Prf.ZERO;
        }
        double p = 0;
        double r = 0;
        double f = 0;
        for (Counts c : types.values()) {
            p += c.precision() * c.gold();
            r += c.recall() * c.gold();
            f += c.f1() * c.gold();
        }
        return new Prf(p / support, r / support, f / support);
    }
}
