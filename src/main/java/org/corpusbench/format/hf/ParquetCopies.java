package org.corpusbench.format.hf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.corpusbench.internal.AtomicFiles;

/**
 * Apache Parquet copies of the Hugging Face export's two JSONL files, record for record and column for
 * column, for the tools that read Parquet rather than JSON lines (pandas, DuckDB, Spark, the Hub's viewer).
 * Each copy is made from the JSONL file just written, so the two cannot disagree; the Parquet types are the
 * ones the card's features declare (strings, int64 offsets, lists of structs, int64 tag ids). Uncompressed,
 * because parquet-java's codecs would need Hadoop at run time.
 */
final class ParquetCopies {

    static final String DOCUMENTS = "documents.parquet";
    static final String TOKENS = "tokens.parquet";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SPAN = "required int64 start; required int64 end; required binary text (STRING);";

    /** One record of {@code documents.jsonl}; the keys null in a record are optional columns. */
    static final MessageType DOCUMENTS_SCHEMA = MessageTypeParser.parseMessageType("message documents {"
            + " required binary id (STRING); optional binary title (STRING); required binary text (STRING);"
            + " required group entities (LIST) { repeated group list { required group element { " + SPAN
            + " required binary type (STRING); optional binary entity_id (STRING); } } }"
            + " required group timexes (LIST) { repeated group list { required group element {"
            + " optional binary tid (STRING); " + SPAN + " required binary type (STRING);"
            + " optional binary value (STRING); optional binary mod (STRING); optional binary anchor (STRING);"
            + " optional binary quant (STRING); optional binary freq (STRING); } } } }");

    /** One record of {@code tokens.jsonl}. */
    static final MessageType TOKENS_SCHEMA = MessageTypeParser.parseMessageType("message tokens {"
            + " required binary id (STRING);"
            + " required group tokens (LIST) { repeated group list { required binary element (STRING); } }"
            + " required group ner_tags (LIST) { repeated group list { required int64 element; } } }");

    private ParquetCopies() {
    }

    /** Writes {@code dir/documents.parquet} from {@code dir/documents.jsonl}. */
    static void documents(Path dir) throws IOException {
        copy(dir.resolve(HuggingFace.DOCUMENTS), dir.resolve(DOCUMENTS), DOCUMENTS_SCHEMA, (f, n) -> {
            Group g = f.newGroup();
            g.append("id", n.get("id").asText());
            optional(g, "title", n.get("title"));
            g.append("text", n.get("text").asText());
            Group entities = g.addGroup("entities");
            for (JsonNode e : n.get("entities")) {
                Group x = entities.addGroup("list").addGroup("element");
                span(x, e);
                x.append("type", e.get("type").asText());
                optional(x, "entity_id", e.get("entity_id"));
            }
            Group timexes = g.addGroup("timexes");
            for (JsonNode t : n.get("timexes")) {
                Group x = timexes.addGroup("list").addGroup("element");
                optional(x, "tid", t.get("tid"));
                span(x, t);
                x.append("type", t.get("type").asText());
                for (String k : new String[] {"value", "mod", "anchor", "quant", "freq"}) {
                    optional(x, k, t.get(k));
                }
            }
            return g;
        });
    }

    /** Writes {@code dir/tokens.parquet} from {@code dir/tokens.jsonl}. */
    static void tokens(Path dir) throws IOException {
        copy(dir.resolve(HuggingFace.TOKENS), dir.resolve(TOKENS), TOKENS_SCHEMA, (f, n) -> {
            Group g = f.newGroup();
            g.append("id", n.get("id").asText());
            Group tokens = g.addGroup("tokens");
            n.get("tokens").forEach(t -> tokens.addGroup("list").append("element", t.asText()));
            Group tags = g.addGroup("ner_tags");
            n.get("ner_tags").forEach(t -> tags.addGroup("list").append("element", t.asLong()));
            return g;
        });
    }

    private interface Row {
        Group of(SimpleGroupFactory factory, JsonNode record);
    }

    private static void span(Group g, JsonNode n) {
        g.append("start", n.get("start").asLong());
        g.append("end", n.get("end").asLong());
        g.append("text", n.get("text").asText());
    }

    private static void optional(Group g, String field, JsonNode v) {
        if (v != null && !v.isNull()) {
            g.append(field, v.asText());
        }
    }

    private static void copy(Path jsonl, Path parquet, MessageType schema, Row row) throws IOException {
        SimpleGroupFactory factory = new SimpleGroupFactory(schema);
        AtomicFiles.write(parquet, out -> {
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new StreamOutputFile(out))
                    .withConf(new PlainParquetConfiguration()).withType(schema)
                    .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build();
                 BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    w.write(row.of(factory, JSON.readTree(line)));
                }
            }
        });
    }

    /**
     * A Parquet output file over a stream that the caller owns and closes ({@link AtomicFiles} moves the
     * finished file into place), counting the bytes written for the positions Parquet's footer records.
     */
    private static final class StreamOutputFile implements OutputFile {

        private final OutputStream out;

        StreamOutputFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return stream();
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return stream();
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        private PositionOutputStream stream() {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    // AtomicFiles closes the stream it gave
                    out.flush();
                }
            };
        }
    }
}
