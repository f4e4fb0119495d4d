package org.corpusbench.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.csv.CsvDocumentReader;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.format.jsonl.JsonCodec.RecordKind;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.format.text.TextDirectoryReader;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;

/**
 * Reads whatever a user points corpusbench at — a directory of {@code .txt} articles, a release
 * directory, JSONL or CSV files — one record at a time, and hands each record to a visitor. Nothing is
 * kept, so memory does not grow with the corpus.
 */
public final class CorpusFiles {

    /** Receives the records found. Methods default to ignoring the record. */
    public interface Visitor {
        /** A document: a {@code .txt} article, a CSV row or a JSONL document line. */
        default void document(Document d) {
        }

        /** One document's entity and TIMEX3 layers, from a JSONL line. */
        default void annotations(DocumentAnnotations a) {
        }

        /** A contradiction, from a JSONL line. */
        default void contradiction(Contradiction c) {
        }

        /** A premise/hypothesis pair, from a JSONL line. */
        default void nliPair(NliPair p) {
        }
    }

    private CorpusFiles() {
    }

    /** Visits every record of every path; the first malformed record ends the walk with its location. */
    public static void visit(List<Path> paths, Visitor v) throws IOException {
        for (Path p : paths) {
            for (Path f : expand(p)) {
                visitFile(f, v);
            }
        }
    }

    /** The readable files of a path: itself, or for a directory its .txt, .jsonl and .csv files by name. */
    public static List<Path> expand(Path p) throws IOException {
        if (!Files.exists(p)) {
            throw new java.nio.file.NoSuchFileException(p.toString());
        }
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> s = Files.list(p)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".txt") || n.endsWith(".jsonl") || n.endsWith(".csv");
            }).sorted().toList());
        }
    }

    private static void visitFile(Path f, Visitor v) throws IOException {
        String name = f.getFileName().toString();
        if (name.endsWith(".txt")) {
            v.document(TextDirectoryReader.readFile(f).document());
        } else if (name.endsWith(".csv")) {
            try (Stream<Document> docs = CsvDocumentReader.read(f, CsvDocumentReader.Columns.defaults())) {
                forEach(docs, v::document);
            }
        } else if (name.endsWith(".jsonl")) {
            try (JsonlReader r = JsonlReader.open(f)) {
                for (JsonlReader.JsonLine l = r.next(); l != null; l = r.next()) {
                    dispatch(l, v);
                }
            }
        } else {
            throw new CorpusFormatException(Location.ofFile(f.toString()), null,
                    "unknown kind of file; expected .txt, .csv or .jsonl");
        }
    }

    private static void dispatch(JsonlReader.JsonLine l, Visitor v) throws CorpusFormatException {
        try {
            switch (RecordKind.of(l.node())) {
                case DOCUMENT -> v.document(JsonCodec.document(l.node(), l.location()));
                case ANNOTATIONS -> v.annotations(JsonCodec.annotations(l.node(), l.location()));
                case CONTRADICTION -> v.contradiction(JsonCodec.contradiction(l.node(), l.location()));
                case NLI -> v.nliPair(JsonCodec.nliPair(l.node(), l.location()));
                default -> throw new CorpusFormatException(l.location(), null, "unrecognised record; expected a "
                        + "document, annotations, a contradiction or an NLI pair (run 'corpusbench validate')");
            }
        } catch (IllegalArgumentException e) {
            throw new CorpusFormatException(l.location(), null, e.getMessage(), e);
        }
    }

    private static <T> void forEach(Stream<T> s, Consumer<T> c) throws IOException {
        try {
            s.forEach(c);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
