package org.corpusbench.agreement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * Annotation sets made by hand for the figures worked out in the tests. One document:
 *
 * <pre>
 * Ann met Bob in Paris on 5 May 2024.
 * 0   4   8   12 15   21 24  28 30 34
 * </pre>
 *
 * A marks PERSON Ann [0,3), PERSON Bob [8,11), GPE Paris [15,20), the date '5 May 2024' [24,34) = 2024-05-05
 * and a NAME contradiction between Ann and Bob. B marks PERSON Ann, ORG Bob, the date 'May 2024' [26,34) =
 * 2024-05, a ROLE contradiction between Ann and Bob and a FACT one between Paris and the date. C = A.
 */
final class HandMadeSets {

    static final String TEXT = "Ann met Bob in Paris on 5 May 2024.";
    static final Document DOC = Document.of("d1", TEXT, null);

    private HandMadeSets() {
    }

    static EntityMention entity(int start, int end, String type) {
        return new EntityMention(Span.of(TEXT, start, end), type, "e" + start);
    }

    static Contradiction contradiction(String id, ContradictionType type, int as, int ae, int bs, int be) {
        return new Contradiction(id, type, new Evidence("d1", Span.of(TEXT, as, ae)),
                new Evidence("d1", Span.of(TEXT, bs, be)), "why");
    }

    static AnnotationSet set(String name, List<EntityMention> entities, List<Timex3> timexes,
                             List<Contradiction> contradictions) {
        return new AnnotationSet(name, Path.of(name), AnnotationSet.Kind.JSONL, Map.of("d1", DOC),
                Map.of("d1", new DocumentAnnotations("d1", entities, timexes)), contradictions, List.of(), null);
    }

    static AnnotationSet a(String name) {
        return set(name, List.of(entity(0, 3, "PERSON"), entity(8, 11, "PERSON"), entity(15, 20, "GPE")),
                List.of(new Timex3("t1", Span.of(TEXT, 24, 34), TimexType.DATE, "2024-05-05", null, null, null, null)),
                List.of(contradiction("c1", ContradictionType.NAME, 0, 3, 8, 11)));
    }

    static AnnotationSet b() {
        return set("B", List.of(entity(0, 3, "PERSON"), entity(8, 11, "ORG")),
                List.of(new Timex3("t1", Span.of(TEXT, 26, 34), TimexType.DATE, "2024-05", null, null, null, null)),
                new ArrayList<>(List.of(contradiction("c1", ContradictionType.ROLE, 0, 3, 8, 11),
                        contradiction("c2", ContradictionType.FACT, 15, 20, 24, 34))));
    }
}
