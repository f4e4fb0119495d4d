package org.corpusbench.format.conll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;
import org.corpusbench.schema.EntityTypes;
import org.corpusbench.tags.TagScheme;
import org.junit.jupiter.api.Test;

/** Found while documenting the API (issue 13): the CoNLL-4 mapping wrote "B-null" for types it leaves out. */
class ConllIssue13Test {

    @Test
    void aTypeWithoutACoNll4LabelIsLeftOutNotWrittenAsNull() throws IOException {
        String text = "Ana paid 5 dollars";
        Document d = Document.of("d", text, null);
        DocumentAnnotations gold = new DocumentAnnotations("d", List.of(
                new EntityMention(Span.of(text, 0, 3), "PERSON", null),
                new EntityMention(Span.of(text, 9, 18), "MONEY", null)), List.of());
        Conll.Tokenizer words = doc -> List.of(List.of(Span.of(text, 0, 3), Span.of(text, 4, 8),
                Span.of(text, 9, 10), Span.of(text, 11, 18)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Conll.Export e = Conll.write(out, List.of(d), words, Map.of("d", gold), TagScheme.IOB2,
                EntityTypes::toConll4);
        String conll = out.toString(StandardCharsets.UTF_8);
        assertThat(conll).doesNotContain("null");
        assertThat(conll).contains("Ana -X- _ B-PER", "5 -X- _ O", "dollars -X- _ O");
        assertThat(e.entities()).isEqualTo(1);
        assertThat(e.misaligned()).isEmpty();
    }
}
