package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corpusbench.bench.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: outputs are all-or-nothing. A command that writes a directory writes it whole or leaves
 * nothing (after an error or SIGTERM), refuses a non-empty one unless --overwrite (which replaces it
 * whole), and creates files and folders with the permissions the umask gives.
 */
class Issue12OutputsTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");

    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNonEmptyOutputDirectoryIsRefusedAndLeftAsItWas() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("mine.txt"), "keep me");
        for (String cmd : List.of("export", "import")) {
            CliTest.Run r = cmd.equals("export")
                    ? CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "brat", "--out", out.toString())
                    : CliTest.run("import", "--format", "nli", "--out", out.toString(),
                            RELEASE.resolve("nli.jsonl").toString());
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains(out + ": is not empty", "--overwrite").doesNotContain("Exception");
            assertThat(names(out)).containsExactly("mine.txt");
            assertThat(names(tmp)).containsExactly("out");
        }
    }

    @Test
    void overwriteReplacesTheDirectoryWholeSoNoStaleFileSurvives() throws IOException {
        Path out = tmp.resolve("out");
        CliTest.Run brat = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "brat", "--out",
                out.toString());
        assertThat(brat.code()).as(brat.err()).isZero();
        assertThat(names(out)).contains("annotation.conf", "000_6e15c3caa4eb7126.ann");
        CliTest.Run csv = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "csv", "--out",
                out.toString(), "--overwrite");
        assertThat(csv.code()).as(csv.err()).isZero();
        assertThat(names(out)).contains("documents.csv").noneMatch(n -> n.endsWith(".ann") || n.endsWith(".conf"));
        assertThat(csv.out()).contains("to " + out).doesNotContain(".partial");
        assertThat(names(tmp)).containsExactly("out");
    }

    @Test
    void anExistingEmptyDirectoryIsUsed() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("empty"));
        CliTest.Run r = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "timeml",
                "--dct", "2024-12-06", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(out)).hasSize(5);
    }

    @Test
    void anOutputThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        CliTest.Run r = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "csv", "--out",
                file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(file + ": is a file; expected a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aFailedImportLeavesNothing() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
        Path out = tmp.resolve("out");
        CliTest.Run r = CliTest.run("import", "--format", "nli", "--out", out.toString(), empty.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(names(tmp)).containsExactly("empty.jsonl");
    }

    /** Runs corpusbench in a JVM of its own, under a shell that sets the umask first. */
    private static Process launch(String umask, Path log, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$@\"", "sh", java,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void filesAndFoldersFollowTheUmask() throws Exception {
        Path out = tmp.resolve("out");
        Process p = launch("027", tmp.resolve("log"), "export", "--dataset", RELEASE.toString(), "--format", "brat",
                "--out", out.toString());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("log"))).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("annotation.conf"))))
                .isEqualTo("rw-r-----");
        Path json = tmp.resolve("report.json");
        Process q = launch("022", tmp.resolve("log2"), "evaluate", "--task", "nli", "--dataset", RELEASE.toString(),
                "--pred", RELEASE.resolve("nli.jsonl").toString(), "--resamples", "0", "--json", json.toString());
        assertThat(q.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).as(Files.readString(tmp.resolve("log2"))).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(json))).isEqualTo("rw-r--r--");
    }

    @Test
    void anExportStoppedBySigtermLeavesNeitherOutputNorTemporaryFiles() throws Exception {
        Path corpus = tmp.resolve("corpus");
        int docs = SyntheticData.writeJsonlCorpus(corpus, 40_000_000, 7);
        assertThat(docs).isGreaterThan(3000);
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path out = work.resolve("brat");
        Process p = launch("022", tmp.resolve("log"), "export", "--dataset", corpus.toString(), "--format", "brat",
                "--out", out.toString());
        boolean staged = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline) {
            File[] in = work.toFile().listFiles((d, n) -> n.contains(".partial"));
            File[] written = in == null || in.length == 0 ? null : in[0].listFiles();
            if (written != null && written.length > 10) {
                staged = true;
                break;
            }
            Thread.sleep(2);
        }
        assertThat(staged).as("the export was caught while writing; " + Files.readString(tmp.resolve("log"),
                StandardCharsets.UTF_8)).isTrue();
        p.destroy();  // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(names(work)).as("no output and no temporary sibling").isEmpty();
    }

    @Test
    void aFailedWriteToStandardOutputIsAFailure() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "stats", RELEASE.toString()).redirectOutput(new File("/dev/full"))
                .redirectError(tmp.resolve("err").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(Files.readString(tmp.resolve("err"))).contains("could not write the output to standard output");
    }

    @Test
    void anOutputThatIsALinkToAFolderIsWrittenThroughTheLinkAndADanglingOneIsRefused() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        CliTest.Run r = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "csv", "--out",
                link.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(names(real)).contains("documents.csv");
        assertThat(names(tmp)).containsExactlyInAnyOrder("real", "link");
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        CliTest.Run d = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "csv", "--out",
                dangling.toString());
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.err()).contains("is a symbolic link to nothing");
        assertThat(names(tmp)).containsExactlyInAnyOrder("real", "link", "dangling");
    }

    @Test
    void noReportOrLeaderboardIsWrittenIntoARelease() throws IOException {
        Path copy = org.corpusbench.dataset.ReleaseCopies.copy(RELEASE, tmp.resolve("1.0.1"));
        CliTest.Run e = CliTest.run("evaluate", "--task", "nli", "--dataset", RELEASE.toString(), "--pred",
                RELEASE.resolve("nli.jsonl").toString(), "--json", copy.resolve("r.json").toString());
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains("lies inside the release");
        CliTest.Run r = CliTest.run("run", "--root", ".", "--out", copy.toString(), "--resamples", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(copy.resolve("r.json")).doesNotExist();
        assertThat(copy.resolve("leaderboard.html")).doesNotExist();
    }

    @Test
    void anExportSaysWhichLayersItsFormatLeavesOut() {
        CliTest.Run brat = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "brat", "--out",
                tmp.resolve("b").toString());
        assertThat(brat.code()).as(brat.err()).isZero();
        assertThat(brat.err()).contains("note: brat does not hold 65 NLI pairs of this corpus");
        CliTest.Run conll = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "conll", "--out",
                tmp.resolve("c").toString());
        assertThat(conll.err()).contains("note: conll does not hold 24 dates, 19 contradictions, 65 NLI pairs");
        CliTest.Run csv = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "csv", "--out",
                tmp.resolve("s").toString());
        assertThat(csv.err()).isEmpty();
    }
}
