package org.corpusbench.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corpusbench.agreement.AgreementReport.ContradictionAgreement;
import org.corpusbench.agreement.AgreementReport.ContradictionPair;
import org.corpusbench.agreement.AgreementReport.EntityAgreement;
import org.corpusbench.agreement.AgreementReport.EntityPair;
import org.corpusbench.agreement.AgreementReport.NliAgreement;
import org.corpusbench.agreement.AgreementReport.NliAnnotatorPair;
import org.corpusbench.agreement.AgreementReport.Pair;
import org.corpusbench.agreement.AgreementReport.TimexAgreement;
import org.corpusbench.agreement.AgreementReport.TimexPair;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.entity.SpanCounts;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.internal.Markup;
import org.corpusbench.internal.TextTable;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.TimexType;

/**
 * The views of an {@link AgreementReport}: the JSON report ({@code schema/agreement.schema.json}), the same
 * tables as Markdown and as a self-contained HTML page, and the disagreements as a TSV file for an
 * adjudicator. Rendering only: every figure comes from the report. An undefined figure is JSON
 * {@code null} and {@code n/a} in the tables.
 */
public final class AgreementRendering {

    /** The version of the JSON report's shape. */
    public static final String REPORT_VERSION = "1.0";

    /** How the JSON report and the docs name the tokenisation under the token kappas. */
    public static final String TOKENISATION = "runs of letters, digits and combining marks; every other "
            + "non-space code point alone; a token takes the type of the entity holding its first code point, "
            + "else O";

    /** The columns of the disagreements file. */
    public static final List<String> TSV_HEADER = List.of("layer", "annotator_1", "annotator_2", "kind", "doc_id",
            "start", "end", "text", "annotator_1_says", "annotator_2_says", "context");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AgreementRendering() {
    }

    /** A titled table: a header row and the rows below it. */
    public record Table(String title, List<String[]> rows) {
        /** Copies the list of rows; the row arrays in it are the caller's, not copies. */
        public Table {
            rows = List.copyOf(rows);
        }
    }

    // ---------------------------------------------------------------- JSON

    /** The JSON report, as {@code schema/agreement.schema.json} defines it. */
    public static ObjectNode json(AgreementReport r, String toolVersion) {
        ObjectNode root = JSON.createObjectNode();
        root.put("report_version", REPORT_VERSION);
        root.put("report", "agreement");
        root.putObject("tool").put("name", "corpusbench").put("version", toolVersion);
        ArrayNode annotators = root.putArray("annotators");
        for (AgreementReport.Annotator a : r.annotators()) {
            ObjectNode n = annotators.addObject();
            n.put("name", a.name());
            n.put("path", a.source().toString());
            n.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
            if (a.dataset() != null) {
                n.putObject("dataset").put("name", a.dataset().name()).put("version", a.dataset().version())
                        .put("fingerprint", a.dataset().fingerprint());
            }
            ArrayNode files = n.putArray("inputs");
            a.files().forEach(f -> files.addObject().put("path", f.path().toString()).put("sha256", f.sha256()));
            n.put("entities", a.entities());
            n.put("timexes", a.timexes());
            n.put("contradictions", a.contradictions());
            n.put("nli_pairs", a.nliPairs());
        }
        root.put("documents", r.documents().size());
        ArrayNode ids = root.putArray("document_ids");
        r.documents().forEach(ids::add);
        root.put("tokens", r.tokens());
        root.put("tokenisation", TOKENISATION);
        root.put("continuum", r.continuum());
        ArrayNode layers = root.putArray("layers");
        if (r.entities() != null) {
            layers.add("entities");
            entities(root.putObject("entities"), r.entities(), r);
        }
        if (r.timexes() != null) {
            layers.add("timexes");
            timexes(root.putObject("timexes"), r.timexes(), r);
        }
        if (r.contradictions() != null) {
            layers.add("contradictions");
            contradictions(root.putObject("contradictions"), r.contradictions(), r);
        }
        if (r.nli() != null) {
            layers.add("nli");
            nli(root.putObject("nli"), r.nli(), r);
        }
        ObjectNode dis = root.putObject("disagreements");
        for (String layer : List.of("entities", "timexes", "contradictions", "nli")) {
            dis.put(layer, r.disagreements().stream().filter(d -> d.layer().equals(layer)).count());
        }
        return root;
    }

