package org.corpusbench.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.corpusbench.evaluation.GoldCorpus.Layer;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.format.jsonl.JsonCodec.RecordKind;
import org.corpusbench.format.jsonl.JsonlLines;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.internal.SpanMessages;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.schema.DocumentText;
import org.corpusbench.schema.EntityTypes;
import org.corpusbench.schema.TimexValues;

/**
 * A system's predictions for one layer, read from JSONL and checked against the gold. Problems are located
 * at their file and line: a prediction that names an unknown document or NLI pair, reaches past the text,
 * whose surface text differs from the text at its offsets, or that repeats a document or pair already
 * predicted; and gold documents or pairs that the file does not predict at all (a truncated output would
 * otherwise score as a weak system). In lenient mode such predictions are skipped and counted instead;
 * otherwise the caller reports every problem and stops.
 *
 * <p>NLI labels are {@code {"id", "label"}} records, full NLI pairs, or pairs with SNLI's field names
 * ({@code pairID}, {@code gold_label}) as {@code export --format nli} writes them; a record that has both
 * names of a field with different values is refused.
 *
 * <p>A file that holds no record of the layer being scored — NLI labels given to the entity task, a gold
 * annotations file given to the NLI task, annotation records without a {@code timexes} key given to the
 * date task — is refused outright, lenient or not: it would score 0 and look like a result.
 */
public final class Predictions {

    /** Per-document layers, contradiction pairs and NLI labels found, plus problems and skip counts. */
    public record Read(Map<String, DocumentAnnotations> layers, List<Contradiction> contradictions,
                       Map<String, NliLabel> nliLabels, List<Diagnostic> problems, Map<String, Long> skipped) {
    }

    private Predictions() {
    }

    /**
     * Reads the predictions in {@code file} of {@code layer} against {@code gold}.
     *
     * @throws CorpusFormatException when the file holds no prediction of {@code layer}
     */
    public static Read read(Path file, GoldCorpus gold, Layer layer, boolean lenient) throws IOException {
        return read(file, gold, layer, lenient, false);
    }

    /**
     * As {@link #read(Path, GoldCorpus, Layer, boolean)}; with {@code allowEmpty}, an empty file (no line at
     * all) of contradiction predictions is read as a detector that flagged no pair. A file with lines but no
     * contradiction among them is refused all the same, and so is an empty file of any other layer (a
     * system writes a record per document or pair even when it finds nothing there).
     *
     * @throws CorpusFormatException when the file holds no prediction of {@code layer}
     */
    public static Read read(Path file, GoldCorpus gold, Layer layer, boolean lenient, boolean allowEmpty)
            throws IOException {
        return read(PredictionSource.of(file), gold, layer, lenient, allowEmpty);
    }

    /**
     * As {@link #read(Path, GoldCorpus, Layer, boolean, boolean)}, from any source of JSON lines (issue 16: a
     * Hadoop file system, a Parquet file's rows); locations name the source as {@link PredictionSource#name()}.
     */
    public static Read read(PredictionSource source, GoldCorpus gold, Layer layer, boolean lenient,
                            boolean allowEmpty) throws IOException {
        return new Reader(source, gold, layer).read(lenient, allowEmpty);
    }

    /**
     * A document's (or an NLI pair's) predictions as one line of a part gives them: the document's layer, or
     * the pair's label.
     *
     * @param id            the document id, the NLI pair id, or a contradiction's two pieces of evidence
     * @param annotations   the document's predicted layer, or {@code null}
     * @param label         the pair's predicted label, or {@code null}
     * @param contradiction the predicted contradiction, or {@code null}
     */
    public record Predicted(String id, DocumentAnnotations annotations, NliLabel label, Contradiction contradiction) {
    }

    /**
     * Reads one part of a predictions file by itself, for an engine that spreads a file's parts over machines
     * (issue 16): every line goes through the code {@link #read} uses, and each document's (or NLI pair's)
     * predictions are handed back as soon as its line is read, so memory does not grow with the part beyond
     * the ids seen. What one part cannot judge — a record repeated in another part, gold documents that no
     * part predicts — is the caller's to check. Any problem this part meets, and any label without an id
     * (which only the whole file can match to a gold pair), makes the part {@linkplain #clean() unclean}: the
     * caller then reads the whole file with {@link #read}, which reports every problem as {@code evaluate}
     * does.
     */
    public static final class PartReader {
        private final Reader reader;
        private final Layer layer;
        private boolean clean = true;

