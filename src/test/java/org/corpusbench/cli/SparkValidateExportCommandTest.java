package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.corpusbench.spark.LocalSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corpusbench spark validate} and {@code spark export} (issue 16) through the command line: the same
 * output, exit codes and refusals as {@code validate} and {@code export}, and nothing written when refused.
 * On the tests' shared local[2] session.
 */
class SparkValidateExportCommandTest {

    private static final String RELEASE = "datasets/oreshnik-reports/1.1.0";

    @BeforeAll
    static void startSpark() {
        LocalSpark.session();
    }

    private static String[] spark(String... args) {
        List<String> a = new ArrayList<>(List.of("spark", "--master", "local[2]", "--parts", "3"));
        a.addAll(List.of(args));
        return a.toArray(new String[0]);
    }

    /** The release's JSONL files, with one annotation made wrong and one record given twice. */
    private static Path damaged(Path dir) throws IOException {
        for (String f : List.of("documents.jsonl", "annotations.jsonl", "contradictions.jsonl", "nli.jsonl")) {
            Files.copy(Path.of(RELEASE, f), dir.resolve(f));
        }
        Path ann = dir.resolve("annotations.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(ann, StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replaceFirst("\"start\":\\d+", "\"start\":-3"));
        lines.add(lines.get(2));
        Files.write(ann, lines, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void validatePrintsWhatValidatePrints(@TempDir Path dir) throws IOException {
        Path bad = damaged(dir);
        // seeds: a directory of .txt articles (refused on Spark until issue 16's review)
        for (String[] args : List.of(new String[] {"validate", RELEASE}, new String[] {"validate", bad.toString()},
                new String[] {"validate", "--predictions", "-q", bad.toString()}, new String[] {"validate", "seeds"},
                new String[] {"validate", "seeds", RELEASE + "/annotations.jsonl"})) {
            CliTest.Run one = CliTest.run(args);
            CliTest.Run onSpark = CliTest.run(spark(args));
            assertThat(onSpark.code()).as(String.join(" ", args)).isEqualTo(one.code());
            assertThat(onSpark.out()).isEqualTo(one.out());
            assertThat(onSpark.err()).isEqualTo(one.err());
        }
        assertThat(CliTest.run(spark("validate", bad.toString())).err())
                .contains("annotations.jsonl:2: entities[0].start", "duplicate record for document");
    }

    @Test
    void validateRefusesAMissingPathAsAUsageError(@TempDir Path dir) {
        CliTest.Run missing = CliTest.run(spark("validate", dir.resolve("nothing.jsonl").toString()));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nothing.jsonl: no such file or directory").doesNotContain("Exception");
        assertThat(CliTest.run(spark("--parts", "-1", "validate", RELEASE)).code()).isEqualTo(2);
        // the help says what the command reads on Spark: .txt and .csv documents too
        CliTest.Run help = CliTest.run("spark", "validate", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains(".txt articles and .csv files of documents")
                .doesNotContain("refused");
    }

    @Test
    void exportWritesPartsThatMakeTheSingleMachineFile(@TempDir Path dir) throws IOException {
        Path one = dir.resolve("one");
        Path parts = dir.resolve("parts");
        CliTest.Run single = CliTest.run("export", "--dataset", RELEASE, "--format", "conll", "--out", one.toString());
        CliTest.Run onSpark = CliTest.run(spark("export", "--dataset", RELEASE, "--format", "conll", "--out",
                parts.toString()));
        assertThat(single.code()).as(single.err()).isZero();
        assertThat(onSpark.code()).as(onSpark.err()).isZero();
        assertThat(onSpark.err()).isEqualTo(single.err()).contains("does not hold");
        assertThat(onSpark.out()).contains(parts.resolve("part-00000").resolve("oreshnik-reports-1.1.0.conll")
                .toString());
        StringBuilder joined = new StringBuilder();
        try (Stream<Path> s = Files.list(parts)) {
            for (Path part : s.sorted().toList()) {
                joined.append(Files.readString(part.resolve("oreshnik-reports-1.1.0.conll"), StandardCharsets.UTF_8));
            }
        }
        assertThat(joined.toString()).isEqualTo(Files.readString(one.resolve("oreshnik-reports-1.1.0.conll"),
                StandardCharsets.UTF_8));
    }

    /**
     * hf (refused on Spark until issue 16's review): each part holds its documents and sentences, numbered as in
     * the whole corpus, the Parquet copies of those, and the single-machine card, with the release card's
     * license and the languages given; the notes on standard error are export's.
     */
    @Test
    void exportHfWritesPartsThatMakeTheSingleMachineFiles(@TempDir Path dir) throws IOException {
        Path one = dir.resolve("one");
        Path many = dir.resolve("many");
        CliTest.Run single = CliTest.run("export", "--dataset", RELEASE, "--format", "hf", "--out", one.toString(),
                "--language", "en,ru");
        CliTest.Run spark = CliTest.run(spark("export", "--dataset", RELEASE, "--format", "hf", "--out",
                many.toString(), "--language", "en,ru"));
        assertThat(spark.code()).as(spark.err()).isEqualTo(single.code()).isZero();
        assertThat(spark.err()).isEqualTo(single.err());
        for (String name : List.of("documents.jsonl", "tokens.jsonl")) {
            StringBuilder joined = new StringBuilder();
            for (int k = 0; k < 3; k++) {
                joined.append(Files.readString(many.resolve("part-0000" + k).resolve(name), StandardCharsets.UTF_8));
            }
            assertThat(joined.toString()).as(name).isEqualTo(Files.readString(one.resolve(name),
                    StandardCharsets.UTF_8));
        }
        String card = Files.readString(one.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(card).contains("- en\n- ru\n");
        for (int k = 0; k < 3; k++) {
            assertThat(Files.readString(many.resolve("part-0000" + k).resolve("README.md"), StandardCharsets.UTF_8))
                    .isEqualTo(card);
            assertThat(many.resolve("part-0000" + k).resolve("documents.parquet")).isRegularFile();
            assertThat(many.resolve("part-0000" + k).resolve("tokens.parquet")).isRegularFile();
        }
    }

    @Test
    void exportRefusalsWriteNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        for (String[] args : List.of(
                new String[] {"export", "--dataset", RELEASE, "--format", "hf", "--license", "CC BY", "--out",
                    out.toString()},
                new String[] {"export", "--dataset", RELEASE, "--format", "conll", "--language", "en", "--out",
                    out.toString()},
                new String[] {"export", "--dataset", RELEASE, "--format", "timeml", "--dct", "2023-02-29", "--out",
                    out.toString()},
                new String[] {"export", "--dataset", RELEASE, "--format", "conll", "--dct-file", "x.tsv", "--out",
                    out.toString()},
                new String[] {"export", "--dataset", RELEASE, "--format", "csv", "--scheme", "IOB1", "--out",
                    out.toString()},
                new String[] {"export", "--dataset", RELEASE, "--format", "conll", "--name", "a/b", "--out",
                    out.toString()},
                new String[] {"export", "--dataset", dir.resolve("none").toString(), "--format", "conll", "--out",
                    out.toString()},
                // .txt articles: validated on Spark, but not exported there (they would be left out)
                new String[] {"export", "--dataset", "seeds", "--format", "conll", "--out", out.toString()})) {
            CliTest.Run r = CliTest.run(spark(args));
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).doesNotContain("Exception");
            assertThat(out).doesNotExist();
            if (args[2].equals("seeds")) {
                assertThat(r.err()).contains(".txt files are not exported on Spark", "corpusbench export");
            }
        }
        Path bad = damaged(Files.createDirectory(dir.resolve("bad")));
        CliTest.Run invalid = CliTest.run(spark("export", "--dataset", bad.toString(), "--format", "conll", "--out",
                out.toString()));
        assertThat(invalid.code()).isEqualTo(1);
        assertThat(invalid.err()).contains("entities[0].start");
        assertThat(out).doesNotExist();
        Files.createDirectory(out);
        Files.writeString(out.resolve("keep.txt"), "x");
        CliTest.Run exists = CliTest.run(spark("export", "--dataset", RELEASE, "--format", "conll", "--out",
                out.toString()));
        assertThat(exists.code()).isEqualTo(2);
        assertThat(exists.err()).contains("not empty");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("keep.txt");
        }
    }

