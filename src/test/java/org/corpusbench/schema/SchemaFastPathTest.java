package org.corpusbench.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.ModelArbitraries;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;

/**
 * The schema fast path is never looser than networknt (whenever it says "valid", networknt finds no
 * error), and it does cover the records corpusbench writes (else it would be useless).
 */
class SchemaFastPathTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaValidator V = SchemaValidator.get();
    private static final Location AT = Location.ofFile("generated");
    private static final List<SchemaValidator.Kind> RECORD_KINDS = List.of(SchemaValidator.Kind.DOCUMENT,
            SchemaValidator.Kind.ANNOTATIONS, SchemaValidator.Kind.PREDICTIONS, SchemaValidator.Kind.CONTRADICTION,
            SchemaValidator.Kind.NLI);

    record Bundle(Document doc, DocumentAnnotations ann, Contradiction c, NliPair nli) {

        List<ObjectNode> records() throws IOException {
            ObjectNode prediction = MAPPER.createObjectNode().put("id", nli.id()).put("label", "neutral");
            return List.of(tree(JsonCodec.toJson(doc)), tree(JsonCodec.toJson(ann)), tree(JsonCodec.toJson(c)),
                    tree(JsonCodec.toJson(nli)), prediction);
        }
    }

    private static ObjectNode tree(String json) throws IOException {
        return (ObjectNode) MAPPER.readTree(json);
    }

    @Provide
    Arbitrary<Bundle> bundles() {
        return ModelArbitraries.documents().filter(d -> d.text().codePointCount(0, d.text().length()) > 2)
                .flatMap(d -> ModelArbitraries.annotations(d).flatMap(a -> ModelArbitraries.contradictions(d, d)
                        .flatMap(c -> ModelArbitraries.nliPairs(d).map(n -> new Bundle(d, a, c, n)))));
    }

    private static boolean networkntAccepts(SchemaValidator.Kind kind, JsonNode node) {
        return V.validate(kind, node, AT, false).isEmpty();
    }

    @Example
    void everyRecordKindHasAFastPath() {
        for (SchemaValidator.Kind k : RECORD_KINDS) {
            assertThat(V.hasFastPath(k)).as(k.toString()).isTrue();
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void recordsAsWrittenAreAcceptedByTheFastPath(@ForAll("bundles") Bundle b) throws IOException {
        List<ObjectNode> r = b.records();
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.DOCUMENT, r.get(0))).isTrue();
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.ANNOTATIONS, r.get(1))).isTrue();
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.PREDICTIONS, r.get(1))).isTrue();
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.CONTRADICTION, r.get(2))).isTrue();
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.PREDICTIONS, r.get(2))).isTrue();
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.NLI, r.get(3))).isTrue();
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.PREDICTIONS, r.get(4))).isTrue();
    }

    /** The soundness property, over valid records and records damaged in every way {@link RecordMutator} knows. */
    @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
    void fastPathAcceptsOnlyWhatNetworkntAccepts(@ForAll("bundles") Bundle b, @ForAll long seed) throws IOException {
        Random random = new Random(seed);
        for (ObjectNode record : b.records()) {
            ObjectNode damaged = record.deepCopy();
            if (random.nextInt(8) != 0) {
                RecordMutator.mutate(damaged, random);
            }
            for (SchemaValidator.Kind k : RECORD_KINDS) {
                if (V.fastPathAccepts(k, damaged)) {
                    assertThat(networkntAccepts(k, damaged)).as(k + " " + damaged).isTrue();
                }
                // and the public validate() gives exactly networknt's diagnostics either way
                assertThat(V.validate(k, damaged, AT)).isEqualTo(V.validate(k, damaged, AT, false));
            }
        }
    }

    @Example
    void trapsAreLeftToNetworknt() throws IOException {
        ObjectNode doc = tree("{\"id\":\"d\",\"text\":\"t\",\"sha256\":\"" + "0".repeat(64) + "\"}");
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.DOCUMENT, doc)).isTrue();
        // java.util.regex's $ matches before a final line terminator, ECMA-262's does not
        doc.set("sha256", TextNode.valueOf("0".repeat(64) + "\n"));
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.DOCUMENT, doc)).isFalse();
        assertThat(networkntAccepts(SchemaValidator.Kind.DOCUMENT, doc)).isFalse();
        // maxLength counts code points: 512 rockets are a valid id, 513 are not
        doc.set("sha256", TextNode.valueOf("0".repeat(64)));
        doc.set("id", TextNode.valueOf("\uD83D\uDE80".repeat(512)));
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.DOCUMENT, doc)).isTrue();
        assertThat(networkntAccepts(SchemaValidator.Kind.DOCUMENT, doc)).isTrue();
        doc.set("id", TextNode.valueOf("\uD83D\uDE80".repeat(513)));
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.DOCUMENT, doc)).isFalse();
        assertThat(networkntAccepts(SchemaValidator.Kind.DOCUMENT, doc)).isFalse();

        // 1.0 is an integer to JSON Schema; the fast path does not decide such cases
        ObjectNode ann = tree("{\"doc_id\":\"d\",\"entities\":[{\"start\":1.0,\"end\":2,\"text\":\"x\",\"type\":\"ORG\"}],"
                + "\"timexes\":[]}");
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.ANNOTATIONS, ann)).isFalse();
        // an extra property in an entity, a gold timex without tid
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.ANNOTATIONS, tree("{\"doc_id\":\"d\",\"entities\":[{\"start\":1,"
                + "\"end\":2,\"text\":\"x\",\"type\":\"ORG\",\"extra\":1}],\"timexes\":[]}"))).isFalse();
        ObjectNode noTid = tree("{\"doc_id\":\"d\",\"entities\":[],\"timexes\":[{\"start\":1,\"end\":2,\"text\":\"x\","
                + "\"type\":\"DATE\",\"value\":\"XXXX\"}]}");
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.ANNOTATIONS, noTid)).isFalse();
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.PREDICTIONS, noTid)).isTrue();
        assertThat(networkntAccepts(SchemaValidator.Kind.PREDICTIONS, noTid)).isTrue();
        // a segment with doc_id but no offsets (dependentRequired)
        assertThat(V.fastPathAccepts(SchemaValidator.Kind.NLI, tree("{\"id\":\"n\",\"premise\":{\"text\":\"p\","
                + "\"doc_id\":\"d\"},\"hypothesis\":{\"text\":\"h\"},\"label\":\"neutral\"}"))).isFalse();
    }

    @Example
    void onlySimplePatternsAreCompiled() {
        for (String ok : List.of("^[0-9a-f]{64}$", "^[A-Z][a-z0-9]*$", "ab{2,}c?", "[a-fA-F0-9]+x{1,3}")) {
            assertThat(compiles(ok)).as(ok).isTrue();
        }
        // the manifest's patterns (no fast path for manifests) and everything else beyond the subset
        for (String no : List.of("^[a-z0-9][a-z0-9-]*$", "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$", "a+?b", "[\\d_.]x|y",
                "(?i)abc", "[a[b]]", "[a&&b]", "a++", "a**", "\\p{L}", "\\bx", "*a", "a{,2}", "[]a]", "[]", "\\u0041",
                "é", "[\\d-z]", "a{2}+", "a{2}?", "(?=a)", "[z-a]", "[a-Z]", "[^a]", "a.b", "a b")) {
            assertThat(compiles(no)).as(no).isFalse();
        }
    }

    private static boolean compiles(String pattern) {
        try {
            SchemaFastPath.simplePattern(TextNode.valueOf(pattern));
            return true;
        } catch (SchemaFastPath.Unsupported e) {
            return false;
        }
    }

    @Example
    void unsupportedKeywordsAreNotCompiled() {
        // the report schema uses if/then and const: it stays with networknt entirely
        assertThatThrownBy(() -> SchemaFastPath.compile(SchemaValidator.Kind.REPORT.id(), SchemaValidator.ID_BASE,
                "schema/", SchemaFastPathTest.class.getClassLoader())).isInstanceOf(SchemaFastPath.Unsupported.class);
    }
}
