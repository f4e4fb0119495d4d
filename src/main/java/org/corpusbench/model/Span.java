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

    public int length() {
        return end - start;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    public boolean sameExtent(Span other) {
        return start == other.start && end == other.end;
    }

    @Override
    public int compareTo(Span o) {
        int c = Integer.compare(start, o.start);
        return c != 0 ? c : Integer.compare(end, o.end);
    }
}
