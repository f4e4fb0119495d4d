package org.corpusbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;

/** What a reader's result must satisfy to be valid, whatever its input: offsets inside, surface text equal. */
public final class ValidResults {

    private ValidResults() {
    }

    /** Documents with unique ids, by id. */
    public static Map<String, Document> documents(Collection<Document> docs) {
        Map<String, Document> byId = new HashMap<>();
        for (Document d : docs) {
            assertThat(d.id()).isNotEmpty();
            assertThat(byId.put(d.id(), d)).as("a second document with id '%s'", d.id()).isNull();
        }
        return byId;
    }

    /** Every span of {@code annotations} lies in its document and has its text; every document is known. */
    public static void annotations(Map<String, Document> docs, Collection<DocumentAnnotations> annotations) {
        for (DocumentAnnotations a : annotations) {
            Document d = docs.get(a.docId());
            assertThat(d).as("document of annotations '%s'", a.docId()).isNotNull();
            for (EntityMention e : a.entities()) {
                span(d, e.span());
                assertThat(e.type()).isNotBlank();
            }
            for (Timex3 t : a.timexes()) {
                span(d, t.span());
                assertThat(t.value()).isNotNull();
            }
        }
    }

    /** Annotations keyed by their own document id. */
    public static void keyedByDocId(Map<String, DocumentAnnotations> annotations) {
        annotations.forEach((id, a) -> assertThat(a.docId()).isEqualTo(id));
    }

    /** Both sides of every contradiction lie in a known document. */
    public static void contradictions(Map<String, Document> docs, List<Contradiction> contradictions) {
        for (Contradiction c : contradictions) {
            evidence(docs, c.a());
            evidence(docs, c.b());
        }
    }

    /** Every segment drawn from a known document has that document's text at its offsets. */
    public static void nli(Map<String, Document> docs, List<NliPair> pairs) {
        for (NliPair p : pairs) {
            for (Segment s : List.of(p.premise(), p.hypothesis())) {
                if (s.docId() != null && docs != null) {
                    Document d = docs.get(s.docId());
                    assertThat(d).as("document of NLI pair '%s'", p.id()).isNotNull();
                    span(d, s.span());
                }
            }
        }
    }

    private static void evidence(Map<String, Document> docs, Evidence e) {
        Document d = docs.get(e.docId());
        assertThat(d).as("document of evidence '%s'", e.docId()).isNotNull();
        span(d, e.span());
    }

    /** {@code s} lies within {@code d} and its text is the code-point substring at its offsets. */
    public static void span(Document d, Span s) {
        int length = CodePoints.length(d.text());
        assertThat(s.start()).isBetween(0, length);
        assertThat(s.end()).isBetween(s.start(), length);
        assertThat(s.text()).isEqualTo(CodePoints.substring(d.text(), s.start(), s.end()));
    }
}
