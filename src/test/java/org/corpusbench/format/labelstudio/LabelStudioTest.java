package org.corpusbench.format.labelstudio;

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
import org.corpusbench.MutatedInputContract;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.format.Corpus;
import org.corpusbench.format.EntityFormatContract;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/** Label Studio JSON: round trips, the hand-written fixtures byte for byte, a foreign export, located errors. */
class LabelStudioTest implements EntityFormatContract {

    @Override
    public void write(Path dir, List<Document> documents, Map<String, DocumentAnnotations> annotations)
            throws IOException {
        LabelStudio.write(dir.resolve("tasks.json"), documents, annotations);
    }

    @Override
    public Corpus read(Path dir) throws IOException {
        return LabelStudio.read(dir.resolve("tasks.json"));
    }

    @Override
    public boolean keepsEntityIds() {
        return false;
    }

    static Path fixture(String name) {
        try {
            return Path.of(LabelStudioTest.class.getResource("/org/corpusbench/format/labelstudio/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The documents of the fixtures: Label Studio counts code points, so the offsets are corpusbench's own
     * ("𝔘lm" [10,13) although U+1F680 and U+1D518 before its end take two UTF-16 units each).
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

    static List<Document> fixtureDocuments() {
        return List.of(Document.of("astral-crlf", "Ana \uD83D\uDE80 met \uD835\uDD18lm.\r\nThe *Bank* of\r\nK\u00f6ln closed.",
                null), Document.of("empty", "", null));
    }

    @Example
    void theWriterWritesTheHandWrittenFixturesByteForByte() throws IOException {
        List<Document> docs = fixtureDocuments();
        Path dir = Files.createTempDirectory("corpusbench-labelstudio");
        try {
            LabelStudio.write(dir.resolve("a.json"), docs, fixtureAnnotations(docs));
            assertThat(Files.readString(dir.resolve("a.json"), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(fixture("tasks.json"), StandardCharsets.UTF_8));
            LabelStudio.write(dir.resolve("p.json"), docs, fixtureAnnotations(docs),
                    LabelStudio.WriteOptions.predictions("gazetteer-1"));
            assertThat(Files.readString(dir.resolve("p.json"), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(fixture("predictions.json"), StandardCharsets.UTF_8));
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    @Example
    void theFixturesReadBackAsTheirDocuments() throws IOException {
        List<Document> docs = fixtureDocuments();
        for (Corpus c : List.of(LabelStudio.read(fixture("tasks.json")),
                LabelStudio.read(fixture("predictions.json"), LabelStudio.Selection.predictions()),
                LabelStudio.read(fixture("predictions.json"), LabelStudio.Selection.predictionsOf("gazetteer-1")))) {
            assertThat(c.documents()).extracting(Document::id, Document::text).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("astral-crlf", docs.get(0).text()),
                    org.assertj.core.groups.Tuple.tuple("empty", ""));
            assertThat(c.annotations()).isEqualTo(fixtureAnnotations(docs));
        }
    }

    @Example
    void theLabelingConfigListsTheTypesOnce() {
        assertThat(LabelStudio.labelingConfig(List.of("PERSON", "ORG", "PERSON", "A&\"B"))).isEqualTo("""
                <View>
                  <Labels name="label" toName="text">
                    <Label value="A&amp;&quot;B"/>
                    <Label value="ORG"/>
                    <Label value="PERSON"/>
                  </Labels>
                  <Text name="text" value="$text"/>
                </View>
                """);
    }

    /**
     * An export in Label Studio's own shape: task id 7 without doc_id, "Zoë met 🐱 Bob\nin Oslo." (22 code
     * points; Bob [10,13), Oslo [17,21)), a cancelled annotation by user 1, one by user 2 (an object with id and
     * email; a region without text, a region with two labels, a relation and a per-region choice, both
     * skipped) and one by user 3.
     */
    @Example
    void anExportWithTwoAnnotatorsIsReadPerAnnotator() throws IOException {
        Path f = fixture("foreign/export.json");
        String t = "Zo\u00eb met \uD83D\uDC31 Bob\nin Oslo.";
        List<EntityMention> byTwo = List.of(new EntityMention(Span.of(t, 10, 13), "PER", null),
                new EntityMention(Span.of(t, 17, 21), "GPE", null),
                new EntityMention(Span.of(t, 17, 21), "LOC", null));
        for (String who : List.of("2", "b@example.org")) {
            Corpus c = LabelStudio.read(f, LabelStudio.Selection.annotationsBy(who));
            assertThat(c.documents()).extracting(Document::id, Document::text)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("7", t));
            assertThat(c.entities("7")).isEqualTo(byTwo);
        }
        assertThat(LabelStudio.read(f, LabelStudio.Selection.annotationsBy("3")).entities("7"))
                .containsExactly(new EntityMention(Span.of(t, 10, 13), "PER", null));
        // "annotations": [ is line 7; 4 spaces and "annotations": (15 characters) put the array at column 20
        CorpusFormatException e = catchRead(f, LabelStudio.Selection.annotations());
        assertThat(e.location().line()).isEqualTo(7);
        assertThat(e.location().column()).isEqualTo(20);
        assertThat(e.field()).isEqualTo("[0].annotations");
        assertThat(e.originalMessage()).isEqualTo("document '7' has 2 annotations, [b@example.org, 3]; expected one: "
                + "choose one by its annotator (completed_by), never a silent merge");
        CorpusFormatException none = catchRead(f, LabelStudio.Selection.annotationsBy("1"));
        assertThat(none.originalMessage()).startsWith("document '7' has no annotation by '1' among [b@example.org, 3]");
        CorpusFormatException noPrediction = catchRead(f, LabelStudio.Selection.predictions());
        assertThat(noPrediction.field()).isEqualTo("[0].predictions");
        assertThat(noPrediction.originalMessage()).startsWith("document '7' has no prediction; expected one");
    }

    private static CorpusFormatException catchRead(Path f, LabelStudio.Selection s) {
        try {
            LabelStudio.read(f, s);
        } catch (CorpusFormatException e) {
            assertThat(e.location().file()).isEqualTo(f.toString());
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("read without an error");
    }

    /** The fixture {@code tasks.json} with {@code from} replaced by {@code to}, read. */
    private static CorpusFormatException refusal(String from, String to) throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-labelstudio");
        try {
            String s = Files.readString(fixture("tasks.json"), StandardCharsets.UTF_8);
            assertThat(s).contains(from);
            Path f = dir.resolve("tasks.json");
            Files.writeString(f, s.replace(from, to), StandardCharsets.UTF_8);
            return catchRead(f, LabelStudio.Selection.annotations());
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    /** The 1-based code-point column of the first {@code needle} in line 2 of tasks.json after {@code from}. */
    private static long columnInLine2(String from, String needle) throws IOException {
        String line2 = Files.readString(fixture("tasks.json"), StandardCharsets.UTF_8).split("\n")[1];
        int i = line2.indexOf(needle, line2.indexOf(from));
        return line2.codePointCount(0, i) + 1;
    }

    /**
     * UTF-16 offsets where code points belong: "𝔘lm" at 11-14 (its UTF-16 place) reads "lm." in code points,
     * which the region's text shows.
     */
    @Example
    void utf16OffsetsAreCaughtByTheRegionText() throws IOException {
        CorpusFormatException e = refusal("{\"start\":10,\"end\":13,", "{\"start\":11,\"end\":14,");
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.location().column()).isEqualTo(columnInLine2("\"end\":13", "\"\uD835\uDD18lm\""));
        assertThat(e.field()).isEqualTo("[0].annotations[0].result[1].value.text");
        assertThat(e.originalMessage()).startsWith("'\uD835\uDD18lm' differs from the text at [11,14), 'lm.'; expected "
                + "the text at the offsets, which count code points");
    }

    /** The text has 43 code points (45 UTF-16 units), so end 44 is outside. */
    @Example
    void anOffsetOutsideTheTextIsRefused() throws IOException {
        CorpusFormatException e = refusal("\"start\":31,\"end\":35", "\"start\":31,\"end\":44");
        assertThat(e.field()).isEqualTo("[0].annotations[0].result[4].value.end");
        // the fixture has 35 where 44 now stands, at the same column
        assertThat(e.location().column()).isEqualTo(columnInLine2("\"start\":31", "35"));
        assertThat(e.originalMessage()).isEqualTo("end 44 is outside the text, which has 43 code points; expected "
                + "0 <= end <= 43");
    }

    @Example
    void malformedJsonIsRefusedWithItsLineAndColumn() throws IOException {
        CorpusFormatException e = refusal("\"labels\":[\"PERSON\"]}}", "\"labels\":[\"PERSON\"]}");
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.location().column()).isPositive();
        assertThat(e.originalMessage()).startsWith("malformed JSON: ");
    }

    @Example
    void everyBadTaskIsReported() throws IOException {
        CorpusFormatException e = refusal("\"labels\":[\"PERSON\"]", "\"labels\":[]");
        assertThat(e).isNotInstanceOf(CorpusFormatProblems.class);
        assertThat(e.originalMessage()).isEqualTo("found no label; expected the region's labels, [\"TYPE\", ...]");
        Path dir = Files.createTempDirectory("corpusbench-labelstudio");
        try {
            Path f = dir.resolve("t.json");
            Files.writeString(f, "[\n{\"data\":{\"doc_id\":\"a\"}},\n{\"data\":{\"doc_id\":\"a\",\"text\":\"x\"},"
                    + "\"annotations\":[{\"result\":[]}]},\n{\"data\":{\"doc_id\":\"a\",\"text\":\"x\"},"
                    + "\"annotations\":[{\"result\":[]}]},\n{\"text\":\"min\"}\n]\n", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> LabelStudio.read(f)).isInstanceOfSatisfying(CorpusFormatProblems.class, p -> {
                assertThat(p.problems()).extracting(x -> x.location().line()).containsExactly(2L, 4L, 5L);
                assertThat(p.problems().get(0).originalMessage()).startsWith("found no 'text'; expected the document "
                        + "text as a string in data.text");
                assertThat(p.problems().get(1).originalMessage()).startsWith("document id 'a' again, first at " + f
                        + ":3:1");
                assertThat(p.problems().get(2).originalMessage()).contains("(its JSON-MIN and CSV exports are not "
                        + "read)");
            });
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    @Example
    void anUnknownResultTypeIsRefusedAndKnownOthersAreSkipped() throws IOException {
        CorpusFormatException e = refusal("\"id\":\"e1\",\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\"",
                "\"id\":\"e1\",\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"hypertextlabels\"");
        assertThat(e.field()).isEqualTo("[0].annotations[0].result[0].type");
        assertThat(e.originalMessage()).startsWith("'hypertextlabels' is not a span label on a text");
    }

    @Example
    void predictionsNeedAModelVersion() {
        assertThatThrownBy(() -> LabelStudio.WriteOptions.predictions(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("predictions need a model_version");
    }

    /**
     * The texts and offsets Label Studio's own editor test expects ("NER - Emoji - Text"): in "🐱 Warning: This is
     * a test text", "test" at 21-25 (code points: 🐱 is one; UTF-16 would give 22-26); in "🐱 Warning:\n🐱 This is a
     * test text", "Warning:" to "test" at 2-27, whose region text the editor writes with the line feed as the two
     * characters \n.
     */
    @Example
    void labelStudiosOwnEmojiExpectationsAreRead() throws IOException {
        String one = "\uD83D\uDC31 Warning: This is a test text";
        String two = "\uD83D\uDC31 Warning:\n\uD83D\uDC31 This is a test text";
        Path dir = Files.createTempDirectory("corpusbench-labelstudio");
        try {
            Path f = dir.resolve("t.json");
            Files.writeString(f, "[\n{\"id\":1,\"data\":{\"text\":\"" + one + "\"},\"annotations\":[{\"result\":[{\"value\":"
                    + "{\"start\":21,\"end\":25,\"text\":\"test\",\"labels\":[\"region\"]},\"id\":\"a\",\"from_name\":"
                    + "\"tag\",\"to_name\":\"text\",\"type\":\"labels\"}]}]},\n{\"id\":2,\"data\":{\"text\":\""
                    + two.replace("\n", "\\n") + "\"},\"annotations\":[{\"result\":[{\"value\":{\"start\":2,\"end\":27,"
                    + "\"text\":\"Warning:\\\\n\uD83D\uDC31 This is a test\",\"labels\":[\"region\"]},\"id\":\"b\","
                    + "\"from_name\":\"tag\",\"to_name\":\"text\",\"type\":\"labels\"}]}]}\n]\n", StandardCharsets.UTF_8);
            Corpus c = LabelStudio.read(f);
            assertThat(c.entities("1")).containsExactly(new EntityMention(Span.of(one, 21, 25), "region", null));
            assertThat(c.entities("1").get(0).span().text()).isEqualTo("test");
            assertThat(c.entities("2")).containsExactly(new EntityMention(Span.of(two, 2, 27), "region", null));
            assertThat(c.entities("2").get(0).span().text()).isEqualTo("Warning:\n\uD83D\uDC31 This is a test");
        } finally {
            MutatedInputContract.delete(dir);
        }
    }
}
