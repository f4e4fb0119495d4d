package org.corpusbench.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.Prf;
import org.corpusbench.eval.entity.SpanCounts;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.tags.TagCounts;
import org.corpusbench.internal.AtomicFiles;

/**
 * The JSON form of evaluation results, as {@code schema/report.schema.json} defines it. Figures are
 * fractions in [0, 1]; a ratio with a zero denominator is 0.
 */
public final class JsonReport {

    /**
     * The mapper, made on first use: building one costs about 0.3 s of a fresh JVM, as much as scoring a small
     * corpus, and a run that prints only the text table never needs it (issue 15).
     */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private JsonReport() {
    }

    /** A report with its provenance filled in; the caller adds the task's figures. */
    public static ObjectNode start(String task, String toolVersion) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("report_version", "1.0");
        root.put("task", task);
        root.putObject("tool").put("name", "corpusbench").put("version", toolVersion);
        return root;
    }

    /** Puts {@code precision}, {@code recall} and {@code f1} into {@code n}, as the report schema names them. */
    public static void prf(ObjectNode n, Prf p) {
        n.put("precision", p.precision());
        n.put("recall", p.recall());
        n.put("f1", p.f1());
    }

    /** {@code overall}, {@code types.<T>}, {@code macro} and {@code weighted} of a tag evaluation. */
    public static void tags(ObjectNode root, TagCounts c) {
        ObjectNode o = root.putObject("overall");
        counts(o, c.overall());
        o.put("accuracy", c.accuracy());
        o.put("tokens", c.tokens());
        o.put("correct_tokens", c.correctTokens());
        ObjectNode types = root.putObject("types");
        c.types().forEach((t, v) -> counts(types.putObject(t), v));
        prf(root.putObject("macro"), c.macro());
        prf(root.putObject("weighted"), c.weighted());
    }

    /** Detection counts as {@code tp}, {@code pred}, {@code true} plus P/R/F1. */
    public static void counts(ObjectNode n, Counts c) {
        prf(n, c.prf());
        n.put("tp", c.tp());
        n.put("pred", c.predicted());
        n.put("true", c.gold());
    }

    /** {@code schemes.<scheme>.{overall, types.<T>, macro}} of a span evaluation. */
    public static void spans(ObjectNode root, SpanEvaluation e) {
        ObjectNode schemes = root.putObject("schemes");
        for (SpanScheme s : SpanScheme.values()) {
            ObjectNode sn = schemes.putObject(s.wireName());
            spanCounts(sn.putObject("overall"), e.overall().get(s), s);
            ObjectNode types = sn.putObject("types");
            for (Map.Entry<String, Map<SpanScheme, SpanCounts>> t : e.labels().entrySet()) {
                spanCounts(types.putObject(t.getKey()), t.getValue().get(s), s);
            }
            prf(sn.putObject("macro"), e.macro(s));
        }
    }

    static void spanCounts(ObjectNode n, SpanCounts c, SpanScheme s) {
        n.put("correct", c.correct());
        n.put("incorrect", c.incorrect());
        n.put("partial", c.partial());
        n.put("missed", c.missed());
        n.put("spurious", c.spurious());
        n.put("possible", c.possible());
        n.put("actual", c.actual());
        prf(n, c.prf(s));
    }

    /** The report as text, indented and ending in a line feed. */
    public static String toJson(ObjectNode root) {
        try {
            return Mapper.JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes the report's text to {@code file} atomically, so that a failed run leaves no half-written report. */
    public static void write(Path file, ObjectNode root) throws IOException {
        AtomicFiles.writeString(file, toJson(root));
    }
}
