package org.corpusbench.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corpusbench.eval.stats.PoissonBootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap behind the intervals (issue 15): classic up to a documented size, streaming Poisson above. */
class BootstrapChoiceTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");

    @TempDir
    Path tmp;

    /** {@code n} one-token sentences, each a correct PER: every unit is the same, so every interval is [1, 1]. */
    private Path sentences(int n) throws IOException {
        Path f = tmp.resolve(n + ".conll");
        Files.writeString(f, "Ana B-PER B-PER\n\n".repeat(n), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void autoIsClassicUpToTheThresholdAndPoissonAbove() throws IOException {
        int limit = PoissonBootstrap.STREAMING_ABOVE_UNITS;
        EvaluationSettings s = EvaluationSettings.defaults().withIntervals(50, 13);
        EvaluationResult at = Evaluations.conllEntities(sentences(limit), s);
        EvaluationResult above = Evaluations.conllEntities(sentences(limit + 1), s);
        assertThat(at.toText()).doesNotContain("Poisson");
        assertThat(above.toText()).contains("95% intervals: Poisson bootstrap over " + (limit + 1) + " units");
        assertThat(method(at)).isEqualTo("classic");
        assertThat(method(above)).isEqualTo("poisson");
        assertThat(above.intervals().get("strict.f1").low()).isEqualTo(1.0);
        assertThat(above.intervals().get("strict.f1").high()).isEqualTo(1.0);
    }

    private static String method(EvaluationResult r) throws IOException {
        JsonNode n = new ObjectMapper().readTree(r.toJson());
        return n.at("/confidence_intervals/strict.f1/method").asText();
    }

    @Test
    void eachMethodCanBeChosenForEveryTaskAndClassicIsTheReleasesDefault() throws IOException {
        Object[][] tasks = {{Task.ENTITIES, "annotations.jsonl"}, {Task.DATES, "annotations.jsonl"},
            {Task.CONTRADICTIONS, "contradictions.jsonl"}, {Task.NLI, "nli.jsonl"}};
        for (Object[] t : tasks) {
            Task task = (Task) t[0];
            Path pred = RELEASE.resolve((String) t[1]);
            EvaluationSettings s = EvaluationSettings.defaults().withIntervals(100, 5);
            EvaluationResult auto = Evaluations.evaluate(task, RELEASE, null, pred, s);
            EvaluationResult classic = Evaluations.evaluate(task, RELEASE, null, pred,
                    s.withBootstrap(BootstrapMethod.CLASSIC));
            EvaluationResult poisson = Evaluations.evaluate(task, RELEASE, null, pred,
                    s.withBootstrap(BootstrapMethod.POISSON));
            // a release is far below the threshold: auto is the classic bootstrap, byte for byte
            assertThat(auto.toText()).as(task.wireName()).isEqualTo(classic.toText());
            assertThat(auto.toJson()).isEqualTo(classic.toJson());
            assertThat(poisson.toText()).contains("Poisson bootstrap over");
            assertThat(poisson.toJson()).contains("\"method\" : \"poisson\"").doesNotContain("\"classic\"");
            // gold against itself: every replicate scores 1, so both methods give [1, 1]
            poisson.intervals().values().forEach(iv -> assertThat(iv.low()).isEqualTo(1.0));
        }
    }
}
