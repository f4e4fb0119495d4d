package org.corpusbench.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.format.text.TextDirectoryReader;
import org.corpusbench.internal.SpanMessages;
import org.corpusbench.internal.TableRows;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * The human-edited gold of a dataset, as kept in the repository: tab-separated files for the per-document
 * layers (one annotation per line, easy to review in a diff) and JSONL for contradictions and NLI pairs.
 *
 * <pre>
 * entities.tsv        doc_id  start  end  text  type  entity_id
 * timexes.tsv         doc_id  tid  start  end  text  type  value  mod  quant  freq
 * contradictions.jsonl, nli.jsonl   as in the release
 * </pre>
 */
public final class GoldSources {

    static final List<String> ENTITY_HEADER = List.of("doc_id", "start", "end", "text", "type", "entity_id");
    static final List<String> TIMEX_HEADER = List.of("doc_id", "tid", "start", "end", "text", "type", "value", "mod",
            "quant", "freq");

    /** Everything a release is built from. */
    public record Gold(List<Document> documents, List<DocumentAnnotations> annotations,
                       List<Contradiction> contradictions, List<NliPair> nliPairs) {
        /**
         * Copies the four lists (refusing {@code null} elements), so that the gold a release is built from
         * cannot change under the builder.
         */
        public Gold {
            documents = List.copyOf(documents);
            annotations = List.copyOf(annotations);
            contradictions = List.copyOf(contradictions);
            nliPairs = List.copyOf(nliPairs);
        }
    }

    private GoldSources() {
    }

    /** Reads the seeds and the gold sources in {@code goldDir}; spans are checked against the seed text. */
    public static Gold read(Path seeds, Path goldDir) throws IOException {
        List<Document> docs = new ArrayList<>();
        try (Stream<TextDirectoryReader.TextFile> s = TextDirectoryReader.read(seeds)) {
            s.forEach(f -> docs.add(f.document()));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, Document> byId = new LinkedHashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        Map<String, List<EntityMention>> entities = new TreeMap<>();
        Map<String, List<Timex3>> timexes = new TreeMap<>();
        readTsv(goldDir.resolve("entities.tsv"), ENTITY_HEADER, (r, at) -> {
            Span span = span(r, byId, at, 1);
            if (r.get(5).isEmpty()) {
                throw new CorpusFormatException(at, "entity_id", "empty; every gold mention of a corpusbench dataset "
                        + "links to its entity (annotation guidelines)");
            }
            entities.computeIfAbsent(r.get(0), k -> new ArrayList<>())
                    .add(new EntityMention(span, r.get(4), emptyToNull(r.get(5))));
        });
        readTsv(goldDir.resolve("timexes.tsv"), TIMEX_HEADER, (r, at) -> {
            Span span = span(r, byId, at, 2);
            TimexType type;
            try {
                type = TimexType.valueOf(r.get(5));
            } catch (IllegalArgumentException e) {
                throw new CorpusFormatException(at, "type", "unknown TIMEX3 type '" + r.get(5)
                        + "'; expected DATE, TIME, DURATION or SET");
            }
            timexes.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(new Timex3(emptyToNull(r.get(1)), span, type,
                    r.get(6), emptyToNull(r.get(7)), null, emptyToNull(r.get(8)), emptyToNull(r.get(9))));
        });
        List<DocumentAnnotations> annotations = new ArrayList<>();
        for (Document d : docs) {
            annotations.add(new DocumentAnnotations(d.id(), entities.getOrDefault(d.id(), List.of()),
                    timexes.getOrDefault(d.id(), List.of())));
        }
        List<Contradiction> contradictions = readJsonl(goldDir.resolve("contradictions.jsonl"), true);
        List<NliPair> nli = readJsonl(goldDir.resolve("nli.jsonl"), false);
        return new Gold(docs, annotations, contradictions, nli);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> readJsonl(Path file, boolean contradictions) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Stream<?> s = contradictions ? JsonlReader.contradictions(file) : JsonlReader.nliPairs(file)) {
            return (List<T>) s.toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Span span(TableRows.Row r, Map<String, Document> docs, Location at, int startColumn)
            throws CorpusFormatException {
        Document d = docs.get(r.get(0));
        if (d == null) {
            throw new CorpusFormatException(at, "doc_id", "unknown document '" + r.get(0) + "'; expected one of "
                    + docs.keySet());
        }
        int start = integer(r, startColumn, at, "start");
        int end = integer(r, startColumn + 1, at, "end");
        String text = r.get(startColumn + 2);
        int length = CodePoints.length(d.text());
        if (start < 0 || end < start || end > length) {
            throw new CorpusFormatException(at, start < 0 || start > length ? "start" : "end",
                    SpanMessages.notInsideText(start, end, length));
        }
        Span span = Span.of(d.text(), start, end);
        if (!span.text().equals(text)) {
            throw new CorpusFormatException(at, "text", SpanMessages.textMismatch(text, start, end, span.text()));
        }
        return span;
    }

    private static int integer(TableRows.Row r, int column, Location at, String field)
            throws CorpusFormatException {
        try {
            return Integer.parseInt(r.get(column));
        } catch (NumberFormatException e) {
            throw new CorpusFormatException(at, field, "expected an integer offset, found '" + r.get(column) + "'");
        }
    }

    private static void readTsv(Path file, List<String> header, TableRows.RowHandler handler) throws IOException {
        TableRows.read(file, TSV, header, handler);
    }

    private static final CSVFormat TSV = CSVFormat.TDF.builder().setQuote(null).setIgnoreSurroundingSpaces(false)
            .setTrim(false).get();
}
