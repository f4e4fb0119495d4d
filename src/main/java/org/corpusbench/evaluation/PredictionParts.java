package org.corpusbench.evaluation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanEvaluator;
import org.corpusbench.eval.nli.NliCounts;
import org.corpusbench.eval.nli.NliEvaluator;
import org.corpusbench.eval.stats.CountLayout;
import org.corpusbench.eval.stats.CountLayouts;
import org.corpusbench.eval.stats.CountRows;
import org.corpusbench.eval.stats.PoissonBootstrap;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.eval.timex.TimexEvaluator;
import org.corpusbench.format.jsonl.JsonlLines;
import org.corpusbench.eval.contradiction.PairMatcher;
import org.corpusbench.eval.Counts;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.NliPair;
import org.corpusbench.eval.contradiction.Sentences;

/**
 * A JSONL predictions file scored in parts, each part read by itself, for an engine that spreads the parts
 * over machines (issue 16, Spark): the per-unit counts of {@link Evaluations#evaluate} computed where the part
 * is read, then merged by the evaluators' own merges. Every line is read and checked by {@link Predictions}'
 * code ({@link Predictions.PartReader}) and every unit (a document for entities and dates, an NLI pair) scored
 * by the evaluator {@code evaluate} uses, with the same keys for the Poisson bootstrap, so the merged counts
 * and intervals are those of reading the file in one piece, for any cut.
 *
 * <p>Only a file that reads without any problem is scored so. A part that meets a problem says so
 * ({@link PartScores#failed()}), and so does a merge whose units are not each gold unit once
 * ({@link #merge} returns {@code null}); the caller then reads the whole file on one machine, which reports
 * every problem (or, with {@code --lenient}, skips and counts them) exactly as {@code evaluate} does.
 * Contradictions are scored in two steps: a part reads and checks its lines and hands each predicted pair on
 * with its unit (the pair of documents it lies in, {@link ContradictionReader}); the predictions of a unit,
 * brought together wherever they were read and put back in file order, are matched to the unit's gold pairs
 * by {@link #scoreUnit}, as {@code evaluate} matches them; {@link #mergeContradictions} adds the units up.
 */
public final class PredictionParts {

    private PredictionParts() {
    }

    /** Whether the predictions of {@code task} can be scored in parts: every task against a gold. */
    public static boolean supports(Task task) {
        return task != Task.TAGS;
    }

    /** The units of {@code task} in {@code gold}: its documents, or its NLI pairs. */
    public static long goldUnits(Task task, GoldCorpus gold) {
        return task == Task.NLI ? gold.nliPairs().size() : gold.documents().size();
    }

    /**
     * Whether the intervals of {@code task} against {@code gold} come from the streaming Poisson bootstrap
     * (each part then fills an accumulator) rather than from every unit's row in the gold's order.
     */
    public static boolean poisson(Task task, GoldCorpus gold, EvaluationSettings settings) {
        return settings.bootstrap().poissonFor(goldUnits(task, gold));
    }

    /** Whether each part keeps its units' ids and rows: the classic bootstrap with resamples to draw. */
    public static boolean keepRows(Task task, GoldCorpus gold, EvaluationSettings settings) {
        return !poisson(task, gold, settings) && settings.resamples() > 0;
    }

    /** The width of a unit's row: the counts the intervals need. */
    static int rowWidth(Task task) {
        return switch (task) {
            case ENTITIES -> Evaluations.SENTENCE_ROW_WIDTH;
            case DATES -> CountLayouts.timex().width();
            case NLI -> CountLayouts.nli().width();
            default -> throw new IllegalArgumentException("task " + task.wireName() + " is not scored in parts");
        };
    }

    /**
     * Scores one part: hand it each line of the part ({@link #line}), then take its {@link #scores()}.
     * Memory holds the part's unit ids (a unit repeated in another part is found from them) and, when
     * {@link #keepRows}, each unit's row.
     */
    public static final class PartScorer {
        private final Task task;
        private final GoldCorpus gold;
        private final boolean conll4;
        private final Predictions.PartReader reader;
        private final Map<String, NliPair> pairs;
        private final PoissonBootstrap<long[]> poisson;
        private final boolean keepRows;
        private final int width;
        private final List<String> ids = new ArrayList<>();
        private long[] rows = new long[0];
        private long units;
        private SpanEvaluation spans = SpanEvaluation.EMPTY;
        private TimexCounts timex = TimexCounts.ZERO;
        private NliCounts nli = NliCounts.ZERO;

