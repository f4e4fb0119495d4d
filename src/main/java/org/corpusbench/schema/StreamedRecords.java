package org.corpusbench.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.jsonl.JsonlLines;
import org.corpusbench.format.timeml.CreationDates;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * Decodes the record kinds that make up nearly all of a corpus, documents and annotations (gold or a
 * system's), straight from a JSONL line's tokens, without building a tree, checking the schema against a
 * tree and then reading the tree into the model (issue 15: those three steps were two thirds of
 * validation's time, and a document's text was decoded into a {@code String} only to be encoded back to
 * UTF-8).
 *
 * <p>It decides only the common case, like {@link SchemaFastPath}: it returns a record only when the line
 * is certainly valid for its schema ({@code document.schema.json}, {@code annotations.schema.json},
 * {@code predictions.schema.json}) and {@link org.corpusbench.format.jsonl.JsonCodec} would decode it
 * without error into the same values, and {@code null} ("not known") for anything else — a field it does
 * not expect, a value of another type, a bound not met, malformed JSON — which the caller then parses and
 * checks the general way, so that every diagnostic still comes from there. {@code StreamedRecordsTest}
 * checks both halves of that promise on random and damaged records.
 */
final class StreamedRecords {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';

    /** Longest id the schemas allow, in code points ({@code common.schema.json#/$defs/id}). */
    private static final int MAX_ID = 512;

    /**
     * The parts of a document record the validator checks: its id, its text and the creation date in its
     * metadata ({@code null} when absent).
     */
    record DocumentRecord(String id, DocumentText text, String creationDate) {
    }

    private StreamedRecords() {
    }

    /**
     * A parser over the line without Jackson's duplicate detection, which took a seventh of the time: the
     * decoders below note each field they read in a bit set and give up on a second one, which the general
     * path then reports.
     */
    @SuppressWarnings("deprecation") // JsonParser.Feature: the one switch that turns detection off per parser
    private static JsonParser parser(JsonlLines line) throws IOException {
        JsonParser p = line.parser();
        if (p != null) {
            p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        }
        return p;
    }

    /** Adds the bit of field {@code bit} to {@code seen}; -1 when it was there (a field given twice). */
    private static int once(int seen, int bit) {
        return (seen & bit) != 0 ? -1 : seen | bit;
    }

    /** The document on {@code line}, at {@code at}; {@code null} when not certainly a valid document. */
    static DocumentRecord document(JsonlLines line, Location at) {
        try (JsonParser p = parser(line)) {
            if (p == null || p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String id = null;
            DocumentText text = null;
            String created = null;
            boolean sha256 = false;
            int seen = 0;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                seen = once(seen, switch (name) {
                    case "id" -> 1;
                    case "text" -> 2;
                    case "title" -> 4;
                    case "source" -> 8;
                    case "sha256" -> 16;
                    case "metadata" -> 32;
                    default -> 0;
                });
                if (seen < 0) {
                    return null;
                }
                switch (name) {
                    case "id" -> {
                        id = v == JsonToken.VALUE_STRING ? p.getText() : null;
                        if (id == null || !isId(id)) {
                            return null;
                        }
                    }
                    case "text" -> {
                        // read from the line's bytes; the parser skips the string and checks its syntax
                        text = v == JsonToken.VALUE_STRING ? text(line, (int) p.currentTokenLocation().getByteOffset(),
                                at) : null;
                        if (text == null) {
                            return null;
                        }
                    }
                    case "title", "source" -> {
                        if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
                            return null;
                        }
                    }
                    case "sha256" -> {
                        if (v != JsonToken.VALUE_STRING || !isSha256(p.getText())) {
                            return null;
                        }
                        sha256 = true;
                    }
                    case "metadata" -> {
                        if (v != JsonToken.START_OBJECT) {
                            return null;
                        }
                        JsonToken m;
                        java.util.Set<String> keys = new java.util.HashSet<>();
                        while ((m = p.nextToken()) == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            if (p.nextToken() != JsonToken.VALUE_STRING || !keys.add(key)) {
                                return null;
                            }
                            if (key.equals(CreationDates.METADATA_KEY)) {
                                created = p.getText();
                            }
                        }
                        if (m != JsonToken.END_OBJECT) {
                            return null;
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null || id == null || text == null || !sha256) {
                return null;
            }
            return new DocumentRecord(id, text, created);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The gold annotation record on {@code line}, as {@code JsonCodec.annotations} decodes it; {@code null}
     * when not certainly valid for {@code annotations.schema.json}.
     */
    static DocumentAnnotations goldAnnotations(JsonlLines line) {
        return annotations(line, true);
    }

    /**
     * A system's per-document record on {@code line}, as {@code JsonCodec.annotations} decodes it; {@code null}
     * when not certainly valid for {@code predictions.schema.json}. Its only branch with {@code doc_id} is the
     * document layers', where either layer and every id may be left out; the other branches require fields
     * this one does not allow, so this one matching is {@code oneOf} matching.
     */
    static DocumentAnnotations predictedAnnotations(JsonlLines line) {
        return annotations(line, false);
    }

    private static DocumentAnnotations annotations(JsonlLines line, boolean gold) {
        try (JsonParser p = parser(line)) {
            if (p == null || p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String docId = null;
            List<EntityMention> entities = null;
            List<Timex3> timexes = null;
            int seen = 0;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                seen = once(seen, switch (name) {
                    case "doc_id" -> 1;
                    case "entities" -> 2;
                    case "timexes" -> 4;
                    default -> 0;
                });
                if (seen < 0) {
                    return null;
                }
                switch (name) {
                    case "doc_id" -> {
                        docId = v == JsonToken.VALUE_STRING ? p.getText() : null;
                        if (docId == null || !isId(docId)) {
                            return null;
                        }
                    }
                    case "entities" -> {
                        entities = v == JsonToken.START_ARRAY ? entities(p) : null;
                        if (entities == null) {
                            return null;
                        }
                    }
                    case "timexes" -> {
                        timexes = v == JsonToken.START_ARRAY ? timexes(p, gold) : null;
                        if (timexes == null) {
                            return null;
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null || docId == null
                    || gold && (entities == null || timexes == null)) {
                return null;
            }
            return new DocumentAnnotations(docId, entities == null ? List.of() : entities,
                    timexes == null ? List.of() : timexes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The elements of an entities array whose start the parser is on; {@code null} at the first doubt. */
    private static List<EntityMention> entities(JsonParser p) throws IOException {
        List<EntityMention> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            int start = -1;
            int end = -1;
            String text = null;
            String type = null;
            String entityId = null;
            int seen = 0;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                String s = v == JsonToken.VALUE_STRING ? p.getText() : null;
                int bit;
                boolean ok;
                switch (name) {
                    case "start" -> {
                        bit = 1;
                        ok = (start = offset(p, v)) >= 0;
                    }
                    case "end" -> {
                        bit = 2;
                        ok = (end = offset(p, v)) >= 0;
                    }
                    case "text" -> {
                        bit = 4;
                        ok = (text = s) != null;
                    }
                    case "type" -> {
                        bit = 8;
                        ok = (type = s) != null && !s.isEmpty();
                    }
                    case "entity_id" -> {
                        bit = 16;
                        ok = (entityId = s) != null && isId(s);
                    }
                    default -> {
                        return null;
                    }
                }
                // a value of another type, a bound not met, a field twice: the general path says which
                if (!ok || (seen & bit) != 0) {
                    return null;
                }
                seen |= bit;
            }
            Span span = t == JsonToken.END_OBJECT && type != null ? span(start, end, text) : null;
            if (span == null) {
                return null;
            }
            out.add(new EntityMention(span, type, entityId));
        }
        return t == JsonToken.END_ARRAY ? out : null;
    }

    /**
     * The elements of a timexes array whose start the parser is on, each with a tid when {@code gold};
     * {@code null} at the first doubt.
     */
    private static List<Timex3> timexes(JsonParser p, boolean gold) throws IOException {
        List<Timex3> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            int start = -1;
            int end = -1;
            String text = null;
            String tid = null;
            TimexType type = null;
            String value = null;
            String mod = null;
            String anchor = null;
            String quant = null;
            String freq = null;
            int seen = 0;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                String s = v == JsonToken.VALUE_STRING ? p.getText() : null;
                seen = once(seen, switch (name) {
                    case "start" -> 1;
                    case "end" -> 2;
                    case "text" -> 4;
                    case "tid" -> 8;
                    case "type" -> 16;
                    case "value" -> 32;
                    case "mod" -> 64;
                    case "anchor" -> 128;
                    case "quant" -> 256;
                    case "freq" -> 512;
                    default -> 0;
                });
                boolean ok = seen >= 0 && switch (name) {
                    case "start" -> (start = offset(p, v)) >= 0;
                    case "end" -> (end = offset(p, v)) >= 0;
                    case "text" -> (text = s) != null;
                    case "tid" -> (tid = s) != null && isId(s);
                    case "type" -> (type = timexType(s)) != null;
                    case "value" -> (value = s) != null && !s.isEmpty();
                    case "mod" -> (mod = s) != null && isTimexMod(s);
                    case "anchor" -> (anchor = s) != null && isId(s);
                    case "quant" -> (quant = s) != null && !s.isEmpty();
                    case "freq" -> (freq = s) != null && !s.isEmpty();
                    default -> false;
                };
                if (!ok) {
                    return null;
                }
            }
            Span span = t == JsonToken.END_OBJECT && (tid != null || !gold) && type != null && value != null
                    ? span(start, end, text) : null;
            if (span == null) {
                return null;
            }
            out.add(new Timex3(tid, span, type, value, mod, anchor, quant, freq));
        }
        return t == JsonToken.END_ARRAY ? out : null;
    }

    /** An offset: a JSON integer that fits an {@code int} and is not negative; else -1. */
    private static int offset(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            return -1;
        }
        int n = p.getIntValue();
        return n >= 0 ? n : -1;
    }

    /** The span JsonCodec accepts (present, non-empty, the text as long as the range); else {@code null}. */
    private static Span span(int start, int end, String text) {
        if (start < 0 || end <= start || text == null || text.codePointCount(0, text.length()) != end - start) {
            return null;
        }
        return new Span(start, end, text);
    }

    /** An id of {@code common.schema.json}: 1 to 512 code points. */
    private static boolean isId(String s) {
        return !s.isEmpty() && (s.length() <= MAX_ID || s.codePointCount(0, s.length()) <= MAX_ID);
    }

    private static boolean isSha256(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static TimexType timexType(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "DATE" -> TimexType.DATE;
            case "TIME" -> TimexType.TIME;
            case "DURATION" -> TimexType.DURATION;
            case "SET" -> TimexType.SET;
            default -> null;
        };
    }

    private static boolean isTimexMod(String s) {
        return switch (s) {
            case "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
                    "EQUAL_OR_MORE", "START", "MID", "END", "APPROX" -> true;
            default -> false;
        };
    }

    /**
     * The text of the JSON string whose opening quote is at byte {@code quote} of the line, as UTF-8 without
     * decoding it into a {@code String}: its bytes as they are, escapes resolved. {@code null} for anything
     * the general path must look at: a malformed escape, or an escaped lone surrogate (which
     * {@code JsonCodec.document} refuses). Control characters are left to the parser, which refuses them
     * when it skips the string.
     */
    static DocumentText text(JsonlLines line, int quote, Location at) {
        // the rest of the line, unescaped in place: an escape never takes fewer bytes than what it stands for
        byte[] b = line.copyOfRange(quote + 1, line.length());
        int n = b.length;
        int i = 0;
        int j = 0;
        while (true) {
            int k = nextQuoteOrBackslash(b, i, n);
            if (k >= n) {
                return null;
            }
            if (j != i) {
                System.arraycopy(b, i, b, j, k - i);
            }
            j += k - i;
            i = k;
            if (b[i] == '"') {
                return DocumentText.ofUtf8(j == n ? b : Arrays.copyOf(b, j), at);
            }
            if (i + 1 >= n) {
                return null;
            }
            byte e = b[i + 1];
            i += 2;
            switch (e) {
                case '"', '\\', '/' -> b[j++] = e;
                case 'b' -> b[j++] = '\b';
                case 'f' -> b[j++] = '\f';
                case 'n' -> b[j++] = '\n';
                case 'r' -> b[j++] = '\r';
                case 't' -> b[j++] = '\t';
                case 'u' -> {
                    int c = hex4(b, i, n);
                    if (c < 0) {
                        return null;
                    }
                    i += 4;
                    if (Character.isHighSurrogate((char) c)) {
                        int low = i + 6 <= n && b[i] == '\\' && b[i + 1] == 'u' ? hex4(b, i + 2, n) : -1;
                        if (low < 0 || !Character.isLowSurrogate((char) low)) {
                            return null;
                        }
                        i += 6;
                        c = Character.toCodePoint((char) c, (char) low);
                    } else if (Character.isSurrogate((char) c)) {
                        return null;
                    }
                    // read before written: 6 bytes of escape become at most 3 of UTF-8, 12 of a pair 4
                    j = putUtf8(b, j, c);
                }
                default -> {
                    return null;
                }
            }
        }
    }

    /** The index of the first {@code "} or backslash in {@code b[from, n)}, or {@code n}; eight bytes a step. */
    private static int nextQuoteOrBackslash(byte[] b, int from, int n) {
        int i = from;
        for (; i + 8 <= n; i += 8) {
            long x = (long) LONGS.get(b, i);
            long q = x ^ QUOTES;
            long s = x ^ BACKSLASHES;
            long found = ((q - ONES) & ~q | (s - ONES) & ~s) & HIGH_BITS;
            if (found != 0) {
                // the lowest flagged byte is a true match (a borrow only flags bytes above one)
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < n; i++) {
            if (b[i] == '"' || b[i] == '\\') {
                return i;
            }
        }
        return n;
    }

    /** The value of four hex digits at {@code b[i]} (before {@code end}), or -1. */
    private static int hex4(byte[] b, int i, int end) {
        if (i + 4 > end) {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(b[i + k], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    private static int putUtf8(byte[] out, int j, int c) {
        if (c < 0x80) {
            out[j++] = (byte) c;
        } else if (c < 0x800) {
            out[j++] = (byte) (0xC0 | (c >> 6));
            out[j++] = (byte) (0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[j++] = (byte) (0xE0 | (c >> 12));
            out[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            out[j++] = (byte) (0x80 | (c & 0x3F));
        } else {
            out[j++] = (byte) (0xF0 | (c >> 18));
            out[j++] = (byte) (0x80 | ((c >> 12) & 0x3F));
            out[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            out[j++] = (byte) (0x80 | (c & 0x3F));
        }
        return j;
    }
}
