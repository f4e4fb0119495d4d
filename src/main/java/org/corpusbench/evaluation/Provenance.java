package org.corpusbench.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * What a result was computed from, so that a number can be traced back to its inputs: the gold's name,
 * release version and fingerprint (all {@code null} for a CoNLL file scored on its own; version and
 * fingerprint {@code null} for a gold directory that is not a release), and each input file with its
 * SHA-256.
 */
public record Provenance(String dataset, String version, String fingerprint, List<Input> inputs) {

    /** One input file: {@code role} is {@code predictions} or {@code gold}. */
    public record Input(String role, String path, String sha256) {
        /** Requires all three. */
        public Input {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** Copies the inputs; the dataset, version and fingerprint may be {@code null}, as the class comment says. */
    public Provenance {
        inputs = List.copyOf(inputs);
    }
}
