package org.corpusbench.schema;

import org.corpusbench.diagnostic.Diagnostic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.corpusbench.model.TimexType;
import org.junit.jupiter.api.io.TempDir;

/** One example per validation message, asserting file, line, field and text. */
class CorpusValidatorTest {

    @TempDir
    Path dir;

    private static final String DOC = "{\"id\":\"d1\",\"text\":\"President Alexander Lukashenko \uD83D\uDE80 in December.\","
            + "\"sha256\":\"" + "0".repeat(64) + "\"}";

    private List<String> validate(String annotations) throws IOException {
        Files.writeString(dir.resolve("documents.jsonl"), DOC + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("annotations.jsonl"), annotations, StandardCharsets.UTF_8);
        return CorpusValidator.validate(List.of(dir), CorpusValidator.Role.GOLD).stream()
                .map(d -> d.toString().replace(dir.toString(), "DIR")).toList();
    }

    private static String ann(String entities, String timexes) {
        return "{\"doc_id\":\"d1\",\"entities\":[" + entities + "],\"timexes\":[" + timexes + "]}\n";
    }

    @Test
    void cleanGoldHasNoDiagnostics() throws IOException {
        assertThat(validate(ann(
                "{\"start\":10,\"end\":30,\"text\":\"Alexander Lukashenko\",\"type\":\"PERSON\",\"entity_id\":\"lukashenko\"}",
                "{\"tid\":\"t1\",\"start\":36,\"end\":44,\"text\":\"December\",\"type\":\"DATE\",\"value\":\"XXXX-12\"}")))
                .isEmpty();
    }

    @Test
    void surfaceTextMismatchCountsCodePoints() throws IOException {
        assertThat(validate(ann(
                "{\"start\":35,\"end\":43,\"text\":\"December\",\"type\":\"GPE\",\"entity_id\":\"x\"}", "")))
                .containsExactly("DIR/annotations.jsonl:1: entities[0].text: 'December' does not match the text at "
                        + "[35,43), which is ' Decembe' (offsets count code points)");
    }

    @Test
    void offsetPastTheEnd() throws IOException {
        assertThat(validate(ann("{\"start\":40,\"end\":50,\"text\":\"0123456789\",\"type\":\"GPE\",\"entity_id\":\"x\"}",
                ""))).containsExactly("DIR/annotations.jsonl:1: entities[0].end: offset 50 is past the end of the "
                        + "text (45 code points)");
    }

    @Test
    void unknownEntityType() throws IOException {
        assertThat(validate(ann("{\"start\":0,\"end\":9,\"text\":\"President\",\"type\":\"TITLE\",\"entity_id\":\"x\"}",
                ""))).singleElement().asString().startsWith("DIR/annotations.jsonl:1: entities[0].type: unknown "
                        + "entity type 'TITLE'; expected an OntoNotes 5 label");
    }

    @Test
    void overlappingGoldEntities() throws IOException {
        assertThat(validate(ann(
                "{\"start\":10,\"end\":30,\"text\":\"Alexander Lukashenko\",\"type\":\"PERSON\",\"entity_id\":\"l\"},"
                        + "{\"start\":20,\"end\":30,\"text\":\"Lukashenko\",\"type\":\"PERSON\",\"entity_id\":\"l\"}", "")))
                .containsExactly("DIR/annotations.jsonl:1: entities[1]: gold entity span [20,30) 'Lukashenko' overlaps "
                        + "entities[0] [10,30) 'Alexander Lukashenko'; gold entity spans must not nest or overlap");
    }

    @Test
    void badTimexValue() throws IOException {
        assertThat(validate(ann("", "{\"tid\":\"t1\",\"start\":36,\"end\":44,\"text\":\"December\",\"type\":\"DATE\","
                + "\"value\":\"December\"}"))).containsExactly("DIR/annotations.jsonl:1: timexes[0].value: 'December' "
                        + "is not a valid TIMEX3 DATE value; expected a date such as 2024-11-10, XXXX-12-06, XXXX-12, "
                        + "2024-W45, 2024-Q4 or PAST_REF");
    }

    @Test
    void unknownDocumentAndDuplicateRecord() throws IOException {
        String other = "{\"doc_id\":\"nope\",\"entities\":[],\"timexes\":[]}\n";
        assertThat(validate(ann("", "") + ann("", "") + other)).containsExactly(
                "DIR/annotations.jsonl:2: doc_id: duplicate record for document 'd1'; expected one line per document",
                "DIR/annotations.jsonl:3: doc_id: unknown document 'nope'; expected one of the 1 documents given");
    }

