package org.corpusbench.format.webanno;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.corpusbench.format.CorpusFormatException;
import org.corpusbench.format.Location;
import org.corpusbench.internal.Utf16Offsets;
import org.corpusbench.model.Document;
import org.corpusbench.model.EntityMention;

/**
 * Renders one document as WebAnno TSV 3.3 so that INCEpTION's reader rebuilds exactly its text and spans.
 *
 * <p><b>Tokens.</b> Runs of characters that are not white space, cut again at every span boundary, so that
 * every span is a run of whole tokens. A stretch of white space becomes a token only where a span begins or
 * ends with it (the format cannot address the space between tokens), or at the start of a text that does
 * not start with a token and with spaces only (INCEpTION fills that gap with spaces).
 *
 * <p><b>Sentences.</b> A sentence starts at the first token of each line, unless a span runs into that line
 * from the one before. A sentence's text runs to the start of the next one, so nothing falls between two
 * sentences; the line feed that INCEpTION's reader adds after each sentence is left out of its
 * {@code #Text=} lines when the text has one there. The last sentence keeps all its text.
 *
 * <p><b>Columns.</b> {@code identifier} holds the entity id ({@code *} when there is none), {@code value}
 * the type. A span of more than one token, or one that shares a token with another span, carries a
 * disambiguation id {@code [n]}, numbered from 1 in the order of the spans.
 */
final class TsvWriter {

    private TsvWriter() {
    }

    /** A token: UTF-16 offsets {@code [begin, end)}. */
    private record Token(int begin, int end) {
    }

