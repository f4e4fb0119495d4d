package org.corpusbench.format.csv;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.model.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 ("no silent wrong number"): CSV input that is not UTF-8, or not a documents file. */
class CsvIssue12Test {

    @TempDir
    Path tmp;

    private static byte[] bytes(String ascii, int bad, String rest) {
        byte[] a = ascii.getBytes(StandardCharsets.US_ASCII);
        byte[] r = rest.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[a.length + 1 + r.length];
        System.arraycopy(a, 0, out, 0, a.length);
        out[a.length] = (byte) bad;
        System.arraycopy(r, 0, out, a.length + 1, r.length);
        return out;
    }

    private static long count(Path f) throws IOException {
        try (Stream<Document> s = CsvDocumentReader.read(f, CsvDocumentReader.Columns.defaults())) {
            return s.count();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Test
    void invalidUtf8InADocumentRecordNamesLineAndByteOffset() throws IOException {
        // "id,text\n" is 8 bytes, "d1,ok\n" 6: line 3 starts at 14; the 0xFF follows 'd2,"bad ' (8 bytes): 22
        Path f = Files.write(tmp.resolve("documents.csv"), bytes("id,text\nd1,ok\nd2,\"bad ", 0xFF, " text\"\n"));
        assertThatThrownBy(() -> count(f)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(f + ":3: invalid UTF-8 at byte offset 22 (byte 0xFF): expected UTF-8 text; "
                        + "re-encode the file as UTF-8");
    }

    @Test
    void invalidUtf8InTheHeaderNamesLineOne() throws IOException {
        // "id,te" is 5 bytes: the 0xFF is at byte 5 of line 1
        Path f = Files.write(tmp.resolve("documents.csv"), bytes("id,te", 0xFF, "xt\nd1,ok\n"));
        assertThatThrownBy(() -> count(f)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(f + ":1: invalid UTF-8 at byte offset 5 (byte 0xFF): expected UTF-8 text; "
                        + "re-encode the file as UTF-8");
    }

    @Test
    void aLayerFileIsNamedForWhatItIsNotReadAsDocuments() throws IOException {
        CsvLayers.write(tmp, List.of(), List.of(), List.of());
        for (String[] layer : new String[][] {{CsvLayers.ENTITIES, "entities", "doc_id,start,end,text,type,entity_id"},
            {CsvLayers.DATES, "dates", "doc_id,start,end,text,type,value,mod"},
            {CsvLayers.CONTRADICTIONS, "contradictions",
                "id,type,doc_a,start_a,end_a,text_a,doc_b,start_b,end_b,text_b,explanation"},
            {CsvLayers.NLI, "NLI pairs", "id,premise,hypothesis,label"}}) {
            Path f = tmp.resolve(layer[0]);
            assertThatThrownBy(() -> count(f)).isInstanceOf(CorpusFormatException.class)
                    .hasMessage(f + ":1: this is corpusbench's CSV layer of " + layer[1] + " (header " + layer[2]
                            + "), as 'corpusbench export --format csv' writes it, not a CSV of documents (columns "
                            + "id,text); to use it, run 'corpusbench import --format csv --out DIR' on its directory "
                            + "and use DIR");
        }
    }

    @Test
    void aMissingColumnNamesOnlyWhatExists() throws IOException {
        // the message used to suggest --id-column, --text-column and --title-column, which no command has
        Path f = Files.writeString(tmp.resolve("other.csv"), "a,b\n1,2\n");
        assertThatThrownBy(() -> count(f)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(f + ":1: id: column not found; found the columns [a, b], expected a CSV of documents "
                        + "with the columns [id, text]");
    }

    @Test
    void invalidUtf8InALayerNamesLineAndByteOffset() throws IOException {
        // the header line is 37 bytes, "d1,0,2,ok,PER,\n" 15: line 3 starts at 52, and "d1,0,2,o" is 8 more: 60
        Files.write(tmp.resolve(CsvLayers.ENTITIES), bytes("doc_id,start,end,text,type,entity_id\n"
                + "d1,0,2,ok,PER,\nd1,0,2,o", 0xFE, ",PER,\n"));
        Path f = tmp.resolve(CsvLayers.ENTITIES);
        assertThatThrownBy(() -> CsvLayers.read(tmp)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(f + ":3: invalid UTF-8 at byte offset 60 (byte 0xFE): expected UTF-8 text; "
                        + "re-encode the file as UTF-8");
    }

    /** A second review: the CSV export's title column was read back as the first line of the text. */
    @Test
    void theTitleColumnIsReadWhenThereIsOne() throws IOException {
        Path f = Files.writeString(tmp.resolve("documents.csv"), "id,text,title\nd1,Hello there.,My Title\n"
                + "d2,\"First line\nsecond\",\n");
        try (Stream<Document> s = CsvDocumentReader.read(f, CsvDocumentReader.Columns.defaults())) {
            org.assertj.core.api.Assertions.assertThat(s.map(Document::title).toList())
                    .containsExactly("My Title", "");
        }
        Path noTitle = Files.writeString(tmp.resolve("plain.csv"), "id,text\nd1,\"First line\nsecond\"\n");
        try (Stream<Document> s = CsvDocumentReader.read(noTitle, CsvDocumentReader.Columns.defaults())) {
            org.assertj.core.api.Assertions.assertThat(s.map(Document::title).toList()).containsExactly("First line");
        }
    }

    /** A second review: a spreadsheet's byte order mark became part of the first column's name. */
    @Test
    void aByteOrderMarkBeforeTheHeaderIsSkipped() throws IOException {
        Path f = Files.writeString(tmp.resolve("documents.csv"), "\uFEFFid,text\nd1,Hello.\n");
        try (Stream<Document> s = CsvDocumentReader.read(f, CsvDocumentReader.Columns.defaults())) {
            org.assertj.core.api.Assertions.assertThat(s.map(Document::id).toList()).containsExactly("d1");
        }
    }
}