    @Test
    void schemaViolationsAreReportedWithTheirField() throws IOException {
        List<String> out = validate("{\"doc_id\":\"d1\",\"entities\":[],\"timexes\":[{\"start\":0,\"end\":9,"
                + "\"text\":\"President\",\"type\":\"DATE\",\"value\":\"XXXX\"}]}\n");
        assertThat(out).singleElement().asString()
                .startsWith("DIR/annotations.jsonl:1: timexes[0].tid: ")
                .contains("schema annotations.schema.json, keyword required");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() throws IOException {
        String lines = "not json\n" + ann("", "") + "{\"doc_id\": 5}\n[1,2]\n";
        List<String> out = validate(lines);
        assertThat(out).as(String.join("\n", out)).hasSize(5);
        assertThat(out.get(0)).startsWith("DIR/annotations.jsonl:1:4: malformed JSON: Unrecognized token 'not'");
        assertThat(out.get(1)).isEqualTo("DIR/annotations.jsonl:3: doc_id: integer found, string expected "
                + "(schema annotations.schema.json, keyword type)");
        assertThat(out.get(2)).startsWith("DIR/annotations.jsonl:3: entities: required property 'entities' not found");
        assertThat(out.get(3)).startsWith("DIR/annotations.jsonl:3: timexes: required property 'timexes' not found");
        assertThat(out.get(4)).startsWith("DIR/annotations.jsonl:4: unrecognised record");
    }

    @Test
    void contradictionEvidenceMustPointAtKnownDocuments() throws IOException {
        Files.writeString(dir.resolve("contradictions.jsonl"), "{\"id\":\"c1\",\"type\":\"NAME\",\"a\":{\"doc_id\":\"d1\","
                + "\"start\":10,\"end\":19,\"text\":\"Alexander\"},\"b\":{\"doc_id\":\"d9\",\"start\":0,\"end\":1,"
                + "\"text\":\"V\"},\"explanation\":\"first names differ\"}\n", StandardCharsets.UTF_8);
        assertThat(validate(ann("", ""))).containsExactly("DIR/contradictions.jsonl:1: b.doc_id: unknown document "
                + "'d9'; expected one of the 1 documents given");
    }

    @Test
    void duplicateDocumentIds() throws IOException {
        Files.writeString(dir.resolve("more.jsonl"), DOC + "\n", StandardCharsets.UTF_8);
        assertThat(validate(ann("", ""))).containsExactly("DIR/more.jsonl:1: id: duplicate document id 'd1', first "
                + "seen at DIR/documents.jsonl:1");
    }

    @Test
    void duplicateTidAndNliProblems() throws IOException {
        Files.writeString(dir.resolve("nli.jsonl"), "{\"id\":\"n1\",\"premise\":{\"text\":\"Alexander\",\"doc_id\":\"d1\","
                + "\"start\":10,\"end\":19},\"hypothesis\":{\"text\":\"x\"},\"label\":\"neutral\"}\n"
                + "{\"id\":\"n1\",\"premise\":{\"text\":\"Alexandr\",\"doc_id\":\"d1\",\"start\":10,\"end\":18},"
                + "\"hypothesis\":{\"text\":\"x\"},\"label\":\"maybe\"}\n", StandardCharsets.UTF_8);
        String t = "{\"tid\":\"t1\",\"start\":36,\"end\":44,\"text\":\"December\",\"type\":\"DATE\",\"value\":\"XXXX-12\"}";
        List<String> out = validate(ann("", t + "," + t.replace("\"start\":36", "\"start\":36")));
        assertThat(out).contains("DIR/annotations.jsonl:1: timexes[1].tid: duplicate tid 't1' in document 'd1'");
        assertThat(out).anyMatch(s -> s.startsWith("DIR/nli.jsonl:2: label: ") && s.contains("keyword enum"));
    }

    @Test
    void nliSegmentTextMustMatchItsDocument() throws IOException {
        Files.writeString(dir.resolve("nli.jsonl"), "{\"id\":\"n1\",\"premise\":{\"text\":\"Alexandr\",\"doc_id\":\"d1\","
                + "\"start\":10,\"end\":18},\"hypothesis\":{\"text\":\"x\"},\"label\":\"neutral\"}\n",
                StandardCharsets.UTF_8);
        assertThat(validate(ann("", ""))).containsExactly("DIR/nli.jsonl:1: premise.text: 'Alexandr' does not "
                + "match the text at [10,18), which is 'Alexande' (offsets count code points)");
    }

    @Test
    void invalidManifestIsReported() throws IOException {
        Files.writeString(dir.resolve("manifest.json"), "{\"name\":\"Bad Name\"}", StandardCharsets.UTF_8);
        List<String> out = validate(ann("", ""));
        assertThat(out).anyMatch(s -> s.startsWith("DIR/manifest.json: name: ") && s.contains("pattern"));
        assertThat(out).anyMatch(s -> s.startsWith("DIR/manifest.json: version: required property"));
    }

    @Test
    void timexValueGrammar() {
        assertThat(TimexValues.isValid(TimexType.DATE, "XXXX-12-06")).isTrue();
        assertThat(TimexValues.isValid(TimexType.DATE, "2024-11-10")).isTrue();
        assertThat(TimexValues.isValid(TimexType.DATE, "PRESENT_REF")).isTrue();
        assertThat(TimexValues.isValid(TimexType.DATE, "XXXX-13")).isFalse();
        assertThat(TimexValues.isValid(TimexType.DURATION, "P32Y")).isTrue();
        assertThat(TimexValues.isValid(TimexType.DURATION, "PXW")).isTrue();
        assertThat(TimexValues.isValid(TimexType.DURATION, "32Y")).isFalse();
        assertThat(TimexValues.isValid(TimexType.SET, "XXXX-XX-XXTMO")).isTrue();
        assertThat(TimexValues.isValid(TimexType.TIME, "2024-11-10T14:30")).isTrue();
    }

    @Property(tries = 100)
    void arbitraryBytesGiveDiagnosticsNeverAnException(@ForAll @Size(max = 300) byte[] bytes) throws IOException {
        Path d = Files.createTempDirectory("cb-validate");
        try {
            Path f = d.resolve("random.jsonl");
            Files.write(f, bytes);
            Path t = d.resolve("random.txt");
            Files.write(t, bytes);
            List<Diagnostic> out = CorpusValidator.validate(List.of(f, t), CorpusValidator.Role.GOLD);
            assertThat(out).allSatisfy(x -> assertThat(x.location().file()).startsWith(d.toString()));
        } finally {
            try (var s = Files.list(d)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(d);
        }
    }
}
