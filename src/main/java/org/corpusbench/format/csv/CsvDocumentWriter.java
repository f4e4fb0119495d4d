package org.corpusbench.format.csv;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.model.Document;

/** Writes documents as RFC 4180 CSV that {@link CsvDocumentReader} reads back into equal documents. */
public final class CsvDocumentWriter {

    private CsvDocumentWriter() {
    }

    /** Header {@code id,text,title} plus the given metadata columns. */
    public static void write(Path file, Iterable<Document> docs, List<String> metadataColumns) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(w, docs, metadataColumns);
            w.flush();
        });
    }

    /**
     * Writes the CSV text to {@code out}, flushed but not closed: the header {@code id,text,title} and the
     * metadata columns, then a record per document, with an empty field for an absent title or metadata value.
     */
    public static void write(Appendable out, Iterable<Document> docs, List<String> metadataColumns) throws IOException {
        List<String> header = new ArrayList<>(List.of("id", "text", "title"));
        header.addAll(metadataColumns);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
        CSVPrinter p = new CSVPrinter(out, format);
        for (Document d : docs) {
            List<String> row = new ArrayList<>(List.of(d.id(), d.text(), d.title() == null ? "" : d.title()));
            for (String m : metadataColumns) {
                row.add(d.metadata().getOrDefault(m, ""));
            }
            p.printRecord(row);
        }
        p.flush();
    }
}
