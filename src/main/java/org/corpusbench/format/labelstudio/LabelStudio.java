package org.corpusbench.format.labelstudio;

import static org.corpusbench.format.jsonl.JsonValues.describe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.format.Corpus;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.internal.Markup;
import org.corpusbench.internal.Utf8LineReader;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/**
 * Label Studio's JSON tasks for span labelling (issue 17): a JSON array with one task per document,
 * {@code {"data": {"doc_id": ..., "text": ...}, "annotations": [{"result": [...]}]}}, each result a region
 * {@code {"id", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start", "end", "text",
 * "labels": [TYPE]}}}. The writer can put the spans under {@code predictions} (with a {@code model_version})
 * instead, so that a baseline's output pre-annotates a project; {@link #labelingConfig} gives the project's
 * labelling configuration.
 *
 * <p><b>Offsets are code points</b>, like corpusbench's: Label Studio's editor counts them so (its test
 * "NER - Emoji - Text" expects "test" in "🐱 Warning: This is a test text" at 21-25, not at 22-26 as UTF-16
 * units would give) and counts CR and LF as a character each (Text tag documentation). Versions of 2021
 * wrote UTF-16 units (its issues 1008 and 1347); the region's {@code text}, when present, is checked against
 * the text at the offsets, which catches them.
 *
 * <p>Written one task per line, so that a location names the task. Entity ids, TIMEX3, contradictions and
 * document titles have no place and are not written.
 */
public final class LabelStudio {

    /** The {@code data} key of the document text, {@code $text} in the labelling configuration. */
    public static final String TEXT = "text";
    /** The {@code data} key of corpusbench's document id. */
    public static final String DOC_ID = "doc_id";
    /** The name of the {@code <Labels>} control. */
    public static final String FROM_NAME = "label";
    /** The name of the {@code <Text>} object. */
    public static final String TO_NAME = "text";
    /** The result type of a span label on a text. */
    public static final String LABELS = "labels";
    /**
     * Result types read and skipped: relations between regions and answers that are not spans (per-region or
     * per-task choices, text areas, ratings...), none of which is an entity mention.
     */
    public static final Set<String> SKIPPED_TYPES = Set.of("relation", "choices", "textarea", "rating", "taxonomy",
            "number", "datetime", "pairwise", "ranker");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the spans of a task are: what people made, or what a model suggested. */
    public enum Results {
        /** People's work: the task's {@code annotations} list. */
        ANNOTATIONS("annotations"),
        /** A model's suggestions, shown as pre-annotations: the task's {@code predictions} list. */
        PREDICTIONS("predictions");

        private final String key;

        Results(String key) {
            this.key = key;
        }

        /** The task key of this list. */
        public String key() {
            return key;
        }
    }

    /**
     * What to write the spans as.
     *
     * @param results      annotations, or predictions
     * @param modelVersion the predictions' {@code model_version} (required for predictions, none for annotations)
     */
    public record WriteOptions(Results results, String modelVersion) {

        /** Refuses a model version on annotations, and predictions without one (Label Studio needs it). */
        public WriteOptions {
            Objects.requireNonNull(results, "results");
            if (results == Results.PREDICTIONS && (modelVersion == null || modelVersion.isBlank())) {
                throw new IllegalArgumentException("predictions need a model_version");
            }
            if (results == Results.ANNOTATIONS && modelVersion != null) {
                throw new IllegalArgumentException("annotations have no model_version, found '" + modelVersion + "'");
            }
        }

        /** Spans as annotations, as if an annotator had made them: the gold, or an imported adjudication. */
        public static WriteOptions annotations() {
            return new WriteOptions(Results.ANNOTATIONS, null);
        }

        /** Spans as predictions of {@code modelVersion}, which Label Studio shows as pre-annotations. */
        public static WriteOptions predictions(String modelVersion) {
            return new WriteOptions(Results.PREDICTIONS, modelVersion);
        }
    }

    /**
     * Which entry of each task to read. A task must have exactly one entry that matches: none, or several
     * (two annotators, two model versions), is an error that lists them, never a silent choice or merge.
     *
     * @param results annotations (cancelled ones, {@code was_cancelled}, skipped) or predictions
     * @param who     the annotator ({@code completed_by}: a user id, or the user's email) or the prediction's
     *                {@code model_version}; {@code null} for the only one
     */
    public record Selection(Results results, String who) {

        /** A selection always names its list; {@code who} may be left open. */
        public Selection {
            Objects.requireNonNull(results, "results");
        }

        /** The one annotation of each task; a task annotated by several people is refused, naming them. */
        public static Selection annotations() {
            return new Selection(Results.ANNOTATIONS, null);
        }

