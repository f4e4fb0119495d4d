package org.corpusbench.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.spark.api.java.JavaSparkContext;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.evaluation.BootstrapMethod;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.PredictionParts;
import org.corpusbench.evaluation.Predictions;
import org.corpusbench.evaluation.Task;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 2: JSONL predictions of entities, dates and NLI are read, checked and scored per document
 * (or pair) on Spark, in parts cut at line ends, and merged; the result is {@code evaluate}'s. A generated gold
 * of tens to hundreds of units, predictions that are random edits of it, and damage of every kind the
 * single-machine read reports (a record repeated, maybe in another part, in the place of another or not; one
 * missing; an unknown document or
 * pair; a line that is not JSON; a span whose text differs; labels without an id; blank lines, CRLF, a byte
 * order mark), lenient or not, for 1 to 9 parts: the result, or the refusal, is {@code evaluate}'s, and the
 * parts are used (not the one-piece read) exactly when the file has no problem.
 */
class SparkPredictionPartsTest {

    static final List<String> WORDS = List.of("Moscow", "said", "the", "Oreshnik", "missile", "struck", "Dnipro",
            "on", "Thursday", "Putin", "NATO", "Kyiv", "at", "dawn", "and");
    static final List<String> TYPES = List.of("PERSON", "GPE", "ORG", "PRODUCT");

    /** A generated gold: documents with entities and dates on whole words, NLI pairs over them. */
    record Gold(GoldCorpus corpus, List<String> entityLines, List<String> dateLines, List<String> nliLines) {
    }

