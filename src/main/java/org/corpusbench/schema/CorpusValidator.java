package org.corpusbench.schema;

import org.corpusbench.diagnostic.Diagnostic;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiConsumer;
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
    /** Pass 2's texts when an engine checks lines one at a time ({@link LineChecks}); null: {@link #texts}. */
    private TextLookup lookup;
    private final SchemaValidator schemas = SchemaValidator.get();
    private final boolean schemaFastPath;
    /** Threads that parse and check JSONL lines; 1: all on the calling thread, line by line. */
    private final int threads;
    /** Bytes of whole lines handed to a thread at a time. */
    private final int chunkBytes;
    private int fileCount;
    private long recordCount;
    private long byteCount;

    /** Bytes of JSONL lines handed to a worker thread at a time: large next to a line, small next to a file. */
    static final int CHUNK_BYTES = 1 << 20;

    /**
     * A validator that hands each diagnostic to {@code sink} as it is found, in reading order and unsorted,
     * for a caller that prints them as they come; {@link #validate} and {@link #check} collect and sort them
     * instead. JSONL lines are parsed and checked on as many threads as there are processors; the
     * diagnostics and their order are those of reading line by line on one thread.
     */
    public CorpusValidator(Role role, Consumer<Diagnostic> sink) {
        this(role, sink, true, Runtime.getRuntime().availableProcessors(), CHUNK_BYTES);
    }

    /**
     * {@code schemaFastPath} false runs networknt on every record (for tests: same diagnostics); lines are
     * checked on {@code threads} threads, {@code chunkBytes} at a time (for tests: the same diagnostics
     * whatever the threads and chunks).
     */
    CorpusValidator(Role role, Consumer<Diagnostic> sink, boolean schemaFastPath, int threads, int chunkBytes) {
        this.role = role;
        this.sink = sink;
        this.schemaFastPath = schemaFastPath;
        this.threads = Math.max(1, threads);
        this.chunkBytes = Math.max(1, chunkBytes);
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
        return check(paths, role, schemaFastPath, Runtime.getRuntime().availableProcessors(), CHUNK_BYTES);
    }

    static Summary check(List<Path> paths, Role role, boolean schemaFastPath, int threads, int chunkBytes) {
        List<Diagnostic> out = new ArrayList<>();
        CorpusValidator v = new CorpusValidator(role, out::add, schemaFastPath, threads, chunkBytes);
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
                sink.accept(noSuchPath(p.toString()));
            } else if (Files.isDirectory(p)) {
                List<Path> in = filesOf(p);
                if (in.isEmpty()) {
                    sink.accept(emptyDirectory(p.toString()));
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
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, WORKER_THREADS) : null;
        try {
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
                    jsonl[i] = jsonlDocuments(f, pool);
                    if (recordCount == before && Files.isReadable(f)) {
                        sink.accept(emptyFile(f.toString()));
                    }
                }
            }
            // Pass 2 only reads the documents: texts does not change until the next run.
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                String name = f.getFileName().toString();
                if (name.endsWith(".jsonl")) {
                    jsonlOthers(f, jsonl[i], pool);
                } else if (name.equals("manifest.json")) {
                    manifest(f);
                } else if (!name.endsWith(".txt") && !name.endsWith(".csv")) {
                    sink.accept(unknownKind(f.toString()));
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Daemon threads, so that a validator left running never keeps the JVM alive. */
    private static final ThreadFactory WORKER_THREADS = r -> {
        Thread t = new Thread(r, "corpusbench-validate");
        t.setDaemon(true);
        return t;
    };

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
        documentFile(f, this::applyDocumentFile);
    }

    private void csvFile(Path f) {
        documentFile(f, this::applyDocumentFile);
    }

    private void applyDocumentFile(Outcome o) {
        if (o.record) {
            recordCount++;
        }
        apply(o);
    }

    /**
     * Pass 1 on a {@code .txt} article or a {@code .csv} file of documents: each document (a record, with its
     * own diagnostics) and each diagnostic of the file itself, to {@code each} in the order said. Shared by
     * {@link #run} and {@link LineChecks#documentFile}, so that an engine that reads such files elsewhere says
     * exactly what {@link #run} says. Nothing here depends on other files: the duplicates are {@link #apply}'s.
     */
    private static void documentFile(Path f, Consumer<Outcome> each) {
        if (f.getFileName().toString().endsWith(".txt")) {
            try {
                TextDirectoryReader.TextFile t = TextDirectoryReader.readFile(f);
                if (t.byteOrderMark()) {
                    each.accept(said(Diagnostic.note(Location.of(f.toString(), 1),
                            "UTF-8 byte order mark skipped; offsets start after it")));
                }
                each.accept(documentOutcome(t.document(), Location.ofFile(f.toString())));
            } catch (CorpusFormatException e) {
                each.accept(said(diagnostic(e)));
            } catch (IOException e) {
                each.accept(said(Diagnostic.error(Location.ofFile(f.toString()), null, "cannot read: " + e)));
            }
            return;
        }
        boolean[] any = {false};
        try (Stream<Document> docs = CsvDocumentReader.read(f, CsvDocumentReader.Columns.defaults())) {
            docs.forEach(d -> {
                any[0] = true;
                each.accept(documentOutcome(d, Location.ofFile(f.toString())));
            });
            if (!any[0]) {
                each.accept(said(Diagnostic.error(Location.ofFile(f.toString()), null, NO_CSV_DOCUMENTS)));
            }
        } catch (CorpusFormatException e) {
            each.accept(said(diagnostic(e)));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CorpusFormatException c) {
                each.accept(said(diagnostic(c)));
            } else {
                each.accept(said(Diagnostic.error(Location.ofFile(f.toString()), null, "cannot read: "
                        + e.getCause())));
            }
        } catch (IOException e) {
            each.accept(said(Diagnostic.error(Location.ofFile(f.toString()), null, "cannot read: " + e)));
        }
    }

    /** A diagnostic said by itself, not of a record. */
    private static Outcome said(Diagnostic d) {
        Outcome o = new Outcome();
        o.add(d);
        return o;
    }

    /** A document read whole from a file: a record, its checks, and the document to add. */
    private static Outcome documentOutcome(Document d, Location at) {
        Outcome o = new Outcome();
        o.record = true;
        document(d, at, o);
        return o;
    }

    /** The checks of one document that need nothing else: into {@code o}, the document to be added last. */
    private static void document(Document d, Location at, Outcome o) {
        document(d.id(), new DocumentText(d.text(), at),
                d.metadata().get(org.corpusbench.format.timeml.CreationDates.METADATA_KEY), at, o);
    }

    /** As {@link #document(Document, Location, Outcome)}, given the parts of it that are checked. */
    private static void document(String id, DocumentText text, String created, Location at, Outcome o) {
        if (created != null) {
            // the key TimeML import writes and TimeML export reads: checked here as export checks it
            try {
                org.corpusbench.format.timeml.CreationDates.parse(created, at, "metadata.creation_date");
            } catch (org.corpusbench.diagnostic.CorpusFormatException e) {
                o.add(Diagnostic.error(at, e.field(), e.originalMessage()));
            }
        }
        if (text.isBlank()) {
            o.add(Diagnostic.error(at, "text", EMPTY_TEXT));
        }
        o.documentId = id;
        o.text = text;
        o.at = at;
    }

    /** What the document pass learnt about one JSONL file, for the second pass. */
    private static final class JsonlDocumentPass {
        /** Lines parsed as documents: the second pass skips them. */
        final BitSet documentLines = new BitSet();
        /** Whether every line was read and was blank or a document: no second pass needed. */
        boolean onlyDocuments;
    }

    /** Where {@link Outcome#duplicateKey} is looked up. */
    private enum Duplicates {
        /** Annotation records: one per document. */
        DOCUMENT_IDS,
        /** Contradictions, NLI pairs and NLI predictions: one per id. */
        IDS
    }

    /**
     * What one JSONL line came to. It is worked out from the line alone (and, in pass 2, from the documents,
     * which no longer change), so on any thread; {@link #apply} then does, in file order and on the
     * calling thread, what depends on the lines before it: counts, duplicates, the documents table, and the
     * diagnostics, in exactly the order in which reading line by line would give them.
     */
    private static final class Outcome {
        /** The line is a record (not blank), counted in {@link #recordCount}. */
        boolean record;
        /** Pass 1: the line is not a document (or could not be read as one), so pass 2 must read the file. */
        boolean notDocument;
        /** Pass 1: the line number to mark as a document for pass 2 to skip, or -1. */
        int markLine = -1;
        /** Pass 1: the line is a document; a byte order mark note comes before its diagnostics. */
        boolean documentLine;
        /** Pass 2: checked for duplicates before anything else of the record. */
        Duplicates duplicates;
        String duplicateKey;
        Location at;
        /** Diagnostics in the order found; a {@link #NO_DOCUMENTS} one is said once per file (see apply). */
        List<Diagnostic> diagnostics = List.of();
        /** Pass 1: the document to add after the diagnostics, and its text. */
        String documentId;
        DocumentText text;

        void add(Diagnostic d) {
            if (diagnostics.isEmpty()) {
                diagnostics = new ArrayList<>(4);
            }
            diagnostics.add(d);
        }

        void addAll(List<Diagnostic> ds) {
            ds.forEach(this::add);
        }
    }

    /** A line that needs nothing done (blank, or read in the other pass); never changed. */
    private static final Outcome NOTHING = new Outcome();

    /** Pass 1: a record that is not a document, for pass 2 to read; never changed. */
    private static final Outcome NOT_A_DOCUMENT = new Outcome();

    static {
        NOT_A_DOCUMENT.record = true;
        NOT_A_DOCUMENT.notDocument = true;
    }

    /** The work on one line of a JSONL reader, on any thread. */
    private interface LineWork {
        Outcome line(JsonlLines r) throws IOException;
    }

    /**
     * Reads {@code f} line by line, works each line out with {@code work} and applies the outcomes in file
     * order. With a pool, chunks of whole lines are worked out on its threads while this thread reads on;
     * at most two chunks a thread are read ahead, so memory stays a few chunks. {@code apply} is also given
     * the file's own reader, which knows whether the file began with a byte order mark.
     *
     * @return whether the file began with a byte order mark
     */
    private boolean lines(Path f, LineWork work, ExecutorService pool, BiConsumer<Outcome, JsonlLines> apply)
            throws IOException {
        try (JsonlLines r = JsonlLines.open(f)) {
            if (pool == null) {
                while (r.next()) {
                    apply.accept(work.line(r), r);
                }
                return r.hadByteOrderMark();
            }
            ArrayDeque<Future<List<Outcome>>> pending = new ArrayDeque<>();
            try {
                for (JsonlLines chunk = r.nextChunk(chunkBytes); chunk != null; chunk = r.nextChunk(chunkBytes)) {
                    JsonlLines c = chunk;
                    pending.add(pool.submit(() -> {
                        List<Outcome> out = new ArrayList<>();
                        while (c.next()) {
                            out.add(work.line(c));
                        }
                        return out;
                    }));
                    if (pending.size() >= 2 * threads) {
                        outcomes(pending.poll()).forEach(o -> apply.accept(o, r));
                    }
                }
            } finally {
                // what was read before a failure is reported before it, as line by line
                while (!pending.isEmpty()) {
                    outcomes(pending.poll()).forEach(o -> apply.accept(o, r));
                }
            }
            return r.hadByteOrderMark();
        }
    }

    private static List<Outcome> outcomes(Future<List<Outcome>> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while validating");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Pass 1 over a JSONL file: handles the document records and skips everything else. Bad lines are
     * left to pass 2, which reports them; lines that start like another kind of record are not even
     * parsed here (if such a line parses, it is not a document; if it does not, pass 1 ignores it).
     */
    private JsonlDocumentPass jsonlDocuments(Path f, ExecutorService pool) {
        JsonlDocumentPass pass = new JsonlDocumentPass();
        boolean[] onlyDocuments = {true};
        boolean[] bomPending = {true};
        try {
            boolean bom = lines(f, this::documentLine, pool, (o, r) -> {
                if (o.record) {
                    recordCount++;
                }
                if (o.notDocument) {
                    onlyDocuments[0] = false;
                }
                if (o.markLine >= 0) {
                    pass.documentLines.set(o.markLine);
                }
                if (o.documentLine && bomPending[0] && r.hadByteOrderMark()) {
                    bomPending[0] = false;
                    sink.accept(byteOrderMark(f.toString()));
                }
                apply(o);
            });
            if (bomPending[0] && bom) {
                sink.accept(byteOrderMark(f.toString()));
            }
            pass.onlyDocuments = onlyDocuments[0];
        } catch (IOException e) {
            sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, "cannot read: " + e.getMessage()));
        }
        return pass;
    }

    /** Pass 1's work on one line: a document is checked; anything else only noted and counted. */
    private Outcome documentLine(JsonlLines r) {
        if (notDocument(r) || !r.isUtf8()) {
            // whether or not the rest is UTF-8 and JSON, this line is not a document
            return NOT_A_DOCUMENT;
        }
        Outcome o = new Outcome();
        try {
            if (r.isBlank()) {
                return NOTHING;
            }
            o.record = true;
            if (schemaFastPath) {
                Location at = r.location();
                StreamedRecords.DocumentRecord d = StreamedRecords.document(r, at);
                if (d != null) {
                    markDocumentLine(r, o);
                    document(d.id(), d.text(), d.creationDate(), at, o);
                    return o;
                }
            }
            JsonNode node = r.parse();
            RecordKind kind = RecordKind.of(node);
            if (kind != RecordKind.DOCUMENT) {
                o.notDocument = true;
                return o;
            }
            markDocumentLine(r, o);
            record(kind, node, r.location(), o);
        } catch (CorpusFormatException e) {
            o.notDocument = true;
        }
        return o;
    }

    /** Notes in {@code o} that the line is a document, for pass 2 to skip it. */
    private static void markDocumentLine(JsonlLines r, Outcome o) {
        if (r.lineNumber() <= Integer.MAX_VALUE) {
            o.markLine = (int) r.lineNumber();
        } else {
            o.notDocument = true;
        }
        o.documentLine = true;
    }

    private static boolean notDocument(JsonlLines r) {
        for (byte[] prefix : NOT_DOCUMENT_PREFIXES) {
            if (r.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Pass 2 over a JSONL file: every record that is not a document, and every bad line. */
    private void jsonlOthers(Path f, JsonlDocumentPass pass, ExecutorService pool) {
        if (pass.onlyDocuments) {
            return;
        }
        try {
            // with no documents at all, which records are told so depends on the lines before: one thread
            lines(f, r -> otherLine(r, pass.documentLines), texts.isEmpty() ? null : pool,
                    (o, r) -> apply(o));
        } catch (IOException e) {
            sink.accept(Diagnostic.error(Location.ofFile(f.toString()), null, "cannot read: " + e.getMessage()));
        }
    }

    /** Pass 2's work on one line. */
    private Outcome otherLine(JsonlLines r, BitSet documentLines) {
        if (r.lineNumber() <= Integer.MAX_VALUE && documentLines.get((int) r.lineNumber())) {
            return NOTHING;
        }
        if (schemaFastPath && r.startsWith(NOT_DOCUMENT_PREFIXES[0])) {
            DocumentAnnotations a = role == Role.GOLD ? StreamedRecords.goldAnnotations(r)
                    : StreamedRecords.predictedAnnotations(r);
            if (a != null) {
                Outcome o = new Outcome();
                annotations(a, r.location(), o);
                return o;
            }
        }
        JsonNode node;
        try {
            r.checkUtf8();
            if (r.isBlank()) {
                return NOTHING;
            }
            node = r.parse();
        } catch (CorpusFormatException e) {
            Outcome o = new Outcome();
            o.add(diagnostic(e));
            return o;
        }
        RecordKind kind = RecordKind.of(node);
        if (kind == RecordKind.DOCUMENT) {
            return NOTHING;
        }
        Outcome o = new Outcome();
        record(kind, node, r.location(), o);
        return o;
    }

    /**
     * Does what depends on the lines before, in file order: duplicates, the notice that no documents were
     * given (once per file), the diagnostics, and adding a document.
     */
    private void apply(Outcome o) {
        if (o.duplicates != null) {
            boolean documents = o.duplicates == Duplicates.DOCUMENT_IDS;
            if (!(documents ? seenDocIds : seenIds).add(o.duplicateKey)) {
                sink.accept(duplicateRecord(o.at, o.duplicateKey, documents));
            }
        }
        for (Diagnostic d : o.diagnostics) {
            // the message is the constant itself only when documentText put it there
            boolean noDocuments = d.message() == NO_DOCUMENTS;
            if (!noDocuments || noDocumentsReported.add(d.location().file())) {
                sink.accept(d);
            }
        }
        if (o.documentId != null) {
            DocumentText first = texts.putIfAbsent(o.documentId, o.text);
            if (first != null) {
                sink.accept(duplicateDocument(o.at, o.documentId, first.firstSeen()));
            }
        }
    }

    /** Checks a record that parsed, into {@code o}; reads {@link #texts} but changes nothing. */
    private void record(RecordKind kind, JsonNode node, Location at, Outcome o) {
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
            o.add(Diagnostic.error(at, null, "unrecognised record; expected a document (id, text), "
                    + "annotations (doc_id), a contradiction (a, b) or an NLI pair (premise, hypothesis)"));
            return;
        }
        List<Diagnostic> problems = schemas.validate(schema, node, at, schemaFastPath);
        if (!problems.isEmpty()) {
            o.addAll(problems);
            return;
        }
        try {
            switch (kind) {
                case DOCUMENT -> document(JsonCodec.document(node, at), at, o);
                case ANNOTATIONS -> annotations(JsonCodec.annotations(node, at), at, o);
                case CONTRADICTION -> contradiction(JsonCodec.contradiction(node, at), at, o);
                case NLI -> nli(JsonCodec.nliPair(node, at), at, o);
                case NLI_PREDICTION -> duplicate(Duplicates.IDS, node.path("id").asText(), at, o);
                default -> throw new IllegalStateException(kind.toString());
            }
        } catch (CorpusFormatException e) {
            o.add(diagnostic(e));
        } catch (IllegalArgumentException e) {
            o.add(Diagnostic.error(at, null, e.getMessage()));
        }
    }

    private static void duplicate(Duplicates set, String key, Location at, Outcome o) {
        o.duplicates = set;
        o.duplicateKey = key;
        o.at = at;
    }

    private void annotations(DocumentAnnotations a, Location at, Outcome o) {
        duplicate(Duplicates.DOCUMENT_IDS, a.docId(), at, o);
        DocumentText text = documentText(a.docId(), at, null, "doc_id", o);
        Set<String> tids = a.timexes().isEmpty() ? Set.of() : new HashSet<>();
        EntityMention previous = null;
        int previousIndex = -1;
        // The index printed is the position in the model's (sorted) list, as it always has been.
        List<EntityMention> entities = a.entities();
        for (int i = 0; i < entities.size(); i++) {
            EntityMention e = entities.get(i);
            checkSpan(e.span(), text, at, "entities", i, o);
            if (!EntityTypes.isKnown(e.type())) {
                o.add(Diagnostic.error(at, "entities[" + i + "].type", "unknown entity type '" + e.type()
                        + "'; expected an OntoNotes 5 label (PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, PRODUCT, ...) "
                        + "or a CoNLL one (PER, ORG, LOC, MISC)"));
            }
            if (role == Role.GOLD && previous != null && previous.span().overlaps(e.span())) {
                o.add(Diagnostic.error(at, "entities[" + i + "]", "gold entity span [" + e.span().start() + ","
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
            checkSpan(t.span(), text, at, "timexes", i, o);
            Diagnostic value = TimexValues.check(t.type(), t.value(), at, "timexes[" + i + "].value");
            if (value != null) {
                o.add(value);
            }
            if (t.tid() != null && !tids.add(t.tid())) {
                o.add(Diagnostic.error(at, "timexes[" + i + "].tid", "duplicate tid '" + t.tid()
                        + "' in document '" + a.docId() + "'"));
            }
        }
    }

    private void contradiction(Contradiction c, Location at, Outcome o) {
        if (c.id() != null) {
            duplicate(Duplicates.IDS, c.id(), at, o);
        }
        evidence(c.a(), at, "a", o);
        evidence(c.b(), at, "b", o);
    }

    private void evidence(Evidence e, Location at, String field, Outcome o) {
        DocumentText text = documentText(e.docId(), at, field, "doc_id", o);
        checkSpan(e.span(), text, at, field, -1, o);
    }

    private void nli(NliPair p, Location at, Outcome o) {
        duplicate(Duplicates.IDS, p.id(), at, o);
        segment(p.premise(), at, "premise", o);
        segment(p.hypothesis(), at, "hypothesis", o);
    }

    private void segment(Segment s, Location at, String field, Outcome o) {
        if (s.docId() != null) {
            checkSpan(s.span(), documentText(s.docId(), at, field, "doc_id", o), at, field, -1, o);
        }
    }

    /**
     * The text of {@code docId}; notes in {@code o} that it is unknown ({@code parent.name}, or
     * {@code name}), or that no documents were given at all, which {@link #apply} says once per file.
     */
    private DocumentText documentText(String docId, Location at, String parent, String name, Outcome o) {
        TextLookup joined = lookup;
        DocumentText text = joined == null ? texts.get(docId) : joined.text(docId);
        int given = text != null ? -1 : joined == null ? texts.size() : joined.count();
        if (given == 0) {
            o.add(Diagnostic.error(at, null, NO_DOCUMENTS));
        }
        if (given > 0) {
            o.add(Diagnostic.error(at, parent == null ? name : parent + "." + name, "unknown document '"
                    + docId + "'; expected one of the " + given + " documents given"));
        }
        return text;
    }

    /** Checks a span against its document; the field is {@code name[index]}, or {@code name} when index < 0. */
    private static void checkSpan(Span s, DocumentText text, Location at, String name, int index, Outcome o) {
        if (text == null) {
            return;
        }
        int length = text.length();
        if (s.end() > length) {
            o.add(Diagnostic.error(at, field(name, index) + ".end", "offset " + s.end()
                    + " is past the end of the text (" + length + " code points)"));
            return;
        }
        if (!text.matches(s.start(), s.end(), s.text())) {
            String raw = text.substring(s.start(), s.end());
            o.add(Diagnostic.error(at, field(name, index) + ".text",
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

    private static Diagnostic diagnostic(CorpusFormatException e) {
        return Diagnostic.error(e.location(), e.field(), e.originalMessage());
    }

    private void report(CorpusFormatException e) {
        sink.accept(diagnostic(e));
    }

    // ------------------------------------------------------------------ issue 16: lines checked elsewhere

    /** "no such file or directory", as {@link #run} says it of a path given. */
    public static Diagnostic noSuchPath(String path) {
        return Diagnostic.error(Location.ofFile(path), null, "no such file or directory");
    }

    /** That a directory given holds nothing to check, as {@link #run} says it. */
    public static Diagnostic emptyDirectory(String dir) {
        return Diagnostic.error(Location.ofFile(dir), null, EMPTY_DIRECTORY);
    }

    /** That a JSONL file holds no record (after its document pass), as {@link #run} says it. */
    public static Diagnostic emptyFile(String file) {
        return Diagnostic.error(Location.ofFile(file), null, EMPTY_FILE);
    }

    /** That a file is of no kind the validator reads, as {@link #run} says it in its second pass. */
    public static Diagnostic unknownKind(String file) {
        return Diagnostic.error(Location.ofFile(file), null,
                "unknown kind of file; expected .txt, .csv, .jsonl or manifest.json");
    }

    /** The note that a JSONL file began with a byte order mark, said once per file, located at line 1. */
    public static Diagnostic byteOrderMark(String file) {
        return Diagnostic.note(Location.of(file, 1), "UTF-8 byte order mark skipped");
    }

    /**
     * The error of a document whose id an earlier document had ({@code firstSeen}: where that one is), said at
     * the later one, after its own diagnostics.
     */
    public static Diagnostic duplicateDocument(Location at, String id, Location firstSeen) {
        return Diagnostic.error(at, "id", "duplicate document id '" + id + "', first seen at " + firstSeen);
    }

    /**
     * The error of a record whose key an earlier record had, said at the later one before its other diagnostics:
     * {@code documents} true for annotations (one record per document, keyed by {@code doc_id}), false for
     * contradictions, NLI pairs and NLI predictions (keyed by {@code id}); see {@link LineOutcome#duplicateKey}.
     */
    public static Diagnostic duplicateRecord(Location at, String key, boolean documents) {
        return documents
                ? Diagnostic.error(at, "doc_id", "duplicate record for document '" + key
                        + "'; expected one line per document")
                : Diagnostic.error(at, "id", "duplicate id '" + key + "'");
    }

    /**
     * Where the second pass finds the text of a document that a record points into, when the lines are checked
     * by {@link LineChecks} rather than by {@link #run}: an engine that reads a corpus too large for one machine
     * in parts (issue 16: validation on Spark) brings each line the texts it needs, by a join on the document
     * id, instead of holding every text in one table as {@link #run} does.
     */
    public interface TextLookup {
        /** The text of the document with id {@code docId}, or {@code null} when no document has that id. */
        DocumentText text(String docId);

        /**
         * How many documents the corpus gives in all (distinct ids): messages name the number, and 0 means
         * that none was given ({@link #NO_DOCUMENTS}).
         */
        int count();
    }

    /**
     * What the checks of one JSONL line came to, before what depends on the other lines: the part that
     * {@link #run} does in file order (duplicates, the documents table, the notice that no documents were
     * given, said once per file by its first occurrence) is left to the caller, with the wording of
     * {@link #duplicateDocument} and {@link #duplicateRecord}.
     *
     * @param record           the line is a record (not blank); a JSONL file with none is {@link #emptyFile}
     * @param skipSecondPass   the first pass checked the line as a document: the second must not read it
     * @param documentId       first pass: the id of the document the line adds, or {@code null}; the first
     *                         line (in file order, files in the order given) with an id adds it, each later one
     *                         is a {@link #duplicateDocument}, said after its diagnostics
     * @param text             first pass: that document's text
     * @param at               where the line is
     * @param duplicateKey     second pass: the key the record is checked for duplicates by, or {@code null};
     *                         the first record with a key passes, each later one gets {@link #duplicateRecord}
     *                         before its diagnostics
     * @param documentKey      whether {@code duplicateKey} is an annotation record's {@code doc_id} (else an id)
     * @param diagnostics      the line's own diagnostics, in the order {@link #run} says them
     */
    public record LineOutcome(boolean record, boolean skipSecondPass, String documentId, DocumentText text,
                              Location at, String duplicateKey, boolean documentKey, List<Diagnostic> diagnostics) {

        /** Copies the diagnostics. */
        public LineOutcome {
            diagnostics = List.copyOf(diagnostics);
        }

        private static LineOutcome of(Outcome o) {
            return new LineOutcome(o.record, o.markLine >= 0, o.documentId, o.text, o.at,
                    o.duplicates == null ? null : o.duplicateKey, o.duplicates == Duplicates.DOCUMENT_IDS,
                    o.diagnostics);
        }
    }

    /**
     * The checks of {@link #run} on one JSONL line at a time, for an engine that reads a corpus in parts on
     * several machines (issue 16: validation on Spark) and does across all parts what {@link #run} does in
     * file order (see {@link LineOutcome}). Why here: the engine then checks nothing itself, and gives exactly
     * the diagnostics of {@link #validate}. A line is taken from a {@link JsonlLines} positioned on it, so that
     * locations and byte offsets are the file's. Not thread-safe: one per thread.
     */
    public static final class LineChecks {

        private final CorpusValidator validator;

        /** Checks for annotations of {@code role}, with the schema fast path {@link #validate} takes. */
        public LineChecks(Role role) {
            validator = new CorpusValidator(role, d -> { }, true, 1, CHUNK_BYTES);
        }

        /** The first pass on the current line of {@code line}: a document is checked, anything else skipped. */
        public LineOutcome firstPass(JsonlLines line) {
            return LineOutcome.of(validator.documentLine(line));
        }

        /**
         * The second pass on the current line of {@code line}, which the first pass did not check as a document:
         * every record that is not a document, and every bad line, with the texts of {@code texts}. Which texts a
         * line asks {@code texts} for does not depend on the answers, so an engine may first ask with a lookup
         * that only records the ids, then join those texts to the line and check it again.
         */
        public LineOutcome secondPass(JsonlLines line, TextLookup texts) {
            validator.lookup = texts;
            try {
                return LineOutcome.of(validator.otherLine(line, NO_LINES));
            } finally {
                validator.lookup = null;
            }
        }

        /**
         * Pass 1 on a whole {@code .txt} article or {@code .csv} file of documents, read at the local path
         * {@code file}: each document (record true, with its id, text, location and own diagnostics) and each
         * diagnostic of the file itself (record false), to {@code each} in the order {@link #run} says them. The
         * caller does what depends on the other files: a document whose id came before is a
         * {@link #duplicateDocument}, said after its diagnostics.
         */
        public static void documentFile(Path file, Consumer<LineOutcome> each) {
            CorpusValidator.documentFile(file, o -> each.accept(LineOutcome.of(o)));
        }

        /** No line marked as a document: the engine skips those lines itself. */
        private static final BitSet NO_LINES = new BitSet();
    }
}
