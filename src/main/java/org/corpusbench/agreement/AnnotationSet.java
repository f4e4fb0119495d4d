package org.corpusbench.agreement;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;

/**
 * One annotator's annotations of a corpus, with the documents they point into: what {@code agree}
 * compares. Read by {@link AnnotationSets#read}, which validates it as gold first (schema, offsets, surface
 * text, no overlapping entities), so that an agreement figure is never computed from a damaged set.
 *
 * @param name           how reports name the annotator ({@code A}, {@code B}, ...)
 * @param source         the path it was read from, as the user gave it
 * @param kind           what kind of input that path was
 * @param documents      the documents by id, in id order
 * @param annotations    the entity and TIMEX3 layers by document id (a document may have none)
 * @param contradictions the contradiction pairs
 * @param nliPairs       the labelled premise/hypothesis pairs, in the order of their file
 * @param files          every file read, with its SHA-256, for the report's provenance
 * @param dataset        the release's name, version and fingerprint, or {@code null} when it is not a release
 */
public record AnnotationSet(String name, Path source, Kind kind, Map<String, Document> documents,
                            Map<String, DocumentAnnotations> annotations, List<Contradiction> contradictions,
                            List<NliPair> nliPairs, List<InputFile> files, Release dataset) {

    /** The kinds of input an annotation set can be read from. */
    public enum Kind {
        /** A release directory (manifest verified first). */
        RELEASE,
        /** A directory of corpusbench JSONL files, or JSONL files (with their documents). */
        JSONL,
        /**
         * A gold-sources folder (entities.tsv, timexes.tsv, contradictions.jsonl, nli.jsonl) with the seed
         * texts.
         */
        GOLD_SOURCES
    }

    /** A file that was read, and its SHA-256 (lower-case hex). */
    public record InputFile(Path path, String sha256) {
        /** Requires both the path and the checksum: a report's provenance names each file with its hash. */
        public InputFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** What identifies a release. */
    public record Release(String name, String version, String fingerprint) {
        /** Requires the name; the version and the fingerprint are taken as the release gives them. */
        public Release {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Requires a name that is not blank, the source and the kind; copies the maps sorted by document id and
     * the lists as given. Whether the annotations fit the documents is not checked here, since
     * {@link AnnotationSets#read} validates a set before it builds one.
     */
    public AnnotationSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        documents = Collections.unmodifiableMap(new TreeMap<>(documents));
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        contradictions = List.copyOf(contradictions);
        nliPairs = List.copyOf(nliPairs);
        files = List.copyOf(files);
    }

    /** The layers of document {@code docId}, empty when the annotator marked nothing there. */
    public DocumentAnnotations layers(String docId) {
        return annotations.getOrDefault(docId, DocumentAnnotations.empty(docId));
    }

    /** Number of entity mentions over all documents. */
    public long entityCount() {
        return annotations.values().stream().mapToLong(a -> a.entities().size()).sum();
    }

    /** Number of TIMEX3 expressions over all documents. */
    public long timexCount() {
        return annotations.values().stream().mapToLong(a -> a.timexes().size()).sum();
    }
}
