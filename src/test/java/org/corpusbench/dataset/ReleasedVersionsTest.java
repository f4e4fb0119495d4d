package org.corpusbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.corpusbench.leaderboard.Leaderboard;
import org.corpusbench.schema.CorpusValidator;
import org.junit.jupiter.api.Test;

/**
 * Released versions are immutable: every file of every release under {@code datasets/} must still match
 * its manifest, and the current gold sources must rebuild the current version byte for byte — including the
 * card's baseline table, so the card always matches a fresh {@code corpusbench run}.
 */
class ReleasedVersionsTest {

    static List<Path> releases() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("datasets"), 3)) {
            return s.filter(p -> p.getFileName().toString().equals(Manifest.FILE_NAME)).map(Path::getParent).sorted()
                    .toList();
        }
    }

    @Test
    void everyReleasedFileMatchesItsManifest() throws IOException {
        List<Path> releases = releases();
        assertThat(releases).as("released versions under datasets/").isNotEmpty();
        for (Path r : releases) {
            Dataset ds = Dataset.open(r);
            assertThat(Manifest.fingerprint(ds.manifest().files(), ds.manifest().seeds()))
                    .as(r + " fingerprint").isEqualTo(ds.fingerprint());
            assertThat(CorpusValidator.validate(List.of(r), CorpusValidator.Role.GOLD)).as(r + " validates").isEmpty();
        }
    }

    @Test
    void theGoldSourcesRebuildTheCurrentReleaseExactly(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path source = Path.of("datasets/oreshnik-reports");
        ReleaseBuilder.Result rebuilt = ReleaseBuilder.build(source, Path.of("seeds"), tmp.resolve("rebuilt"),
                Leaderboard.cardTables());
        Path released = source.resolve(rebuilt.manifest().version());
        assertThat(Manifest.read(released).fingerprint()).as("rebuild of " + released + " from the gold sources")
                .isEqualTo(rebuilt.manifest().fingerprint());
    }
}
