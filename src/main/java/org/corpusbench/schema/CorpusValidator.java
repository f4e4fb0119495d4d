package org.corpusbench.schema;

import org.corpusbench.diagnostic.Diagnostic;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
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
import org.corpusbench.format.jsonl.JsonlLines;
import org.corpusbench.format.text.TextDirectoryReader;
import org.corpusbench.internal.SpanMessages;
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
 * Checks corpora against the schemas and against their own text, collecting every problem rather than
 * stopping at the first. Documents are read first (from every path given), so that annotations,
 * contradictions and NLI pairs in the other paths can be checked against the text they point into.
 *
 * <p>What it checks: JSON syntax per line, UTF-8, the schema of each record, duplicate ids, offsets in
 * range, surface text equal to the raw substring, unknown entity types, overlapping gold entity spans,
 * TIMEX3 value syntax, and evidence pointing at unknown documents. It never throws for bad input.
 *
 * <p>It streams: memory holds the documents' texts (what the cross-checks need), the ids seen, and one
 * line at a time. JSONL files are read as bytes; the document pass parses only lines that may be
 * documents, and a file whose lines were all documents is not read again in the second pass.
 */
public final class CorpusValidator {

    /** Whether annotation records are gold (ids and no overlaps required) or system predictions. */
    public enum Role {
        /** A release's gold: the gold schemas (ids, types, both layers), and no overlapping entity spans. */
        GOLD,
        /** A system's output: the predictions schema, where ids, types and layers may be left out. */
        PREDICTIONS
    }

    /**
     * What {@link #check} found and how much it read: for benchmarks and progress reports.
     *
     * @param diagnostics every problem and note, sorted by location (as {@link #validate} returns them)
     * @param files       input files found (directories expanded)
     * @param records     JSONL records (non-blank lines, valid or not) plus documents read from
     *                    {@code .txt} and {@code .csv} files
     * @param bytes       total size in bytes of the input files
     */
    public record Summary(List<Diagnostic> diagnostics, int files, long records, long bytes) {

        /** Whether no diagnostic is an error. */
        public boolean valid() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }

    /** JSONL lines that start like this are not documents (annotations, NLI pairs), whatever follows. */
    private static final byte[][] NOT_DOCUMENT_PREFIXES = {
        "{\"doc_id\"".getBytes(StandardCharsets.US_ASCII),
        "{\"premise\"".getBytes(StandardCharsets.US_ASCII),
        "{\"hypothesis\"".getBytes(StandardCharsets.US_ASCII),
    };

    private final Role role;
    /** Every document by id: its text and where it was first seen. */
    private final Map<String, DocumentText> texts = new HashMap<>();
    /** Annotation records' document ids and record ids seen so far, across every file: one record each. */
    private final Set<String> seenDocIds = new HashSet<>();
    private final Set<String> seenIds = new HashSet<>();
    /** Files already told that no documents were given (said once per file, not once per record). */
    private final Set<String> noDocumentsReported = new HashSet<>();
    static final String EMPTY_FILE = "holds no records (it is empty or blank); expected one JSON object per line";
    static final String EMPTY_TEXT = "the document has no text (it is empty or white space); expected an article";
    static final String NO_CSV_DOCUMENTS = "holds no documents, only a header; expected a row per document";
    static final String EMPTY_DIRECTORY = "holds no .txt, .jsonl or .csv files to check";

    /** Why records that point into documents cannot be checked when none were given. */
    public static final String NO_DOCUMENTS = "no documents were given, so the offsets and surface text of its records cannot be checked; "
                    + "pass the documents too (a release directory, documents.jsonl, or the .txt articles)";
    private final Consumer<Diagnostic> sink;
    private final SchemaValidator schemas = SchemaValidator.get();
    private final boolean schemaFastPath;
    private int fileCount;
    private long recordCount;
    private long byteCount;
    /** Reused by {@link DocumentText#index}. */
    private char[] scratch = new char[0];

    /**
     * A validator that hands each diagnostic to {@code sink} as it is found, in reading order and unsorted,
     * for a caller that prints them as they come; {@link #validate} and {@link #check} collect and sort them
     * instead.
     */
    public CorpusValidator(Role role, Consumer<Diagnostic> sink) {
        this(role, sink, true);
    }

