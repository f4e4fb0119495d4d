package org.corpusbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, "Pinned releases": {@code corpusbench build} keeps the list of published fingerprints. */
class ReleaseBuilderPublishedListTest {

    static final Path MINI = ReleaseBuilderTest.MINI;
    static final Path SEEDS = MINI.resolve("seeds");
    static final Clock DEC_1 = Clock.fixed(Instant.parse("2026-12-01T23:30:00Z"), ZoneOffset.UTC);
    static final Clock DEC_2 = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path copySource() throws IOException {
        return ReleaseCopies.copyTree(MINI.resolve("source"), tmp.resolve("source"));
    }

    private static ReleaseBuilder.Result build(Path src, Path out, Clock clock) throws IOException {
        return ReleaseBuilder.build(src, SEEDS, out, gold -> ReleaseBuilder.NO_BASELINES, clock);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void buildingANewVersionIntoTheSourceRecordsItsFingerprintOnce() throws IOException {
        Path src = copySource();
        ReleaseBuilder.Result r = build(src, null, DEC_1);
        assertThat(r.outcome()).isEqualTo(ReleaseBuilder.Outcome.CREATED);
        assertThat(r.recorded()).isTrue();
        Path list = src.resolve("releases.tsv");
        String one = "name\tversion\tfingerprint\tdate\nmini\t1.0.0\t" + r.manifest().fingerprint() + "\t2026-12-01\n";
        assertThat(Files.readString(list, StandardCharsets.UTF_8)).isEqualTo(one);
        ReleaseBuilder.Result again = build(src, null, DEC_2);
        assertThat(again.outcome()).isEqualTo(ReleaseBuilder.Outcome.UNCHANGED);
        assertThat(again.recorded()).isFalse();
        assertThat(Files.readString(list, StandardCharsets.UTF_8)).isEqualTo(one);

        Path config = src.resolve("dataset.json");
        Files.writeString(config, Files.readString(config, StandardCharsets.UTF_8).replace("1.0.0", "1.0.1"),
                StandardCharsets.UTF_8);
        Files.writeString(src.resolve("card/CHANGELOG.md"), "# 1.0.1\n", StandardCharsets.UTF_8);
        ReleaseBuilder.Result next = build(src, null, DEC_2);
        assertThat(next.recorded()).isTrue();
        assertThat(Files.readString(list, StandardCharsets.UTF_8)).isEqualTo(one + "mini\t1.0.1\t"
                + next.manifest().fingerprint() + "\t2026-12-02\n");
    }

    @Test
    void aPublishedVersionIsNotRebuiltToAnotherFingerprintEvenWhenItsDirectoryIsGone() throws IOException {
        Path src = copySource();
        String published = build(src, null, DEC_1).manifest().fingerprint();
        delete(src.resolve("1.0.0"));
        Files.writeString(src.resolve("card/CHANGELOG.md"), "# changed\n", StandardCharsets.UTF_8);
        String list = Files.readString(src.resolve("releases.tsv"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> build(src, null, DEC_2)).isInstanceOf(CorpusFormatException.class)
                .hasMessageMatching(java.util.regex.Pattern.quote(src.resolve("releases.tsv") + ":2: fingerprint: mini "
                        + "1.0.0 was published with fingerprint " + published + ", but this build gives ")
                        + "[0-9a-f]{64}" + java.util.regex.Pattern.quote("; a published version never changes: raise "
                        + "the version in " + src.resolve("dataset.json") + " (MAJOR when scores change, MINOR for "
                        + "added documents or layers, PATCH for metadata) and build again"));
        assertThat(src.resolve("1.0.0")).doesNotExist();
        assertThat(Files.readString(src.resolve("releases.tsv"), StandardCharsets.UTF_8)).isEqualTo(list);
        assertThatThrownBy(() -> build(src, tmp.resolve("scratch"), DEC_2))
                .hasMessageContaining("mini 1.0.0 was published with fingerprint " + published);
        assertThat(tmp.resolve("scratch")).doesNotExist();
    }

    @Test
    void aBuildElsewhereRecordsNothing() throws IOException {
        Path src = copySource();
        ReleaseBuilder.Result r = build(src, tmp.resolve("out"), DEC_1);
        assertThat(r.outcome()).isEqualTo(ReleaseBuilder.Outcome.CREATED);
        assertThat(r.recorded()).isFalse();
        assertThat(src.resolve("releases.tsv")).doesNotExist();
    }
}
