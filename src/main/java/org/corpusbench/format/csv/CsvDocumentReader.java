package org.corpusbench.format.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.Hashes;
import org.corpusbench.internal.Utf8LineReader;
import org.corpusbench.model.Document;

/**
 * Reads documents from a CSV file with a header row (RFC 4180: quoted fields may hold commas, quotes
 * and newlines). Which columns hold the id, text and title is configurable; further named columns are
 * kept as metadata. Records are read one at a time.
 */
public final class CsvDocumentReader {

    /**
     * Column names.
     *
     * @param id       column of the document id (required)
     * @param text     column of the raw text (required)
     * @param title    column of the title, or {@code null} for the column named {@code title} when there is
     *                 one and the first line of the text otherwise
     * @param metadata columns kept as metadata; every one must exist
     */
    public record Columns(String id, String text, String title, List<String> metadata) {

        /** Requires the id and text columns; {@code null} metadata is read as none. */
        public Columns {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            metadata = List.copyOf(metadata == null ? List.of() : metadata);
        }

        /**
         * {@code id} and {@code text}, the {@code title} column when there is one (else the first line of the
         * text), and no metadata: what {@link CsvDocumentWriter} writes without metadata columns, and what the
         * validator reads a CSV of documents with.
         */
        public static Columns defaults() {
            return new Columns("id", "text", null, List.of());
        }
    }

    private CsvDocumentReader() {
    }

    /** The documents of {@code file}; close the stream. Errors come as {@link UncheckedIOException}. */
    public static Stream<Document> read(Path file, Columns columns) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            reader = org.corpusbench.internal.TableRows.skipByteOrderMark((java.io.BufferedReader) reader);
            return read(reader, file.toString(), columns, file);
        } catch (CharacterCodingException e) {
            reader.close();
            throw Utf8LineReader.locateInvalid(file, file.toString(), e);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * The documents of the CSV text that {@code reader} gives, named {@code fileName} in locations: as
     * {@link #read(Path, Columns)}, but the caller has decoded the bytes, so a byte order mark is not skipped
     * and no error names a byte offset. Closing the stream closes {@code reader}.
     */
    public static Stream<Document> read(Reader reader, String fileName, Columns columns) throws IOException {
        return read(reader, fileName, columns, null);
    }

    /**
     * @param source the file {@code reader} decodes, to find the line and byte offset of invalid UTF-8 when
     *               the decoder refuses it; {@code null} for a reader of characters
     */
    private static Stream<Document> read(Reader reader, String fileName, Columns columns, Path source)
            throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException c) {
                throw c;
            }
            throw new CorpusFormatException(Location.of(fileName, 1), null,
                    "cannot read the CSV header: " + e.getMessage(), e);
        } catch (IllegalArgumentException | org.apache.commons.csv.CSVException e) {
            // a header record that is not well-formed CSV (a quote inside an unquoted field, text after a
            // closing quote): commons-csv's message gives the line and position (issue 12)
            throw new CorpusFormatException(Location.of(fileName, 1), null,
                    "cannot read the CSV header: " + e.getMessage() + "; expected a header line of column names", e);
        }
        Map<String, Integer> header = parser.getHeaderMap();
        List<String> wanted = new ArrayList<>(List.of(columns.id(), columns.text()));
        if (columns.title() != null) {
            wanted.add(columns.title());
        }
        wanted.addAll(columns.metadata());
        for (String c : wanted) {
            if (header == null || !header.containsKey(c)) {
                parser.close();
                List<String> found = header == null ? List.of() : List.copyOf(header.keySet());
                String layer = CsvLayers.layerOf(found);
                if (layer != null) {
                    throw new CorpusFormatException(Location.of(fileName, 1), null, "this is corpusbench's CSV "
                            + "layer of " + layer + " (header " + String.join(",", found) + "), as 'corpusbench "
                            + "export --format csv' writes it, not a CSV of documents (columns " + String.join(",",
                            wanted) + "); to use it, run 'corpusbench import --format csv --out DIR' on its "
                            + "directory and use DIR");
                }
                throw new CorpusFormatException(Location.of(fileName, 1), c, "column not found; found the columns "
                        + found + ", expected a CSV of documents with the columns " + wanted);
            }
        }
        // the defaults read a 'title' column when there is one (as export writes it), else the first line
        String titleColumn = columns.title() != null ? columns.title()
                : header != null && header.containsKey("title") ? "title" : null;
        Iterator<CSVRecord> records = parser.iterator();
        Iterator<Document> docs = new Iterator<>() {
            /** Lines consumed before the record being read: a record starts on the line after them. */
            private long linesBefore = parser.getCurrentLineNumber();
            /** The ids read so far and where: a CSV of documents names each document once (issue 12). */
            private final Map<String, Location> seen = new java.util.HashMap<>();

            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException e) {
                    if (source != null && e.getCause() instanceof CharacterCodingException c) {
                        throw new UncheckedIOException(Utf8LineReader.locateInvalid(source, fileName, c));
                    }
                    throw new UncheckedIOException(new CorpusFormatException(
                            Location.of(fileName, parser.getCurrentLineNumber()), null,
                            "malformed CSV: " + e.getCause().getMessage(), e));
                }
            }

            @Override
            public Document next() {
                CSVRecord r = records.next();
                Location at = Location.of(fileName, linesBefore + 1);
                linesBefore = parser.getCurrentLineNumber();
                if (!r.isConsistent()) {
                    throw new UncheckedIOException(new CorpusFormatException(at, null,
                            "record " + r.getRecordNumber() + " has " + r.size() + " fields; expected "
                                    + header.size() + " as in the header"));
                }
                String id = r.get(columns.id());
                if (id.isEmpty()) {
                    throw new UncheckedIOException(new CorpusFormatException(at, columns.id(),
                            "empty document id in record " + r.getRecordNumber()));
                }
                Location first = seen.putIfAbsent(id, at);
                if (first != null) {
                    throw new UncheckedIOException(new CorpusFormatException(at, columns.id(),
                            "duplicate document id '" + id + "', first seen at " + first));
                }
                String text = r.get(columns.text());
                String title = titleColumn == null ? Document.firstLine(text) : r.get(titleColumn);
                Map<String, String> meta = new LinkedHashMap<>();
                for (String m : columns.metadata()) {
                    meta.put(m, r.get(m));
                }
                return new Document(id, text, title, fileName, Hashes.sha256(text), meta);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(docs, Spliterator.ORDERED), false)
                .onClose(() -> {
                    try {
                        parser.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
