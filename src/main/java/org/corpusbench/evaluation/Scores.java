package org.corpusbench.evaluation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.nli.NliCounts;
import org.corpusbench.eval.tags.TagCounts;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.model.ContradictionType;

/**
 * The counts an evaluation ends with, one kind per task. They are counts, not figures: every figure of the
 * report is a function of them, and counts of parts add up to the counts of the whole.
 */
public sealed interface Scores {

    /** {@link Task#TAGS}: chunk and token counts per type, as conlleval and seqeval count them. */
    record Tags(TagCounts counts) implements Scores {
    }

    /** {@link Task#ENTITIES}: the four SemEval-2013 schemes, overall and per label. */
    record Entities(SpanEvaluation evaluation) implements Scores {
    }

    /** {@link Task#DATES}: TempEval-3 extent and attribute counts. */
    record Dates(TimexCounts counts) implements Scores {
    }

    /** {@link Task#CONTRADICTIONS}: pair counts overall and per gold type. */
    record Contradictions(Counts overall, Map<ContradictionType, Counts> types) implements Scores {
        /**
         * Copies the per-type counts into a map that cannot be modified, in {@link ContradictionType} order;
         * a type without pairs may be absent.
         */
        public Contradictions {
            types = Collections.unmodifiableMap(new EnumMap<>(types.isEmpty()
                    ? new EnumMap<>(ContradictionType.class) : types));
        }
    }

    /** {@link Task#NLI}: the confusion matrix, with pairs left without a prediction. */
    record Nli(NliCounts counts) implements Scores {
    }
}
