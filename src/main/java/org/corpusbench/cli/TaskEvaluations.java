package org.corpusbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corpusbench.eval.Counts;
import org.corpusbench.evaluation.EvaluationUnits;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.Predictions;
import org.corpusbench.eval.Prf;
import org.corpusbench.eval.contradiction.PairMatcher;
import org.corpusbench.eval.contradiction.Sentences;
import org.corpusbench.eval.nli.NliCounts;
import org.corpusbench.eval.report.JsonReport;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.NliLabel;
import org.corpusbench.internal.TextTable;

/** The dataset tasks beyond entities: dates (TempEval-3), contradictions (pair detection) and NLI. */
final class TaskEvaluations {

    private TaskEvaluations() {
    }

    static int run(EvaluateCommand cmd, String task) throws IOException {
        GoldCorpus.Layer layer = switch (task) {
            case "dates" -> GoldCorpus.Layer.TIMEXES;
            case "contradictions" -> GoldCorpus.Layer.CONTRADICTIONS;
            default -> GoldCorpus.Layer.NLI;
        };
        GoldCorpus gold = cmd.gold(layer);
        Predictions.Read read = cmd.predictions(gold, layer);
        ObjectNode root = cmd.report(task);
        cmd.provenance(root, gold, layer);
        List<String[]> rows = switch (task) {
            case "dates" -> dates(cmd, gold, read, root);
            case "contradictions" -> contradictions(cmd, gold, read, root);
            default -> nli(cmd, gold, read, root);
        };
        if (!read.skipped().isEmpty()) {
            ObjectNode sk = root.putObject("skipped");
            read.skipped().forEach(sk::put);
        }
        cmd.writeJson(root);
        PrintWriter w = cmd.out();
        w.print(TextTable.markdown(rows));
        if (!read.skipped().isEmpty()) {
            w.println("skipped (--lenient): " + read.skipped());
        }
        w.flush();
        return 0;
    }

    private static void interval(ObjectNode ci, String name, Bootstrap.Interval iv) {
        if (iv.resamples() == 0) {
            return; // --resamples 0: no interval, rather than one of zero width that claims 95%
        }
        ci.putObject(name).put("estimate", iv.estimate()).put("low", iv.low()).put("high", iv.high())
                .put("level", iv.level()).put("resamples", iv.resamples()).put("seed", iv.seed());
    }

    private static String ci(Bootstrap.Interval iv) {
        return iv.resamples() == 0 ? "" : "[" + EvaluateCommand.f(iv.low()) + ", " + EvaluateCommand.f(iv.high()) + "]";
    }

