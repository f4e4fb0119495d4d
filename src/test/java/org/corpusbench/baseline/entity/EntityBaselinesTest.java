package org.corpusbench.baseline.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corpusbench.dataset.GoldSources;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.junit.jupiter.api.Test;

class EntityBaselinesTest {

    static final Path MINI = Path.of("src/test/resources/org/corpusbench/dataset/mini");

    private static GoldSources.Gold gold() throws IOException {
        return GoldSources.read(MINI.resolve("seeds"), MINI.resolve("source/gold"));
    }

    private static Map<String, DocumentAnnotations> byId(List<DocumentAnnotations> anns) {
        Map<String, DocumentAnnotations> m = new LinkedHashMap<>();
        anns.forEach(a -> m.put(a.docId(), a));
        return m;
    }

    /** A recognizer that records what it was trained on, to prove the folds. */
    static final class Spy implements EntityRecognizer {
        final Map<String, Set<String>> trainedOnGoldOf = new LinkedHashMap<>();

        @Override
        public String name() {
            return "spy";
        }

        @Override
        public Predictor train(List<Document> docs, Map<String, DocumentAnnotations> gold) {
            Set<String> seen = new HashSet<>(gold.keySet());
            docs.forEach(d -> seen.add(d.id()));
            return doc -> {
                trainedOnGoldOf.put(doc.id(), seen);
                return DocumentAnnotations.empty(doc.id());
            };
        }
    }

    @Test
    void foldsAreDisjointNoTestDocumentIsSeenInTraining() throws IOException {
        GoldSources.Gold g = gold();
        Spy spy = new Spy();
        CrossValidation.Result r = CrossValidation.leaveOneDocumentOut(spy, g.documents(), byId(g.annotations()));
        assertThat(r.folds()).hasSize(g.documents().size());
        for (CrossValidation.Fold f : r.folds()) {
            assertThat(f.trainIds()).doesNotContain(f.testId());
            assertThat(spy.trainedOnGoldOf.get(f.testId())).doesNotContain(f.testId());
        }
        assertThat(r.folds()).extracting(CrossValidation.Fold::testId).containsExactly("a", "b");
    }

    @Test
    void gazetteerFindsNamesFromItsTrainingDocumentsOnly() throws IOException {
        GoldSources.Gold g = gold();
        Map<String, DocumentAnnotations> gold = byId(g.annotations());
        EntityRecognizer.Predictor p = new GazetteerNameFinder().train(List.of(g.documents().get(0)),
                Map.of("a", gold.get("a")));
        Document b = g.documents().get(1);
        Document withKnownName = Document.of("c", "Then Lukashenko met Minsk officials.", null);
        assertThat(p.predict(withKnownName).entities()).extracting(e -> e.span().text() + "/" + e.type())
                .containsExactly("Lukashenko/PERSON", "Minsk/GPE");
        assertThat(p.predict(b).entities()).extracting(EntityMention::type).doesNotContain("NORP");
    }

    @Test
    void maxentNameFinderTrainsAndPredictsValidSpans() throws IOException {
        GoldSources.Gold g = gold();
        CrossValidation.Result r = CrossValidation.leaveOneDocumentOut(new MaxentNameFinder(30, 1), g.documents(),
                byId(g.annotations()));
        for (Document d : g.documents()) {
            for (EntityMention e : r.predictions().get(d.id()).entities()) {
                assertThat(d.span(e.span().start(), e.span().end()).text()).isEqualTo(e.span().text());
            }
        }
    }
}
