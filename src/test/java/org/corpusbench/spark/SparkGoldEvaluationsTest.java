package org.corpusbench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.InvalidInputException;
import org.corpusbench.evaluation.BootstrapMethod;
import org.corpusbench.evaluation.ContradictionMatching;
import org.corpusbench.evaluation.EvaluationResult;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.Evaluations;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.Task;

/**
 * Issue 16: entities, dates, contradictions and NLI against a gold, on Spark, give exactly what
 * {@code evaluate} gives: the same text, JSON and page, scores and intervals, for any number of partitions of
 * the bootstrap's units (documents, pairs of documents, NLI pairs, each keyed by its id). The predictions are
 * random edits of the release's own gold (records dropped, entity types changed, NLI labels drawn), so that
 * every figure varies; all run on the tests' one local[2] session ({@link LocalSpark}).
 */
class SparkGoldEvaluationsTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TYPES = List.of("PERSON", "GPE", "ORG", "NORP", "PRODUCT", "LOC");
    static final List<String> LABELS = List.of("entailment", "neutral", "contradiction");

    @Property(tries = 20)
    void entitiesAndDatesOnSparkAreEvaluates(@ForAll long edits, @ForAll boolean dates,
                                             @ForAll @IntRange(min = 1, max = 6) int parts,
                                             @ForAll BootstrapMethod method,
                                             @ForAll @IntRange(min = 0, max = 40) int resamples,
                                             @ForAll boolean conll4) throws IOException {
        Random r = new Random(edits);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(RELEASE.resolve("annotations.jsonl"), StandardCharsets.UTF_8)) {
            ObjectNode doc = (ObjectNode) JSON.readTree(line);
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode x : doc.get(dates ? "timexes" : "entities")) {
                if (r.nextInt(4) == 0) {
                    continue; // a missed entity or date
                }
                ObjectNode copy = x.deepCopy();
                if (!dates && r.nextInt(5) == 0) {
                    copy.put("type", TYPES.get(r.nextInt(TYPES.size())));
                }
                kept.add(copy);
            }
            doc.set(dates ? "timexes" : "entities", kept);
            lines.add(JSON.writeValueAsString(doc));
        }
        EvaluationSettings s = EvaluationSettings.defaults().withIntervals(resamples, edits).withBootstrap(method)
                .withConll4(conll4 && !dates);
        assertSame(dates ? Task.DATES : Task.ENTITIES, lines, s, parts);
    }

    @Property(tries = 15)
    void contradictionsOnSparkAreEvaluates(@ForAll long edits, @ForAll @IntRange(min = 1, max = 6) int parts,
                                           @ForAll BootstrapMethod method,
                                           @ForAll @IntRange(min = 1, max = 40) int resamples,
                                           @ForAll boolean bySentence) throws IOException {
        Random r = new Random(edits);
        List<String> gold = Files.readAllLines(RELEASE.resolve("contradictions.jsonl"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : gold) {
            if (r.nextInt(3) > 0) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            lines.add(gold.get(r.nextInt(gold.size())));
        }
        EvaluationSettings s = EvaluationSettings.defaults().withIntervals(resamples, edits).withBootstrap(method)
                .withMatching(bySentence ? ContradictionMatching.SENTENCE : ContradictionMatching.SPAN);
        assertSame(Task.CONTRADICTIONS, lines, s, parts);
    }

    @Property(tries = 15)
    void nliOnSparkIsEvaluate(@ForAll long edits, @ForAll @IntRange(min = 1, max = 6) int parts,
                              @ForAll BootstrapMethod method,
                              @ForAll @IntRange(min = 1, max = 40) int resamples) throws IOException {
        Random r = new Random(edits);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(RELEASE.resolve("nli.jsonl"), StandardCharsets.UTF_8)) {
            String id = JSON.readTree(line).get("id").asText();
            lines.add(JSON.writeValueAsString(JSON.createObjectNode().put("id", id)
                    .put("label", LABELS.get(r.nextInt(LABELS.size())))));
        }
        EvaluationSettings s = EvaluationSettings.defaults().withIntervals(resamples, edits).withBootstrap(method);
        assertSame(Task.NLI, lines, s, parts);
    }

    /** Spark's result and evaluate's for these prediction lines, or their refusals; they must be equal. */
    static void assertSame(Task task, List<String> lines, EvaluationSettings settings, int parts)
            throws IOException {
        Path f = Files.createTempFile("corpusbench-spark", ".jsonl");
        try {
            Files.write(f, lines, StandardCharsets.UTF_8);
            assertSame(task, Evaluations.gold(task, RELEASE, null), f, settings, parts);
        } finally {
            Files.delete(f);
        }
    }

    /** Spark's result and evaluate's for the predictions {@code f} against {@code gold}, or their refusals. */
    static void assertSame(Task task, GoldCorpus gold, Path f, EvaluationSettings settings, int parts)
            throws IOException {
        {
            Object single = outcome(() -> Evaluations.evaluate(task, gold, f, settings));
            Object spark = outcome(() -> SparkEvaluations.evaluate(LocalSpark.session(), task, gold, f, settings,
                    parts));
            if (single instanceof String refused) {
                assertThat(spark).isEqualTo(refused);
                return;
            }
            EvaluationResult a = (EvaluationResult) single;
            assertThat(spark).isInstanceOf(EvaluationResult.class);
            EvaluationResult b = (EvaluationResult) spark;
            assertThat(b.scores()).isEqualTo(a.scores());
            assertThat(b.intervals()).isEqualTo(a.intervals());
            assertThat(b.provenance()).isEqualTo(a.provenance());
            assertThat(b.notes()).isEqualTo(a.notes());
            assertThat(b.toText()).isEqualTo(a.toText());
            assertThat(b.toJson()).isEqualTo(a.toJson());
            assertThat(b.toHtml()).isEqualTo(a.toHtml());
        }
    }

    interface Run {
        EvaluationResult run() throws IOException;
    }

    /** The result, or the refusal's message. */
    static Object outcome(Run run) throws IOException {
        try {
            return run.run();
        } catch (CorpusFormatException | InvalidInputException e) {
            return e.getMessage();
        }
    }
}
