package org.corpusbench.tags;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes tag sequences into chunks, in two ways.
 *
 * <p>{@link #lenient}: the conlleval-compatible rules that seqeval's default mode uses. A chunk starts at
 * B or S, at I or E after O, E or S, and wherever the type changes; it ends before B, S or O after B or I,
 * after every E or S, and wherever the type changes. Malformed sequences (a stray I-, a type switch
 * inside a chunk) still give chunks. Prefixes it does not know (L, U) act only through type changes.
 *
 * <p>{@link #strict}: only chunks that are well formed in the given scheme count; tokens with a prefix
 * the scheme does not allow are an error.
 */
public final class Chunker {

    private Chunker() {
    }

    /** The prefix letter of a tag ({@code B} of {@code B-PER}, {@code O} of {@code O}). */
    static char prefix(String tag) {
        return tag.isEmpty() ? 'O' : tag.charAt(0);
    }

    /** The type of a tag as seqeval reads it: the text after the first hyphen, or {@code _} when none. */
    static String type(String tag) {
        if (tag.length() <= 1) {
            return "_";
        }
        String rest = tag.substring(1);
        int dash = rest.indexOf('-');
        String t = dash < 0 ? rest : rest.substring(dash + 1);
        return t.isEmpty() ? "_" : t;
    }

    /**
     * Streaming state for {@link #lenient} decoding across sentences: sentences are joined with an O
     * between them, as seqeval does for nested lists, so a chunk never crosses a sentence break.
     */
    public static final class Lenient {
        private char prevTag = 'O';
        private String prevType;
        private int begin;
        private int index;
        private boolean started;
        private boolean endedUnstarted;

        /** State for the start of an input, before any sentence. */
        public Lenient() {
            this(false);
        }

        /**
         * @param afterSentence start in the state a sentence break leaves (the previous type is seqeval's
         *                      "_" of the joining O, not the "" of the very start), to decode a later part
         *                      of a file exactly as the whole would be
         */
        public Lenient(boolean afterSentence) {
            prevType = afterSentence ? "_" : "";
        }

        /** Feeds one sentence; returns its chunks with indexes relative to the sentence. */
        public List<Chunk> sentence(List<String> tags) {
            List<Chunk> out = new ArrayList<>();
            int base = index;
            for (String t : tags) {
                step(prefix(t), type(t), out, base);
            }
            step('O', "_", out, base);
            return out;
        }

        private void step(char tag, String type, List<Chunk> out, int base) {
            if (endOfChunk(prevTag, tag, prevType, type)) {
                out.add(new Chunk(prevType, begin - base, index - base));
                endedUnstarted |= !started;
            }
            if (startOfChunk(prevTag, tag, prevType, type)) {
                begin = index;
                started = true;
            }
            prevTag = tag;
            prevType = type;
            index++;
        }

        /**
         * Whether a chunk ended before any chunk started: malformed input (a typeless tag such as "X" opening
         * a sentence) makes such a chunk begin where the last chunk of the input before began, so a
         * decoder that starts mid-file cannot know it.
         */
        public boolean endedUnstarted() {
            return endedUnstarted;
        }
    }

    /** Chunks of a single sequence decoded with the lenient rules. */
    public static List<Chunk> lenient(List<String> tags) {
        return new Lenient().sentence(tags);
    }

    static boolean endOfChunk(char prevTag, char tag, String prevType, String type) {
        return endOfChunk(prevTag, tag, prevType.equals(type));
    }

    /** {@link #endOfChunk(char, char, String, String)} given whether the two types are the same. */
    static boolean endOfChunk(char prevTag, char tag, boolean sameType) {
        if (prevTag == 'E' || prevTag == 'S') {
            return true;
        }
        if ((prevTag == 'B' || prevTag == 'I') && (tag == 'B' || tag == 'S' || tag == 'O')) {
            return true;
        }
        return prevTag != 'O' && prevTag != '.' && !sameType;
    }

    static boolean startOfChunk(char prevTag, char tag, String prevType, String type) {
        return startOfChunk(prevTag, tag, prevType.equals(type));
    }

    /** {@link #startOfChunk(char, char, String, String)} given whether the two types are the same. */
    static boolean startOfChunk(char prevTag, char tag, boolean sameType) {
        if (tag == 'B' || tag == 'S') {
            return true;
        }
        if ((prevTag == 'E' || prevTag == 'S' || prevTag == 'O') && (tag == 'E' || tag == 'I')) {
            return true;
        }
        return tag != 'O' && tag != '.' && !sameType;
    }

    /** Thrown when a tag has a prefix the strict scheme does not allow. */
    public static final class InvalidTagException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        /** Index of the offending tag in its sentence; serialized with the exception. */
        private final int index;

        InvalidTagException(String message, int index) {
            super(message);
            this.index = index;
        }

        /** Index of the offending tag in its sentence. */
        public int index() {
            return index;
        }
    }

    /** Chunks well formed in {@code scheme}; each chunk is typed by its first token. */
    public static List<Chunk> strict(List<String> tags, TagScheme scheme) {
        int n = tags.size();
        char[] p = new char[n + 1];
        String[] t = new String[n + 1];
        for (int i = 0; i < n; i++) {
            String tag = tags.get(i);
            p[i] = prefix(tag);
            if (!scheme.allows(p[i])) {
                throw new InvalidTagException("tag '" + tag + "' has prefix " + p[i] + ", which " + scheme
                        + " does not allow", i);
            }
            t[i] = strictType(tag);
        }
        p[n] = 'O';
        t[n] = "_";
        List<Chunk> out = new ArrayList<>();
        int i = 0;
        char pp = 'O';
        String pt = "_";
        while (i <= n) {
            if (scheme.starts(pp, p[i], pt.equals(t[i]))) {
                int end = forward(p, t, i + 1, scheme, n);
                if (scheme.ends(p[end - 1], p[end], t[end - 1].equals(t[end]))) {
                    out.add(new Chunk(t[i], i, end));
                }
                i = end;
            } else {
                i++;
            }
            pp = p[i - 1];
            pt = t[i - 1];
        }
        return out;
    }

    private static int forward(char[] p, String[] t, int start, TagScheme scheme, int n) {
        char pp = p[start - 1];
        String pt = t[start - 1];
        for (int i = start; i <= n; i++) {
            if (scheme.continues(pp, p[i], pt.equals(t[i]))) {
                pp = p[i];
                pt = t[i];
            } else {
                return i;
            }
        }
        return n;
    }

    /** The type as seqeval's strict tokens read it: the tag without its prefix and surrounding hyphens. */
    static String strictType(String tag) {
        String rest = tag.length() <= 1 ? "" : tag.substring(1);
        int a = 0;
        int b = rest.length();
        while (a < b && rest.charAt(a) == '-') {
            a++;
        }
        while (b > a && rest.charAt(b - 1) == '-') {
            b--;
        }
        String s = rest.substring(a, b);
        return s.isEmpty() ? "_" : s;
    }
}
