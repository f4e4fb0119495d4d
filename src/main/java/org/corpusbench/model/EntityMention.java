package org.corpusbench.model;

import java.util.Objects;

/**
 * A named-entity mention.
 *
 * @param span     where it is, with its surface text
 * @param type     the label, an OntoNotes 5 name (PERSON, ORG, GPE, ...) in gold data; predictions and
 *                 imported corpora may use other label sets (PER, LOC, ...)
 * @param entityId the real-world entity shared by all its mentions across documents; may be {@code null}
 *                 in predictions and imported corpora
 */
public record EntityMention(Span span, String type, String entityId) implements Annotation {

    /** Requires a span and a type that is not blank; {@code entityId} may be {@code null}. */
    public EntityMention {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
    }
}
