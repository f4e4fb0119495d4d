package org.corpusbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of a release's files, for tests that damage or extend one. */
public final class TestReleases {

    private TestReleases() {
    }

    /** Copies every file of {@code release} (not sub-folders) into {@code to}, created; returns {@code to}. */
    public static Path copy(Path release, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(release)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
