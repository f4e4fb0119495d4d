package org.corpusbench;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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

/** Generated model records whose spans are consistent with their text. */
public final class ModelArbitraries {

    private ModelArbitraries() {
    }

    public static Arbitrary<String> ids() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('_', '-').ofMinLength(1).ofMaxLength(12);
    }

    public static Arbitrary<Document> documents() {
        return Combinators.combine(ids(), TestTexts.texts(), Arbitraries.of("src.txt", "x/y.csv").injectNull(0.3))
                .as((id, text, source) -> Document.of(id, text, source));
    }

    /** Non-overlapping spans over {@code text}, in order. */
    public static Arbitrary<List<Span>> spans(String text) {
        int n = text.codePointCount(0, text.length());
        return Arbitraries.integers().between(0, n).list().ofMaxSize(12).map(cuts -> {
            List<Integer> sorted = cuts.stream().sorted().distinct().toList();
            List<Span> out = new ArrayList<>();
            for (int i = 0; i + 1 < sorted.size(); i += 2) {
                out.add(Span.of(text, sorted.get(i), sorted.get(i + 1)));
            }
            return out;
        });
    }

    public static Arbitrary<DocumentAnnotations> annotations(Document d) {
        Arbitrary<List<EntityMention>> entities = spans(d.text()).flatMap(spans -> Combinators.combine(
                Arbitraries.of("PERSON", "ORG", "GPE", "NORP", "PRODUCT").list().ofSize(spans.size()),
                ids().list().ofSize(spans.size())).as((types, eids) -> {
                    List<EntityMention> out = new ArrayList<>();
                    for (int i = 0; i < spans.size(); i++) {
                        out.add(new EntityMention(spans.get(i), types.get(i), eids.get(i)));
                    }
                    return out;
                }));
        Arbitrary<List<Timex3>> timexes = spans(d.text()).flatMap(spans -> Combinators.combine(
                Arbitraries.of(TimexType.class).list().ofSize(spans.size()),
                Arbitraries.of("XXXX-12", "P32Y", "PAST_REF", "XXXX-XX-XXTMO").list().ofSize(spans.size()),
                Arbitraries.of("END", "START", "APPROX").injectNull(0.6).list().ofSize(spans.size()))
                .as((types, values, mods) -> {
                    List<Timex3> out = new ArrayList<>();
                    for (int i = 0; i < spans.size(); i++) {
                        out.add(new Timex3("t" + (i + 1), spans.get(i), types.get(i), values.get(i), mods.get(i),
                                null, null, null));
                    }
                    return out;
                }));
        return Combinators.combine(entities, timexes).as((e, t) -> new DocumentAnnotations(d.id(), e, t));
    }

    public static Arbitrary<Contradiction> contradictions(Document a, Document b) {
        return Combinators.combine(spans(a.text()).filter(l -> !l.isEmpty()), spans(b.text()).filter(l -> !l.isEmpty()),
                ids(), Arbitraries.of(ContradictionType.class), TestTexts.texts().filter(t -> !t.isEmpty()))
                .as((sa, sb, id, type, expl) -> new Contradiction(id, type, new Evidence(a.id(), sa.get(0)),
                        new Evidence(b.id(), sb.get(0)), expl));
    }

    public static Arbitrary<NliPair> nliPairs(Document d) {
        return Combinators.combine(ids(), spans(d.text()).filter(l -> !l.isEmpty()), TestTexts.texts()
                .filter(s -> !s.isEmpty()), Arbitraries.of(NliLabel.class), ids().injectNull(0.5))
                .as((id, spans, hyp, label, cid) -> new NliPair(id, Segment.of(d.id(), spans.get(0)),
                        Segment.of(hyp), label, cid));
    }
}
