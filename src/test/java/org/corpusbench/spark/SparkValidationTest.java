package org.corpusbench.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.spark.sql.SparkSession;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.schema.CorpusValidator.Role;
import org.corpusbench.schema.DamagedCorpora;

/**
 * Validation on Spark gives exactly the diagnostics of {@link CorpusValidator#validate} (issue 16): the same
 * files, lines, columns, fields, messages and severities in the same order, on the random corpora that the
 * validator's own equivalence test damages (records mutated, lines cut, invalid UTF-8, byte order marks, CR LF,
 * duplicates, documents missing, paths given twice or missing), cut into a random number of parts, on one
 * local[2] session.
 */
class SparkValidationTest {

    private static final String DOC = "{\"id\":\"d1\",\"text\":\"Minsk \uD83D\uDE80.\",\"sha256\":\"" + "0".repeat(64)
            + "\"}";
    private static final String ANN = "{\"doc_id\":\"d1\",\"entities\":[{\"start\":0,\"end\":5,\"text\":\"Minsk\","
            + "\"type\":\"GPE\"}],\"timexes\":[]}";

    private static SparkSession spark() {
        return LocalSpark.session();
    }

    @Provide
    Arbitrary<DamagedCorpora.Damaged> corpora() {
        return DamagedCorpora.corpora();
    }

    @Property(tries = 20, edgeCases = EdgeCasesMode.NONE)
    void sameDiagnosticsAsTheValidator(@ForAll("corpora") DamagedCorpora.Damaged corpus,
                                       @ForAll @IntRange(min = 1, max = 60) int parts, @ForAll Role role)
            throws IOException {
        Path dir = Files.createTempDirectory("cb-spark-validate");
        try {
            List<Path> paths = corpus.write(dir);
            List<Diagnostic> expected = CorpusValidator.validate(paths, role);
            assertThat(SparkValidation.validate(spark(), paths.stream().map(Path::toString).toList(), role, parts))
                    .isEqualTo(expected);
        } finally {
            delete(dir);
        }
    }

    @Example
    void duplicatesUnknownDocumentsAndNoticesAcrossParts() throws IOException {
        Path dir = Files.createTempDirectory("cb-spark-validate");
        try {
            // documents.jsonl: d1 twice (line 2 a duplicate of line 1); annotations.jsonl: d1 twice (line 3 a
            // duplicate of line 1), then one of an unknown document d9; other.jsonl: no documents at all needed
            Files.writeString(dir.resolve("documents.jsonl"), DOC + "\n" + DOC + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("annotations.jsonl"), ANN + "\n\n" + ANN + "\n" + ANN.replace("d1", "d9")
                    + "\n", StandardCharsets.UTF_8);
            List<String> paths = List.of(dir.toString());
            List<Diagnostic> expected = CorpusValidator.validate(List.of(dir), Role.GOLD);
            assertThat(expected).extracting(d -> d.location().toString() + " " + d.message()).containsExactly(
                    dir + "/annotations.jsonl:3 duplicate record for document 'd1'; expected one line per document",
                    dir + "/annotations.jsonl:4 unknown document 'd9'; expected one of the 1 documents given",
                    dir + "/documents.jsonl:2 duplicate document id 'd1', first seen at " + dir + "/documents.jsonl:1");
            for (int parts : new int[] {1, 2, 7, 40}) {
                assertThat(SparkValidation.validate(spark(), paths, Role.GOLD, parts)).as(parts + " parts")
                        .isEqualTo(expected);
            }
            assertThat(SparkValidation.validate(spark(), paths, Role.GOLD)).as("automatic parts").isEqualTo(expected);
        } finally {
            delete(dir);
        }
    }

    @Example
    void noDocumentsIsSaidOncePerFile() throws IOException {
        Path dir = Files.createTempDirectory("cb-spark-validate");
        try {
            Files.writeString(dir.resolve("a.jsonl"), (ANN + "\n").repeat(3), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("b.jsonl"), ANN.replace("d1", "d2") + "\n", StandardCharsets.UTF_8);
            List<Diagnostic> expected = CorpusValidator.validate(List.of(dir), Role.PREDICTIONS);
            assertThat(expected.stream().filter(d -> d.message().equals(CorpusValidator.NO_DOCUMENTS))).hasSize(2);
            assertThat(SparkValidation.validate(spark(), List.of(dir.toString()), Role.PREDICTIONS, 3))
                    .isEqualTo(expected);
        } finally {
            delete(dir);
        }
    }