        /**
         * A scorer of a part of the predictions of {@code task} against {@code gold}: it fills the streaming
         * bootstrap's accumulator when {@link #poisson} says so, and keeps each unit's id and row when
         * {@link #keepRows} does (the classic bootstrap, which needs every unit in the gold's order, gets them
         * from {@link #merge}).
         */
        public PartScorer(Task task, GoldCorpus gold, EvaluationSettings settings) {
            boolean poisson = poisson(task, gold, settings);
            boolean keepRows = keepRows(task, gold, settings);
            this.task = task;
            this.gold = gold;
            this.conll4 = settings.conll4();
            this.width = rowWidth(task);
            this.reader = new Predictions.PartReader(gold, task.layer());
            this.poisson = poisson ? new PoissonBootstrap<>(CountLayouts.longs(width), settings.resamples(),
                    settings.seed()) : null;
            this.keepRows = keepRows;
            if (task == Task.NLI) {
                pairs = new HashMap<>();
                gold.nliPairs().forEach(p -> pairs.put(p.id(), p));
            } else {
                pairs = Map.of();
            }
        }

        /** Reads and scores the line {@code line} is on. */
        public void line(JsonlLines line) {
            Predictions.Predicted p = reader.line(line);
            if (p == null) {
                return;
            }
            long[] row = new long[width];
            switch (task) {
                case ENTITIES -> {
                    SpanEvaluation e = SpanEvaluator.evaluate(Evaluations.entities(gold.gold(p.id()), conll4),
                            Evaluations.entities(p.annotations(), conll4));
                    spans = spans.plus(e);
                    row = Evaluations.sentenceRow(e);
                }
                case DATES -> {
                    TimexCounts c = TimexEvaluator.evaluate(gold.gold(p.id()).timexes(), p.annotations().timexes());
                    timex = timex.plus(c);
                    CountLayouts.timex().write(c, row);
                }
                default -> {
                    NliCounts c = NliEvaluator.evaluate(pairs.get(p.id()), Map.of(p.id(), p.label()));
                    nli = nli.plus(c);
                    CountLayouts.nli().write(c, row);
                }
            }
            units++;
            ids.add(p.id());
            if (poisson != null) {
                poisson.add(p.id(), row);
            }
            if (keepRows) {
                if (ids.size() * width > rows.length) {
                    rows = Arrays.copyOf(rows, Math.max(ids.size() * width, 2 * rows.length));
                }
                System.arraycopy(row, 0, rows, (ids.size() - 1) * width, width);
            }
        }

        /** What the part gave. */
        public PartScores scores() {
            if (!reader.clean()) {
                return new PartScores(true, 0, new String[0], new long[0], null, List.of(), new long[0]);
            }
            String[] labels = new String[0];
            long[] total;
            switch (task) {
                case ENTITIES -> {
                    labels = spans.labels().keySet().toArray(new String[0]);
                    CountLayout<SpanEvaluation> l = CountLayouts.spans(List.of(labels));
                    total = new long[l.width()];
                    l.write(spans, total);
                }
                case DATES -> {
                    total = new long[width];
                    CountLayouts.timex().write(timex, total);
                }
                default -> {
                    total = new long[width];
                    CountLayouts.nli().write(nli, total);
                }
            }
            return new PartScores(false, units, labels, total, poisson, ids,
                    keepRows ? Arrays.copyOf(rows, ids.size() * width) : new long[0]);
        }
    }

    /**
     * What a part gave, in a form an engine can send between machines: whether it met a problem, its number
     * of units, the sum of their counts, its Poisson accumulator (when the intervals come from it) and each
     * unit's id and row (when they come from the classic bootstrap).
     */
    public static final class PartScores implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Whether the part met a problem. */
        private final boolean failed;
        /** The units it scored. */
        private final long units;
        /** Entities: the labels of {@link #total}, in the order of its blocks; else empty. */
        private final String[] labels;
        /** The sum of the units' counts, laid out as {@link CountLayouts} lays out the task's count type. */
        private final long[] total;
        /** The part's Poisson accumulator, or {@code null} when the intervals come from rows. */
        private final PoissonBootstrap<long[]> poisson;
        /** The units' ids, in the order read. */
        private final List<String> ids;
        /** Each unit's row, one after another, when they were kept; else empty. */
        private final long[] rows;

        private PartScores(boolean failed, long units, String[] labels, long[] total, PoissonBootstrap<long[]> poisson,
                           List<String> ids, long[] rows) {
            this.failed = failed;
            this.units = units;
            this.labels = labels;
            this.total = total;
            this.poisson = poisson;
            this.ids = new ArrayList<>(ids);
            this.rows = rows;
        }

