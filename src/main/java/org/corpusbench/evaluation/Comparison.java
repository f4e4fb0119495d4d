package org.corpusbench.evaluation;

import java.util.List;
import java.util.Objects;
import org.corpusbench.eval.stats.Bootstrap;

/**
 * Two systems scored on the same gold: the headline figure of each, the 95% paired-bootstrap interval of
 * their difference, and the p-value of a paired approximate randomization test (the systems' outputs
 * swapped per unit), with the text {@code corpusbench compare} prints.
 *
 * @param metric     the headline figure ({@code strict F1}, {@code relaxed F1}, {@code F1}, {@code accuracy})
 * @param a          the figure of system A
 * @param b          the figure of system B
 * @param difference the interval of A − B (no resamples: an interval of {@code resamples() == 0})
 * @param pValue     approximate randomization p-value of the difference
 * @param units      the units swapped and resampled (documents, document pairs or NLI pairs)
 * @param notes      lines to show beside the result (predictions skipped under lenient settings)
 * @param text       the rendering the command line prints
 */
public record Comparison(Task task, String metric, double a, double b, Bootstrap.Interval difference, double pValue,
                         int units, List<String> notes, String text) {
    /** Requires the task, the interval and the text; copies the notes. */
    public Comparison {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(difference, "difference");
        notes = List.copyOf(notes);
        Objects.requireNonNull(text, "text");
    }
}
