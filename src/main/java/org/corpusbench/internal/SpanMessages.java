package org.corpusbench.internal;

/**
 * The wording of the problems a span read from a file can have against its document's text, built in one
 * place so that every reader and checker says them alike (issue 13: the validator, the predictions check,
 * the gold sources and the Hugging Face reader each had its own copy, two of them without the note on
 * what offsets count). Offsets are code points, end exclusive.
 */
public final class SpanMessages {

    private SpanMessages() {
    }

    /**
     * A span's text that is not the document's text at its offsets: {@code 'Lukashenk' does not match the
     * text at [21,31), which is 'Lukashenko' (offsets count code points)}.
     *
     * @param claimed the text the file gives for the span
     * @param start   the span's first code point
     * @param end     the code point after the span's last
     * @param actual  the document's text at {@code [start, end)}
     */
    public static String textMismatch(String claimed, int start, int end, String actual) {
        return "'" + claimed + "' does not match the text at [" + start + "," + end + "), which is '" + actual
                + "' (offsets count code points)";
    }

    /**
     * Offsets that do not lie inside the text: a negative start, an end before the start, or an end past
     * the text's length: {@code span [3,9) is not inside the text (6 code points)}.
     *
     * @param length the text's length in code points
     */
    public static String notInsideText(int start, int end, int length) {
        return "span [" + start + "," + end + ") is not inside the text (" + length + " code points)";
    }
}
