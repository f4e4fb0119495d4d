package org.corpusbench.baseline.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.formats.Conll02NameSampleStream;
import opennlp.tools.formats.Conll03NameSampleStream;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.MarkableFileInputStreamFactory;
import opennlp.tools.util.TrainingParameters;
import org.corpusbench.text.EnglishSplitter;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;

/**
 * OpenNLP's maximum-entropy name finder trained on the CoNLL-2003 English training set (read with
 * OpenNLP's own CoNLL-2003 reader), predicting PER, ORG, LOC and MISC. It never sees this dataset's gold,
 * so it needs no cross-validation; score it against the gold mapped to CoNLL-4 labels. The CoNLL-2003
 * files are not redistributable, so the user points at a local copy.
 */
public final class Conll2003NameFinder implements EntityRecognizer {

    private final Path trainFile;
    private final int iterations;
    private TokenNameFinderModel model;

    /**
     * A finder that trains on first use, for {@code iterations} iterations, on {@code trainFile}: a local
     * copy of the CoNLL-2003 English training file. Nothing is read until then.
     */
    public Conll2003NameFinder(Path trainFile, int iterations) {
        this.trainFile = trainFile;
        this.iterations = iterations;
    }

    @Override
    public String name() {
        return "opennlp-conll2003";
    }

    /** Trains once on CoNLL-2003 (the arguments are ignored: no gold of this dataset is used). */
    @Override
    public Predictor train(List<Document> docs, Map<String, DocumentAnnotations> gold) {
        if (model == null) {
            model = trainModel();
        }
        EnglishSplitter splitter = new EnglishSplitter();
        TokenNameFinderModel m = model;
        return doc -> {
            NameFinderME finder = new NameFinderME(m);
            List<EntityMention> found = new ArrayList<>();
            for (EnglishSplitter.Sentence s : splitter.split(doc.text())) {
                for (opennlp.tools.util.Span n : finder.find(TokenAlignment.tokens(s))) {
                    found.add(new EntityMention(TokenAlignment.span(doc.text(), s, n.getStart(), n.getEnd()),
                            conll4(n.getType()), null));
                }
            }
            finder.clearAdaptiveData();
            return new DocumentAnnotations(doc.id(), found, List.of());
        };
    }

    /** OpenNLP's reader names the types in full (PERSON, LOCATION, ...); CoNLL uses PER, LOC, ORG, MISC. */
    static String conll4(String openNlpType) {
        return switch (openNlpType.toLowerCase(java.util.Locale.ROOT)) {
            case "person" -> "PER";
            case "location" -> "LOC";
            case "organization" -> "ORG";
            default -> "MISC";
        };
    }

    private TokenNameFinderModel trainModel() {
        try {
            if (!Files.isRegularFile(trainFile)) {
                throw new CorpusFormatException(Location.ofFile(trainFile.toString()), null,
                        "no such file; expected the CoNLL-2003 English training file (token POS chunk NER)");
            }
            TrainingParameters params = TrainingParameters.defaultParams();
            params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
            params.put(TrainingParameters.CUTOFF_PARAM, 1);
            params.put(TrainingParameters.THREADS_PARAM, 1);
            int types = Conll02NameSampleStream.GENERATE_PERSON_ENTITIES
                    | Conll02NameSampleStream.GENERATE_ORGANIZATION_ENTITIES
                    | Conll02NameSampleStream.GENERATE_LOCATION_ENTITIES
                    | Conll02NameSampleStream.GENERATE_MISC_ENTITIES;
            try (Conll03NameSampleStream samples = new Conll03NameSampleStream(Conll03NameSampleStream.LANGUAGE.EN,
                    new MarkableFileInputStreamFactory(trainFile.toFile()), types)) {
                return NameFinderME.train("en", null, samples, params, new TokenNameFinderFactory());
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                // OpenNLP's own words ("Insufficient training data", "Unknown type: FOO") carry no location
                throw new CorpusFormatException(Location.ofFile(trainFile.toString()), null, "cannot train on it: "
                        + e.getMessage() + "; expected the CoNLL-2003 English training file (token POS chunk NER, "
                        + "IOB1 or IOB2 tags of PER, ORG, LOC, MISC)", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
