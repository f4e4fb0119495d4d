package org.corpusbench.format.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.Hashes;
import org.corpusbench.internal.Utf8LineReader;
import org.corpusbench.model.Document;

/**
 * Reads a directory of plain-text articles, one document per {@code .txt} file, in file-name order. The
 * id is the file name without {@code .txt}. Text is UTF-8; a byte order mark is accepted, left out of
 * the text (so offsets start at the first character) and reported; CRLF line ends are kept as they are.
 */
public final class TextDirectoryReader {

    /** A document read from a file and whether that file began with a byte order mark. */
    public record TextFile(Document document, boolean byteOrderMark) {
    }

    private TextDirectoryReader() {
    }

    /** The {@code .txt} files of {@code dir}, sorted by name; not recursive. */
    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The documents of {@code dir}, read one at a time. A file that is not valid UTF-8 ends the stream
     * with an {@link UncheckedIOException} wrapping a {@link CorpusFormatException}.
     */
    public static Stream<TextFile> read(Path dir) throws IOException {
        return files(dir).stream().map(p -> {
            try {
                return readFile(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * One article, as {@link #read} reads each: the id is the file name without {@code .txt}, the checksum
     * that of the file's bytes, byte order mark included. Invalid UTF-8 or an empty id is a
     * {@link CorpusFormatException}.
     */
    public static TextFile readFile(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return fromBytes(bytes, file.getFileName().toString(), file.toString());
    }

    /** Decodes one article; {@code fileName} gives the id, {@code shownName} is used in messages. */
    public static TextFile fromBytes(byte[] bytes, String fileName, String shownName) throws CorpusFormatException {
        String name = fileName.endsWith(".txt") ? fileName.substring(0, fileName.length() - 4) : fileName;
        if (name.isEmpty()) {
            throw new CorpusFormatException(Location.ofFile(shownName), null,
                    "file name gives an empty document id; expected NAME.txt");
        }
        String text = Utf8LineReader.decodeStrict(bytes, shownName);
        boolean bom = !text.isEmpty() && text.charAt(0) == '\uFEFF';
        if (bom) {
            text = text.substring(1);
        }
        Document d = new Document(name, text, Document.firstLine(text), fileName, Hashes.sha256(bytes));
        return new TextFile(d, bom);
    }
}
