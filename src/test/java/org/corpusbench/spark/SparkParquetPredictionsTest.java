package org.corpusbench.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.evaluation.BootstrapMethod;
import org.corpusbench.evaluation.EvaluationResult;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.Evaluations;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.PredictionParts;
import org.corpusbench.evaluation.Predictions;
import org.corpusbench.evaluation.Task;
import org.corpusbench.internal.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 1: predictions in Parquet, a row per JSONL record, score as the JSONL file they were written
 * from: the same figures, intervals and tables, and the same refusals, which name the Parquet path and number
 * its rows as lines (the files of a folder in the order of their names). The Parquet is written by Spark from
 * the JSONL, one file or a folder of 1 to 4 files, and scored in 0 to 5 partitions.
 */
class SparkParquetPredictionsTest {

    /** Damage that keeps every line a JSON record, so that Spark can write it as a row. */
    static final List<SparkPredictionPartsTest.Damage> ROW_DAMAGE = List.of(SparkPredictionPartsTest.Damage.NONE,
            SparkPredictionPartsTest.Damage.REPEAT, SparkPredictionPartsTest.Damage.REPEAT_FOR_ANOTHER,
            SparkPredictionPartsTest.Damage.DROP, SparkPredictionPartsTest.Damage.UNKNOWN_ID,
            SparkPredictionPartsTest.Damage.TEXT);

