package org.corpusbench.eval.tags;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.corpusbench.format.CorpusFormatException;
import org.corpusbench.format.Location;
import org.corpusbench.internal.Utf8LineReader;

/**
 * Reads a CoNLL file whose last two columns are the gold and the predicted tag, one sentence at a time:
 * blank lines and {@code -DOCSTART-} lines end a sentence ({@code -DOCSTART-} is not a token). Columns
 * are separated by spaces or tabs. Every token line must have as many columns as the first one.
 */
public final class ConllTagReader implements Closeable {

    /** A sentence: gold and predicted tags, tokens, and the line it starts on. */
    public record Sentence(List<String> tokens, List<String> gold, List<String> predicted, long line) {
    }

    private final Utf8LineReader lines;
    private final String fileName;
    private int columns = -1;
    private boolean documentStart;

    public ConllTagReader(InputStream in, String fileName) {
        this.lines = new Utf8LineReader(in, fileName);
        this.fileName = fileName;
    }

    /** The number of columns of the token lines read so far, or -1 before the first one. */
    public int columns() {
        return columns;
    }

    /** Whether the sentence last returned followed a {@code -DOCSTART-} line. */
    public boolean documentStart() {
        return documentStart;
    }

    /** The next sentence, or {@code null} at end of input. */
    public Sentence next() throws IOException {
        List<String> tokens = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        List<String> pred = new ArrayList<>();
        long first = 0;
        boolean sawDocStart = false;
        String line;
        while ((line = lines.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                if (!gold.isEmpty()) {
                    break;
                }
                continue;
            }
            String[] f = columns(trimmed);
            if (f[0].equals("-DOCSTART-")) {
                if (!gold.isEmpty()) {
                    documentStart = sawDocStart;
                    pendingDocStart = true;
                    return new Sentence(tokens, gold, pred, first);
                }
                sawDocStart = true;
                continue;
            }
            if (f.length < 2) {
                throw new CorpusFormatException(Location.of(fileName, lines.lineNumber()), null,
                        "found 1 column; expected at least 2 (... gold predicted), separated by spaces or tabs");
            }
            if (columns < 0) {
                columns = f.length;
            } else if (f.length != columns) {
                throw new CorpusFormatException(Location.of(fileName, lines.lineNumber()), null, "found "
                        + f.length + " columns; expected " + columns + " as on the first token line");
            }
            if (gold.isEmpty()) {
                first = lines.lineNumber();
            }
            tokens.add(f[0]);
            gold.add(f[f.length - 2]);
            pred.add(f[f.length - 1]);
        }
        if (gold.isEmpty()) {
            return null;
        }
        documentStart = sawDocStart || pendingDocStart;
        pendingDocStart = false;
        return new Sentence(tokens, gold, pred, first);
    }

    private boolean pendingDocStart;

    private final List<String> fields = new ArrayList<>();

    /**
     * The columns of a stripped line: runs of characters other than space and tab. By hand, because a
     * regex split was most of the cost of reading a file.
     */
    private String[] columns(String line) {
        fields.clear();
        int start = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (start >= 0) {
                    fields.add(line.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            fields.add(line.substring(start));
        }
        return fields.toArray(new String[0]);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
