package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corpusbench.dataset.Manifest;
import org.corpusbench.dataset.ReleaseCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, "Pinned releases": {@code verify} and the commands that read {@code --dataset}. */
class VerifyCommandTest {

    static final Path V100 = Path.of("datasets/oreshnik-reports/1.0.0");
    static final Path V101 = Path.of("datasets/oreshnik-reports/1.0.1");
    static final String FP100 = "f9cfd9e79b567b7053997f400d1e02cdd9a70d2e5ace8017b6c9dbf2121925aa";
    static final String FP101 = "b3e08d184c4fdac40947a5dc05b07c563023130977b2dc0e3c924e7d6efcc3f1";
    static final String LIST = "datasets/oreshnik-reports/releases.tsv, shipped in corpusbench as "
            + "org/corpusbench/dataset/published/oreshnik-reports/releases.tsv";

    @TempDir
    Path tmp;

    @Test
    void thePublishedReleasesVerifyAgainstThePublishedList() {
        for (Path r : new Path[] {V100, V101}) {
            CliTest.Run run = CliTest.run("verify", r.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("fingerprint: the published one for oreshnik-reports " + r.getFileName()
                    + " (" + LIST + ")\n", "verified oreshnik-reports " + r.getFileName() + " fingerprint "
                    + (r == V100 ? FP100 : FP101) + "\n");
        }
    }

    @Test
    void aTamperedReleaseWithARecomputedManifestIsRefused() throws IOException {
        Path dir = ReleaseCopies.tampered(V101, tmp.resolve("r"));
        String found = Manifest.read(dir).fingerprint();
        CliTest.Run run = CliTest.run("verify", dir.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("corpusbench verify: " + dir.resolve("manifest.json") + ": fingerprint: "
                + "oreshnik-reports 1.0.1 has fingerprint " + found + ", but the published fingerprint of "
                + "oreshnik-reports 1.0.1 is " + FP101 + " (" + LIST + "); the release was changed after it was "
                + "published: restore it from the published copy, or build the changed gold as a new version\n");
    }

    @Test
    void anExtraFileIsRefusedByName() throws IOException {
        Path dir = ReleaseCopies.copy(V101, tmp.resolve("r"));
        Files.writeString(dir.resolve("more.jsonl"), "", StandardCharsets.UTF_8);
        CliTest.Run run = CliTest.run("verify", dir.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("corpusbench verify: " + dir + ": 1 file that the manifest does not list: "
                + "more.jsonl; a release holds exactly the files its manifest lists (tools such as 'corpusbench stats' "
                + "would read the others): remove them, or build a new version that includes them\n");
    }

    @Test
    void expectFingerprintPinsAUsersOwnRelease() throws IOException {
        Path dir = ReleaseCopies.renamed(V101, tmp.resolve("r"), "my-corpus", "2.0.0");
        CliTest.Run right = CliTest.run("verify", "--expect-fingerprint", FP101.toUpperCase(java.util.Locale.ROOT),
                dir.toString());
        assertThat(right.code()).as(right.err()).isZero();
        assertThat(right.err()).isEmpty();
        assertThat(right.out()).contains("fingerprint: the expected one (--expect-fingerprint)\n",
                "verified my-corpus 2.0.0 fingerprint " + FP101 + "\n");
        CliTest.Run wrong = CliTest.run("verify", "--expect-fingerprint", FP100, dir.toString());
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).isEqualTo("corpusbench verify: " + dir.resolve("manifest.json") + ": fingerprint: "
                + "my-corpus 2.0.0 has fingerprint " + FP101 + ", expected " + FP100
                + " (pinned by --expect-fingerprint or Dataset.open(dir, hex))\n");
    }

    @Test
    void expectFingerprintOnAPublishedRelease() {
        CliTest.Run right = CliTest.run("verify", "--expect-fingerprint", FP100, V100.toString());
        assertThat(right.code()).as(right.err()).isZero();
        CliTest.Run wrong = CliTest.run("verify", "--expect-fingerprint", FP101, V100.toString());
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("oreshnik-reports 1.0.0 has fingerprint " + FP100 + ", expected " + FP101);
    }

    @Test
    void aUsersOwnReleaseWithoutAPinVerifiesWithANote() throws IOException {
        Path dir = ReleaseCopies.renamed(V101, tmp.resolve("r"), "my-corpus", "2.0.0");
        CliTest.Run run = CliTest.run("verify", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("verified my-corpus 2.0.0 fingerprint " + FP101 + " (not pinned)\n");
        assertThat(run.err()).isEqualTo("corpusbench verify: note: corpusbench publishes no dataset named "
                + "'my-corpus', so the fingerprint of my-corpus 2.0.0 is not pinned: its files match its own manifest, "
                + "which whoever changes a file can rewrite; pass --expect-fingerprint with the fingerprint its "
                + "publisher gives to pin it\n");
    }

    @Test
    void anUnpublishedVersionOfAPublishedDatasetNeedsAPin() throws IOException {
        Path dir = ReleaseCopies.renamed(V101, tmp.resolve("r"), "oreshnik-reports", "1.2.0");
        CliTest.Run refused = CliTest.run("verify", dir.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("corpusbench verify: " + dir.resolve("manifest.json") + ": version: "
                + "oreshnik-reports 1.2.0 is not a published version (published: 1.0.0, 1.0.1, 1.1.0, in " + LIST + "); if "
                + "you trust it, pin its fingerprint: --expect-fingerprint HEX, or Dataset.open(dir, hex)\n");
        CliTest.Run pinned = CliTest.run("verify", "--expect-fingerprint", FP101, dir.toString());
        assertThat(pinned.code()).as(pinned.err()).isZero();
    }

    @Test
    void aMalformedFingerprintIsAUsageError() {
        CliTest.Run run = CliTest.run("verify", "--expect-fingerprint", "abc", V101.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid value for option '--expect-fingerprint': 'abc' is not a "
                + "fingerprint; expected 64 hex digits, the 'fingerprint' of a release's manifest.json\n");
    }

    @Test
    void evaluateCompareAndExportTakeExpectFingerprint() {
        String gold = V100.resolve("annotations.jsonl").toString();
        CliTest.Run right = CliTest.run("evaluate", "--task", "entities", "--dataset", V100.toString(), "--pred", gold,
                "--resamples", "0", "--expect-fingerprint", FP100);
        assertThat(right.code()).as(right.err()).isZero();
        String refusal = "fingerprint: oreshnik-reports 1.0.0 has fingerprint " + FP100 + ", expected " + FP101;
        CliTest.Run evaluate = CliTest.run("evaluate", "--task", "entities", "--dataset", V100.toString(), "--pred",
                gold, "--resamples", "0", "--expect-fingerprint", FP101);
        assertThat(evaluate.code()).isEqualTo(1);
        assertThat(evaluate.err()).startsWith("corpusbench evaluate: " + V100.resolve("manifest.json") + ": "
                + refusal);
        CliTest.Run compare = CliTest.run("compare", "--dataset", V100.toString(), "--task", "entities",
                "--expect-fingerprint", FP101, gold, gold);
        assertThat(compare.code()).isEqualTo(1);
        assertThat(compare.err()).contains(refusal);
        CliTest.Run export = CliTest.run("export", "--dataset", V100.toString(), "--format", "csv", "--out",
                tmp.resolve("x").toString(), "--expect-fingerprint", FP101);
        assertThat(export.code()).isEqualTo(1);
        assertThat(export.err()).contains(refusal);
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void buildSaysWhenItRecordsANewVersion() throws IOException {
        Path mini = Path.of("src/test/resources/org/corpusbench/dataset/mini");
        Path src = tmp.resolve("mini");
        try (java.util.stream.Stream<Path> s = Files.walk(mini.resolve("source"))) {
            for (Path p : s.toList()) {
                Path t = src.resolve(mini.resolve("source").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        CliTest.Run built = CliTest.run("build", "--source", src.toString(), "--seeds", mini.resolve("seeds").toString());
        assertThat(built.code()).as(built.err()).isZero();
        String fp = Manifest.read(src.resolve("1.0.0")).fingerprint();
        assertThat(built.out()).endsWith("fingerprint " + fp + "\npublished fingerprint recorded in "
                + src.resolve("releases.tsv") + "; commit it with the release\n");
        assertThat(Files.readString(src.resolve("releases.tsv"), StandardCharsets.UTF_8)).contains("mini\t1.0.0\t" + fp);
        CliTest.Run again = CliTest.run("build", "--source", src.toString(), "--seeds", mini.resolve("seeds").toString());
        assertThat(again.out()).isEqualTo("up to date: mini 1.0.0 in " + src.resolve("1.0.0") + "\nfingerprint " + fp
                + "\n");
    }

    @Test
    void expectFingerprintNeedsARelease() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Files.copy(V100.resolve("documents.jsonl"), plain.resolve("documents.jsonl"));
        Files.copy(V100.resolve("annotations.jsonl"), plain.resolve("annotations.jsonl"));
        CliTest.Run run = CliTest.run("evaluate", "--task", "entities", "--dataset", plain.toString(), "--pred",
                plain.resolve("annotations.jsonl").toString(), "--expect-fingerprint", FP100);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("corpusbench evaluate: " + plain.resolve("manifest.json") + ": no manifest, "
                + "so no fingerprint to compare with the expected one; expected a release directory made by "
                + "'corpusbench build'\n");
    }
}
