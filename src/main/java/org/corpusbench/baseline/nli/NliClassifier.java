package org.corpusbench.baseline.nli;

import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;

/** An NLI baseline: a label for a premise/hypothesis pair. */
public interface NliClassifier {

    /** The system's name on the leaderboard. */
    String name();

    /** The label this system predicts for {@code pair}. */
    NliLabel classify(NliPair pair);
}