    private static List<String[]> dates(EvaluateCommand cmd, GoldCorpus gold, Predictions.Read read, ObjectNode root) {
        List<TimexCounts> perDoc = EvaluationUnits.dates(gold, read.layers());
        TimexCounts c = perDoc.stream().reduce(TimexCounts.ZERO, TimexCounts::plus);
        ObjectNode o = root.putObject("overall");
        JsonReport.prf(o, c.relaxedPrf());
        o.put("gold", c.gold()).put("system", c.system()).put("relaxed_matches", c.relaxed())
                .put("strict_matches", c.strict());
        ObjectNode strict = root.putObject("strict");
        JsonReport.prf(strict, c.strictPrf());
        ObjectNode relaxed = root.putObject("relaxed");
        JsonReport.prf(relaxed, c.relaxedPrf());
        ObjectNode attrs = root.putObject("attributes");
        attrs.putObject("value").put("matches", c.valueMatches()).put("accuracy", c.valueAccuracy()).put("f1", c.valueF1());
        attrs.putObject("type").put("matches", c.typeMatches()).put("accuracy", c.typeAccuracy()).put("f1", c.typeF1());
        attrs.putObject("mod").put("matches", c.modMatches()).put("accuracy", c.modAccuracy());
        attrs.putObject("value_underspecified").put("matches", c.compatibleValueMatches())
                .put("accuracy", c.compatibleValueAccuracy()).put("f1", c.compatibleValueF1());
        ObjectNode ci = root.putObject("confidence_intervals");
        Bootstrap.Interval s = Bootstrap.interval(perDoc, TimexCounts.ZERO, TimexCounts::plus,
                x -> x.strictPrf().f1(), cmd.resamples, 0.95, cmd.seed);
        Bootstrap.Interval r = Bootstrap.interval(perDoc, TimexCounts.ZERO, TimexCounts::plus,
                x -> x.relaxedPrf().f1(), cmd.resamples, 0.95, cmd.seed);
        Bootstrap.Interval v = Bootstrap.interval(perDoc, TimexCounts.ZERO, TimexCounts::plus,
                TimexCounts::valueF1, cmd.resamples, 0.95, cmd.seed);
        interval(ci, "strict.f1", s);
        interval(ci, "relaxed.f1", r);
        interval(ci, "value.f1", v);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", "precision", "recall", "f1 / accuracy", "95% CI"});
        rows.add(new String[] {"strict match", f(c.strictPrf().precision()), f(c.strictPrf().recall()),
            f(c.strictPrf().f1()), ci(s)});
        rows.add(new String[] {"relaxed match", f(c.relaxedPrf().precision()), f(c.relaxedPrf().recall()),
            f(c.relaxedPrf().f1()), ci(r)});
        rows.add(new String[] {"value (F1 = acc x relaxed F1)", "", "", f(c.valueF1()) + " (acc " + f(c.valueAccuracy())
            + ")", ci(v)});
        rows.add(new String[] {"type", "", "", f(c.typeF1()) + " (acc " + f(c.typeAccuracy()) + ")", ""});
        rows.add(new String[] {"mod accuracy", "", "", f(c.modAccuracy()), ""});
        rows.add(new String[] {"value, X-compatible", "", "", f(c.compatibleValueF1()) + " (acc "
            + f(c.compatibleValueAccuracy()) + ")", ""});
        return rows;
    }

