package org.corpusbench.model;

import java.util.Objects;

/**
 * A stretch of a document's raw text together with its surface form.
 *
 * <p>Offsets count Unicode code points (not UTF-16 chars, not bytes), end exclusive, so they agree with
 * Python and Hugging Face {@code datasets}. The surface {@code text} is carried so that a span can be
 * checked against the document it claims to come from.
 */
public record Span(int start, int end, String text) implements Comparable<Span> {

    /**
     * Requires {@code 0 <= start <= end} and a surface text of exactly {@code end - start} code points.
     * Whether the text is really there in the document is not checked here, since a span does not know its
     * document; the corpus validator checks it.
     */
    public Span {
        Objects.requireNonNull(text, "text");
        if (start < 0) {
            throw new IllegalArgumentException("start must be >= 0, found " + start);
        }
        if (end < start) {
            throw new IllegalArgumentException("end must be >= start, found start=" + start + " end=" + end);
        }
        int length = text.codePointCount(0, text.length());
        if (length != end - start) {
            throw new IllegalArgumentException("text has " + length + " code points but the span ["
                    + start + "," + end + ") covers " + (end - start));
        }
    }

    /** The span over {@code [start, end)} of {@code rawText}, with its surface text cut out of it. */
    public static Span of(String rawText, int start, int end) {
        return new Span(start, end, CodePoints.substring(rawText, start, end));
    }

    /** Length in code points; 0 for an empty span. */
    public int length() {
        return end - start;
    }

    /**
     * Whether the two intersect as half-open intervals: spans that only touch ({@code [0,3)} and
     * {@code [3,5)}) do not. An empty span overlaps a span around its position but not one that starts or ends
     * there. The surface texts are not compared.
     */
    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    /**
     * Same start and same end, the surface texts not compared: the strict match of TIMEX3 scoring, where a
     * gold and a predicted span carry texts read from different files.
     */
    public boolean sameExtent(Span other) {
        return start == other.start && end == other.end;
    }

    @Override
    public int compareTo(Span o) {
        int c = Integer.compare(start, o.start);
        return c != 0 ? c : Integer.compare(end, o.end);
    }
}