        /** The annotation of one annotator, for measuring agreement between annotators one by one. */
        public static Selection annotationsBy(String completedBy) {
            return new Selection(Results.ANNOTATIONS, Objects.requireNonNull(completedBy, "completedBy"));
        }

        /** The one prediction of each task; several model versions are refused, naming them. */
        public static Selection predictions() {
            return new Selection(Results.PREDICTIONS, null);
        }

        /** The predictions of one model version, to score a pre-annotating model against the annotators. */
        public static Selection predictionsOf(String modelVersion) {
            return new Selection(Results.PREDICTIONS, Objects.requireNonNull(modelVersion, "modelVersion"));
        }
    }

    private LabelStudio() {
    }

    /** Writes the documents and their mentions as annotations. */
    public static void write(Path file, List<Document> documents, Map<String, DocumentAnnotations> annotations)
            throws IOException {
        write(file, documents, annotations, WriteOptions.annotations());
    }

    /** Writes one task per document, atomically; nothing when a mention does not fit its document. */
    public static void write(Path file, List<Document> documents, Map<String, DocumentAnnotations> annotations,
                             WriteOptions options) throws IOException {
        Corpus corpus = Corpus.checked(documents, annotations, file.toString());
        String json = render(corpus, options);
        AtomicFiles.writeString(file, json);
    }

