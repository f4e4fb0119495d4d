package org.corpusbench.format.conll;

import org.corpusbench.format.Corpus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.corpusbench.tags.Chunk;
import org.corpusbench.tags.Chunker;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.ConllColumns;
import org.corpusbench.internal.Hashes;
import org.corpusbench.internal.Utf8LineReader;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/**
 * CoNLL-2003 style files: {@code -DOCSTART- -X- -X- O} before each document, one token per line as
 * {@code TOKEN -X- _ TAG} (no part-of-speech or chunk columns: we have none), a blank line after each
 * sentence. Tags are IOB2 ({@code B-} starts every entity), IOB1 ({@code B-} only between two adjacent
 * entities of one type) or IOBES/BIOES.
 *
 * <p>A gold span that does not start and end on token boundaries of one sentence cannot be tagged; it is
 * returned in {@link Export#misaligned()} for the caller to report, never moved to the nearest tokens.
 */
public final class Conll {

    /**
     * Splits a document into sentences of token spans (code points). Called once per document, as the document
     * is written, so that only one document's tokens are in memory at a time.
     */
    @FunctionalInterface
    public interface Tokenizer {
        /**
         * The sentences of {@code document} in text order, each its token spans in order; a token that holds
         * white space makes the export fail, since a CoNLL column cannot hold it.
         */
        List<List<Span>> sentences(Document document);
    }

    /** A written file's figures and the mentions it could not tag. */
    public record Export(long documents, long sentences, long tokens, long entities,
                         List<Misaligned> misaligned) {
    }

    /**
     * A gold mention that an export could not tag, with its document's id: it does not start and end on token
     * boundaries of one sentence, and is reported rather than moved to the nearest tokens.
     */
    public record Misaligned(String docId, EntityMention mention) {
    }

    private Conll() {
    }

    /**
     * Writes documents as CoNLL text (UTF-8) to {@code out}, one document at a time: each is tokenised, tagged
     * and written before the next is read, so memory does not grow with the corpus (issue 12). {@code out} is
     * flushed, not closed.
     *
     * @param gold  the gold layers by document id; a document without any has no entities
     * @param label maps a gold type to the written one (identity, or the CoNLL-4 mapping)
     * @throws CorpusFormatException when a token holds white space; what was written before is then incomplete
     */
    public static Export write(OutputStream out, Iterable<Document> docs, Tokenizer tokenizer,
                               Map<String, DocumentAnnotations> gold, TagScheme scheme, UnaryOperator<String> label)
            throws IOException {
        ConllTagger tagger = new ConllTagger(scheme, label);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ConllTagger.Sink lines = (tokens, tags) -> {
            for (int i = 0; i < tokens.size(); i++) {
                w.write(tokens.get(i).text());
                w.write(" -X- _ ");
                w.write(tags[i]);
                w.write('\n');
            }
            w.write('\n');
        };
        for (Document d : docs) {
            w.write("-DOCSTART- -X- -X- O\n\n");
            tagger.document(d, tokenizer.sentences(d), gold.getOrDefault(d.id(), DocumentAnnotations.empty(d.id())),
                    lines);
        }
        w.flush();
        return tagger.export();
    }

