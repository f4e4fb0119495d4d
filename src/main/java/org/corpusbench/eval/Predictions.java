package org.corpusbench.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corpusbench.format.CorpusFormatException;
import org.corpusbench.format.Location;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.schema.Diagnostic;

/**
 * A system's predictions read from JSONL and checked against the gold documents. A prediction that names
 * an unknown document, reaches past the text, or whose surface text differs from the text at its offsets
 * is a problem with its file and line. In lenient mode such predictions are skipped and counted instead;
 * otherwise the caller reports every problem and stops.
 */
public final class Predictions {

    /** Per-document layers, contradiction pairs and NLI labels found, plus problems and skip counts. */
    public record Read(Map<String, DocumentAnnotations> layers, List<Contradiction> contradictions,
                       Map<String, NliLabel> nliLabels, List<Diagnostic> problems, Map<String, Long> skipped) {
    }

    private Predictions() {
    }

    public static Read read(Path file, Map<String, Document> docs, boolean lenient) throws IOException {
        Map<String, List<EntityMention>> entities = new LinkedHashMap<>();
        Map<String, List<Timex3>> timexes = new LinkedHashMap<>();
        List<Contradiction> contradictions = new ArrayList<>();
        Map<String, NliLabel> labels = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Long> skipped = new TreeMap<>();
        try (JsonlReader r = JsonlReader.open(file)) {
            while (true) {
                JsonlReader.JsonLine l;
                try {
                    l = r.next();
                } catch (CorpusFormatException e) {
                    problems.add(Diagnostic.error(e.location(), e.field(), e.originalMessage()));
                    skipped.merge("malformed_lines", 1L, Long::sum);
                    continue;
                }
                if (l == null) {
                    break;
                }
                try {
                    switch (JsonCodec.RecordKind.of(l.node())) {
                        case ANNOTATIONS -> {
                            DocumentAnnotations a = JsonCodec.annotations(l.node(), l.location());
                            Document d = docs.get(a.docId());
                            if (d == null) {
                                problems.add(Diagnostic.error(l.location(), "doc_id", "unknown document '" + a.docId()
                                        + "'; expected one of the " + docs.size() + " documents of the gold"));
                                skipped.merge("unknown_documents", 1L, Long::sum);
                                continue;
                            }
                            List<EntityMention> es = entities.computeIfAbsent(a.docId(), k -> new ArrayList<>());
                            for (int i = 0; i < a.entities().size(); i++) {
                                EntityMention e = a.entities().get(i);
                                if (check(e.span(), d, l.location(), "entities[" + i + "]", problems, skipped)) {
                                    es.add(e);
                                }
                            }
                            List<Timex3> ts = timexes.computeIfAbsent(a.docId(), k -> new ArrayList<>());
                            for (int i = 0; i < a.timexes().size(); i++) {
                                Timex3 t = a.timexes().get(i);
                                if (check(t.span(), d, l.location(), "timexes[" + i + "]", problems, skipped)) {
                                    ts.add(t);
                                }
                            }
                        }
                        case CONTRADICTION -> {
                            Contradiction c = JsonCodec.contradiction(l.node(), l.location());
                            if (evidence(c.a(), docs, l.location(), "a", problems, skipped)
                                    && evidence(c.b(), docs, l.location(), "b", problems, skipped)) {
                                contradictions.add(c);
                            }
                        }
                        case NLI_PREDICTION, NLI -> {
                            String id = l.node().path("id").asText();
                            NliLabel label = NliLabel.parse(l.node().path("label").asText());
                            if (label == null) {
                                problems.add(Diagnostic.error(l.location(), "label", "unknown label '"
                                        + l.node().path("label").asText() + "'; expected entailment, neutral or "
                                        + "contradiction"));
                                skipped.merge("bad_labels", 1L, Long::sum);
                            } else {
                                labels.put(id, label);
                            }
                        }
                        default -> {
                            problems.add(Diagnostic.error(l.location(), null, "unrecognised prediction; expected "
                                    + "{doc_id, entities|timexes}, a contradiction {a, b} or {id, label}"));
                            skipped.merge("unrecognised_lines", 1L, Long::sum);
                        }
                    }
                } catch (CorpusFormatException e) {
                    problems.add(Diagnostic.error(e.location(), e.field(), e.originalMessage()));
                    skipped.merge("malformed_lines", 1L, Long::sum);
                } catch (IllegalArgumentException e) {
                    problems.add(Diagnostic.error(l.location(), null, e.getMessage()));
                    skipped.merge("malformed_lines", 1L, Long::sum);
                }
            }
        }
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

    private static boolean evidence(Evidence e, Map<String, Document> docs, Location at, String field,
                                    List<Diagnostic> problems, Map<String, Long> skipped) {
        Document d = docs.get(e.docId());
        if (d == null) {
            problems.add(Diagnostic.error(at, field + ".doc_id", "unknown document '" + e.docId() + "'"));
            skipped.merge("unknown_documents", 1L, Long::sum);
            return false;
        }
        return check(e.span(), d, at, field, problems, skipped);
    }

    private static boolean check(Span s, Document d, Location at, String field, List<Diagnostic> problems,
                                 Map<String, Long> skipped) {
        int length = CodePoints.length(d.text());
        if (s.end() > length) {
            problems.add(Diagnostic.error(at, field + ".end", "offset " + s.end() + " is past the end of document '"
                    + d.id() + "' (" + length + " code points)"));
            skipped.merge("spans_out_of_range", 1L, Long::sum);
            return false;
        }
        String raw = CodePoints.substring(d.text(), s.start(), s.end());
        if (!raw.equals(s.text())) {
            problems.add(Diagnostic.error(at, field + ".text", "'" + s.text() + "' does not match the text at ["
                    + s.start() + "," + s.end() + "), which is '" + raw + "' (offsets count code points)"));
            skipped.merge("text_mismatches", 1L, Long::sum);
            return false;
        }
        return true;
    }
}