        /** Whether the part met a problem, which only reading the whole file reports as it must be. */
        public boolean failed() {
            return failed;
        }

        /** The units the part scored. */
        public long units() {
            return units;
        }

        /** The ids of the units the part scored, in the order read (empty in a {@link #summary()}). */
        public List<String> ids() {
            return java.util.Collections.unmodifiableList(ids);
        }

        /** The same part without its ids and rows: what a merge needs when the rows are kept elsewhere. */
        public PartScores summary() {
            return new PartScores(failed, units, labels, total, poisson, List.of(), new long[0]);
        }
    }

    /**
     * Every part's counts merged, as {@link Evaluations#evaluate} renders them (see
     * {@link Evaluations.PartsEngine}); made by {@link #merge}.
     */
    public static final class Merged {
        final long units;
        final SpanEvaluation spans;
        final TimexCounts timex;
        final NliCounts nli;
        final PoissonBootstrap<long[]> poisson;
        final CountRows rows;
        /** Contradictions: the overall counts and the counts by type (in type order); else null. */
        final Counts pairs;
        final Map<ContradictionType, Counts> types;

        private Merged(long units, SpanEvaluation spans, TimexCounts timex, NliCounts nli,
                       PoissonBootstrap<long[]> poisson, CountRows rows, Counts pairs,
                       Map<ContradictionType, Counts> types) {
            this.pairs = pairs;
            this.types = types;
            this.units = units;
            this.spans = spans;
            this.timex = timex;
            this.nli = nli;
            this.poisson = poisson;
            this.rows = rows;
        }
    }

    /** A predicted contradiction as a part hands it on, in a form an engine can send between machines. */
    public static final class ContradictionItem implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Its unit: the pair of documents {@code "A|B"} it lies in, A before B in the gold's order. */
        private final String unit;
        /** Its two pieces of evidence, in either order: a pair predicted twice has the same. */
        private final String pair;
        /** The part it was read in. */
        private final long part;
        /** Its place in the part: with the part, its place in the file. */
        private final long line;
        /** The record, as {@code JsonCodec} writes it. */
        private final String json;

        /** A pair read in a part; a {@code null} unit marks a part that met a problem. */
        public ContradictionItem(String unit, String pair, long part, long line, String json) {
            this.unit = unit;
            this.pair = pair;
            this.part = part;
            this.line = line;
            this.json = json;
        }

        /** Its unit, {@code "A|B"}; {@code null} for a part that met a problem. */
        public String unit() {
            return unit;
        }

        /** Its two pieces of evidence, in either order. */
        public String pair() {
            return pair;
        }

        long part() {
            return part;
        }

        long line() {
            return line;
        }

        String json() {
            return json;
        }
    }

    /**
     * Reads one part of a file of contradiction predictions: each line through {@link Predictions.PartReader},
     * each predicted pair handed on with its unit.
     */
    public static final class ContradictionReader {
        private final Predictions.PartReader reader;
        private final Map<String, Integer> order = new HashMap<>();
        private final long part;

        /** A reader of part {@code part} of a file of contradiction predictions against {@code gold}. */
        public ContradictionReader(GoldCorpus gold, long part) {
            this.reader = new Predictions.PartReader(gold, GoldCorpus.Layer.CONTRADICTIONS);
            int i = 0;
            for (String id : gold.documents().keySet()) {
                order.put(id, i++);
            }
            this.part = part;
        }

        /**
         * The pair the line {@code line} is on predicts, or {@code null}; {@code position} is the line's place
         * in the part (increasing in the order of the file).
         */
        public ContradictionItem line(JsonlLines line, long position) {
            Predictions.Predicted p = reader.line(line);
            if (p == null) {
                return null;
            }
            Contradiction c = p.contradiction();
            return new ContradictionItem(unit(order, c.a().docId(), c.b().docId()), p.id(), part, position,
                    org.corpusbench.format.jsonl.JsonCodec.toJson(c));
        }

        /** Whether every line so far was read without a problem. */
        public boolean clean() {
            return reader.clean();
        }
    }

    /** The unit of a pair with evidence in documents {@code x} and {@code y}: {@code "A|B"} in the gold's order. */
    private static String unit(Map<String, Integer> order, String x, String y) {
        return order.get(x) <= order.get(y) ? x + "|" + y : y + "|" + x;
    }

    /**
     * A unit's counts, in a form an engine can send between machines: the overall counts and, for each type
     * the unit's matching reports, its counts.
     */
    public static final class UnitScores implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The unit, {@code "A|B"}. */
        private final String unit;
        /** True positives, false positives, false negatives. */
        private final long[] overall;
        /** For each type, in {@link ContradictionType} order, whether the matching reported it. */
        private final boolean[] present;
        /** For each type, its three counts. */
        private final long[] types;

        UnitScores(String unit, Counts overall, Map<ContradictionType, Counts> types) {
            this.unit = unit;
            this.overall = new long[] {overall.tp(), overall.fp(), overall.fn()};
            ContradictionType[] all = ContradictionType.values();
            this.present = new boolean[all.length];
            this.types = new long[3 * all.length];
            types.forEach((t, c) -> {
                present[t.ordinal()] = true;
                this.types[3 * t.ordinal()] = c.tp();
                this.types[3 * t.ordinal() + 1] = c.fp();
                this.types[3 * t.ordinal() + 2] = c.fn();
            });
        }

        /** The unit these counts are of. */
        public String unit() {
            return unit;
        }

        Counts overall() {
            return new Counts(overall[0], overall[1], overall[2]);
        }

        void addTypes(Map<ContradictionType, Counts> into) {
            for (ContradictionType t : ContradictionType.values()) {
                if (present[t.ordinal()]) {
                    into.merge(t, new Counts(types[3 * t.ordinal()], types[3 * t.ordinal() + 1],
                            types[3 * t.ordinal() + 2]), Counts::plus);
                }
            }
        }
    }

    /**
     * Matches the predictions of one unit ({@code items}, in any order: they are put back in file order) to
     * the unit's gold pairs, as {@code evaluate} matches them.
     */
    public static UnitScores scoreUnit(GoldCorpus gold, EvaluationSettings settings, String unit,
                                       List<ContradictionItem> items) throws java.io.IOException {
        List<ContradictionItem> sorted = new ArrayList<>(items);
        sorted.sort(java.util.Comparator.comparingLong(ContradictionItem::part)
                .thenComparingLong(ContradictionItem::line));
        List<Contradiction> predicted = new ArrayList<>();
        for (ContradictionItem i : sorted) {
            JsonlLines l = JsonlLines.ofChunk(i.json().getBytes(java.nio.charset.StandardCharsets.UTF_8), "unit",
                    0, 0);
            l.next();
            predicted.add(org.corpusbench.format.jsonl.JsonCodec.contradiction(l.parse(), l.location()));
        }
        return score(gold, settings, unit, predicted);
    }

    private static UnitScores score(GoldCorpus gold, EvaluationSettings settings, String unit,
                                    List<Contradiction> predicted) {
        int bar = unit.indexOf('|');
        String x = unit.substring(0, bar);
        String y = unit.substring(bar + 1);
        List<Contradiction> g = EvaluationUnits.between(gold.contradictions(), x, y);
        PairMatcher.Result m = settings.matching() == ContradictionMatching.SENTENCE
                ? PairMatcher.matchBySentence(g, predicted, id -> Sentences.of(gold.documents().get(id).text()))
                : PairMatcher.match(g, predicted);
        return new UnitScores(unit, m.overall(), m.types());
    }

    /**
     * Adds up the units of a file of contradiction predictions read in parts: {@code scored}, one for each unit
     * that holds a prediction; the units that hold only gold pairs are scored here. {@code records} is the
     * number of predicted pairs and {@code distinctPairs} the number of distinct ones; {@code null} when the file
     * must be read in one piece (a pair predicted twice, or no pair at all, which only the whole file can
     * refuse or, with --allow-empty, score).
     */
    public static Merged mergeContradictions(GoldCorpus gold, EvaluationSettings settings, List<UnitScores> scored,
                                             long records, long distinctPairs) {
        if (records == 0 || records != distinctPairs) {
            return null;
        }
        Map<String, UnitScores> byUnit = new HashMap<>();
        scored.forEach(u -> byUnit.put(u.unit(), u));
        Map<String, Integer> order = new HashMap<>();
        int i = 0;
        for (String id : gold.documents().keySet()) {
            order.put(id, i++);
        }
        for (Contradiction c : gold.contradictions()) {
            String u = unit(order, c.a().docId(), c.b().docId());
            if (!byUnit.containsKey(u)) {
                byUnit.put(u, score(gold, settings, u, List.of()));
            }
        }
        long n = gold.documents().size();
        long units = n * (n + 1) / 2;
        boolean byPoisson = settings.bootstrap().poissonFor(units);
        PoissonBootstrap<long[]> poisson = byPoisson
                ? new PoissonBootstrap<>(CountLayouts.longs(3), settings.resamples(), settings.seed()) : null;
        CountRows rows = byPoisson ? null : new CountRows(3);
        Counts total = Counts.ZERO;
        Map<ContradictionType, Counts> types = new java.util.EnumMap<>(ContradictionType.class);
        List<String> ids = List.copyOf(gold.documents().keySet());
        // every unit in the gold's order, as evaluate adds them; a unit without a pair adds nothing to a sum,
        // so the Poisson bootstrap is given only the units that hold one
        for (int a = 0; a < ids.size(); a++) {
            for (int b = a; b < ids.size(); b++) {
                UnitScores u = byUnit.get(ids.get(a) + "|" + ids.get(b));
                Counts c = u == null ? Counts.ZERO : u.overall();
                if (u != null) {
                    total = total.plus(c);
                    u.addTypes(types);
                    if (poisson != null) {
                        poisson.add(u.unit(), new long[] {c.tp(), c.fp(), c.fn()});
                    }
                }
                if (rows != null) {
                    rows.add(c.tp(), c.fp(), c.fn());
                }
            }
        }
        return new Merged(units, SpanEvaluation.EMPTY, TimexCounts.ZERO, NliCounts.ZERO, poisson, rows, total, types);
    }

    /**
     * Merges the parts of a file: {@code parts} in any order, each with or without its rows, and
     * {@code withRows} the parts whose ids and rows were kept (the classic bootstrap; empty for the Poisson
     * one). {@code distinctUnits} is the number of distinct unit ids over all parts, which the caller counts
     * where the parts are. Returns {@code null} when the file must be read in one piece: a part failed, or the
     * units are not each gold unit once (a unit repeated, or one no part predicts).
     */
    public static Merged merge(Task task, GoldCorpus gold, EvaluationSettings settings, List<PartScores> parts,
                               long distinctUnits, List<PartScores> withRows) {
        long units = 0;
        SpanEvaluation spans = SpanEvaluation.EMPTY;
        TimexCounts timex = TimexCounts.ZERO;
        NliCounts nli = NliCounts.ZERO;
        boolean byPoisson = poisson(task, gold, settings);
        PoissonBootstrap<long[]> poisson = byPoisson
                ? new PoissonBootstrap<>(CountLayouts.longs(rowWidth(task)), settings.resamples(), settings.seed())
                : null;
        for (PartScores p : parts) {
            if (p.failed) {
                return null;
            }
            units += p.units;
            switch (task) {
                case ENTITIES -> spans = spans.plus(CountLayouts.spans(List.of(p.labels)).read(p.total));
                case DATES -> timex = timex.plus(CountLayouts.timex().read(p.total));
                default -> nli = nli.plus(CountLayouts.nli().read(p.total));
            }
            if (poisson != null) {
                if (p.poisson == null) {
                    throw new IllegalArgumentException("a part has no Poisson accumulator, but the intervals need one");
                }
                poisson.merge(p.poisson);
            }
        }
        long expected = goldUnits(task, gold);
        if (units != expected || distinctUnits != expected) {
            return null;
        }
        CountRows rows = null;
        if (!byPoisson) {
            rows = rowsInGoldOrder(task, gold, withRows, keepRows(task, gold, settings));
            if (rows == null) {
                return null;
            }
        }
        return new Merged(units, spans, timex, nli, poisson, rows, null, null);
    }

    /** Every unit's row in the gold's order, or {@code null} when the parts do not hold each gold unit once. */
    private static CountRows rowsInGoldOrder(Task task, GoldCorpus gold, List<PartScores> parts, boolean needed) {
        int width = rowWidth(task);
        CountRows rows = new CountRows(width);
        if (!needed) {
            return rows;
        }
        Map<String, long[]> byId = new HashMap<>();
        for (PartScores p : parts) {
            for (int i = 0; i < p.ids.size(); i++) {
                if (byId.put(p.ids.get(i), Arrays.copyOfRange(p.rows, i * width, (i + 1) * width)) != null) {
                    return null;
                }
            }
        }
        List<String> order = task == Task.NLI ? gold.nliPairs().stream().map(NliPair::id).toList()
                : List.copyOf(gold.documents().keySet());
        for (String id : order) {
            long[] row = byId.get(id);
            if (row == null) {
                return null;
            }
            rows.add(row);
        }
        return rows;
    }
}
