package org.corpusbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.junit.jupiter.api.Test;

/** The lists of published fingerprints (issue 12, "Pinned releases"): in the dataset folders and in the jar. */
class PublishedReleasesTest {

    static List<Path> lists() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("datasets"))) {
            return s.map(d -> d.resolve(PublishedReleases.FILE_NAME)).filter(Files::exists).sorted().toList();
        }
    }

    @Test
    void everyDatasetListShipsOnTheClasspathByteForByte() throws IOException {
        assertThat(lists()).as("datasets/*/releases.tsv").isNotEmpty();
        for (Path list : lists()) {
            String name = list.getParent().getFileName().toString();
            String resource = PublishedReleases.RESOURCE_DIR + "/" + name + "/" + PublishedReleases.FILE_NAME;
            try (InputStream in = PublishedReleases.class.getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(resource)
                        .isEqualTo(Files.readString(list, StandardCharsets.UTF_8));
            }
            assertThat(PublishedReleases.bundled(name).orElseThrow().releases())
                    .isEqualTo(PublishedReleases.read(list, name).releases());
        }
    }

    @Test
    void everyReleasedDirectoryIsPublishedWithItsFingerprintAndNothingElseIs() throws IOException {
        List<Path> releases = ReleasedVersionsTest.releases();
        for (Path r : releases) {
            Manifest m = Manifest.read(r);
            PublishedReleases.Release p = PublishedReleases.bundled(m.name()).orElseThrow().find(m.version())
                    .orElseThrow(() -> new AssertionError(r + " is not in the published list"));
            assertThat(p.fingerprint()).as(r.toString()).isEqualTo(m.fingerprint());
        }
        for (Path list : lists()) {
            for (PublishedReleases.Release p : PublishedReleases.read(list, list.getParent().getFileName().toString())
                    .releases()) {
                assertThat(list.getParent().resolve(p.version()).resolve(Manifest.FILE_NAME)).as(p.row()).exists();
            }
        }
    }

    @Test
    void oreshnikReportsHasItsPublishedFingerprints() throws IOException {
        PublishedReleases p = PublishedReleases.bundled("oreshnik-reports").orElseThrow();
        assertThat(p.releases()).containsExactly(
                new PublishedReleases.Release("oreshnik-reports", "1.0.0",
                        "f9cfd9e79b567b7053997f400d1e02cdd9a70d2e5ace8017b6c9dbf2121925aa", LocalDate.of(2026, 11, 22)),
                new PublishedReleases.Release("oreshnik-reports", "1.0.1",
                        "b3e08d184c4fdac40947a5dc05b07c563023130977b2dc0e3c924e7d6efcc3f1", LocalDate.of(2026, 11, 22)),
                new PublishedReleases.Release("oreshnik-reports", "1.1.0",
                        "632eed9850594f2714bd7592cbedb30a47b984e030dff7919ba56c0aeff1e021", LocalDate.of(2026, 12, 1)));
        assertThat(PublishedReleases.bundled("mini")).isEmpty();
        assertThat(PublishedReleases.bundled("../oreshnik-reports")).isEmpty();
    }

    @Test
    void aMalformedRowNamesLineAndField() {
        String text = PublishedReleases.HEADER + "\nx\t1.0.0\t" + "a".repeat(64) + "\t2026-11-22\nx\t1.0\t"
                + "b".repeat(64) + "\t2026-11-23\n";
        assertThatThrownBy(() -> PublishedReleases.parse(text, "x/releases.tsv", "x"))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessage("x/releases.tsv:3: version: found '1.0', expected MAJOR.MINOR.PATCH");
        String twice = PublishedReleases.HEADER + "\nx\t1.0.0\t" + "a".repeat(64) + "\t2026-11-22\nx\t1.0.0\t"
                + "b".repeat(64) + "\t2026-11-23\n";
        assertThatThrownBy(() -> PublishedReleases.parse(twice, "x/releases.tsv", "x"))
                .hasMessage("x/releases.tsv:3: version: found 1.0.0 a second time; a version is published once, "
                        + "with one fingerprint");
    }
}
