package org.corpusbench.schema;

import org.corpusbench.diagnostic.Diagnostic;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.csv.CsvDocumentReader;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.format.jsonl.JsonCodec.RecordKind;
import org.corpusbench.internal.Utf8LineReader;
import org.corpusbench.format.text.TextDirectoryReader;
import org.corpusbench.schema.CorpusValidator.Role;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;

/**
 * The validator as it was before JSONL reading and schema checking were made fast, kept verbatim (but for
 * the line reader, inlined from the old {@code JsonlReader}, and networknt run on every record) as the
 * reference that the fast one must agree with diagnostic for diagnostic, in the same emission order.
 *
 * <p>Original description: checks corpora against the schemas and against their own text, collecting
 * every problem rather than stopping at the first. Documents are read first (from every path given), so that annotations,
 * contradictions and NLI pairs in the other paths can be checked against the text they point into.
 *
 * <p>What it checks: JSON syntax per line, UTF-8, the schema of each record, duplicate ids, offsets in
 * range, surface text equal to the raw substring, unknown entity types, overlapping gold entity spans,
 * TIMEX3 value syntax, and evidence pointing at unknown documents. It never throws for bad input.
 */
final class ReferenceCorpusValidator {

    private static final ObjectMapper MAPPER = org.corpusbench.PlainJson.MAPPER;

    private final Role role;
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, Location> documentSeen = new HashMap<>();
    /** Annotation records' document ids and record ids seen so far, across every file: one record each. */
    private final Set<String> seenDocIds = new HashSet<>();
    private final Set<String> seenIds = new HashSet<>();
    /** Files already told that no documents were given (said once per file, not once per record). */
    private final Set<String> noDocumentsReported = new HashSet<>();
    private final Consumer<Diagnostic> sink;
    private final SchemaValidator schemas = SchemaValidator.get();

    ReferenceCorpusValidator(Role role, Consumer<Diagnostic> sink) {
        this.role = role;
        this.sink = sink;
    }

    /** Validates every path (files or directories) and returns all diagnostics, sorted by location. */
    public static List<Diagnostic> validate(List<Path> paths, Role role) {
        List<Diagnostic> out = new ArrayList<>();
        ReferenceCorpusValidator v = new ReferenceCorpusValidator(role, out::add);
        v.run(paths);
        out.sort(Diagnostic.ORDER);
        return out;
    }

    /** Number of documents whose text is known after {@link #run}. */
    public int documentCount() {
        return texts.size();
    }