    /** The JSON report as text, ending with a line break. */
    public static String jsonText(AgreementReport r, String toolVersion) {
        try {
            return JSON.writeValueAsString(json(r, toolVersion)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ObjectNode n, String key, Double v) {
        if (v == null) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    private static void names(ObjectNode n, AgreementReport r, Pair p) {
        n.putArray("annotators").add(r.annotators().get(p.first()).name()).add(r.annotators().get(p.second()).name());
    }

    private static void mentions(ObjectNode n, List<Long> counts) {
        ArrayNode a = n.putArray("mentions");
        counts.forEach(a::add);
    }

    private static void entities(ObjectNode n, EntityAgreement e, AgreementReport r) {
        for (SpanScheme s : AgreementReport.SCHEMES) {
            put(n, s.wireName() + "_f1", e.f1(s));
        }
        put(n, "cohen_kappa", e.tokens().cohen());
        put(n, "fleiss_kappa", e.tokens().fleiss());
        put(n, "observed_token_agreement", e.tokens().observed());
        put(n, "krippendorff_alpha_u", e.alphaU().alpha());
        ObjectNode counts = n.putObject("counts");
        for (SpanScheme s : AgreementReport.SCHEMES) {
            SpanCounts c = e.pooled().overall().get(s);
            counts.putObject(s.wireName()).put("correct", c.correct()).put("incorrect", c.incorrect())
                    .put("partial", c.partial()).put("missed", c.missed()).put("spurious", c.spurious());
        }
        ObjectNode types = n.putObject("types");
        e.mentions().forEach((type, m) -> {
            ObjectNode t = types.putObject(type);
            mentions(t, m);
            put(t, "strict_f1", e.f1(SpanScheme.STRICT, type));
            put(t, "partial_f1", e.f1(SpanScheme.PARTIAL, type));
            put(t, "token_kappa", e.tokens().categories().get(type));
            UnitizingAlpha.Category c = e.alphaU().categories().get(type);
            put(t, "krippendorff_alpha_u", c == null ? null : c.alpha());
        });
        ArrayNode pairs = n.putArray("pairs");
        for (EntityPair p : e.pairs()) {
            ObjectNode o = pairs.addObject();
            names(o, r, p.pair());
            for (SpanScheme s : AgreementReport.SCHEMES) {
                put(o, s.wireName() + "_f1", AgreementReport.f1(p.evaluation().overall().get(s), s));
            }
            put(o, "cohen_kappa", p.tokens().cohen());
            put(o, "krippendorff_alpha_u", p.alphaU().alpha());
        }
    }

    private static void timexes(ObjectNode n, TimexAgreement t, AgreementReport r) {
        timexFigures(n, t.pooled());
        ObjectNode types = n.putObject("types");
        t.mentions().forEach((type, m) -> {
            ObjectNode o = types.putObject(type.name());
            mentions(o, m);
            timexFigures(o, t.types().getOrDefault(type, TimexCounts.ZERO));
        });
        ArrayNode pairs = n.putArray("pairs");
        for (TimexPair p : t.pairs()) {
            ObjectNode o = pairs.addObject();
            names(o, r, p.pair());
            timexFigures(o, p.counts());
        }
    }

    private static void timexFigures(ObjectNode n, TimexCounts c) {
        put(n, "strict_f1", TimexAgreement.strictF1(c));
        put(n, "relaxed_f1", TimexAgreement.relaxedF1(c));
        put(n, "type_agreement", TimexAgreement.typeAgreement(c));
        put(n, "value_agreement", TimexAgreement.valueAgreement(c));
        n.put("matched", c.relaxed());
        n.put("same_extent", c.strict());
    }

    private static void contradictions(ObjectNode n, ContradictionAgreement c, AgreementReport r) {
        put(n, "f1", ContradictionAgreement.f1(c.pooled()));
        n.put("matched", c.pooled().tp());
        put(n, "type_agreement", c.typeAgreement());
        ObjectNode types = n.putObject("types");
        c.mentions().forEach((type, m) -> {
            ObjectNode o = types.putObject(type.name());
            mentions(o, m);
            put(o, "f1", ContradictionAgreement.f1(c.types().getOrDefault(type, Counts.ZERO)));
        });
        ArrayNode pairs = n.putArray("pairs");
        for (ContradictionPair p : c.pairs()) {
            ObjectNode o = pairs.addObject();
            names(o, r, p.pair());
            put(o, "f1", ContradictionAgreement.f1(p.counts()));
            o.put("matched", p.counts().tp());
            put(o, "type_agreement", p.counts().tp() == 0 ? null : (double) p.sameType() / p.counts().tp());
        }
    }

    private static void nli(ObjectNode n, NliAgreement a, AgreementReport r) {
        n.put("pairs", a.items());
        put(n, "observed_agreement", a.kappa().observed());
        put(n, "cohen_kappa", a.kappa().cohen());
        put(n, "fleiss_kappa", a.kappa().fleiss());
        ObjectNode labels = n.putObject("labels");
        a.labels().forEach((label, counts) -> {
            ObjectNode o = labels.putObject(label.wireName());
            ArrayNode c = o.putArray("counts");
            counts.forEach(c::add);
            put(o, "kappa", a.kappa().categories().get(label.wireName()));
        });
        ArrayNode pairs = n.putArray("annotator_pairs");
        for (NliAnnotatorPair p : a.pairs()) {
            ObjectNode o = pairs.addObject();
            names(o, r, p.pair());
            put(o, "observed_agreement", p.kappa().observed());
            put(o, "cohen_kappa", p.kappa().cohen());
            put(o, "fleiss_kappa", p.kappa().fleiss());
            o.put("disagreements", p.disagreements());
            ObjectNode confusion = o.putObject("confusion");
            p.confusion().forEach((row, cells) -> {
                ObjectNode c = confusion.putObject(row.wireName());
                cells.forEach((column, count) -> c.put(column.wireName(), count));
            });
        }
    }

    // ---------------------------------------------------------------- tables

    /** The headline figures, one row per figure: what the command prints. */
    public static Table headline(AgreementReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"layer", "figure", "value"});
        EntityAgreement e = r.entities();
        if (e != null) {
            rows.add(new String[] {"entities", "strict F1", f(e.f1(SpanScheme.STRICT))});
            rows.add(new String[] {"entities", "partial F1", f(e.f1(SpanScheme.PARTIAL))});
            if (r.annotators().size() == 2) {
                rows.add(new String[] {"entities", "Cohen's kappa (tokens)", f(e.tokens().cohen())});
            }
            rows.add(new String[] {"entities", "Fleiss' kappa (tokens)", f(e.tokens().fleiss())});
            rows.add(new String[] {"entities", "Krippendorff's alpha_u", f(e.alphaU().alpha())});
        }
        TimexAgreement t = r.timexes();
        if (t != null) {
            rows.add(new String[] {"dates", "strict F1", f(TimexAgreement.strictF1(t.pooled()))});
            rows.add(new String[] {"dates", "relaxed F1", f(TimexAgreement.relaxedF1(t.pooled()))});
            rows.add(new String[] {"dates", "type agreement", f(TimexAgreement.typeAgreement(t.pooled()))});
            rows.add(new String[] {"dates", "value agreement", f(TimexAgreement.valueAgreement(t.pooled()))});
        }
        ContradictionAgreement c = r.contradictions();
        if (c != null) {
            rows.add(new String[] {"contradictions", "pair F1", f(ContradictionAgreement.f1(c.pooled()))});
            rows.add(new String[] {"contradictions", "type agreement", f(c.typeAgreement())});
        }
        NliAgreement nli = r.nli();
        if (nli != null) {
            rows.add(new String[] {"NLI", "label agreement", f(nli.kappa().observed())});
            if (r.annotators().size() == 2) {
                rows.add(new String[] {"NLI", "Cohen's kappa", f(nli.kappa().cohen())});
            }
            rows.add(new String[] {"NLI", "Fleiss' kappa", f(nli.kappa().fleiss())});
        }
        return new Table("Agreement of " + String.join(", ", r.annotators().stream()
                .map(AgreementReport.Annotator::name).toList()), rows);
    }

    /** Every table of the report: annotators, headline, per type for each layer, and per pair. */
    public static List<Table> tables(AgreementReport r) {
        List<Table> out = new ArrayList<>();
        List<String[]> who = new ArrayList<>();
        who.add(new String[] {"annotator", "source", "entities", "dates", "contradictions", "NLI pairs"});
        for (AgreementReport.Annotator a : r.annotators()) {
            who.add(new String[] {a.name(), a.source() + (a.dataset() == null ? "" : " (" + a.dataset().name() + " "
                + a.dataset().version() + ")"), n(a.entities()), n(a.timexes()), n(a.contradictions()),
                n(a.nliPairs())});
        }
        out.add(new Table("Annotators (" + r.documents().size() + " documents, " + r.tokens() + " tokens, "
                + r.continuum() + " code points)", who));
        out.add(headline(r));
        String names = String.join(" / ", r.annotators().stream().map(AgreementReport.Annotator::name).toList());
        EntityAgreement e = r.entities();
        if (e != null) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"type", "mentions " + names, "strict F1", "partial F1", "token kappa", "alpha_u"});
            e.mentions().forEach((type, m) -> {
                UnitizingAlpha.Category c = e.alphaU().categories().get(type);
                rows.add(new String[] {type, counts(m), f(e.f1(SpanScheme.STRICT, type)),
                    f(e.f1(SpanScheme.PARTIAL, type)), f(e.tokens().categories().get(type)),
                    f(c == null ? null : c.alpha())});
            });
            out.add(new Table("Entities by type", rows));
        }
        TimexAgreement t = r.timexes();
        if (t != null) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"type", "expressions " + names, "strict F1", "relaxed F1", "value agreement"});
            for (Map.Entry<TimexType, List<Long>> m : t.mentions().entrySet()) {
                TimexCounts c = t.types().getOrDefault(m.getKey(), TimexCounts.ZERO);
                rows.add(new String[] {m.getKey().name(), counts(m.getValue()), f(TimexAgreement.strictF1(c)),
                    f(TimexAgreement.relaxedF1(c)), f(TimexAgreement.valueAgreement(c))});
            }
            out.add(new Table("Dates (TIMEX3) by type", rows));
        }
        ContradictionAgreement c = r.contradictions();
        if (c != null) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"type", "pairs " + names, "pair F1"});
            for (Map.Entry<ContradictionType, List<Long>> m : c.mentions().entrySet()) {
                rows.add(new String[] {m.getKey().name(), counts(m.getValue()),
                    f(ContradictionAgreement.f1(c.types().getOrDefault(m.getKey(), Counts.ZERO)))});
            }
            out.add(new Table("Contradictions by type", rows));
        }
        NliAgreement nli = r.nli();
        if (nli != null) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"label", "pairs " + names, "kappa (this label)"});
            nli.labels().forEach((label, m) -> rows.add(new String[] {label.wireName(), counts(m),
                f(nli.kappa().categories().get(label.wireName()))}));
            out.add(new Table("NLI labels (" + nli.items() + " pairs)", rows));
            for (NliAnnotatorPair p : nli.pairs()) {
                String first = r.annotators().get(p.pair().first()).name();
                String second = r.annotators().get(p.pair().second()).name();
                List<String[]> m = new ArrayList<>();
                List<String> header = new ArrayList<>(List.of(first + " \\ " + second));
                for (NliLabel l : NliLabel.values()) {
                    header.add(l.wireName());
                }
                m.add(header.toArray(new String[0]));
                p.confusion().forEach((row, cells) -> {
                    List<String> cellsOut = new ArrayList<>(List.of(row.wireName()));
                    cells.values().forEach(v -> cellsOut.add(n(v)));
                    m.add(cellsOut.toArray(new String[0]));
                });
                out.add(new Table("NLI confusion matrix, " + first + " (rows) and " + second + " (columns)", m));
            }
        }
        if (r.annotators().size() > 2) {
            out.add(pairs(r));
        }
        return out;
    }

    private static Table pairs(AgreementReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"pair", "entities strict F1", "entities partial F1", "Cohen's kappa", "alpha_u",
            "dates relaxed F1", "dates value agreement", "contradictions F1", "NLI label agreement",
            "NLI Cohen's kappa"});
        int k = 0;
        for (int i = 0; i < r.annotators().size(); i++) {
            for (int j = i + 1; j < r.annotators().size(); j++, k++) {
                String[] row = new String[10];
                java.util.Arrays.fill(row, "");
                row[0] = r.annotators().get(i).name() + "-" + r.annotators().get(j).name();
                if (r.entities() != null) {
                    EntityPair p = r.entities().pairs().get(k);
                    row[1] = f(AgreementReport.f1(p.evaluation().overall().get(SpanScheme.STRICT), SpanScheme.STRICT));
                    row[2] = f(AgreementReport.f1(p.evaluation().overall().get(SpanScheme.PARTIAL),
                            SpanScheme.PARTIAL));
                    row[3] = f(p.tokens().cohen());
                    row[4] = f(p.alphaU().alpha());
                }
                if (r.timexes() != null) {
                    TimexCounts c = r.timexes().pairs().get(k).counts();
                    row[5] = f(TimexAgreement.relaxedF1(c));
                    row[6] = f(TimexAgreement.valueAgreement(c));
                }
                if (r.contradictions() != null) {
                    row[7] = f(ContradictionAgreement.f1(r.contradictions().pairs().get(k).counts()));
                }
                if (r.nli() != null) {
                    NliAnnotatorPair p = r.nli().pairs().get(k);
                    row[8] = f(p.kappa().observed());
                    row[9] = f(p.kappa().cohen());
                }
                rows.add(row);
            }
        }
        return new Table("Each pair of annotators", rows);
    }

    /** The report as Markdown: a heading and every table. */
    public static String markdown(AgreementReport r) {
        StringBuilder sb = new StringBuilder();
        List<Table> tables = tables(r);
        sb.append("# ").append(headline(r).title()).append("\n\n");
        sb.append("Figures are defined in docs/agreement.md; n/a marks a figure that is undefined (nothing to "
                + "compare).\n");
        for (Table t : tables) {
            sb.append("\n## ").append(t.title()).append("\n\n").append(TextTable.markdown(t.rows()));
        }
        sb.append("\n").append(r.disagreements().size()).append(" disagreements.\n");
        return sb.toString();
    }

    /** The report as a self-contained HTML page (inline style, no script, nothing fetched). */
    public static String html(AgreementReport r) {
        StringBuilder h = new StringBuilder();
        String title = headline(r).title();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(Markup.html(title))
                .append("</title>\n<style>body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}th:first-child,td:first-child{text-align:left}</style></head><body>\n")
                .append("<h1>").append(Markup.html(title))
                .append("</h1>\n<p>Figures are defined in docs/agreement.md; n/a ")
                .append("marks a figure that is undefined (nothing to compare).</p>\n");
        for (Table t : tables(r)) {
            h.append("<h2>").append(Markup.html(t.title())).append("</h2>\n<table>\n");
            for (int i = 0; i < t.rows().size(); i++) {
                String cell = i == 0 ? "th" : "td";
                h.append("<tr>");
                for (String v : t.rows().get(i)) {
                    h.append('<').append(cell).append('>').append(Markup.html(v)).append("</").append(cell).append('>');
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<p>").append(r.disagreements().size()).append(" disagreements.</p>\n</body></html>\n");
        return h.toString();
    }

    /**
     * The disagreements as tab-separated values with a header row ({@link #TSV_HEADER}). Tabs, line breaks
     * and backslashes inside a field are written {@code \t}, {@code \n}, {@code \r} and {@code \\}, so that a
     * row is always one line; offsets are code points, end exclusive.
     */
    public static String disagreementsTsv(AgreementReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join("\t", TSV_HEADER)).append('\n');
        for (Disagreement d : r.disagreements()) {
            List<String> row = List.of(d.layer(), d.first(), d.second(), d.kind().wireName(), d.docId(),
                    Integer.toString(d.start()), Integer.toString(d.end()), d.text(), d.firstSays(), d.secondSays(),
                    d.context());
            sb.append(String.join("\t", row.stream().map(AgreementRendering::tsv).toList())).append('\n');
        }
        return sb.toString();
    }

    static String tsv(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A figure with four decimals, or {@code n/a} when undefined. */
    public static String f(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    private static String counts(List<Long> m) {
        return String.join(" / ", m.stream().map(String::valueOf).toList());
    }
}
