package org.corpusbench.model;

import java.util.Objects;

/** A span in a named document: one side of a contradiction. */
public record Evidence(String docId, Span span) {

    /** Requires both the document id and the span. */
    public Evidence {
        Objects.requireNonNull(docId, "docId");
        Objects.requireNonNull(span, "span");
    }
}
