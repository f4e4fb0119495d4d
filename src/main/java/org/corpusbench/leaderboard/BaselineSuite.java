package org.corpusbench.leaderboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.Task;
import org.corpusbench.baseline.contradiction.AllPairsContradictionDetector;
import org.corpusbench.baseline.contradiction.ContradictionDetector;
import org.corpusbench.baseline.contradiction.ContradictionPipeline;
import org.corpusbench.baseline.contradiction.HeuristicContradictionDetector;
import org.corpusbench.baseline.entity.CrossValidation;
import org.corpusbench.baseline.entity.EntityRecognizer;
import org.corpusbench.baseline.entity.GazetteerNameFinder;
import org.corpusbench.baseline.entity.MaxentNameFinder;
import org.corpusbench.baseline.nli.HypothesisOnlyClassifier;
import org.corpusbench.baseline.nli.LexicalOverlapClassifier;
import org.corpusbench.baseline.nli.MajorityClassifier;
import org.corpusbench.baseline.nli.NliClassifier;
import org.corpusbench.baseline.nli.OverlapThresholdClassifier;
import org.corpusbench.baseline.timex.RuleBasedTimexTagger;
import org.corpusbench.baseline.timex.TimexTagger;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;

/**
 * Runs every baseline on a dataset's documents and returns their predictions, for the leaderboard.
 * Trained baselines are evaluated by leave-one-document-out cross-validation; the NLI majority baseline
 * takes its majority from pairs that share no document with the pair it labels (see {@link #nli}); the
 * contradiction detectors read entities predicted by a gazetteer trained without the pair of documents
 * they are scored on, and again, as separately named oracle rows, the gold entities (see
 * {@link #contradictions(List, Map, Consumer)}).
 */
public final class BaselineSuite {

    /** The predictions of one system for one task. */
    public record EntityRun(String system, Map<String, DocumentAnnotations> predictions,
                            List<CrossValidation.Fold> folds) {
    }

    /** The TIMEX3s one date tagger predicted, by document id (entity layers empty). */
    public record DateRun(String system, Map<String, DocumentAnnotations> predictions) {
    }

    /** The pairs one contradiction detector flagged across the documents. */
    public record ContradictionRun(String system, List<Contradiction> predictions) {
    }

    /** The label one NLI classifier gave each pair, by pair id. */
    public record NliRun(String system, Map<String, NliLabel> predictions) {
    }

    private BaselineSuite() {
    }

    private static List<EntityRecognizer> entityRecognizers() {
        return List.of(new MaxentNameFinder(), new GazetteerNameFinder());
    }

    private static List<TimexTagger> timexTaggers() {
        return List.of(new RuleBasedTimexTagger());
    }

    private static List<ContradictionDetector> contradictionDetectors() {
        return List.of(new HeuristicContradictionDetector(), new AllPairsContradictionDetector());
    }

    /**
     * The entity baseline whose predictions the contradiction detectors read by default: the gazetteer, the
     * better of the two entity rows on oreshnik-reports 1.0.1, chosen on the entity rows and not on the
     * contradiction figures it gives (docs/baselines.md).
     */
    private static EntityRecognizer contradictionEntities() {
        return new GazetteerNameFinder();
    }

    /** What the name of a contradiction detector's row on gold entities ends with. */
    public static final String ORACLE = " (gold entities, oracle)";

    /** NLI systems: lexical overlap and majority class. */
    private static final int NLI_SYSTEMS = 4;

    /**
     * How many times the suite calls its progress consumer: once per system, and once more for the entity
     * predictions that the contradiction detectors share.
     */
    public static int steps() {
        return entityRecognizers().size() + timexTaggers().size() + 1 + 2 * contradictionDetectors().size()
                + NLI_SYSTEMS;
    }

    /** The systems of every task, by name, in the leaderboard's order: what {@link #predict} accepts. */
    public static Map<String, Task> systems() {
        Map<String, Task> out = new LinkedHashMap<>();
        entityRecognizers().forEach(r -> out.put(r.name(), Task.ENTITIES));
        timexTaggers().forEach(t -> out.put(t.name(), Task.DATES));
        contradictionDetectors().forEach(d -> out.put(d.name(), Task.CONTRADICTIONS));
        contradictionDetectors().forEach(d -> out.put(d.name() + ORACLE, Task.CONTRADICTIONS));
        out.put(new LexicalOverlapClassifier().name(), Task.NLI);
        out.put(MAJORITY, Task.NLI);
        out.put(OVERLAP_THRESHOLD, Task.NLI);
        out.put(HYPOTHESIS_ONLY, Task.NLI);
        return out;
    }

