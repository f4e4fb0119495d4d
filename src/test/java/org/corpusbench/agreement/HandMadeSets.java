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
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;
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
 * 2024-05, a ROLE contradiction between Ann and Bob and a FACT one between Paris and the date. Both label
 * the same ten NLI pairs, A as {@link #NLI_A} and B as {@link #NLI_B}. C = A.
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
        return set(name, entities, timexes, contradictions, List.of());
    }

    static AnnotationSet set(String name, List<EntityMention> entities, List<Timex3> timexes,
                             List<Contradiction> contradictions, List<NliPair> nli) {
        return new AnnotationSet(name, Path.of(name), AnnotationSet.Kind.JSONL, Map.of("d1", DOC),
                Map.of("d1", new DocumentAnnotations("d1", entities, timexes)), contradictions, nli, List.of(), null);
    }

    /** A's NLI labels of the ten pairs n01..n10 (e = entailment, n = neutral, c = contradiction). */
    static final String NLI_A = "eeeennnccc";
    /** B's: n04 neutral where A says entailment, n10 neutral where A says contradiction. */
    static final String NLI_B = "eeennnnccn";

    /**
     * Ten NLI pairs, labelled as {@code labels} says: premise 'Ann met Bob in Paris' [0,20) of d1, hypothesis
     * the free text H1..H10.
     */
    static List<NliPair> nli(String labels) {
        List<NliLabel> ls = new ArrayList<>();
        for (int i = 0; i < labels.length(); i++) {
            ls.add(switch (labels.charAt(i)) {
                case 'e' -> NliLabel.ENTAILMENT;
                case 'n' -> NliLabel.NEUTRAL;
                case 'c' -> NliLabel.CONTRADICTION;
                default -> throw new IllegalArgumentException(labels);
            });
        }
        return nli(ls);
    }

    /** As {@link #nli(String)}, one pair per label given, ids n01, n02, ... */
    static List<NliPair> nli(List<NliLabel> labels) {
        List<NliPair> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            out.add(new NliPair(String.format(java.util.Locale.ROOT, "n%02d", i + 1),
                    Segment.of("d1", Span.of(TEXT, 0, 20)), Segment.of("H" + (i + 1)), labels.get(i), null));
        }
        return out;
    }

    /** A set that holds only an NLI layer, with the pairs of {@link #nli(List)}. */
    static AnnotationSet nliOnly(String name, List<NliPair> pairs) {
        return set(name, List.of(), List.of(), List.of(), pairs);
    }

    static AnnotationSet a(String name) {
        return set(name, List.of(entity(0, 3, "PERSON"), entity(8, 11, "PERSON"), entity(15, 20, "GPE")),
                List.of(new Timex3("t1", Span.of(TEXT, 24, 34), TimexType.DATE, "2024-05-05", null, null, null, null)),
                List.of(contradiction("c1", ContradictionType.NAME, 0, 3, 8, 11)), nli(NLI_A));
    }

    static AnnotationSet b() {
        return set("B", List.of(entity(0, 3, "PERSON"), entity(8, 11, "ORG")),
                List.of(new Timex3("t1", Span.of(TEXT, 26, 34), TimexType.DATE, "2024-05", null, null, null, null)),
                new ArrayList<>(List.of(contradiction("c1", ContradictionType.ROLE, 0, 3, 8, 11),
                        contradiction("c2", ContradictionType.FACT, 15, 20, 24, 34))), nli(NLI_B));
    }
}