    /** {@code schemaFastPath} false runs networknt on every record (for tests: same diagnostics). */
    CorpusValidator(Role role, Consumer<Diagnostic> sink, boolean schemaFastPath) {
        this.role = role;
        this.sink = sink;
        this.schemaFastPath = schemaFastPath;
    }

    /** Validates every path (files or directories) and returns all diagnostics, sorted by location. */
    public static List<Diagnostic> validate(List<Path> paths, Role role) {
        return check(paths, role).diagnostics();
    }

    /**
     * Validates every path (files or directories) exactly as {@link #validate} does, and also says how
     * many files, records and bytes there were: {@code bytes / seconds} is the validation throughput.
     */
    public static Summary check(List<Path> paths, Role role) {
        return check(paths, role, true);
    }

    static Summary check(List<Path> paths, Role role, boolean schemaFastPath) {
        List<Diagnostic> out = new ArrayList<>();
        CorpusValidator v = new CorpusValidator(role, out::add, schemaFastPath);
        v.run(paths);
        out.sort(Diagnostic.ORDER);
        return new Summary(out, v.fileCount, v.recordCount, v.byteCount);
    }

    /**
     * The diagnostics of files written to {@code staged} but not yet in place (an import, a release), with
     * each file named as it will be, under {@code shownAs}, and marked "(not written)": the user fixes the
     * input, and must not look for a hidden staging folder.
     */
    public static List<Diagnostic> validateStaged(Path staged, Role role, Path shownAs) {
        String from = staged.toString();
        String to = shownAs + " (not written)";
        return validate(List.of(staged), role).stream().map(d -> new Diagnostic(d.severity(), new Location(
                d.location().file().replace(from, to), d.location().line(), d.location().column()), d.field(),
                d.message())).toList();
    }

    /** Number of documents whose text is known after {@link #run}. */
    public int documentCount() {
        return texts.size();
    }