    public void run(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                sink.accept(Diagnostic.error(Location.ofFile(p.toString()), null, "no such file or directory"));
            } else if (Files.isDirectory(p)) {
                List<Path> in = filesOf(p);
                if (in.isEmpty()) {
                    sink.accept(Diagnostic.error(Location.ofFile(p.toString()), null, CorpusValidator.EMPTY_DIRECTORY));
                }
                files.addAll(in);
            } else {
                files.add(p);
            }
        }
        // Pass 1: documents, so that pass 2 can check offsets and surface text against them.
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".txt")) {
                textFile(f);
            } else if (name.endsWith(".csv")) {
                csvFile(f);
            } else if (name.endsWith(".jsonl")) {
                jsonl(f, true);
                // the plain definition: a file none of whose lines is a record (blank lines are not)
                try (JsonlReader r = JsonlReader.open(f)) {
                    boolean any = false;
                    while (!any) {
                        try {
                            any = r.next() != null;
                            if (!any) {
                                break;
                            }
                        } catch (CorpusFormatException e) {
                            any = true;
                        }
                    }
                    if (!any) {
                        sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, CorpusValidator.EMPTY_FILE));
                    }
                } catch (IOException e) {
                    // reported when the file is read
                }
            }
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".jsonl")) {
                jsonl(f, false);
            } else if (name.equals("manifest.json")) {
                manifest(f);
            } else if (!name.endsWith(".txt") && !name.endsWith(".csv")) {
                sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null,
                        "unknown kind of file; expected .txt, .csv, .jsonl or manifest.json"));
            }
        }
    }

    private List<Path> filesOf(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".txt") || n.endsWith(".jsonl") || n.endsWith(".csv") || n.equals("manifest.json");
            }).sorted().toList();
        } catch (IOException e) {
            sink.accept(Diagnostic.error(Location.ofFile(dir.toString()), null, "cannot list directory: " + e));
            return List.of();
        }
    }

    private void textFile(Path f) {
        try {
            TextDirectoryReader.TextFile t = TextDirectoryReader.readFile(f);
            if (t.byteOrderMark()) {
                sink.accept(Diagnostic.note(Location.of(f.toString(), 1),
                        "UTF-8 byte order mark skipped; offsets start after it"));
            }
            addDocument(t.document(), Location.ofFile(f.toString()));
        } catch (CorpusFormatException e) {
            report(e);
        } catch (IOException e) {
            sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, "cannot read: " + e));
        }
    }

    private void csvFile(Path f) {
        try (Stream<Document> docs = CsvDocumentReader.read(f, CsvDocumentReader.Columns.defaults())) {
            long[] n = {0};
            docs.forEach(d -> {
                n[0]++;
                addDocument(d, Location.ofFile(f.toString()));
            });
            if (n[0] == 0) {
                sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, CorpusValidator.NO_CSV_DOCUMENTS));
            }
        } catch (CorpusFormatException e) {
            report(e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CorpusFormatException c) {
                report(c);
            } else {
                sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, "cannot read: " + e.getCause()));
            }
        } catch (IOException e) {
            sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, "cannot read: " + e));
        }
    }

    private void addDocument(Document d, Location at) {
        String created = d.metadata().get(org.corpusbench.format.timeml.CreationDates.METADATA_KEY);
        if (created != null) {
            // the key TimeML import writes and TimeML export reads: checked here as export checks it
            try {
                org.corpusbench.format.timeml.CreationDates.parse(created, at, "metadata.creation_date");
            } catch (org.corpusbench.diagnostic.CorpusFormatException e) {
                sink.accept(Diagnostic.error(at, e.field(), e.originalMessage()));
            }
        }
        if (d.text().isBlank()) {
            sink.accept(Diagnostic.error(at, "text", CorpusValidator.EMPTY_TEXT));
        }
        Location first = documentSeen.putIfAbsent(d.id(), at);
        if (first != null) {
            sink.accept(Diagnostic.error(at, "id", "duplicate document id '" + d.id() + "', first seen at " + first));
            return;
        }
        texts.put(d.id(), d.text());
    }

    /** Reads a JSONL file; in the document pass only document records are handled, else all others. */
    private void jsonl(Path f, boolean documentPass) {
        try (JsonlReader r = JsonlReader.open(f)) {
            boolean bomReported = false;
            while (true) {
                JsonLine line;
                try {
                    line = r.next();
                } catch (CorpusFormatException e) {
                    if (!documentPass) {
                        report(e);
                    }
                    continue;
                }
                if (!bomReported && r.hadByteOrderMark() && documentPass) {
                    sink.accept(Diagnostic.note(Location.of(f.toString(), 1), "UTF-8 byte order mark skipped"));
                    bomReported = true;
                }
                if (line == null) {
                    break;
                }
                RecordKind kind = RecordKind.of(line.node());
                if (documentPass != (kind == RecordKind.DOCUMENT)) {
                    continue;
                }
                record(kind, line.node(), line.location(), seenDocIds, seenIds);
            }
        } catch (IOException e) {
            sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, "cannot read: " + e.getMessage()));
        }
    }

    private void record(RecordKind kind, JsonNode node, Location at, Set<String> seenDocIds, Set<String> seenIds) {
        SchemaValidator.Kind schema = switch (kind) {
            case DOCUMENT -> SchemaValidator.Kind.DOCUMENT;
            case ANNOTATIONS -> role == Role.GOLD ? SchemaValidator.Kind.ANNOTATIONS : SchemaValidator.Kind.PREDICTIONS;
            case CONTRADICTION -> role == Role.GOLD ? SchemaValidator.Kind.CONTRADICTION
                    : SchemaValidator.Kind.PREDICTIONS;
            case NLI -> SchemaValidator.Kind.NLI;
            case NLI_PREDICTION -> SchemaValidator.Kind.PREDICTIONS;
            case UNKNOWN -> null;
        };
        if (schema == null) {
            sink.accept(Diagnostic.error(at, null, "unrecognised record; expected a document (id, text), "
                    + "annotations (doc_id), a contradiction (a, b) or an NLI pair (premise, hypothesis)"));
            return;
        }
        List<Diagnostic> problems = schemas.validate(schema, node, at, false);
        if (!problems.isEmpty()) {
            problems.forEach(sink);
            return;
        }
        try {
            switch (kind) {
                case DOCUMENT -> {
                    Document d = JsonCodec.document(node, at);
                    addDocument(d, at);
                }
                case ANNOTATIONS -> annotations(JsonCodec.annotations(node, at), at, seenDocIds);
                case CONTRADICTION -> contradiction(JsonCodec.contradiction(node, at), at, seenIds);
                case NLI -> nli(JsonCodec.nliPair(node, at), at, seenIds);
                case NLI_PREDICTION -> duplicateId(node.path("id").asText(), at, seenIds);
                default -> throw new IllegalStateException(kind.toString());
            }
        } catch (CorpusFormatException e) {
            report(e);
        } catch (IllegalArgumentException e) {
            sink.accept(Diagnostic.error(at, null, e.getMessage()));
        }
    }

    private void annotations(DocumentAnnotations a, Location at, Set<String> seenDocIds) {
        if (!seenDocIds.add(a.docId())) {
            sink.accept(Diagnostic.error(at, "doc_id", "duplicate record for document '" + a.docId()
                    + "'; expected one line per document"));
        }
        String text = documentText(a.docId(), at, "doc_id");
        Set<String> tids = new HashSet<>();
        EntityMention previous = null;
        int previousIndex = -1;
        for (int i = 0; i < a.entities().size(); i++) {
            EntityMention e = a.entities().get(i);
            String field = "entities[" + indexOf(a.entities(), e) + "]";
            checkSpan(e.span(), text, at, field);
            if (!EntityTypes.isKnown(e.type())) {
                sink.accept(Diagnostic.error(at, field + ".type", "unknown entity type '" + e.type()
                        + "'; expected an OntoNotes 5 label (PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, PRODUCT, ...) "
                        + "or a CoNLL one (PER, ORG, LOC, MISC)"));
            }
            if (role == Role.GOLD && previous != null && previous.span().overlaps(e.span())) {
                sink.accept(Diagnostic.error(at, field, "gold entity span [" + e.span().start() + ","
                        + e.span().end() + ") '" + e.span().text() + "' overlaps entities[" + previousIndex + "] ["
                        + previous.span().start() + "," + previous.span().end() + ") '" + previous.span().text()
                        + "'; gold entity spans must not nest or overlap"));
            }
            if (previous == null || e.span().end() > previous.span().end()) {
                previous = e;
                previousIndex = indexOf(a.entities(), e);
            }
        }
        for (Timex3 t : a.timexes()) {
            String field = "timexes[" + indexOf(a.timexes(), t) + "]";
            checkSpan(t.span(), text, at, field);
            Diagnostic value = TimexValues.check(t.type(), t.value(), at, field + ".value");
            if (value != null) {
                sink.accept(value);
            }
            if (t.tid() != null && !tids.add(t.tid())) {
                sink.accept(Diagnostic.error(at, field + ".tid", "duplicate tid '" + t.tid() + "' in document '"
                        + a.docId() + "'"));
            }
        }
    }

    /** Index in the record as written: the model sorts layers, so find the same object. */
    private static <T> int indexOf(List<T> list, T item) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == item) {
                return i;
            }
        }
        return -1;
    }

    private void contradiction(Contradiction c, Location at, Set<String> seenIds) {
        if (c.id() != null) {
            duplicateId(c.id(), at, seenIds);
        }
        evidence(c.a(), at, "a");
        evidence(c.b(), at, "b");
    }

    private void evidence(Evidence e, Location at, String field) {
        String text = documentText(e.docId(), at, field + ".doc_id");
        checkSpan(e.span(), text, at, field);
    }

    private void nli(NliPair p, Location at, Set<String> seenIds) {
        duplicateId(p.id(), at, seenIds);
        segment(p.premise(), at, "premise");
        segment(p.hypothesis(), at, "hypothesis");
    }

    private void segment(Segment s, Location at, String field) {
        if (s.docId() != null) {
            checkSpan(s.span(), documentText(s.docId(), at, field + ".doc_id"), at, field);
        }
    }

    private void duplicateId(String id, Location at, Set<String> seenIds) {
        if (!seenIds.add(id)) {
            sink.accept(Diagnostic.error(at, "id", "duplicate id '" + id + "'"));
        }
    }

    private String documentText(String docId, Location at, String field) {
        String text = texts.get(docId);
        if (text == null && texts.isEmpty() && noDocumentsReported.add(at.file())) {
            sink.accept(Diagnostic.error(at, null, CorpusValidator.NO_DOCUMENTS));
        }
        if (text == null && !texts.isEmpty()) {
            sink.accept(Diagnostic.error(at, field, "unknown document '" + docId + "'; expected one of the "
                    + texts.size() + " documents given"));
        }
        return text;
    }

    private void checkSpan(Span s, String text, Location at, String field) {
        if (text == null) {
            return;
        }
        int length = CodePoints.length(text);
        if (s.end() > length) {
            sink.accept(Diagnostic.error(at, field + ".end", "offset " + s.end() + " is past the end of the text ("
                    + length + " code points)"));
            return;
        }
        String raw = CodePoints.substring(text, s.start(), s.end());
        if (!raw.equals(s.text())) {
            sink.accept(Diagnostic.error(at, field + ".text", "'" + s.text() + "' does not match the text at ["
                    + s.start() + "," + s.end() + "), which is '" + raw + "' (offsets count code points)"));
        }
    }

    private void manifest(Path f) {
        try {
            JsonNode node = JsonCodec.readTree(f);
            schemas.validate(SchemaValidator.Kind.MANIFEST, node, Location.ofFile(f.toString())).forEach(sink);
        } catch (CorpusFormatException e) {
            report(e);
        } catch (IOException e) {
            sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, "cannot read: " + e.getMessage()));
        }
    }

    private void report(CorpusFormatException e) {
        sink.accept(Diagnostic.error(e.location(), e.field(), e.originalMessage()));
    }

    /** One parsed line and where it was (from the old {@code JsonlReader}). */
    record JsonLine(Location location, JsonNode node) {
    }

    /** The old {@code JsonlReader}: decodes every line to a String and parses that. */
    static final class JsonlReader implements Closeable {
        private final Utf8LineReader lines;
        private final String fileName;

        JsonlReader(InputStream in, String fileName) {
            this.lines = new Utf8LineReader(in, fileName);
            this.fileName = fileName;
        }

        static JsonlReader open(Path file) throws IOException {
            return new JsonlReader(Files.newInputStream(file), file.toString());
        }

        JsonLine next() throws IOException {
            String line;
            do {
                line = lines.readLine();
                if (line == null) {
                    return null;
                }
            } while (line.isBlank());
            Location at = Location.of(fileName, lines.lineNumber());
            try {
                JsonNode node = MAPPER.readTree(line);
                return new JsonLine(at, node);
            } catch (JsonProcessingException e) {
                long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
                throw new CorpusFormatException(new Location(fileName, lines.lineNumber(), Math.max(column, 0)), null,
                        JsonCodec.describe(e) + "; expected one JSON object per line", e);
            }
        }

        boolean hadByteOrderMark() {
            return lines.hadByteOrderMark();
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
