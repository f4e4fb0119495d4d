package org.corpusbench.leaderboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.corpusbench.baseline.entity.Conll2003NameFinder;
import org.corpusbench.baseline.entity.EntityRecognizer;
import org.corpusbench.dataset.GoldSources;
import org.corpusbench.eval.Counts;
import org.corpusbench.evaluation.EvaluationUnits;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.eval.Prf;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.nli.NliCounts;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.internal.TextTable;
import org.corpusbench.schema.EntityTypes;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.NliLabel;

/**
 * Every baseline of {@link BaselineSuite}, scored on a gold corpus with the task's headline figure and a
 * bootstrap 95% interval over the task's resampling units (see {@link EvaluationUnits}). This is what
 * {@code corpusbench run} prints and what the dataset card's baseline table shows.
 */
public final class Leaderboard {

    /**
     * One line of the leaderboard.
     *
     * @param metric what precision, recall and F1 measure, e.g. "strict span" or "macro"
     * @param f1Interval bootstrap interval of {@code f1}
     */
    public record Row(String task, String system, String metric, double precision, double recall, double f1,
                      Bootstrap.Interval f1Interval) {
    }

    private Leaderboard() {
    }

    /**
     * Runs and scores every baseline.
     *
     * @param progress told the name of each step before it starts
     */
    public static List<Row> compute(GoldCorpus gold, int resamples, long seed, Consumer<String> progress) {
        return compute(gold, resamples, seed, null, progress);
    }

    /**
     * As {@link #compute(GoldCorpus, int, long, Consumer)}, plus an OpenNLP model trained on the CoNLL-2003
     * training file {@code conll2003Train} when it is not null, scored against the gold mapped to CoNLL-4 labels.
     */
    public static List<Row> compute(GoldCorpus gold, int resamples, long seed, Path conll2003Train,
                                    Consumer<String> progress) {
        List<Document> docs = List.copyOf(gold.documents().values());
        List<Row> rows = new ArrayList<>();
        for (BaselineSuite.EntityRun r : BaselineSuite.entities(docs, gold.annotations(), progress)) {
            List<SpanEvaluation> units = EvaluationUnits.entities(gold, r.predictions());
            rows.add(row("entities", r.system(), "strict span (micro)", units, SpanEvaluation.EMPTY,
                    SpanEvaluation::plus, e -> e.micro(SpanScheme.STRICT), resamples, seed));
        }
        if (conll2003Train != null) {
            Conll2003NameFinder conll = new Conll2003NameFinder(conll2003Train, 100);
            progress.accept("entities: " + conll.name() + " (training on " + conll2003Train.getFileName() + ")");
            EntityRecognizer.Predictor p = conll.train(List.of(), Map.of());
            Map<String, DocumentAnnotations> predictions = new LinkedHashMap<>();
            docs.forEach(d -> predictions.put(d.id(), p.predict(d)));
            List<SpanEvaluation> units = EvaluationUnits.entities(conll4(gold), predictions);
            rows.add(row("entities", conll.name(), "strict span, CoNLL-4 labels", units, SpanEvaluation.EMPTY,
                    SpanEvaluation::plus, e -> e.micro(SpanScheme.STRICT), resamples, seed));
        }
        for (BaselineSuite.DateRun r : BaselineSuite.dates(docs, progress)) {
            List<TimexCounts> units = EvaluationUnits.dates(gold, r.predictions());
            rows.add(row("dates", r.system(), "relaxed extent", units, TimexCounts.ZERO, TimexCounts::plus,
                    TimexCounts::relaxedPrf, resamples, seed));
            rows.add(row("dates", r.system(), "strict extent", units, TimexCounts.ZERO, TimexCounts::plus,
                    TimexCounts::strictPrf, resamples, seed));
            TimexCounts all = units.stream().reduce(TimexCounts.ZERO, TimexCounts::plus);
            rows.add(new Row("dates", r.system(), "value (TempEval-3 F1)", Double.NaN, Double.NaN, all.valueF1(),
                    Bootstrap.interval(units, TimexCounts.ZERO, TimexCounts::plus, TimexCounts::valueF1, resamples,
                            0.95, seed)));
        }
        for (BaselineSuite.ContradictionRun r : BaselineSuite.contradictions(docs, gold.annotations(), progress)) {
            List<Counts> units = EvaluationUnits.contradictions(gold, r.predictions());
            rows.add(row("contradictions", r.system(), "pairs, span overlap", units, Counts.ZERO, Counts::plus,
                    c -> new Prf(c.precision(), c.recall(), c.f1()), resamples, seed));
        }
        for (BaselineSuite.NliRun r : BaselineSuite.nli(gold.nliPairs(), progress)) {
            List<NliCounts> units = EvaluationUnits.nli(gold, r.predictions());
            rows.add(row("nli", r.system(), "macro over 3 labels", units, NliCounts.ZERO, NliCounts::plus,
                    Leaderboard::macro, resamples, seed));
            NliCounts all = units.stream().reduce(NliCounts.ZERO, NliCounts::plus);
            rows.add(new Row("nli", r.system(), "accuracy", Double.NaN, Double.NaN, all.accuracy(),
                    Bootstrap.interval(units, NliCounts.ZERO, NliCounts::plus, NliCounts::accuracy, resamples, 0.95,
                            seed)));
        }
        return rows;
    }

