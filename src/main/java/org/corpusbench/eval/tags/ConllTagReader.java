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
            int n = columns(trimmed);
            if (trimmed.startsWith("-DOCSTART-") && fieldEnd[0] == "-DOCSTART-".length()) {
                if (!gold.isEmpty()) {
                    documentStart = sawDocStart;
                    pendingDocStart = true;
                    return new Sentence(tokens, gold, pred, first);
                }
                sawDocStart = true;
                continue;
            }
            if (n < 2) {
                throw new CorpusFormatException(Location.of(fileName, lines.lineNumber()), null,
                        "found 1 column; expected at least 2 (... gold predicted), separated by spaces or tabs");
            }
            if (columns < 0) {
                columns = n;
            } else if (n != columns) {
                throw new CorpusFormatException(Location.of(fileName, lines.lineNumber()), null, "found "
                        + n + " columns; expected " + columns + " as on the first token line");
            }
            if (gold.isEmpty()) {
                first = lines.lineNumber();
            }
            tokens.add(trimmed.substring(fieldStart[0], fieldEnd[0]));
            gold.add(trimmed.substring(fieldStart[n - 2], fieldEnd[n - 2]));
            pred.add(trimmed.substring(fieldStart[n - 1], fieldEnd[n - 1]));
        }
        if (gold.isEmpty()) {
            return null;
        }
        documentStart = sawDocStart || pendingDocStart;
        pendingDocStart = false;
        return new Sentence(tokens, gold, pred, first);
    }

    private boolean pendingDocStart;

    private int[] fieldStart = new int[8];
    private int[] fieldEnd = new int[8];

    /**
     * Finds the columns of a stripped line, runs of characters other than space and tab, into
     * fieldStart/fieldEnd and returns their number. By hand, and without a String per column, because a
     * regex split was most of the cost of reading a file and only three columns are used.
     */
    private int columns(String line) {
        int n = 0;
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean separator = i == line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t';
            if (separator) {
                if (start >= 0) {
                    if (n == fieldStart.length) {
                        fieldStart = java.util.Arrays.copyOf(fieldStart, n * 2);
                        fieldEnd = java.util.Arrays.copyOf(fieldEnd, n * 2);
                    }
                    fieldStart[n] = start;
                    fieldEnd[n] = i;
                    n++;
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
