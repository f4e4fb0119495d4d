package org.corpusbench.dataset;

import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.Mutation;
import net.jqwik.api.Example;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Group;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;

/**
 * A copy of a published release changed byte by byte (issue 12, item 8): {@code Dataset.open} refuses every
 * change that reaches what the release holds, with a {@code CorpusFormatException} naming the file.
 */
class ReleaseMutationTest {

    private static Map<String, byte[]> release;

    static synchronized Map<String, byte[]> release() throws IOException {
        if (release == null) {
            Map<String, byte[]> files = new HashMap<>();
            try (Stream<Path> s = Files.list(FuzzSeeds.RELEASE)) {
                for (Path p : s.toList()) {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
            release = Map.copyOf(files);
        }
        return release;
    }

    @Group
    class Open implements MutatedInputContract {
        @Override
        public Map<String, byte[]> seed() throws IOException {
            return release();
        }

        @Override
        public boolean locatesLines() {
            return false;
        }

        /**
         * Only a manifest changed where nothing looks may be opened: white space, or a text nothing computes with
         * (description, license, a file's layer); then every file, checksum, size, count and the fingerprint are
         * the published ones.
         */
        @Override
        public void readAndCheck(Path dir) throws IOException {
            Dataset d = Dataset.open(dir);
            Manifest published = Manifest.read(FuzzSeeds.RELEASE);
            assertThat(d.manifest().files()).extracting(Manifest.FileEntry::path, Manifest.FileEntry::sha256,
                    Manifest.FileEntry::bytes, Manifest.FileEntry::records).isEqualTo(published.files().stream()
                    .map(f -> org.assertj.core.groups.Tuple.tuple(f.path(), f.sha256(), f.bytes(), f.records()))
                    .toList());
            assertThat(d.manifest().seeds()).isEqualTo(published.seeds());
            assertThat(d.fingerprint()).isEqualTo(published.fingerprint());
            assertThat(d.manifest().name().equals(published.name()) ? Dataset.Pin.PUBLISHED : Dataset.Pin.NONE)
                    .isEqualTo(d.pin());
            assertThat(d.version()).isEqualTo(published.version());
        }
    }

    /**
     * Issue 12: the manifest's sizes and record counts were never compared with the files (only checksums),
     * so a manifest saying CHANGELOG.md has 758 bytes (752 with one bit flipped) opened as the published release.
     */
    @Example
    void issue12ManifestSizeIsCheckedAgainstTheFile() throws IOException {
        CorpusFormatException e = new Open().refusal(Manifest.FILE_NAME, new Mutation(Mutation.Kind.FLIP, 652,
                (byte) 0x0A));
        assertThat(e.location().file()).endsWith(Manifest.FILE_NAME);
        assertThat(e.field()).isEqualTo("files[CHANGELOG.md].bytes");
        assertThat(e.originalMessage()).isEqualTo("says 758 bytes; the file has 752; the manifest was changed — "
                + "restore it");
    }

    /** The same for a record count: 5 documents said to be 6. */
    @Example
    void issue12ManifestRecordCountIsCheckedAgainstTheFile() throws IOException {
        String manifest = new String(release().get(Manifest.FILE_NAME), java.nio.charset.StandardCharsets.UTF_8);
        int at = manifest.indexOf("\"records\" : 5", manifest.indexOf("documents.jsonl")) + "\"records\" : ".length();
        // '5' (0x35) XOR 0x03 is '6' (0x36)
        CorpusFormatException e = new Open().refusal(Manifest.FILE_NAME, new Mutation(Mutation.Kind.FLIP, at,
                (byte) 0x03));
        assertThat(e.field()).isEqualTo("files[documents.jsonl].records");
        assertThat(e.originalMessage()).startsWith("says 6 records; the file has 5 (non-blank lines)");
    }

    @Group
    class ReadManifest implements MutatedInputContract {
        @Override
        public Map<String, byte[]> seed() throws IOException {
            return Map.of(Manifest.FILE_NAME, release().get(Manifest.FILE_NAME));
        }

        @Override
        public boolean locatesLines() {
            return false;
        }

        @Override
        public void readAndCheck(Path dir) throws IOException {
            Manifest m = Manifest.read(dir);
            assertThat(m.files()).allSatisfy(f -> {
                assertThat(f.path()).isNotEmpty();
                assertThat(f.sha256()).matches("[0-9a-f]{64}");
                assertThat(f.bytes()).isNotNegative();
            });
            assertThat(m.seeds()).allSatisfy(s -> assertThat(s.sha256()).matches("[0-9a-f]{64}"));
        }
    }
}
