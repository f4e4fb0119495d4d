package org.corpusbench.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.format.jsonl.JsonCodec.RecordKind;
import org.corpusbench.format.jsonl.JsonlLines;
import org.corpusbench.format.timeml.CreationDates;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.ModelArbitraries;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamedRecords} promises two things: a record it returns is one the general path (parse, schema,
 * decode) accepts and decodes to the same values, and the well-formed records a corpus is made of are
 * returned (else it would be correct and useless). Both are checked here on generated records, written
 * with random JSON escapes, and on the validator tests' damaged records.
 */
class StreamedRecordsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Location AT = Location.of("f.jsonl", 1);
    private static final SchemaValidator SCHEMAS = SchemaValidator.get();

    private static final String[] PIECES = {"a", "é", "\uD83D\uDE80", "\n", "\"", "\\", "/", "\t", "\u0000", "\u001F",
        "\b", "\f", "\r", "Л", "\u0800", "\uFFFF", "\u2028", " ", "x\uD834\uDD1E", "\u007F"};

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(200).map(l -> String.join("", l));
    }

    /** A JSON string literal of {@code s}: each char escaped or not at random, as writers differ. */
    private static String literal(String s, Random r) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean mustEscape = c == '"' || c == '\\' || c < 0x20;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                // a pair is written whole or escaped whole: half of it alone is not UTF-8
                char low = s.charAt(++i);
                sb.append(r.nextBoolean() ? String.valueOf(c) + low
                        : String.format(Locale.ROOT, "\\u%04x\\u%04X", (int) c, (int) low));
                continue;
            }
            if (!mustEscape && r.nextInt(4) != 0) {
                sb.append(c);
                continue;
            }
            switch (r.nextInt(3)) {
                case 0 -> sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                case 1 -> sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                default -> sb.append(switch (c) {
                    case '"' -> "\\\"";
                    case '\\' -> "\\\\";
                    case '/' -> "\\/";
                    case '\n' -> "\\n";
                    case '\t' -> "\\t";
                    case '\r' -> "\\r";
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    default -> String.format(Locale.ROOT, "\\u%04x", (int) c);
                });
            }
        }
        return sb.append('"').toString();
    }

    private static JsonlLines line(byte[] bytes) throws IOException {
        JsonlLines r = new JsonlLines(new ByteArrayInputStream(bytes), "f.jsonl");
        assertThat(r.next()).isTrue();
        return r;
    }

    private static JsonlLines line(String json) throws IOException {
        return line(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertSameText(DocumentText actual, String expected) {
        DocumentText reference = new DocumentText(expected, AT);
        assertThat(actual.length()).isEqualTo(reference.length());
        assertThat(actual.substring(0, actual.length())).isEqualTo(expected);
        for (int cp = 0; cp <= reference.length(); cp++) {
            assertThat(actual.byteIndex(cp)).as("byte index of code point %d", cp).isEqualTo(reference.byteIndex(cp));
        }
        assertThat(actual.isBlank()).isEqualTo(expected.isBlank());
    }

    @Property(tries = 300)
    void aDocumentsTextIsReadFromItsBytesWhateverTheEscapes(@ForAll("texts") String text, @ForAll long seed)
            throws IOException {
        Random r = new Random(seed);
        String json = "{\"id\":" + literal("d-1", r) + ",\"text\":" + literal(text, r) + ",\"sha256\":\""
                + "0".repeat(64) + "\"}";
        StreamedRecords.DocumentRecord d = StreamedRecords.document(line(json), AT);
        assertThat(d).as(json).isNotNull();
        assertThat(d.id()).isEqualTo("d-1");
        assertSameText(d.text(), text);
    }

    @Test
    void anEscapedLoneSurrogateOrARawControlCharacterIsLeftToTheGeneralPath() throws IOException {
        for (String text : List.of("\\ud83d", "a\\ude80b", "\\ud83d\\u0041", "\\ud83d\\ude80\\ud83d", "tab\there",
                "bad \\x escape", "short \\u12")) {
            String json = "{\"id\":\"d\",\"text\":\"" + text + "\",\"sha256\":\"" + "0".repeat(64) + "\"}";
            assertThat(StreamedRecords.document(line(json), AT)).as(json).isNull();
        }
        String pair = "{\"id\":\"d\",\"text\":\"\\ud83d\\ude80\",\"sha256\":\"" + "0".repeat(64) + "\"}";
        assertSameText(StreamedRecords.document(line(pair), AT).text(), "\uD83D\uDE80");
    }

    @Property(tries = 200)
    void documentsDecodeAsTheGeneralPathDoes(@ForAll("documents") Document d) throws Exception {
        String json = JsonCodec.toJson(d);
        StreamedRecords.DocumentRecord s = StreamedRecords.document(line(json), AT);
        assertThat(s).as(json).isNotNull();
        assertThat(s.id()).isEqualTo(d.id());
        assertSameText(s.text(), d.text());
        assertThat(s.creationDate()).isEqualTo(d.metadata().get(CreationDates.METADATA_KEY));
    }

    @Provide
    Arbitrary<Document> documents() {
        Arbitrary<Map<String, String>> metadata = Arbitraries.maps(
                Arbitraries.of(CreationDates.METADATA_KEY, "outlet", "lang", ""),
                Arbitraries.of("2024-11-21", "Reuters", "", "x\"y")).ofMaxSize(3);
        return net.jqwik.api.Combinators.combine(ModelArbitraries.documents(), metadata,
                Arbitraries.of("Title", "").injectNull(0.5)).as((d, m, title) -> new Document(d.id(), d.text(),
                        title, d.source(), d.sha256(), m));
    }

    @Property(tries = 200)
    void goldAnnotationsDecodeAsTheGeneralPathDoes(@ForAll("annotated") DocumentAnnotations a) throws Exception {
        String json = JsonCodec.toJson(a);
        DocumentAnnotations s = StreamedRecords.goldAnnotations(line(json));
        assertThat(s).as(json).isNotNull().isEqualTo(JsonCodec.annotations(MAPPER.readTree(json), AT));
    }

    @Property(tries = 200)
    void predictionsDecodeAsTheGeneralPathDoes(@ForAll("annotated") DocumentAnnotations a, @ForAll long seed)
            throws Exception {
        // a system's record: ids and either layer may be left out
        Random r = new Random(seed);
        ObjectNode tree = (ObjectNode) MAPPER.readTree(JsonCodec.toJson(a));
        for (String layer : List.of("entities", "timexes")) {
            if (r.nextBoolean()) {
                tree.remove(layer);
            } else {
                tree.withArray(layer).forEach(e -> ((ObjectNode) e).remove(r.nextBoolean() ? "tid" : "entity_id"));
            }
        }
        String json = MAPPER.writeValueAsString(tree);
        DocumentAnnotations s = StreamedRecords.predictedAnnotations(line(json));
        assertThat(s).as(json).isNotNull().isEqualTo(JsonCodec.annotations(MAPPER.readTree(json), AT));
        assertThat(SCHEMAS.validate(SchemaValidator.Kind.PREDICTIONS, MAPPER.readTree(json), AT, false)).isEmpty();
    }

    @Provide
    Arbitrary<DocumentAnnotations> annotated() {
        return ModelArbitraries.documents().flatMap(ModelArbitraries::annotations);
    }

    /**
     * The first promise on damaged records: whatever is returned, the general path finds the record valid
     * for its schema and decodes it to the same values.
     */
    @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
    void aRecordIsReturnedOnlyWhenTheGeneralPathAcceptsIt(@ForAll("documents") Document d,
            @ForAll("annotated") DocumentAnnotations a, @ForAll long seed) throws Exception {
        Random r = new Random(seed);
        for (Object record : List.of(d, a)) {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(JsonCodec.toJson(record));
            if (r.nextBoolean()) {
                RecordMutator.mutate(tree, r);
            } else {
                RecordMutator.mutateSemantics(tree, r);
            }
            String json = MAPPER.writeValueAsString(tree);
            if (r.nextInt(5) == 0) {
                json = damage(json, r);
            }
            JsonNode parsed = parsedOrNull(json);
            StreamedRecords.DocumentRecord doc = StreamedRecords.document(line(json), AT);
            if (doc != null) {
                assertThat(parsed).as(json).isNotNull();
                assertThat(RecordKind.of(parsed)).as(json).isEqualTo(RecordKind.DOCUMENT);
                assertThat(SCHEMAS.validate(SchemaValidator.Kind.DOCUMENT, parsed, AT, false)).as(json).isEmpty();
                Document decoded = JsonCodec.document(parsed, AT);
                assertThat(doc.id()).isEqualTo(decoded.id());
                assertSameText(doc.text(), decoded.text());
                assertThat(doc.creationDate()).isEqualTo(decoded.metadata().get(CreationDates.METADATA_KEY));
            }
            DocumentAnnotations ann = StreamedRecords.goldAnnotations(line(json));
            if (ann != null) {
                assertThat(parsed).as(json).isNotNull();
                assertThat(RecordKind.of(parsed)).as(json).isEqualTo(RecordKind.ANNOTATIONS);
                assertThat(SCHEMAS.validate(SchemaValidator.Kind.ANNOTATIONS, parsed, AT, false)).as(json).isEmpty();
                assertThat(ann).as(json).isEqualTo(JsonCodec.annotations(parsed, AT));
            }
            DocumentAnnotations predicted = StreamedRecords.predictedAnnotations(line(json));
            if (predicted != null) {
                assertThat(parsed).as(json).isNotNull();
                assertThat(RecordKind.of(parsed)).as(json).isEqualTo(RecordKind.ANNOTATIONS);
                assertThat(SCHEMAS.validate(SchemaValidator.Kind.PREDICTIONS, parsed, AT, false)).as(json).isEmpty();
                assertThat(predicted).as(json).isEqualTo(JsonCodec.annotations(parsed, AT));
            }
        }
    }

    private static String damage(String json, Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> json.substring(0, 1 + r.nextInt(json.length()));
            case 1 -> json + (r.nextBoolean() ? " }" : " {}");
            case 2 -> json.replaceFirst("\\{\"", "{\"doc_id\":\"x\",\"");
            case 3 -> json.replaceFirst(":", ":\"dup\",\"id\":");
            default -> json.replaceFirst("\"text\":\"", "\"text\":\"\\\\ud83d");
        };
    }

    /** The line as the general path parses it, or {@code null} when it refuses it. */
    private static JsonNode parsedOrNull(String json) throws IOException {
        try {
            return line(json).parse();
        } catch (CorpusFormatException e) {
            return null;
        }
    }

    @Test
    void whatTheSchemasRefuseIsNotReturned() throws IOException {
        String sha = "\"sha256\":\"" + "0".repeat(64) + "\"";
        for (String json : List.of("{\"id\":\"\",\"text\":\"t\"," + sha + "}",
                "{\"id\":\"" + "a".repeat(513) + "\",\"text\":\"t\"," + sha + "}",
                "{\"id\":\"d\",\"text\":\"t\",\"sha256\":\"" + "0".repeat(63) + "A\"}",
                "{\"id\":\"d\",\"text\":\"t\"}", "{\"id\":\"d\",\"text\":\"t\"," + sha + ",\"extra\":1}",
                "{\"id\":\"d\",\"text\":\"t\"," + sha + ",\"metadata\":{\"k\":1}}",
                "{\"id\":\"d\",\"text\":\"t\"," + sha + ",\"title\":3}",
                "{\"id\":\"d\",\"text\":\"t\"," + sha + ",\"id\":\"e\"}",
                "{\"id\":\"d\",\"text\":\"t\"," + sha + ",\"title\":null,\"title\":\"x\"}",
                "{\"id\":\"d\",\"text\":\"t\"," + sha + ",\"metadata\":{\"k\":\"a\",\"k\":\"b\"}}",
                "{\"id\":\"d\",\"text\":\"t\"," + sha + "} trailing")) {
            assertThat(StreamedRecords.document(line(json), AT)).as(json).isNull();
        }
        String entity = "{\"start\":0,\"end\":1,\"text\":\"x\",\"type\":\"PERSON\"}";
        for (String e : List.of("{\"start\":0,\"end\":1,\"text\":\"x\",\"type\":\"\"}",
                "{\"start\":0,\"end\":1,\"text\":\"x\",\"type\":\"  \"}",
                "{\"start\":0,\"end\":1,\"text\":\"x\",\"type\":\"PERSON\",\"type\":\"ORG\"}",
                "{\"start\":0,\"end\":1.0,\"text\":\"x\",\"type\":\"PERSON\"}",
                "{\"start\":-1,\"end\":1,\"text\":\"x\",\"type\":\"PERSON\"}",
                "{\"start\":0,\"end\":2,\"text\":\"x\",\"type\":\"PERSON\"}",
                "{\"start\":0,\"end\":0,\"text\":\"\",\"type\":\"PERSON\"}",
                "{\"start\":0,\"end\":4294967297,\"text\":\"x\",\"type\":\"PERSON\"}",
                "{\"start\":0,\"end\":1,\"text\":\"x\",\"type\":\"PERSON\",\"entity_id\":null}",
                "{\"start\":0,\"end\":1,\"text\":\"x\"}", "{\"end\":1,\"text\":\"x\",\"type\":\"P\"}", "3")) {
            String json = "{\"doc_id\":\"d\",\"entities\":[" + entity + "," + e + "],\"timexes\":[]}";
            assertThat(StreamedRecords.goldAnnotations(line(json))).as(json).isNull();
        }
        String timex = "{\"tid\":\"t1\",\"start\":0,\"end\":1,\"text\":\"x\",\"type\":\"DATE\",\"value\":\"2024\"}";
        for (String t : List.of(timex.replace("\"tid\":\"t1\",", ""), timex.replace("DATE", "DAY"),
                timex.replace("\"2024\"", "\"\""), timex.replace("}", ",\"mod\":\"ALMOST\"}"),
                timex.replace("}", ",\"anchor\":\"\"}"), timex.replace("}", ",\"quant\":\"\"}"),
                timex.replace("}", ",\"value\":\"2025\"}"))) {
            String json = "{\"doc_id\":\"d\",\"entities\":[],\"timexes\":[" + t + "]}";
            assertThat(StreamedRecords.goldAnnotations(line(json))).as(json).isNull();
        }
        for (String json : List.of("{\"doc_id\":\"d\",\"entities\":[]}", "{\"doc_id\":\"d\",\"timexes\":[]}",
                "{\"doc_id\":\"d\",\"entities\":[],\"timexes\":[],\"x\":1}", "{\"doc_id\":\"\",\"entities\":[],\"timexes\":[]}",
                "{\"doc_id\":\"d\",\"entities\":{},\"timexes\":[]}",
                "{\"doc_id\":\"d\",\"entities\":[],\"timexes\":[],\"entities\":[]}")) {
            assertThat(StreamedRecords.goldAnnotations(line(json))).as(json).isNull();
        }
        String ok = "{\"doc_id\":\"d\",\"entities\":[" + entity + "],\"timexes\":[" + timex.replace("}",
                ",\"mod\":\"APPROX\",\"anchor\":\"t0\",\"quant\":\"EACH\",\"freq\":\"1X\"}") + "]}";
        assertThat(StreamedRecords.goldAnnotations(line(ok))).isNotNull();
    }
}
