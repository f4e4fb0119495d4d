package org.corpusbench.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.eval.tags.TagMode;
import org.corpusbench.internal.Hashes;
import org.corpusbench.schema.SchemaValidator;
import org.corpusbench.tags.TagScheme;
import org.junit.jupiter.api.Test;

/** Evaluation as a library call (issue 13): what {@code corpusbench evaluate} prints, without the CLI. */
class EvaluationsTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");
    static final Path VECTOR = Path.of("src/test/resources/org/corpusbench/eval/tags/conformance/v00001-IOB2.conll");

    private static JsonNode valid(EvaluationResult r) throws IOException {
        JsonNode n = new ObjectMapper().readTree(r.toJson());
        assertThat(SchemaValidator.get().validate(SchemaValidator.Kind.REPORT, n, Location.ofFile("report")))
                .isEmpty();
        return n;
    }

    @Test
    void goldAgainstItselfScoresOneWithProvenanceAndIntervalsOnEveryTask() throws IOException {
        Object[][] tasks = {{Task.ENTITIES, "annotations.jsonl"}, {Task.DATES, "annotations.jsonl"},
            {Task.CONTRADICTIONS, "contradictions.jsonl"}, {Task.NLI, "nli.jsonl"}};
        for (Object[] t : tasks) {
            Task task = (Task) t[0];
            Path pred = RELEASE.resolve((String) t[1]);
            EvaluationResult r = Evaluations.evaluate(task, RELEASE, null, pred,
                    EvaluationSettings.defaults().withIntervals(50, 7));
            assertThat(r.task()).isEqualTo(task);
            double headline = headline(r.scores());
            assertThat(headline).as(task.wireName()).isEqualTo(1.0);
            assertThat(r.provenance().dataset()).isEqualTo("oreshnik-reports");
            assertThat(r.provenance().version()).isEqualTo("1.0.1");
            assertThat(r.provenance().fingerprint()).hasSize(64);
            Provenance.Input first = r.provenance().inputs().get(0);
            assertThat(first.role()).isEqualTo("predictions");
            assertThat(first.sha256()).isEqualTo(Hashes.sha256(pred));
            assertThat(r.provenance().inputs()).anyMatch(i -> i.role().equals("gold"));
            JsonNode json = valid(r);
            // the intervals of the result are those of the JSON report, name for name
            assertThat(r.intervals()).isNotEmpty();
            r.intervals().forEach((name, iv) -> {
                assertThat(json.at("/confidence_intervals").get(name).get("low").asDouble()).isEqualTo(iv.low());
                assertThat(iv.resamples()).isEqualTo(50);
                assertThat(iv.seed()).isEqualTo(7);
            });
            assertThat(r.notes()).isEmpty();
            assertThat(r.toHtml()).contains("<table>", "oreshnik-reports 1.0.1");
        }
    }

    /** Java 17: no pattern switch yet, so instanceof in turn. */
    private static double headline(Scores s) {
        if (s instanceof Scores.Entities e) {
            return e.evaluation().micro(SpanScheme.STRICT).f1();
        } else if (s instanceof Scores.Dates d) {
            return d.counts().strictPrf().f1();
        } else if (s instanceof Scores.Contradictions c) {
            return c.overall().f1();
        } else if (s instanceof Scores.Nli n) {
            return n.counts().accuracy();
        }
        return -1;
    }

    @Test
    void noResamplesMeansNoIntervalRatherThanOneOfZeroWidth() throws IOException {
        EvaluationResult r = Evaluations.evaluate(Task.NLI, RELEASE, null, RELEASE.resolve("nli.jsonl"),
                EvaluationSettings.defaults().withIntervals(0, 13));
        assertThat(r.intervals()).isEmpty();
        assertThat(new ObjectMapper().readTree(r.toJson()).at("/confidence_intervals").size()).isZero();
    }

    @Test
    void aCorpusThatIsNotAReleaseIsScoredWithANoteAndNoFingerprint() throws IOException {
        Path gold = Path.of("src/test/resources/org/corpusbench/badinput/gold");
        EvaluationResult r = Evaluations.evaluate(Task.ENTITIES, gold, null, gold.resolve("annotations.jsonl"),
                EvaluationSettings.defaults().withIntervals(0, 13));
        assertThat(r.provenance().fingerprint()).isNull();
        assertThat(r.notes()).singleElement().asString().contains("is not a release");
    }

    @Test
    void conllTagsAndEntitiesNeedNoGoldCorpus() throws IOException {
        EvaluationResult tags = Evaluations.tags(VECTOR, EvaluationSettings.defaults());
        assertThat(tags.scores()).isInstanceOf(Scores.Tags.class);
        assertThat(tags.provenance().dataset()).isNull();
        assertThat(tags.toText()).contains("token accuracy");
        EvaluationResult strict = Evaluations.conllEntities(VECTOR, EvaluationSettings.defaults()
                .withDecoding(TagMode.STRICT, TagScheme.IOB2).withIntervals(20, 1));
        assertThat(strict.intervals()).containsKey("strict.f1");
        valid(tags);
        valid(strict);
    }

    @Test
    void predictionsOfAnotherLayerAreRefusedNotScored() {
        assertThatThrownBy(() -> Evaluations.evaluate(Task.ENTITIES, RELEASE, null, RELEASE.resolve("nli.jsonl"),
                EvaluationSettings.defaults()))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("holds no entity predictions");
    }

    @Test
    void settingsThatCannotBeMetAreRefusedWhenMade() {
        assertThatThrownBy(() -> EvaluationSettings.defaults().withDecoding(TagMode.STRICT, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a tag scheme");
        assertThatThrownBy(() -> EvaluationSettings.defaults().withIntervals(Bootstrap.MAX_RESAMPLES + 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvaluationSettings.defaults().withThreads(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evaluations.gold(Task.TAGS, RELEASE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compareGivesTheFiguresOfBothSystemsAndTheirDifference() throws IOException {
        GoldCorpus gold = Evaluations.gold(Task.NLI, RELEASE, null);
        Comparison c = Evaluations.compare(Task.NLI, gold, RELEASE.resolve("nli.jsonl"),
                RELEASE.resolve("nli.jsonl"), EvaluationSettings.defaults().withIntervals(100, 3), 200);
        // a system against itself: equal figures, a difference of exactly 0, and every shuffle as extreme
        assertThat(c.a()).isEqualTo(1.0);
        assertThat(c.b()).isEqualTo(1.0);
        assertThat(c.difference().low()).isZero();
        assertThat(c.difference().high()).isZero();
        assertThat(c.pValue()).isEqualTo(1.0);
        assertThat(c.units()).isEqualTo(gold.nliPairs().size());
        assertThat(c.text()).contains("A - B").contains("p = 1.0000");
        assertThat(List.of(c.metric())).containsExactly("accuracy");
    }
}
