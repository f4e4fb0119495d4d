package org.corpusbench.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Timex3;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.diagnostic.InvalidInputException;

/** Counts per document and per annotation type, gathered in one pass over the records. */
public final class CorpusStatistics implements CorpusFiles.Visitor {

    /** The counts of one document. */
    public record DocumentRow(String id, int codePoints, int lines, int words, int entities, int timexes) {
    }

    private final Map<String, DocumentRow> documents = new LinkedHashMap<>();
    private final Map<String, int[]> layerCounts = new LinkedHashMap<>();
    private final Map<String, Integer> entityTypes = new TreeMap<>();
    private final Map<String, Integer> timexTypes = new TreeMap<>();
    private final Map<String, Integer> contradictionTypes = new TreeMap<>();
    private final Map<String, Integer> nliLabels = new TreeMap<>();

    /**
     * Counts the records of {@code paths} after validating them as the validator does (as predictions:
     * entity ids optional, overlaps allowed), because counts of a corpus with duplicate or dangling records
     * are wrong without saying so.
     *
     * @throws InvalidInputException listing every problem found
     */
    public static CorpusStatistics of(List<Path> paths) throws IOException {
        for (Path p : paths) {
            if (!java.nio.file.Files.exists(p)) {
                throw new java.nio.file.NoSuchFileException(p.toString());
            }
            if (java.nio.file.Files.isRegularFile(p.resolve(Manifest.FILE_NAME))) {
                // a release is counted only as published: checksums, fingerprint, no unlisted file
                Dataset.open(p);
            }
        }
        List<Diagnostic> problems = CorpusValidator.validate(paths, CorpusValidator.Role.PREDICTIONS).stream()
                .filter(Diagnostic::isError).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the input", problems, "counts are given only for input that "
                    + "validates; see 'corpusbench validate --predictions'");
        }
        CorpusStatistics s = new CorpusStatistics();
        CorpusFiles.visit(paths, s);
        return s;
    }

    @Override
    public void document(Document d) {
        String t = d.text();
        int lines = t.isEmpty() ? 0 : (int) t.chars().filter(c -> c == '\n').count() + (t.endsWith("\n") ? 0 : 1);
        String trimmed = t.strip();
        int words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        int[] layers = layerCounts.getOrDefault(d.id(), new int[2]);
        documents.put(d.id(), new DocumentRow(d.id(), CodePoints.length(t), lines, words, layers[0], layers[1]));
    }

    @Override
    public void annotations(DocumentAnnotations a) {
        int[] c = layerCounts.computeIfAbsent(a.docId(), k -> new int[2]);
        c[0] += a.entities().size();
        c[1] += a.timexes().size();
        for (EntityMention e : a.entities()) {
            entityTypes.merge(e.type(), 1, Integer::sum);
        }
        for (Timex3 x : a.timexes()) {
            timexTypes.merge(x.type().name(), 1, Integer::sum);
        }
        DocumentRow r = documents.get(a.docId());
        if (r != null) {
            documents.put(a.docId(), new DocumentRow(r.id(), r.codePoints(), r.lines(), r.words(), c[0], c[1]));
        }
    }

    @Override
    public void contradiction(Contradiction c) {
        contradictionTypes.merge(c.type() == null ? "(untyped)" : c.type().name(), 1, Integer::sum);
    }

    @Override
    public void nliPair(NliPair p) {
        nliLabels.merge(p.label() == null ? "(unlabelled)" : p.label().wireName(), 1, Integer::sum);
    }

    /**
     * One row per document, in the order read; its entity and TIMEX3 counts include annotation records read
     * before or after the document. Annotations of a document that was not given have no row.
     */
    public List<DocumentRow> documents() {
        return List.copyOf(documents.values());
    }

    /**
     * Entity mentions per type label over every annotation record, those of documents not given included; the
     * map has no particular order.
     */
    public Map<String, Integer> entityTypes() {
        return Map.copyOf(entityTypes);
    }

    /**
     * TIMEX3s per type ({@code DATE}, {@code TIME}, {@code DURATION}, {@code SET}) over every annotation
     * record; the map has no particular order.
     */
    public Map<String, Integer> timexTypes() {
        return Map.copyOf(timexTypes);
    }

    /** A plain-text report: one row per document, then one table per layer that has records. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"document", "code points", "lines", "words", "entities", "timexes"});
        long[] total = new long[5];
        for (DocumentRow r : documents.values()) {
            rows.add(new String[] {r.id(), num(r.codePoints()), num(r.lines()), num(r.words()), num(r.entities()),
                num(r.timexes())});
            total[0] += r.codePoints();
            total[1] += r.lines();
            total[2] += r.words();
            total[3] += r.entities();
            total[4] += r.timexes();
        }
        rows.add(new String[] {"total (" + documents.size() + " documents)", num(total[0]), num(total[1]),
            num(total[2]), num(total[3]), num(total[4])});
        table(sb, rows);
        section(sb, "entity type", entityTypes);
        section(sb, "TIMEX3 type", timexTypes);
        section(sb, "contradiction type", contradictionTypes);
        section(sb, "NLI label", nliLabels);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {title, "count"});
        int sum = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            rows.add(new String[] {e.getKey(), num(e.getValue())});
            sum += e.getValue();
        }
        rows.add(new String[] {"total", num(sum)});
        sb.append('\n');
        table(sb, rows);
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%d", n);
    }

    private static void table(StringBuilder sb, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                String cell = r[i];
                String pad = " ".repeat(width[i] - cell.length());
                sb.append(i == 0 ? cell + pad : "  " + pad + cell);
            }
            sb.append('\n');
        }
    }
}
