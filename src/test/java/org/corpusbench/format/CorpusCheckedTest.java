package org.corpusbench.format;

import org.corpusbench.diagnostic.CorpusFormatException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/** What a writer of the annotation-tool formats is given is checked before anything is written (issue 17). */
class CorpusCheckedTest {

    private static final String TEXT = "Ana \uD83D\uDE80 Bob";
    private static final Document DOC = Document.of("d", TEXT, null);

    private static Map<String, DocumentAnnotations> with(EntityMention... m) {
        return Map.of("d", new DocumentAnnotations("d", List.of(m), List.of()));
    }

    /** "Ana 🚀 Bob" has 9 code points; Bob is [6,9) (🚀 at 4 is one code point). */
    @Example
    void aMentionOfItsDocumentIsAccepted() throws CorpusFormatException {
        Corpus c = Corpus.checked(List.of(DOC), with(new EntityMention(Span.of(TEXT, 0, 3), "PER", null),
                new EntityMention(Span.of(TEXT, 6, 9), "PER", null)), "out");
        assertThat(c.entities("d")).extracting(e -> e.span().text()).containsExactly("Ana", "Bob");
        assertThat(c.entities("other")).isEmpty();
    }

    @Example
    void aMentionWithAnotherTextOrPastTheEndIsRefused() {
        // "Bob" claimed at [5,8), where the text has " Bo"
        assertThatThrownBy(() -> Corpus.checked(List.of(DOC), with(new EntityMention(new Span(5, 8, "Bob"), "PER",
                null)), "out")).isInstanceOf(CorpusFormatException.class).hasMessage("out: entities: document 'd' "
                + "entities[0] [5,8) has the text 'Bob' but the document has ' Bo' there");
        assertThatThrownBy(() -> Corpus.checked(List.of(DOC), with(new EntityMention(new Span(8, 10, "bX"), "PER",
                null)), "out")).isInstanceOf(CorpusFormatException.class).hasMessage("out: entities: document 'd' "
                + "entities[0] [8,10) 'bX' ends past the text's 9 code points");
    }

    @Example
    void twiceTheSameDocumentOrAnnotationsOfNoneAreRefused() {
        assertThatThrownBy(() -> Corpus.checked(List.of(DOC, DOC), Map.of(), "out"))
                .hasMessage("out: doc_id: document 'd' is given twice; expected each document once");
        assertThatThrownBy(() -> Corpus.checked(List.of(DOC), Map.of("e", DocumentAnnotations.empty("e")), "out"))
                .hasMessageStartingWith("out: doc_id: annotations for 1 document(s) not being written, first 'e'");
    }
}