    /**
     * Reads a CoNLL file: the first column is the token, the last the tag, decoded strictly in
     * {@code scheme}; columns are separated by white space ({@link ConllColumns}), the characters a token
     * cannot hold when written. Each {@code -DOCSTART-} starts a document ({@code <file>-1}, {@code <file>-2}, ...; a
     * file without any is one document). A document's text is its tokens joined by spaces, one sentence per
     * line, so the original spacing is not recovered. The file is UTF-8, read strictly: an invalid byte is an
     * error naming its line and byte offset (a byte order mark is skipped).
     */
    public static Corpus read(Path file, TagScheme scheme) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        List<Document> docs = new ArrayList<>();
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        PendingDocument doc = new PendingDocument();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        int[] docNo = {0};
        // bad lines and sentences are collected and reported together, the rest of the file read on
        List<CorpusFormatException> problems = new ArrayList<>();
        try (Utf8LineReader r = new Utf8LineReader(Files.newInputStream(file), file.toString())) {
            String line;
            long n = 0;
            boolean any = false;
            int columns = 0;
            long columnsLine = 0;
            ConllColumns cols = new ConllColumns();
            while ((line = r.readLine()) != null) {
                n++;
                int count = cols.split(line);
                if (count == 0) {
                    sentence(file, scheme, tokens, tags, lines, doc, problems);
                } else if (cols.is(0, "-DOCSTART-")) {
                    sentence(file, scheme, tokens, tags, lines, doc, problems);
                    if (any) {
                        finish(stem, ++docNo[0], doc, docs, anns, file);
                    }
                    any = true;
                } else if (count < 2) {
                    problems.add(new CorpusFormatException(Location.of(file.toString(), n), null, "expected a token "
                            + "and a tag separated by white space, found '" + line + "'"));
                } else if (columns != 0 && count != columns) {
                    // the tag is the last column: a line with fewer or more columns has it elsewhere
                    problems.add(new CorpusFormatException(Location.of(file.toString(), n), null, "found "
                            + count + " columns; expected " + columns + " as on line " + columnsLine
                            + " (every token line of a CoNLL file has the same columns)"));
                } else {
                    if (columns == 0) {
                        columns = count;
                        columnsLine = n;
                    }
                    any = true;
                    tokens.add(cols.get(0));
                    tags.add(cols.get(count - 1));
                    lines.add(n);
                }
            }
            sentence(file, scheme, tokens, tags, lines, doc, problems);
            if (any) {
                finish(stem, ++docNo[0], doc, docs, anns, file);
            }
        }
        CorpusFormatProblems.throwIfAny(problems);
        return new Corpus(docs, anns);
    }

    /**
     * The document being read. Its length in code points is kept as the text grows: counting it again for
     * every token made import quadratic for text outside Latin-1 (issue 12; docs/performance.md).
     */
    private static final class PendingDocument {
        final StringBuilder text = new StringBuilder();
        int codePoints;
        final List<EntityMention> mentions = new ArrayList<>();
    }

    private static void sentence(Path file, TagScheme scheme, List<String> tokens, List<String> tags, List<Long> lines,
                                 PendingDocument doc, List<CorpusFormatException> problems) {
        try {
            sentence(file, scheme, tokens, tags, lines, doc);
        } catch (CorpusFormatException e) {
            problems.add(e);
        } finally {
            tokens.clear();
            tags.clear();
            lines.clear();
        }
    }

    private static void sentence(Path file, TagScheme scheme, List<String> tokens, List<String> tags, List<Long> lines,
                                 PendingDocument doc) throws CorpusFormatException {
        if (tokens.isEmpty()) {
            return;
        }
        List<Chunk> chunks;
        try {
            chunks = Chunker.strict(tags, scheme);
        } catch (Chunker.InvalidTagException e) {
            throw new CorpusFormatException(Location.of(file.toString(), lines.get(e.index())), "tag", e.getMessage()
                    + " (scheme " + scheme + ")");
        }
        boolean[] covered = new boolean[tags.size()];
        for (Chunk c : chunks) {
            java.util.Arrays.fill(covered, c.start(), c.end(), true);
        }
        for (int i = 0; i < tags.size(); i++) {
            if (!covered[i] && !tags.get(i).equals("O")) {
                throw new CorpusFormatException(Location.of(file.toString(), lines.get(i)), "tag", "'" + tags.get(i)
                        + "' does not belong to any well-formed " + scheme + " chunk; is the file in another "
                        + "scheme? (--scheme)");
            }
        }
        StringBuilder text = doc.text;
        int cp = doc.codePoints;
        if (text.length() > 0) {
            text.append('\n');
            cp++;
        }
        int[] starts = new int[tokens.size()];
        int[] ends = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                text.append(' ');
                cp++;
            }
            String token = tokens.get(i);
            starts[i] = cp;
            text.append(token);
            cp += token.codePointCount(0, token.length());
            ends[i] = cp;
        }
        doc.codePoints = cp;
        for (Chunk c : chunks) {
            // the text between the chunk's first and last token is its tokens joined by spaces
            String surface = String.join(" ", tokens.subList(c.start(), c.end()));
            doc.mentions.add(new EntityMention(new Span(starts[c.start()], ends[c.end() - 1], surface), c.type(), null));
        }
        tokens.clear();
        tags.clear();
        lines.clear();
    }

    private static void finish(String stem, int no, PendingDocument doc, List<Document> docs,
                               Map<String, DocumentAnnotations> anns, Path file) {
        String id = stem + "-" + no;
        String t = doc.text.toString();
        docs.add(new Document(id, t, null, file.toString(), Hashes.sha256(t.getBytes(StandardCharsets.UTF_8))));
        anns.put(id, new DocumentAnnotations(id, List.copyOf(doc.mentions), List.of()));
        doc.text.setLength(0);
        doc.codePoints = 0;
        doc.mentions.clear();
    }
}
