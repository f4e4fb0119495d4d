package org.corpusbench.format.hf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.ModelArbitraries;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;

/**
 * The Parquet files of the Hugging Face export hold exactly the records of its JSONL files (issue 14 item 5):
 * read back with parquet-java's own reader, every record equals the JSON line, null where the line has
 * null, on the release and on random documents with astral characters.
 */
class ParquetCopiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** A Parquet record as JSON: lists of {@code list/element} back to arrays, absent optional columns null. */
    private static JsonNode json(Group g, GroupType type) {
        ObjectNode o = F.objectNode();
        for (int i = 0; i < type.getFieldCount(); i++) {
            Type t = type.getType(i);
            int n = g.getFieldRepetitionCount(i);
            if (t.isPrimitive()) {
                if (n == 0) {
                    o.putNull(t.getName());
                } else if (t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64) {
                    o.put(t.getName(), g.getLong(i, 0));
                } else {
                    o.put(t.getName(), g.getString(i, 0));
                }
            } else {
                ArrayNode a = o.putArray(t.getName());
                Group list = g.getGroup(i, 0);
                GroupType repeated = t.asGroupType().getType(0).asGroupType();
                Type element = repeated.getType(0);
                for (int k = 0; k < list.getFieldRepetitionCount(0); k++) {
                    Group item = list.getGroup(0, k);
                    if (element.isPrimitive()) {
                        a.add(element.asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64
                                ? F.numberNode(item.getLong(0, 0)) : F.textNode(item.getString(0, 0)));
                    } else {
                        a.add(json(item.getGroup(0, 0), element.asGroupType()));
                    }
                }
            }
        }
        return o;
    }

    private static List<JsonNode> parquet(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            for (PageReadStore pages = r.readNextRowGroup(); pages != null; pages = r.readNextRowGroup()) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    out.add(json(records.read(), schema));
                }
            }
        }
        return out;
    }

    private static List<JsonNode> jsonl(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static void sameRecords(Path dir) throws IOException {
        // compared as text: JSON reads small numbers as ints, Parquet holds int64; the key order is the same
        for (String[] f : new String[][] {{HuggingFace.DOCUMENTS, ParquetCopies.DOCUMENTS},
            {HuggingFace.TOKENS, ParquetCopies.TOKENS}}) {
            List<String> expected = jsonl(dir.resolve(f[0])).stream().map(JsonNode::toString).toList();
            if (f[0].equals(HuggingFace.DOCUMENTS)) {
                assertThat(expected).as(f[0]).isNotEmpty();
            }
            assertThat(parquet(dir.resolve(f[1])).stream().map(JsonNode::toString).toList()).as(f[1])
                    .isEqualTo(expected);
        }
    }

    @Example
    void theReleaseExportsToParquetRecordForRecord() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-parquet");
        try {
            org.corpusbench.evaluation.GoldCorpus g = org.corpusbench.evaluation.GoldCorpus.read(
                    Path.of("datasets/oreshnik-reports/1.1.0"));
            HuggingFace.write(dir, List.copyOf(g.documents().values()), d -> FuzzSeeds.whitespaceTokens(d.text()),
                    g.annotations(), "t");
            sameRecords(dir);
            // not a vacuous comparison: the release has entities with ids, and TIMEX3s with null attributes
            assertThat(Files.readString(dir.resolve(HuggingFace.DOCUMENTS))).contains(":null", "\"entity_id\":\"");
        } finally {
            org.corpusbench.MutatedInputContract.delete(dir);
        }
    }

    @Provide
    Arbitrary<Map.Entry<Document, DocumentAnnotations>> documents() {
        return ModelArbitraries.documents().flatMap(d -> ModelArbitraries.annotations(d).map(a -> Map.entry(d, a)));
    }

    @Property(tries = 40)
    void randomDocumentsExportToParquetRecordForRecord(@ForAll("documents") Map.Entry<Document, DocumentAnnotations> e)
            throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-parquet");
        try {
            Document d = e.getKey();
            HuggingFace.write(dir, List.of(d), x -> FuzzSeeds.whitespaceTokens(x.text()), Map.of(d.id(), e.getValue()),
                    "t");
            sameRecords(dir);
        } finally {
            org.corpusbench.MutatedInputContract.delete(dir);
        }
    }
}
