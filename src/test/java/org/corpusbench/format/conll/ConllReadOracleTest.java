package org.corpusbench.format.conll;

import org.corpusbench.format.Corpus;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.TempFiles;
import org.corpusbench.TestTexts;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Document;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/**
 * {@link Conll#read} against the plain definition of what it returns (issue 12: import was quadratic for
 * text outside Latin-1, so it now counts code points as it goes): the text is the tokens joined by
 * spaces, sentences by line breaks, and each entity's span is cut out of that text by code points.
 */
class ConllReadOracleTest {

    /** A run of tokens: one outside any entity (type null), or an entity of 1 to 3 tokens. */
    record Run(String type, List<String> tokens) {
    }

    @Provide
    Arbitrary<List<List<List<Run>>>> documents() {
        Arbitrary<String> token = TestTexts.awkwardPieces().list().ofMinSize(1).ofMaxSize(3)
                .map(l -> String.join("", l).replaceAll("\\s+", ""))
                .filter(t -> !t.isEmpty() && !t.equals("-DOCSTART-"));
        Arbitrary<Run> run = Combinators.combine(Arbitraries.of("", "PER", "LOC"), token.list().ofMinSize(1).ofMaxSize(3))
                .as((type, tokens) -> type.isEmpty() ? new Run(null, tokens.subList(0, 1)) : new Run(type, tokens));
        return run.list().ofMinSize(1).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 200)
    void textAndSpansAreThePlainDefinition(@ForAll("documents") List<List<List<Run>>> docs) throws IOException {
        StringBuilder file = new StringBuilder();
        List<String> texts = new ArrayList<>();
        List<List<EntityMention>> mentions = new ArrayList<>();
        for (List<List<Run>> doc : docs) {
            file.append("-DOCSTART- -X- -X- O\n\n");
            List<String> sentences = new ArrayList<>();
            List<EntityMention> expected = new ArrayList<>();
            for (List<Run> sentence : doc) {
                List<String> tokens = new ArrayList<>();
                for (Run r : sentence) {
                    for (int i = 0; i < r.tokens().size(); i++) {
                        String tag = r.type() == null ? "O" : (i == 0 ? "B-" : "I-") + r.type();
                        file.append(r.tokens().get(i)).append(" -X- _ ").append(tag).append('\n');
                    }
                    if (r.type() != null) {
                        // the entity's offsets by the definition: code points of the text before it
                        String before = String.join("\n", sentences) + (sentences.isEmpty() ? "" : "\n")
                                + String.join(" ", tokens) + (tokens.isEmpty() ? "" : " ");
                        int start = CodePoints.length(before);
                        String surface = String.join(" ", r.tokens());
                        expected.add(new EntityMention(new Span(start, start + CodePoints.length(surface), surface),
                                r.type(), null));
                    }
                    tokens.addAll(r.tokens());
                }
                sentences.add(String.join(" ", tokens));
                file.append('\n');
            }
            texts.add(String.join("\n", sentences));
            mentions.add(expected);
        }
        Corpus c = TempFiles.withFile(file.toString(), f -> Conll.read(f, TagScheme.IOB2));
        assertThat(c.documents()).extracting(Document::text).isEqualTo(texts);
        for (int d = 0; d < texts.size(); d++) {
            Document doc = c.documents().get(d);
            List<EntityMention> got = c.annotations().get(doc.id()).entities();
            assertThat(got).isEqualTo(mentions.get(d));
            for (EntityMention m : got) {
                assertThat(m.span()).isEqualTo(Span.of(doc.text(), m.span().start(), m.span().end()));
            }
        }
    }
}
