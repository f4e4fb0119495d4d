package org.corpusbench.format.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;

/**
 * Reads JSON Lines one record at a time, so a file of any size is read in bounded memory. Blank lines
 * are skipped. A line that is not valid JSON is a {@link CorpusFormatException} naming the line and
 * column; the reader can go on with the next line afterwards (the validator uses this to report every
 * bad line).
 */
public final class JsonlReader implements Closeable {

    /** One parsed line and where it was. */
    public record JsonLine(Location location, JsonNode node) {
    }

    /** Turns a parsed line into a record. */
    @FunctionalInterface
    public interface Decoder<T> {
        /** The record of the line at {@code at}; a missing or mistyped field is an error naming it and the line. */
        T decode(JsonNode node, Location at) throws CorpusFormatException;
    }

    private final JsonlLines lines;
    private final String fileName;

    /** Records of {@code in}, named {@code fileName} in locations; {@link #close()} closes {@code in}. */
    public JsonlReader(InputStream in, String fileName) {
        this.lines = new JsonlLines(in, fileName);
        this.fileName = fileName;
    }

    /** Opens {@code file}; locations name it as {@code file.toString()}. */
    public static JsonlReader open(Path file) throws IOException {
        return new JsonlReader(Files.newInputStream(file), file.toString());
    }

    /** The next non-blank line, parsed, or {@code null} at end of input. */
    public JsonLine next() throws IOException {
        do {
            if (!lines.next()) {
                return null;
            }
            lines.checkUtf8();
        } while (lines.isBlank());
        Location at = lines.location();
        return new JsonLine(at, lines.parse());
    }

    /** Whether the input began with a UTF-8 byte order mark, which was skipped; known after {@link #next()}. */
    public boolean hadByteOrderMark() {
        return lines.hadByteOrderMark();
    }

    /**
     * All records of a file, decoded lazily. A bad line ends the stream with an
     * {@link UncheckedIOException} wrapping the {@link CorpusFormatException}. Close the stream.
     */
    public static <T> Stream<T> stream(Path file, Decoder<T> decoder) throws IOException {
        JsonlReader reader = open(file);
        Iterator<T> it = new Iterator<>() {
            private T next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        JsonLine l = reader.next();
                        if (l == null) {
                            done = true;
                        } else {
                            next = decoder.decode(l.node(), l.location());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (IllegalArgumentException e) {
                        throw new UncheckedIOException(new CorpusFormatException(
                                Location.ofFile(file.toString()), null, e.getMessage(), e));
                    }
                }
                return next != null;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T t = next;
                next = null;
                return t;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** The documents of {@code file}, every non-blank line a document record, decoded as {@link #stream} says. */
    public static Stream<Document> documents(Path file) throws IOException {
        return stream(file, JsonCodec::document);
    }

    /** The annotation records of {@code file}, one per non-blank line, decoded as {@link #stream} says. */
    public static Stream<DocumentAnnotations> annotations(Path file) throws IOException {
        return stream(file, JsonCodec::annotations);
    }

    /** The contradictions of {@code file}, one per non-blank line, decoded as {@link #stream} says. */
    public static Stream<Contradiction> contradictions(Path file) throws IOException {
        return stream(file, JsonCodec::contradiction);
    }

    /** The NLI pairs of {@code file}, one per non-blank line, decoded as {@link #stream} says. */
    public static Stream<NliPair> nliPairs(Path file) throws IOException {
        return stream(file, JsonCodec::nliPair);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    @Override
    public String toString() {
        return "JsonlReader[" + fileName + "]";
    }
}
