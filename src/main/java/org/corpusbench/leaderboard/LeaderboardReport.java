package org.corpusbench.leaderboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corpusbench.eval.report.JsonReport;
import org.corpusbench.internal.Markup;

/**
 * The leaderboard of a release as {@code corpusbench run} prints it, as a self-contained HTML page and as
 * JSON, all three from the same rows, so that they cannot disagree. Oracle rows (given gold input, see
 * {@link BaselineSuite#ORACLE}) are named so in all three, set apart on the page and flagged in the JSON.
 *
 * @param dataset     dataset name
 * @param version     release version
 * @param fingerprint release fingerprint
 * @param tool        the corpusbench version that computed it
 * @param rows        one row per task, system and metric
 */
public record LeaderboardReport(String dataset, String version, String fingerprint, String tool,
                                List<Leaderboard.Row> rows) {

    /**
     * What the figures of the date tagger do not show by themselves: it was written with these articles in
     * view. Printed under the table and shown on the page.
     */
    public static final String DATE_RULES_CAVEAT = "The date tagger's rules were written with these articles and "
            + "their guidelines in view, so its figures here are not held-out; docs/baselines.md gives TempEval-3 "
            + "figures.";

    /**
     * What the contradiction rows read, and what an oracle row is (issue 17 item 5). Printed under the table
     * and shown on the page when the leaderboard has an oracle row.
     */
    public static final String ORACLE_NOTE = "The contradiction detectors read the entities the gazetteer predicts, "
            + "trained without the pair of documents scored; the rows marked 'oracle' read the gold entities "
            + "instead, which no real system has: an upper reference, not a result.";

    /** True when {@code row} was given gold input that a real system does not have (its system name says so). */
    public static boolean isOracle(Leaderboard.Row row) {
        return row.system().endsWith(BaselineSuite.ORACLE);
    }

    private boolean hasOracle() {
        return rows.stream().anyMatch(LeaderboardReport::isOracle);
    }

    /** Copies the rows. */
    public LeaderboardReport {
        rows = List.copyOf(rows);
    }

    private Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("dataset", dataset + " " + version);
        facts.put("fingerprint", fingerprint);
        facts.put("tool", tool);
        return facts;
    }

    /** The table with its heading and caveat, as {@code corpusbench run} prints it. */
    public String toText() {
        return "== Leaderboard: " + dataset + " " + version + " (baselines; trained ones by leave-one-document-out, "
                + "the contradiction pipelines per pair of documents)\n"
                + Leaderboard.markdown(rows) + DATE_RULES_CAVEAT + "\n" + (hasOracle() ? ORACLE_NOTE + "\n" : "");
    }

    /** The leaderboard as a self-contained HTML page (inline CSS, no scripts, nothing fetched). */
    public String toHtml() {
        Map<String, String> facts = facts();
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>corpusbench leaderboard</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}")
                .append("tr.oracle td{color:#666;font-style:italic}\n")
                .append("</style>\n</head>\n<body>\n<h1>corpusbench leaderboard</h1>\n<dl>\n");
        facts.forEach((k, v) -> sb.append("<dt>").append(Markup.html(k)).append("</dt><dd>")
                .append(Markup.html(v)).append("</dd>\n"));
        sb.append("</dl>\n<table>\n<tr><th>task</th><th>system</th><th>metric</th><th>P</th><th>R</th><th>F1</th>")
                .append("<th>95% CI</th></tr>\n");
        for (Leaderboard.Row r : rows) {
            String[] c = Leaderboard.cells(r);
            sb.append(isOracle(r) ? "<tr class=\"oracle\">" : "<tr>");
            for (int i = 0; i < c.length; i++) {
                sb.append(i < 3 ? "<td>" : "<td class=\"n\">").append(Markup.html(c[i])).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
        chart(sb);
        sb.append("<p>Intervals: bootstrap percentile, ").append(rows.isEmpty() ? 0
                : rows.get(0).f1Interval().resamples()).append(" resamples of documents (document pairs for ")
                .append("contradictions, pairs for NLI), seed ")
                .append(rows.isEmpty() ? 0 : rows.get(0).f1Interval().seed())
                .append(".</p>\n<p>").append(Markup.html(DATE_RULES_CAVEAT)).append("</p>\n");
        if (hasOracle()) {
            sb.append("<p>").append(Markup.html(ORACLE_NOTE)).append("</p>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * A bar chart of every row's headline figure with its 95% interval as a whisker, as inline SVG (no script,
     * nothing fetched), so that the page shows at a glance which differences the intervals make uncertain.
     */
    private void chart(StringBuilder sb) {
        int label = 330;
        int width = 400;
        int rowHeight = 22;
        int height = rows.size() * rowHeight + 30;
        sb.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(label + width + 20)
                .append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"F1 with 95% intervals\">\n")
                .append("<style>text{font:12px system-ui,sans-serif}</style>\n");
        for (int k = 0; k <= 4; k++) {
            double v = k / 4.0;
            int x = label + (int) Math.round(v * width);
            sb.append("<line x1=\"").append(x).append("\" y1=\"0\" x2=\"").append(x).append("\" y2=\"")
                    .append(height - 20).append("\" stroke=\"#ddd\"/><text x=\"").append(x).append("\" y=\"")
                    .append(height - 6).append("\" text-anchor=\"middle\">")
                    .append(String.format(Locale.ROOT, "%.2f", v))
                    .append("</text>\n");
        }
        for (int i = 0; i < rows.size(); i++) {
            Leaderboard.Row r = rows.get(i);
            int y = i * rowHeight;
            double f1 = Double.isNaN(r.f1()) ? 0 : r.f1();
            sb.append("<text x=\"").append(label - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">")
                    .append(Markup.html(r.task() + " · " + r.system() + " · " + r.metric()))
                    .append("</text><rect x=\"").append(label).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(Math.round(f1 * width)).append("\" height=\"14\" fill=\"")
                    .append(isOracle(r) ? "#b8b8b8" : "#4a7fc1").append("\"><title>")
                    .append(Markup.html(String.format(Locale.ROOT, "%.4f", f1))).append("</title></rect>");
            var iv = r.f1Interval();
            if (iv.resamples() > 0) {
                long lo = label + Math.round(iv.low() * width);
                long hi = label + Math.round(iv.high() * width);
                sb.append("<line x1=\"").append(lo).append("\" y1=\"").append(y + 11).append("\" x2=\"").append(hi)
                        .append("\" y2=\"").append(y + 11).append("\" stroke=\"#222\" stroke-width=\"1.5\"/>");
            }
            sb.append("\n");
        }
        sb.append("</svg>\n<figcaption>Headline figure of each row (bar) and its 95% bootstrap interval (line).")
                .append("</figcaption>\n</figure>\n");
    }

    /**
     * The leaderboard as JSON: the facts (dataset, fingerprint, tool, the notes) and one object per row with
     * its figures, interval and whether it is an oracle row, for scripts that would otherwise scrape the HTML.
     */
    public String toJson() {
        ObjectNode root = JsonReport.start("leaderboard", tool);
        ObjectNode f = root.putObject("facts");
        facts().forEach(f::put);
        f.put("caveat", DATE_RULES_CAVEAT);
        if (hasOracle()) {
            f.put("oracle_note", ORACLE_NOTE);
        }
        ArrayNode a = root.putArray("rows");
        for (Leaderboard.Row r : rows) {
            ObjectNode n = a.addObject().put("task", r.task()).put("system", r.system()).put("metric", r.metric())
                    .put("oracle", isOracle(r)).put("precision", r.precision()).put("recall", r.recall())
                    .put("f1", r.f1());
            var iv = r.f1Interval();
            if (iv.resamples() == 0) {
                n.putNull("f1_interval");
                continue;
            }
            n.putObject("f1_interval").put("low", iv.low()).put("high", iv.high()).put("level", iv.level())
                    .put("resamples", iv.resamples()).put("seed", iv.seed());
        }
        return JsonReport.toJson(root);
    }
}
