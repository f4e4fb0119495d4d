package org.corpusbench.baseline.contradiction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpusbench.baseline.entity.EntityRecognizer;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;

/**
 * A contradiction detector run on the entities an entity baseline predicts rather than on gold ones
 * (issue 17 item 5): what a user without an entity annotation of their documents would get.
 *
 * <p>The pipeline holds out what is scored. A contradiction is scored per pair of documents (a document
 * with itself included, see {@code evaluation.EvaluationUnits}), so for each such pair the entity baseline
 * is trained on the gold of the <em>other</em> documents only, predicts the entities of the pair's one or
 * two documents, and the detector is run on those documents with those entities; of what it flags, only
 * the contradictions between the pair's documents (within the document, for a document with itself) are
 * kept. No gold entity of a document therefore reaches a contradiction predicted for it, neither through
 * the detector's input nor through the entity model's training. The entity rows' leave-one-document-out is
 * the same rule for their unit, one document; reusing their predictions would not do here, because the
 * entities predicted for one document of a pair come from a model trained on the other's gold. This is how
 * the NLI majority baseline is held out too (pairs that share no document with the one it labels).
 *
 * <p>The entity baselines predict no entity ids ({@code entityId} null), so the detectors fall back on
 * what they do without ids: {@link HeuristicContradictionDetector} groups mentions of one type by similar
 * surnames, {@link AllPairsContradictionDetector} by surface text. Nothing here gives the mentions ids:
 * ids made from the surface form would put the spelling variants the heuristic looks for into different
 * groups.
 */
public final class ContradictionPipeline {

    /**
     * The entity input of one scored pair of documents.
     *
     * @param testIds  the pair's documents: one id (a document with itself) or two, in the corpus's order
     * @param trainIds the documents whose gold trained the entity model, all the others
     * @param entities the entities the model predicted for the documents of {@code testIds}, by document id
     */
    public record Unit(List<String> testIds, List<String> trainIds, Map<String, DocumentAnnotations> entities) {
        /**
         * Requires one or two test documents, none of them among the training documents, with predicted
         * entities for each; copies the lists and the map.
         */
        public Unit {
            testIds = List.copyOf(testIds);
            trainIds = List.copyOf(trainIds);
            entities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entities));
            if (testIds.isEmpty() || testIds.size() > 2) {
                throw new IllegalArgumentException("a unit holds one or two documents, not " + testIds);
            }
            for (String id : testIds) {
                if (trainIds.contains(id)) {
                    throw new IllegalArgumentException("document " + id + " is both tested and trained on");
                }
                if (!entities.containsKey(id)) {
                    throw new IllegalArgumentException("no predicted entities for document " + id);
                }
            }
        }
    }

    private ContradictionPipeline() {
    }

    /**
     * The entity input of every scored pair of documents: for each document with itself and each two
     * documents, in the corpus's order, {@code recognizer} trained on the gold of all the other documents
     * and its predictions for the pair's documents. Costs one training per pair, n(n+1)/2 for n documents.
     *
     * @param gold the gold entity layers by document id; those of a unit's documents are never read for it
     */
    public static List<Unit> entities(EntityRecognizer recognizer, List<Document> docs,
                                      Map<String, DocumentAnnotations> gold) {
        List<Unit> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            for (int j = i; j < docs.size(); j++) {
                List<Document> test = i == j ? List.of(docs.get(i)) : List.of(docs.get(i), docs.get(j));
                List<Document> train = docs.stream().filter(d -> !test.contains(d)).toList();
                Map<String, DocumentAnnotations> trainGold = new LinkedHashMap<>();
                for (Document d : train) {
                    DocumentAnnotations g = gold.get(d.id());
                    if (g != null) {
                        trainGold.put(d.id(), g);
                    }
                }
                EntityRecognizer.Predictor p = recognizer.train(train, Map.copyOf(trainGold));
                Map<String, DocumentAnnotations> predicted = new LinkedHashMap<>();
                test.forEach(d -> predicted.put(d.id(), p.predict(d)));
                out.add(new Unit(test.stream().map(Document::id).toList(), train.stream().map(Document::id).toList(),
                        predicted));
            }
        }
        return out;
    }

    /**
     * Runs {@code detector} on each unit's documents with the unit's predicted entities and keeps what lies
     * between the unit's documents. Each unit's contradictions come in the detector's order, units in the
     * order given; the ids are renumbered in that order, with the detector's own prefix and digit count
     * ({@code h001}, {@code p0001}), since each unit's run numbers from one.
     *
     * @param docs the documents the units name (others are ignored)
     */
    public static List<Contradiction> detect(ContradictionDetector detector, List<Document> docs, List<Unit> units) {
        Map<String, Document> byId = new LinkedHashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        List<Contradiction> kept = new ArrayList<>();
        for (Unit u : units) {
            List<Document> test = u.testIds().stream().map(id -> Objects.requireNonNull(byId.get(id),
                    () -> "no document " + id)).toList();
            for (Contradiction c : detector.detect(test, u.entities())) {
                if (within(c, u.testIds())) {
                    kept.add(c);
                }
            }
        }
        List<Contradiction> out = new ArrayList<>();
        for (Contradiction c : kept) {
            out.add(new Contradiction(renumbered(c.id(), out.size() + 1), c.type(), c.a(), c.b(), c.explanation()));
        }
        return out;
    }

    /** True when the sides lie in the unit's documents: both in its one document, or one in each of its two. */
    private static boolean within(Contradiction c, List<String> ids) {
        String a = c.a().docId();
        String b = c.b().docId();
        if (ids.size() == 1) {
            return a.equals(ids.get(0)) && b.equals(ids.get(0));
        }
        return !a.equals(b) && ids.contains(a) && ids.contains(b);
    }

    private static final Pattern NUMBERED = Pattern.compile("(.*?)([0-9]+)");

    private static String renumbered(String id, int n) {
        Matcher m = id == null ? null : NUMBERED.matcher(id);
        if (m == null || !m.matches()) {
            return String.format(java.util.Locale.ROOT, "c%04d", n);
        }
        return m.group(1) + String.format(java.util.Locale.ROOT, "%0" + m.group(2).length() + "d", n);
    }
}
