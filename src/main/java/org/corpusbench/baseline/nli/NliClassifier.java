package org.corpusbench.baseline.nli;

import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;

/** An NLI baseline: a label for a premise/hypothesis pair. */
public interface NliClassifier {

    String name();

    NliLabel classify(NliPair pair);
}
