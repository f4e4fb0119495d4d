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
    public enum Severity { ERROR, NOTE }

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.location().file())
            .thenComparingLong(d -> d.location().line())
            .thenComparingLong(d -> d.location().column());

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(Location at, String field, String message) {
        return new Diagnostic(Severity.ERROR, at, field, message);
    }

    public static Diagnostic note(Location at, String message) {
        return new Diagnostic(Severity.NOTE, at, null, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return location + ": " + (severity == Severity.NOTE ? "note: " : "")
                + (field == null ? "" : field + ": ") + message;
    }
}
