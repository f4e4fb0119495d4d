package org.corpusbench.baseline.contradiction;

import java.util.List;
import java.util.Map;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;

/** A contradiction baseline: from documents and their entity mentions, the pairs of evidence it flags. */
public interface ContradictionDetector {

    /** The system's name on the leaderboard. */
    String name();

    /**
     * @param docs     the documents, in a fixed order
     * @param entities their entity layers by document id: an entity baseline's predictions in the
     *                 leaderboard's default rows ({@link ContradictionPipeline}), the gold in its oracle rows
     */
    List<Contradiction> detect(List<Document> docs, Map<String, DocumentAnnotations> entities);
}
