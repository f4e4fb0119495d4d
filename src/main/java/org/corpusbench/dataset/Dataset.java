package org.corpusbench.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.internal.Hashes;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;

/**
 * A released dataset version, opened from its directory. Opening checks the release first, so that nothing
 * is read from a release whose bytes differ from what was published: every file against the manifest's
 * SHA-256, no file the manifest does not list, the manifest's fingerprint against its entries, and that
 * fingerprint against the one published for the release's name and version ({@link PublishedReleases}, issue
 * 12 "Pinned releases"). The layers are then streamed from disk on each call, never held twice.
 *
 * <pre>{@code
 * Dataset ds = Dataset.open(Path.of("datasets/oreshnik-reports/1.0.0"));
 * try (Stream<Document> docs = ds.documents()) { ... }
 * }</pre>
 */
public final class Dataset {

    /** The documents of a release, one per line. */
    public static final String DOCUMENTS = "documents.jsonl";
    /** The gold entity and TIMEX3 layers of a release, one record per document. */
    public static final String ANNOTATIONS = "annotations.jsonl";
    /** The gold contradictions of a release, one per line; a release without this layer has no such file. */
    public static final String CONTRADICTIONS = "contradictions.jsonl";
    /** The gold NLI pairs of a release, one per line; a release without this layer has no such file. */
    public static final String NLI = "nli.jsonl";

    /** What vouches for a release's fingerprint, beyond its own manifest. */
    public enum Pin {
        /** The fingerprint published for its name and version, in the list that ships with corpusbench. */
        PUBLISHED,
        /** The fingerprint the caller expected; corpusbench has not published this version. */
        EXPECTED,
        /**
         * Nothing: a dataset corpusbench does not publish, opened without an expected fingerprint. Its files
         * match its manifest, but whoever changes a file can rewrite the manifest too.
         */
        NONE
    }

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private final Manifest manifest;
    private final Pin pin;

    private Dataset(Path dir, Manifest manifest, Pin pin) {
        this.dir = dir;
        this.manifest = manifest;
        this.pin = pin;
    }

    /**
     * Opens a release directory after checking it (see the class comment). A release of a dataset that
     * corpusbench publishes must have a published version and its published fingerprint; a release of any
     * other dataset is opened unpinned ({@link Pin#NONE}).
     *
     * @throws CorpusFormatException naming the first file that is missing or whose checksum differs, the files
     *                               the manifest does not list, or the fingerprint or version that is not the
     *                               published one
     */
    public static Dataset open(Path dir) throws IOException {
        return open(dir, null);
    }

    /** Where the jar keeps the released datasets (see pom.xml): {@code <name>/<version>/} under it. */
    static final String BUNDLED_ROOT = "/org/corpusbench/datasets/";

