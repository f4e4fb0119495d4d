package org.corpusbench.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem (or note) found in an input, printed as {@code file:line: field: message}.
 *
 * @param severity whether it makes the input invalid
 * @param location where
 * @param field    the offending field ({@code entities[3].text}), or {@code null}
 * @param message  what was found and what was expected
 */
public record Diagnostic(Severity severity, Location location, String field, String message) {

    /** Errors make an input invalid; notes are only reported. */
    public enum Severity {
        /** The input is invalid because of it. */
        ERROR,
        /** Worth reading, but the input stays valid. */
        NOTE
    }

    /**
     * File, then line, then column, the order in which problems are printed so that a user reads each file
     * top to bottom. Two diagnostics at the same place compare equal, so a stable sort keeps the order they
     * were found in.
     */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.location().file())
            .thenComparingLong(d -> d.location().line())
            .thenComparingLong(d -> d.location().column());

    /** Requires a severity, a location and a message; only {@code field} may be {@code null}. */
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** A problem that makes the input invalid, in {@code field} or, when {@code null}, in no particular field. */
    public static Diagnostic error(Location at, String field, String message) {
        return new Diagnostic(Severity.ERROR, at, field, message);
    }

    /** A remark that does not make the input invalid and belongs to no field. */
    public static Diagnostic note(Location at, String message) {
        return new Diagnostic(Severity.NOTE, at, null, message);
    }

    /** Whether this makes the input invalid, as opposed to being a note. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return location + ": " + (severity == Severity.NOTE ? "note: " : "")
                + (field == null ? "" : field + ": ") + message;
    }
}
