package org.corpusbench.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;

/**
 * What any format reads or writes: documents, their entity and TIMEX3 layers, contradictions between them
 * and NLI pairs. One type for every format, so that a reader's result can go to any writer; a format that
 * holds only some layers reads the others as empty (see {@link org.corpusbench.format.registry.CorpusFormat#holds}).
 *
 * @param documents      in the order read
 * @param annotations    by document id, in document order
 * @param contradictions in the order read
 * @param nliPairs       in the order read
 */
public record Corpus(List<Document> documents, Map<String, DocumentAnnotations> annotations,
                     List<Contradiction> contradictions, List<NliPair> nliPairs) {

    /** The layers a corpus can hold beyond its documents, as a format's documentation names them. */
    public enum Layer {
        /** Entity mentions, in each document's {@link DocumentAnnotations#entities()}. */
        ENTITIES("entity mentions"),
        /** TIMEX3 expressions, in each document's {@link DocumentAnnotations#timexes()}. */
        DATES("dates"),
        /** Contradictions between two evidence spans, in {@link Corpus#contradictions()}. */
        CONTRADICTIONS("contradictions"),
        /** Premise/hypothesis pairs, in {@link Corpus#nliPairs()}. */
        NLI("NLI pairs");

        private final String label;

        Layer(String label) {
            this.label = label;
        }

        /** How a message counts records of the layer ("12 entity mentions"). */
        public String label() {
            return label;
        }
    }

    /**
     * Copies the four parts, the annotations in the order given. Nothing is checked between them: a corpus
     * may hold annotations, contradictions or NLI pairs without the documents they point into, as the CSV
     * layers and SNLI-style files are read.
     */
    public Corpus {
        documents = List.copyOf(documents);
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        contradictions = List.copyOf(contradictions);
        nliPairs = List.copyOf(nliPairs);
    }

    /** Documents and their span layers only. */
    public Corpus(List<Document> documents, Map<String, DocumentAnnotations> annotations) {
        this(documents, annotations, List.of(), List.of());
    }

    /** How many records of {@code layer} the corpus holds. */
    public long count(Layer layer) {
        return switch (layer) {
            case ENTITIES -> annotations.values().stream().mapToLong(a -> a.entities().size()).sum();
            case DATES -> annotations.values().stream().mapToLong(a -> a.timexes().size()).sum();
            case CONTRADICTIONS -> contradictions.size();
            case NLI -> nliPairs.size();
        };
    }

    /** True when it holds nothing at all: no document and no record of any layer. */
    public boolean isEmpty() {
        return documents.isEmpty() && annotations.isEmpty() && contradictions.isEmpty() && nliPairs.isEmpty();
    }
}
