package org.corpusbench.format.webanno;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.format.Corpus;
import org.corpusbench.format.EntityFormatContract;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/** WebAnno TSV 3.3: round trips, the hand-written fixtures byte for byte, a foreign file, located errors. */
class WebAnnoTsvTest implements EntityFormatContract {

    @Override
    public void write(Path dir, List<Document> documents, Map<String, DocumentAnnotations> annotations)
            throws IOException {
        WebAnnoTsv.write(dir, documents, annotations);
    }

    @Override
    public Corpus read(Path dir) throws IOException {
        return WebAnnoTsv.read(dir);
    }

    @Override
    public boolean keepsEntityIds() {
        return true;
    }

    static Path fixtures() {
        try {
            return Path.of(WebAnnoTsvTest.class.getResource("/org/corpusbench/format/webanno").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The documents of the fixtures. In {@code astral-crlf}, U+1F680 (at code point 4) and U+1D518 (at 10) take
     * two UTF-16 units each: a code-point offset c is the UTF-16 offset c + 1 for 4 < c <= 10 and c + 2 after,
     * so the text's 43 code points are 45 units, "𝔘lm" [10,13) is 11-15, "*Bank* of\r\nKöln" [20,35) is 22-37
     * and "Köln" [31,35) is 33-37.
     */
    static Map<Document, List<EntityMention>> fixtureDocuments() {
        String t = "Ana \uD83D\uDE80 met \uD835\uDD18lm.\r\nThe *Bank* of\r\nK\u00f6ln closed.";
        Document astral = Document.of("astral-crlf", t, null);
        List<EntityMention> m = List.of(
                new EntityMention(Span.of(t, 0, 3), "PERSON", "ana_1"),
                new EntityMention(Span.of(t, 10, 13), "GPE", null),
                new EntityMention(Span.of(t, 16, 19), "WORK_OF_ART", null),
                new EntityMention(Span.of(t, 20, 35), "ORG", "bank->koeln"),
                new EntityMention(Span.of(t, 31, 35), "GPE", "koeln"));
        Map<Document, List<EntityMention>> out = new java.util.LinkedHashMap<>();
        out.put(astral, m);
        out.put(Document.of("leading-tab", "\tHi\n", null), List.of());
        out.put(Document.of("empty", "", null), List.of());
        return out;
    }

    private static Map<String, DocumentAnnotations> annotations(Map<Document, List<EntityMention>> docs) {
        Map<String, DocumentAnnotations> a = new java.util.LinkedHashMap<>();
        docs.forEach((d, m) -> a.put(d.id(), new DocumentAnnotations(d.id(), m, List.of())));
        return a;
    }

    @Example
    void theWriterWritesTheHandWrittenFixturesByteForByte() throws IOException {
        Map<Document, List<EntityMention>> docs = fixtureDocuments();
        Path dir = Files.createTempDirectory("corpusbench-webanno");
        try {
            WebAnnoTsv.write(dir, List.copyOf(docs.keySet()), annotations(docs));
            for (Document d : docs.keySet()) {
                assertThat(Files.readString(dir.resolve(d.id() + ".tsv"), StandardCharsets.UTF_8)).as(d.id())
                        .isEqualTo(Files.readString(fixtures().resolve(d.id() + ".tsv"), StandardCharsets.UTF_8));
            }
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    @Example
    void theFixturesReadBackAsTheirDocuments() throws IOException {
        Corpus c = WebAnnoTsv.read(fixtures());
        Map<Document, List<EntityMention>> docs = fixtureDocuments();
        // name order: astral-crlf, empty, leading-tab
        assertThat(c.documents()).extracting(Document::id).containsExactly("astral-crlf", "empty", "leading-tab");
        for (Map.Entry<Document, List<EntityMention>> e : docs.entrySet()) {
            Document r = c.documents().stream().filter(x -> x.id().equals(e.getKey().id())).findFirst().orElseThrow();
            assertThat(r.text()).isEqualTo(e.getKey().text());
            assertThat(c.entities(r.id())).isEqualTo(e.getValue());
        }
    }

    @Example
    void aFileWithCrlfLineEndingsReadsTheSame() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-webanno");
        try {
            String lf = Files.readString(fixtures().resolve("astral-crlf.tsv"), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("astral-crlf.tsv"), lf.replace("\n", "\r\n"), StandardCharsets.UTF_8);
            Corpus c = WebAnnoTsv.read(dir);
            Corpus expected = WebAnnoTsv.read(fixtures().resolve("astral-crlf.tsv"));
            assertThat(c.documents().get(0).text()).isEqualTo(expected.documents().get(0).text());
            assertThat(c.entities("astral-crlf")).isEqualTo(expected.entities("astral-crlf")).hasSize(5);
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    /**
     * A file in the shape INCEpTION's user guide documents, not written by corpusbench: version 3.2, a POS layer
     * and a relation layer before and after the entities (skipped), no identifier feature, no trailing tab, a
     * sub-token, a sentence id, and a second sentence at 27 while the first ends at 25: INCEpTION puts a line
     * feed after the first (26 units) and pads one space, so the text is "Dr. Ng visits Zürich 😊 .\n Bye ."
     * (32 UTF-16 units, 31 code points: U+1F60A at 21 counts 2 units). "Dr." 0-3, "Dr. Ng" 0-6 ([1] on two
     * tokens), "Zürich" 14-20, "Zür" 14-17 lie before the emoji, so their code points are the same.
     */
    @Example
    void aFileInInceptionsDocumentedShapeIsRead() throws IOException {
        Corpus c = WebAnnoTsv.read(fixtures().resolve("foreign/pos-and-subtokens.tsv"));
        Document d = c.documents().get(0);
        assertThat(d.id()).isEqualTo("pos-and-subtokens");
        String t = "Dr. Ng visits Z\u00fcrich \uD83D\uDE0A .\n Bye .";
        assertThat(d.text()).isEqualTo(t);
        assertThat(d.length()).isEqualTo(31);
        assertThat(c.entities(d.id())).containsExactly(
                new EntityMention(Span.of(t, 0, 3), "TITLE", null),
                new EntityMention(Span.of(t, 0, 6), "PER", null),
                new EntityMention(Span.of(t, 14, 17), "CITYPART", null),
                new EntityMention(Span.of(t, 14, 20), "LOC", null));
    }

    /** The fixture {@code astral-crlf.tsv} with {@code from} replaced by {@code to}, read. */
    private static CorpusFormatException refusal(String from, String to) throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-webanno");
        try {
            String s = Files.readString(fixtures().resolve("astral-crlf.tsv"), StandardCharsets.UTF_8);
            assertThat(s).contains(from);
            Path f = dir.resolve("astral-crlf.tsv");
            Files.writeString(f, s.replace(from, to), StandardCharsets.UTF_8);
            try {
                WebAnnoTsv.read(f);
            } catch (CorpusFormatException e) {
                assertThat(e.location().file()).isEqualTo(f.toString());
                return e;
            }
            throw new AssertionError("read without an error");
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    /** Line 9 is "1-4 TAB 11-15 TAB 𝔘lm ...": the offsets start at column 5 (after "1-4" and a tab). */
    @Example
    void anOffsetBetweenTheTwoUnitsOfAnAstralCharacterIsRefused() throws IOException {
        CorpusFormatException e = refusal("1-4\t11-15", "1-4\t12-15");
        assertThat(e.location().line()).isEqualTo(9);
        assertThat(e.location().column()).isEqualTo(5);
        assertThat(e.field()).isEqualTo("offsets");
        assertThat(e.originalMessage()).startsWith("offset 12 falls between the two UTF-16 units of U+1D518");
    }

    /**
     * Code points written where UTF-16 units belong ("𝔘lm" at 10-13): 10-13 is " 𝔘" in UTF-16 units. The token
     * column starts at column 11 (5 + "10-13" + tab).
     */
    @Example
    void codePointOffsetsShowAsATokenThatDiffersFromTheText() throws IOException {
        CorpusFormatException e = refusal("1-4\t11-15", "1-4\t10-13");
        assertThat(e.location().line()).isEqualTo(9);
        assertThat(e.location().column()).isEqualTo(11);
        assertThat(e.field()).isEqualTo("token");
        assertThat(e.originalMessage()).isEqualTo("'\uD835\uDD18lm' differs from the text at 10-13, ' \uD835\uDD18'");
    }

    @Example
    void aTokenPastItsSentenceIsRefused() throws IOException {
        CorpusFormatException e = refusal("2-5\t38-45", "2-5\t38-46");
        assertThat(e.location().line()).isEqualTo(18);
        assertThat(e.field()).isEqualTo("offsets");
        assertThat(e.originalMessage()).isEqualTo("'38-46' is not inside its sentence, which covers 18-45 (UTF-16 "
                + "units); expected BEGIN <= END within the sentence's text");
    }

    /** Line 6: "1-1 TAB 0-3 TAB Ana TAB ana\_1 TAB PERSON": value starts at 1 + 4 + 4 + 4 + 7 = column 20. */
    @Example
    void aNamedEntityWithoutAValueIsRefused() throws IOException {
        CorpusFormatException e = refusal("ana\\_1\tPERSON", "ana\\_1\t*");
        assertThat(e.location().line()).isEqualTo(6);
        assertThat(e.location().column()).isEqualTo(20);
        assertThat(e.field()).isEqualTo("value");
        assertThat(e.originalMessage()).isEqualTo("annotation 1 has no value ('*'); expected its entity type");
    }

    @Example
    void anUnknownEscapeInTheTextIsRefusedAtItsColumn() throws IOException {
        // "#Text=Ana " is 10 characters, so the backslash is at column 11
        CorpusFormatException e = refusal("#Text=Ana ", "#Text=Ana \\q");
        assertThat(e.location().line()).isEqualTo(5);
        assertThat(e.location().column()).isEqualTo(11);
        assertThat(e.originalMessage()).startsWith("unknown escape '\\q'");
    }

    @Example
    void columnsThatListDifferentAnnotationsAreRefused() throws IOException {
        CorpusFormatException e = refusal("bank\\->koeln[1]|koeln[2]", "bank\\->koeln[1]");
        assertThat(e.location().line()).isEqualTo(17);
        assertThat(e.field()).isEqualTo("identifier");
        assertThat(e.originalMessage()).startsWith("'bank\\->koeln[1]' lists 1 annotation(s) but value "
                + "'ORG[1]|GPE[2]' lists 2");
    }

    @Example
    void anotherVersionOrAMissingLayerIsRefused() throws IOException {
        CorpusFormatException v = refusal("TSV 3.3", "TSV 3.1");
        assertThat(v.location().line()).isEqualTo(1);
        assertThat(v.originalMessage()).startsWith("'#FORMAT=WebAnno TSV 3.1'; expected '#FORMAT=WebAnno TSV 3.3'");
        CorpusFormatException l = refusal("ner.type.NamedEntity", "ner.type.Other");
        assertThat(l.originalMessage()).startsWith("no span layer " + WebAnnoTsv.NAMED_ENTITY
                + " among the declared layers [de.tudarmstadt.ukp.dkpro.core.api.ner.type.Other]");
    }

    @Example
    void aRawTabInATokenIsRefusedForItsFieldCount() throws IOException {
        CorpusFormatException e = refusal("1-3\t7-10\tmet", "1-3\t7-10\tm\tet");
        assertThat(e.location().line()).isEqualTo(8);
        assertThat(e.originalMessage()).startsWith("found 7 tab-separated fields; expected 5");
    }

    @Example
    void unknownTypesAndOverlapsAreReadAsTheyAre() throws IOException {
        // the validator, not the reader, decides about types and overlaps (as for brat and CoNLL)
        Path dir = Files.createTempDirectory("corpusbench-webanno");
        try {
            String s = Files.readString(fixtures().resolve("astral-crlf.tsv"), StandardCharsets.UTF_8);
            Path f = dir.resolve("x.tsv");
            Files.writeString(f, s.replace("PERSON", "NOT_A_TYPE"), StandardCharsets.UTF_8);
            Corpus c = WebAnnoTsv.read(f);
            assertThat(c.entities("x")).extracting(EntityMention::type)
                    .containsExactly("NOT_A_TYPE", "GPE", "WORK_OF_ART", "ORG", "GPE");
            assertThat(c.entities("x").get(3).span().overlaps(c.entities("x").get(4).span())).isTrue();
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    @Example
    void aControlCharacterInATypeIsNotWritten() throws IOException {
        Document d = Document.of("d", "abc", null);
        Path dir = Files.createTempDirectory("corpusbench-webanno");
        try {
            assertThatThrownBy(() -> WebAnnoTsv.write(dir, List.of(d), Map.of("d", new DocumentAnnotations("d",
                    List.of(new EntityMention(Span.of("abc", 0, 1), "X\rY", null)), List.of()))))
                    .isInstanceOf(CorpusFormatException.class)
                    .hasMessageContaining("entities[0]: document 'd': the type 'X\rY' holds the control character "
                            + "U+000D");
            try (var files = Files.list(dir)) {
                assertThat(files.toList()).as("nothing written").isEmpty();
            }
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    /**
     * An empty span is an empty token, as INCEpTION writes a zero-width annotation: in "AB CD", [2,2) before the
     * space and [5,5) at the end become 2-2 (after AB 0-2) and 5-5 (after CD 3-5).
     */
    @Example
    void anEmptySpanIsAnEmptyToken() throws IOException {
        String t = "AB CD";
        Document d = Document.of("e", t, null);
        List<EntityMention> m = List.of(new EntityMention(Span.of(t, 2, 2), "X", null),
                new EntityMention(Span.of(t, 5, 5), "Y", "y1"));
        Path dir = Files.createTempDirectory("corpusbench-webanno");
        try {
            WebAnnoTsv.write(dir, List.of(d), Map.of("e", new DocumentAnnotations("e", m, List.of())));
            assertThat(Files.readString(dir.resolve("e.tsv"), StandardCharsets.UTF_8)).endsWith("#Text=AB CD\n"
                    + "1-1\t0-2\tAB\t_\t_\t\n1-2\t2-2\t\t*\tX\t\n1-3\t3-5\tCD\t_\t_\t\n1-4\t5-5\t\ty1\tY\t\n");
            Corpus c = WebAnnoTsv.read(dir);
            assertThat(c.entities("e")).isEqualTo(m);
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    /**
     * INCEpTION exports a document without annotations with no layer in the header (its writer declares only
     * the layers in use): read as a document without mentions. The text: "Hi ." at 0 plus the line feed the
     * format adds.
     */
    @Example
    void aFileThatDeclaresNoLayerIsADocumentWithoutMentions() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-webanno");
        try {
            Path f = dir.resolve("plain.tsv");
            Files.writeString(f, "#FORMAT=WebAnno TSV 3.3\n\n\n#Text=Hi .\n1-1\t0-2\tHi\t\n1-2\t3-4\t.\t\n",
                    StandardCharsets.UTF_8);
            Corpus c = WebAnnoTsv.read(f);
            assertThat(c.documents().get(0).text()).isEqualTo("Hi .");
            assertThat(c.entities("plain")).isEmpty();
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    /**
     * Spans that begin or end in white space, which the format cannot address between tokens. In
     * "A  B\tC\nD" (UTF-16 = code points): " B" [2,4) starts with a space, so the space [2,3) becomes a token;
     * "C\n" [5,7) ends with a line feed, which INCEpTION would write raw, so an empty token 7-7 marks its end,
     * after D (7-8) as UIMA orders tokens; so that the span stays in one sentence, none starts at D.
     */
    @Example
    void spansWithWhiteSpaceAtTheirEdgesGetTokensOrEmptyTokens() throws IOException {
        String t = "A  B\tC\nD";
        Document d = Document.of("ws", t, null);
        List<EntityMention> m = List.of(new EntityMention(Span.of(t, 2, 4), "X", null),
                new EntityMention(Span.of(t, 5, 7), "Y", null));
        Path dir = Files.createTempDirectory("corpusbench-webanno");
        try {
            WebAnnoTsv.write(dir, List.of(d), Map.of("ws", new DocumentAnnotations("ws", m, List.of())));
            String tsv = Files.readString(dir.resolve("ws.tsv"), StandardCharsets.UTF_8);
            assertThat(tsv).contains("1-2\t2-3\t \t*[1]\tX[1]\t\n1-3\t3-4\tB\t*[1]\tX[1]\t\n")
                    .contains("1-4\t5-6\tC\t*[2]\tY[2]\t\n1-5\t7-8\tD\t_\t_\t\n1-6\t7-7\t\t*[2]\tY[2]\t\n");
            Corpus c = WebAnnoTsv.read(dir);
            assertThat(c.documents().get(0).text()).isEqualTo(t);
            assertThat(c.entities("ws")).isEqualTo(m);
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    /**
     * INCEpTION's project export: annotation/&lt;document&gt;/&lt;user&gt;.tsv. Documents imported from corpusbench's
     * export are named after its files ("astral-crlf.tsv"), so the folder name without .tsv is the id.
     */
    @Example
    void oneAnnotatorIsReadFromAProjectExport() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-webanno");
        try {
            for (String doc : List.of("astral-crlf", "leading-tab")) {
                Files.createDirectories(dir.resolve(doc + ".tsv"));
                Files.copy(fixtures().resolve(doc + ".tsv"), dir.resolve(doc + ".tsv").resolve("anna.tsv"));
            }
            Files.copy(fixtures().resolve("empty.tsv"), dir.resolve("astral-crlf.tsv").resolve("ben.tsv"));
            Corpus anna = WebAnnoTsv.readAnnotator(dir, "anna", WebAnnoTsv.Layer.namedEntity());
            assertThat(anna.documents()).extracting(Document::id).containsExactly("astral-crlf", "leading-tab");
            assertThat(anna.entities("astral-crlf")).isEqualTo(fixtureDocuments().entrySet().iterator().next()
                    .getValue());
            CorpusFormatException e = org.assertj.core.api.Assertions.catchThrowableOfType(CorpusFormatException.class,
                    () -> WebAnnoTsv.readAnnotator(dir, "ben", WebAnnoTsv.Layer.namedEntity()));
            assertThat(e.location().file()).isEqualTo(dir.toString());
            assertThat(e.originalMessage()).startsWith("1 of 2 document folder(s) have no ben.tsv, [leading-tab.tsv]");
        } finally {
            MutatedInputContract.delete(dir);
        }
    }
}
