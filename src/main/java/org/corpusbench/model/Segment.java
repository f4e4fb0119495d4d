package org.corpusbench.model;

import java.util.Objects;

/**
 * A premise or hypothesis: its text and, when it was drawn from the corpus, where.
 *
 * @param text  the sentence or clause
 * @param docId source document, or {@code null} when the text was not drawn from the corpus
 * @param span  its place in that document, or {@code null}
 */
public record Segment(String text, String docId, Span span) {

    public Segment {
        Objects.requireNonNull(text, "text");
        if ((docId == null) != (span == null)) {
            throw new IllegalArgumentException("docId and span must be given together");
        }
        if (span != null && !span.text().equals(text)) {
            throw new IllegalArgumentException("segment text differs from its span's text");
        }
    }

    public static Segment of(String text) {
        return new Segment(text, null, null);
    }

    public static Segment of(String docId, Span span) {
        return new Segment(span.text(), docId, span);
    }
}