    private static <T> Row row(String task, String system, String metric, List<T> units, T zero,
                               BinaryOperator<T> merge, Function<T, Prf> prf, int resamples,
                               long seed) {
        Prf all = prf.apply(units.stream().reduce(zero, merge));
        ToDoubleFunction<T> f1 = x -> prf.apply(x).f1();
        return new Row(task, system, metric, all.precision(), all.recall(), all.f1(),
                Bootstrap.interval(units, zero, merge, f1, resamples, 0.95, seed));
    }

    private static GoldCorpus conll4(GoldCorpus gold) {
        Map<String, DocumentAnnotations> mapped = new LinkedHashMap<>();
        gold.annotations().forEach((id, a) -> mapped.put(id, new DocumentAnnotations(id, a.entities().stream()
                .map(e -> new EntityMention(e.span(), EntityTypes.toConll4(e.type()), e.entityId())).toList(),
                a.timexes())));
        return gold.withAnnotations(mapped);
    }

    private static Prf macro(NliCounts c) {
        double p = 0;
        double r = 0;
        for (NliLabel l : NliLabel.values()) {
            p += c.counts(l).precision();
            r += c.counts(l).recall();
        }
        int n = NliLabel.values().length;
        return new Prf(p / n, r / n, c.macroF1());
    }

    /** The leaderboard as a Markdown table, as {@code corpusbench run} prints it and the dataset card shows it. */
    public static String markdown(List<Row> rows) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"task", "system", "metric", "P", "R", "F1", "95% CI"});
        for (Row r : rows) {
            table.add(cells(r));
        }
        return TextTable.markdown(table, 3);
    }

    /** The cells of a row: numbers to four decimals, blank where a metric has no precision or recall. */
    public static String[] cells(Row r) {
        return new String[] {r.task(), r.system(), r.metric(), num(r.precision()), num(r.recall()), num(r.f1()),
            r.f1Interval().resamples() == 0 ? "" // no resampling, no interval: not a zero-width one
                : "[" + num(r.f1Interval().low()) + ", " + num(r.f1Interval().high()) + "]"};
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * The baseline table of the cards published before issue 17 item 5, oreshnik-reports 1.0.0 and 1.0.1 (the
     * card template's {@code {{baselines}}}): the same computation and defaults as {@code corpusbench run}
     * (1000 resamples, seed 13), but with the contradiction detectors on the gold entity layer only, under the
     * detector's name alone, as those cards show them (and say in their text). Kept so that the current
     * release still rebuilds from its sources byte for byte; a new release's card takes the whole leaderboard,
     * {@link #leaderboardTable}, through {@code {{leaderboard}}}.
     */
    public static String cardTable(GoldSources.Gold gold) {
        return markdown(asFirstPublished(compute(GoldCorpus.of("card", gold), Bootstrap.DEFAULT_RESAMPLES,
                DEFAULT_SEED, s -> { })));
    }

    /**
     * The dataset card's baseline table (the card template's {@code {{leaderboard}}}): the leaderboard as
     * {@code corpusbench run} prints it, with the same defaults (1000 resamples, seed 13), so the card and a
     * fresh run agree digit for digit.
     */
    public static String leaderboardTable(GoldSources.Gold gold) {
        return markdown(compute(GoldCorpus.of("card", gold), Bootstrap.DEFAULT_RESAMPLES, DEFAULT_SEED, s -> { }));
    }

    /**
     * The card placeholders this layer fills, by name without braces: {@code baselines} ({@link #cardTable})
     * and {@code leaderboard} ({@link #leaderboardTable}); what {@code corpusbench build} hands the release
     * builder.
     */
    public static Map<String, Function<GoldSources.Gold, String>> cardTables() {
        Map<String, Function<GoldSources.Gold, String>> out = new LinkedHashMap<>();
        out.put("baselines", Leaderboard::cardTable);
        out.put("leaderboard", Leaderboard::leaderboardTable);
        return out;
    }

    /**
     * The rows as the cards before issue 17 item 5 showed them: the contradiction rows on gold entities
     * renamed to the detector's name, the rows on predicted entities left out, the NLI systems added since
     * (the annotation-artefact checks of issue 17 item 4) left out, every other row unchanged.
     */
    static List<Row> asFirstPublished(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.task().equals("nli")) {
                if (FIRST_PUBLISHED_NLI.contains(r.system())) {
                    out.add(r);
                }
            } else if (!r.task().equals("contradictions")) {
                out.add(r);
            } else if (r.system().endsWith(BaselineSuite.ORACLE)) {
                String system = r.system().substring(0, r.system().length() - BaselineSuite.ORACLE.length());
                out.add(new Row(r.task(), system, r.metric(), r.precision(), r.recall(), r.f1(), r.f1Interval()));
            }
        }
        return out;
    }

    /** The NLI systems of the cards published before issue 17: oreshnik-reports 1.0.0 and 1.0.1. */
    private static final java.util.Set<String> FIRST_PUBLISHED_NLI = java.util.Set.of("lexical-overlap", "majority");

    /** Seed of the leaderboard's bootstrap intervals unless told otherwise. */
    public static final long DEFAULT_SEED = 13;

    /** Rows keyed for lookups in tests and reports: "task/system/metric". */
    public static Map<String, Row> byKey(List<Row> rows) {
        Map<String, Row> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.task() + "/" + r.system() + "/" + r.metric(), r));
        return out;
    }
}
