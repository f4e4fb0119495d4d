package org.corpusbench.baseline.contradiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;

class HeuristicContradictionDetectorTest {

    private static EntityMention mention(Document d, String surface, String type, String id) {
        int i = d.text().indexOf(surface);
        return new EntityMention(d.span(i, i + surface.length()), type, id);
    }

    @Example
    void flagsFirstNamesSpellingsAndTitles() {
        Document a = Document.of("a", "Foreign Minister Vladimir Wolfovich said the 'Oreshnik' is ready.", null);
        Document b = Document.of("b", "Alexander Wolffovich, the State Secretary of the Security Council, said "
                + "the 'Oreshino' is ready.", null);
        Map<String, DocumentAnnotations> ents = Map.of(
                "a", new DocumentAnnotations("a", List.of(mention(a, "Vladimir Wolfovich", "PERSON", "wolfovich"),
                        mention(a, "Oreshnik", "PRODUCT", "oreshnik")), List.of()),
                "b", new DocumentAnnotations("b", List.of(mention(b, "Alexander Wolffovich", "PERSON", "wolfovich"),
                        mention(b, "Oreshino", "PRODUCT", "oreshnik")), List.of()));
        List<Contradiction> found = new HeuristicContradictionDetector().detect(List.of(a, b), ents);
        assertThat(found).extracting(c -> c.type() + " " + c.a().span().text() + " | " + c.b().span().text())
                .containsExactlyInAnyOrder(
                        "NAME Vladimir Wolfovich | Alexander Wolffovich",
                        "ROLE Foreign Minister | State Secretary of the Security Council",
                        "NAME Oreshnik | Oreshino");
        assertThat(found).allSatisfy(c -> assertThat(c.id()).startsWith("h"));
    }

    @Example
    void aShorterFormOfTheSameNameIsNoConflict() {
        assertThat(HeuristicContradictionDetector.nameConflict("Alexander Lukashenko", "Lukashenko")).isNull();
        assertThat(HeuristicContradictionDetector.nameConflict("Vladimir Putin", "Putin")).isNull();
        assertThat(HeuristicContradictionDetector.nameConflict("Oreshnik", "Oreshino")).isEqualTo("different spelling");
        assertThat(HeuristicContradictionDetector.nameConflict("Vladimir Wolfovich", "Alexander Wolfovich"))
                .isEqualTo("different first name");
    }

    @Example
    void withoutEntityIdsSimilarSurnamesAreGrouped() {
        Document a = Document.of("a", "Wolfovich spoke.", null);
        Document b = Document.of("b", "Wolffovich spoke.", null);
        Map<String, DocumentAnnotations> ents = Map.of(
                "a", new DocumentAnnotations("a", List.of(mention(a, "Wolfovich", "PERSON", null)), List.of()),
                "b", new DocumentAnnotations("b", List.of(mention(b, "Wolffovich", "PERSON", null)), List.of()));
        assertThat(new HeuristicContradictionDetector().detect(List.of(a, b), ents))
                .singleElement().extracting(Contradiction::type).isEqualTo(ContradictionType.NAME);
    }
}