    /**
     * One system's predictions for the documents (or NLI pairs) of {@code gold}, made exactly as the
     * leaderboard makes them: trained systems by leave-one-document-out, the majority class from pairs that
     * share no document with the one it labels. Only the layer of the system's task is filled.
     *
     * @throws IllegalArgumentException when {@code system} is none of {@link #systems()}
     */
    public static Predicted predict(GoldCorpus gold, String system) {
        Task task = systems().get(system);
        if (task == null) {
            throw new IllegalArgumentException("no baseline system '" + system + "'; the systems are "
                    + String.join(", ", systems().keySet()));
        }
        List<Document> docs = List.copyOf(gold.documents().values());
        Consumer<String> quiet = x -> { };
        return switch (task) {
            case ENTITIES -> {
                EntityRecognizer r = entityRecognizers().stream().filter(x -> x.name().equals(system)).findFirst()
                        .orElseThrow();
                yield new Predicted(task, system, CrossValidation.leaveOneDocumentOut(r, docs, gold.annotations())
                        .predictions(), List.of(), Map.of());
            }
            case DATES -> new Predicted(task, system, dates(docs, quiet).stream()
                    .filter(r -> r.system().equals(system)).findFirst().orElseThrow().predictions(), List.of(),
                    Map.of());
            case CONTRADICTIONS -> new Predicted(task, system, Map.of(), contradictions(docs, gold.annotations(),
                    system), Map.of());
            default -> new Predicted(task, system, Map.of(), List.of(), nli(gold.nliPairs(), quiet).stream()
                    .filter(r -> r.system().equals(system)).findFirst().orElseThrow().predictions());
        };
    }

