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

    /**
     * Requires the text. A document id and a span come together or not at all, and the span's surface text
     * must equal the text, so that a segment cannot claim a place it was not cut from.
     */
    public Segment {
        Objects.requireNonNull(text, "text");
        if ((docId == null) != (span == null)) {
            throw new IllegalArgumentException("docId and span must be given together");
        }
        if (span != null && !span.text().equals(text)) {
            throw new IllegalArgumentException("segment text differs from its span's text");
        }
    }

    /** Text that was not drawn from the corpus, such as a hypothesis written for the pair. */
    public static Segment of(String text) {
        return new Segment(text, null, null);
    }

    /** The surface text of a span of a corpus document, with where it was drawn from. */
    public static Segment of(String docId, Span span) {
        return new Segment(span.text(), docId, span);
    }
}
