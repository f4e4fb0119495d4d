package org.corpusbench.eval.entity;

import java.util.Comparator;

/** A labelled extent {@code [start, end)} (code points, or token indexes for CoNLL chunks). */
public record LabelledSpan(int start, int end, String label) {

    static final Comparator<LabelledSpan> ORDER = Comparator.comparingInt(LabelledSpan::start)
            .thenComparingInt(LabelledSpan::end).thenComparing(LabelledSpan::label);

    /** Refuses {@code end < start}; an empty span is allowed. */
    public LabelledSpan {
        if (end < start) {
            throw new IllegalArgumentException("end < start: [" + start + "," + end + ")");
        }
    }

    boolean overlaps(LabelledSpan o) {
        return start < o.end && o.start < end;
    }

    boolean sameExtent(LabelledSpan o) {
        return start == o.start && end == o.end;
    }
}