    /**
     * What {@link #predict} gives: the system's output for its task's layer, the others empty.
     *
     * @param layers         entity or TIMEX3 predictions by document id
     * @param contradictions predicted contradictions
     * @param nliLabels      predicted NLI labels by pair id
     */
    public record Predicted(Task task, String system, Map<String, DocumentAnnotations> layers,
                            List<Contradiction> contradictions, Map<String, NliLabel> nliLabels) {
        /** Copies the predictions, so that a result cannot change after the suite has made it. */
        public Predicted {
            layers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layers));
            contradictions = List.copyOf(contradictions);
            nliLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nliLabels));
        }
    }

    private static final String MAJORITY = "majority";
    private static final String OVERLAP_THRESHOLD = "overlap-threshold";
    private static final String HYPOTHESIS_ONLY = "hypothesis-only";

    /**
     * Entity recognizers (maximum entropy, gazetteer), each run by leave-one-document-out cross-validation
     * over {@code docs} and their {@code gold}, so that no document is tagged by a model that saw its gold.
     */
    public static List<EntityRun> entities(List<Document> docs, Map<String, DocumentAnnotations> gold,
                                           Consumer<String> progress) {
        List<EntityRun> out = new ArrayList<>();
        for (EntityRecognizer r : entityRecognizers()) {
            progress.accept("entities: " + r.name() + " (leave-one-document-out)");
            CrossValidation.Result res = CrossValidation.leaveOneDocumentOut(r, docs, gold);
            out.add(new EntityRun(r.name(), res.predictions(), res.folds()));
        }
        return out;
    }

    /**
     * Date taggers. The rule-based tagger has no trained parameters; the documents carry no creation date,
     * so it answers the underspecified values the guidelines ask for.
     */
    public static List<DateRun> dates(List<Document> docs, Consumer<String> progress) {
        List<DateRun> out = new ArrayList<>();
        for (TimexTagger t : timexTaggers()) {
            progress.accept("dates: " + t.name());
            Map<String, DocumentAnnotations> predictions = new LinkedHashMap<>();
            for (Document d : docs) {
                predictions.put(d.id(), new DocumentAnnotations(d.id(), List.of(), t.tag(d, null)));
            }
            out.add(new DateRun(t.name(), predictions));
        }
        return out;
    }

    /**
     * Contradiction detectors, twice each. First as pipelines, under the detector's name: each reads the
     * entities the gazetteer predicts, trained for each pair of documents on the gold of the other documents
     * only ({@link ContradictionPipeline}), so that no gold entity of a document reaches a contradiction
     * predicted for it. Then as oracles, named with {@link #ORACLE}: given the gold entity layer (mentions and
     * entity ids) of every document, which no real system has; an upper reference, not a result.
     */
    public static List<ContradictionRun> contradictions(List<Document> docs, Map<String, DocumentAnnotations> gold,
                                                        Consumer<String> progress) {
        EntityRecognizer entities = contradictionEntities();
        progress.accept("contradictions: " + entities.name() + " entities, held out per pair of documents");
        List<ContradictionPipeline.Unit> units = ContradictionPipeline.entities(entities, docs, gold);
        List<ContradictionRun> out = new ArrayList<>();
        for (ContradictionDetector d : contradictionDetectors()) {
            progress.accept("contradictions: " + d.name() + " (" + entities.name() + " entities)");
            out.add(new ContradictionRun(d.name(), ContradictionPipeline.detect(d, docs, units)));
        }
        for (ContradictionDetector d : contradictionDetectors()) {
            progress.accept("contradictions: " + d.name() + ORACLE);
            out.add(new ContradictionRun(d.name() + ORACLE, d.detect(docs, gold)));
        }
        return out;
    }

    /** One contradiction system of {@link #contradictions}, run alone. */
    private static List<Contradiction> contradictions(List<Document> docs, Map<String, DocumentAnnotations> gold,
                                                      String system) {
        for (ContradictionDetector d : contradictionDetectors()) {
            if (system.equals(d.name() + ORACLE)) {
                return d.detect(docs, gold);
            }
            if (system.equals(d.name())) {
                return ContradictionPipeline.detect(d, docs,
                        ContradictionPipeline.entities(contradictionEntities(), docs, gold));
            }
        }
        throw new IllegalArgumentException("no contradiction system '" + system + "'");
    }

    /**
     * NLI classifiers. The lexical classifier has no trained parameters. The majority class, the overlap
     * threshold and the hypothesis-only classifier are trained per pair on the pairs that share no source
     * document with it, so that no label of a test pair's documents reaches its prediction.
     */
    public static List<NliRun> nli(List<NliPair> pairs, Consumer<String> progress) {
        List<NliRun> out = new ArrayList<>();
        progress.accept("nli: lexical-overlap");
        NliClassifier lexical = new LexicalOverlapClassifier();
        Map<String, NliLabel> lex = new LinkedHashMap<>();
        pairs.forEach(p -> lex.put(p.id(), lexical.classify(p)));
        out.add(new NliRun(lexical.name(), lex));
        progress.accept("nli: majority");
        Map<String, NliLabel> maj = new LinkedHashMap<>();
        for (NliPair p : pairs) {
            List<NliPair> train = pairs.stream().filter(q -> disjoint(p, q)).toList();
            maj.put(p.id(), new MajorityClassifier(train).classify(p));
        }
        out.add(new NliRun(MAJORITY, maj));
        // the two annotation-artefact checks (issue 17 item 4), trained as the majority class is
        progress.accept("nli: overlap-threshold");
        out.add(heldOut(pairs, OverlapThresholdClassifier::new, OVERLAP_THRESHOLD));
        progress.accept("nli: hypothesis-only");
        out.add(heldOut(pairs, HypothesisOnlyClassifier::new, HYPOTHESIS_ONLY));
        return out;
    }

    /** Each pair labelled by a classifier trained on the pairs that share no document with it. */
    private static NliRun heldOut(List<NliPair> pairs, Function<List<NliPair>, NliClassifier> train, String name) {
        Map<String, NliLabel> out = new LinkedHashMap<>();
        for (NliPair p : pairs) {
            out.put(p.id(), train.apply(pairs.stream().filter(q -> disjoint(p, q)).toList()).classify(p));
        }
        return new NliRun(name, out);
    }

    private static boolean disjoint(NliPair a, NliPair b) {
        List<String> da = new ArrayList<>();
        List<String> db = new ArrayList<>();
        for (var s : List.of(a.premise(), a.hypothesis())) {
            if (s.docId() != null) {
                da.add(s.docId());
            }
        }
        for (var s : List.of(b.premise(), b.hypothesis())) {
            if (s.docId() != null) {
                db.add(s.docId());
            }
        }
        return da.stream().noneMatch(db::contains) && !a.id().equals(b.id());
    }
}
