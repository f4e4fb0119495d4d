package org.corpusbench.diagnostic;

import java.util.List;

/**
 * Several located problems found in one read, thrown once the reader has seen all it could: a user who
 * fixes the first of a hundred bad rows should not have to run the tool a hundred times. The message is
 * the first problem with a count; {@link #problems()} has every one, in the order found.
 */
public final class CorpusFormatProblems extends CorpusFormatException {

    private static final long serialVersionUID = 1L;

    private final transient List<CorpusFormatException> problems;

    private CorpusFormatProblems(List<CorpusFormatException> problems) {
        super(problems.get(0).location(), problems.get(0).field(), problems.get(0).originalMessage()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        this.problems = List.copyOf(problems);
    }

    /** Throws nothing for no problem, the problem itself for one, and all of them for more. */
    public static void throwIfAny(List<CorpusFormatException> problems) throws CorpusFormatException {
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw new CorpusFormatProblems(problems);
        }
    }

    /** Every problem, in the order found. */
    public List<CorpusFormatException> problems() {
        return problems;
    }
}
