package org.corpusbench.format.brat;

import org.corpusbench.format.Corpus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.OutputNames;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.format.jsonl.JsonlWriter;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.internal.Hashes;
import org.corpusbench.internal.Utf8LineReader;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * brat standoff: per document a {@code .txt} (the raw text, byte for byte) and a {@code .ann}. Entities
 * are text-bound annotations of their type, dates are {@code TIMEX3} annotations with a {@code Type}
 * attribute, contradictions inside one document are {@code Contradiction} relations between two
 * {@code Evidence} annotations. What brat has no field for (entity id, TIMEX3 value and mod, contradiction
 * id, type and explanation) is kept as a JSON object in the annotation's {@code AnnotatorNotes}, which brat
 * shows and keeps. Cross-document contradictions cannot be relations in one {@code .ann}; they are listed
 * in {@code cross-document-contradictions.jsonl}. {@code annotation.conf} and {@code visual.conf} make the
 * directory open in brat unchanged.
 *
 * <p>brat offsets are code points, like ours. A span crossing a line break becomes discontinuous
 * fragments (brat forbids line breaks inside a fragment); the note records the exact span when the
 * fragments alone would not give it back.
 */
public final class Brat {

    /**
     * The file, beside the {@code .ann}/{@code .txt} pairs, that lists as corpusbench JSONL the contradictions
     * whose sides lie in two documents: a brat relation joins annotations of one {@code .ann} only.
     */
    public static final String CROSS_DOCUMENT = "cross-document-contradictions.jsonl";
    static final String TIMEX = "TIMEX3";
    static final String EVIDENCE = "Evidence";
    static final String RELATION = "Contradiction";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Brat() {
    }

    /**
     * Writes {@code docs} into {@code dir} (created if missing): a {@code .txt} and a {@code .ann} per
     * document, {@link #CROSS_DOCUMENT}, {@code annotation.conf} with the entity types used, and
     * {@code visual.conf}. Each file is replaced atomically, the directory as a whole is not: the caller
     * stages it. The annotations and single-document contradictions of a document that is not in
     * {@code docs} are not written. A contradiction inside one document must have a type, which its note
     * records.
     *
     * @throws CorpusFormatException when a span holds only line breaks, which brat cannot show
     */
    public static void write(Path dir, List<Document> docs, Map<String, DocumentAnnotations> annotations,
                             List<Contradiction> contradictions) throws IOException {
        Files.createDirectories(dir);
        TreeSet<String> entityTypes = new TreeSet<>();
        for (Document d : docs) {
            Path txt = OutputNames.file(dir, d.id(), ".txt");
            Path ann = OutputNames.file(dir, d.id(), ".ann");
            DocumentAnnotations a = annotations.getOrDefault(d.id(), DocumentAnnotations.empty(d.id()));
            a.entities().forEach(e -> entityTypes.add(e.type()));
            List<Contradiction> within = contradictions.stream().filter(c -> c.a().docId().equals(d.id())
                    && c.b().docId().equals(d.id())).toList();
            String standoff = standoff(d, a, within);
            AtomicFiles.write(txt, out -> out.write(d.text().getBytes(StandardCharsets.UTF_8)));
            AtomicFiles.writeString(ann, standoff);
        }
        JsonlWriter.write(dir.resolve(CROSS_DOCUMENT), contradictions.stream()
                .filter(c -> !c.a().docId().equals(c.b().docId())).toList());
        StringBuilder conf = new StringBuilder("# written by corpusbench\n[entities]\n");
        entityTypes.forEach(t -> conf.append(t).append('\n'));
        conf.append(TIMEX).append('\n').append(EVIDENCE).append('\n')
                .append("[relations]\n").append(RELATION).append(" Arg1:").append(EVIDENCE).append(", Arg2:")
                .append(EVIDENCE).append('\n')
                .append("<OVERLAP> Arg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n")
                .append("[events]\n[attributes]\nType Arg:").append(TIMEX).append(", Value:DATE|TIME|DURATION|SET\n");
        AtomicFiles.writeString(dir.resolve("annotation.conf"), conf.toString());
        AtomicFiles.writeString(dir.resolve("visual.conf"), "[labels]\n" + TIMEX + " | TIMEX3 | T3\n[drawing]\n"
                + TIMEX + "\tbgColor:#ffd080\n" + EVIDENCE + "\tbgColor:#ff9090\n");
    }

