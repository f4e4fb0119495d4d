package org.corpusbench.cli;

import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.corpusbench.leaderboard.Leaderboard;
import org.corpusbench.eval.report.JsonReport;
import org.corpusbench.internal.TextTable;

/** The leaderboard as a self-contained HTML page. */
final class LeaderboardTables {

    private LeaderboardTables() {
    }

    static String html(List<Leaderboard.Row> rows, Map<String, String> facts) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>corpusbench leaderboard</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}\n")
                .append("</style>\n</head>\n<body>\n<h1>corpusbench leaderboard</h1>\n<dl>\n");
        facts.forEach((k, v) -> sb.append("<dt>").append(escape(k)).append("</dt><dd>").append(escape(v))
                .append("</dd>\n"));
        sb.append("</dl>\n<table>\n<tr><th>task</th><th>system</th><th>metric</th><th>P</th><th>R</th><th>F1</th>")
                .append("<th>95% CI</th></tr>\n");
        for (Leaderboard.Row r : rows) {
            String[] c = Leaderboard.cells(r);
            sb.append("<tr>");
            for (int i = 0; i < c.length; i++) {
                sb.append(i < 3 ? "<td>" : "<td class=\"n\">").append(escape(c[i])).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<p>Intervals: bootstrap percentile, ").append(rows.isEmpty() ? 0
                : rows.get(0).f1Interval().resamples()).append(" resamples of documents (document pairs for ")
                .append("contradictions, pairs for NLI), seed ").append(rows.isEmpty() ? 0 : rows.get(0).f1Interval().seed())
                .append(".</p>\n</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * The leaderboard as JSON: the facts (dataset, fingerprint, tool) and one object per row with its
     * figures and interval, for scripts that would otherwise scrape the HTML.
     */
    static String json(List<Leaderboard.Row> rows, Map<String, String> facts) {
        ObjectNode root = JsonReport.start("leaderboard", Main.version());
        ObjectNode f = root.putObject("facts");
        facts.forEach(f::put);
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

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