        /** A reader of a part of the predictions of {@code layer} against {@code gold}. */
        public PartReader(GoldCorpus gold, Layer layer) {
            if (layer == Layer.DOCUMENTS) {
                throw new IllegalArgumentException("a part of a file of predictions holds entities, dates, "
                        + "contradictions or NLI labels, not documents");
            }
            this.reader = new Reader(null, gold, layer);
            this.layer = layer;
        }

        /**
         * Reads the line {@code line} is on: the document or pair it predicts, or {@code null} when it
         * predicts none (a blank line, a record of another layer) or when the part is not {@linkplain #clean()
         * clean}.
         */
        public Predicted line(JsonlLines line) {
            if (!clean) {
                return null;
            }
            JsonNode node;
            try {
                line.checkUtf8();
                if (line.isBlank()) {
                    return null;
                }
                node = line.parse();
            } catch (CorpusFormatException e) {
                clean = false;
                return null;
            }
            int docs = reader.docLines.size();
            int problems = reader.problems.size();
            try {
                reader.record(node, line.location());
            } catch (CorpusFormatException | IllegalArgumentException e) {
                clean = false;
            }
            reader.texts.clear();
            if (reader.problems.size() > problems || !reader.aligned.isEmpty()) {
                clean = false;
            }
            if (!clean) {
                return null;
            }
            if (layer == Layer.NLI) {
                if (reader.labels.isEmpty()) {
                    return null;
                }
                Map.Entry<String, NliLabel> e = reader.labels.entrySet().iterator().next();
                reader.labels.clear();
                return new Predicted(e.getKey(), null, e.getValue(), null);
            }
            if (layer == Layer.CONTRADICTIONS) {
                if (reader.contradictions.isEmpty()) {
                    return null;
                }
                Contradiction c = reader.contradictions.remove(0);
                return new Predicted(Reader.pairKey(c), null, null, c);
            }
            if (reader.docLines.size() == docs) {
                return null;
            }
            String id = node.get("doc_id").asText();
            DocumentAnnotations a = new DocumentAnnotations(id, reader.entities.getOrDefault(id, List.of()),
                    reader.timexes.getOrDefault(id, List.of()));
            reader.entities.clear();
            reader.timexes.clear();
            return new Predicted(id, a, null, null);
        }

        /** Whether every line so far was read without a problem and none needs the whole file. */
        public boolean clean() {
            return clean;
        }
    }

    /** The state of one read: what was found so far, by kind, and the problems. */
    private static final class Reader {
        private final PredictionSource file;
        private final GoldCorpus gold;
        private final Layer layer;
        private final Map<String, Document> docs;
        private final Map<String, List<EntityMention>> entities = new LinkedHashMap<>();
        private final Map<String, List<Timex3>> timexes = new LinkedHashMap<>();
        private final List<Contradiction> contradictions = new ArrayList<>();
        private final Map<String, NliLabel> labels = new LinkedHashMap<>();
        private final List<Diagnostic> problems = new ArrayList<>();
        private final Map<String, Long> skipped = new TreeMap<>();
        /** Records of each kind, and annotation records by the keys they have: what the file holds. */
        private final Map<String, Long> held = new LinkedHashMap<>();
        /** First line of each document's record, and of each NLI pair's prediction. */
        private final Map<String, Long> docLines = new HashMap<>();
        private final Map<String, Long> pairLines = new HashMap<>();
        /** First line of each predicted contradiction, by its two pieces of evidence in either order. */
        private final Map<String, Long> contradictionLines = new HashMap<>();
        private final Set<String> pairIds = new HashSet<>();
        /** Each document's text, indexed once for all its spans (documents may be very long). */
        private final Map<String, DocumentText> texts = new HashMap<>();
        private long layerRecords;
        /** Labels without an id, in file order: matched to the gold pairs by line (see {@link #align}). */
        private final List<AlignedLabel> aligned = new ArrayList<>();

        private record AlignedLabel(JsonNode node, Location at) {
        }

