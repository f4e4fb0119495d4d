package org.corpusbench.model;

import java.util.Objects;

/**
 * A premise/hypothesis pair with its inference label.
 *
 * @param id              identifier
 * @param premise         the premise
 * @param hypothesis      the hypothesis
 * @param label           entailment, neutral or contradiction; {@code null} when unlabelled
 * @param contradictionId the contradiction it was derived from, or {@code null}
 */
public record NliPair(String id, Segment premise, Segment hypothesis, NliLabel label, String contradictionId) {

    /** Requires an id, a premise and a hypothesis; the label and the contradiction id may be {@code null}. */
    public NliPair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(premise, "premise");
        Objects.requireNonNull(hypothesis, "hypothesis");
    }
}
