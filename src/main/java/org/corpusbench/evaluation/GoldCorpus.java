package org.corpusbench.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corpusbench.dataset.CorpusFiles;
import org.corpusbench.dataset.Dataset;
import org.corpusbench.dataset.GoldSources;
import org.corpusbench.dataset.Manifest;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.diagnostic.InvalidInputException;

/**
 * The gold side of an evaluation, read from a release directory (checksums verified first) or from any
 * directory of corpusbench JSONL files (an imported corpus, which has no manifest). Either way the gold is
 * validated before it is used — schema, surface text, duplicate and unknown ids — because a score computed
 * against a damaged gold is a plausible wrong number that nothing downstream can detect.
 *
 * @param name        dataset name, or the directory name when there is no manifest
 * @param version     release version, or {@code null}
 * @param fingerprint release fingerprint, or {@code null}
 * @param files       the files the gold was read from and which layers each held, for provenance
 */
public record GoldCorpus(String name, String version, String fingerprint, Map<String, Document> documents,
                         Map<String, DocumentAnnotations> annotations, List<Contradiction> contradictions,
                         List<NliPair> nliPairs, List<GoldFile> files) {

    /** A layer of a corpus: what a task scores and what a file can hold. */
    public enum Layer {
        /** The documents and their text, which every other layer points into. */
        DOCUMENTS("documents"),
        /** Named-entity mentions, in the per-document annotation records. */
        ENTITIES("entities"),
        /** TIMEX3 expressions, in the per-document annotation records. */
        TIMEXES("dates"),
        /** Contradiction pairs, a record each. */
        CONTRADICTIONS("contradictions"),
        /** Labelled premise/hypothesis pairs, a record each. */
        NLI("NLI pairs");

        private final String label;

        Layer(String label) {
            this.label = label;
        }

        /** How a message names the layer ("dates", "NLI pairs"). */
        public String label() {
            return label;
        }
    }

    /**
     * One file of the gold and the layers it held.
     *
     * @param path   as the user gave it (resolved against the gold directory)
     * @param layers the layers with at least one record in the file
     */
    public record GoldFile(Path path, Set<Layer> layers) {
        /** Copies the layers. */
        public GoldFile {
            layers = Set.copyOf(layers);
        }
    }

    /**
     * Copies every map and list (the maps in their order) into ones that cannot be modified, so that the gold
     * cannot change during an evaluation.
     */
    public GoldCorpus {
        documents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(documents));
        annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        contradictions = List.copyOf(contradictions);
        nliPairs = List.copyOf(nliPairs);
        files = List.copyOf(files);
    }

    /**
     * Reads and validates the gold in {@code dir}.
     *
     * @throws InvalidInputException listing every problem the validator finds, as problems of the gold
     * @throws CorpusFormatException when the directory holds no documents, or a release fails its checks
     */
    public static GoldCorpus read(Path dir) throws IOException {
        return read(dir, null);
    }

    /**
     * Reads and validates the gold of {@code dir}; a release must also have fingerprint
     * {@code expectedFingerprint} when it is not null (see {@link Dataset#open(Path, String)}), and a
     * directory without a manifest is then refused.
     */
    public static GoldCorpus read(Path dir, String expectedFingerprint) throws IOException {
        if (expectedFingerprint != null && !Files.exists(dir.resolve(Manifest.FILE_NAME))) {
            throw new CorpusFormatException(Location.ofFile(dir.resolve(Manifest.FILE_NAME).toString()), null,
                    "no manifest, so no fingerprint to compare with the expected one; expected a release directory "
                            + "made by 'corpusbench build'");
        }
        Dataset ds = Files.exists(dir.resolve(Manifest.FILE_NAME)) ? Dataset.open(dir, expectedFingerprint) : null;
        if (ds == null) {
            for (String sign : List.of("croissant.json", "CHANGELOG.md")) {
                if (Files.exists(dir.resolve(sign))) {
                    throw new CorpusFormatException(Location.ofFile(dir.resolve(Manifest.FILE_NAME).toString()), null,
                            "missing: the folder looks like a release (it has " + sign + ") but has no manifest, so "
                            + "nothing checks that its gold is the published one; restore manifest.json, or copy the "
                            + ".jsonl files to a folder of their own to use them as an unpinned corpus");
                }
            }
        }
        List<Diagnostic> problems = CorpusValidator.validate(List.of(dir), CorpusValidator.Role.GOLD).stream()
                .filter(Diagnostic::isError).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the gold (" + dir + ")", problems,
                    "the gold must validate before anything is scored against it or exported from it: run "
                            + "'corpusbench validate " + dir + "'");
        }
        Map<String, Document> docs = new LinkedHashMap<>();
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        List<Contradiction> cs = new ArrayList<>();
        List<NliPair> nli = new ArrayList<>();
        List<GoldFile> files = new ArrayList<>();
        for (Path f : CorpusFiles.expand(dir)) {
            Set<Layer> layers = EnumSet.noneOf(Layer.class);
            CorpusFiles.visit(List.of(f), new CorpusFiles.Visitor() {
                @Override
                public void document(Document d) {
                    docs.put(d.id(), d);
                    layers.add(Layer.DOCUMENTS);
                }

                @Override
                public void annotations(DocumentAnnotations a) {
                    anns.put(a.docId(), a);
                    if (!a.entities().isEmpty()) {
                        layers.add(Layer.ENTITIES);
                    }
                    if (!a.timexes().isEmpty()) {
                        layers.add(Layer.TIMEXES);
                    }
                }

                @Override
                public void contradiction(Contradiction c) {
                    cs.add(c);
                    layers.add(Layer.CONTRADICTIONS);
                }

                @Override
                public void nliPair(NliPair p) {
                    nli.add(p);
                    layers.add(Layer.NLI);
                }
            });
            files.add(new GoldFile(f, layers));
        }
        // NLI pairs stand alone (SNLI's and MultiNLI's come from no document of ours); every other layer
        // annotates documents
        if (docs.isEmpty() && nli.isEmpty()) {
            throw new CorpusFormatException(Location.ofFile(dir.toString()), null, "holds no documents, so it "
                    + "cannot be the gold; expected documents.jsonl (or .txt/.csv documents) with the gold layers, "
                    + "or an nli.jsonl of NLI pairs");
        }
        if (ds != null) {
            return new GoldCorpus(ds.name(), ds.version(), ds.fingerprint(), docs, anns, cs, nli, files);
        }
        return new GoldCorpus(dir.toAbsolutePath().normalize().getFileName().toString(), null, null, docs, anns, cs,
                nli, files);
    }

    /** Gold assembled in memory, e.g. from a dataset's sources before it is released. */
    public static GoldCorpus of(String name, GoldSources.Gold gold) {
        Map<String, Document> docs = new LinkedHashMap<>();
        gold.documents().forEach(d -> docs.put(d.id(), d));
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        gold.annotations().forEach(a -> anns.put(a.docId(), a));
        return new GoldCorpus(name, null, null, docs, anns, gold.contradictions(), gold.nliPairs(), List.of());
    }

    /** The same gold with other annotations (e.g. labels mapped to another inventory). */
    public GoldCorpus withAnnotations(Map<String, DocumentAnnotations> other) {
        return new GoldCorpus(name, version, fingerprint, documents, other, contradictions, nliPairs, files);
    }

    /** The gold layers of a document, empty when it has none. */
    public DocumentAnnotations gold(String docId) {
        return annotations.getOrDefault(docId, DocumentAnnotations.empty(docId));
    }

    /** The files that hold {@code layer} (documents are always included: they are what offsets refer to). */
    public List<Path> filesOf(Layer layer) {
        return files.stream().filter(f -> f.layers().contains(layer) || f.layers().contains(Layer.DOCUMENTS))
                .map(GoldFile::path).toList();
    }

    /** Whether the gold has at least one record of {@code layer}. */
    public boolean has(Layer layer) {
        return switch (layer) {
            case DOCUMENTS -> !documents.isEmpty();
            case ENTITIES -> annotations.values().stream().anyMatch(a -> !a.entities().isEmpty());
            case TIMEXES -> annotations.values().stream().anyMatch(a -> !a.timexes().isEmpty());
            case CONTRADICTIONS -> !contradictions.isEmpty();
            case NLI -> !nliPairs.isEmpty();
        };
    }

    /**
     * Refuses a gold that holds nothing of the layer a task scores: every system would score 0 (or 1)
     * against it, whatever it predicts.
     */
    public void require(Layer layer, Path dir) throws CorpusFormatException {
        if (!has(layer)) {
            throw new CorpusFormatException(Location.ofFile(dir.toString()), null, "the gold holds no "
                    + layer.label() + ", so there is nothing to score them against; expected a gold with that layer");
        }
    }
}
