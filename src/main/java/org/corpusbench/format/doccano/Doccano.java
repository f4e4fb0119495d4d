package org.corpusbench.format.doccano;

import static org.corpusbench.format.jsonl.JsonValues.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.format.Corpus;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.internal.Utf16Offsets;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/**
 * doccano's JSON Lines for sequence labelling (issue 17): one document per line,
 * {@code {"doc_id": ..., "text": ..., "label": [[start, end, "TYPE"], ...]}}. doccano imports the line as it is
 * (keys other than {@code text} and {@code label} become the example's metadata) and exports it back with its
 * own {@code id} and the metadata at the top level, so {@code doc_id} survives the round trip through doccano.
 * The reader also takes the {@code entities} form doccano exports from projects with relations
 * ({@code [{"start_offset", "end_offset", "label"}]}).
 *
 * <p><b>Offsets count UTF-16 units</b>: doccano's editor measures the text as JavaScript does (its issue 2290:
 * "firetrucks" after a four-unit emoji sequence is at 22-32, not Python's 19-29). corpusbench converts in both
 * directions; an offset inside a character outside the Basic Multilingual Plane is an error. A project with
 * "Count grapheme clusters as one character" counts otherwise and is not supported: its offsets cannot be
 * told from these.
 *
 * <p>Entity ids, TIMEX3, contradictions and titles have no place and are not written.
 */
public final class Doccano {

    /** The key of corpusbench's document id. */
    public static final String DOC_ID = "doc_id";
    /** The key of the text. */
    public static final String TEXT = "text";
    /** The key of the span triples. */
    public static final String LABEL = "label";
    /** The key of the span objects of projects with relations. */
    public static final String ENTITIES = "entities";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Doccano() {
    }

    /** Writes one line per document, atomically; nothing when a mention does not fit its document. */
    public static void write(Path file, List<Document> documents, Map<String, DocumentAnnotations> annotations)
            throws IOException {
        Corpus corpus = Corpus.checked(documents, annotations, file.toString());
        StringBuilder out = new StringBuilder();
        for (Document d : corpus.documents()) {
            ObjectNode line = JSON.createObjectNode();
            line.put(DOC_ID, d.id()).put(TEXT, d.text());
            ArrayNode label = line.putArray(LABEL);
            for (EntityMention e : corpus.entities(d.id())) {
                label.addArray().add(Utf16Offsets.fromCodePoint(d.text(), e.span().start()))
                        .add(Utf16Offsets.fromCodePoint(d.text(), e.span().end())).add(e.type());
            }
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        AtomicFiles.writeString(file, out.toString());
    }

    /**
     * Reads a doccano JSONL file (UTF-8, strictly). A document's id is {@code doc_id}, else doccano's {@code id},
     * else {@code <file name without extension>-<record number>}. Every line is read; the problems of all are
     * reported together.
     */
    public static Corpus read(Path file) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        List<Document> docs = new ArrayList<>();
        Map<String, DocumentAnnotations> annotations = new LinkedHashMap<>();
        Map<String, Location> seen = new LinkedHashMap<>();
        List<CorpusFormatException> problems = new ArrayList<>();
        int record = 0;
        try (JsonlReader r = JsonlReader.open(file)) {
            while (true) {
                JsonlReader.JsonLine line;
                try {
                    line = r.next();
                } catch (CorpusFormatException e) {
                    problems.add(e);
                    record++;
                    continue;
                }
                if (line == null) {
                    break;
                }
                record++;
                try {
                    Document d = document(line, stem + "-" + record, file.toString());
                    Location first = seen.putIfAbsent(d.id(), line.location());
                    if (first != null) {
                        throw new CorpusFormatException(line.location(), idField(line.node()), "document id '" + d.id()
                                + "' again, first at " + first + "; expected each document once");
                    }
                    docs.add(d);
                    annotations.put(d.id(), new DocumentAnnotations(d.id(), mentions(line, d), List.of()));
                } catch (CorpusFormatException e) {
                    problems.add(e);
                }
            }
        }
        CorpusFormatProblems.throwIfAny(problems);
        return new Corpus(docs, annotations);
    }

    private static String idField(JsonNode n) {
        return n.hasNonNull(DOC_ID) ? DOC_ID : n.hasNonNull("id") ? "id" : null;
    }

