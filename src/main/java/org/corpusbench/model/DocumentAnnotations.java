package org.corpusbench.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The per-document layers of one document: entity mentions and temporal expressions, each sorted by
 * span. Gold and predictions share this shape.
 */
public record DocumentAnnotations(String docId, List<EntityMention> entities, List<Timex3> timexes) {

    /**
     * Requires the document id. Sorts entities by span then type and timexes by span then value, so that the
     * same annotations in another order make an equal record and are written in one order; a {@code null}
     * list is read as empty, a {@code null} element is refused.
     */
    public DocumentAnnotations {
        Objects.requireNonNull(docId, "docId");
        entities = sorted(entities == null ? List.of() : entities, Comparator.comparing(EntityMention::span)
                .thenComparing(EntityMention::type));
        timexes = sorted(timexes == null ? List.of() : timexes, Comparator.comparing(Timex3::span)
                .thenComparing(Timex3::value));
    }

    /** A document with nothing annotated in either layer, such as one a system found nothing in. */
    public static DocumentAnnotations empty(String docId) {
        return new DocumentAnnotations(docId, List.of(), List.of());
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items.stream().map(Objects::requireNonNull).sorted(order).toList();
    }
}
