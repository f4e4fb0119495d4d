package org.corpusbench.baseline.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.corpusbench.text.EnglishSplitter;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;

/**
 * Apache OpenNLP's maximum-entropy {@code NameFinderME}, trained on the gold of the training documents.
 * No pretrained English NER model is published as a Maven artifact, so the model is trained here.
 */
public final class MaxentNameFinder implements EntityRecognizer {

    private final int iterations;
    private final int cutoff;

    /** The leaderboard's settings: 100 iterations, cutoff 1. */
    public MaxentNameFinder() {
        this(100, 1);
    }

    /**
     * A finder trained for {@code iterations} iterations of OpenNLP's maximum-entropy trainer, which leaves
     * out features seen fewer than {@code cutoff} times.
     */
    public MaxentNameFinder(int iterations, int cutoff) {
        this.iterations = iterations;
        this.cutoff = cutoff;
    }

    @Override
    public String name() {
        return "opennlp-maxent";
    }

    @Override
    public Predictor train(List<Document> docs, Map<String, DocumentAnnotations> gold) {
        EnglishSplitter splitter = new EnglishSplitter();
        List<NameSample> samples = new ArrayList<>();
        for (Document d : docs) {
            DocumentAnnotations g = gold.getOrDefault(d.id(), DocumentAnnotations.empty(d.id()));
            boolean first = true;
            for (EnglishSplitter.Sentence s : splitter.split(d.text())) {
                List<opennlp.tools.util.Span> names = TokenAlignment.names(s, g.entities());
                samples.add(new NameSample(TokenAlignment.tokens(s), names.toArray(opennlp.tools.util.Span[]::new),
                        first));
                first = false;
            }
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        TokenNameFinderModel model;
        try {
            model = NameFinderME.train("en", null, ObjectStreamUtils.createObjectStream(samples), params,
                    new TokenNameFinderFactory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return doc -> {
            NameFinderME finder = new NameFinderME(model);
            List<EntityMention> found = new ArrayList<>();
            for (EnglishSplitter.Sentence s : splitter.split(doc.text())) {
                for (opennlp.tools.util.Span n : finder.find(TokenAlignment.tokens(s))) {
                    found.add(new EntityMention(TokenAlignment.span(doc.text(), s, n.getStart(), n.getEnd()),
                            n.getType(), null));
                }
            }
            finder.clearAdaptiveData();
            return new DocumentAnnotations(doc.id(), found, List.of());
        };
    }
}