        Reader(PredictionSource file, GoldCorpus gold, Layer layer) {
            this.file = file;
            this.gold = gold;
            this.layer = layer;
            this.docs = gold.documents();
            gold.nliPairs().forEach(p -> pairIds.add(p.id()));
        }

        Read read(boolean lenient, boolean allowEmpty) throws IOException {
            long lines = 0;
            try (JsonlReader r = new JsonlReader(file.open(), file.name())) {
                while (true) {
                    JsonlReader.JsonLine l;
                    try {
                        l = r.next();
                    } catch (CorpusFormatException e) {
                        problem(Diagnostic.error(e.location(), e.field(), e.originalMessage()), "malformed_lines");
                        lines++;
                        continue;
                    }
                    if (l == null) {
                        break;
                    }
                    lines++;
                    try {
                        record(l.node(), l.location());
                    } catch (CorpusFormatException e) {
                        problem(Diagnostic.error(e.location(), e.field(), e.originalMessage()), "malformed_lines");
                    } catch (IllegalArgumentException e) {
                        problem(Diagnostic.error(l.location(), null, e.getMessage()), "malformed_lines");
                    }
                }
            }
            boolean noPair = lines == 0 && layer == Layer.CONTRADICTIONS;
            if (layerRecords == 0 && !(noPair && allowEmpty)) {
                throw new CorpusFormatException(Location.ofFile(file.name()), null, "holds no " + what()
                        + "; " + (lines == 0 ? "the file is empty" : "it holds " + heldSummary())
                        + (held.isEmpty() && !problems.isEmpty() ? " (the first: " + problems.get(0) + ")" : "")
                        + ". Expected lines like " + example() + " (is it the right file for this task?)"
                        + (noPair ? " A detector that flagged no pair writes an empty file: pass --allow-empty to "
                                + "score it so" : ""));
            }
            if (!aligned.isEmpty()) {
                align(lines);
            }
            missing();
            Map<String, DocumentAnnotations> layers = new LinkedHashMap<>();
            for (String id : docs.keySet()) {
                layers.put(id, new DocumentAnnotations(id, entities.getOrDefault(id, List.of()),
                        timexes.getOrDefault(id, List.of())));
            }
            if (!lenient && !problems.isEmpty()) {
                skipped.clear();
            }
            return new Read(layers, contradictions, labels, problems, skipped);
        }

        private String what() {
            return switch (layer) {
                case ENTITIES -> "entity predictions";
                case TIMEXES -> "date predictions";
                case CONTRADICTIONS -> "contradiction predictions";
                case NLI -> "NLI predictions";
                case DOCUMENTS -> "documents";
            };
        }

        private String example() {
            return switch (layer) {
                case ENTITIES -> "{\"doc_id\": ..., \"entities\": [{\"start\", \"end\", \"text\", \"type\"}, ...]}";
                case TIMEXES -> "{\"doc_id\": ..., \"timexes\": [{\"start\", \"end\", \"text\", \"type\", \"value\"}, ...]}";
                case CONTRADICTIONS -> "{\"type\": ..., \"a\": {\"doc_id\", \"start\", \"end\", \"text\"}, \"b\": {...}}";
                case NLI -> "{\"id\": ..., \"label\": \"entailment|neutral|contradiction\"} (or SNLI's "
                        + "\"pairID\" and \"gold_label\", as export --format nli writes)";
                case DOCUMENTS -> "{\"id\": ..., \"text\": ...}";
            };
        }

        private String heldSummary() {
            if (held.isEmpty()) {
                return "no record that could be read";
            }
            List<String> parts = new ArrayList<>();
            held.forEach((k, n) -> parts.add(n + " " + k));
            return String.join(", ", parts);
        }

        private void hold(String what) {
            held.merge(what, 1L, Long::sum);
        }

        private void problem(Diagnostic d, String counter) {
            problems.add(d);
            skipped.merge(counter, 1L, Long::sum);
        }

