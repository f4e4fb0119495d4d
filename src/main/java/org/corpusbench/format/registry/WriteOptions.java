package org.corpusbench.format.registry;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.corpusbench.format.conll.Conll;
import org.corpusbench.format.hf.HuggingFace;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.text.EnglishSplitter;

/**
 * How a corpus is written, where the format leaves a choice.
 *
 * @param name          the stem of single-file outputs ({@code <name>.conll}, {@code <name>-nli.jsonl})
 * @param tokenizer     CoNLL and Hugging Face: sentences and tokens of each document
 * @param scheme        CoNLL: the tag scheme written (IOB1, IOB2 or IOBES)
 * @param label         CoNLL: the label written for an entity type; {@code null} from it leaves the mention
 *                      out (as the CoNLL-4 mapping does for DATE)
 * @param creationDates TimeML: each document's creation date ({@code <DCT>}), by id; a document missing
 *                      from the map, or mapped to {@code null}, is written without one
 * @param card          Hugging Face: the license and languages the card's header declares
 */
public record WriteOptions(String name, Conll.Tokenizer tokenizer, TagScheme scheme, UnaryOperator<String> label,
                           Map<String, LocalDate> creationDates, HuggingFace.Card card) {

    /**
     * Requires the name, the scheme and the label mapping, and copies the creation dates. The tokenizer may be
     * {@code null} when neither CoNLL nor Hugging Face is written, the only formats that tokenise.
     */
    public WriteOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(card, "card");
        creationDates = Collections.unmodifiableMap(new HashMap<>(creationDates));
    }

    /** IOB2 tags with the corpus's own labels, no creation dates, and the given name and tokenizer. */
    public static WriteOptions of(String name, Conll.Tokenizer tokenizer) {
        return new WriteOptions(name, tokenizer, TagScheme.IOB2, UnaryOperator.identity(), Map.of(), HuggingFace.Card.UNKNOWN);
    }

    /**
     * IOB2 tags, the corpus's own labels, no creation dates, and the English tokenisation of the exports
     * (docs/formats.md, "Tokenisation for conll and hf"): OpenNLP's sentences and tokens, quotes and clitics
     * split off. The models are loaded once, here.
     */
    public static WriteOptions english(String name) {
        EnglishSplitter splitter = new EnglishSplitter();
        return of(name, d -> splitter.split(d.text()).stream()
                .map(s -> EnglishSplitter.splitQuotesAndClitics(d.text(), s.tokens())).toList());
    }

    /** The same options with another file-name stem. */
    public WriteOptions withName(String n) {
        return new WriteOptions(n, tokenizer, scheme, label, creationDates, card);
    }

    /**
     * These options with CoNLL tags in scheme {@code s}; a CoNLL export refuses a scheme that is not one of
     * {@link CorpusFormat#WRITTEN_SCHEMES}.
     */
    public WriteOptions withScheme(TagScheme s) {
        return new WriteOptions(name, tokenizer, s, label, creationDates, card);
    }

    /** These options with {@code l} mapping each entity type to the label CoNLL tags carry. */
    public WriteOptions withLabel(UnaryOperator<String> l) {
        return new WriteOptions(name, tokenizer, scheme, l, creationDates, card);
    }

    /** These options with {@code c} as the license and languages a Hugging Face card declares. */
    public WriteOptions withCard(HuggingFace.Card c) {
        return new WriteOptions(name, tokenizer, scheme, label, creationDates, c);
    }

    /** These options with {@code dates}, by document id, as the TimeML creation dates. */
    public WriteOptions withCreationDates(Map<String, LocalDate> dates) {
        return new WriteOptions(name, tokenizer, scheme, label, dates, card);
    }
}
