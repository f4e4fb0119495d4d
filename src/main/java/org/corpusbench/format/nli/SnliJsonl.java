package org.corpusbench.format.nli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;
import org.corpusbench.model.Span;

/**
 * NLI pairs as JSONL with SNLI's field names ({@code pairID}, {@code sentence1}, {@code sentence2},
 * {@code gold_label}), which SNLI/MNLI tooling and Hugging Face {@code datasets} read as they are. Where a
 * sentence comes from the corpus, {@code sentence1_doc_id/start/end} (and the same for sentence 2) keep its
 * source, so that an export reads back without loss; tools ignore fields they do not know.
 *
 * <p>The reader also takes the other common shapes: {@code premise}/{@code hypothesis}/{@code label}
 * (MNLI and the Hugging Face SNLI, with labels as words or as 0/1/2), ANLI's {@code e}/{@code n}/{@code c}
 * labels and {@code uid}. Pairs without a gold label ({@code -} or {@code -1}: no annotator consensus)
 * are skipped and counted, as SNLI's own evaluations do.
 */
public final class SnliJsonl {

    /** Pairs read, and how many lines had no gold label. */
    public record Read(List<NliPair> pairs, long unlabelled) {
    }

    private SnliJsonl() {
    }

    /**
     * Writes {@code pairs} to {@code file}, atomically, with SNLI's field names, the source fields of a
     * sentence taken from a document, and {@code contradiction_id} when there is one. Every pair must have a
     * label.
     */
    public static void write(Path file, Iterable<NliPair> pairs) throws IOException {
        AtomicFiles.write(file, out -> {
            ObjectMapper mapper = new ObjectMapper();
            try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.setRootValueSeparator(null);
                for (NliPair p : pairs) {
                    g.writeStartObject();
                    g.writeStringField("pairID", p.id());
                    g.writeStringField("sentence1", p.premise().text());
                    g.writeStringField("sentence2", p.hypothesis().text());
                    g.writeStringField("gold_label", p.label().wireName());
                    source(g, "sentence1", p.premise());
                    source(g, "sentence2", p.hypothesis());
                    if (p.contradictionId() != null) {
                        g.writeStringField("contradiction_id", p.contradictionId());
                    }
                    g.writeEndObject();
                    g.writeRaw('\n');
                }
            }
        });
    }

    private static void source(JsonGenerator g, String prefix, Segment s) throws IOException {
        if (s.docId() != null) {
            g.writeStringField(prefix + "_doc_id", s.docId());
            g.writeNumberField(prefix + "_start", s.span().start());
            g.writeNumberField(prefix + "_end", s.span().end());
        }
    }

    /**
     * Reads {@code file} in any of the shapes the class comment names. A pair's id is its {@code pairID},
     * {@code uid} or {@code id}, else {@code line-<n>}, and must be unique. Every bad line is reported, all
     * together.
     */
    public static Read read(Path file) throws IOException {
        List<NliPair> pairs = new ArrayList<>();
        Map<String, Location> seen = new LinkedHashMap<>();
        long unlabelled = 0;
        // every bad line is collected and reported together, not only the first
        List<CorpusFormatException> problems = new ArrayList<>();
        try (JsonlReader r = JsonlReader.open(file)) {
            while (true) {
                JsonlReader.JsonLine line;
                try {
                    line = r.next();
                } catch (CorpusFormatException e) {
                    problems.add(e);
                    continue;
                }
                if (line == null) {
                    break;
                }
                try {
                    NliPair p = pair(line.node(), line.location(), seen);
                    if (p == null) {
                        unlabelled++;
                    } else {
                        pairs.add(p);
                    }
                } catch (CorpusFormatException e) {
                    problems.add(e);
                }
            }
        }
        CorpusFormatProblems.throwIfAny(problems);
        return new Read(pairs, unlabelled);
    }

    /** The pair on one line, or {@code null} when it has no gold label ('-': annotators did not agree). */
    private static NliPair pair(JsonNode n, Location at, Map<String, Location> seen) throws CorpusFormatException {
        if (!n.isObject()) {
            throw new CorpusFormatException(at, null, "expected a JSON object per line");
        }
        String premiseField = n.has("sentence1") ? "sentence1" : "premise";
        String hypothesisField = n.has("sentence2") ? "sentence2" : "hypothesis";
        String labelField = n.has("gold_label") ? "gold_label" : "label";
        JsonNode l = n.get(labelField);
        if (l == null) {
            throw new CorpusFormatException(at, labelField, "missing; expected gold_label or label");
        }
        String ls = l.asText().trim().toLowerCase(Locale.ROOT);
        if (ls.equals("-") || ls.equals("-1") || ls.isEmpty()) {
            return null;
        }
        NliLabel label = switch (ls) {
            case "0", "e" -> NliLabel.ENTAILMENT;
            case "1", "n" -> NliLabel.NEUTRAL;
            case "2", "c" -> NliLabel.CONTRADICTION;
            default -> NliLabel.parse(ls);
        };
        if (label == null) {
            throw new CorpusFormatException(at, labelField, "'" + l.asText() + "'; expected entailment, "
                    + "neutral, contradiction (or 0/1/2, e/n/c; '-' for no consensus)");
        }
        String id = text(n, "pairID", text(n, "uid", text(n, "id", "line-" + at.line())));
        Location first = seen.putIfAbsent(id, at);
        if (first != null) {
            throw new CorpusFormatException(at, "pairID", "duplicate id '" + id + "', first at line "
                    + first.line());
        }
        return new NliPair(id, segment(n, premiseField, at), segment(n, hypothesisField, at), label,
                text(n, "contradiction_id", null));
    }

    private static String text(JsonNode n, String field, String otherwise) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? otherwise : v.asText();
    }

    private static Segment segment(JsonNode n, String field, Location at) throws CorpusFormatException {
        JsonNode t = n.get(field);
        if (t == null || !t.isTextual()) {
            throw new CorpusFormatException(at, field, "missing; expected the sentence as a string");
        }
        JsonNode doc = n.get(field + "_doc_id");
        if (doc == null) {
            return Segment.of(t.asText());
        }
        JsonNode s = n.get(field + "_start");
        JsonNode e = n.get(field + "_end");
        if (s == null || e == null || !s.isIntegralNumber() || !e.isIntegralNumber() || !s.canConvertToInt()
                || !e.canConvertToInt()) {
            throw new CorpusFormatException(at, field + "_start", "expected integer " + field + "_start and "
                    + field + "_end with " + field + "_doc_id");
        }
        try {
            return Segment.of(doc.asText(), new Span(s.asInt(), e.asInt(), t.asText()));
        } catch (IllegalArgumentException ex) {
            throw new CorpusFormatException(at, field, ex.getMessage());
        }
    }
}
