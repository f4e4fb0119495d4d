package org.corpusbench.eval.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.corpusbench.internal.Markup;
import org.corpusbench.model.CodePoints;

/**
 * A self-contained HTML report (inline CSS, no scripts, nothing fetched): headline figures, per-label
 * bars, a confusion matrix, and per document the text twice — gold and predicted spans side by side,
 * errors coloured by kind (missed, spurious, wrong type, wrong boundary).
 */
public final class HtmlReportWriter {

    /** One row of the per-label table. */
    public record LabelRow(String label, double precision, double recall, double f1, long support) {
    }

    /** One document: its text and the gold and predicted spans. */
    public record DocumentView(String docId, String text, List<SpanErrors.Labelled> gold,
                               List<SpanErrors.Labelled> predicted) {
    }

    /** Everything the page shows. */
    public record Page(String title, Map<String, String> facts, List<LabelRow> labels,
                       List<DocumentView> documents) {
        /** Copies the facts (keeping their order), the label rows and the documents. */
        public Page {
            facts = new LinkedHashMap<>(facts);
            labels = List.copyOf(labels);
            documents = List.copyOf(documents);
        }
    }

    private HtmlReportWriter() {
    }

    /**
     * The whole page: the facts, the per-label table with bars, the label confusion over all documents, then
     * each document's text twice with its gold and its predicted spans marked by error kind. A span that
     * overlaps one marked before it in the same text is left unmarked, since marks cannot cross; of spans
     * that start together, the longest is marked.
     */
    public static String render(Page page) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(Markup.html(page.title())).append("</title>\n<style>\n")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222;max-width:1400px}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}th:first-child,td:first-child{text-align:left}")
                .append(".bar{display:inline-block;height:10px;background:#4a7fc1;vertical-align:middle}")
                .append(".docs{display:grid;grid-template-columns:1fr 1fr;gap:1em}")
                .append(".text{white-space:pre-wrap;border:1px solid #ddd;padding:.6em;font-size:13px}")
                .append("mark{padding:0 1px;border-radius:2px}mark.CORRECT{background:#c8ecc8}")
                .append("mark.MISSED{background:#ffd27a}mark.SPURIOUS{background:#ff9d9d}")
                .append("mark.WRONG_TYPE{background:#d9b3ff}mark.WRONG_BOUNDARY{background:#9fd3ff}")
                .append("sub{font-size:9px;color:#555}.legend mark{margin-right:.6em}")
                .append("</style></head><body>\n<h1>").append(Markup.html(page.title())).append("</h1>\n<table>");
        page.facts().forEach((k, v) -> h.append("<tr><th>").append(Markup.html(k)).append("</th><td>")
                .append(Markup.html(v)).append("</td></tr>"));
        h.append("</table>\n<h2>Per label</h2>\n<table><tr><th>label</th><th>precision</th><th>recall</th>")
                .append("<th>F1</th><th></th><th>support</th></tr>\n");
        for (LabelRow r : page.labels()) {
            h.append("<tr><td>").append(Markup.html(r.label())).append("</td><td>").append(pct(r.precision()))
                    .append("</td><td>").append(pct(r.recall())).append("</td><td>").append(pct(r.f1()))
                    .append("</td><td style=\"text-align:left;width:210px\"><span class=\"bar\" style=\"width:")
                    .append(Math.round(200 * r.f1())).append("px\"></span></td><td>").append(r.support())
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        confusion(h, page.documents());
        h.append("<h2>Documents</h2>\n<p class=\"legend\">");
        for (ErrorKind k : ErrorKind.values()) {
            h.append("<mark class=\"").append(k).append("\">").append(k.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ')).append("</mark>");
        }
        h.append("</p>\n");
        for (DocumentView d : page.documents()) {
            SpanErrors.Result r = SpanErrors.classify(d.gold(), d.predicted());
            h.append("<h3 id=\"").append(Markup.html(d.docId())).append("\">").append(Markup.html(d.docId()))
                    .append("</h3>\n<div class=\"docs\"><div><b>gold</b><div class=\"text\">");
            marked(h, d.text(), r.gold());
            h.append("</div></div><div><b>predicted</b><div class=\"text\">");
            marked(h, d.text(), r.predicted());
            h.append("</div></div></div>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void confusion(StringBuilder h, List<DocumentView> docs) {
        Map<String, Map<String, Integer>> total = new java.util.TreeMap<>();
        for (DocumentView d : docs) {
            SpanErrors.confusion(d.gold(), d.predicted()).forEach((g, row) -> row.forEach((p, n) ->
                    total.computeIfAbsent(g, k -> new java.util.TreeMap<>()).merge(p, n, Integer::sum)));
        }
        TreeSet<String> cols = new TreeSet<>();
        total.values().forEach(r -> cols.addAll(r.keySet()));
        h.append("<h2>Confusion (rows gold, columns predicted)</h2>\n<table><tr><th>gold \\ predicted</th>");
        cols.forEach(c -> h.append("<th>").append(Markup.html(c)).append("</th>"));
        h.append("</tr>\n");
        total.forEach((g, row) -> {
            h.append("<tr><td>").append(Markup.html(g)).append("</td>");
            cols.forEach(c -> h.append("<td>").append(row.getOrDefault(c, 0)).append("</td>"));
            h.append("</tr>\n");
        });
        h.append("</table>\n");
    }

    /** The text with non-overlapping marks; overlapping marks are nested by start (outer first). */
    private static void marked(StringBuilder h, String text, List<SpanErrors.Marked> marks) {
        List<SpanErrors.Marked> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingInt((SpanErrors.Marked m) -> m.span().start())
                .thenComparing(m -> -m.span().end()));
        // the code point offset reached and its char index, so that the text is walked once, not once a mark
        int pos = 0;
        int at = 0;
        int length = CodePoints.length(text);
        for (SpanErrors.Marked m : sorted) {
            if (m.span().start() < pos || m.span().end() > length) {
                continue;
            }
            int from = text.offsetByCodePoints(at, m.span().start() - pos);
            int to = text.offsetByCodePoints(from, m.span().end() - m.span().start());
            h.append(Markup.html(text.substring(at, from)));
            h.append("<mark class=\"").append(m.kind()).append("\" title=\"").append(m.kind())
                    .append(m.expected() == null ? "" : " (gold " + Markup.html(m.expected()) + ")").append("\">")
                    .append(Markup.html(text.substring(from, to)))
                    .append("<sub>").append(Markup.html(m.span().label())).append("</sub></mark>");
            pos = m.span().end();
            at = to;
        }
        h.append(Markup.html(text.substring(at)));
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f", 100 * v);
    }

    /**
     * A self-contained page of tables (inline CSS, no scripts, nothing fetched): the report of a task that has
     * no document view, with the same rows as its text table. The first row of each table is its header;
     * cells that hold a number are right-aligned.
     *
     * @param title  the page's title and heading
     * @param facts  what the figures were computed from (dataset, fingerprint, predictions, tool), in order
     * @param tables the tables, each a header row and its data rows
     * @param notes  lines shown under the tables (skipped predictions, the bootstrap used)
     */
    public static String renderTables(String title, Map<String, String> facts, List<List<String[]>> tables,
                                      List<String> notes) {
        return tablesPage(title, facts, tables, notes).append("</body></html>\n").toString();
    }

    /**
     * One side of a contradiction as a reader needs it: the sentence around the evidence, with the evidence
     * itself apart so that it can be highlighted.
     *
     * @param docId  the article
     * @param before the context before the evidence (from the start of its sentence)
     * @param span   the evidence's text
     * @param after  the context after it (to the end of its sentence)
     */
    public record EvidenceView(String docId, String before, String span, String after) {
    }

    /**
     * A contradiction pair and how the scorer treated it.
     *
     * @param status      {@code matched} (a prediction matched this gold pair), {@code missed} (a gold pair
     *                    no prediction matched) or {@code spurious} (a prediction that matched no gold pair)
     * @param id          the pair's id, or {@code null}
     * @param type        its type (the gold's for matched and missed pairs), or {@code null}
     * @param a           the first article's evidence
     * @param b           the second article's evidence
     * @param explanation the pair's explanation, or {@code null}
     */
    public record PairView(String status, String id, String type, EvidenceView a, EvidenceView b,
                           String explanation) {
    }

    /**
     * The contradictions page: the tables of {@link #renderTables}, then the pairs shown (matched and missed gold
     * pairs, then spurious predictions) with both evidence spans highlighted in the sentences of their articles,
     * so that a reader can check each decision without opening the files; when {@code total} is larger than
     * the pairs shown, the page says how many are left out.
     */
    public static String renderContradictions(String title, Map<String, String> facts, List<List<String[]>> tables,
                                              List<String> notes, List<PairView> pairs, int total) {
        StringBuilder h = tablesPage(title, facts, tables, notes);
        h.append("<style>.pair{border:1px solid #ccc;margin:.6em 0;padding:.3em .8em}.pair p{margin:.3em 0}")
                .append(".pair.matched{border-left:6px solid #2a7}.pair.missed{border-left:6px solid #c33}")
                .append(".pair.spurious{border-left:6px solid #e90}mark.evidence{background:#ffe27a}")
                .append(".doc{color:#555;font-size:90%}</style>\n<h2>Pairs</h2>\n");
        h.append("<p>matched: a gold pair and the prediction that matched it; missed: a gold pair no prediction ")
                .append("matched; spurious: a prediction that matched no gold pair.</p>\n");
        for (PairView v : pairs) {
            h.append("<div class=\"pair ").append(v.status()).append("\"><p><b>").append(v.status()).append("</b>");
            if (v.id() != null) {
                h.append(" ").append(Markup.html(v.id()));
            }
            if (v.type() != null) {
                h.append(" &middot; ").append(Markup.html(v.type()));
            }
            h.append("</p>");
            evidence(h, v.a());
            evidence(h, v.b());
            if (v.explanation() != null && !v.explanation().isEmpty()) {
                h.append("<p><i>").append(Markup.html(v.explanation())).append("</i></p>");
            }
            h.append("</div>\n");
        }
        if (total > pairs.size()) {
            h.append("<p>").append(total - pairs.size()).append(" more pairs not shown (the first ").append(pairs.size())
                    .append(" of ").append(total).append(").</p>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void evidence(StringBuilder h, EvidenceView e) {
        h.append("<p><span class=\"doc\">").append(Markup.html(e.docId())).append(":</span> ")
                .append(Markup.html(e.before())).append("<mark class=\"evidence\">").append(Markup.html(e.span()))
                .append("</mark>").append(Markup.html(e.after())).append("</p>");
    }

    private static StringBuilder tablesPage(String title, Map<String, String> facts, List<List<String[]>> tables,
                                            List<String> notes) {
        StringBuilder h = new StringBuilder(1 << 12);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(Markup.html(title))
                .append("</title>\n<style>\n")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222;max-width:1400px}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}")
                .append("</style></head><body>\n<h1>").append(Markup.html(title)).append("</h1>\n<table>");
        facts.forEach((k, v) -> h.append("<tr><th>").append(Markup.html(k)).append("</th><td>").append(Markup.html(v))
                .append("</td></tr>"));
        h.append("</table>\n");
        for (List<String[]> table : tables) {
            h.append("<table>\n");
            for (int r = 0; r < table.size(); r++) {
                h.append("<tr>");
                for (String cell : table.get(r)) {
                    if (r == 0) {
                        h.append("<th>").append(Markup.html(cell)).append("</th>");
                    } else {
                        boolean number = !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '[');
                        h.append(number ? "<td class=\"n\">" : "<td>").append(Markup.html(cell)).append("</td>");
                    }
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
        for (String note : notes) {
            h.append("<p>").append(Markup.html(note)).append("</p>\n");
        }
        return h;
    }

}
