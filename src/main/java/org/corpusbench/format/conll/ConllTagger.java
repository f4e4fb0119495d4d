package org.corpusbench.format.conll;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/**
 * Tags the tokens of an export one document at a time and keeps the figures of the whole export: each
 * sentence's tokens get IOB2, IOB1 or IOBES tags from the document's gold entity spans and go to a
 * {@link Sink} as soon as they are tagged. Nothing of a document is kept after it, except the mentions that
 * did not fall on token boundaries, so a writer built on it holds one document's tokens at a time whatever
 * the size of the corpus (issue 12: the whole CoNLL text of a 4,000-document corpus took 5.6 GB).
 *
 * <p>A gold span that does not start and end on token boundaries of one sentence is not tagged; it is
 * returned in {@link Conll.Export#misaligned()}, never moved to the nearest tokens. Not thread-safe.
 */
public final class ConllTagger {

    /** Receives each sentence's tokens and their tags (same length), in document order. */
    @FunctionalInterface
    public interface Sink {
        /** Takes one sentence: its tokens and their tags, index for index, in an array the sink may keep. */
        void sentence(List<Span> tokens, String[] tags) throws IOException;
    }

    private final TagScheme scheme;
    private final UnaryOperator<String> label;
    private long documents;
    private long sentences;
    private long tokens;
    private long entities;
    private final List<Conll.Misaligned> misaligned = new ArrayList<>();

    /**
     * @param scheme IOB2, IOB1 or IOBES
     * @param label  maps a gold type to the written one (identity, or the CoNLL-4 mapping); a type it maps to
     *               {@code null} is left out, its tokens tagged O
     */
    public ConllTagger(TagScheme scheme, UnaryOperator<String> label) {
        if (scheme != TagScheme.IOB2 && scheme != TagScheme.IOB1 && scheme != TagScheme.IOBES) {
            throw new IllegalArgumentException("export writes IOB2, IOB1 or IOBES, not " + scheme);
        }
        this.scheme = scheme;
        this.label = label;
    }

    /**
     * Tags one document's sentences and hands each to {@code sink}.
     *
     * @param sentences the document's sentences as token spans (code points)
     * @throws CorpusFormatException when a token holds white space, which a CoNLL column cannot
     */
    public void document(Document document, List<List<Span>> sentences, DocumentAnnotations gold, Sink sink)
            throws IOException {
        documents++;
        List<EntityMention> mentions = gold.entities();
        boolean[] placed = new boolean[mentions.size()];
        for (List<Span> sentence : sentences) {
            String[] tags = new String[sentence.size()];
            Arrays.fill(tags, "O");
            Map<Integer, Integer> tokenStarting = new HashMap<>();
            Map<Integer, Integer> tokenEnding = new HashMap<>();
            for (int i = 0; i < sentence.size(); i++) {
                tokenStarting.put(sentence.get(i).start(), i);
                tokenEnding.put(sentence.get(i).end(), i);
            }
            List<int[]> chunks = new ArrayList<>();
            for (int m = 0; m < mentions.size(); m++) {
                Integer first = tokenStarting.get(mentions.get(m).span().start());
                Integer last = tokenEnding.get(mentions.get(m).span().end());
                if (first != null && last != null && last >= first) {
                    chunks.add(new int[] {first, last + 1, m});
                    placed[m] = true;
                }
            }
            chunks.sort((x, y) -> Integer.compare(x[0], y[0]));
            int prevEnd = -1;
            String prevType = null;
            for (int[] c : chunks) {
                String type = label.apply(mentions.get(c[2]).type());
                if (type == null) {
                    continue; // a type the mapping leaves out (CoNLL-4 has no DATE): written O
                }
                for (int i = c[0]; i < c[1]; i++) {
                    String prefix = switch (scheme) {
                        case IOB2 -> i == c[0] ? "B-" : "I-";
                        case IOB1 -> i == c[0] && c[0] == prevEnd && type.equals(prevType) ? "B-" : "I-";
                        default -> c[1] - c[0] == 1 ? "S-" : i == c[0] ? "B-" : i == c[1] - 1 ? "E-" : "I-";
                    };
                    tags[i] = prefix + type;
                }
                prevEnd = c[1];
                prevType = type;
                entities++;
            }
            for (Span token : sentence) {
                if (token.text().codePoints().anyMatch(Character::isWhitespace)) {
                    throw new CorpusFormatException(Location.ofFile(document.id()), "tokens", "token '"
                            + token.text() + "' at " + token.start() + " contains white space; a CoNLL "
                            + "column cannot hold it");
                }
            }
            sink.sentence(sentence, tags);
            this.sentences++;
            tokens += sentence.size();
        }
        for (int m = 0; m < mentions.size(); m++) {
            if (!placed[m]) {
                misaligned.add(new Conll.Misaligned(document.id(), mentions.get(m)));
            }
        }
    }

    /** The figures of the documents tagged so far. */
    public Conll.Export export() {
        return new Conll.Export(documents, sentences, tokens, entities, List.copyOf(misaligned));
    }
}
