package org.corpusbench.baseline.entity;

import java.util.List;
import java.util.Map;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;

/**
 * An entity baseline: trained on some documents and their gold, then asked to predict others. Keeping
 * training and prediction apart is what lets {@link CrossValidation} guarantee that no gold of a test
 * document reaches its prediction.
 */
public interface EntityRecognizer {

    /** A short name for leaderboards. */
    String name();

    /** Trains on {@code docs} with {@code gold} (by document id) and returns the trained predictor. */
    Predictor train(List<Document> docs, Map<String, DocumentAnnotations> gold);

    /** A trained model. */
    @FunctionalInterface
    interface Predictor {
        /** Entity mentions found in {@code doc} (timexes empty). */
        DocumentAnnotations predict(Document doc);
    }
}
