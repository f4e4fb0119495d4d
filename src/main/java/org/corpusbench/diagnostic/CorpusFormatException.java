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
    private final String field;
    private final String originalMessage;

    public CorpusFormatException(Location location, String field, String message, Throwable cause) {
        super(format(location, field, message), cause);
        this.location = Objects.requireNonNull(location, "location");
        this.field = field;
        this.originalMessage = message;
    }

    public CorpusFormatException(Location location, String field, String message) {
        this(location, field, message, null);
    }

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
