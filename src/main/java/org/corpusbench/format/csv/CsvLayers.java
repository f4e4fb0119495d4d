package org.corpusbench.format.csv;

import org.corpusbench.format.Corpus;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.internal.TableRows;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * One RFC 4180 CSV file per annotation layer, for spreadsheets and pandas. The headers are fixed so that
 * scripts can rely on them; offsets are code points, as everywhere else. The NLI file keeps only the
 * texts and the label (its sources are in the JSONL release).
 */
public final class CsvLayers {

    /** The entity mentions: {@code doc_id,start,end,text,type,entity_id}. */
    public static final String ENTITIES = "entities.csv";
    /**
     * The TIMEX3 expressions: {@code doc_id,start,end,text,type,value,mod}. The tid, anchor, quant and freq
     * are not written; reading numbers the tids of each document anew ({@code t1}, {@code t2}, ...).
     */
    public static final String DATES = "dates.csv";
    /**
     * The contradictions, both sides on one row:
     * {@code id,type,doc_a,start_a,end_a,text_a,doc_b,start_b,end_b,text_b,explanation}.
     */
    public static final String CONTRADICTIONS = "contradictions.csv";
    /** The NLI pairs, texts and label only: {@code id,premise,hypothesis,label}. */
    public static final String NLI = "nli.csv";

    static final List<String> ENTITY_HEADER = List.of("doc_id", "start", "end", "text", "type", "entity_id");
    static final List<String> DATE_HEADER = List.of("doc_id", "start", "end", "text", "type", "value", "mod");
    static final List<String> CONTRADICTION_HEADER = List.of("id", "type", "doc_a", "start_a", "end_a", "text_a",
            "doc_b", "start_b", "end_b", "text_b", "explanation");
    static final List<String> NLI_HEADER = List.of("id", "premise", "hypothesis", "label");

    private CsvLayers() {
    }

    /** Writes the four files into {@code dir}, each atomically. */
    public static void write(Path dir, Iterable<DocumentAnnotations> annotations, Iterable<Contradiction> contradictions,
                             Iterable<NliPair> nliPairs) throws IOException {
        write(dir.resolve(ENTITIES), ENTITY_HEADER, p -> {
            for (DocumentAnnotations a : annotations) {
                for (EntityMention e : a.entities()) {
                    p.printRecord(a.docId(), e.span().start(), e.span().end(), e.span().text(), e.type(),
                            blank(e.entityId()));
                }
            }
        });
        write(dir.resolve(DATES), DATE_HEADER, p -> {
            for (DocumentAnnotations a : annotations) {
                for (Timex3 t : a.timexes()) {
                    p.printRecord(a.docId(), t.span().start(), t.span().end(), t.span().text(), t.type().name(),
                            t.value(), blank(t.mod()));
                }
            }
        });
        write(dir.resolve(CONTRADICTIONS), CONTRADICTION_HEADER, p -> {
            for (Contradiction c : contradictions) {
                p.printRecord(c.id(), c.type() == null ? "" : c.type().name(), c.a().docId(), c.a().span().start(), c.a().span().end(),
                        c.a().span().text(), c.b().docId(), c.b().span().start(), c.b().span().end(),
                        c.b().span().text(), c.explanation());
            }
        });
        write(dir.resolve(NLI), NLI_HEADER, p -> {
            for (NliPair n : nliPairs) {
                p.printRecord(n.id(), n.premise().text(), n.hypothesis().text(), n.label().wireName());
            }
        });
    }

