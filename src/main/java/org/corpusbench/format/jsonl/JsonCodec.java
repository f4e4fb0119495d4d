package org.corpusbench.format.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * The JSON form of every model record, as the schemas in {@code schema/} define it. Writing uses a fixed
 * field order and omits absent optional fields, so that equal records give identical bytes (releases
 * are built reproducibly). Reading checks types and field presence and names the field at fault.
 */
public final class JsonCodec {

    /**
     * Deepest JSON nesting read. No record of the schemas nests deeper than 4 levels; the limit only stops
     * a hostile line from exhausting the stack.
     */
    public static final int MAX_NESTING_DEPTH = 1000;

    /**
     * The reading limits, stated rather than inherited: strings (a document's text) may be as long as a
     * Java string can be (Jackson's default of 20 million characters would refuse a valid long document),
     * numbers are at most 1,000 digits, nesting at most {@link #MAX_NESTING_DEPTH}, and a field that
     * appears twice in one object is an error rather than last-one-wins.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(1000)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * The tree reader with {@link #FACTORY}'s limits, in a class of its own: building it took a sixth of a
     * second, which a reader that only streams tokens (the validator's common path) need not pay.
     */
    static final class Trees {
        static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

        private Trees() {
        }
    }

    /**
     * A Jackson parse failure in corpusbench's words: limits are named as ours, with what they are; other
     * messages are Jackson's own description of the syntax error.
     */
    public static String describe(com.fasterxml.jackson.core.JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            if (m != null && m.contains("nesting depth")) {
                return "JSON nested deeper than " + MAX_NESTING_DEPTH + " levels (corpusbench's limit; no "
                        + "corpusbench record nests more than 4)";
            }
            if (m != null && m.contains("Number value length")) {
                return "a number of more than 1000 digits (corpusbench's limit); expected an offset or a count";
            }
            return "a JSON value over corpusbench's reading limits (" + m + ")";
        }
        if (m != null && m.startsWith("Trailing token")) {
            return "more text after the JSON value (a second object on the line, or stray characters)";
        }
        if (m != null && m.startsWith("Duplicate field '")) {
            return "field " + m.substring("Duplicate field ".length()) + " appears twice in one object; expected "
                    + "each field once";
        }
        return "malformed JSON: " + m;
    }

    private JsonCodec() {
    }

    // ---------------------------------------------------------------- reading

    /**
     * Decodes a document record: {@code id}, {@code text} and {@code sha256}, with {@code title},
     * {@code source} and string-valued {@code metadata} optional. An empty id is refused, and so is text with a
     * lone surrogate, which no UTF-8 file can hold.
     */
    public static Document document(JsonNode node, Location at) throws CorpusFormatException {
        JsonFields f = new JsonFields(node, at, "");
        String id = f.string("id");
        if (id.isEmpty()) {
            throw f.error("id", "expected a non-empty string");
        }
        java.util.Map<String, String> metadata = new java.util.TreeMap<>();
        JsonFields meta = f.optionalObject("metadata");
        if (meta != null) {
            for (String key : meta.names()) {
                metadata.put(key, meta.string(key));
            }
        }
        String text = f.string("text");
        int lone = loneSurrogate(text);
        if (lone >= 0) {
            throw f.error("text", "holds a lone surrogate (\\u" + String.format(java.util.Locale.ROOT, "%04x",
                    (int) text.charAt(lone)) + ") at code point " + text.codePointCount(0, lone) + ": not a Unicode "
                    + "character, so no UTF-8 file can hold it; expected well-formed text (a JSON escape of half "
                    + "of a pair, such as \\ud83d without its \\ude00, is the usual cause)");
        }
        return new Document(id, text, f.optionalString("title"), f.optionalString("source"),
                f.string("sha256"), metadata);
    }

    /** The char index of the first unpaired surrogate of {@code s}, or -1. */
    static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Decodes an annotation record: {@code doc_id}, and the {@code entities} and {@code timexes} arrays, each
     * optional. Every span must cover at least one code point and carry a text of exactly its length. The first
     * bad element fails the whole record; {@link #entityMention} and {@link #timex} decode one at a time.
     */
    public static DocumentAnnotations annotations(JsonNode node, Location at) throws CorpusFormatException {
        JsonFields f = new JsonFields(node, at, "");
        String docId = f.string("doc_id");
        List<EntityMention> entities = new ArrayList<>();
        JsonNode ents = f.array("entities", false);
        if (ents != null) {
            for (int i = 0; i < ents.size(); i++) {
                entities.add(entityMention(ents.get(i), at, i));
            }
        }
        List<Timex3> timexes = new ArrayList<>();
        JsonNode tims = f.array("timexes", false);
        if (tims != null) {
            for (int i = 0; i < tims.size(); i++) {
                timexes.add(timex(tims.get(i), at, i));
            }
        }
        return new DocumentAnnotations(docId, entities, timexes);
    }

    /**
     * Element {@code index} of an annotation record's {@code entities} array: for readers that keep the
     * good elements of a record and report the bad ones one by one.
     */
    public static EntityMention entityMention(JsonNode element, Location at, int index) throws CorpusFormatException {
        JsonFields e = new JsonFields(element, at, "entities", index);
        return new EntityMention(span(e), e.string("type"), e.optionalString("entity_id"));
    }

    /** Element {@code index} of an annotation record's {@code timexes} array. */
    public static Timex3 timex(JsonNode element, Location at, int index) throws CorpusFormatException {
        JsonFields t = new JsonFields(element, at, "timexes", index);
        return new Timex3(t.optionalString("tid"), span(t), timexType(t), t.string("value"), t.optionalString("mod"),
                t.optionalString("anchor"), t.optionalString("quant"), t.optionalString("freq"));
    }

    /**
     * Decodes a contradiction record: the evidence objects {@code a} and {@code b} ({@code doc_id} and a span
     * each), and {@code id}, {@code type} and {@code explanation}, which are optional here so that predictions
     * decode too; the gold schema is what requires them.
     */
    public static Contradiction contradiction(JsonNode node, Location at) throws CorpusFormatException {
        JsonFields f = new JsonFields(node, at, "");
        ContradictionType type = null;
        String t = f.optionalString("type");
        if (t != null) {
            try {
                type = ContradictionType.valueOf(t);
            } catch (IllegalArgumentException e) {
                throw f.error("type", "unknown contradiction type '" + t + "'; expected one of "
                        + List.of(ContradictionType.values()));
            }
        }
        return new Contradiction(f.optionalString("id"), type, evidence(f.object("a")), evidence(f.object("b")),
                f.optionalString("explanation"));
    }

    /**
     * Decodes an NLI record: {@code id}, a {@code label}, and the {@code premise} and {@code hypothesis}
     * segments (a text, with {@code doc_id}, {@code start} and {@code end} when it comes from a document);
     * {@code contradiction_id} optional.
     */
    public static NliPair nliPair(JsonNode node, Location at) throws CorpusFormatException {
        JsonFields f = new JsonFields(node, at, "");
        return new NliPair(f.string("id"), segment(f.object("premise")), segment(f.object("hypothesis")),
                nliLabel(f, "label", true), f.optionalString("contradiction_id"));
    }

    /** Reads the label of an NLI record; {@code null} when optional and absent. */
    static NliLabel nliLabel(JsonFields f, String name, boolean required) throws CorpusFormatException {
        String s = required ? f.string(name) : f.optionalString(name);
        if (s == null) {
            return null;
        }
        NliLabel label = NliLabel.parse(s);
        if (label == null) {
            throw f.error(name, "unknown label '" + s + "'; expected entailment, neutral or contradiction");
        }
        return label;
    }

    private static Span span(JsonFields f) throws CorpusFormatException {
        int start = f.integer("start");
        int end = f.integer("end");
        String text = f.string("text");
        if (start < 0) {
            throw f.error("start", "expected an offset >= 0, found " + start);
        }
        if (end < start) {
            throw f.error("end", "expected end >= start (" + start + "), found " + end);
        }
        if (end == start) {
            throw f.error("end", "the span [" + start + "," + end + ") is empty; expected end > start: a mention, a "
                    + "date or a piece of evidence covers at least one code point");
        }
        int len = text.codePointCount(0, text.length());
        if (len != end - start) {
            throw f.error("text", "has " + len + " code points but [" + start + "," + end + ") covers "
                    + (end - start) + "; offsets count Unicode code points, end exclusive");
        }
        return new Span(start, end, text);
    }

    private static TimexType timexType(JsonFields f) throws CorpusFormatException {
        String s = f.string("type");
        try {
            return TimexType.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw f.error("type", "unknown TIMEX3 type '" + s + "'; expected DATE, TIME, DURATION or SET");
        }
    }

    private static Evidence evidence(JsonFields f) throws CorpusFormatException {
        return new Evidence(f.string("doc_id"), span(f));
    }

    private static Segment segment(JsonFields f) throws CorpusFormatException {
        String text = f.string("text");
        if (!f.has("doc_id") && !f.has("start") && !f.has("end")) {
            return Segment.of(text);
        }
        Span span = span(f);
        String docId = f.string("doc_id");
        return new Segment(text, docId, span);
    }

    /** Reads a whole (small) JSON file such as a manifest. */
    public static JsonNode readTree(java.nio.file.Path file) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        String text = org.corpusbench.internal.Utf8LineReader.decodeStrict(bytes, file.toString());
        try {
            return Trees.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation l = e.getLocation();
            throw new CorpusFormatException(new Location(file.toString(), l == null ? 0 : l.getLineNr(),
                    l == null ? 0 : l.getColumnNr()), null, describe(e), e);
        }
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes a document as one JSON object in a fixed field order, leaving out an absent title or source and
     * empty metadata, so that equal documents give identical bytes.
     */
    public static void write(JsonGenerator g, Document d) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", d.id());
        g.writeStringField("text", d.text());
        if (d.title() != null) {
            g.writeStringField("title", d.title());
        }
        if (d.source() != null) {
            g.writeStringField("source", d.source());
        }
        g.writeStringField("sha256", d.sha256());
        if (!d.metadata().isEmpty()) {
            g.writeObjectFieldStart("metadata");
            for (var e : d.metadata().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Writes an annotation record: both arrays always, each absent optional attribute left out. */
    public static void write(JsonGenerator g, DocumentAnnotations a) throws IOException {
        g.writeStartObject();
        g.writeStringField("doc_id", a.docId());
        g.writeArrayFieldStart("entities");
        for (EntityMention e : a.entities()) {
            g.writeStartObject();
            writeSpan(g, e.span());
            g.writeStringField("type", e.type());
            optional(g, "entity_id", e.entityId());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("timexes");
        for (Timex3 t : a.timexes()) {
            g.writeStartObject();
            optional(g, "tid", t.tid());
            writeSpan(g, t.span());
            g.writeStringField("type", t.type().name());
            g.writeStringField("value", t.value());
            optional(g, "mod", t.mod());
            optional(g, "anchor", t.anchor());
            optional(g, "quant", t.quant());
            optional(g, "freq", t.freq());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Writes a contradiction, leaving out an absent id, type or explanation (as a prediction may have them). */
    public static void write(JsonGenerator g, Contradiction c) throws IOException {
        g.writeStartObject();
        optional(g, "id", c.id());
        optional(g, "type", c.type() == null ? null : c.type().name());
        writeEvidence(g, "a", c.a());
        writeEvidence(g, "b", c.b());
        optional(g, "explanation", c.explanation());
        g.writeEndObject();
    }

    /**
     * Writes an NLI pair: a segment's {@code doc_id}, {@code start} and {@code end} only when it comes from a
     * document, and no {@code label} for an unlabelled pair.
     */
    public static void write(JsonGenerator g, NliPair p) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", p.id());
        writeSegment(g, "premise", p.premise());
        writeSegment(g, "hypothesis", p.hypothesis());
        if (p.label() != null) {
            g.writeStringField("label", p.label().wireName());
        }
        optional(g, "contradiction_id", p.contradictionId());
        g.writeEndObject();
    }

    /** One record as a single JSON line (without the line terminator). */
    public static String toJson(Object record) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            writeAny(g, record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static void writeAny(JsonGenerator g, Object record) throws IOException {
        if (record instanceof Document d) {
            write(g, d);
        } else if (record instanceof DocumentAnnotations a) {
            write(g, a);
        } else if (record instanceof Contradiction c) {
            write(g, c);
        } else if (record instanceof NliPair p) {
            write(g, p);
        } else {
            throw new IllegalArgumentException("no JSON form for " + record.getClass().getName());
        }
    }

    private static void writeSpan(JsonGenerator g, Span s) throws IOException {
        g.writeNumberField("start", s.start());
        g.writeNumberField("end", s.end());
        g.writeStringField("text", s.text());
    }

    private static void writeEvidence(JsonGenerator g, String name, Evidence e) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("doc_id", e.docId());
        writeSpan(g, e.span());
        g.writeEndObject();
    }

    private static void writeSegment(JsonGenerator g, String name, Segment s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("text", s.text());
        if (s.docId() != null) {
            g.writeStringField("doc_id", s.docId());
            g.writeNumberField("start", s.span().start());
            g.writeNumberField("end", s.span().end());
        }
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** The kind of record a JSON line holds, judged by its fields. */
    public enum RecordKind {
        /** A document: {@code id} and {@code text}. */
        DOCUMENT,
        /** A document's entity and TIMEX3 layers: {@code doc_id}, whatever else the object holds. */
        ANNOTATIONS,
        /** A contradiction: {@code a} and {@code b}. */
        CONTRADICTION,
        /** An NLI pair: {@code premise} or {@code hypothesis}. */
        NLI,
        /** A system's label for a gold NLI pair, by id: {@code id} and {@code label}, none of the above. */
        NLI_PREDICTION,
        /** Not a JSON object, or none of the fields above: a validator reports it as unrecognised. */
        UNKNOWN;

        /**
         * The kind of {@code n}, by the first of these that it has: {@code doc_id}; {@code a} and {@code b};
         * {@code premise} or {@code hypothesis}; {@code id} and {@code text}; {@code id} and {@code label}.
         * Only the presence of fields is looked at; decoding the record checks them.
         */
        public static RecordKind of(JsonNode n) {
            if (n == null || !n.isObject()) {
                return UNKNOWN;
            }
            if (n.has("doc_id")) {
                return ANNOTATIONS;
            }
            if (n.has("a") && n.has("b")) {
                return CONTRADICTION;
            }
            if (n.has("premise") || n.has("hypothesis")) {
                return NLI;
            }
            if (n.has("text") && n.has("id")) {
                return DOCUMENT;
            }
            if (n.has("id") && n.has("label")) {
                return NLI_PREDICTION;
            }
            return UNKNOWN;
        }

        /** The kind in lower case ({@code nli_prediction}), as the project's other enums name themselves. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
