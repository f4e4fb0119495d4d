package org.corpusbench.eval.tags;

import java.nio.charset.StandardCharsets;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.ByteColumns;
import org.corpusbench.internal.ByteLines;
import org.corpusbench.internal.Utf8LineReader;
import org.corpusbench.tags.Chunker;

/**
 * Reads a CoNLL tag file as {@link ConllTagReader} does, but from bytes (issue 15): each line is checked to be
 * UTF-8 and split at white space without being decoded ({@link ByteColumns}), its last two columns are looked
 * up as tag numbers ({@link TagTally}), and a sentence is scored when the string reader would have returned
 * it, so that an input is refused at the same line, with the same message, as before: a line that is not
 * UTF-8 or has the wrong number of columns when it is read, a tag that the strict scheme forbids when its
 * sentence ends (the first among the sentence's gold tags, then among its predicted ones).
 */
final class TagLines implements ByteLines.LocatedConsumer {

    private static final byte[] DOCSTART = "-DOCSTART-".getBytes(StandardCharsets.US_ASCII);
    private static final String ON_DOCSTART = " on a -DOCSTART- line (it is a token, as conlleval.pl counts it; "
            + "--skip-docstart leaves such lines out)";

    private final String fileName;
    private final boolean skipDocstart;
    private final long base;
    private final TagTally tally;
    private final TagEvaluator.SentenceSink sink;
    private final ByteColumns cols = new ByteColumns();
    private int columns = -1;
    private long lines;
    private long firstLine;
    private long firstOffset;

    /**
     * @param base where the stream starts in the file: sentences are handed to {@code sink} with their offset
     *             in the file, whatever part of it is read
     */
    TagLines(String fileName, boolean skipDocstart, long base, TagTally tally, TagEvaluator.SentenceSink sink) {
        this.fileName = fileName;
        this.skipDocstart = skipDocstart;
        this.base = base;
        this.tally = tally;
        this.sink = sink;
    }

    @Override
    public void line(byte[] buf, int from, int to, long offset) throws CorpusFormatException {
        lines++;
        int n = cols.splitAtWhiteSpace(buf, from, to);
        if (!cols.ascii()) {
            int bad = Utf8LineReader.firstInvalid(buf, from, to);
            if (bad >= 0) {
                throw new CorpusFormatException(Location.of(fileName, lines), null,
                        Utf8LineReader.invalidMessage(base + offset + (bad - from), buf[bad]));
            }
        }
        if (n == 0) {
            if (tally.length() > 0) {
                endSentence();
            }
            return;
        }
        boolean docStart = cols.is(buf, 0, DOCSTART);
        if (docStart) {
            if (tally.length() > 0) {
                endSentence();
            }
            if (skipDocstart) {
                return; // it only ends a sentence
            }
            // a token, and a sentence of its own, as conlleval.pl counts it
            checkColumns(n, ON_DOCSTART);
            firstLine = lines;
            firstOffset = base + offset;
            add(buf, n);
            endSentence();
            return;
        }
        checkColumns(n, "");
        if (tally.length() == 0) {
            firstLine = lines;
            firstOffset = base + offset;
        }
        add(buf, n);
    }

    private void add(byte[] buf, int n) {
        tally.add(tally.tag(buf, cols.start(n - 2), cols.end(n - 2)), tally.tag(buf, cols.start(n - 1),
                cols.end(n - 1)));
    }

    /** Scores the last sentence, if the input did not end with a blank line. Call once, after the last line. */
    void finish() throws CorpusFormatException {
        if (tally.length() > 0) {
            endSentence();
        }
    }

    private void endSentence() throws CorpusFormatException {
        try {
            tally.endSentence();
        } catch (Chunker.InvalidTagException e) {
            throw new CorpusFormatException(Location.of(fileName, firstLine + e.index()), null,
                    e.getMessage() + " (strict mode; use --mode default for lenient decoding)");
        }
        sink.sentence(firstOffset, tally.unitTp(), tally.unitFp(), tally.unitFn());
    }

    /** Checks that the current line has at least 2 columns, and as many as the first token line. */
    private void checkColumns(int n, String where) throws CorpusFormatException {
        if (n < 2) {
            throw new CorpusFormatException(Location.of(fileName, lines), null,
                    "found 1 column" + where + "; expected at least 2 (... gold predicted), separated by white "
                    + "space");
        }
        if (columns < 0) {
            columns = n;
        } else if (n != columns) {
            throw new CorpusFormatException(Location.of(fileName, lines), null, "found "
                    + n + " columns" + where + "; expected " + columns + " as on the first token line");
        }
    }

    /** The number of columns of the token lines read, or -1 if none. */
    int columns() {
        return columns;
    }
}