    private static Document document(JsonlReader.JsonLine line, String fallbackId, String source)
            throws CorpusFormatException {
        JsonNode n = line.node();
        Location at = line.location();
        if (!n.isObject()) {
            throw new CorpusFormatException(at, null, "found " + describe(n) + "; expected a JSON object {\"" + TEXT
                    + "\": ..., \"" + LABEL + "\": [[start, end, \"TYPE\"], ...]}");
        }
        JsonNode text = n.get(TEXT);
        if (text == null || !text.isTextual()) {
            throw new CorpusFormatException(at, TEXT, "found " + describe(text) + "; expected the document text as a "
                    + "string");
        }
        String field = idField(n);
        String id = fallbackId;
        if (field != null) {
            JsonNode v = n.get(field);
            if (!v.isTextual() && !v.isIntegralNumber()) {
                throw new CorpusFormatException(at, field, "found " + describe(v) + "; expected the document id as a "
                        + "string or an integer");
            }
            id = v.asText();
            if (id.isEmpty()) {
                throw new CorpusFormatException(at, field, "an empty document id; expected a non-empty one");
            }
        }
        return Document.of(id, text.textValue(), source);
    }

    private static List<EntityMention> mentions(JsonlReader.JsonLine line, Document d) throws CorpusFormatException {
        JsonNode n = line.node();
        Location at = line.location();
        JsonNode label = n.get(LABEL);
        JsonNode entities = n.get(ENTITIES);
        if (label != null && entities != null) {
            throw new CorpusFormatException(at, ENTITIES, "both '" + LABEL + "' and '" + ENTITIES + "'; expected the "
                    + "spans in one of them");
        }
        if (label == null && entities == null) {
            throw new CorpusFormatException(at, LABEL, "no '" + LABEL + "'; expected [[start, end, \"TYPE\"], ...], "
                    + "an empty list for a document without entities");
        }
        String key = label != null ? LABEL : ENTITIES;
        JsonNode spans = label != null ? label : entities;
        if (!spans.isArray()) {
            throw new CorpusFormatException(at, key, "found " + describe(spans) + "; expected an array of spans");
        }
        List<EntityMention> out = new ArrayList<>();
        String text = d.text();
        for (int i = 0; i < spans.size(); i++) {
            JsonNode s = spans.get(i);
            String f = key + "[" + i + "]";
            JsonNode start;
            JsonNode end;
            JsonNode type;
            if (label != null) {
                if (!s.isArray() || s.size() != 3) {
                    throw new CorpusFormatException(at, f, "found " + describe(s) + (s.isTextual() ? " (a text "
                            + "classification label?)" : "") + "; expected [start, end, \"TYPE\"]");
                }
                start = s.get(0);
                end = s.get(1);
                type = s.get(2);
            } else {
                if (!s.isObject()) {
                    throw new CorpusFormatException(at, f, "found " + describe(s) + "; expected {\"start_offset\", "
                            + "\"end_offset\", \"label\"}");
                }
                start = s.get("start_offset");
                end = s.get("end_offset");
                type = s.get("label");
            }
            String sf = label != null ? f + "[0]" : f + ".start_offset";
            String ef = label != null ? f + "[1]" : f + ".end_offset";
            String tf = label != null ? f + "[2]" : f + ".label";
            int b = offset(start, at, sf, text);
            int e = offset(end, at, ef, text);
            if (e < b) {
                throw new CorpusFormatException(at, ef, "end " + e + " is before start " + b + "; expected start <= "
                        + "end");
            }
            if (type == null || !type.isTextual() || type.textValue().isBlank()) {
                throw new CorpusFormatException(at, tf, "found " + describe(type) + "; expected the type, a non-blank "
                        + "string");
            }
            int cb = Utf16Offsets.toCodePoint(text, b);
            int ce = cb + text.codePointCount(b, e);
            out.add(new EntityMention(Span.of(text, cb, ce), type.textValue(), null));
        }
        return out;
    }

    private static int offset(JsonNode v, Location at, String field, String text) throws CorpusFormatException {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new CorpusFormatException(at, field, "found " + describe(v) + "; expected an offset, an integer "
                    + "counting UTF-16 units");
        }
        String problem = Utf16Offsets.problem(text, v.intValue());
        if (problem != null) {
            throw new CorpusFormatException(at, field, problem);
        }
        return v.intValue();
    }
}
