package org.corpusbench.format.doccano;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import org.assertj.core.groups.Tuple;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.format.Corpus;
import org.corpusbench.format.EntityFormatContract;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/** doccano JSONL: round trips, the hand-written fixture byte for byte, a foreign export, located errors. */
class DoccanoTest implements EntityFormatContract {

    @Override
    public void write(Path dir, List<Document> documents, Map<String, DocumentAnnotations> annotations)
            throws IOException {
        Doccano.write(dir.resolve("documents.jsonl"), documents, annotations);
    }

    @Override
    public Corpus read(Path dir) throws IOException {
        return Doccano.read(dir.resolve("documents.jsonl"));
    }

    @Override
    public boolean keepsEntityIds() {
        return false;
    }

    static Path fixture(String name) {
        try {
            return Path.of(DoccanoTest.class.getResource("/org/corpusbench/format/doccano/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Document> fixtureDocuments() {
        return List.of(Document.of("astral-crlf", "Ana \uD83D\uDE80 met \uD835\uDD18lm.\r\nThe *Bank* of\r\nK\u00f6ln closed.",
                null), Document.of("empty", "", null));
    }

    /**
     * In code points. The file has UTF-16 units: U+1F680 (code point 4) and U+1D518 (10) take two each, so
     * [10,13) is 11-15, [16,19) is 18-21, [20,35) is 22-37 and [31,35) is 33-37; [0,3) stays 0-3.
     */
    static Map<String, DocumentAnnotations> fixtureAnnotations(List<Document> docs) {
        String t = docs.get(0).text();
        Map<String, DocumentAnnotations> a = new LinkedHashMap<>();
        a.put("astral-crlf", new DocumentAnnotations("astral-crlf", List.of(
                new EntityMention(Span.of(t, 0, 3), "PERSON", null),
                new EntityMention(Span.of(t, 10, 13), "GPE", null),
                new EntityMention(Span.of(t, 16, 19), "WORK_OF_ART", null),
                new EntityMention(Span.of(t, 20, 35), "ORG", null),
                new EntityMention(Span.of(t, 31, 35), "GPE", null)), List.of()));
        a.put("empty", DocumentAnnotations.empty("empty"));
        return a;
    }

    @Example
    void theWriterWritesTheHandWrittenFixtureByteForByte() throws IOException {
        List<Document> docs = fixtureDocuments();
        Path dir = Files.createTempDirectory("corpusbench-doccano");
        try {
            Doccano.write(dir.resolve("d.jsonl"), docs, fixtureAnnotations(docs));
            assertThat(Files.readString(dir.resolve("d.jsonl"), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(fixture("documents.jsonl"), StandardCharsets.UTF_8));
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    @Example
    void theFixtureReadsBackAsItsDocuments() throws IOException {
        List<Document> docs = fixtureDocuments();
        Corpus c = Doccano.read(fixture("documents.jsonl"));
        assertThat(c.documents()).extracting(Document::id, Document::text).containsExactly(
                Tuple.tuple("astral-crlf", docs.get(0).text()), Tuple.tuple("empty", ""));
        assertThat(c.annotations()).isEqualTo(fixtureAnnotations(docs));
    }

    /**
     * doccano's own export shape, ids from its "id". Line 1 is the example of doccano's issue 2290: 👨🏻‍🚒 is four
     * code points in seven UTF-16 units (2 + 2 + 1 + 2), so "firetrucks" at 22-32 is [19,29). Line 2 has the
     * "entities" form: "Boë 🐱 and Al", where 🐱 (code point 4) takes two units, so "Al" at 11-13 is [10,12).
     */
    @Example
    void doccanosOwnExportIsRead() throws IOException {
        Corpus c = Doccano.read(fixture("foreign/export.jsonl"));
        String f = "\uD83D\uDC68\uD83C\uDFFB\u200D\uD83D\uDE92 firemen drive firetrucks";
        String g = "Bo\u00eb \uD83D\uDC31 and Al";
        assertThat(c.documents()).extracting(Document::id, Document::text)
                .containsExactly(Tuple.tuple("1", f), Tuple.tuple("2", g));
        assertThat(c.entities("1")).containsExactly(new EntityMention(Span.of(f, 19, 29), "VEHICLE", null));
        assertThat(c.entities("2")).containsExactly(new EntityMention(Span.of(g, 0, 3), "PER", null),
                new EntityMention(Span.of(g, 10, 12), "PER", null));
    }

    private static CorpusFormatException refusal(String content) throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-doccano");
        try {
            Path f = dir.resolve("x.jsonl");
            Files.writeString(f, content, StandardCharsets.UTF_8);
            try {
                Doccano.read(f);
            } catch (CorpusFormatException e) {
                assertThat(e.location().file()).isEqualTo(f.toString());
                return e;
            }
            throw new AssertionError("read without an error");
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    /** 🚀 takes UTF-16 units 2 and 3 of "a 🚀 b"; 3 falls between them. */
    @Example
    void anOffsetInsideAnAstralCharacterIsRefused() throws IOException {
        CorpusFormatException e = refusal("{\"text\":\"ok\",\"label\":[]}\n{\"text\":\"a \uD83D\uDE80 b\",\"label\":"
                + "[[0,1,\"X\"],[3,6,\"Y\"]]}\n");
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("label[1][0]");
        assertThat(e.originalMessage()).startsWith("offset 3 falls between the two UTF-16 units of U+1F680");
    }

    /** "a 🚀 b" has 6 UTF-16 units (5 code points): 7 is past its end. */
    @Example
    void anOffsetPastTheTextIsRefused() throws IOException {
        CorpusFormatException e = refusal("{\"text\":\"a \uD83D\uDE80 b\",\"label\":[[5,7,\"Y\"]]}\n");
        assertThat(e.field()).isEqualTo("label[0][1]");
        assertThat(e.originalMessage()).isEqualTo("offset 7 is past the end of the text, which has 6 UTF-16 units "
                + "(5 code points)");
    }

    @Example
    void malformedRecordsAreAllReported() throws IOException {
        CorpusFormatException e = refusal("""
                {"doc_id":"a","text":"x","label":[]}
                {"doc_id":"b","text":"x","label":["POSITIVE"]}
                {"doc_id":"a","text":"y","label":[]}
                {"doc_id":"c","text":"x"
                {"doc_id":"d","text":"x","labels":[[0,1,"X"]]}
                {"doc_id":"e","text":"xy","label":[[1,0,"X"]]}
                """);
        assertThat(e).isInstanceOfSatisfying(CorpusFormatProblems.class, p -> {
            assertThat(p.problems()).extracting(x -> x.location().line()).containsExactly(2L, 3L, 4L, 5L, 6L);
            assertThat(p.problems()).extracting(CorpusFormatException::field)
                    .containsExactly("label[0]", "doc_id", null, "label", "label[0][1]");
            assertThat(p.problems().get(0).originalMessage()).isEqualTo("found the string \"POSITIVE\" (a text "
                    + "classification label?); expected [start, end, \"TYPE\"]");
            assertThat(p.problems().get(1).originalMessage()).startsWith("document id 'a' again, first at ");
            assertThat(p.problems().get(3).originalMessage()).startsWith("no 'label'; expected [[start, end, "
                    + "\"TYPE\"], ...], an empty list for a document without entities");
            assertThat(p.problems().get(4).originalMessage()).isEqualTo("end 0 is before start 1; expected start <= "
                    + "end");
        });
    }

    @Example
    void withoutAnIdTheRecordNumberNamesTheDocument() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-doccano");
        try {
            Path f = dir.resolve("books.jsonl");
            Files.writeString(f, "{\"text\":\"EU rejects\",\"label\":[[0,2,\"ORG\"]]}\n\n{\"text\":\"Peter\",\"label\":[]}\n",
                    StandardCharsets.UTF_8);
            Corpus c = Doccano.read(f);
            // the blank line is not a record: the second document is record 2
            assertThat(c.documents()).extracting(Document::id).containsExactly("books-1", "books-2");
            assertThat(c.entities("books-1")).containsExactly(new EntityMention(Span.of("EU rejects", 0, 2), "ORG",
                    null));
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    @Example
    void annotationsForAnotherDocumentAreNotWrittenSilently() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-doccano");
        try {
            Document d = Document.of("a", "xy", null);
            assertThatThrownBy(() -> Doccano.write(dir.resolve("o.jsonl"), List.of(d),
                    Map.of("b", DocumentAnnotations.empty("b"))))
                    .isInstanceOf(CorpusFormatException.class)
                    .hasMessageContaining("annotations for 1 document(s) not being written, first 'b'");
            assertThat(Files.exists(dir.resolve("o.jsonl"))).isFalse();
        } finally {
            MutatedInputContract.delete(dir);
        }
    }
}
