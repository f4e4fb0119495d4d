package org.corpusbench.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;

/**
 * Documents with their entity mentions: what an annotation tool's format holds (WebAnno TSV, Label Studio,
 * doccano; issue 17). One shape for the three, so that {@code import} and {@code export} treat them alike;
 * the TIMEX3 lists of the annotations are empty when a reader builds it, since none of these formats has
 * them.
 *
 * @param documents   in the order of the input, ids unique
 * @param annotations by document id, one entry per document, in the order of {@code documents}; each entry's
 *                    spans lie in its document's text
 */
public record EntityCorpus(List<Document> documents, Map<String, DocumentAnnotations> annotations) {

    public EntityCorpus {
        documents = List.copyOf(documents);
        Map<String, Document> byId = new LinkedHashMap<>();
        for (Document d : documents) {
            if (byId.put(d.id(), d) != null) {
                throw new IllegalArgumentException("document id '" + d.id() + "' appears twice");
            }
        }
        Map<String, DocumentAnnotations> copy = new LinkedHashMap<>();
        for (Map.Entry<String, DocumentAnnotations> e : annotations.entrySet()) {
            Document d = byId.get(e.getKey());
            if (d == null || !e.getValue().docId().equals(e.getKey())) {
                throw new IllegalArgumentException("annotations under '" + e.getKey() + "' (of '"
                        + e.getValue().docId() + "') belong to no document of this corpus");
            }
            String problem = spanProblem(d, e.getValue().entities());
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        for (Document d : documents) {
            DocumentAnnotations a = annotations.get(d.id());
            if (a != null) {
                copy.put(d.id(), a);
            }
        }
        annotations = Collections.unmodifiableMap(copy);
    }

    /** The entity mentions of {@code docId}, empty when it has none. */
    public List<EntityMention> entities(String docId) {
        DocumentAnnotations a = annotations.get(docId);
        return a == null ? List.of() : a.entities();
    }

    /**
     * What a writer is given, checked: unique document ids, annotations only for those documents, every
     * mention inside its document's text and with that text. A writer calls this before it writes anything,
     * so that a mismatch leaves no partial output.
     *
     * @param output the file or directory being written, for the location of an error
     */
    public static EntityCorpus checked(List<Document> documents, Map<String, DocumentAnnotations> annotations,
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
        return new EntityCorpus(documents, annotations);
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
