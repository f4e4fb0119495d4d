package org.corpusbench.eval.tags;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corpusbench.eval.Counts;
import org.corpusbench.tags.Chunker;
import org.corpusbench.tags.IdChunker;
import org.corpusbench.tags.TagScheme;

/**
 * The counting of {@link TagEvaluator} over numbered tags: sentences of tag numbers in, chunk and token counts
 * out, with the counts of the sentence last scored kept for the bootstrap. Each distinct tag is decoded once
 * (its prefix letter and its lenient and strict type numbers); a sentence is then decoded by
 * {@link IdChunker}, and gold and predicted chunks are matched by position, without a string, a list or a set.
 * Tags are numbered from bytes ({@link #tag(byte[], int, int)}, the file reader) or from strings
 * ({@link #tag(String)}, the list API), never both in one instance.
 */
final class TagTally {

    /** The type number of the empty string: the type before the first tag of an input. */
    private static final int START_TYPE = 0;
    /** The type number of {@code _}: a tag without a type, and the O that joins sentences. */
    private static final int NO_TYPE = 1;

    private final TagMode mode;
    private final TagScheme scheme;
    private final TagTable table = new TagTable();
    private Map<String, Integer> stringIds;

    // per tag number
    private String[] text = new String[16];
    private char[] prefix = new char[16];
    private int[] lenientType = new int[16];
    private int[] strictType = new int[16];
    private int decoded;

    // per type number
    private final Map<String, Integer> typeIds = new HashMap<>();
    private final List<String> typeNames = new ArrayList<>();
    private long[] tp = new long[8];
    private long[] predicted = new long[8];
    private long[] gold = new long[8];

    private long tokens;
    private long correctTokens;
    private final IdChunker.Lenient goldChunker;
    private final IdChunker.Lenient predChunker;

    // the sentence being added
    private int[] goldIds = new int[64];
    private int[] predIds = new int[64];
    private int n;

    // strict decoding's buffers, grown to the longest sentence
    private char[] gp = new char[0];
    private char[] pp = new char[0];
    private int[] gt = new int[0];
    private int[] pt = new int[0];
    private int[] gs = new int[0];
    private int[] ge = new int[0];
    private int[] ps = new int[0];
    private int[] pe = new int[0];

    // the counts of the sentence last scored
    private long unitTp;
    private long unitPredicted;
    private long unitGold;

    /**
     * @param afterSentence start in the state a sentence break leaves, to score a later part of a file as the
     *                      whole would be
     */
    TagTally(TagMode mode, TagScheme scheme, boolean afterSentence) {
        if (mode == TagMode.STRICT && scheme == null) {
            throw new IllegalArgumentException("strict decoding needs a tag scheme");
        }
        this.mode = mode;
        this.scheme = scheme;
        typeNumber("");
        typeNumber("_");
        goldChunker = new IdChunker.Lenient(afterSentence ? NO_TYPE : START_TYPE, NO_TYPE);
        predChunker = new IdChunker.Lenient(afterSentence ? NO_TYPE : START_TYPE, NO_TYPE);
    }

    /** The number of the tag {@code buf[from, to)}, valid UTF-8. */
    int tag(byte[] buf, int from, int to) {
        int id = table.intern(buf, from, to);
        if (id == decoded) {
            decode(id, new String(buf, from, to - from, StandardCharsets.UTF_8));
        }
        return id;
    }

    /** The number of a tag given as a string. */
    int tag(String s) {
        if (stringIds == null) {
            if (table.size() > 0) {
                throw new IllegalStateException("tags of this tally are numbered from bytes");
            }
            stringIds = new HashMap<>();
        }
        Integer id = stringIds.get(s);
        if (id == null) {
            id = decoded;
            stringIds.put(s, id);
            decode(id, s);
        }
        return id;
    }

    private void decode(int id, String s) {
        if (id == text.length) {
            int m = id * 2;
            text = Arrays.copyOf(text, m);
            prefix = Arrays.copyOf(prefix, m);
            lenientType = Arrays.copyOf(lenientType, m);
            strictType = Arrays.copyOf(strictType, m);
        }
        text[id] = s;
        prefix[id] = IdChunker.prefix(s);
        lenientType[id] = typeNumber(IdChunker.lenientType(s));
        strictType[id] = typeNumber(IdChunker.strictType(s));
        decoded++;
    }

    private int typeNumber(String type) {
        Integer id = typeIds.get(type);
        if (id == null) {
            id = typeNames.size();
            typeIds.put(type, id);
            typeNames.add(type);
            if (id == tp.length) {
                tp = Arrays.copyOf(tp, id * 2);
                predicted = Arrays.copyOf(predicted, id * 2);
                gold = Arrays.copyOf(gold, id * 2);
            }
        }
        return id;
    }

    /** The text of tag {@code id}. */
    String text(int id) {
        return text[id];
    }

