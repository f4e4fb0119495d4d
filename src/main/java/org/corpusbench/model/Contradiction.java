package org.corpusbench.model;

import java.util.Objects;

/**
 * An unordered pair of evidence spans that cannot both be true of the event, or that name one thing
 * inconsistently. Sides may lie in the same or in different documents.
 *
 * @param id          identifier; may be {@code null} in predictions
 * @param type        what they disagree about; may be {@code null} in predictions
 * @param a           one side
 * @param b           the other side
 * @param explanation why they conflict; may be {@code null} in predictions
 */
public record Contradiction(String id, ContradictionType type, Evidence a, Evidence b, String explanation) {

    /**
     * Requires both sides; the id, type and explanation may be {@code null}, as they often are in a system's
     * predictions.
     */
    public Contradiction {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }
}