    @Example
    void aManifestAnEmptyFileAMissingPathAndAnEmptyDirectory() throws IOException {
        Path dir = Files.createTempDirectory("cb-spark-validate");
        try {
            Path release = Files.createDirectory(dir.resolve("release"));
            Files.writeString(release.resolve("manifest.json"), "{\"name\": 3}", StandardCharsets.UTF_8);
            Files.writeString(release.resolve("documents.jsonl"), "\uFEFF" + DOC + "\n", StandardCharsets.UTF_8);
            Files.writeString(release.resolve("empty.jsonl"), "\n \n", StandardCharsets.UTF_8);
            Path empty = Files.createDirectory(dir.resolve("empty"));
            Path notes = Files.writeString(dir.resolve("notes.md"), "# notes", StandardCharsets.UTF_8);
            List<Path> paths = List.of(release, empty, dir.resolve("missing.jsonl"), notes);
            List<Diagnostic> expected = CorpusValidator.validate(paths, Role.GOLD);
            assertThat(expected).extracting(Diagnostic::message).contains(
                    "no such file or directory", "UTF-8 byte order mark skipped",
                    "unknown kind of file; expected .txt, .csv, .jsonl or manifest.json");
            assertThat(expected).anyMatch(d -> d.location().file().endsWith("manifest.json"));
            assertThat(SparkValidation.validate(spark(), paths.stream().map(Path::toString).toList(), Role.GOLD, 2))
                    .isEqualTo(expected);
        } finally {
            delete(dir);
        }
    }

    /**
     * .txt articles and .csv files of documents (issue 16: once refused on Spark) give the validator's
     * diagnostics: byte order marks, invalid UTF-8, blank texts, an empty id, CSV files without a text column,
     * with quoted line feeds, broken quotes or only a header, ids given twice across .txt, .csv and JSONL files,
     * and annotations checked against the texts they point into, whatever the number of parts.
     */
    @Property(tries = 15, edgeCases = EdgeCasesMode.NONE)
    void textAndCsvDocumentsAsTheValidatorChecksThem(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int parts,
                                                     @ForAll Role role) throws IOException {
        Path dir = Files.createTempDirectory("cb-spark-validate");
        try {
            List<Path> paths = DocumentFiles.write(dir, new Random(seed));
            List<Diagnostic> expected = CorpusValidator.validate(paths, role);
            assertThat(SparkValidation.validate(spark(), paths.stream().map(Path::toString).toList(), role, parts))
                    .as("seed %d", seed).isEqualTo(expected);
        } finally {
            delete(dir);
        }
    }

    @Example
    void textAndCsvDocumentsJoinTheJsonlRecords() throws IOException {
        Path dir = Files.createTempDirectory("cb-spark-validate");
        try {
            // d1.txt (read first: '1' sorts before 'o') is the document the annotations point into; docs.csv gives
            // d1 again (a duplicate of the .txt, with a quoted line feed, so d3's rows are on lines 5 and 6), a
            // blank text for d2, and d3 twice, which the CSV reader refuses at the second row
            Files.writeString(dir.resolve("d1.txt"), "\uFEFFMinsk \uD83D\uDE80.", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("docs.csv"), "id,text\nd1,\"Minsk\nagain\"\nd2,\" \"\nd3,x\nd3,y\n",
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("annotations.jsonl"), ANN + "\n", StandardCharsets.UTF_8);
            List<Diagnostic> expected = CorpusValidator.validate(List.of(dir), Role.GOLD);
            assertThat(expected).extracting(d -> d.location().toString() + " " + d.message()).containsExactly(
                    dir + "/d1.txt:1 UTF-8 byte order mark skipped; offsets start after it",
                    dir + "/docs.csv duplicate document id 'd1', first seen at " + dir + "/d1.txt",
                    dir + "/docs.csv the document has no text (it is empty or white space); expected an article",
                    dir + "/docs.csv:6 duplicate document id 'd3', first seen at " + dir + "/docs.csv:5");
            for (int parts : new int[] {1, 2, 5}) {
                assertThat(SparkValidation.validate(spark(), List.of(dir.toString()), Role.GOLD, parts))
                        .as(parts + " parts").isEqualTo(expected);
            }
        } finally {
            delete(dir);
        }
    }

    @Example
    void aDirectorysFilesInTheValidatorsOrder() throws IOException {
        Path dir = Files.createTempDirectory("cb-spark-validate");
        try {
            // U+FF21 sorts before U+1F680 by UTF-8 bytes (as paths sort) and after it by UTF-16 (as strings do):
            // the order decides which file's document is the first and which the duplicate
            Files.writeString(dir.resolve("\uFF21.jsonl"), DOC + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("\uD83D\uDE80.jsonl"), DOC + "\n", StandardCharsets.UTF_8);
            List<Diagnostic> expected = CorpusValidator.validate(List.of(dir), Role.GOLD);
            assertThat(expected).singleElement().satisfies(d -> assertThat(d.location().file())
                    .endsWith("\uD83D\uDE80.jsonl"));
            assertThat(SparkValidation.validate(spark(), List.of(dir.toString()), Role.GOLD, 2)).isEqualTo(expected);
        } finally {
            delete(dir);
        }
    }

    @Example
    void partsOutsideTheirRangeAreRefused() {
        for (int parts : new int[] {-1, SparkEvaluations.MAX_PARTS + 1}) {
            assertThatThrownBy(() -> SparkValidation.validate(spark(), List.of("x.jsonl"), Role.GOLD, parts))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parts: " + parts + "; expected 0 (automatic) to " + SparkEvaluations.MAX_PARTS);
            assertThatThrownBy(() -> new SparkExport.Options("x", org.corpusbench.tags.TagScheme.IOB2, false, parts,
                    false)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parts: " + parts + "; expected 0 (automatic) to " + SparkEvaluations.MAX_PARTS);
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
