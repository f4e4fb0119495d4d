package org.corpusbench.format.webanno;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.Utf16Offsets;
import org.corpusbench.model.Document;
import org.corpusbench.model.EntityMention;

/**
 * Renders one document as WebAnno TSV 3.3 so that INCEpTION's reader rebuilds exactly its text and spans.
 *
 * <p><b>Tokens.</b> Runs of characters that are not white space, cut again at every span boundary, so that
 * every span is a run of whole tokens. Where a span begins or ends inside white space, which the format
 * cannot address, that white space becomes a token of its own; if it holds a tab or a line break, which
 * INCEpTION would write raw into its own export, an empty token ({@code 5-5}) marks the boundary instead.
 * The text's start is handled alike: INCEpTION fills a gap of spaces before the first token itself. An
 * empty span is an empty token of its own, as INCEpTION writes a zero-width annotation.
 *
 * <p><b>Sentences.</b> A sentence starts at the first token of each line, unless a span runs into that line
 * from the one before or the token is empty. A sentence's text runs to the start of the next one, so nothing falls between two
 * sentences; the line feed that INCEpTION's reader adds after each sentence is left out of its
 * {@code #Text=} lines when the text has one there. The last sentence keeps all its text.
 *
 * <p>An empty text is one empty sentence with its empty token {@code 0-0}: INCEpTION's reader refuses a file
 * without sentences.
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
        Layout layout = new Layout(text, starts, ends);
        List<Token> tokens = layout.tokens;
        int[] begins = tokens.stream().mapToInt(Token::begin).toArray();
        StringBuilder out = new StringBuilder(n * 3 + 200);
        out.append(WebAnnoTsv.FORMAT_LINE).append('\n')
                .append("#T_SP=").append(WebAnnoTsv.NAMED_ENTITY).append('|').append(WebAnnoTsv.IDENTIFIER).append('|')
                .append(WebAnnoTsv.VALUE).append('\n')
                .append('\n');
        // per token, the mentions covering it, in mention order; per mention, whether it needs an id
        List<List<Integer>> covering = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            covering.add(new ArrayList<>(1));
        }
        int[] tokenCount = new int[m];
        for (int i = 0; i < m; i++) {
            int first = firstTokenAtOrAfter(begins, starts[i]);
            for (int t = first; t < tokens.size() && begins[t] <= ends[i]; t++) {
                if (layout.covers(i, tokens.get(t))) {
                    covering.get(t).add(i);
                    tokenCount[i]++;
                }
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
        List<Integer> sentenceStarts = sentenceStarts(text, layout, begins);
        for (int s = 0; s < sentenceStarts.size(); s++) {
            int firstToken = sentenceStarts.get(s);
            int lastToken = s + 1 < sentenceStarts.size() ? sentenceStarts.get(s + 1) : tokens.size();
            int begin = tokens.get(firstToken).begin();
            int end = lastToken < tokens.size() ? tokens.get(lastToken).begin() : n;
            if (lastToken < tokens.size() && end - 1 > begin && text.charAt(end - 1) == '\n') {
                end--; // INCEpTION's reader puts it back after the sentence (kept when it is all there is)
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

    /**
     * The tokens of a text for spans {@code [starts[i], ends[i])} (UTF-16), in text order (begin up, end down,
     * as UIMA orders them and INCEpTION writes them back): the runs of characters that are not white space, cut
     * at every span boundary. Where a span begins or ends inside white space, the white space between the
     * boundary and the next cut becomes a token, unless it holds a tab or a line break, which INCEpTION would
     * write raw into its own export's token column; then an empty token marks the boundary instead. A text that
     * starts with white space other than spaces starts with an empty token; INCEpTION fills a gap of spaces
     * before the first token itself.
     */
    private static final class Layout {
        final List<Token> tokens = new ArrayList<>();
        final int[] starts;
        final int[] ends;
        /** Whether span i begins (ends) at an empty token. */
        final boolean[] markedStart;
        final boolean[] markedEnd;

        Layout(String text, int[] starts, int[] ends) {
            this.starts = starts;
            this.ends = ends;
            int n = text.length();
            int m = starts.length;
            markedStart = new boolean[m];
            markedEnd = new boolean[m];
            TreeSet<Integer> cuts = new TreeSet<>();
            cuts.add(0);
            cuts.add(n);
            for (int i = 0; i < m; i++) {
                cuts.add(starts[i]);
                cuts.add(ends[i]);
            }
            for (int i = 0; i < n; ) {
                int cp = text.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (next < n && isSpace(cp) != isSpace(text.codePointAt(next))) {
                    cuts.add(next);
                }
                i = next;
            }
            Set<Integer> spaceTokens = new HashSet<>(); // begins of white-space pieces that are tokens
            Set<Integer> empty = new HashSet<>();
            for (int i = 0; i < m; i++) {
                if (starts[i] == ends[i]) {
                    // an empty span is an empty token, as INCEpTION writes a zero-width annotation
                    markedStart[i] = true;
                    markedEnd[i] = true;
                    empty.add(starts[i]);
                    continue;
                }
                if (isSpace(text.codePointAt(starts[i]))) {
                    int to = cuts.higher(starts[i]);
                    if (breaksLines(text, starts[i], to)) {
                        markedStart[i] = true;
                        empty.add(starts[i]);
                    } else {
                        spaceTokens.add(starts[i]);
                    }
                }
                if (isSpace(text.codePointBefore(ends[i]))) {
                    int from = cuts.lower(ends[i]);
                    if (breaksLines(text, from, ends[i])) {
                        markedEnd[i] = true;
                        empty.add(ends[i]);
                    } else {
                        spaceTokens.add(from);
                    }
                }
            }
            Integer prev = null;
            for (int cut : cuts) {
                if (prev != null && cut > prev && (!isSpace(text.codePointAt(prev)) || spaceTokens.contains(prev))) {
                    tokens.add(new Token(prev, cut));
                }
                if (prev != null && empty.contains(prev)) {
                    tokens.add(new Token(prev, prev));
                }
                prev = cut;
            }
            if (empty.contains(n)) {
                tokens.add(new Token(n, n));
            }
            int first = tokens.isEmpty() ? n : tokens.get(0).begin();
            boolean spaces = text.substring(0, first).chars().allMatch(c -> c == ' ');
            if (tokens.isEmpty() || first > 0 && !spaces) {
                // a sentence starts at a token; a gap of spaces before the first one INCEpTION fills itself
                tokens.add(0, n == 0 || breaksLines(text, 0, first) ? new Token(0, 0) : new Token(0, first));
            }
        }

        /** Whether span i lists token t among its units (an empty token only where it marks the span's edge). */
        boolean covers(int i, Token t) {
            if (t.begin() < t.end()) {
                return starts[i] <= t.begin() && t.end() <= ends[i];
            }
            return t.begin() == starts[i] && markedStart[i] || t.begin() == ends[i] && markedEnd[i];
        }

        private static boolean breaksLines(String text, int from, int to) {
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                if (c == '\t' || c == '\n' || c == '\r') {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The indexes of the tokens that start a sentence: the first token, and the first token after a line feed
     * unless it is part of a span that began before it or is empty.
     */
    private static List<Integer> sentenceStarts(String text, Layout layout, int[] begins) {
        List<Token> tokens = layout.tokens;
        // offsets at which a span goes on: no sentence starts there (an empty token that ends a span follows the
        // token that starts at its offset)
        Set<Integer> inside = new HashSet<>();
        for (int i = 0; i < layout.starts.length; i++) {
            for (int t = firstTokenAtOrAfter(begins, layout.starts[i]); t < tokens.size()
                    && begins[t] <= layout.ends[i]; t++) {
                if (begins[t] > layout.starts[i] && layout.covers(i, tokens.get(t))) {
                    inside.add(begins[t]);
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        out.add(0);
        for (int t = 1; t < tokens.size(); t++) {
            int gapStart = tokens.get(t - 1).end();
            int gapEnd = tokens.get(t).begin();
            if (gapEnd == tokens.get(t).end()) {
                continue; // an empty token stays in the sentence before: INCEpTION drops the text of an empty one
            }
            if (!inside.contains(gapEnd) && gapStart < gapEnd && text.substring(gapStart, gapEnd).indexOf('\n') >= 0) {
                out.add(t);
            }
        }
        return out;
    }

    /** The first index whose begin is at or after {@code offset} (begins are sorted, and may repeat). */
    private static int firstTokenAtOrAfter(int[] begins, int offset) {
        int lo = 0;
        int hi = begins.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (begins[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
