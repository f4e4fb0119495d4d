package org.corpusbench.eval.tags;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.ConllColumns;
import org.corpusbench.internal.Utf8LineReader;

/**
 * Reads a CoNLL file whose last two columns are the gold and the predicted tag, one sentence at a time.
 * Blank lines end a sentence. Columns are separated by white space ({@link ConllColumns}). Every token
 * line must have as many columns as the first one.
 *
 * <p>A {@code -DOCSTART-} line (a document separator, as in CoNLL-2003) is by default a token, as
 * conlleval.pl counts it: a sentence of its own, of one token whose tags are its last two columns (issue 14;
 * {@code -DOCSTART- -X- -X- O O} is a token tagged O, right). So token accuracy counts it, as conlleval.pl
 * and seqeval over the file's lines do, and it must have the columns of a token line. With
 * {@code skipDocstart} it is no token: it only ends a sentence, and its columns are not looked at.
 */
public final class ConllTagReader implements Closeable {

    /** A sentence: gold and predicted tags, tokens, and the line it starts on. */
    public record Sentence(List<String> tokens, List<String> gold, List<String> predicted, long line) {
    }

    private static final String DOCSTART = "-DOCSTART-";

    private final Utf8LineReader lines;
    private final String fileName;
    private final boolean skipDocstart;
    private final ConllColumns cols = new ConllColumns();
    private int columns = -1;
    private boolean documentStart;
    /** A {@code -DOCSTART-} line read at the end of a sentence, to be returned next (it is the current line). */
    private String pending;
    /** With skipDocstart: a {@code -DOCSTART-} line ended the sentence being returned. */
    private boolean pendingDocStart;

    /** A reader that counts {@code -DOCSTART-} lines as tokens, as conlleval.pl does. */
    public ConllTagReader(InputStream in, String fileName) {
        this(in, fileName, false);
    }

    /**
     * @param skipDocstart whether {@code -DOCSTART-} lines are left out (only ending a sentence) instead of
     *                     being tokens
     */
    public ConllTagReader(InputStream in, String fileName, boolean skipDocstart) {
        this.lines = new Utf8LineReader(in, fileName);
        this.fileName = fileName;
        this.skipDocstart = skipDocstart;
    }

    /** The number of columns of the token lines read so far, or -1 before the first one. */
    public int columns() {
        return columns;
    }

    /**
     * Whether the sentence last returned is a {@code -DOCSTART-} line (counted as a token) or, with
     * skipDocstart, followed one.
     */
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
        while ((line = pending != null ? pending : lines.readLine()) != null) {
            pending = null;
            int n = cols.split(line);
            if (n == 0) {
                if (!gold.isEmpty()) {
                    break;
                }
                continue;
            }
            boolean docStart = cols.is(0, DOCSTART);
            if (docStart && !skipDocstart) {
                if (!gold.isEmpty()) {
                    pending = line;
                    break;
                }
                checkColumns(n, " on a " + DOCSTART + " line (it is a token, as conlleval.pl counts it; "
                        + "--skip-docstart leaves such lines out)");
                documentStart = true;
                return new Sentence(List.of(DOCSTART), List.of(cols.get(n - 2)), List.of(cols.get(n - 1)),
                        lines.lineNumber());
            }
            if (docStart) {
                if (!gold.isEmpty()) {
                    documentStart = sawDocStart;
                    pendingDocStart = true;
                    return new Sentence(tokens, gold, pred, first);
                }
                sawDocStart = true;
                continue;
            }
            checkColumns(n, "");
            if (gold.isEmpty()) {
                first = lines.lineNumber();
            }
            tokens.add(cols.get(0));
            gold.add(cols.get(n - 2));
            pred.add(cols.get(n - 1));
        }
        if (gold.isEmpty()) {
            return null;
        }
        documentStart = sawDocStart || pendingDocStart;
        pendingDocStart = false;
        return new Sentence(tokens, gold, pred, first);
    }

    /** Checks that the current line has at least 2 columns, and as many as the first token line. */
    private void checkColumns(int n, String where) throws CorpusFormatException {
        if (n < 2) {
            throw new CorpusFormatException(Location.of(fileName, lines.lineNumber()), null,
                    "found 1 column" + where + "; expected at least 2 (... gold predicted), separated by white "
                    + "space");
        }
        if (columns < 0) {
            columns = n;
        } else if (n != columns) {
            throw new CorpusFormatException(Location.of(fileName, lines.lineNumber()), null, "found "
                    + n + " columns" + where + "; expected " + columns + " as on the first token line");
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
