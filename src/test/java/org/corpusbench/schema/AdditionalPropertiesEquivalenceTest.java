package org.corpusbench.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
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
 * Issue 13: {@code common.schema.json} closes entities, TIMEX3s and evidence with
 * {@code additionalProperties: false} where it had {@code unevaluatedProperties: false}. Each of the three
 * lists every name its {@code $ref} to {@code span} evaluates ({@code start}, {@code end}, {@code text}) among
 * its own {@code properties}, so the two keywords allow the same names; this test checks, with networknt,
 * that every record kind accepts and rejects exactly the records it did before, on the records corpusbench
 * writes and on records damaged in every way {@link RecordMutator} knows.
 */
class AdditionalPropertiesEquivalenceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<SchemaValidator.Kind> RECORD_KINDS = List.of(SchemaValidator.Kind.DOCUMENT,
            SchemaValidator.Kind.ANNOTATIONS, SchemaValidator.Kind.PREDICTIONS, SchemaValidator.Kind.CONTRADICTION,
            SchemaValidator.Kind.NLI);
    private static final Map<SchemaValidator.Kind, Schema> NOW = schemas(false);
    private static final Map<SchemaValidator.Kind, Schema> BEFORE = schemas(true);

    /** The shipped schema text of {@code file}; with {@code before}, common's three closed objects as they were. */
    private static String text(String file, boolean before) {
        try (InputStream in = AdditionalPropertiesEquivalenceTest.class.getClassLoader()
                .getResourceAsStream("schema/" + file)) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!before || !file.equals("common.schema.json")) {
                return s;
            }
            ObjectNode common = (ObjectNode) MAPPER.readTree(s);
            for (String def : List.of("entity", "timex", "evidence")) {
                ObjectNode o = (ObjectNode) common.get("$defs").get(def);
                assertThat(o.remove("additionalProperties").booleanValue()).isFalse();
                o.put("unevaluatedProperties", false);
            }
            return MAPPER.writeValueAsString(common);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<SchemaValidator.Kind, Schema> schemas(boolean before) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(iri -> iri.startsWith(SchemaValidator.ID_BASE)
                        ? text(iri.substring(SchemaValidator.ID_BASE.length()), before) : null));
        Map<SchemaValidator.Kind, Schema> out = new EnumMap<>(SchemaValidator.Kind.class);
        for (SchemaValidator.Kind k : RECORD_KINDS) {
            out.put(k, registry.getSchema(SchemaLocation.of(k.id())));
        }
        return out;
    }

    private static void sameVerdicts(JsonNode record) {
        for (SchemaValidator.Kind k : RECORD_KINDS) {
            boolean now = NOW.get(k).validate(record).isEmpty();
            boolean before = BEFORE.get(k).validate(record).isEmpty();
            assertThat(now).as(k + " " + record).isEqualTo(before);
        }
    }

    @Example
    void theOldSchemaIsTheOneThatUsedUnevaluatedProperties() {
        assertThat(text("common.schema.json", true).split("\"unevaluatedProperties\":false", -1)).hasSize(4);
        assertThat(text("common.schema.json", false)).doesNotContain("unevaluatedProperties");
    }

    /** An unknown name in each closed object is refused both ways; the span's own names are allowed. */
    @Example
    void extraNamesInClosedObjects() throws IOException {
        String entity = "{\"start\":0,\"end\":1,\"text\":\"x\",\"type\":\"ORG\"%s}";
        String timex = "{\"start\":0,\"end\":1,\"text\":\"x\",\"type\":\"DATE\",\"value\":\"XXXX\",\"tid\":\"t1\"%s}";
        String evidence = "{\"doc_id\":\"d\",\"start\":0,\"end\":1,\"text\":\"x\"%s}";
        for (String extra : List.of("", ",\"extra\":1", ",\"span\":{}", ",\"entity_id\":\"e\"")) {
            JsonNode ann = MAPPER.readTree("{\"doc_id\":\"d\",\"entities\":[" + entity.replace("%s", extra)
                    + "],\"timexes\":[" + timex.replace("%s", extra) + "]}");
            JsonNode contradiction = MAPPER.readTree("{\"id\":\"c\",\"type\":\"NAME\",\"explanation\":\"e\",\"a\":"
                    + evidence.replace("%s", extra) + ",\"b\":" + evidence.replace("%s", "") + "}");
            sameVerdicts(ann);
            sameVerdicts(contradiction);
            boolean allowed = extra.isEmpty();
            assertThat(NOW.get(SchemaValidator.Kind.CONTRADICTION).validate(contradiction).isEmpty())
                    .as(extra).isEqualTo(allowed);
        }
    }

    /** What a user sees now: the wording of the record level's own additionalProperties, not another one. */
    @Example
    void anExtraNameInAnEntityIsReportedAsAnAdditionalProperty() throws IOException {
        JsonNode ann = MAPPER.readTree("{\"doc_id\":\"d\",\"entities\":[{\"start\":0,\"end\":1,\"text\":\"x\","
                + "\"type\":\"ORG\",\"extra\":1}],\"timexes\":[]}");
        assertThat(SchemaValidator.get().validate(SchemaValidator.Kind.ANNOTATIONS, ann,
                Location.ofFile("annotations.jsonl"))).map(Object::toString).containsExactly(
                "annotations.jsonl: entities[0]: property 'extra' is not defined in the schema and the schema does not "
                        + "allow additional properties (schema annotations.schema.json, keyword additionalProperties)");
    }

    record Bundle(Document doc, DocumentAnnotations ann, Contradiction c, NliPair nli) {
    }

    @Provide
    Arbitrary<Bundle> bundles() {
        return ModelArbitraries.documents().filter(d -> d.text().codePointCount(0, d.text().length()) > 2)
                .flatMap(d -> ModelArbitraries.annotations(d).flatMap(a -> ModelArbitraries.contradictions(d, d)
                        .flatMap(c -> ModelArbitraries.nliPairs(d).map(n -> new Bundle(d, a, c, n)))));
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void everyRecordKindAcceptsWhatItAcceptedBefore(@ForAll("bundles") Bundle b, @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        for (String json : List.of(JsonCodec.toJson(b.doc()), JsonCodec.toJson(b.ann()), JsonCodec.toJson(b.c()),
                JsonCodec.toJson(b.nli()))) {
            ObjectNode record = (ObjectNode) MAPPER.readTree(json);
            sameVerdicts(record);
            RecordMutator.mutate(record, random);
            sameVerdicts(record);
        }
    }
}
