package org.corpusbench.agreement;

import java.util.Locale;
import java.util.Objects;

/**
 * One place where two annotators differ, for an adjudicator: which layer, which two annotators, what kind
 * of difference, where (code points, end exclusive, in {@code docId}), and what each of them marked there.
 * For a contradiction the place is its first evidence span and both annotations spell out both sides; for an
 * NLI pair it is the premise's span (0, 0 and no document when the premise was not drawn from one), the text
 * is the pair's id and the annotations are the two labels.
 *
 * @param layer      {@code entities}, {@code timexes}, {@code contradictions} or {@code nli}
 * @param first      name of the first annotator of the pair
 * @param second     name of the second
 * @param kind       what differs
 * @param docId      the document
 * @param start      start of the place (code points)
 * @param end        end of the place (code points, exclusive)
 * @param text       the text of the place (for an NLI pair, its id)
 * @param firstSays  what the first annotator marked there, empty when nothing
 * @param secondSays what the second annotator marked there, empty when nothing
 * @param context    the place in its surrounding text, marked {@code [[...]]}
 */
public record Disagreement(String layer, String first, String second, Kind kind, String docId, int start, int end,
                           String text, String firstSays, String secondSays, String context) {

    /** What differs between the two annotators at one place. */
    public enum Kind {
        /** Only the first annotator marked something here. */
        ONLY_FIRST,
        /** Only the second annotator marked something here. */
        ONLY_SECOND,
        /** The same extent (or pair) with another type. */
        TYPE,
        /** Overlapping extents with other boundaries. */
        BOUNDARY,
        /** The same TIMEX3 extent and type with another value. */
        VALUE,
        /** The same NLI pair with another label. */
        LABEL;

        /** The name in reports: {@code only_first}, {@code type}, ... */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Requires every field but the two annotators' names, and a place with {@code 0 <= start <= end}; the
     * place is not checked against the document's text.
     */
    public Disagreement {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(docId, "docId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(firstSays, "firstSays");
        Objects.requireNonNull(secondSays, "secondSays");
        Objects.requireNonNull(context, "context");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad place [" + start + "," + end + ")");
        }
    }
}
