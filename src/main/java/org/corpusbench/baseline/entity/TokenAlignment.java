package org.corpusbench.baseline.entity;

import java.util.ArrayList;
import java.util.List;
import org.corpusbench.text.EnglishSplitter;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/** Maps character-level gold spans onto token indexes of a sentence, and back. */
final class TokenAlignment {

    private TokenAlignment() {
    }

    /**
     * The OpenNLP name spans (token indexes, end exclusive) of the mentions that lie within the sentence and
     * start and end on token boundaries; mentions that cut a token are left out (a tokenizer limit).
     */
    static List<opennlp.tools.util.Span> names(EnglishSplitter.Sentence s, List<EntityMention> mentions) {
        List<opennlp.tools.util.Span> out = new ArrayList<>();
        List<Span> toks = s.tokens();
        for (EntityMention m : mentions) {
            if (m.span().start() < s.span().start() || m.span().end() > s.span().end()) {
                continue;
            }
            int first = -1;
            int last = -1;
            for (int i = 0; i < toks.size(); i++) {
                if (toks.get(i).start() == m.span().start()) {
                    first = i;
                }
                if (toks.get(i).end() == m.span().end()) {
                    last = i;
                }
            }
            if (first >= 0 && last >= first) {
                out.add(new opennlp.tools.util.Span(first, last + 1, m.type()));
            }
        }
        return out;
    }

    static String[] tokens(EnglishSplitter.Sentence s) {
        return s.tokens().stream().map(Span::text).toArray(String[]::new);
    }

    /** The code-point span covering tokens {@code [from, to)} of the sentence, cut from {@code text}. */
    static Span span(String text, EnglishSplitter.Sentence s, int from, int to) {
        return Span.of(text, s.tokens().get(from).start(), s.tokens().get(to - 1).end());
    }
}