    /**
     * Checks every path (a file, or a directory's {@code .txt}, {@code .csv}, {@code .jsonl} and
     * {@code manifest.json} files): documents first, then the other records against them, each problem to
     * the sink. Bad input never throws. The documents and ids of an earlier call stay known to a later one
     * on the same validator.
     */
    public void run(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                sink.accept(Diagnostic.error(Location.ofFile(p.toString()), null, "no such file or directory"));
            } else if (Files.isDirectory(p)) {
                List<Path> in = filesOf(p);
                if (in.isEmpty()) {
                    sink.accept(Diagnostic.error(Location.ofFile(p.toString()), null, EMPTY_DIRECTORY));
                }
                files.addAll(in);
            } else {
                files.add(p);
            }
        }
        fileCount += files.size();
        for (Path f : files) {
            try {
                byteCount += Files.size(f);
            } catch (IOException e) {
                // reported when the file is read
            }
        }
        // Pass 1: documents, so that pass 2 can check offsets and surface text against them.
        JsonlDocumentPass[] jsonl = new JsonlDocumentPass[files.size()];
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = f.getFileName().toString();
            if (name.endsWith(".txt")) {
                textFile(f);
            } else if (name.endsWith(".csv")) {
                csvFile(f);
            } else if (name.endsWith(".jsonl")) {
                long before = recordCount;
                jsonl[i] = jsonlDocuments(f);
                if (recordCount == before && Files.isReadable(f)) {
                    sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, EMPTY_FILE));
                }
            }
        }
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = f.getFileName().toString();
            if (name.endsWith(".jsonl")) {
                jsonlOthers(f, jsonl[i]);
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
            recordCount++;
            addDocument(t.document(), Location.ofFile(f.toString()));
        } catch (CorpusFormatException e) {
            report(e);
        } catch (IOException e) {
            sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, "cannot read: " + e));
        }
    }

    private void csvFile(Path f) {
        long before = recordCount;
        try (Stream<Document> docs = CsvDocumentReader.read(f, CsvDocumentReader.Columns.defaults())) {
            docs.forEach(d -> {
                recordCount++;
                addDocument(d, Location.ofFile(f.toString()));
            });
            if (recordCount == before) {
                sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, NO_CSV_DOCUMENTS));
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
            sink.accept(Diagnostic.error(at, "text", EMPTY_TEXT));
        }
        DocumentText first = texts.putIfAbsent(d.id(), new DocumentText(d.text(), at));
        if (first != null) {
            sink.accept(Diagnostic.error(at, "id", "duplicate document id '" + d.id() + "', first seen at "
                    + first.firstSeen()));
        }
    }

    /** What the document pass learnt about one JSONL file, for the second pass. */
    private static final class JsonlDocumentPass {
        /** Lines parsed as documents: the second pass skips them. */
        final BitSet documentLines = new BitSet();
        /** Whether every line was read and was blank or a document: no second pass needed. */
        boolean onlyDocuments;
    }

    /**
     * Pass 1 over a JSONL file: handles the document records and skips everything else. Bad lines are
     * left to pass 2, which reports them; lines that start like another kind of record are not even
     * parsed here (if such a line parses, it is not a document; if it does not, pass 1 ignores it).
     */
    private JsonlDocumentPass jsonlDocuments(Path f) {
        JsonlDocumentPass pass = new JsonlDocumentPass();
        Set<String> seenDocIds = new HashSet<>();
        Set<String> seenIds = new HashSet<>();
        boolean onlyDocuments = true;
        boolean bomPending = true;
        try (JsonlLines r = JsonlLines.open(f)) {
            while (r.next()) {
                if (notDocument(r)) {
                    // whether or not the rest is UTF-8 and JSON, this line is not a document
                    recordCount++;
                    onlyDocuments = false;
                    continue;
                }
                if (!r.isUtf8()) {
                    recordCount++;
                    onlyDocuments = false;
                    continue;
                }
                if (r.isBlank()) {
                    continue;
                }
                recordCount++;
                JsonNode node;
                try {
                    node = r.parse();
                } catch (CorpusFormatException e) {
                    onlyDocuments = false;
                    continue;
                }
                RecordKind kind = RecordKind.of(node);
                if (kind != RecordKind.DOCUMENT) {
                    onlyDocuments = false;
                    continue;
                }
                if (r.lineNumber() <= Integer.MAX_VALUE) {
                    pass.documentLines.set((int) r.lineNumber());
                } else {
                    onlyDocuments = false;
                }
                bomPending = bomNote(r, f, bomPending);
                record(kind, node, r.location(), seenDocIds, seenIds);
            }
            bomNote(r, f, bomPending);
            pass.onlyDocuments = onlyDocuments;
        } catch (IOException e) {
            sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, "cannot read: " + e.getMessage()));
        }
        return pass;
    }

    private static boolean notDocument(JsonlLines r) {
        for (byte[] prefix : NOT_DOCUMENT_PREFIXES) {
            if (r.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Reports a byte order mark once, before the file's first document diagnostics. */
    private boolean bomNote(JsonlLines r, Path f, boolean pending) {
        if (pending && r.hadByteOrderMark()) {
            sink.accept(Diagnostic.note(Location.of(f.toString(), 1), "UTF-8 byte order mark skipped"));
            return false;
        }
        return pending;
    }

    /** Pass 2 over a JSONL file: every record that is not a document, and every bad line. */
    private void jsonlOthers(Path f, JsonlDocumentPass pass) {
        if (pass.onlyDocuments) {
            return;
        }
        try (JsonlLines r = JsonlLines.open(f)) {
            while (r.next()) {
                if (r.lineNumber() <= Integer.MAX_VALUE && pass.documentLines.get((int) r.lineNumber())) {
                    continue;
                }
                JsonNode node;
                try {
                    r.checkUtf8();
                    if (r.isBlank()) {
                        continue;
                    }
                    node = r.parse();
                } catch (CorpusFormatException e) {
                    report(e);
                    continue;
                }
                RecordKind kind = RecordKind.of(node);
                if (kind == RecordKind.DOCUMENT) {
                    continue;
                }
                record(kind, node, r.location(), seenDocIds, seenIds);
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
        List<Diagnostic> problems = schemas.validate(schema, node, at, schemaFastPath);
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
        DocumentText text = documentText(a.docId(), at, null, "doc_id");
        Set<String> tids = a.timexes().isEmpty() ? Set.of() : new HashSet<>();
        EntityMention previous = null;
        int previousIndex = -1;
        // The index printed is the position in the model's (sorted) list, as it always has been.
        List<EntityMention> entities = a.entities();
        for (int i = 0; i < entities.size(); i++) {
            EntityMention e = entities.get(i);
            checkSpan(e.span(), text, at, "entities", i);
            if (!EntityTypes.isKnown(e.type())) {
                sink.accept(Diagnostic.error(at, "entities[" + i + "].type", "unknown entity type '" + e.type()
                        + "'; expected an OntoNotes 5 label (PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, PRODUCT, ...) "
                        + "or a CoNLL one (PER, ORG, LOC, MISC)"));
            }
            if (role == Role.GOLD && previous != null && previous.span().overlaps(e.span())) {
                sink.accept(Diagnostic.error(at, "entities[" + i + "]", "gold entity span [" + e.span().start() + ","
                        + e.span().end() + ") '" + e.span().text() + "' overlaps entities[" + previousIndex + "] ["
                        + previous.span().start() + "," + previous.span().end() + ") '" + previous.span().text()
                        + "'; gold entity spans must not nest or overlap"));
            }
            if (previous == null || e.span().end() > previous.span().end()) {
                previous = e;
                previousIndex = i;
            }
        }
        List<Timex3> timexes = a.timexes();
        for (int i = 0; i < timexes.size(); i++) {
            Timex3 t = timexes.get(i);
            checkSpan(t.span(), text, at, "timexes", i);
            Diagnostic value = TimexValues.check(t.type(), t.value(), at, "timexes[" + i + "].value");
            if (value != null) {
                sink.accept(value);
            }
            if (t.tid() != null && !tids.add(t.tid())) {
                sink.accept(Diagnostic.error(at, "timexes[" + i + "].tid", "duplicate tid '" + t.tid()
                        + "' in document '" + a.docId() + "'"));
            }
        }
    }

    private void contradiction(Contradiction c, Location at, Set<String> seenIds) {
        if (c.id() != null) {
            duplicateId(c.id(), at, seenIds);
        }
        evidence(c.a(), at, "a");
        evidence(c.b(), at, "b");
    }

    private void evidence(Evidence e, Location at, String field) {
        DocumentText text = documentText(e.docId(), at, field, "doc_id");
        checkSpan(e.span(), text, at, field, -1);
    }

    private void nli(NliPair p, Location at, Set<String> seenIds) {
        duplicateId(p.id(), at, seenIds);
        segment(p.premise(), at, "premise");
        segment(p.hypothesis(), at, "hypothesis");
    }

    private void segment(Segment s, Location at, String field) {
        if (s.docId() != null) {
            checkSpan(s.span(), documentText(s.docId(), at, field, "doc_id"), at, field, -1);
        }
    }

    private void duplicateId(String id, Location at, Set<String> seenIds) {
        if (!seenIds.add(id)) {
            sink.accept(Diagnostic.error(at, "id", "duplicate id '" + id + "'"));
        }
    }

    /** The text of {@code docId}; reports {@code parent.name} (or {@code name}) when it is unknown. */
    private DocumentText documentText(String docId, Location at, String parent, String name) {
        DocumentText text = texts.get(docId);
        if (text == null && texts.isEmpty() && noDocumentsReported.add(at.file())) {
            sink.accept(Diagnostic.error(at, null, NO_DOCUMENTS));
        }
        if (text == null && !texts.isEmpty()) {
            sink.accept(Diagnostic.error(at, parent == null ? name : parent + "." + name, "unknown document '"
                    + docId + "'; expected one of the " + texts.size() + " documents given"));
        }
        return text;
    }

    /** Checks a span against its document; the field is {@code name[index]}, or {@code name} when index < 0. */
    private void checkSpan(Span s, DocumentText text, Location at, String name, int index) {
        if (text == null) {
            return;
        }
        if (!text.indexed()) {
            scratch = text.index(scratch);
        }
        int length = text.length();
        if (s.end() > length) {
            sink.accept(Diagnostic.error(at, field(name, index) + ".end", "offset " + s.end()
                    + " is past the end of the text (" + length + " code points)"));
            return;
        }
        if (!text.matches(s.start(), s.end(), s.text())) {
            String raw = text.substring(s.start(), s.end());
            sink.accept(Diagnostic.error(at, field(name, index) + ".text",
                    SpanMessages.textMismatch(s.text(), s.start(), s.end(), raw)));
        }
    }

    private static String field(String name, int index) {
        return index < 0 ? name : name + "[" + index + "]";
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
}
