package org.corpusbench.baseline.contradiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpusbench.baseline.entity.EntityRecognizer;
import org.corpusbench.baseline.entity.GazetteerNameFinder;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.junit.jupiter.api.Test;

/**
 * The contradiction pipeline (issue 17 item 5): each scored pair of documents is held out of the entity
 * model that feeds the detector, so no gold entity of the pair reaches what is predicted for it.
 */
class ContradictionPipelineTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");

    private static GoldCorpus release() throws IOException {
        return GoldCorpus.read(RELEASE);
    }

    /** A recognizer that records whose gold trained the model that predicted each document. */
    static final class Spy implements EntityRecognizer {
        final List<Set<String>> trainedOn = new ArrayList<>();

        @Override
        public String name() {
            return "spy";
        }

        @Override
        public Predictor train(List<Document> docs, Map<String, DocumentAnnotations> gold) {
            Set<String> seen = new LinkedHashSet<>(gold.keySet());
            docs.forEach(d -> seen.add(d.id()));
            trainedOn.add(seen);
            return doc -> DocumentAnnotations.empty(doc.id());
        }
    }

    @Test
    void everyPairOfDocumentsAndEveryDocumentIsHeldOutOfItsEntityModel() throws IOException {
        GoldCorpus gold = release();
        List<Document> docs = List.copyOf(gold.documents().values());
        List<String> ids = docs.stream().map(Document::id).toList();
        Spy spy = new Spy();
        List<ContradictionPipeline.Unit> units = ContradictionPipeline.entities(spy, docs, gold.annotations());
        // 5 documents: 5 with themselves + 5 * 4 / 2 = 10 pairs = 15 units, one training each
        assertThat(units).hasSize(15);
        assertThat(spy.trainedOn).hasSize(15);
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i; j < ids.size(); j++) {
                expected.add(i == j ? List.of(ids.get(i)) : List.of(ids.get(i), ids.get(j)));
            }
        }
        assertThat(units).extracting(ContradictionPipeline.Unit::testIds).isEqualTo(expected);
        for (int k = 0; k < units.size(); k++) {
            ContradictionPipeline.Unit u = units.get(k);
            assertThat(u.trainIds()).doesNotContainAnyElementsOf(u.testIds());
            Set<String> all = new LinkedHashSet<>(u.trainIds());
            all.addAll(u.testIds());
            assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(spy.trainedOn.get(k)).as("documents and gold the model of " + u.testIds() + " saw")
                    .containsExactlyInAnyOrderElementsOf(u.trainIds());
            assertThat(u.entities()).containsOnlyKeys(u.testIds());
        }
    }

    /**
     * The gold entity layers of a pair's documents replaced by garbage (every capitalised word a PERSON of
     * one entity, and the real mentions under the wrong type and id): what the pipeline predicts for the
     * pair, and for each of its documents, is what it predicts from the true gold. A leak through the
     * detector's input or through the gazetteer's training would show in the all-pairs detector, which pairs
     * every two documents on every entity both mention.
     */
    @Test
    void theGoldEntitiesOfAPairNeverReachItsContradictions() throws IOException {
        GoldCorpus gold = release();
        List<Document> docs = List.copyOf(gold.documents().values());
        List<ContradictionDetector> detectors = List.of(new HeuristicContradictionDetector(),
                new AllPairsContradictionDetector());
        EntityRecognizer gazetteer = new GazetteerNameFinder();
        List<ContradictionPipeline.Unit> trueUnits = ContradictionPipeline.entities(gazetteer, docs,
                gold.annotations());
        Map<String, List<Contradiction>> truth = new LinkedHashMap<>();
        detectors.forEach(d -> truth.put(d.name(), ContradictionPipeline.detect(d, docs, trueUnits)));
        assertThat(truth.get("all-pairs")).as("something a leak would change").hasSizeGreaterThan(10);
        for (int i = 0; i < docs.size(); i++) {
            for (int j = i + 1; j < docs.size(); j++) {
                Document x = docs.get(i);
                Document y = docs.get(j);
                Map<String, DocumentAnnotations> spoilt = new LinkedHashMap<>(gold.annotations());
                spoilt.put(x.id(), garbage(x, gold.annotations().get(x.id())));
                spoilt.put(y.id(), garbage(y, gold.annotations().get(y.id())));
                assertThat(spoilt).isNotEqualTo(gold.annotations());
                List<ContradictionPipeline.Unit> units = ContradictionPipeline.entities(gazetteer, docs, spoilt);
                for (ContradictionDetector d : detectors) {
                    List<Contradiction> got = ContradictionPipeline.detect(d, docs, units);
                    for (List<String> unit : List.of(List.of(x.id()), List.of(y.id()), List.of(x.id(), y.id()))) {
                        assertThat(withoutIds(between(got, unit))).as(d.name() + " on " + unit)
                                .isEqualTo(withoutIds(between(truth.get(d.name()), unit)));
                    }
                }
            }
        }
    }

    private static final Pattern CAPITALISED = Pattern.compile("\\b[A-Z][a-z]+\\b");

    private static DocumentAnnotations garbage(Document d, DocumentAnnotations gold) {
        List<EntityMention> out = new ArrayList<>();
        Matcher m = CAPITALISED.matcher(d.text());
        while (m.find()) {
            // the matcher's offsets are chars; spans take code points
            out.add(new EntityMention(d.span(d.text().codePointCount(0, m.start()),
                    d.text().codePointCount(0, m.end())), "PERSON", "garbage"));
        }
        gold.entities().forEach(e -> out.add(new EntityMention(e.span(), "EVENT", "garbage-" + e.type())));
        return new DocumentAnnotations(d.id(), out, gold.timexes());
    }

    private static List<Contradiction> between(List<Contradiction> cs, List<String> unit) {
        return cs.stream().filter(c -> unit.size() == 1
                ? c.a().docId().equals(unit.get(0)) && c.b().docId().equals(unit.get(0))
                : !c.a().docId().equals(c.b().docId()) && unit.contains(c.a().docId())
                        && unit.contains(c.b().docId())).toList();
    }

    /** Ids number the whole run, so they shift when another unit's count changes; the rest must not. */
    private static List<Contradiction> withoutIds(List<Contradiction> cs) {
        return cs.stream().map(c -> new Contradiction(null, c.type(), c.a(), c.b(), c.explanation())).toList();
    }

    /**
     * What the detectors get on the release, checked by hand against the gold contradictions: the gazetteer
     * gives no entity ids, and no unit's entities hold the variant spellings 'Oreshino' (article 001 only) or
     * 'Wolffovich' (article 004 only), which no gazetteer trained without their article can list. Every gold
     * contradiction the detectors find on gold entities has a side on one of those (c001-c008 NAME, c009 ROLE
     * after 'Alexander Wolffovich'), and the ten others (TEMPORAL, QUANTITY, FACT, ATTRIBUTION, MODALITY) are
     * not what either detector looks for; hence the pipeline rows' zero true positives on 1.0.1.
     */
    @Test
    void theGazetteersEntitiesOnTheReleaseHaveNoIdsAndNoVariantSpelling() throws IOException {
        GoldCorpus gold = release();
        List<Document> docs = List.copyOf(gold.documents().values());
        List<ContradictionPipeline.Unit> units = ContradictionPipeline.entities(new GazetteerNameFinder(), docs,
                gold.annotations());
        List<EntityMention> all = units.stream().flatMap(u -> u.entities().values().stream())
                .flatMap(a -> a.entities().stream()).toList();
        assertThat(all).as("gazetteer mentions over the 15 units").hasSizeGreaterThan(100);
        assertThat(all).extracting(EntityMention::entityId).containsOnlyNulls();
        assertThat(all).extracting(e -> e.span().text()).noneMatch(t -> t.contains("Oreshino")
                || t.contains("Wolffovich")).contains("Oreshnik", "Wolfovich");
        assertThat(gold.documents().get("001_3cbd90c8ad035dae").text()).contains("Oreshino");
        assertThat(gold.documents().get("004_1fd1226005666fa9").text()).contains("Alexander Wolffovich");
    }

    @Test
    void withoutIdsAllPairsPairsEqualSurfacesAndTheHeuristicSimilarSurnames() {
        Document a = Document.of("a", "Minsk heard Wolfovich.", null);
        Document b = Document.of("b", "Minsk heard Wolffovich.", null);
        Map<String, DocumentAnnotations> ents = Map.of(
                "a", new DocumentAnnotations("a", List.of(new EntityMention(a.span(0, 5), "GPE", null),
                        new EntityMention(a.span(12, 21), "PERSON", null)), List.of()),
                "b", new DocumentAnnotations("b", List.of(new EntityMention(b.span(0, 5), "GPE", null),
                        new EntityMention(b.span(12, 22), "PERSON", null)), List.of()));
        // all-pairs keys a mention without id by its text: Minsk = Minsk, Wolfovich != Wolffovich
        assertThat(new AllPairsContradictionDetector().detect(List.of(a, b), ents))
                .extracting(c -> c.a().span().text() + "|" + c.b().span().text()).containsExactly("Minsk|Minsk");
        // the heuristic groups PERSON mentions by surnames within edit distance 2: one NAME conflict
        assertThat(new HeuristicContradictionDetector().detect(List.of(a, b), ents))
                .extracting(c -> c.a().span().text() + "|" + c.b().span().text())
                .containsExactly("Wolfovich|Wolffovich");
    }

    @Test
    void onlyWhatLiesBetweenAUnitsDocumentsIsKeptAndIdsNumberTheWholeRun() {
        Document a = Document.of("a", "Minsk and Moscow.", null);
        Document b = Document.of("b", "Minsk or Moscow.", null);
        Document c = Document.of("c", "Not here.", null);
        // a detector that flags the first word of every two documents it is given, and of each with itself
        ContradictionDetector firstWords = new ContradictionDetector() {
            @Override
            public String name() {
                return "first-words";
            }

            @Override
            public List<Contradiction> detect(List<Document> docs, Map<String, DocumentAnnotations> entities) {
                List<Contradiction> out = new ArrayList<>();
                for (Document x : docs) {
                    for (Document y : docs) {
                        if (x.id().compareTo(y.id()) <= 0) {
                            out.add(new Contradiction("f" + (out.size() + 1), null, new Evidence(x.id(), x.span(0, 1)),
                                    new Evidence(y.id(), y.span(0, 1)), null));
                        }
                    }
                }
                return out;
            }
        };
        Map<String, DocumentAnnotations> none = Map.of("a", DocumentAnnotations.empty("a"), "b",
                DocumentAnnotations.empty("b"));
        List<ContradictionPipeline.Unit> units = List.of(
                new ContradictionPipeline.Unit(List.of("a"), List.of("b", "c"), Map.of("a", none.get("a"))),
                new ContradictionPipeline.Unit(List.of("a", "b"), List.of("c"), none));
        List<Contradiction> got = ContradictionPipeline.detect(firstWords, List.of(a, b, c), units);
        // unit [a]: a-a kept; unit [a, b]: a-a and b-b dropped (they belong to the units [a] and [b]), a-b kept
        assertThat(got).extracting(x -> x.id() + " " + x.a().docId() + "-" + x.b().docId())
                .containsExactly("f1 a-a", "f2 a-b");
    }

    @Test
    void aUnitRefusesADocumentItWasTrainedOnAndOneWithoutEntities() {
        DocumentAnnotations a = DocumentAnnotations.empty("a");
        assertThatThrownBy(() -> new ContradictionPipeline.Unit(List.of("a"), List.of("a", "b"), Map.of("a", a)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("document a is both tested and trained on");
        assertThatThrownBy(() -> new ContradictionPipeline.Unit(List.of("a", "b"), List.of(), Map.of("a", a)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no predicted entities for document b");
        assertThatThrownBy(() -> new ContradictionPipeline.Unit(List.of(), List.of("a"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a unit holds one or two documents, not []");
    }
}
