package org.corpusbench.format.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.ModelArbitraries;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.schema.SchemaValidator;

/** Write→read gives equal records, and everything written is valid against its schema. */
class JsonlRoundTripTest {

    record Bundle(Document doc, DocumentAnnotations ann, Contradiction c, NliPair nli) {
    }

    @Provide
    Arbitrary<Bundle> bundles() {
        return ModelArbitraries.documents().filter(d -> d.text().codePointCount(0, d.text().length()) > 2)
                .flatMap(d -> ModelArbitraries.annotations(d).flatMap(a -> ModelArbitraries.contradictions(d, d)
                        .flatMap(c -> ModelArbitraries.nliPairs(d).map(n -> new Bundle(d, a, c, n)))));
    }

    @Property(tries = 150)
    void writeThenReadGivesEqualRecords(@ForAll("bundles") Bundle b) throws IOException {
        List<Object> records = List.of(b.doc(), b.ann(), b.c(), b.nli());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonlWriter.write(out, records);
        List<Object> back = new ArrayList<>();
        try (JsonlReader r = new JsonlReader(new ByteArrayInputStream(out.toByteArray()), "mem.jsonl")) {
            back.add(JsonCodec.document(r.next().node(), Location.ofFile("x")));
            back.add(JsonCodec.annotations(r.next().node(), Location.ofFile("x")));
            back.add(JsonCodec.contradiction(r.next().node(), Location.ofFile("x")));
            back.add(JsonCodec.nliPair(r.next().node(), Location.ofFile("x")));
            assertThat(r.next()).isNull();
        }
        assertThat(back).isEqualTo(records);
    }

    @Property(tries = 100)
    void everythingWrittenIsValidAgainstTheSchema(@ForAll("bundles") Bundle b) throws IOException {
        ObjectMapper m = new ObjectMapper();
        SchemaValidator v = SchemaValidator.get();
        Location at = Location.ofFile("generated");
        assertValid(v.validate(SchemaValidator.Kind.DOCUMENT, m.readTree(JsonCodec.toJson(b.doc())), at));
        JsonNode ann = m.readTree(JsonCodec.toJson(b.ann()));
        assertValid(v.validate(SchemaValidator.Kind.ANNOTATIONS, ann, at));
        assertValid(v.validate(SchemaValidator.Kind.PREDICTIONS, ann, at));
        JsonNode c = m.readTree(JsonCodec.toJson(b.c()));
        assertValid(v.validate(SchemaValidator.Kind.CONTRADICTION, c, at));
        assertValid(v.validate(SchemaValidator.Kind.PREDICTIONS, c, at));
        assertValid(v.validate(SchemaValidator.Kind.NLI, m.readTree(JsonCodec.toJson(b.nli())), at));
    }

    private static void assertValid(List<Diagnostic> problems) {
        assertThat(problems).as("schema problems").isEmpty();
    }
}