    private static final Pattern BUNDLED_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern BUNDLED_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    /**
     * Opens a published release that ships in the corpusbench jar, so that a program which only depends on
     * the Maven artifact can use the dataset without a checkout. It is checked as {@link #open(Path)} checks
     * a directory: every checksum, and the fingerprint against the published one.
     *
     * @param name    a dataset corpusbench publishes, for example {@code oreshnik-reports}
     * @param version one of its released versions, for example {@code 1.0.1}
     * @return the release, read from the jar (or from the build's classes directory)
     * @throws CorpusFormatException when no such release ships with this version of corpusbench, naming the
     *                               versions that do, or when a file of it fails its check
     */
    public static Dataset load(String name, String version) throws IOException {
        if (name == null || !BUNDLED_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("dataset name '" + name + "': expected lower-case letters, digits "
                    + "and hyphens, for example oreshnik-reports");
        }
        if (version == null || !BUNDLED_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version '" + version + "': expected MAJOR.MINOR.PATCH, for "
                    + "example 1.0.1");
        }
        java.net.URL manifest = Dataset.class.getResource(BUNDLED_ROOT + name + "/" + version + "/"
                + Manifest.FILE_NAME);
        if (manifest == null) {
            List<String> known = PublishedReleases.bundled(name).map(PublishedReleases::versions).orElse(List.of());
            throw new CorpusFormatException(Location.ofFile(name + " " + version), null, known.isEmpty()
                    ? "no dataset of that name ships with this corpusbench"
                    : "no such release ships with this corpusbench; it has " + String.join(", ", known));
        }
        return open(BundledFiles.directoryOf(manifest));
    }

    /**
     * Opens a release directory as {@link #open(Path)} does, and also requires its fingerprint to be
     * {@code expectedFingerprint} (64 hex digits; {@code null} to require nothing more). This pins a release
     * corpusbench does not publish, including an unpublished version of a dataset it does publish; it never
     * admits a published version whose fingerprint differs from the published one.
     *
     * @throws IllegalArgumentException when {@code expectedFingerprint} is not 64 hex digits
     */
    public static Dataset open(Path dir, String expectedFingerprint) throws IOException {
        String expected = expectedFingerprint == null ? null : normaliseFingerprint(expectedFingerprint);
        Manifest m = Manifest.read(dir);
        Location manifestFile = Location.ofFile(dir.resolve(Manifest.FILE_NAME).toString());
        for (Manifest.FileEntry f : m.files()) {
            Path p = dir.resolve(f.path()).normalize();
            if (!p.startsWith(dir.normalize())) {
                throw new CorpusFormatException(manifestFile, "files",
                        "path '" + f.path() + "' leaves the release directory");
            }
            if (!Files.isRegularFile(p)) {
                throw new CorpusFormatException(Location.ofFile(p.toString()), null,
                        "listed in the manifest but missing");
            }
            FileFacts actual = facts(p);
            if (!actual.sha256().equals(f.sha256())) {
                throw new CorpusFormatException(Location.ofFile(p.toString()), null, "checksum differs from the "
                        + "manifest: found SHA-256 " + actual.sha256() + ", expected " + f.sha256()
                        + "; a released file was changed — restore it, or build a new version");
            }
            // the checksum vouches for the file, not for what the manifest says of it: its size and record
            // count are shown and used (croissant.json, stats), so they must be the file's (issue 12)
            if (actual.bytes() != f.bytes()) {
                throw new CorpusFormatException(manifestFile, "files[" + f.path() + "].bytes", "says " + f.bytes()
                        + " bytes; the file has " + actual.bytes() + "; the manifest was changed — restore it");
            }
            if (f.records() == null && f.path().endsWith(".jsonl")) {
                throw new CorpusFormatException(manifestFile, "files[" + f.path() + "].records", "missing; expected "
                        + "the number of records of a .jsonl file, as 'corpusbench build' writes it; the manifest was "
                        + "changed — restore it");
            }
            if (f.records() != null && f.path().endsWith(".jsonl") && actual.records() != f.records()) {
                throw new CorpusFormatException(manifestFile, "files[" + f.path() + "].records", "says "
                        + f.records() + " records; the file has " + actual.records() + " (non-blank lines); the "
                        + "manifest was changed — restore it");
            }
        }
        List<String> unlisted = unlisted(dir, m);
        if (!unlisted.isEmpty()) {
            throw new CorpusFormatException(Location.ofFile(dir.toString()), null, unlisted.size()
                    + (unlisted.size() == 1 ? " file" : " files") + " that the manifest does not list: "
                    + String.join(", ", unlisted) + "; a release holds exactly the files its manifest lists (tools "
                    + "such as 'corpusbench stats' would read the others): remove them, or build a new version that "
                    + "includes them");
        }
        String fp = Manifest.fingerprint(m.files(), m.seeds());
        if (!fp.equals(m.fingerprint())) {
            throw new CorpusFormatException(manifestFile, "fingerprint", "found " + m.fingerprint() + ", expected "
                    + fp + " from the listed files and seeds");
        }
        return new Dataset(dir, m, pin(m, manifestFile, expected));
    }

    /** Checks the fingerprint against the published list and the caller's expectation; says which vouched. */
    private static Pin pin(Manifest m, Location manifestFile, String expected) throws IOException {
        String release = m.name() + " " + m.version();
        Optional<PublishedReleases> list = PublishedReleases.bundled(m.name());
        Pin pin = Pin.NONE;
        if (list.isPresent()) {
            Optional<PublishedReleases.Release> published = list.get().find(m.version());
            if (published.isPresent()) {
                if (!published.get().fingerprint().equals(m.fingerprint())) {
                    throw new CorpusFormatException(manifestFile, "fingerprint", release + " has fingerprint "
                            + m.fingerprint() + ", but the published fingerprint of " + release + " is "
                            + published.get().fingerprint() + " (" + list.get().source() + "); the release was changed "
                            + "after it was published: restore it from the published copy, or build the changed gold "
                            + "as a new version");
                }
                pin = Pin.PUBLISHED;
            } else if (expected == null) {
                throw new CorpusFormatException(manifestFile, "version", release + " is not a published version "
                        + "(published: " + String.join(", ", list.get().versions()) + ", in " + list.get().source()
                        + "); if you trust it, pin its fingerprint: --expect-fingerprint HEX, or Dataset.open(dir, hex)");
            }
        }
        if (expected != null) {
            if (!expected.equals(m.fingerprint())) {
                throw new CorpusFormatException(manifestFile, "fingerprint", release + " has fingerprint "
                        + m.fingerprint() + ", expected " + expected
                        + " (pinned by --expect-fingerprint or Dataset.open(dir, hex))");
            }
            return pin == Pin.PUBLISHED ? pin : Pin.EXPECTED;
        }
        return pin;
    }

    /**
     * A fingerprint as given by a user, in lower case.
     *
     * @throws IllegalArgumentException when it is not 64 hex digits
     */
    public static String normaliseFingerprint(String hex) {
        String h = hex.strip().toLowerCase(Locale.ROOT);
        if (!HEX64.matcher(h).matches()) {
            throw new IllegalArgumentException("expected fingerprint '" + hex + "': expected 64 hex digits (a "
                    + "manifest's fingerprint)");
        }
        return h;
    }

    /** The files under {@code dir}, by relative path with '/', that are neither the manifest nor listed in it. */
    private static List<String> unlisted(Path dir, Manifest m) throws IOException {
        Set<String> listed = new HashSet<>();
        m.files().forEach(f -> listed.add(f.path()));
        listed.add(Manifest.FILE_NAME);
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> !Files.isDirectory(p)).toList()) {
                List<String> parts = new ArrayList<>();
                dir.relativize(p).forEach(part -> parts.add(part.toString()));
                String rel = String.join("/", parts);
                if (!listed.contains(rel)) {
                    out.add(rel);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** What a file is: its checksum, size in bytes and number of non-blank lines (JSONL records). */
    private record FileFacts(String sha256, long bytes, long records) {
    }

    private static FileFacts facts(Path p) throws IOException {
        MessageDigest md = Hashes.newSha256();
        long bytes = 0;
        long records = 0;
        boolean blank = true;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(p)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
                bytes += n;
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        records += blank ? 0 : 1;
                        blank = true;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        blank = false;
                    }
                }
            }
        }
        return new FileFacts(HexFormat.of().formatHex(md.digest()), bytes, records + (blank ? 0 : 1));
    }

    static String sha256(Path p) throws IOException {
        MessageDigest md = Hashes.newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The directory the release was opened from: on disk, or inside the corpusbench jar for {@link #load}.
     * Its files were checked when the release was opened, not again on each read.
     */
    public Path directory() {
        return dir;
    }

    /** The manifest, which every file of the directory matched when the release was opened. */
    public Manifest manifest() {
        return manifest;
    }

    /** The dataset's name, from the manifest ({@code oreshnik-reports}). */
    public String name() {
        return manifest.name();
    }

    /** The release's version, from the manifest ({@code 1.0.1}). */
    public String version() {
        return manifest.version();
    }

    /**
     * The manifest's fingerprint, checked against the files and, for a pinned release, against the published
     * or expected one: what a report cites to say which bytes it scored.
     */
    public String fingerprint() {
        return manifest.fingerprint();
    }

    /** What vouched for the fingerprint when the release was opened. */
    public Pin pin() {
        return pin;
    }

    /** The documents, streamed; close the stream. */
    public Stream<Document> documents() throws IOException {
        return JsonlReader.documents(dir.resolve(DOCUMENTS));
    }

    /** The per-document gold layers (entities and timexes), one record per document; close the stream. */
    public Stream<DocumentAnnotations> annotations() throws IOException {
        return JsonlReader.annotations(dir.resolve(ANNOTATIONS));
    }

    /** The gold contradictions, streamed; empty when the release has no contradictions layer. Close the stream. */
    public Stream<Contradiction> contradictions() throws IOException {
        return optional(CONTRADICTIONS, JsonlReader::contradictions);
    }

    /** The gold NLI pairs, streamed; empty when the release has no NLI layer. Close the stream. */
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

    /** All gold contradictions in file order; empty when the release has none. */
    public List<Contradiction> contradictionList() throws IOException {
        try (Stream<Contradiction> s = contradictions()) {
            return s.toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** All gold NLI pairs in file order; empty when the release has none. */
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