    static String standoff(Document d, DocumentAnnotations a, List<Contradiction> within) throws IOException {
        StringBuilder sb = new StringBuilder();
        int[] next = {1, 1, 1, 1};
        for (EntityMention e : a.entities()) {
            String t = textBound(sb, next, d, e.type(), e.span());
            ObjectNode note = exact(e.span(), d);
            if (e.entityId() != null) {
                note.put("entity_id", e.entityId());
            }
            notes(sb, next, t, note);
        }
        for (Timex3 x : a.timexes()) {
            String t = textBound(sb, next, d, TIMEX, x.span());
            sb.append('A').append(next[2]++).append("\tType ").append(t).append(' ').append(x.type().name()).append('\n');
            ObjectNode note = exact(x.span(), d);
            put(note, "tid", x.tid());
            note.put("value", x.value());
            put(note, "mod", x.mod());
            put(note, "anchor", x.anchor());
            put(note, "quant", x.quant());
            put(note, "freq", x.freq());
            notes(sb, next, t, note);
        }
        for (Contradiction c : within) {
            String ta = textBound(sb, next, d, EVIDENCE, c.a().span());
            notes(sb, next, ta, exact(c.a().span(), d));
            String tb = textBound(sb, next, d, EVIDENCE, c.b().span());
            notes(sb, next, tb, exact(c.b().span(), d));
            String r = "R" + next[1]++;
            sb.append(r).append('\t').append(RELATION).append(" Arg1:").append(ta).append(" Arg2:").append(tb)
                    .append('\n');
            ObjectNode note = JSON.createObjectNode();
            note.put("id", c.id());
            // a system's contradictions may carry no type; none is written, and none is read back
            put(note, "type", c.type() == null ? null : c.type().name());
            note.put("explanation", c.explanation());
            notes(sb, next, r, note);
        }
        return sb.toString();
    }

    private static void put(ObjectNode n, String k, String v) {
        if (v != null) {
            n.put(k, v);
        }
    }

    private static void notes(StringBuilder sb, int[] next, String target, ObjectNode note) {
        if (!note.isEmpty()) {
            sb.append('#').append(next[3]++).append("\tAnnotatorNotes ").append(target).append('\t')
                    .append(note.toString()).append('\n');
        }
    }

    /** A note with the exact span, when the fragments would not give it back (it begins or ends at a line break). */
    private static ObjectNode exact(Span span, Document d) throws CorpusFormatException {
        ObjectNode n = JSON.createObjectNode();
        List<int[]> f = fragments(d.text(), span);
        if (f.isEmpty()) {
            throw new CorpusFormatException(Location.ofFile(d.id()), "span", "[" + span.start() + "," + span.end()
                    + ") holds only line breaks; brat cannot show such a span");
        }
        if (f.get(0)[0] != span.start() || f.get(f.size() - 1)[1] != span.end()) {
            n.put("start", span.start()).put("end", span.end());
        }
        return n;
    }

