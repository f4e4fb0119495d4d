package org.corpusbench.diagnostic;

import java.io.IOException;
import java.util.Objects;

/**
 * An input that does not have the expected form. The message says what was found and what was
 * expected; the location is kept apart so that callers can print {@code file:line: message}.
 */
public class CorpusFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Location location;
    /** The offending field, or {@code null}; serialized with the exception, unlike the location. */
    private final String field;
    /** The message without its location; serialized with the exception. */
    private final String originalMessage;

    /**
     * A problem at {@code location}, in {@code field} ({@code null} when it is not in one), caused by
     * {@code cause} (or {@code null}). The exception's message is {@code location: field: message}.
     */
    public CorpusFormatException(Location location, String field, String message, Throwable cause) {
        super(format(location, field, message), cause);
        this.location = Objects.requireNonNull(location, "location");
        this.field = field;
        this.originalMessage = message;
    }

    /** A problem that no other exception caused, such as a value out of range. */
    public CorpusFormatException(Location location, String field, String message) {
        this(location, field, message, null);
    }

    /**
     * Where the problem is. It is not serialized: a deserialized exception has {@code null} here, and only
     * its message still names the place.
     */
    public Location location() {
        return location;
    }

    /** The offending field ({@code entities[2].end}), or {@code null} when the problem is not in one. */
    public String field() {
        return field;
    }

    /** The message without its location. */
    public String originalMessage() {
        return originalMessage;
    }

    private static String format(Location location, String field, String message) {
        return location + ": " + (field == null ? "" : field + ": ") + message;
    }
}