        private void record(JsonNode node, Location at) throws CorpusFormatException {
            RecordKind kind = RecordKind.of(node);
            if (kind == RecordKind.UNKNOWN && layer == Layer.NLI && isAligned(node)) {
                hold("labels without an id");
                layerRecords++;
                aligned.add(new AlignedLabel(node, at));
                return;
            }
            if (kind == RecordKind.UNKNOWN && isSnli(node)) {
                kind = RecordKind.NLI; // SNLI's field names, as our own export --format nli writes them
            }
            switch (kind) {
                case ANNOTATIONS -> annotations(node, at);
                case CONTRADICTION -> {
                    hold("contradictions");
                    if (layer != Layer.CONTRADICTIONS) {
                        return;
                    }
                    layerRecords++;
                    Contradiction c = JsonCodec.contradiction(node, at);
                    if (evidence(c.a(), at, "a") && evidence(c.b(), at, "b")) {
                        String pair = pairKey(c);
                        Long firstLine = contradictionLines.putIfAbsent(pair, at.line());
                        if (firstLine != null) {
                            problem(Diagnostic.error(at, null, "the same contradiction (the same two pieces of "
                                    + "evidence) as line " + firstLine + "; expected each predicted pair once"),
                                    "duplicate_records");
                        } else {
                            contradictions.add(c);
                        }
                    }
                }
                case NLI_PREDICTION, NLI -> {
                    hold(kind == RecordKind.NLI ? "NLI pairs" : "NLI labels");
                    if (layer != Layer.NLI) {
                        return;
                    }
                    if (!node.hasNonNull("label") && !node.hasNonNull("gold_label")) {
                        return;
                    }
                    layerRecords++;
                    nli(node, at);
                }
                case DOCUMENT -> hold("documents");
                default -> {
                    hold("unrecognised records");
                    problem(Diagnostic.error(at, null, "unrecognised prediction; expected " + example()),
                            "unrecognised_lines");
                }
            }
        }

        private void annotations(JsonNode node, Location at) throws CorpusFormatException {
            boolean hasEntities = node.has("entities");
            boolean hasTimexes = node.has("timexes");
            if (!hasEntities && !hasTimexes) {
                hold("annotation records without an \"entities\" or \"timexes\" key");
            } else if (layer == Layer.TIMEXES && !hasTimexes) {
                hold("annotation records without a \"timexes\" key");
            } else if (layer == Layer.ENTITIES && !hasEntities) {
                hold("annotation records without an \"entities\" key");
            } else {
                hold("annotation records");
            }
            if (!(layer == Layer.ENTITIES && hasEntities || layer == Layer.TIMEXES && hasTimexes)) {
                return;
            }
            layerRecords++;
            JsonNode idNode = node.get("doc_id");
            if (idNode == null || !idNode.isTextual()) {
                problem(Diagnostic.error(at, "doc_id", "expected the document id as a string, found "
                        + (idNode == null ? "nothing" : idNode.getNodeType().name().toLowerCase(java.util.Locale.ROOT))),
                        "malformed_lines");
                return;
            }
            String docId = idNode.asText();
            Document d = docs.get(docId);
            if (d == null) {
                problem(Diagnostic.error(at, "doc_id", "unknown document '" + docId + "'; expected one of the "
                        + docs.size() + " documents of the gold"), "unknown_documents");
                return;
            }
            Long first = docLines.putIfAbsent(docId, at.line());
            if (first != null) {
                problem(Diagnostic.error(at, "doc_id", "duplicate prediction record for document '" + docId
                        + "', first at line " + first + "; expected one line per document"), "duplicate_records");
                return;
            }
            String key = layer == Layer.ENTITIES ? "entities" : "timexes";
            JsonNode array = node.get(key);
            if (!array.isArray()) {
                problem(Diagnostic.error(at, key, "expected an array, found "
                        + array.getNodeType().name().toLowerCase(java.util.Locale.ROOT)), "malformed_lines");
                return;
            }
            // Each element stands alone: a bad one is reported (and skipped with --lenient), the others kept.
            for (int i = 0; i < array.size(); i++) {
                try {
                    if (layer == Layer.ENTITIES) {
                        EntityMention e = JsonCodec.entityMention(array.get(i), at, i);
                        if (!EntityTypes.isKnown(e.type())) {
                            problem(Diagnostic.error(at, "entities[" + i + "].type", "unknown entity type '"
                                    + e.type() + "'; expected an OntoNotes 5 label (PERSON, ORG, GPE, LOC, ...) or a "
                                    + "CoNLL one (PER, ORG, LOC, MISC), as the gold uses"), "unknown_types");
                        } else if (check(e.span(), d, at, "entities[" + i + "]")) {
                            entities.computeIfAbsent(docId, k -> new ArrayList<>()).add(e);
                        }
                    } else {
                        Timex3 t = JsonCodec.timex(array.get(i), at, i);
                        Diagnostic value = TimexValues.check(t.type(), t.value(), at, "timexes[" + i + "].value");
                        if (value != null && value.isError()) {
                            problem(value, "bad_values");
                        } else if (check(t.span(), d, at, "timexes[" + i + "]")) {
                            timexes.computeIfAbsent(docId, k -> new ArrayList<>()).add(t);
                        }
                    }
                } catch (CorpusFormatException e) {
                    problem(Diagnostic.error(e.location(), e.field(), e.originalMessage()), "malformed_spans");
                }
            }
        }