    static Gold gold(Random r, Path dir) throws IOException {
        int n = 20 + r.nextInt(120);
        List<String> docs = new ArrayList<>();
        List<String> anns = new ArrayList<>();
        List<String> entityLines = new ArrayList<>();
        List<String> dateLines = new ArrayList<>();
        List<String> nli = new ArrayList<>();
        List<String> nliLines = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            StringBuilder text = new StringBuilder();
            List<int[]> words = new ArrayList<>();
            int length = 3 + r.nextInt(12);
            for (int w = 0; w < length; w++) {
                if (w > 0) {
                    text.append(r.nextInt(6) == 0 ? "\n" : " ");
                }
                String word = WORDS.get(r.nextInt(WORDS.size()));
                words.add(new int[] {text.codePointCount(0, text.length()), 0});
                text.append(word);
                words.get(w)[1] = text.codePointCount(0, text.length());
            }
            String t = text.toString();
            String id = "d" + d + (r.nextInt(5) == 0 ? "-é" : "");
            docs.add(JsonCodec.toJson(Document.of(id, t, "generated")));
            List<EntityMention> es = new ArrayList<>();
            List<EntityMention> predicted = new ArrayList<>();
            List<Timex3> ts = new ArrayList<>();
            List<Timex3> predictedTs = new ArrayList<>();
            for (int[] w : words) {
                Span s = Span.of(t, w[0], w[1]);
                if (r.nextInt(3) == 0) {
                    EntityMention e = new EntityMention(s, TYPES.get(r.nextInt(TYPES.size())), null);
                    es.add(e);
                    if (r.nextInt(4) > 0) {
                        predicted.add(r.nextInt(5) == 0 ? new EntityMention(s, TYPES.get(r.nextInt(TYPES.size())), null)
                                : e);
                    }
                } else if (r.nextInt(8) == 0) {
                    predicted.add(new EntityMention(s, TYPES.get(r.nextInt(TYPES.size())), null));
                }
                if (r.nextInt(6) == 0) {
                    Timex3 x = new Timex3("t" + (ts.size() + 1), s, TimexType.DATE, "2024-11-" + (10 + r.nextInt(20)),
                            null, null, null, null);
                    ts.add(x);
                    if (r.nextInt(3) > 0) {
                        predictedTs.add(r.nextInt(4) == 0 ? Timex3.of(s, TimexType.DATE, "2024-11-21") : x);
                    }
                }
            }
            anns.add(JsonCodec.toJson(new DocumentAnnotations(id, es, ts)));
            entityLines.add(JsonCodec.toJson(new DocumentAnnotations(id, predicted, List.of())));
            dateLines.add(JsonCodec.toJson(new DocumentAnnotations(id, List.of(), predictedTs)));
            if (r.nextInt(2) == 0) {
                String pid = "p" + d;
                NliLabel gold = NliLabel.values()[r.nextInt(3)];
                nli.add(JsonCodec.toJson(new NliPair(pid, new Segment(t, null, null),
                        new Segment("It happened.", null, null), gold, null)));
                nliLines.add("{\"id\": \"" + pid + "\", \"label\": \""
                        + NliLabel.values()[r.nextInt(3)].wireName() + "\"}");
            }
        }
        if (nli.isEmpty()) {
            nli.add(JsonCodec.toJson(new NliPair("p-only", new Segment("A.", null, null), new Segment("B.", null, null),
                    NliLabel.NEUTRAL, null)));
            nliLines.add("{\"id\": \"p-only\", \"label\": \"neutral\"}");
        }
        Files.write(dir.resolve("documents.jsonl"), docs, StandardCharsets.UTF_8);
        Files.write(dir.resolve("annotations.jsonl"), anns, StandardCharsets.UTF_8);
        Files.write(dir.resolve("nli.jsonl"), nli, StandardCharsets.UTF_8);
        return new Gold(GoldCorpus.read(dir), entityLines, dateLines, nliLines);
    }

    /** The kinds of damage a predictions file gets, each a problem {@link Predictions#read} reports, or none. */
    enum Damage { NONE, REPEAT, REPEAT_FOR_ANOTHER, DROP, UNKNOWN_ID, NOT_JSON, TEXT, ALIGNED, BLANKS_CRLF_BOM }

    @Property(tries = 30)
    void predictionsScoredInPartsAreEvaluates(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int which,
                                              @ForAll Damage damage, @ForAll boolean lenient,
                                              @ForAll @IntRange(min = 1, max = 9) int parts,
                                              @ForAll BootstrapMethod method,
                                              @ForAll @IntRange(min = 0, max = 30) int resamples) throws IOException {
        Task task = List.of(Task.ENTITIES, Task.DATES, Task.NLI).get(which);
        Random r = new Random(seed);
        Path dir = Files.createTempDirectory("corpusbench-parts");
        try {
            Gold g = gold(r, dir);
            List<String> lines = new ArrayList<>(task == Task.ENTITIES ? g.entityLines()
                    : task == Task.DATES ? g.dateLines() : g.nliLines());
            java.util.Collections.shuffle(lines, r);
            String text = damage(lines, damage, task, r);
            Path f = dir.resolve("predictions.jsonl");
            Files.write(f, text.getBytes(StandardCharsets.UTF_8));
            EvaluationSettings s = EvaluationSettings.defaults().withIntervals(resamples, seed).withBootstrap(method)
                    .withLenient(lenient);
            // the parts are used exactly when the file has no problem the one-piece read would report
            boolean problem;
            try {
                problem = !Predictions.read(f, g.corpus(), task.layer(), true).problems().isEmpty();
            } catch (CorpusFormatException e) {
                problem = true;
            }
            PredictionParts.Merged merged = SparkEvaluations.scoreInParts(
                    JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext()), task, g.corpus(),
                    f.toString(), s, parts);
            if (problem || damage == Damage.ALIGNED && task == Task.NLI) {
                assertThat(merged).as("parts of a file with a problem").isNull();
            } else {
                assertThat(merged).as("parts of a clean file").isNotNull();
            }
            SparkGoldEvaluationsTest.assertSame(task, g.corpus(), f, s, parts);
        } finally {
            SparkParquetPredictionsTest.delete(dir);
        }
    }

    /** The predictions' text after {@code damage}. */
    static String damage(List<String> lines, Damage damage, Task task, Random r) {
        int at = r.nextInt(lines.size());
        String eol = "\n";
        String bom = "";
        switch (damage) {
            case REPEAT -> lines.add(r.nextInt(lines.size() + 1), lines.get(at));
            case REPEAT_FOR_ANOTHER -> lines.set(at, lines.get((at + 1 + r.nextInt(lines.size())) % lines.size()));
            case DROP -> lines.remove(at);
            case UNKNOWN_ID -> lines.set(at, lines.get(at).replaceFirst(task == Task.NLI ? "\"id\": \"" : "\"doc_id\":\"",
                    task == Task.NLI ? "\"id\": \"x-" : "\"doc_id\":\"x-"));
            case NOT_JSON -> lines.set(at, lines.get(at).substring(0, lines.get(at).length() / 2));
            case TEXT -> lines.set(at, lines.get(at).replaceFirst("\"text\":\"[A-Za-z]", "\"text\":\"Q"));
            case ALIGNED -> {
                if (task == Task.NLI) {
                    lines.replaceAll(l -> l.replaceFirst("\"id\": \"[^\"]*\", ", ""));
                }
            }
            case BLANKS_CRLF_BOM -> {
                lines.add(r.nextInt(lines.size() + 1), "");
                lines.add(r.nextInt(lines.size() + 1), "   ");
                eol = "\r\n";
                bom = "\uFEFF";
            }
            default -> {
            }
        }
        return bom + String.join(eol, lines) + (r.nextBoolean() ? eol : "");
    }

    /**
     * Contradiction predictions in parts: the release's gold pairs, a random subset in random order, some with
     * their evidence swapped, and damage (a pair twice, maybe
     * in another part; an unknown document; a line that is not JSON; an empty file), span or sentence matching,
     * lenient or not, --allow-empty or not, 1 to 9 parts: {@code evaluate}'s result or refusal, and the parts used
     * exactly when the file has a pair and no problem.
     */
    @Property(tries = 25)
    void contradictionsScoredInPartsAreEvaluates(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int damage,
                                                 @ForAll boolean bySentence, @ForAll boolean lenient,
                                                 @ForAll boolean allowEmpty,
                                                 @ForAll @IntRange(min = 1, max = 9) int parts,
                                                 @ForAll BootstrapMethod method,
                                                 @ForAll @IntRange(min = 0, max = 30) int resamples) throws IOException {
        Random r = new Random(seed);
        Path release = Path.of("datasets/oreshnik-reports/1.1.0");
        GoldCorpus gold = org.corpusbench.evaluation.Evaluations.gold(Task.CONTRADICTIONS, release, null);
        List<String> lines = new ArrayList<>();
        List<String> all = Files.readAllLines(release.resolve("contradictions.jsonl"), StandardCharsets.UTF_8);
        for (String line : all) {
            if (r.nextInt(3) > 0) {
                // now and then with its evidence swapped, which matches the same gold pair
                lines.add(r.nextInt(4) > 0 ? line : line.replaceFirst("\"a\":", "\"x\":")
                        .replaceFirst("\"b\":", "\"a\":").replaceFirst("\"x\":", "\"b\":"));
            }
        }
        java.util.Collections.shuffle(lines, r);
        switch (damage) {
            case 1 -> lines.add(r.nextInt(lines.size() + 1), lines.get(r.nextInt(Math.max(1, lines.size()))));
            case 2 -> lines.set(0, lines.get(0).replaceFirst("\"doc_id\": ?\"", "\"doc_id\":\"x-"));
            case 3 -> lines.set(0, "{\"type\": ");
            case 4 -> lines.clear();
            default -> {
            }
        }
        Path dir = Files.createTempDirectory("corpusbench-parts");
        try {
            Path f = dir.resolve("contradictions.jsonl");
            Files.writeString(f, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            EvaluationSettings s = EvaluationSettings.defaults().withIntervals(resamples, seed).withBootstrap(method)
                    .withLenient(lenient).withAllowEmpty(allowEmpty)
                    .withMatching(bySentence ? org.corpusbench.evaluation.ContradictionMatching.SENTENCE
                            : org.corpusbench.evaluation.ContradictionMatching.SPAN);
            boolean problem;
            try {
                Predictions.Read read = Predictions.read(f, gold, Task.CONTRADICTIONS.layer(), true, allowEmpty);
                problem = !read.problems().isEmpty() || read.contradictions().isEmpty();
            } catch (CorpusFormatException e) {
                problem = true;
            }
            PredictionParts.Merged merged = SparkEvaluations.scoreInParts(
                    JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext()), Task.CONTRADICTIONS, gold,
                    f.toString(), s, parts);
            assertThat(merged == null).as("parts not used").isEqualTo(problem);
            SparkGoldEvaluationsTest.assertSame(Task.CONTRADICTIONS, gold, f, s, parts);
        } finally {
            SparkParquetPredictionsTest.delete(dir);
        }
    }

    /**
     * A record in another part in the place of a record left out: as many units as the gold has, but one twice;
     * only the count of distinct ids over the parts finds it (the Poisson bootstrap keeps no rows).
     */
    @Test
    void aUnitPredictedInTwoPartsInThePlaceOfAnotherIsRefusedAsEvaluateRefusesIt() throws IOException {
        for (Task task : List.of(Task.ENTITIES, Task.DATES, Task.NLI)) {
            Path dir = Files.createTempDirectory("corpusbench-parts");
            try {
                Gold g = gold(new Random(11), dir);
                List<String> lines = new ArrayList<>(task == Task.ENTITIES ? g.entityLines()
                        : task == Task.DATES ? g.dateLines() : g.nliLines());
                lines.set(lines.size() - 1, lines.get(0));
                Path f = dir.resolve("predictions.jsonl");
                Files.write(f, lines, StandardCharsets.UTF_8);
                EvaluationSettings s = EvaluationSettings.defaults().withIntervals(20, 3)
                        .withBootstrap(BootstrapMethod.POISSON);
                assertThat(SparkEvaluations.scoreInParts(
                        JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext()), task, g.corpus(),
                        f.toString(), s, 2)).as(task.wireName()).isNull();
                SparkGoldEvaluationsTest.assertSame(task, g.corpus(), f, s, 2);
                SparkGoldEvaluationsTest.assertSame(task, g.corpus(), f, s.withLenient(true), 3);
            } finally {
                SparkParquetPredictionsTest.delete(dir);
            }
        }
    }

    /** Predictions named by a Hadoop URI are read through Hadoop, by the executors and by the driver alike. */
    @Test
    void predictionsAtAHadoopUriScoreAsTheLocalFile() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-parts");
        try {
            Gold g = gold(new Random(5), dir);
            Path f = dir.resolve("predictions.jsonl");
            String uri = f.toUri().toString();
            assertThat(uri).startsWith("file:/");
            EvaluationSettings s = EvaluationSettings.defaults().withIntervals(30, 2)
                    .withBootstrap(BootstrapMethod.POISSON);
            for (Damage damage : List.of(Damage.NONE, Damage.TEXT, Damage.REPEAT_FOR_ANOTHER)) {
                List<String> lines = new ArrayList<>(g.entityLines());
                Files.writeString(f, damage(lines, damage, Task.ENTITIES, new Random(3)) + "\n");
                Object local = SparkGoldEvaluationsTest.outcome(() -> org.corpusbench.evaluation.Evaluations.evaluate(
                        Task.ENTITIES, g.corpus(), f, s));
                Object hadoop = SparkGoldEvaluationsTest.outcome(() -> SparkEvaluations.evaluate(LocalSpark.session(),
                        Task.ENTITIES, g.corpus(), uri, s, 3));
                if (local instanceof String refused) {
                    assertThat(hadoop).as(damage.name()).isEqualTo(refused.replace(f.toString(), uri));
                } else {
                    org.corpusbench.evaluation.EvaluationResult a = (org.corpusbench.evaluation.EvaluationResult) local;
                    org.corpusbench.evaluation.EvaluationResult b = (org.corpusbench.evaluation.EvaluationResult) hadoop;
                    assertThat(b.scores()).isEqualTo(a.scores());
                    assertThat(b.intervals()).isEqualTo(a.intervals());
                    assertThat(b.toText()).isEqualTo(a.toText());
                    assertThat(b.provenance().inputs().get(0).path()).isEqualTo(uri);
                    assertThat(b.provenance().inputs().get(0).sha256())
                            .isEqualTo(a.provenance().inputs().get(0).sha256());
                }
            }
        } finally {
            SparkParquetPredictionsTest.delete(dir);
        }
    }

    /** What an executor in another JVM decodes is the gold sent: every layer a part scores against. */
    @Test
    void theGoldSentToExecutorsReadsBackEqual() throws Exception {
        Path dir = Files.createTempDirectory("corpusbench-parts");
        try {
            readsBackEqual(gold(new Random(7), dir).corpus());
            readsBackEqual(org.corpusbench.evaluation.Evaluations.gold(Task.CONTRADICTIONS,
                    Path.of("datasets/oreshnik-reports/1.1.0"), null));
        } finally {
            SparkParquetPredictionsTest.delete(dir);
        }
    }

    static void readsBackEqual(GoldCorpus g) throws Exception {
        {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            GoldShipment sent = new GoldShipment(g, false);
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(sent);
            }
            // released here, as after a job: the copy received decodes its bytes, as an executor's does
            sent.release();
            assertThatThrownBy(sent::gold).isInstanceOf(IllegalStateException.class);
            GoldCorpus back;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                back = ((GoldShipment) in.readObject()).gold();
            }
            assertThat(back.name()).isEqualTo(g.name());
            assertThat(back.documents()).isEqualTo(g.documents());
            assertThat(back.annotations()).isEqualTo(g.annotations());
            assertThat(back.nliPairs()).isEqualTo(g.nliPairs());
            assertThat(back.contradictions()).isEqualTo(g.contradictions());
            assertThat(List.copyOf(back.documents().keySet())).isEqualTo(List.copyOf(g.documents().keySet()));
            assertThat(back.version()).isEqualTo(g.version());
            assertThat(back.fingerprint()).isEqualTo(g.fingerprint());
        }
    }
}