    static String render(Corpus corpus, WriteOptions options) throws JsonProcessingException {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < corpus.documents().size(); i++) {
            Document d = corpus.documents().get(i);
            ObjectNode task = JSON.createObjectNode();
            task.putObject("data").put(DOC_ID, d.id()).put(TEXT, d.text());
            ObjectNode entry = task.putArray(options.results().key()).addObject();
            if (options.modelVersion() != null) {
                entry.put("model_version", options.modelVersion());
            }
            ArrayNode result = entry.putArray("result");
            List<EntityMention> mentions = corpus.entities(d.id());
            for (int k = 0; k < mentions.size(); k++) {
                EntityMention e = mentions.get(k);
                ObjectNode region = result.addObject();
                region.put("id", "e" + (k + 1)).put("from_name", FROM_NAME).put("to_name", TO_NAME)
                        .put("type", LABELS);
                ObjectNode value = region.putObject("value");
                value.put("start", e.span().start()).put("end", e.span().end()).put("text", e.span().text());
                value.putArray("labels").add(e.type());
            }
            out.append(JSON.writeValueAsString(task)).append(i + 1 < corpus.documents().size() ? ",\n" : "\n");
        }
        return out.append("]\n").toString();
    }

    /**
     * The labelling configuration of a project for these tasks: a {@code <Labels>} control named
     * {@value #FROM_NAME} with one {@code <Label>} per type, on a {@code <Text>} named {@value #TO_NAME}.
     */
    public static String labelingConfig(Collection<String> types) {
        StringBuilder sb = new StringBuilder("<View>\n  <Labels name=\"" + FROM_NAME + "\" toName=\"" + TO_NAME
                + "\">\n");
        for (String t : new TreeSet<>(types)) {
            sb.append("    <Label value=\"");
            Markup.appendXmlAttribute(sb, t);
            sb.append("\"/>\n");
        }
        return sb.append("  </Labels>\n  <Text name=\"").append(TO_NAME).append("\" value=\"$").append(TEXT)
                .append("\"/>\n</View>\n").toString();
    }

    /** Reads the annotations of every task ({@link Selection#annotations()}). */
    public static Corpus read(Path file) throws IOException {
        return read(file, Selection.annotations());
    }

    /**
     * Reads a Label Studio JSON export (UTF-8, strictly). Every task is read; the problems of all are reported
     * together. A document's id is {@code data.doc_id}, else the task's {@code id}.
     */
    public static Corpus read(Path file, Selection selection) throws IOException {
        String name = file.toString();
        String text = Utf8LineReader.decodeStrict(Files.readAllBytes(file), name);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Document> docs = new ArrayList<>();
        Map<String, DocumentAnnotations> annotations = new LinkedHashMap<>();
        Map<String, Location> seen = new LinkedHashMap<>();
        List<CorpusFormatException> problems = new ArrayList<>();
        try (LocatedJson json = new LocatedJson(text, name)) {
            for (LocatedJson.Element task = json.next(); task != null; task = json.next()) {
                try {
                    TaskReader.Task t = new TaskReader(task, selection, name).read();
                    Location first = seen.putIfAbsent(t.document().id(), task.at(""));
                    if (first != null) {
                        throw new CorpusFormatException(task.at(t.idPath()), "[" + task.index() + "]." + t.idPath(),
                                "document id '" + t.document().id() + "' again, first at " + first + "; expected each "
                                + "document once");
                    }
                    docs.add(t.document());
                    annotations.put(t.document().id(), new DocumentAnnotations(t.document().id(), t.mentions(),
                            List.of()));
                } catch (CorpusFormatException e) {
                    problems.add(e);
                }
            }
        }
        CorpusFormatProblems.throwIfAny(problems);
        return new Corpus(docs, annotations);
    }

    /** The mentions of one task, read from its tree. */
    static final class TaskReader {

        /** What a task gives: its document, its mentions, and the path of the field its id came from. */
        record Task(Document document, List<EntityMention> mentions, String idPath) {
        }

        private final LocatedJson.Element task;
        private final Selection selection;
        private final String file;

        TaskReader(LocatedJson.Element task, Selection selection, String file) {
            this.task = task;
            this.selection = selection;
            this.file = file;
        }

        private CorpusFormatException error(String path, String message) {
            return new CorpusFormatException(task.at(path), "[" + task.index() + "]" + (path.isEmpty() ? ""
                    : "." + path), message);
        }

        Task read() throws CorpusFormatException {
            JsonNode node = task.node();
            if (!node.isObject()) {
                throw error("", "found " + describe(node) + "; expected a task object");
            }
            JsonNode data = node.get("data");
            if (data == null || !data.isObject()) {
                throw error(data == null ? "" : "data", "found " + (data == null ? "no 'data'" : describe(data) + " as "
                        + "'data'") + "; expected a task {\"data\": {\"" + TEXT + "\": ...}, ...} of Label Studio's "
                        + "JSON export (its JSON-MIN and CSV exports are not read)");
            }
            JsonNode t = data.get(TEXT);
            if (t == null || !t.isTextual()) {
                throw error(t == null ? "data" : "data." + TEXT, "found " + (t == null ? "no '" + TEXT + "'"
                        : describe(t)) + "; expected the document text as a string in data." + TEXT);
            }
            String text = t.textValue();
            String idPath;
            String id;
            JsonNode docId = data.get(DOC_ID);
            JsonNode taskId = node.get("id");
            if (docId != null && !docId.isNull()) {
                idPath = "data." + DOC_ID;
                id = scalar(docId, idPath);
            } else if (taskId != null && !taskId.isNull()) {
                idPath = "id";
                id = scalar(taskId, idPath);
            } else {
                throw error("data", "the task has neither data." + DOC_ID + " nor an id; expected one to name the "
                        + "document");
            }
            if (id.isEmpty()) {
                throw error(idPath, "an empty document id; expected a non-empty one");
            }
            Document d = Document.of(id, text, file);
            String listKey = selection.results().key();
            JsonNode list = node.get(listKey);
            if ((list == null || list.isNull()) && selection.results() == Results.ANNOTATIONS) {
                JsonNode old = node.get("completions"); // the key before Label Studio 1.0
                if (old != null && !old.isNull()) {
                    listKey = "completions";
                    list = old;
                }
            }
            if (list != null && !list.isNull() && !list.isArray()) {
                throw error(listKey, "found " + describe(list) + "; expected an array of " + listKey);
            }
            List<Integer> matching = new ArrayList<>();
            List<String> present = new ArrayList<>();
            for (int i = 0; list != null && i < list.size(); i++) {
                JsonNode entry = list.get(i);
                String path = listKey + "[" + i + "]";
                if (!entry.isObject()) {
                    throw error(path, "found " + describe(entry) + "; expected an object with a 'result'");
                }
                if (selection.results() == Results.ANNOTATIONS && entry.path("was_cancelled").asBoolean(false)) {
                    continue;
                }
                List<String> names = who(entry);
                present.add(names.isEmpty() ? "(unnamed)" : names.get(0));
                if (selection.who() == null || names.contains(selection.who())) {
                    matching.add(i);
                }
            }
            String what = selection.results() == Results.ANNOTATIONS ? "annotation" : "prediction";
            String by = selection.who() == null ? "" : (selection.results() == Results.ANNOTATIONS ? " by '"
                    : " of model_version '") + selection.who() + "'";
            if (matching.isEmpty()) {
                throw error(list == null ? "" : listKey, "document '" + id + "' has no " + what + by + (present.isEmpty()
                        ? "" : " among " + present) + "; expected one (a task without one would read as a document "
                        + "without entities)");
            }
            if (matching.size() > 1) {
                throw error(listKey, "document '" + id + "' has " + matching.size() + " " + what + "s" + by + ", "
                        + present + "; expected one: choose one by " + (selection.results() == Results.ANNOTATIONS
                        ? "its annotator (completed_by)" : "its model_version") + ", never a silent merge");
            }
            String path = listKey + "[" + matching.get(0) + "]";
            JsonNode result = list.get(matching.get(0)).get("result");
            if (result == null || !result.isArray()) {
                throw error(result == null ? path : path + ".result", "found " + (result == null ? "no 'result'"
                        : describe(result)) + "; expected an array of results");
            }
            int length = CodePoints.length(text);
            List<EntityMention> mentions = new ArrayList<>();
            for (int r = 0; r < result.size(); r++) {
                String rp = path + ".result[" + r + "]";
                mentions.addAll(region(result.get(r), rp, text, length));
            }
            return new Task(d, mentions, idPath);
        }

        /** The names an entry answers to: an annotation's completed_by (id or email), a prediction's model_version. */
        private List<String> who(JsonNode entry) {
            List<String> out = new ArrayList<>();
            JsonNode w = selection.results() == Results.ANNOTATIONS ? entry.get("completed_by")
                    : entry.get("model_version");
            if (w == null || w.isNull()) {
                return out;
            }
            if (w.isObject()) {
                for (String k : List.of("email", "id")) {
                    if (w.hasNonNull(k) && w.get(k).isValueNode()) {
                        out.add(w.get(k).asText());
                    }
                }
            } else if (w.isValueNode()) {
                out.add(w.asText());
            }
            return out;
        }

        private List<EntityMention> region(JsonNode r, String rp, String text, int length)
                throws CorpusFormatException {
            if (!r.isObject()) {
                throw error(rp, "found " + describe(r) + "; expected a result object");
            }
            JsonNode type = r.get("type");
            if (type == null || !type.isTextual()) {
                throw error(type == null ? rp : rp + ".type", "found " + (type == null ? "no 'type'" : describe(type))
                        + "; expected the result type, '" + LABELS + "' for a span label");
            }
            if (SKIPPED_TYPES.contains(type.textValue())) {
                return List.of();
            }
            if (!type.textValue().equals(LABELS)) {
                throw error(rp + ".type", "'" + type.textValue() + "' is not a span label on a text; expected '"
                        + LABELS + "' (a <Labels> control on a <Text>), or one of " + new TreeSet<>(SKIPPED_TYPES)
                        + ", which are skipped");
            }
            JsonNode value = r.get("value");
            if (value == null || !value.isObject()) {
                throw error(value == null ? rp : rp + ".value", "found " + (value == null ? "no 'value'"
                        : describe(value)) + "; expected {\"start\", \"end\", \"labels\"}");
            }
            int start = offset(value, rp + ".value", "start", length);
            int end = offset(value, rp + ".value", "end", length);
            if (end < start) {
                throw error(rp + ".value.end", "end " + end + " is before start " + start + "; expected start <= end");
            }
            Span span = Span.of(text, start, end);
            JsonNode regionText = value.get("text");
            if (regionText != null && !regionText.isNull()) {
                if (!regionText.isTextual()) {
                    throw error(rp + ".value.text", "found " + describe(regionText) + "; expected the region's text");
                }
                String t = regionText.textValue();
                if (!t.equals(span.text()) && !t.equals(span.text().replace("\n", "\\n"))) {
                    throw error(rp + ".value.text", "'" + t + "' differs from the text at [" + start + "," + end
                            + "), '" + span.text() + "'; expected the text at the offsets, which count code points "
                            + "(UTF-16 offsets, from older Label Studio versions or from JavaScript, differ after "
                            + "an emoji)");
                }
            }
            JsonNode labels = value.get(LABELS);
            if (labels == null || !labels.isArray() || labels.isEmpty()) {
                throw error(labels == null ? rp + ".value" : rp + ".value." + LABELS, "found "
                        + (labels == null ? "no 'labels'" : labels.isArray() ? "no label" : describe(labels))
                        + "; expected the region's labels, [\"TYPE\", ...]");
            }
            List<EntityMention> out = new ArrayList<>();
            for (int k = 0; k < labels.size(); k++) {
                JsonNode l = labels.get(k);
                if (!l.isTextual() || l.textValue().isBlank()) {
                    throw error(rp + ".value." + LABELS + "[" + k + "]", "found " + describe(l) + "; expected a "
                            + "non-blank label");
                }
                out.add(new EntityMention(span, l.textValue(), null));
            }
            return out;
        }

        private int offset(JsonNode value, String path, String key, int length) throws CorpusFormatException {
            JsonNode v = value.get(key);
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
                throw error(v == null ? path : path + "." + key, "found " + (v == null ? "no '" + key + "'"
                        : describe(v)) + "; expected the " + key + " offset, an integer");
            }
            int o = v.intValue();
            if (o < 0 || o > length) {
                throw error(path + "." + key, key + " " + o + " is outside the text, which has " + length
                        + " code points; expected 0 <= " + key + " <= " + length);
            }
            return o;
        }

        private String scalar(JsonNode v, String path) throws CorpusFormatException {
            if (v.isTextual() || v.isIntegralNumber()) {
                return v.asText();
            }
            throw error(path, "found " + describe(v) + "; expected the document id as a string or an integer");
        }
    }
}