    /** Adds a token to the sentence being built. */
    void add(int goldTag, int predTag) {
        if (n == goldIds.length) {
            goldIds = Arrays.copyOf(goldIds, n * 2);
            predIds = Arrays.copyOf(predIds, n * 2);
        }
        goldIds[n] = goldTag;
        predIds[n] = predTag;
        n++;
    }

    /** Tokens added since the last sentence was scored. */
    int length() {
        return n;
    }

    /**
     * Scores the sentence added since the last one (which may be empty) and starts a new one. Tokens are counted
     * first, then chunks, as the string evaluator did.
     *
     * @throws Chunker.InvalidTagException in strict mode, for the first tag the scheme does not allow among the
     *                                     gold tags, then among the predicted ones; its index is in the sentence
     */
    void endSentence() {
        int len = n;
        n = 0;
        unitTp = 0;
        unitPredicted = 0;
        unitGold = 0;
        for (int i = 0; i < len; i++) {
            if (goldIds[i] == predIds[i]) {
                correctTokens++;
            }
        }
        tokens += len;
        if (mode == TagMode.DEFAULT) {
            for (int i = 0; i < len; i++) {
                int g = goldIds[i];
                int p = predIds[i];
                matchLenient(goldChunker.step(prefix[g], lenientType[g]), predChunker.step(prefix[p], lenientType[p]));
            }
            matchLenient(goldChunker.endSentence(), predChunker.endSentence());
        } else {
            scoreStrict(len);
        }
    }

    private void matchLenient(boolean goldEnded, boolean predEnded) {
        if (goldEnded) {
            gold[goldChunker.endedType()]++;
            unitGold++;
        }
        if (predEnded) {
            predicted[predChunker.endedType()]++;
            unitPredicted++;
        }
        // both chunks end here: equal when they begin at the same place with the same type
        if (goldEnded && predEnded && goldChunker.endedBegin() == predChunker.endedBegin()
                && goldChunker.endedType() == predChunker.endedType()) {
            tp[goldChunker.endedType()]++;
            unitTp++;
        }
    }

    private void scoreStrict(int len) {
        if (gp.length < len + 1) {
            int m = Math.max(len + 1, gp.length * 2);
            gp = new char[m];
            pp = new char[m];
            gt = new int[m];
            pt = new int[m];
            gs = new int[m];
            ge = new int[m];
            ps = new int[m];
            pe = new int[m];
        }
        for (int i = 0; i < len; i++) {
            gp[i] = prefix[goldIds[i]];
            gt[i] = strictType[goldIds[i]];
            pp[i] = prefix[predIds[i]];
            pt[i] = strictType[predIds[i]];
        }
        final int[] g = goldIds;
        final int[] p = predIds;
        IdChunker.checkAllowed(gp, len, scheme, i -> text[g[i]]);
        IdChunker.checkAllowed(pp, len, scheme, i -> text[p[i]]);
        int ng = IdChunker.strict(gp, gt, len, NO_TYPE, scheme, gs, ge);
        int np = IdChunker.strict(pp, pt, len, NO_TYPE, scheme, ps, pe);
        for (int k = 0; k < ng; k++) {
            gold[gt[gs[k]]]++;
        }
        for (int k = 0; k < np; k++) {
            predicted[pt[ps[k]]]++;
        }
        unitGold = ng;
        unitPredicted = np;
        // chunks do not overlap, so each list is sorted by end: match them as two sorted lists
        int i = 0;
        int j = 0;
        while (i < ng && j < np) {
            if (ge[i] == pe[j]) {
                int type = gt[gs[i]];
                if (gs[i] == ps[j] && type == pt[ps[j]]) {
                    tp[type]++;
                    unitTp++;
                }
                i++;
                j++;
            } else if (ge[i] < pe[j]) {
                i++;
            } else {
                j++;
            }
        }
    }

    /** True positives of the sentence last scored (chunks in both columns). */
    long unitTp() {
        return unitTp;
    }

    /** False positives of the sentence last scored (predicted chunks not in the gold). */
    long unitFp() {
        return unitPredicted - unitTp;
    }

    /** False negatives of the sentence last scored (gold chunks not predicted). */
    long unitFn() {
        return unitGold - unitTp;
    }

    /**
     * Whether lenient decoding ended a chunk before any started: such a chunk begins in the input before this
     * one, so the counts of a later part are not those of the whole.
     */
    boolean endedUnstarted() {
        return goldChunker.endedUnstarted() || predChunker.endedUnstarted();
    }

    /** The counts so far: per type that has a chunk, in either column, tp, fp and fn. */
    TagCounts counts() {
        Map<String, Counts> m = new TreeMap<>();
        for (int id = 0; id < typeNames.size(); id++) {
            if (gold[id] > 0 || predicted[id] > 0) {
                m.put(typeNames.get(id), new Counts(tp[id], predicted[id] - tp[id], gold[id] - tp[id]));
            }
        }
        return new TagCounts(m, tokens, correctTokens);
    }
}