    /**
     * Names Hadoop reads otherwise than a local command does: a colon (Hadoop's URI scheme) in a file name or
     * in --out, and a stale checksum file beside a JSONL file (Hadoop's local file system verifies it). Each
     * was an internal error (exit 3) or a raw URISyntaxException under spark, where the local commands
     * succeed.
     */
    @Test
    void colonsInNamesAndStaleChecksumFilesAreOrdinaryFiles(@TempDir Path dir) throws IOException {
        Path colon = Files.createDirectory(dir.resolve("colon"));
        Files.copy(Path.of(RELEASE, "documents.jsonl"), colon.resolve("docs:1.jsonl"));
        Files.copy(Path.of(RELEASE, "annotations.jsonl"), colon.resolve("ann:x.jsonl"));
        Path crc = Files.createDirectory(dir.resolve("crc"));
        Files.copy(Path.of(RELEASE, "documents.jsonl"), crc.resolve("documents.jsonl"));
        Files.writeString(crc.resolve(".documents.jsonl.crc"), "junk");
        for (String path : List.of(colon.toString(), colon.resolve("docs:1.jsonl").toString(), crc.toString())) {
            CliTest.Run one = CliTest.run("validate", path);
            CliTest.Run onSpark = CliTest.run(spark("validate", path));
            assertThat(onSpark.code()).as(path + "\n" + onSpark.err()).isEqualTo(one.code()).isZero();
            assertThat(onSpark.out()).isEqualTo(one.out());
        }
        Path out = dir.resolve("out:1");
        CliTest.Run export = CliTest.run(spark("export", "--dataset", colon.toString(), "--format", "conll",
                "--out", out.toString()));
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(out.resolve("part-00000").resolve("colon.conll")).exists();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))).isEmpty();
        }
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".crc"))).isEmpty();
        }
    }

    @Test
    void anOutputBelowAFileIsAUsageError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        CliTest.Run r = CliTest.run(spark("export", "--dataset", RELEASE, "--format", "conll", "--out",
                file.resolve("sub").toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("is a file, not a directory").doesNotContain("Exception");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("afile");
        }
    }
}
