package org.corpusbench.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.corpusbench.eval.stats.Bootstrap;

/**
 * The outcome of one evaluation: the counts, the 95% bootstrap intervals, where the inputs came from, and
 * the same result rendered as the command line shows it (text), as the JSON report
 * ({@code schema/report.schema.json}) and as a self-contained HTML page. Immutable;
 * the renderings are made once, from the same counts, so they cannot disagree.
 */
public final class EvaluationResult {

    private final Task task;
    private final Scores scores;
    private final Map<String, Bootstrap.Interval> intervals;
    private final Provenance provenance;
    private final Map<String, Long> skipped;
    private final List<String> notes;
    private final String text;
    private final Rendering json;
    private final Rendering html;

    EvaluationResult(Task task, Scores scores, Map<String, Bootstrap.Interval> intervals, Provenance provenance,
                     Map<String, Long> skipped, List<String> notes, String text, String json, String html) {
        this(task, scores, intervals, provenance, skipped, notes, text, () -> Objects.requireNonNull(json),
                () -> Objects.requireNonNull(html));
    }

    /**
     * A result whose JSON and HTML are rendered when first asked for, once: a run that prints only the text
     * table then loads no JSON mapper (about 0.3 s of a fresh JVM; issue 15). The suppliers must render
     * from state that no longer changes.
     */
    EvaluationResult(Task task, Scores scores, Map<String, Bootstrap.Interval> intervals, Provenance provenance,
                     Map<String, Long> skipped, List<String> notes, String text, Supplier<String> json,
                     Supplier<String> html) {
        this.task = Objects.requireNonNull(task);
        this.scores = Objects.requireNonNull(scores);
        this.intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        this.provenance = Objects.requireNonNull(provenance);
        this.skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        this.notes = List.copyOf(notes);
        this.text = Objects.requireNonNull(text);
        this.json = new Rendering(json);
        this.html = new Rendering(html);
    }

    /** A rendering made on first use and kept. */
    private static final class Rendering {
        private Supplier<String> make;
        private String made;

        Rendering(Supplier<String> make) {
            this.make = Objects.requireNonNull(make);
        }

        synchronized String get() {
            if (made == null) {
                made = Objects.requireNonNull(make.get());
                make = null;
            }
            return made;
        }
    }

    /** The task that was scored, which decides the kind of {@link #scores()}. */
    public Task task() {
        return task;
    }

    /** The counts; every figure of the renderings is computed from them. */
    public Scores scores() {
        return scores;
    }

    /**
     * The 95% percentile-bootstrap intervals by the name the JSON report gives them ({@code strict.f1},
     * {@code relaxed.f1}, {@code accuracy}, ...); empty when no resamples were asked for.
     */
    public Map<String, Bootstrap.Interval> intervals() {
        return intervals;
    }

    /** What the result was computed from: the gold release, if any, and each input file with its SHA-256. */
    public Provenance provenance() {
        return provenance;
    }

    /** With lenient settings, how many predictions were skipped, by reason; empty otherwise. */
    public Map<String, Long> skipped() {
        return skipped;
    }

    /**
     * What a user should know about how the result was reached, one line each: a gold that no release
     * fingerprint pins, each prediction skipped under lenient settings. The command line prints them on
     * standard error.
     */
    public List<String> notes() {
        return notes;
    }

    /** The tables the {@code evaluate} command prints. */
    public String toText() {
        return text;
    }

    /** The JSON report, valid against {@code schema/report.schema.json}. */
    public String toJson() {
        return json.get();
    }

    /**
     * The HTML report: for entities against a gold corpus, per-label bars and the documents with their errors
     * marked; for the other tasks, the tables with the provenance.
     */
    public String toHtml() {
        return html.get();
    }
}
