package org.corpusbench.diagnostic;

import java.io.IOException;
import java.util.List;

/**
 * An input refused because it has problems, each located: thrown where a corpus is read for use (as gold,
 * as predictions, for statistics or export), so that a damaged input ends in a refusal that lists what is
 * wrong instead of a plausible number computed from part of it.
 *
 * <p>The message is the first problem followed by a count; {@link #problems()} has all of them, in file
 * and line order, for callers that print every one.
 */
public final class InvalidInputException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What the input was for, as the user should read it; serialized with the exception, unlike the problems. */
    private final String role;
    private final transient List<Diagnostic> problems;
    /** What to do about the problems, or {@code null}; the end of {@link #closing()}. */
    private final String advice;

    /**
     * @param role     what the input was for, as the user should read it ("the gold", "the predictions A")
     * @param problems the errors found, at least one
     * @param advice   what to do about them, or {@code null}
     */
    public InvalidInputException(String role, List<Diagnostic> problems, String advice) {
        super(summary(role, problems, advice));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input has at least one problem");
        }
        this.role = role;
        this.problems = List.copyOf(problems);
        this.advice = advice;
    }

    /** What the input was for ("the gold"). */
    public String role() {
        return role;
    }

    /** Every error found, in file and line order. */
    public List<Diagnostic> problems() {
        return problems;
    }

    /** The closing line a command prints after the problems: how many, in what, and what to do. */
    public String closing() {
        return closingLine(role, problems.size(), advice);
    }

    private static String summary(String role, List<Diagnostic> problems, String advice) {
        return (problems.isEmpty() ? "" : problems.get(0) + " (") + closingLine(role, problems.size(), advice)
                + (problems.isEmpty() ? "" : ")");
    }

    private static String closingLine(String role, int n, String advice) {
        return n + " problem" + (n == 1 ? "" : "s") + " in " + role + (advice == null ? "" : "; " + advice);
    }
}