        /**
         * An NLI pair with SNLI's field names ({@code pairID}, {@code gold_label}): what {@code export --format
         * nli} writes, and SNLI's own files. Recognised only when no other kind of record matched.
         */
        private static boolean isSnli(JsonNode node) {
            return (node.has("pairID") || node.has("id")) && (node.has("gold_label") || node.has("label"));
        }

        /**
         * The value of {@code ours}, or of {@code snli} (SNLI's name for the same field) when {@code ours} is
         * absent; {@code null}, with a problem recorded, when the record has both and they differ.
         */
        private String field(JsonNode node, Location at, String ours, String snli) {
            JsonNode a = node.get(ours);
            JsonNode b = node.get(snli);
            if (a != null && !a.isNull() && b != null && !b.isNull() && !a.asText().equals(b.asText())) {
                problem(Diagnostic.error(at, snli, "'" + b.asText() + "' differs from " + ours + " '" + a.asText()
                        + "'; expected one " + ours + " per record (or the same in both fields)"), "malformed_lines");
                return null;
            }
            return a != null && !a.isNull() ? a.asText() : b == null ? "" : b.asText();
        }

        /** A label without an id ({@code {"label": ...}} and nothing that names a pair). */
        private static boolean isAligned(JsonNode node) {
            return (node.has("label") || node.has("gold_label")) && !node.has("id") && !node.has("pairID");
        }

        /**
         * Gives the labels without an id to the gold pairs in the gold's order, line i to pair i. Only a file
         * of such labels and nothing else, with no blank line before the last, and as many as the gold has
         * pairs, can be matched so; anything else is refused outright, lenient or not: one line more or less
         * would shift every label after it onto the wrong pair and still produce a score.
         */
        private void align(long lines) throws CorpusFormatException {
            Location whole = Location.ofFile(file.name());
            String why = "; labels without an id are matched to the gold pairs by line, so the file must hold "
                    + "one such label per line for each of the " + pairIds.size() + " gold NLI pairs, in the gold's "
                    + "order (or give each label its pair's \"id\")";
            if (lines != aligned.size()) {
                throw new CorpusFormatException(whole, null, "holds " + aligned.size() + " labels without an id "
                        + "and " + (lines - aligned.size()) + " other lines (" + heldSummary() + ")" + why);
            }
            if (aligned.size() != pairIds.size()) {
                throw new CorpusFormatException(whole, null, "holds " + aligned.size() + " labels without an id but "
                        + "the gold has " + pairIds.size() + " NLI pairs" + why);
            }
            for (int i = 0; i < aligned.size(); i++) {
                AlignedLabel a = aligned.get(i);
                if (a.at().line() != i + 1) {
                    throw new CorpusFormatException(a.at(), null, "label " + (i + 1) + " is on line " + a.at().line()
                            + " (a blank line before it)" + why);
                }
            }
            List<NliPair> pairs = gold.nliPairs();
            for (int i = 0; i < aligned.size(); i++) {
                AlignedLabel a = aligned.get(i);
                String labelText = field(a.node(), a.at(), "label", "gold_label");
                if (labelText != null) {
                    assign(pairs.get(i).id(), labelText, null, label(a.node()), a.at());
                }
            }
        }

        private static String label(JsonNode node) {
            return node.hasNonNull("label") ? "label" : "gold_label";
        }

