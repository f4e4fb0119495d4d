package org.corpusbench.leaderboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corpusbench.eval.report.JsonReport;
import org.corpusbench.internal.Markup;

/**
 * The leaderboard of a release as {@code corpusbench run} prints it, as a self-contained HTML page and as
 * JSON, all three from the same rows, so that they cannot disagree.
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
        return "== Leaderboard: " + dataset + " " + version + " (baselines; trained ones by leave-one-document-out)\n"
                + Leaderboard.markdown(rows) + DATE_RULES_CAVEAT + "\n";
    }

    /** The leaderboard as a self-contained HTML page (inline CSS, no scripts, nothing fetched). */
    public String toHtml() {
        Map<String, String> facts = facts();
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>corpusbench leaderboard</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}\n")
                .append("</style>\n</head>\n<body>\n<h1>corpusbench leaderboard</h1>\n<dl>\n");
        facts.forEach((k, v) -> sb.append("<dt>").append(Markup.html(k)).append("</dt><dd>")
                .append(Markup.html(v)).append("</dd>\n"));
        sb.append("</dl>\n<table>\n<tr><th>task</th><th>system</th><th>metric</th><th>P</th><th>R</th><th>F1</th>")
                .append("<th>95% CI</th></tr>\n");
        for (Leaderboard.Row r : rows) {
            String[] c = Leaderboard.cells(r);
            sb.append("<tr>");
            for (int i = 0; i < c.length; i++) {
                sb.append(i < 3 ? "<td>" : "<td class=\"n\">").append(Markup.html(c[i])).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<p>Intervals: bootstrap percentile, ").append(rows.isEmpty() ? 0
                : rows.get(0).f1Interval().resamples()).append(" resamples of documents (document pairs for ")
                .append("contradictions, pairs for NLI), seed ").append(rows.isEmpty() ? 0 : rows.get(0).f1Interval().seed())
                .append(".</p>\n<p>").append(Markup.html(DATE_RULES_CAVEAT)).append("</p>\n</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * The leaderboard as JSON: the facts (dataset, fingerprint, tool) and one object per row with its
     * figures and interval, for scripts that would otherwise scrape the HTML.
     */
    public String toJson() {
        ObjectNode root = JsonReport.start("leaderboard", tool);
        ObjectNode f = root.putObject("facts");
        facts().forEach(f::put);
        f.put("caveat", DATE_RULES_CAVEAT);
        ArrayNode a = root.putArray("rows");
        for (Leaderboard.Row r : rows) {
            ObjectNode n = a.addObject().put("task", r.task()).put("system", r.system()).put("metric", r.metric())
                    .put("precision", r.precision()).put("recall", r.recall()).put("f1", r.f1());
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