    @Property(tries = 15)
    void parquetPredictionsScoreAsTheirJsonl(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int which,
                                             @ForAll @IntRange(min = 0, max = 5) int damage,
                                             @ForAll @IntRange(min = 0, max = 4) int files,
                                             @ForAll @IntRange(min = 0, max = 5) int parts,
                                             @ForAll BootstrapMethod method, @ForAll boolean lenient)
            throws IOException {
        Task task = List.of(Task.ENTITIES, Task.DATES, Task.NLI).get(which);
        Random r = new Random(seed);
        Path dir = Files.createTempDirectory("corpusbench-parquet");
        try {
            SparkPredictionPartsTest.Gold g = SparkPredictionPartsTest.gold(r, Files.createDirectory(
                    dir.resolve("gold")));
            List<String> lines = new ArrayList<>(task == Task.ENTITIES ? g.entityLines()
                    : task == Task.DATES ? g.dateLines() : g.nliLines());
            java.util.Collections.shuffle(lines, r);
            String text = SparkPredictionPartsTest.damage(lines, ROW_DAMAGE.get(damage), task, r).strip();
            Path jsonl = dir.resolve("predictions.jsonl");
            Files.writeString(jsonl, text + "\n", StandardCharsets.UTF_8);
            Path parquet = dir.resolve("predictions.parquet");
            writeParquet(text.lines().toList(), parquet, files, dir);
            EvaluationSettings s = EvaluationSettings.defaults().withIntervals(25, seed).withBootstrap(method)
                    .withLenient(lenient);
            Object fromJsonl = SparkGoldEvaluationsTest.outcome(() -> Evaluations.evaluate(task, g.corpus(), jsonl,
                    s));
            Object fromParquet = SparkGoldEvaluationsTest.outcome(() -> SparkEvaluations.evaluateParquet(
                    LocalSpark.session(), task, g.corpus(), parquet.toString(), s, parts));
            // the rows are scored in parts exactly when the file has no problem
            PredictionParts.Merged merged = SparkEvaluations.scoreInParts(
                    JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext()), task, g.corpus(),
                    ParquetPredictions.open(LocalSpark.session(), parquet.toString()), s, parts);
            boolean problem;
            try {
                problem = !Predictions.read(jsonl, g.corpus(), task.layer(), true).problems().isEmpty();
            } catch (CorpusFormatException e) {
                problem = true;
            }
            assertThat(merged == null).as("parts not used").isEqualTo(problem);
            if (fromJsonl instanceof String refused) {
                assertThat(fromParquet).isEqualTo(refused.replace(jsonl.toString(), parquet.toString()));
                return;
            }
            EvaluationResult a = (EvaluationResult) fromJsonl;
            assertThat(fromParquet).isInstanceOf(EvaluationResult.class);
            EvaluationResult b = (EvaluationResult) fromParquet;
            assertThat(b.scores()).isEqualTo(a.scores());
            assertThat(b.intervals()).isEqualTo(a.intervals());
            assertThat(b.toText()).isEqualTo(a.toText());
            assertThat(b.notes()).isEqualTo(a.notes().stream().map(n -> n.replace(jsonl.toString(),
                    parquet.toString())).toList());
            assertThat(b.provenance().inputs().get(0).path()).isEqualTo(parquet.toString());
            assertThat(b.toJson()).contains("\"format\" : \"parquet\"");
        } finally {
            delete(dir);
        }
    }

    /**
     * Writes {@code lines} as Parquet at {@code out}: one file when {@code files} is 0, else a folder of that
     * many files holding the lines in order, named so that their names sort in that order.
     */
    static void writeParquet(List<String> lines, Path out, int files, Path scratch) throws IOException {
        SparkSession spark = LocalSpark.session();
        int n = Math.max(1, files);
        Path folder = files == 0 ? scratch.resolve("one-file") : out;
        for (int k = 0; k < n; k++) {
            List<String> chunk = lines.subList(lines.size() * k / n, lines.size() * (k + 1) / n);
            Path part = scratch.resolve("chunk-" + k + ".jsonl");
            Files.write(part, chunk.isEmpty() ? List.of(lines.get(0)) : chunk, StandardCharsets.UTF_8);
            Path written = scratch.resolve("written-" + k);
            spark.read().json(part.toString()).coalesce(1).write().parquet(written.toString());
            Path data;
            try (Stream<Path> s = Files.list(written)) {
                data = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            }
            if (chunk.isEmpty()) {
                continue; // a folder with fewer files than asked, rather than a file with a line twice
            }
            Files.createDirectories(folder);
            Files.move(data, folder.resolve("part-" + k + ".parquet"));
        }
        if (files == 0) {
            Files.move(folder.resolve("part-0.parquet"), out);
        }
    }

    /** Contradiction pairs as Parquet rows, one file or a folder of three: scored in parts as their JSONL. */
    @Test
    void contradictionRowsScoreAsTheirJsonl(@TempDir Path dir) throws IOException {
        Path release = Path.of("datasets/oreshnik-reports/1.1.0");
        GoldCorpus gold = Evaluations.gold(Task.CONTRADICTIONS, release, null);
        List<String> lines = new ArrayList<>();
        List<String> all = Files.readAllLines(release.resolve("contradictions.jsonl"), StandardCharsets.UTF_8);
        for (int i = 0; i < all.size(); i++) {
            if (i % 3 != 1) {
                lines.add(all.get(i));
            }
        }
        Path jsonl = dir.resolve("pairs.jsonl");
        Files.write(jsonl, lines, StandardCharsets.UTF_8);
        for (int files : List.of(0, 3)) {
            Path parquet = dir.resolve("pairs-" + files + ".parquet");
            writeParquet(lines, parquet, files, Files.createDirectory(dir.resolve("scratch-" + files)));
            for (boolean sentence : List.of(false, true)) {
                EvaluationSettings s = EvaluationSettings.defaults().withIntervals(40, 5)
                        .withBootstrap(sentence ? BootstrapMethod.POISSON : BootstrapMethod.CLASSIC)
                        .withMatching(sentence ? org.corpusbench.evaluation.ContradictionMatching.SENTENCE
                                : org.corpusbench.evaluation.ContradictionMatching.SPAN);
                assertThat(SparkEvaluations.scoreInParts(JavaSparkContext.fromSparkContext(
                        LocalSpark.session().sparkContext()), Task.CONTRADICTIONS, gold,
                        ParquetPredictions.open(LocalSpark.session(), parquet.toString()), s, 0)).isNotNull();
                EvaluationResult a = Evaluations.evaluate(Task.CONTRADICTIONS, gold, jsonl, s);
                EvaluationResult b = SparkEvaluations.evaluateParquet(LocalSpark.session(), Task.CONTRADICTIONS,
                        gold, parquet.toString(), s, 0);
                assertThat(b.scores()).isEqualTo(a.scores());
                assertThat(b.intervals()).isEqualTo(a.intervals());
                assertThat(b.toText()).isEqualTo(a.toText());
            }
        }
    }

    /**
     * A Parquet path is read as it is named: not as a pattern ({@code w[1].parquet} is not {@code w1.parquet}),
     * with a colon in its name, beside a stale checksum file; a hidden name given directly and a folder below the
     * data files are refused, not read as nothing. (An attack on this command found each.)
     */
    @Test
    void aParquetPathIsReadAsItIsNamed(@TempDir Path dir) throws IOException {
        GoldCorpus gold = Evaluations.gold(Task.NLI, SparkGoldEvaluationsTest.RELEASE, null);
        List<String> ids = gold.nliPairs().stream().map(p -> p.id()).toList();
        List<String> neutral = ids.stream().map(id -> "{\"id\": \"" + id + "\", \"label\": \"neutral\"}").toList();
        List<String> entailed = ids.stream().map(id -> "{\"id\": \"" + id + "\", \"label\": \"entailment\"}")
                .toList();
        Path jsonl = dir.resolve("neutral.jsonl");
        Files.write(jsonl, neutral, StandardCharsets.UTF_8);
        EvaluationSettings s = EvaluationSettings.defaults().withIntervals(0, 1);
        Object expected = Evaluations.evaluate(Task.NLI, gold, jsonl, s).scores();
        Path named = dir.resolve("w[1].parquet");
        writeParquet(neutral, named, 0, Files.createDirectory(dir.resolve("s1")));
        writeParquet(entailed, dir.resolve("w1.parquet"), 0, Files.createDirectory(dir.resolve("s2")));
        Path colon = dir.resolve("c:d.parquet");
        Files.copy(named, colon);
        Path folder = dir.resolve("folder{a,b}");
        writeParquet(neutral, folder, 2, Files.createDirectory(dir.resolve("s3")));
        Files.writeString(folder.resolve(".part-0.parquet.crc"), "stale");
        for (Path p : List.of(named, colon, folder)) {
            assertThat(SparkEvaluations.evaluateParquet(LocalSpark.session(), Task.NLI, gold, p.toString(), s, 0)
                    .scores()).as(p.toString()).isEqualTo(expected);
        }
        Path hidden = dir.resolve("_x.parquet");
        Files.copy(named, hidden);
        assertThatThrownBy(() -> SparkEvaluations.evaluateParquet(LocalSpark.session(), Task.NLI, gold,
                hidden.toString(), s, 0)).isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith(hidden + ": is a hidden file to Spark and Hadoop");
        Files.createDirectory(folder.resolve("sub"));
        assertThatThrownBy(() -> SparkEvaluations.evaluateParquet(LocalSpark.session(), Task.NLI, gold,
                folder.toString(), s, 0)).isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith(folder + "/sub: is a folder; expected a folder of Parquet files only");
    }

    @Test
    void aFolderIsNamedByItsFilesAndAFileByItsBytes(@TempDir Path dir) throws IOException {
        List<String> lines = List.of("{\"id\": \"p1\", \"label\": \"neutral\"}", "{\"id\": \"p2\", \"label\": \"entailment\"}");
        Path one = dir.resolve("one.parquet");
        writeParquet(lines, one, 0, Files.createDirectory(dir.resolve("s1")));
        Path folder = dir.resolve("folder");
        writeParquet(lines, folder, 2, Files.createDirectory(dir.resolve("s2")));
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Files.writeString(folder.resolve(".part-0.parquet.crc"), "x");
        assertThat(ParquetPredictions.open(LocalSpark.session(), one.toString()).sha256())
                .isEqualTo(Hashes.sha256(one));
        String expected = "part-0.parquet\t" + Hashes.sha256(folder.resolve("part-0.parquet")) + "\n"
                + "part-1.parquet\t" + Hashes.sha256(folder.resolve("part-1.parquet")) + "\n";
        assertThat(ParquetPredictions.open(LocalSpark.session(), folder.toString()).sha256())
                .isEqualTo(Hashes.sha256(expected.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whatIsNotParquetIsRefusedWithItsName(@TempDir Path dir) throws IOException {
        GoldCorpus gold = Evaluations.gold(Task.NLI, SparkGoldEvaluationsTest.RELEASE, null);
        Path jsonl = dir.resolve("labels.jsonl");
        Files.writeString(jsonl, "{\"id\": \"n001\", \"label\": \"neutral\"}\n");
        EvaluationSettings s = EvaluationSettings.defaults();
        assertThatThrownBy(() -> SparkEvaluations.evaluateParquet(LocalSpark.session(), Task.NLI, gold,
                jsonl.toString(), s, 0)).isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith(jsonl + ": could not be read as Parquet (")
                .hasMessageEndingWith("expected a Parquet file, or a folder of Parquet files, with a row per "
                        + "prediction record");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("_SUCCESS"), "");
        assertThatThrownBy(() -> SparkEvaluations.evaluateParquet(LocalSpark.session(), Task.NLI, gold,
                empty.toString(), s, 0)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(empty + ": holds no data file; expected a Parquet file, or a folder of Parquet files, "
                        + "with a row per prediction record");
        Path mixed = Files.createDirectory(dir.resolve("mixed"));
        writeParquet(List.of("{\"id\": \"n001\", \"label\": \"neutral\"}"), mixed.resolve("a.parquet"), 0,
                Files.createDirectory(dir.resolve("s")));
        Files.copy(jsonl, mixed.resolve("b.parquet"));
        assertThatThrownBy(() -> SparkEvaluations.evaluateParquet(LocalSpark.session(), Task.NLI, gold,
                mixed.toString(), s, 0)).isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith(mixed + "/b.parquet: could not be read as Parquet (");
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