    @FunctionalInterface
    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static void write(Path file, List<String> header, Rows rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
            rows.print(p);
            p.flush();
        });
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    private static String orNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * What a file with this header holds when it is one of these layers ({@code "entities"}, {@code "dates"},
     * {@code "contradictions"}, {@code "NLI pairs"}), or {@code null}: for readers of document CSVs, to say
     * what they were given instead.
     */
    static String layerOf(List<String> header) {
        if (header.equals(ENTITY_HEADER)) {
            return "entities";
        } else if (header.equals(DATE_HEADER)) {
            return "dates";
        } else if (header.equals(CONTRADICTION_HEADER)) {
            return "contradictions";
        } else if (header.equals(NLI_HEADER)) {
            return "NLI pairs";
        }
        return null;
    }

    /** Reads whichever of the four files exist in {@code dir}. */
    public static Corpus read(Path dir) throws IOException {
        Map<String, List<EntityMention>> entities = new LinkedHashMap<>();
        Map<String, List<Timex3>> timexes = new LinkedHashMap<>();
        List<Contradiction> contradictions = new ArrayList<>();
        List<NliPair> nli = new ArrayList<>();
        read(dir.resolve(ENTITIES), ENTITY_HEADER, (r, at) -> entities.computeIfAbsent(r.get("doc_id"),
                k -> new ArrayList<>()).add(new EntityMention(span(r, at, "start", "end", "text"), r.get("type"),
                orNull(r.get("entity_id")))));
        read(dir.resolve(DATES), DATE_HEADER, (r, at) -> {
            List<Timex3> list = timexes.computeIfAbsent(r.get("doc_id"), k -> new ArrayList<>());
            list.add(new Timex3("t" + (list.size() + 1), span(r, at, "start", "end", "text"),
                    parse(TimexType.class, r.get("type"), at, "type"), r.get("value"), orNull(r.get("mod")), null,
                    null, null));
        });
        read(dir.resolve(CONTRADICTIONS), CONTRADICTION_HEADER, (r, at) -> contradictions.add(new Contradiction(
                r.get("id"), r.get("type").isEmpty() ? null
                        : parse(ContradictionType.class, r.get("type"), at, "type"),
                new Evidence(r.get("doc_a"), span(r, at, "start_a", "end_a", "text_a")),
                new Evidence(r.get("doc_b"), span(r, at, "start_b", "end_b", "text_b")), r.get("explanation"))));
        read(dir.resolve(NLI), NLI_HEADER, (r, at) -> {
            NliLabel label = NliLabel.parse(r.get("label"));
            if (label == null) {
                throw new CorpusFormatException(at, "label", "'" + r.get("label") + "'; expected entailment, "
                        + "neutral or contradiction");
            }
            nli.add(new NliPair(r.get("id"), Segment.of(r.get("premise")), Segment.of(r.get("hypothesis")), label,
                    null));
        });
        Map<String, DocumentAnnotations> out = new LinkedHashMap<>();
        entities.keySet().forEach(id -> out.put(id, null));
        timexes.keySet().forEach(id -> out.put(id, null));
        out.replaceAll((id, x) -> new DocumentAnnotations(id, entities.getOrDefault(id, List.of()),
                timexes.getOrDefault(id, List.of())));
        return new Corpus(List.of(), out, contradictions, nli);
    }

    private static void read(Path file, List<String> header, TableRows.RowHandler rows) throws IOException {
        TableRows.read(file, CSVFormat.RFC4180, header, rows);
    }

    private static Span span(TableRows.Row r, Location at, String start, String end, String text)
            throws CorpusFormatException {
        int s = integer(r, at, start);
        int e = integer(r, at, end);
        try {
            return new Span(s, e, r.get(text));
        } catch (IllegalArgumentException ex) {
            throw new CorpusFormatException(at, text, ex.getMessage());
        }
    }

    private static int integer(TableRows.Row r, Location at, String field) throws CorpusFormatException {
        try {
            return Integer.parseInt(r.get(field));
        } catch (NumberFormatException e) {
            throw new CorpusFormatException(at, field, "'" + r.get(field) + "'; expected a code-point offset");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, Location at, String field)
            throws CorpusFormatException {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw new CorpusFormatException(at, field, "'" + value + "'; expected one of "
                + java.util.Arrays.toString(type.getEnumConstants()));
    }
}
