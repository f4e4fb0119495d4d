package org.corpusbench.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.ModelArbitraries;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.TestTexts;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/**
 * The round-trip contract of the annotation-tool formats (issue 17): documents with awkward text (astral
 * characters, CRLF, tabs, combining marks; {@link TestTexts}) and typed spans, written and read back, give the
 * same document ids, texts and mentions. A format without a place for entity ids
 * ({@link #keepsEntityIds()} false) gives them back without.
 */
public interface EntityFormatContract {

    /** Writes the documents into {@code dir}, which exists and is empty. */
    void write(Path dir, List<Document> documents, Map<String, DocumentAnnotations> annotations) throws IOException;

    /** Reads what {@link #write} wrote into {@code dir}. */
    Corpus read(Path dir) throws IOException;

    /** Whether the format holds entity ids. */
    boolean keepsEntityIds();

    /** One to three documents with their mentions. */
    record Sample(List<Document> documents, Map<String, DocumentAnnotations> annotations) {
    }

    /** Types with the characters that the formats escape ({@code _ | [ ] * ; -> \ "}). */
    List<String> TYPES = List.of("PERSON", "ORG", "GPE", "WORK_OF_ART", "A|B[1]*;->\\\"x");

    @Provide
    default Arbitrary<Sample> separateSpans() {
        return samples(false);
    }

    @Provide
    default Arbitrary<Sample> overlappingSpans() {
        return samples(true);
    }

    private Arbitrary<Sample> samples(boolean overlapping) {
        Arbitrary<Document> doc = Combinators.combine(ModelArbitraries.ids(), TestTexts.texts())
                .as((id, text) -> Document.of(id, text, null));
        return doc.list().ofMinSize(1).ofMaxSize(3).uniqueElements(Document::id).flatMap(docs -> {
            List<Arbitrary<DocumentAnnotations>> per = new ArrayList<>();
            for (Document d : docs) {
                per.add(mentions(d, overlapping).map(m -> new DocumentAnnotations(d.id(), m, List.of())));
            }
            return Combinators.combine(per).as(list -> {
                Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
                list.forEach(a -> anns.put(a.docId(), a));
                return new Sample(docs, anns);
            });
        });
    }

    /**
     * Spans over {@code d}: non-empty and apart or touching (a span may start where the one before ends), or,
     * when {@code overlapping}, anywhere, empty ones included.
     */
    private Arbitrary<List<EntityMention>> mentions(Document d, boolean overlapping) {
        int n = d.length();
        if (n == 0) {
            return Arbitraries.just(List.of());
        }
        Arbitrary<int[]> bounds;
        if (overlapping) {
            bounds = Combinators.combine(Arbitraries.integers().between(0, n), Arbitraries.integers().between(0, n))
                    .as((s, len) -> new int[] {s, Math.min(n, s + len)}).list().ofMaxSize(6)
                    .map(l -> l.stream().flatMapToInt(java.util.Arrays::stream).toArray());
        } else {
            bounds = Combinators.combine(Arbitraries.integers().between(0, n).list().ofMaxSize(12),
                    Arbitraries.integers().between(1, 2).list().ofSize(12)).as((cuts, steps) -> {
                        List<Integer> c = cuts.stream().sorted().distinct().toList();
                        List<Integer> out = new ArrayList<>();
                        for (int i = 0, k = 0; i + 1 < c.size(); i += steps.get(k++ % steps.size())) {
                            out.add(c.get(i));
                            out.add(c.get(i + 1));
                        }
                        return out.stream().mapToInt(Integer::intValue).toArray();
                    });
        }
        return bounds.flatMap(b -> Combinators.combine(Arbitraries.of(TYPES).list().ofSize(b.length / 2),
                ModelArbitraries.ids().injectNull(0.3).list().ofSize(b.length / 2)).as((types, ids) -> {
                    List<EntityMention> out = new ArrayList<>();
                    for (int i = 0; i < b.length / 2; i++) {
                        out.add(new EntityMention(Span.of(d.text(), b[2 * i], b[2 * i + 1]), types.get(i),
                                keepsEntityIds() ? ids.get(i) : null));
                    }
                    return out;
                }));
    }

    @Property(tries = 300)
    default void writeThenReadGivesTheSameDocumentsAndMentions(@ForAll("separateSpans") Sample s) throws IOException {
        roundTrip(s);
    }

    @Property(tries = 200)
    default void overlappingSpansComeBackToo(@ForAll("overlappingSpans") Sample s) throws IOException {
        roundTrip(s);
    }

    private void roundTrip(Sample s) throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-entity-format");
        try {
            write(dir, s.documents(), s.annotations());
            Corpus back = read(dir);
            assertThat(back.documents()).extracting(Document::id).containsExactlyInAnyOrderElementsOf(
                    s.documents().stream().map(Document::id).toList());
            for (Document d : s.documents()) {
                Document r = back.documents().stream().filter(x -> x.id().equals(d.id())).findFirst().orElseThrow();
                assertThat(r.text()).as("text of %s", d.id()).isEqualTo(d.text());
                assertThat(back.entities(d.id())).as("mentions of %s", d.id())
                        .isEqualTo(s.annotations().get(d.id()).entities());
            }
        } finally {
            MutatedInputContract.delete(dir);
        }
    }
}
