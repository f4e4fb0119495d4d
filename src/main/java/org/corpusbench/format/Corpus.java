package org.corpusbench.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
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

    /** The entity mentions of {@code docId}, empty when it has none. */
    public List<EntityMention> entities(String docId) {
        DocumentAnnotations a = annotations.get(docId);
        return a == null ? List.of() : a.entities();
    }

    /**
     * A corpus of documents and entity mentions, as a writer of the annotation-tool formats (WebAnno TSV,
     * Label Studio, doccano; issue 17) is given it, checked: unique document ids, annotations only for those documents, every
     * mention inside its document's text and with that text. A writer calls this before it writes anything,
     * so that a mismatch leaves no partial output.
     *
     * @param output the file or directory being written, for the location of an error
     */
    public static Corpus checked(List<Document> documents, Map<String, DocumentAnnotations> annotations,
                                       String output) throws CorpusFormatException {
        Set<String> ids = new HashSet<>();
        for (Document d : documents) {
            if (!ids.add(d.id())) {
                throw new CorpusFormatException(Location.ofFile(output), "doc_id", "document '" + d.id()
                        + "' is given twice; expected each document once");
            }
        }
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, DocumentAnnotations> e : annotations.entrySet()) {
            if (!ids.contains(e.getKey()) || !e.getValue().docId().equals(e.getKey())) {
                unknown.add(e.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            throw new CorpusFormatException(Location.ofFile(output), "doc_id", "annotations for " + unknown.size()
                    + " document(s) not being written, first '" + unknown.get(0) + "'; expected annotations only "
                    + "for the documents written (they would be lost silently)");
        }
        for (Document d : documents) {
            DocumentAnnotations a = annotations.get(d.id());
            String problem = a == null ? null : spanProblem(d, a.entities());
            if (problem != null) {
                throw new CorpusFormatException(Location.ofFile(output), "entities", problem);
            }
        }
        return new Corpus(documents, annotations);
    }

    /**
     * The first mention of {@code entities} whose span is not in {@code d}'s text, described, or null. One pass
     * over the text for mentions in span order (as {@link DocumentAnnotations} keeps them).
     */
    private static String spanProblem(Document d, List<EntityMention> entities) {
        if (entities.isEmpty()) {
            return null;
        }
        String text = d.text();
        int length = d.length();
        int cp = 0;
        int index = 0;
        for (int i = 0; i < entities.size(); i++) {
            EntityMention e = entities.get(i);
            int s = e.span().start();
            int end = e.span().end();
            if (end > length) {
                return "document '" + d.id() + "' entities[" + i + "] [" + s + "," + end + ") '" + e.span().text()
                        + "' ends past the text's " + length + " code points";
            }
            if (s < cp) {
                cp = 0;
                index = 0;
            }
            index = text.offsetByCodePoints(index, s - cp);
            cp = s;
            String want = e.span().text();
            if (!text.startsWith(want, index)) {
                return "document '" + d.id() + "' entities[" + i + "] [" + s + "," + end + ") has the text '" + want
                        + "' but the document has '" + CodePoints.substring(text, s, end) + "' there";
            }
        }
        return null;
    }
}
