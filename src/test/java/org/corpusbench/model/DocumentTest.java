package org.corpusbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;

class DocumentTest {

    @Example
    void titleIsTheFirstLineWithoutItsTerminator() {
        assertThat(Document.firstLine("Headline\r\nBody")).isEqualTo("Headline");
        assertThat(Document.firstLine("Only line")).isEqualTo("Only line");
        assertThat(Document.firstLine("\nBody")).isNull();
    }

    @Example
    void checksumIsOfTheUtf8Bytes() {
        Document d = Document.of("d", "abc", null);
        assertThat(d.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Example
    void metadataIsSortedAndImmutable() {
        Document d = new Document("d", "t", null, null, "0".repeat(64), Map.of("z", "1", "a", "2"));
        assertThat(List.copyOf(d.metadata().keySet())).containsExactly("a", "z");
    }

    @Example
    void layersAreSortedBySpan() {
        String text = "Minsk and Moscow";
        DocumentAnnotations a = new DocumentAnnotations("d", List.of(
                new EntityMention(Span.of(text, 10, 16), "GPE", "moscow"),
                new EntityMention(Span.of(text, 0, 5), "GPE", "minsk")), List.of());
        assertThat(a.entities()).extracting(e -> e.span().text()).containsExactly("Minsk", "Moscow");
    }
}
