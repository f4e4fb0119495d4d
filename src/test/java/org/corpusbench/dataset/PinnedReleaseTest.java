package org.corpusbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, "Pinned releases": {@link Dataset#open} checks a release against its published fingerprint. */
class PinnedReleaseTest {

    static final Path V101 = Path.of("datasets/oreshnik-reports/1.0.1");
    static final String FP100 = "f9cfd9e79b567b7053997f400d1e02cdd9a70d2e5ace8017b6c9dbf2121925aa";
    static final String FP101 = "b3e08d184c4fdac40947a5dc05b07c563023130977b2dc0e3c924e7d6efcc3f1";
    static final String WHERE = "datasets/oreshnik-reports/releases.tsv, shipped in corpusbench as "
            + "org/corpusbench/dataset/published/oreshnik-reports/releases.tsv";

    @TempDir
    Path tmp;

    @Test
    void aReleaseWhoseGoldChangedAndWhoseManifestWasRecomputedIsRefused() throws IOException {
        Path dir = ReleaseCopies.tampered(V101, tmp.resolve("r"));
        String found = Manifest.read(dir).fingerprint();
        assertThat(found).isNotEqualTo(FP101);
        assertThatThrownBy(() -> Dataset.open(dir)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(dir.resolve("manifest.json") + ": fingerprint: oreshnik-reports 1.0.1 has fingerprint "
                        + found + ", but the published fingerprint of oreshnik-reports 1.0.1 is " + FP101 + " (" + WHERE
                        + "); the release was changed after it was published: restore it from the published copy, "
                        + "or build the changed gold as a new version");
    }

    @Test
    void anExplicitPinDoesNotOverrideThePublishedFingerprint() throws IOException {
        Path dir = ReleaseCopies.tampered(V101, tmp.resolve("r"));
        String found = Manifest.read(dir).fingerprint();
        assertThatThrownBy(() -> Dataset.open(dir, found)).isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("but the published fingerprint of oreshnik-reports 1.0.1 is " + FP101);
    }

    @Test
    void aReleaseRelabelledAsAnotherPublishedVersionIsRefused() throws IOException {
        Path dir = ReleaseCopies.renamed(Path.of("datasets/oreshnik-reports/1.0.0"), tmp.resolve("r"),
                "oreshnik-reports", "1.0.1");
        assertThatThrownBy(() -> Dataset.open(dir)).isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("oreshnik-reports 1.0.1 has fingerprint " + FP100 + ", but the published "
                        + "fingerprint of oreshnik-reports 1.0.1 is " + FP101);
    }

    @Test
    void aFileTheManifestDoesNotListIsRefusedByName() throws IOException {
        Path dir = ReleaseCopies.copy(V101, tmp.resolve("r"));
        Files.writeString(dir.resolve("extra.jsonl"), Files.readString(dir.resolve(Dataset.NLI),
                StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("more"));
        Files.writeString(dir.resolve("more/notes.txt"), "x\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Dataset.open(dir)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(dir + ": 2 files that the manifest does not list: extra.jsonl, more/notes.txt; a release "
                        + "holds exactly the files its manifest lists (tools such as 'corpusbench stats' would read the "
                        + "others): remove them, or build a new version that includes them");
    }

    @Test
    void aManifestWhoseFingerprintDoesNotMatchItsFilesIsRefused() throws IOException {
        Path dir = ReleaseCopies.copy(V101, tmp.resolve("r"));
        Path m = dir.resolve(Manifest.FILE_NAME);
        Files.writeString(m, Files.readString(m, StandardCharsets.UTF_8).replace(FP101, FP100), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Dataset.open(dir)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(m + ": fingerprint: found " + FP100 + ", expected " + FP101
                        + " from the listed files and seeds");
    }

    @Test
    void thePublishedReleasesOpenPinnedByTheList() throws IOException {
        for (Path r : ReleasedVersionsTest.releases()) {
            Dataset ds = Dataset.open(r);
            assertThat(ds.pin()).as(r.toString()).isEqualTo(Dataset.Pin.PUBLISHED);
        }
        assertThat(Dataset.open(V101, FP101).pin()).isEqualTo(Dataset.Pin.PUBLISHED);
    }

    @Test
    void anUnpublishedVersionOfAKnownDatasetIsRefusedUnlessPinned() throws IOException {
        Path dir = ReleaseCopies.renamed(V101, tmp.resolve("r"), "oreshnik-reports", "1.0.2");
        assertThatThrownBy(() -> Dataset.open(dir)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(dir.resolve("manifest.json") + ": version: oreshnik-reports 1.0.2 is not a published "
                        + "version (published: 1.0.0, 1.0.1, 1.1.0, in " + WHERE + "); if you trust it, pin its fingerprint: "
                        + "--expect-fingerprint HEX, or Dataset.open(dir, hex)");
        assertThat(Dataset.open(dir, FP101).pin()).isEqualTo(Dataset.Pin.EXPECTED);
        assertThatThrownBy(() -> Dataset.open(dir, FP100)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(dir.resolve("manifest.json") + ": fingerprint: oreshnik-reports 1.0.2 has fingerprint "
                        + FP101 + ", expected " + FP100 + " (pinned by --expect-fingerprint or Dataset.open(dir, hex))");
    }

    @Test
    void aUsersOwnDatasetOpensUnpinnedOrPinnedByTheCaller() throws IOException {
        Path dir = ReleaseCopies.renamed(V101, tmp.resolve("r"), "my-corpus", "3.1.4");
        assertThat(Dataset.open(dir).pin()).isEqualTo(Dataset.Pin.NONE);
        assertThat(Dataset.open(dir, FP101.toUpperCase(java.util.Locale.ROOT)).pin()).isEqualTo(Dataset.Pin.EXPECTED);
        assertThatThrownBy(() -> Dataset.open(dir, FP100)).isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("my-corpus 3.1.4 has fingerprint " + FP101 + ", expected " + FP100);
        assertThatThrownBy(() -> Dataset.open(dir, "abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected fingerprint 'abc': expected 64 hex digits (a manifest's fingerprint)");
    }

    /** Found by the byte-mutation property: a manifest whose record count of a JSONL file was removed opened. */
    @Test
    void aManifestWithoutTheRecordCountOfAJsonlFileIsRefused() throws IOException {
        Path dir = org.corpusbench.dataset.ReleaseCopies.copy(V101, tmp.resolve("r"));
        Path manifest = dir.resolve("manifest.json");
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        String without = text.replaceFirst("(\"path\" ?: ?\"documents\\.jsonl\"[^}]*?),\\s*\"records\" ?: ?5", "$1");
        assertThat(without).isNotEqualTo(text);
        Files.writeString(manifest, without, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Dataset.open(dir)).isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("files[documents.jsonl].records: missing");
    }
}
