package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} between published releases, and between the last release and one not recorded yet, which is
 * how a release's CHANGELOG gets its summary before the release is built for good.
 */
class DiffCommandTest {

    @TempDir
    Path tmp;

    @Test
    void theSummaryOf101To110IsTheOneItsChangelogCarries() throws IOException {
        CliTest.Run r = CliTest.run("diff", "datasets/oreshnik-reports/1.0.1", "datasets/oreshnik-reports/1.1.0");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("92 differences", "  contradictions: 0 added, 0 removed, 2 changed",
                "  entities: 1 added, 0 removed, 0 changed", "  nli: 40 added, 47 removed, 2 changed");
        String changelog = Files.readString(Path.of("datasets/oreshnik-reports/1.1.0/CHANGELOG.md"));
        assertThat(changelog).contains("(92 differences)", "entities: 1 added, 0 removed, 0 changed",
                "contradictions: 0 added, 0 removed, 2 changed", "nli: 40 added, 47 removed, 2 changed");
    }

    @Test
    void anUnpublishedSideIsRefusedUnlessItsFingerprintIsPinnedAndTheAdviceNamesThatSidesOption()
            throws IOException {
        Path copy = tmp.resolve("candidate");
        Files.createDirectories(copy);
        Path release = Path.of("datasets/oreshnik-reports/1.1.0");
        try (var files = Files.list(release)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        // the copy claims an unpublished version with the same content
        Path manifest = copy.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"version\" : \"1.1.0\"",
                "\"version\" : \"1.2.0\""));
        CliTest.Run refused = CliTest.run("diff", "datasets/oreshnik-reports/1.0.1", copy.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("1.2.0 is not a published version", "--expect-fingerprint-b HEX")
                .doesNotContain("--expect-fingerprint HEX");
        CliTest.Run swapped = CliTest.run("diff", copy.toString(), "datasets/oreshnik-reports/1.0.1");
        assertThat(swapped.err()).contains("--expect-fingerprint-a HEX");
        String fingerprint = List.of(Files.readString(manifest).split("\"fingerprint\" : \""))
                .get(1).substring(0, 64);
        CliTest.Run pinned = CliTest.run("diff", "datasets/oreshnik-reports/1.0.1", copy.toString(),
                "--expect-fingerprint-b", fingerprint);
        assertThat(pinned.err()).isEmpty();
        assertThat(pinned.out()).contains("92 differences");
        CliTest.Run wrong = CliTest.run("diff", "datasets/oreshnik-reports/1.0.1", copy.toString(),
                "--expect-fingerprint-b", "0".repeat(64));
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.out()).doesNotContain("differences");
    }
}