        private void nli(JsonNode node, Location at) {
            String id = field(node, at, "id", "pairID");
            String labelText = id == null ? null : field(node, at, "label", "gold_label");
            if (labelText == null) {
                return;
            }
            assign(id, labelText, node.has("id") ? "id" : "pairID", label(node), at);
        }

        /** Records {@code labelText} for pair {@code id}; {@code idField} is null when the id came from the line. */
        private void assign(String id, String labelText, String idField, String labelField, Location at) {
            NliLabel label = NliLabel.parse(labelText);
            if (label == null) {
                problem(Diagnostic.error(at, labelField, "unknown label '" + labelText
                        + "'; expected entailment, neutral or contradiction"), "bad_labels");
                return;
            }
            if (!pairIds.contains(id)) {
                problem(Diagnostic.error(at, idField, "unknown pair '" + id + "'; expected one of the "
                        + pairIds.size() + " NLI pairs of the gold"), "unknown_pairs");
                return;
            }
            Long first = pairLines.putIfAbsent(id, at.line());
            if (first != null) {
                problem(Diagnostic.error(at, idField, "duplicate prediction for pair '" + id + "', first at line "
                        + first + "; expected one label per pair"), "duplicate_records");
                return;
            }
            labels.put(id, label);
        }

        /** The two pieces of evidence of a contradiction, in a fixed order: a pair is unordered. */
        static String pairKey(Contradiction c) {
            String a = c.a().docId() + "\u0000" + c.a().span().start() + "\u0000" + c.a().span().end();
            String b = c.b().docId() + "\u0000" + c.b().span().start() + "\u0000" + c.b().span().end();
            return a.compareTo(b) <= 0 ? a + "\u0001" + b : b + "\u0001" + a;
        }

        /** Gold documents (or NLI pairs) that the file does not predict at all. */
        private void missing() {
            List<String> absent = new ArrayList<>();
            long total;
            String unit;
            if (layer == Layer.ENTITIES || layer == Layer.TIMEXES) {
                total = docs.size();
                unit = "gold documents";
                docs.keySet().stream().filter(id -> !docLines.containsKey(id)).forEach(absent::add);
            } else if (layer == Layer.NLI) {
                total = pairIds.size();
                unit = "gold NLI pairs";
                gold.nliPairs().stream().map(NliPair::id).filter(id -> !pairLines.containsKey(id)).forEach(absent::add);
            } else {
                return;
            }
            if (absent.isEmpty()) {
                return;
            }
            String listed = String.join(", ", absent.subList(0, Math.min(5, absent.size())))
                    + (absent.size() > 5 ? ", ..." : "");
            problems.add(Diagnostic.error(Location.ofFile(file.name()), null, "no prediction record for "
                    + absent.size() + " of the " + total + " " + unit + " (" + listed + "); a system that predicts "
                    + "nothing for one writes " + (layer == Layer.NLI ? "a label for every pair"
                    : "{\"doc_id\": ..., \"" + (layer == Layer.ENTITIES ? "entities" : "timexes") + "\": []}")
                    + "; with --lenient they are scored as predicting nothing"));
            skipped.merge(layer == Layer.NLI ? "missing_pairs" : "missing_documents", (long) absent.size(), Long::sum);
        }

        private boolean evidence(Evidence e, Location at, String field) {
            Document d = docs.get(e.docId());
            if (d == null) {
                problem(Diagnostic.error(at, field + ".doc_id", "unknown document '" + e.docId() + "'"),
                        "unknown_documents");
                return false;
            }
            return check(e.span(), d, at, field);
        }

        private boolean check(Span s, Document d, Location at, String field) {
            DocumentText text = texts.computeIfAbsent(d.id(), id -> DocumentText.of(d.text()));
            int length = text.length();
            if (s.end() > length) {
                problem(Diagnostic.error(at, field + ".end", "offset " + s.end() + " is past the end of document '"
                        + d.id() + "' (" + length + " code points)"), "spans_out_of_range");
                return false;
            }
            if (!text.matches(s.start(), s.end(), s.text())) {
                String raw = text.substring(s.start(), s.end());
                problem(Diagnostic.error(at, field + ".text", SpanMessages.textMismatch(s.text(), s.start(), s.end(),
                        raw)), "text_mismatches");
                return false;
            }
            return true;
        }
    }
}
