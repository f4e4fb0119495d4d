package org.corpusbench.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Span;

/**
 * Sentences and tokens of English text from Apache OpenNLP's pretrained Universal Dependencies models
 * (Maven artifacts {@code opennlp-models-sentdetect-en} and {@code opennlp-models-tokenizer-en}), with
 * offsets converted to code points. The models are loaded once; instances are not thread-safe (OpenNLP's
 * ME classes keep state), so use one per thread.
 */
public final class EnglishSplitter {

    static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

    private static SentenceModel sentenceModel;
    private static TokenizerModel tokenModel;

    /** A sentence and its tokens, all as code-point spans of the document. */
    public record Sentence(Span span, List<Span> tokens) {
        /** Copies the tokens. */
        public Sentence {
            tokens = List.copyOf(tokens);
        }
    }

    private final SentenceDetectorME sentences;
    private final TokenizerME tokens;

    /** A splitter of its own over the models all instances share, which the first one loads from the classpath. */
    public EnglishSplitter() {
        synchronized (EnglishSplitter.class) {
            if (sentenceModel == null) {
                sentenceModel = load(SENTENCE_MODEL, SentenceModel::new);
                tokenModel = load(TOKEN_MODEL, TokenizerModel::new);
            }
        }
        sentences = new SentenceDetectorME(sentenceModel);
        tokens = new TokenizerME(tokenModel);
    }

    @FunctionalInterface
    private interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    private static <M> M load(String resource, ModelReader<M> reader) {
        try (InputStream in = EnglishSplitter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath; "
                        + "the opennlp-models-*-en 1.3.0 artifacts are required");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP model " + resource, e);
        }
    }

    /** Splits {@code text} into sentences of tokens. Line breaks always end a sentence (headlines). */
    public List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(lineStart, lineEnd);
            for (opennlp.tools.util.Span s : sentences.sentPosDetect(line)) {
                int sStart = lineStart + s.getStart();
                int sEnd = lineStart + s.getEnd();
                String sentence = text.substring(sStart, sEnd);
                List<Span> toks = new ArrayList<>();
                for (opennlp.tools.util.Span t : tokens.tokenizePos(sentence)) {
                    toks.add(span(text, sStart + t.getStart(), sStart + t.getEnd()));
                }
                if (!toks.isEmpty()) {
                    out.add(new Sentence(span(text, sStart, sEnd), toks));
                }
            }
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return out;
    }

    /**
     * The tokens of {@code sentence} with quotes and possessive clitics split off, as CoNLL-2003 and the
     * Penn Treebank tokenise ("'Oreshnik'" → ' Oreshnik ', "Russia's" → Russia 's, "Belarus'" → Belarus ').
     * OpenNLP's UD model keeps them attached, which would put many names off token boundaries.
     */
    public static List<Span> splitQuotesAndClitics(String text, List<Span> sentence) {
        List<Span> out = new ArrayList<>();
        for (Span t : sentence) {
            String s = t.text();
            int start = 0;
            int end = s.length();
            List<Span> head = new ArrayList<>();
            List<Span> tail = new ArrayList<>();
            while (end - start > 1 && QUOTES.indexOf(s.charAt(start)) >= 0) {
                head.add(piece(t, s, start, start + 1));
                start++;
            }
            while (end - start > 1 && QUOTES.indexOf(s.charAt(end - 1)) >= 0) {
                tail.add(0, piece(t, s, end - 1, end));
                end--;
            }
            if (end - start > 2 && (s.charAt(end - 1) == 's' || s.charAt(end - 1) == 'S')
                    && APOSTROPHES.indexOf(s.charAt(end - 2)) >= 0) {
                tail.add(0, piece(t, s, end - 2, end));
                end -= 2;
            }
            out.addAll(head);
            out.add(piece(t, s, start, end));
            out.addAll(tail);
        }
        return out;
    }

    private static final String QUOTES = "'\"\u2018\u2019\u201C\u201D";
    private static final String APOSTROPHES = "'\u2019";

    /** The part of token {@code t} between chars {@code [from, to)} of its text. */
    private static Span piece(Span t, String s, int from, int to) {
        int start = t.start() + s.codePointCount(0, from);
        return new Span(start, start + s.codePointCount(from, to), s.substring(from, to));
    }

    /** A span over chars {@code [charStart, charEnd)}, widened so that it never splits a surrogate pair. */
    private static Span span(String text, int charStart, int charEnd) {
        if (charStart > 0 && Character.isLowSurrogate(text.charAt(charStart))
                && Character.isHighSurrogate(text.charAt(charStart - 1))) {
            charStart--;
        }
        if (charEnd < text.length() && Character.isLowSurrogate(text.charAt(charEnd))
                && Character.isHighSurrogate(text.charAt(charEnd - 1))) {
            charEnd++;
        }
        int start = CodePoints.toCodePoint(text, charStart);
        return new Span(start, start + text.codePointCount(charStart, charEnd), text.substring(charStart, charEnd));
    }
}
