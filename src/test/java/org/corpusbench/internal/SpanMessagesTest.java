package org.corpusbench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;

/** The one wording of a span's problems against its text (issue 13: four copies before). */
class SpanMessagesTest {

    /** "Putin met Lukashenko" has Lukashenko at code points [10,20); the file said "Lukashenk". */
    @Example
    void aMismatchQuotesBothTextsAndSaysWhatOffsetsCount() {
        assertThat(SpanMessages.textMismatch("Lukashenk", 10, 20, "Lukashenko")).isEqualTo(
                "'Lukashenk' does not match the text at [10,20), which is 'Lukashenko' (offsets count code points)");
    }

    /** "a 🚀 b" is 5 code points (6 UTF-16 units): [3,6) ends past it, [2,1) ends before it starts. */
    @Example
    void offsetsOutsideTheTextNameTheSpanAndTheLength() {
        assertThat(SpanMessages.notInsideText(3, 6, "a \uD83D\uDE80 b".codePointCount(0, 6)))
                .isEqualTo("span [3,6) is not inside the text (5 code points)");
        assertThat(SpanMessages.notInsideText(2, 1, 5)).isEqualTo("span [2,1) is not inside the text (5 code points)");
    }
}
