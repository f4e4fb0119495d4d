package org.corpusbench.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.diagnostic.Location;

/**
 * Reads a CSV or TSV file whose header is fixed by contract (gold sources, CSV layers): checks the header
 * and every row's field count, and hands each row on with the line it starts on, so that every error
 * names file, line and field. Counting lines, not records, keeps the numbers right when quoted fields
 * hold line breaks.
 */
public final class TableRows {

    /** One data row; fields by position or by header name. */
    public record Row(List<String> header, CSVRecord record) {
        public String get(int column) {
            return record.get(column);
        }

        public String get(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no column '" + name + "' in " + header);
            }
            return record.get(i);
        }
    }

    @FunctionalInterface
    public interface RowHandler {
        void accept(Row row, Location at) throws CorpusFormatException;
    }

    private TableRows() {
    }

    /** Does nothing when {@code file} does not exist: every such file is optional. */
    /**
     * The reader past a UTF-8 byte order mark, if the file starts with one: spreadsheet programs write it, and
     * it would otherwise become part of the first column's name (offsets do not start in a header).
     */
    public static java.io.BufferedReader skipByteOrderMark(java.io.BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    public static void read(Path file, CSVFormat format, List<String> header, RowHandler handler) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (Reader in = skipByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            rows(file, parser, header, handler);
        } catch (CharacterCodingException e) {
            throw Utf8LineReader.locateInvalid(file, file.toString(), e);
        }
    }

    private static void rows(Path file, CSVParser parser, List<String> header, RowHandler handler) throws IOException {
        // bad rows are collected and reported together; a header or CSV syntax error ends the read
        List<CorpusFormatException> problems = new java.util.ArrayList<>();
        try {
            rows(file, parser, header, handler, problems);
        } catch (CorpusFormatException e) {
            problems.add(e);
        }
        CorpusFormatProblems.throwIfAny(problems);
    }

    private static void rows(Path file, CSVParser parser, List<String> header, RowHandler handler,
                             List<CorpusFormatException> problems) throws IOException {
        Iterator<CSVRecord> it = parser.iterator();
        boolean first = true;
        while (true) {
            Location at = Location.of(file.toString(), parser.getCurrentLineNumber() + 1);
            CSVRecord r;
            try {
                if (!it.hasNext()) {
                    break;
                }
                r = it.next();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException c) {
                    throw c;
                }
                throw new CorpusFormatException(at, null, "malformed: " + e.getCause().getMessage());
            }
            if (first) {
                first = false;
                if (!r.toList().equals(header)) {
                    throw new CorpusFormatException(at, null, "header is " + r.toList() + "; expected " + header);
                }
                continue;
            }
            if (r.size() != header.size()) {
                problems.add(new CorpusFormatException(at, null, "found " + r.size() + " fields; expected "
                        + header.size() + " (" + String.join(", ", header) + ")"));
                continue;
            }
            try {
                handler.accept(new Row(header, r), at);
            } catch (CorpusFormatException e) {
                problems.add(e);
            } catch (IllegalArgumentException e) {
                problems.add(new CorpusFormatException(at, null, e.getMessage(), e));
            }
        }
    }
}
