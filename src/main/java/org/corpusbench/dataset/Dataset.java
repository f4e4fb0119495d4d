package org.corpusbench.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.corpusbench.format.CorpusFormatException;
import org.corpusbench.format.Location;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.internal.Hashes;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;

/**
 * A released dataset version, opened from its directory. Opening checks every file against the manifest
 * first, so that nothing is read from a release whose bytes differ from what was published; the layers
 * are then streamed from disk on each call, never held twice.
 *
 * <pre>{@code
 * Dataset ds = Dataset.open(Path.of("datasets/oreshnik-reports/1.0.0"));
 * try (Stream<Document> docs = ds.documents()) { ... }
 * }</pre>
 */
public final class Dataset {

    public static final String DOCUMENTS = "documents.jsonl";
    public static final String ANNOTATIONS = "annotations.jsonl";
    public static final String CONTRADICTIONS = "contradictions.jsonl";
    public static final String NLI = "nli.jsonl";

    private final Path dir;
    private final Manifest manifest;

    private Dataset(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /**
     * Opens a release directory after verifying the SHA-256 of every file its manifest lists.
     *
     * @throws CorpusFormatException naming the first file that is missing or whose checksum differs
     */
    public static Dataset open(Path dir) throws IOException {
        Manifest m = Manifest.read(dir);
        for (Manifest.FileEntry f : m.files()) {
            Path p = dir.resolve(f.path()).normalize();
            if (!p.startsWith(dir.normalize())) {
                throw new CorpusFormatException(Location.ofFile(dir.resolve(Manifest.FILE_NAME).toString()), "files",
                        "path '" + f.path() + "' leaves the release directory");
            }
            if (!Files.isRegularFile(p)) {
                throw new CorpusFormatException(Location.ofFile(p.toString()), null,
                        "listed in the manifest but missing");
            }
            String actual = sha256(p);
            if (!actual.equals(f.sha256())) {
                throw new CorpusFormatException(Location.ofFile(p.toString()), null, "checksum differs from the "
                        + "manifest: found SHA-256 " + actual + ", expected " + f.sha256()
                        + "; a released file was changed — restore it, or build a new version");
            }
        }
        return new Dataset(dir, m);
    }

    static String sha256(Path p) throws IOException {
        MessageDigest md = Hashes.newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public Path directory() {
        return dir;
    }

    public Manifest manifest() {
        return manifest;
    }

    public String name() {
        return manifest.name();
    }

    public String version() {
        return manifest.version();
    }

    public String fingerprint() {
        return manifest.fingerprint();
    }

    /** The documents, streamed; close the stream. */
    public Stream<Document> documents() throws IOException {
        return JsonlReader.documents(dir.resolve(DOCUMENTS));
    }

    /** The per-document gold layers (entities and timexes), one record per document; close the stream. */
    public Stream<DocumentAnnotations> annotations() throws IOException {
        return JsonlReader.annotations(dir.resolve(ANNOTATIONS));
    }

    public Stream<Contradiction> contradictions() throws IOException {
        return optional(CONTRADICTIONS, JsonlReader::contradictions);
    }

    public Stream<NliPair> nliPairs() throws IOException {
        return optional(NLI, JsonlReader::nliPairs);
    }

    /** All documents by id, in file order: for evaluation, which needs random access to the text. */
    public Map<String, Document> documentsById() throws IOException {
        Map<String, Document> out = new LinkedHashMap<>();
        try (Stream<Document> s = documents()) {
            s.forEach(d -> out.put(d.id(), d));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    /** All gold annotations by document id. */
    public Map<String, DocumentAnnotations> annotationsById() throws IOException {
        Map<String, DocumentAnnotations> out = new LinkedHashMap<>();
        try (Stream<DocumentAnnotations> s = annotations()) {
            s.forEach(a -> out.put(a.docId(), a));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    public List<Contradiction> contradictionList() throws IOException {
        try (Stream<Contradiction> s = contradictions()) {
            return s.toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public List<NliPair> nliPairList() throws IOException {
        try (Stream<NliPair> s = nliPairs()) {
            return s.toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Opener<T> {
        Stream<T> open(Path p) throws IOException;
    }

    private <T> Stream<T> optional(String file, Opener<T> opener) throws IOException {
        Path p = dir.resolve(file);
        return Files.exists(p) ? opener.open(p) : Stream.empty();
    }

    @Override
    public String toString() {
        return name() + " " + version() + " (" + dir + ")";
    }
}
