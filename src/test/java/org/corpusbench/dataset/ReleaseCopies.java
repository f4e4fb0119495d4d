package org.corpusbench.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.corpusbench.internal.Hashes;

/** Copies of real releases for tests, changed the way someone could change a release after publishing it. */
public final class ReleaseCopies {

    private ReleaseCopies() {
    }

    /** A byte-for-byte copy of release directory {@code release} in {@code target}. */
    public static Path copy(Path release, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> s = Files.list(release)) {
            for (Path p : s.toList()) {
                Files.copy(p, target.resolve(p.getFileName().toString()));
            }
        }
        return target;
    }

    /** A copy of the folder tree {@code from} (a dataset's sources) in {@code target}. */
    public static Path copyTree(Path from, Path target) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }

    /**
     * A copy whose gold has one annotation changed (the first GPE entity becomes LOC) and whose manifest was
     * then recomputed with the project's own code: every checksum and the fingerprint match the changed
     * files, so only a fingerprint recorded outside the release can tell.
     */
    public static Path tampered(Path release, Path target) throws IOException {
        copy(release, target);
        Path gold = target.resolve(Dataset.ANNOTATIONS);
        String text = Files.readString(gold, StandardCharsets.UTF_8);
        String changed = text.replaceFirst("\"type\":\"GPE\"", "\"type\":\"LOC\"");
        if (changed.equals(text)) {
            throw new IllegalStateException("no GPE entity to change in " + gold);
        }
        Files.writeString(gold, changed, StandardCharsets.UTF_8);
        return remanifest(target);
    }

    /** Rewrites {@code dir/manifest.json} so that its checksums and fingerprint match the files as they are. */
    public static Path remanifest(Path dir) throws IOException {
        Manifest m = Manifest.read(dir);
        List<Manifest.FileEntry> files = new ArrayList<>();
        for (Manifest.FileEntry f : m.files()) {
            byte[] bytes = Files.readAllBytes(dir.resolve(f.path()));
            files.add(new Manifest.FileEntry(f.path(), Hashes.sha256(bytes), bytes.length, f.records(), f.layer()));
        }
        Manifest re = new Manifest(m.name(), m.version(), m.schemaVersion(), m.license(), m.description(), files,
                m.seeds(), Manifest.fingerprint(files, m.seeds()));
        Files.writeString(dir.resolve(Manifest.FILE_NAME), re.toJson(), StandardCharsets.UTF_8);
        return dir;
    }

    /** A copy with its manifest's name and version replaced, checksums and fingerprint recomputed. */
    public static Path renamed(Path release, Path target, String name, String version) throws IOException {
        copy(release, target);
        Manifest m = Manifest.read(target);
        Manifest re = new Manifest(name, version, m.schemaVersion(), m.license(), m.description(), m.files(),
                m.seeds(), m.fingerprint());
        Files.writeString(target.resolve(Manifest.FILE_NAME), re.toJson(), StandardCharsets.UTF_8);
        return target;
    }
}