    private static String textBound(StringBuilder sb, int[] next, Document d, String type, Span span)
            throws CorpusFormatException {
        List<int[]> frags = fragments(d.text(), span);
        if (frags.isEmpty()) {
            throw new CorpusFormatException(Location.ofFile(d.id()), "span", "[" + span.start() + "," + span.end()
                    + ") holds only line breaks; brat cannot show such a span");
        }
        String id = "T" + next[0]++;
        sb.append(id).append('\t').append(type).append(' ');
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < frags.size(); i++) {
            int[] f = frags.get(i);
            sb.append(i == 0 ? "" : ";").append(f[0]).append(' ').append(f[1]);
            texts.add(CodePoints.substring(d.text(), f[0], f[1]));
        }
        sb.append('\t').append(String.join(" ", texts)).append('\n');
        return id;
    }

    /** The pieces of {@code span} between line breaks, in code points; empty pieces dropped. */
    static List<int[]> fragments(String text, Span span) {
        List<int[]> out = new ArrayList<>();
        String s = span.text();
        int cp = span.start();
        int fragStart = -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c == '\n' || c == '\r') {
                if (fragStart >= 0) {
                    out.add(new int[] {fragStart, cp});
                    fragStart = -1;
                }
            } else if (fragStart < 0) {
                fragStart = cp;
            }
            i += Character.charCount(c);
            cp++;
        }
        if (fragStart >= 0) {
            out.add(new int[] {fragStart, cp});
        }
        return out;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /**
     * How to import a text-bound annotation whose fragments are separated by more than line breaks (brat's
     * discontinuous annotation, {@code T1\tPER 0 3;6 9\tAli Bob}). Fragments separated only by line breaks
     * are one span that crosses a line, as {@link #write} writes it, and are always read back as one span.
     */
    public enum Fragments {
        /** Refuse it with its location and fragments: one span over the fragments would claim the text between. */
        REFUSE,
        /**
         * Each fragment becomes an entity mention of its own, all with one {@code entity_id} (the note's, or
         * {@code <doc>-<T id>}). TIMEX3 and Evidence annotations are still refused: they are one span each.
         */
        SPLIT;

        /** The option value that selects this mode on the command line. */
        public String optionValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The option that chooses the {@link Fragments} mode, for messages. */
    public static final String FRAGMENTS_OPTION = "--brat-fragments";

    /** Reads {@code dir}, refusing discontinuous annotations ({@link Fragments#REFUSE}). */
    public static Corpus read(Path dir) throws IOException {
        return read(dir, Fragments.REFUSE);
    }

    /**
     * Reads every {@code .ann} with its {@code .txt} in {@code dir}, plus the cross-document listing if
     * present. Both are UTF-8, read strictly: an invalid byte is an error naming its line and byte offset.
     */
    public static Corpus read(Path dir, Fragments fragments) throws IOException {
        List<Document> docs = new ArrayList<>();
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        List<Contradiction> contradictions = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".ann")).sorted().toList();
        }
        List<CorpusFormatException> problems = new ArrayList<>();
        for (Path ann : files) {
            String name = ann.getFileName().toString();
            String id = name.substring(0, name.length() - 4);
            Path txt = ann.resolveSibling(id + ".txt");
            if (!Files.isRegularFile(txt)) {
                throw new CorpusFormatException(Location.ofFile(ann.toString()), null, "no " + txt.getFileName()
                        + " beside it; expected the document text");
            }
            byte[] bytes = Files.readAllBytes(txt);
            Document d = new Document(id, Utf8LineReader.decodeStrict(bytes, txt.toString()), null, txt.toString(),
                    Hashes.sha256(bytes));
            docs.add(d);
            try {
                readAnn(ann, d, fragments, anns, contradictions);
            } catch (CorpusFormatProblems e) {
                problems.addAll(e.problems());
            } catch (CorpusFormatException e) {
                problems.add(e);
            }
        }
        CorpusFormatProblems.throwIfAny(problems);
        Path cross = dir.resolve(CROSS_DOCUMENT);
        if (Files.exists(cross)) {
            Map<String, Document> byId = new HashMap<>();
            docs.forEach(d -> byId.put(d.id(), d));
            try (JsonlReader r = JsonlReader.open(cross)) {
                JsonlReader.JsonLine line;
                while ((line = r.next()) != null) {
                    Contradiction c = JsonCodec.contradiction(line.node(), line.location());
                    checkEvidence(c.a(), "a", byId, line.location());
                    checkEvidence(c.b(), "b", byId, line.location());
                    contradictions.add(c);
                }
            }
        }
        return new Corpus(docs, anns, contradictions, List.of());
    }

    /**
     * Checks one side of a cross-document contradiction against the text of its document, as the T lines of
     * a {@code .ann} are checked: a changed {@code .txt} must not leave it pointing at other text (issue 12).
     */
    private static void checkEvidence(Evidence e, String side, Map<String, Document> docs, Location at)
            throws CorpusFormatException {
        Document d = docs.get(e.docId());
        if (d == null) {
            throw new CorpusFormatException(at, side + ".doc_id", "'" + e.docId() + "' is not a document of this "
                    + "directory; expected the id of one of its .ann/.txt pairs");
        }
        int length = CodePoints.length(d.text());
        Span s = e.span();
        if (s.end() > length) {
            throw new CorpusFormatException(at, side + ".end", "[" + s.start() + "," + s.end() + ") outside the "
                    + length + " code points of " + e.docId() + ".txt");
        }
        String actual = CodePoints.substring(d.text(), s.start(), s.end());
        if (!actual.equals(s.text())) {
            throw new CorpusFormatException(at, side + ".text", "'" + s.text() + "' differs from the text of "
                    + e.docId() + ".txt at [" + s.start() + "," + s.end() + "), '" + actual + "'");
        }
    }

    /**
     * A text-bound annotation: its fragments in order, and the span from the first to the last.
     *
     * @param contiguous whether only line breaks lie between the fragments, so that the span is exact
     */
    private record TextBound(String type, List<Span> fragments, Span span, boolean contiguous, Location at) {
    }

    private static void readAnn(Path file, Document d, Fragments mode, Map<String, DocumentAnnotations> anns,
                                List<Contradiction> contradictions) throws IOException {
        Map<String, TextBound> bounds = new LinkedHashMap<>();
        Map<String, Location> ids = new HashMap<>();
        Map<String, String> timexTypes = new HashMap<>();
        Map<String, JsonNode> notes = new HashMap<>();
        Map<String, String[]> relations = new LinkedHashMap<>();
        String[] lines = Utf8LineReader.decodeStrict(Files.readAllBytes(file), file.toString()).split("\n", -1);
        int docLength = CodePoints.length(d.text());
        // bad lines are collected and reported together; the rest of the file is read on
        List<CorpusFormatException> problems = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            try {
                String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                Location at = Location.of(file.toString(), i + 1);
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                if (f[0].isEmpty() || f[0].isBlank()) {
                    throw new CorpusFormatException(at, "id", "the line starts with " + (line.startsWith("\t") ? "a tab"
                            : "white space") + "; expected an annotation id first ('T1\\tTYPE START END\\tTEXT', "
                            + "'A1\\t...', 'R1\\t...', '#1\\t...')");
                }
                if (f[0].charAt(0) != '#' && f[0].charAt(0) != '*') {
                    Location first = ids.putIfAbsent(f[0], at);
                    if (first != null) {
                        throw new CorpusFormatException(at, "id", "duplicate annotation id '" + f[0] + "', first at line "
                                + first.line() + "; expected each id once");
                    }
                }
                char kind = f[0].charAt(0);
                switch (kind) {
                    case 'T' -> bounds.put(f[0], textBound(f, d, docLength, at));
                    case 'A' -> {
                        String[] p = f.length > 1 ? f[1].split(" ") : new String[0];
                        if (p.length == 3 && p[0].equals("Type")) {
                            timexTypes.put(p[1], p[2]);
                        }
                    }
                    case 'R' -> {
                        String[] p = f.length > 1 ? f[1].split(" ") : new String[0];
                        if (p.length != 3 || !p[1].startsWith("Arg1:") || !p[2].startsWith("Arg2:")) {
                            throw new CorpusFormatException(at, null, "expected 'R<n>\\tTYPE Arg1:T<a> Arg2:T<b>'");
                        }
                        if (p[0].equals(RELATION)) {
                            relations.put(f[0], new String[] {p[1].substring(5), p[2].substring(5), Long.toString(at.line())});
                        }
                    }
                    case '#' -> {
                        String[] p = f.length > 1 ? f[1].split(" ") : new String[0];
                        if (f.length == 3 && p.length == 2) {
                            String note = f[2].trim();
                            if (note.startsWith("{")) {
                                try {
                                    notes.put(p[1], JSON.readTree(note));
                                } catch (IOException e) {
                                    throw new CorpusFormatException(at, "AnnotatorNotes", "malformed JSON note: "
                                            + e.getMessage().lines().findFirst().orElse(""));
                                }
                            }
                        }
                    }
                    case 'E', 'M', 'N', '*' -> {
                        // events, modifications, normalisations, equivalences: not part of the corpusbench model
                    }
                    default -> throw new CorpusFormatException(at, null, "unknown annotation '" + f[0]
                            + "'; expected T, A, R, E, M, N, * or # lines");
                }
            } catch (CorpusFormatException e) {
                problems.add(e);
            }
        }
        CorpusFormatProblems.throwIfAny(problems);

        List<EntityMention> entities = new ArrayList<>();
        List<Timex3> timexes = new ArrayList<>();
        Map<String, Span> evidence = new HashMap<>();
        for (Map.Entry<String, TextBound> e : bounds.entrySet()) {
            TextBound b = e.getValue();
            JsonNode note = notes.get(e.getKey());
            if (!b.contiguous()) {
                if (mode == Fragments.REFUSE || b.type().equals(TIMEX) || b.type().equals(EVIDENCE)
                        || note != null && (note.has("start") || note.has("end"))) {
                    throw discontinuous(e.getKey(), b, mode, note != null && (note.has("start") || note.has("end")));
                }
                String entityId = note != null && str(note, "entity_id") != null ? str(note, "entity_id")
                        : d.id() + "-" + e.getKey();
                for (Span fragment : b.fragments()) {
                    entities.add(new EntityMention(fragment, b.type(), entityId));
                }
                continue;
            }
            Span span = exactSpan(d, b, note);
            if (b.type().equals(TIMEX)) {
                String type = timexTypes.getOrDefault(e.getKey(), "DATE");
                TimexType tt;
                try {
                    tt = TimexType.valueOf(type);
                } catch (IllegalArgumentException ex) {
                    throw new CorpusFormatException(b.at(), "Type", "'" + type + "'; expected DATE, TIME, DURATION "
                            + "or SET");
                }
                if (note == null || !note.hasNonNull("value")) {
                    throw new CorpusFormatException(b.at(), "value", "TIMEX3 " + e.getKey() + " has no value; "
                            + "expected an AnnotatorNotes JSON object with \"value\"");
                }
                timexes.add(new Timex3(str(note, "tid"), span, tt, note.get("value").asText(), str(note, "mod"),
                        str(note, "anchor"), str(note, "quant"), str(note, "freq")));
            } else if (b.type().equals(EVIDENCE)) {
                evidence.put(e.getKey(), span);
            } else {
                entities.add(new EntityMention(span, b.type(), note == null ? null : str(note, "entity_id")));
            }
        }
        for (Map.Entry<String, String[]> r : relations.entrySet()) {
            Location at = Location.of(file.toString(), Long.parseLong(r.getValue()[2]));
            Span a = evidence.get(r.getValue()[0]);
            Span b = evidence.get(r.getValue()[1]);
            if (a == null || b == null) {
                throw new CorpusFormatException(at, "Arg1", "relation " + r.getKey() + " must join two " + EVIDENCE
                        + " annotations");
            }
            JsonNode note = notes.get(r.getKey());
            String type = note == null ? null : str(note, "type");
            ContradictionType ct;
            try {
                // no type is no type (a system's output), never one made up
                ct = type == null ? null : ContradictionType.valueOf(type);
            } catch (IllegalArgumentException ex) {
                throw new CorpusFormatException(at, "type", "'" + type + "'; expected a contradiction type");
            }
            contradictions.add(new Contradiction(note == null || str(note, "id") == null ? d.id() + "-" + r.getKey()
                    : str(note, "id"), ct, new Evidence(d.id(), a), new Evidence(d.id(), b),
                    note == null || str(note, "explanation") == null ? "" : str(note, "explanation")));
        }
        anns.put(d.id(), new DocumentAnnotations(d.id(), entities, timexes));
    }

    /** Parses a {@code T} line: {@code T<n>\tTYPE START END[;START END...]\tTEXT}; checks every fragment. */
    private static TextBound textBound(String[] f, Document d, int docLength, Location at) throws CorpusFormatException {
        if (f.length < 3) {
            throw new CorpusFormatException(at, null, "found " + f.length + " tab-separated field"
                    + (f.length == 1 ? "" : "s") + "; expected 'T<n>\\tTYPE START END[;START END]\\tTEXT'");
        }
        String[] typeAndOffsets = f[1].split(" ", 2);
        if (typeAndOffsets.length < 2 || typeAndOffsets[0].isEmpty()) {
            throw new CorpusFormatException(at, "offsets", "'" + f[1] + "'; expected a type and offsets, "
                    + "'TYPE START END[;START END]'");
        }
        List<Span> fragments = new ArrayList<>();
        for (String frag : typeAndOffsets[1].split(";", -1)) {
            String[] se = frag.trim().split(" ", -1);
            if (se.length != 2 || !se[0].matches("[0-9]{1,9}") || !se[1].matches("[0-9]{1,9}")) {
                throw new CorpusFormatException(at, "offsets", "'" + frag + "'; expected 'START END', two "
                        + "code-point offsets");
            }
            int s = Integer.parseInt(se[0]);
            int e = Integer.parseInt(se[1]);
            if (e < s) {
                throw new CorpusFormatException(at, "offsets", "'" + frag + "' ends before it starts; expected "
                        + "START <= END");
            }
            if (e > docLength) {
                throw new CorpusFormatException(at, "offsets", "[" + s + "," + e + ") outside the " + docLength
                        + " code points of " + d.id() + ".txt");
            }
            if (!fragments.isEmpty() && s < fragments.get(fragments.size() - 1).end()) {
                throw new CorpusFormatException(at, "offsets", "'" + typeAndOffsets[1] + "': fragment [" + s + ","
                        + e + ") starts before the one before it ends; expected fragments in text order, apart");
            }
            fragments.add(Span.of(d.text(), s, e));
        }
        // brat writes the fragments' texts joined by single spaces; check each fragment's part of it
        String text = f[2];
        int at0 = 0;
        for (int k = 0; k < fragments.size(); k++) {
            String want = fragments.get(k).text();
            String sep = k == 0 ? "" : " ";
            if (!text.startsWith(sep + want, at0)) {
                throw new CorpusFormatException(at, "text", "'" + text + "' differs from the text at its offsets, '"
                        + fragments.stream().map(Span::text).collect(java.util.stream.Collectors.joining(" "))
                        + "'" + (fragments.size() > 1 ? " (fragment " + (k + 1) + ", " + describe(fragments.get(k))
                        + ")" : ""));
            }
            at0 += sep.length() + want.length();
        }
        if (at0 != text.length()) {
            throw new CorpusFormatException(at, "text", "'" + text + "' differs from the text at its offsets, '"
                    + text.substring(0, at0) + "' (it goes on after the last fragment)");
        }
        Span first = fragments.get(0);
        Span last = fragments.get(fragments.size() - 1);
        boolean contiguous = true;
        for (int k = 1; k < fragments.size() && contiguous; k++) {
            String gap = CodePoints.substring(d.text(), fragments.get(k - 1).end(), fragments.get(k).start());
            contiguous = gap.chars().allMatch(c -> c == '\n' || c == '\r');
        }
        return new TextBound(typeAndOffsets[0], fragments, Span.of(d.text(), first.start(), last.end()), contiguous,
                at);
    }

    private static String describe(Span s) {
        return "[" + s.start() + "," + s.end() + ") '" + s.text() + "'";
    }

    /** The error for a discontinuous annotation that {@code mode} does not import. */
    private static CorpusFormatException discontinuous(String id, TextBound b, Fragments mode, boolean noteSpan) {
        String found = id + " has " + b.fragments().size() + " fragments, " + b.fragments().stream()
                .map(Brat::describe).collect(java.util.stream.Collectors.joining(", "))
                + ", with other text than line breaks between them";
        String why;
        if (mode == Fragments.REFUSE) {
            why = "; one span over them would claim the text between. Expected one span, or choose "
                    + FRAGMENTS_OPTION + "=" + Fragments.SPLIT.optionValue() + " to import each fragment as a mention "
                    + "of its own, sharing one entity_id";
        } else if (noteSpan) {
            why = "; its note gives one exact span, which fragments of other text cannot be. Expected fragments "
                    + "separated only by line breaks, or no start and end in the note";
        } else {
            why = "; a " + b.type() + " annotation is one span and cannot be split. Expected fragments separated "
                    + "only by line breaks";
        }
        return new CorpusFormatException(b.at(), "offsets", found + why);
    }

    private static Span exactSpan(Document d, TextBound b, JsonNode note) throws CorpusFormatException {
        if (note != null && (note.has("start") || note.has("end"))) {
            if (!note.path("start").isInt() || !note.path("end").isInt()) {
                throw new CorpusFormatException(b.at(), "start", "note has start " + note.get("start") + " and end "
                        + note.get("end") + "; expected both, as code-point offsets");
            }
            int s = note.get("start").asInt();
            int e = note.get("end").asInt();
            if (s < 0 || s > b.span().start() || e < b.span().end() || e > CodePoints.length(d.text())) {
                throw new CorpusFormatException(b.at(), "start", "note span [" + s + "," + e + ") does not contain "
                        + "the fragments");
            }
            return Span.of(d.text(), s, e);
        }
        return b.span();
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
