package org.corpusbench.model;

import java.util.Objects;

/**
 * A temporal expression annotated after TimeML's TIMEX3. Years a text does not state are written
 * {@code XXXX} because the seed articles carry no creation date to resolve them against.
 *
 * @param tid   identifier within its document ({@code t1}, ...), may be {@code null} in predictions
 * @param span  where it is, signals such as "by" or "in" excluded
 * @param type  DATE, TIME, DURATION or SET
 * @param value the normalised value ({@code XXXX-12-06}, {@code P32Y}, {@code PAST_REF}, ...)
 * @param mod   TIMEX3 {@code mod} ({@code END}, {@code START}, {@code APPROX}, ...) or {@code null}
 * @param anchor {@code anchorTimeID} or {@code null}
 * @param quant {@code quant} of a SET ({@code EACH}) or {@code null}
 * @param freq  {@code freq} of a SET or {@code null}
 */
public record Timex3(String tid, Span span, TimexType type, String value, String mod, String anchor,
                     String quant, String freq) implements Annotation {

    /** Requires a span, a type and a value; the other attributes are optional in TIMEX3 and may be {@code null}. */
    public Timex3 {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /**
     * A TIMEX3 with only the attributes every one has (span, type, value), as a tagger without ids or
     * modifiers predicts it.
     */
    public static Timex3 of(Span span, TimexType type, String value) {
        return new Timex3(null, span, type, value, null, null, null, null);
    }
}
