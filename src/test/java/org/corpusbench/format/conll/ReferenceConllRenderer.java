package org.corpusbench.format.conll;

import java.util.ArrayList;
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
 * The CoNLL export as it was before it streamed (issue 12): every document tokenised first, then the whole
 * text rendered into one {@link StringBuilder}. Kept unchanged as the oracle of {@link Conll#write} and of
 * {@link ConllTagger}, which must give the same bytes, figures and misaligned mentions.
 */
public final class ReferenceConllRenderer {

    /** A document's sentences as token spans (code points), as a tokenizer produced them. */
    public record TokenizedDocument(Document document, List<List<Span>> sentences) {
    }

    private ReferenceConllRenderer() {
    }

    /** Renders documents to CoNLL text. */
    public static Conll.Export render(List<TokenizedDocument> docs, Map<String, DocumentAnnotations> gold,
                                      TagScheme scheme, UnaryOperator<String> label, StringBuilder out)
            throws CorpusFormatException {
        if (scheme != TagScheme.IOB2 && scheme != TagScheme.IOB1 && scheme != TagScheme.IOBES) {
            throw new IllegalArgumentException("export writes IOB2, IOB1 or IOBES, not " + scheme);
        }
        long sentences = 0;
        long tokens = 0;
        long entities = 0;
        List<Conll.Misaligned> misaligned = new ArrayList<>();
        for (TokenizedDocument td : docs) {
            out.append("-DOCSTART- -X- -X- O\n\n");
            DocumentAnnotations a = gold.getOrDefault(td.document().id(), DocumentAnnotations.empty(td.document().id()));
            List<EntityMention> mentions = a.entities();
            boolean[] placed = new boolean[mentions.size()];
            for (List<Span> sentence : td.sentences()) {
                String[] tags = new String[sentence.size()];
                java.util.Arrays.fill(tags, "O");
                Map<Integer, Integer> tokenStarting = new java.util.HashMap<>();
                Map<Integer, Integer> tokenEnding = new java.util.HashMap<>();
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
                for (int i = 0; i < sentence.size(); i++) {
                    String token = sentence.get(i).text();
                    if (token.codePoints().anyMatch(Character::isWhitespace)) {
                        throw new CorpusFormatException(Location.ofFile(td.document().id()), "tokens", "token '"
                                + token + "' at " + sentence.get(i).start() + " contains white space; a CoNLL "
                                + "column cannot hold it");
                    }
                    out.append(token).append(" -X- _ ").append(tags[i]).append('\n');
                }
                out.append('\n');
                sentences++;
                tokens += sentence.size();
            }
            for (int m = 0; m < mentions.size(); m++) {
                if (!placed[m]) {
                    misaligned.add(new Conll.Misaligned(td.document().id(), mentions.get(m)));
                }
            }
        }
        return new Conll.Export(docs.size(), sentences, tokens, entities, misaligned);
    }
}
