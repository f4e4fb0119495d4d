package org.corpusbench.format.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.ModelArbitraries;
import org.corpusbench.model.Document;

class CsvDocumentReaderTest {

    private static List<Document> read(String csv, CsvDocumentReader.Columns cols) throws IOException {
        try (Stream<Document> s = CsvDocumentReader.read(new StringReader(csv), "in.csv", cols)) {
            return s.toList();
        }
    }

    @Example
    void quotedFieldsMayHoldCommasQuotesAndNewlines() throws IOException {
        String csv = "id,text\r\na,\"Minsk, \"\"Belarus\"\"\nsecond line\"\r\nb,plain\r\n";
        List<Document> docs = read(csv, CsvDocumentReader.Columns.defaults());
        assertThat(docs).extracting(Document::id).containsExactly("a", "b");
        assertThat(docs.get(0).text()).isEqualTo("Minsk, \"Belarus\"\nsecond line");
        assertThat(docs.get(0).title()).isEqualTo("Minsk, \"Belarus\"");
    }

    @Example
    void configurableColumnsAndMetadata() throws IOException {
        String csv = "doc,body,headline,outlet\nx,Body text,Head,TASS\n";
        List<Document> docs = read(csv, new CsvDocumentReader.Columns("doc", "body", "headline", List.of("outlet")));
        assertThat(docs.get(0).title()).isEqualTo("Head");
        assertThat(docs.get(0).metadata()).isEqualTo(Map.of("outlet", "TASS"));
    }

    @Example
    void missingColumnIsNamedWithTheColumnsFound() {
        assertThatThrownBy(() -> read("id,body\nx,y\n", CsvDocumentReader.Columns.defaults()))
                .hasMessage("in.csv:1: text: column not found; found the columns [id, body], expected a CSV of "
                        + "documents with the columns [id, text]");
    }

    @Example
    void recordWithTooFewFieldsNamesItsLine() {
        String csv = "id,text\na,\"two\nlines\"\nb\n";
        assertThatThrownBy(() -> read(csv, CsvDocumentReader.Columns.defaults()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("in.csv:4: record 2 has 1 fields; expected 2 as in the header");
    }

    @Provide
    Arbitrary<List<Document>> docs() {
        return ModelArbitraries.documents().list().ofMaxSize(5)
                .filter(l -> l.stream().map(Document::id).distinct().count() == l.size());
    }

    @Property(tries = 150)
    void writeThenReadGivesEqualDocuments(@ForAll("docs") List<Document> docs) throws IOException {
        StringBuilder sb = new StringBuilder();
        CsvDocumentWriter.write(sb, docs, List.of());
        List<Document> back = read(sb.toString(), new CsvDocumentReader.Columns("id", "text", null, List.of()));
        assertThat(back).extracting(Document::id).isEqualTo(docs.stream().map(Document::id).toList());
        assertThat(back).extracting(Document::text).isEqualTo(docs.stream().map(Document::text).toList());
        assertThat(back).extracting(Document::sha256).isEqualTo(docs.stream().map(Document::sha256).toList());
    }
}
