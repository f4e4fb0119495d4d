package org.corpusbench.tags;

import java.util.function.IntFunction;

/**
 * {@link Chunker}'s two decodings over tags already reduced to a prefix letter and a type number, for scorers
 * that read bytes and must not make a string, a list or a chunk object per tag (issue 15: {@code evaluate
 * --task tags} spent most of its time on those). The rules are {@link Chunker}'s and {@link TagScheme}'s own,
 * called with "same type" as a comparison of numbers; the caller numbers the types (equal types, equal
 * numbers) and reads each distinct tag once with {@link #prefix}, {@link #lenientType} and {@link #strictType}.
 */
public final class IdChunker {

    private IdChunker() {
    }

    /** The prefix letter of a tag, as both decodings read it ({@code B} of {@code B-PER}). */
    public static char prefix(String tag) {
        return Chunker.prefix(tag);
    }

    /** The type of a tag as the lenient rules read it: the text after the first hyphen, {@code _} when none. */
    public static String lenientType(String tag) {
        return Chunker.type(tag);
    }

    /** The type of a tag as the strict rules read it: the tag without its prefix and surrounding hyphens. */
    public static String strictType(String tag) {
        return Chunker.strictType(tag);
    }

    /**
     * The lenient (conlleval, seqeval default) decoding of a stream of tags, one tag at a time: the state of
     * {@link Chunker.Lenient}, with the chunk that a step ends given by {@link #endedBegin()} and
     * {@link #endedType()} instead of a list. Feed each sentence's tags, then {@link #endSentence()} (the O that
     * seqeval joins sentences with), so that no chunk crosses a sentence break.
     */
    public static final class Lenient {
        private final int noType;
        private char prevTag = 'O';
        private int prevType;
        private long begin;
        private long index;
        private boolean started;
        private boolean endedUnstarted;
        private long endedBegin;
        private int endedType;

        /**
         * @param startType the number of the type before the first tag: that of the empty string at the start of
         *                  an input, or {@code noType} to start as a sentence break leaves the state (to decode a
         *                  later part of a file as the whole would be)
         * @param noType    the number of {@code _}, the type of a tag without one and of the joining O
         */
        public Lenient(int startType, int noType) {
            this.prevType = startType;
            this.noType = noType;
        }

        /** Feeds one tag; returns whether a chunk ended just before it (its begin and type: the accessors). */
        public boolean step(char tag, int type) {
            boolean same = prevType == type;
            boolean ended = false;
            if (Chunker.endOfChunk(prevTag, tag, same)) {
                endedBegin = begin;
                endedType = prevType;
                endedUnstarted |= !started;
                ended = true;
            }
            if (Chunker.startOfChunk(prevTag, tag, same)) {
                begin = index;
                started = true;
            }
            prevTag = tag;
            prevType = type;
            index++;
            return ended;
        }

        /** Ends a sentence (a step on the joining O); returns whether that ended a chunk. */
        public boolean endSentence() {
            return step('O', noType);
        }

        /**
         * The position (tags fed before it, joining Os included) of the first tag of the chunk the last
         * {@link #step} ended. Two decoders fed sentences of the same lengths count alike, so equal positions
         * are equal chunks' starts.
         */
        public long endedBegin() {
            return endedBegin;
        }

        /** The type number of the chunk the last {@link #step} ended. */
        public int endedType() {
            return endedType;
        }

        /** As {@link Chunker.Lenient#endedUnstarted()}: a chunk ended before any started (malformed input). */
        public boolean endedUnstarted() {
            return endedUnstarted;
        }
    }

    /**
     * Checks that {@code scheme} allows every prefix of {@code p[0, n)}, as {@link Chunker#strict} does before
     * decoding.
     *
     * @param tagOf the tag at an index, for the message
     * @throws Chunker.InvalidTagException for the first tag it does not allow, with its index
     */
    public static void checkAllowed(char[] p, int n, TagScheme scheme, IntFunction<String> tagOf) {
        for (int i = 0; i < n; i++) {
            if (!scheme.allows(p[i])) {
                throw new Chunker.InvalidTagException("tag '" + tagOf.apply(i) + "' has prefix " + p[i] + ", which "
                        + scheme + " does not allow", i);
            }
        }
    }

    /**
     * The chunks well formed in {@code scheme} of one sentence, as {@link Chunker#strict} finds them: each
     * chunk is {@code [starts[k], ends[k])}, typed by its first token's type. The arrays must hold
     * {@code n + 1} entries; {@code p[n]} and {@code t[n]} are overwritten with the O that ends the sentence.
     * Call {@link #checkAllowed} first.
     *
     * @return the number of chunks, in increasing order of start (and of end: they do not overlap)
     */
    public static int strict(char[] p, int[] t, int n, int noType, TagScheme scheme, int[] starts, int[] ends) {
        p[n] = 'O';
        t[n] = noType;
        int count = 0;
        int i = 0;
        char pp = 'O';
        int pt = noType;
        while (i <= n) {
            if (scheme.starts(pp, p[i], pt == t[i])) {
                int end = forward(p, t, i + 1, scheme, n);
                if (scheme.ends(p[end - 1], p[end], t[end - 1] == t[end])) {
                    starts[count] = i;
                    ends[count] = end;
                    count++;
                }
                i = end;
            } else {
                i++;
            }
            pp = p[i - 1];
            pt = t[i - 1];
        }
        return count;
    }

    private static int forward(char[] p, int[] t, int start, TagScheme scheme, int n) {
        char pp = p[start - 1];
        int pt = t[start - 1];
        for (int i = start; i <= n; i++) {
            if (scheme.continues(pp, p[i], pt == t[i])) {
                pp = p[i];
                pt = t[i];
            } else {
                return i;
            }
        }
        return n;
    }
}
