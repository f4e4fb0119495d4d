package org.corpusbench.baseline.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;

/** Leave-one-document-out cross-validation: train on all documents but one, predict that one, for each. */
public final class CrossValidation {

    /** One fold: which documents trained the model that predicted {@code testId}. */
    public record Fold(List<String> trainIds, String testId) {
        /** Copies the training ids. */
        public Fold {
            trainIds = List.copyOf(trainIds);
        }
    }

    /** Predictions for every document, and the folds that made them. */
    public record Result(Map<String, DocumentAnnotations> predictions, List<Fold> folds) {
    }

    private CrossValidation() {
    }

    /**
     * Trains {@code recognizer} once per document, on all the other documents and their gold, and predicts
     * that document with it, so that no gold of a document reaches its own prediction. Costs one training per
     * document.
     */
    public static Result leaveOneDocumentOut(EntityRecognizer recognizer, List<Document> docs,
                                             Map<String, DocumentAnnotations> gold) {
        Map<String, DocumentAnnotations> predictions = new LinkedHashMap<>();
        List<Fold> folds = new ArrayList<>();
        for (Document test : docs) {
            List<Document> train = docs.stream().filter(d -> !d.id().equals(test.id())).toList();
            Map<String, DocumentAnnotations> trainGold = new LinkedHashMap<>();
            for (Document d : train) {
                DocumentAnnotations g = gold.get(d.id());
                if (g != null) {
                    trainGold.put(d.id(), g);
                }
            }
            EntityRecognizer.Predictor p = recognizer.train(train, Map.copyOf(trainGold));
            predictions.put(test.id(), p.predict(test));
            folds.add(new Fold(train.stream().map(Document::id).toList(), test.id()));
        }
        return new Result(predictions, folds);
    }
}