    private static List<String[]> contradictions(EvaluateCommand cmd, GoldCorpus gold, Predictions.Read read,
                                                 ObjectNode root) {
        boolean bySentence = "sentence".equalsIgnoreCase(cmd.mode);
        if (!bySentence && !"default".equalsIgnoreCase(cmd.mode) && !"span".equalsIgnoreCase(cmd.mode)) {
            throw new UsageException("unknown --mode '" + cmd.mode + "' for contradictions; expected span (default) "
                    + "or sentence");
        }
        // Pairs can only match within the same pair of documents, so group by it: the groups are the units
        // the bootstrap resamples.
        Map<String, List<Contradiction>> goldBy = group(gold.contradictions());
        Map<String, List<Contradiction>> predBy = group(read.contradictions());
        TreeMap<String, Boolean> keys = new TreeMap<>();
        goldBy.keySet().forEach(k -> keys.put(k, true));
        predBy.keySet().forEach(k -> keys.put(k, true));
        List<Counts> perGroup = new ArrayList<>();
        Map<ContradictionType, Counts> types = new java.util.EnumMap<>(ContradictionType.class);
        for (String k : keys.keySet()) {
            List<Contradiction> g = goldBy.getOrDefault(k, List.of());
            List<Contradiction> p = predBy.getOrDefault(k, List.of());
            PairMatcher.Result r = bySentence
                    ? PairMatcher.matchBySentence(g, p, id -> Sentences.of(gold.documents().get(id).text()))
                    : PairMatcher.match(g, p);
            perGroup.add(r.overall());
            r.types().forEach((t, c) -> types.merge(t, c, Counts::plus));
        }
        Counts total = perGroup.stream().reduce(Counts.ZERO, Counts::plus);
        JsonReport.counts(root.putObject("overall"), total);
        ObjectNode tn = root.putObject("types");
        types.forEach((t, c) -> JsonReport.counts(tn.putObject(t.name()), c));
        Bootstrap.Interval iv = Bootstrap.interval(perGroup, Counts.ZERO, Counts::plus, Counts::f1, cmd.resamples,
                0.95, cmd.seed);
        interval(root.putObject("confidence_intervals"), "f1", iv);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"type", "precision", "recall", "f1", "tp", "pred", "gold"});
        types.forEach((t, c) -> rows.add(new String[] {t.name(), f(c.precision()), f(c.recall()), f(c.f1()),
            n(c.tp()), n(c.predicted()), n(c.gold())}));
        rows.add(new String[] {"overall" + (bySentence ? " (sentence level)" : ""), f(total.precision()),
            f(total.recall()), f(total.f1()) + " " + ci(iv), n(total.tp()), n(total.predicted()), n(total.gold())});
        return rows;
    }

    private static Map<String, List<Contradiction>> group(List<Contradiction> cs) {
        Map<String, List<Contradiction>> m = new LinkedHashMap<>();
        for (Contradiction c : cs) {
            String a = c.a().docId();
            String b = c.b().docId();
            String k = a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
            m.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
        }
        return m;
    }

    private static List<String[]> nli(EvaluateCommand cmd, GoldCorpus gold, Predictions.Read read, ObjectNode root) {
        List<NliCounts> perPair = EvaluationUnits.nli(gold, read.nliLabels());
        NliCounts c = perPair.stream().reduce(NliCounts.ZERO, NliCounts::plus);
        ObjectNode o = root.putObject("overall");
        o.put("accuracy", c.accuracy()).put("macro_f1", c.macroF1()).put("pairs", c.total());
        // scikit-learn's precision_recall_fscore_support over the three labels, zero_division=0; a pair without
        // a prediction is a false negative of its gold label and a false positive of none
        ObjectNode avg = root.putObject("averages");
        JsonReport.prf(avg.putObject("micro"), c.micro());
        JsonReport.prf(avg.putObject("macro"), c.macro());
        JsonReport.prf(avg.putObject("weighted"), c.weighted());
        ObjectNode tn = root.putObject("types");
        ObjectNode cm = root.putObject("confusion");
        for (NliLabel g : NliLabel.values()) {
            JsonReport.counts(tn.putObject(g.wireName()), c.counts(g));
            ObjectNode row = cm.putObject(g.wireName());
            for (NliLabel p : NliLabel.values()) {
                row.put(p.wireName(), c.cell(g, p));
            }
            row.put("(none)", c.missing(g));
        }
        ObjectNode ci = root.putObject("confidence_intervals");
        Bootstrap.Interval acc = Bootstrap.interval(perPair, NliCounts.ZERO, NliCounts::plus, NliCounts::accuracy,
                cmd.resamples, 0.95, cmd.seed);
        Bootstrap.Interval mf = Bootstrap.interval(perPair, NliCounts.ZERO, NliCounts::plus, NliCounts::macroF1,
                cmd.resamples, 0.95, cmd.seed);
        interval(ci, "accuracy", acc);
        interval(ci, "macro_f1", mf);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"gold \\ predicted", "entailment", "neutral", "contradiction", "(none)", "precision",
            "recall", "f1"});
        for (NliLabel g : NliLabel.values()) {
            Counts k = c.counts(g);
            rows.add(new String[] {g.wireName(), n(c.cell(g, NliLabel.ENTAILMENT)), n(c.cell(g, NliLabel.NEUTRAL)),
                n(c.cell(g, NliLabel.CONTRADICTION)), n(c.missing(g)), f(k.precision()), f(k.recall()), f(k.f1())});
        }
        average(rows, "micro avg", c.micro());
        average(rows, "macro avg", c.macro());
        average(rows, "weighted avg", c.weighted());
        rows.add(new String[] {"accuracy " + f(c.accuracy()) + " " + ci(acc), "", "", "", "", "", "macro-F1",
            f(c.macroF1())});
        return rows;
    }

    private static void average(List<String[]> rows, String name, Prf p) {
        rows.add(new String[] {name, "", "", "", "", f(p.precision()), f(p.recall()), f(p.f1())});
    }

    private static String f(double v) {
        return EvaluateCommand.f(v);
    }

    private static String n(long v) {
        return Long.toString(v);
    }
}