    static String render(Document d, List<EntityMention> mentions, String output) throws CorpusFormatException {
        String text = d.text();
        int n = text.length();
        int m = mentions.size();
        int[] starts = new int[m];
        int[] ends = new int[m];
        for (int i = 0; i < m; i++) {
            EntityMention e = mentions.get(i);
            if (e.span().length() == 0) {
                throw refuse(output, d, i, "the empty span [" + e.span().start() + "," + e.span().end() + ") cannot "
                        + "be written; WebAnno TSV annotations cover tokens");
            }
            check(output, d, i, "type", e.type());
            if (e.entityId() != null) {
                if (e.entityId().isEmpty()) {
                    throw refuse(output, d, i, "an empty entity id cannot be written; expected an id or none");
                }
                check(output, d, i, "entity_id", e.entityId());
            }
            starts[i] = Utf16Offsets.fromCodePoint(text, e.span().start());
            ends[i] = Utf16Offsets.fromCodePoint(text, e.span().end());
        }
        List<Token> tokens = tokens(text, starts, ends);
        int[] begins = tokens.stream().mapToInt(Token::begin).toArray();
        StringBuilder out = new StringBuilder(n * 3 + 200);
        out.append(WebAnnoTsv.FORMAT_LINE).append('\n')
                .append("#T_SP=").append(WebAnnoTsv.NAMED_ENTITY).append('|').append(WebAnnoTsv.IDENTIFIER).append('|')
                .append(WebAnnoTsv.VALUE).append('\n')
                .append('\n');
        if (tokens.isEmpty()) {
            return out.toString();
        }
        // per token, the mentions covering it, in mention order; per mention, whether it needs an id
        List<List<Integer>> covering = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            covering.add(new ArrayList<>(1));
        }
        int[] tokenCount = new int[m];
        for (int i = 0; i < m; i++) {
            int first = firstTokenAtOrAfter(begins, starts[i]);
            for (int t = first; t < tokens.size() && tokens.get(t).end() <= ends[i]; t++) {
                covering.get(t).add(i);
                tokenCount[i]++;
            }
        }
        boolean[] needsId = new boolean[m];
        for (int i = 0; i < m; i++) {
            needsId[i] = tokenCount[i] > 1;
        }
        for (List<Integer> c : covering) {
            if (c.size() > 1) {
                c.forEach(i -> needsId[i] = true);
            }
        }
        int[] ids = new int[m];
        int next = 1;
        for (int i = 0; i < m; i++) {
            ids[i] = needsId[i] ? next++ : 0;
        }
        List<Integer> sentenceStarts = sentenceStarts(text, tokens, begins, starts, ends);
        for (int s = 0; s < sentenceStarts.size(); s++) {
            int firstToken = sentenceStarts.get(s);
            int lastToken = s + 1 < sentenceStarts.size() ? sentenceStarts.get(s + 1) : tokens.size();
            int begin = tokens.get(firstToken).begin();
            int end = lastToken < tokens.size() ? tokens.get(lastToken).begin() : n;
            if (lastToken < tokens.size() && text.charAt(end - 1) == '\n') {
                end--; // INCEpTION's reader puts it back after the sentence
            }
            out.append('\n');
            for (String line : text.substring(begin, end).split("\n", -1)) {
                out.append("#Text=").append(TsvEscaping.escapeText(line)).append('\n');
            }
            for (int t = firstToken; t < lastToken; t++) {
                Token tok = tokens.get(t);
                out.append(s + 1).append('-').append(t - firstToken + 1).append('\t')
                        .append(tok.begin()).append('-').append(tok.end()).append('\t')
                        .append(TsvEscaping.escapeText(text.substring(tok.begin(), tok.end()))).append('\t');
                List<Integer> c = covering.get(t);
                if (c.isEmpty()) {
                    out.append("_\t_\t\n");
                    continue;
                }
                StringBuilder identifier = new StringBuilder();
                StringBuilder value = new StringBuilder();
                for (int k = 0; k < c.size(); k++) {
                    EntityMention e = mentions.get(c.get(k));
                    String suffix = ids[c.get(k)] == 0 ? "" : "[" + ids[c.get(k)] + "]";
                    if (k > 0) {
                        identifier.append('|');
                        value.append('|');
                    }
                    identifier.append(e.entityId() == null ? "*" : TsvEscaping.escapeValue(e.entityId())).append(suffix);
                    value.append(TsvEscaping.escapeValue(e.type())).append(suffix);
                }
                out.append(identifier).append('\t').append(value).append("\t\n");
            }
        }
        return out.toString();
    }

    /** Tokens over {@code text} for spans {@code [starts[i], ends[i])} (UTF-16), in text order. */
    private static List<Token> tokens(String text, int[] starts, int[] ends) {
        int n = text.length();
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(n);
        Set<Integer> spanStarts = new HashSet<>();
        Set<Integer> spanEnds = new HashSet<>();
        for (int i = 0; i < starts.length; i++) {
            cuts.add(starts[i]);
            cuts.add(ends[i]);
            spanStarts.add(starts[i]);
            spanEnds.add(ends[i]);
        }
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (next < n && isSpace(cp) != isSpace(text.codePointAt(next))) {
                cuts.add(next);
            }
            i = next;
        }
        List<Token> out = new ArrayList<>();
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null && cut > prev) {
                boolean space = isSpace(text.codePointAt(prev));
                if (!space || spanStarts.contains(prev) || spanEnds.contains(cut)) {
                    out.add(new Token(prev, cut));
                }
            }
            prev = cut;
        }
        int firstBegin = out.isEmpty() ? n : out.get(0).begin();
        if (firstBegin > 0 && (out.isEmpty() || !text.substring(0, firstBegin).chars().allMatch(c -> c == ' '))) {
            out.add(0, new Token(0, firstBegin));
        }
        return out;
    }

    /**
     * The indexes of the tokens that start a sentence: the first token, and the first token after a line feed
     * unless a span that began before it covers it.
     */
    private static List<Integer> sentenceStarts(String text, List<Token> tokens, int[] begins, int[] starts,
                                                int[] ends) {
        boolean[] continued = new boolean[tokens.size()];
        for (int i = 0; i < starts.length; i++) {
            for (int t = firstTokenAtOrAfter(begins, starts[i]); t < tokens.size() && begins[t] < ends[i]; t++) {
                if (tokens.get(t).begin() > starts[i]) {
                    continued[t] = true;
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        out.add(0);
        for (int t = 1; t < tokens.size(); t++) {
            int gapStart = tokens.get(t - 1).end();
            int gapEnd = tokens.get(t).begin();
            if (!continued[t] && text.substring(gapStart, gapEnd).indexOf('\n') >= 0) {
                out.add(t);
            }
        }
        return out;
    }

    private static int firstTokenAtOrAfter(int[] begins, int offset) {
        int i = Arrays.binarySearch(begins, offset);
        return i >= 0 ? i : -i - 1;
    }

    /** White space for tokenisation: Java's white space and the Unicode space separators (no-break spaces). */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** A type or entity id must not hold control characters other than tab and line feed, which escape. */
    private static void check(String output, Document d, int i, String field, String value)
            throws CorpusFormatException {
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c < 0x20 && c != '\t' && c != '\n' || c == 0x7F) {
                throw refuse(output, d, i, "the " + field + " '" + value + "' holds the control character U+"
                        + String.format(java.util.Locale.ROOT, "%04X", (int) c) + ", which WebAnno TSV feature values "
                        + "cannot hold; expected printable text");
            }
        }
    }

    private static CorpusFormatException refuse(String output, Document d, int i, String message) {
        return new CorpusFormatException(Location.ofFile(output), "entities[" + i + "]", "document '" + d.id() + "': "
                + message);
    }
}
