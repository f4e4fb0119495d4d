package org.corpusbench.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.eval.stats.PoissonBootstrap;
import org.corpusbench.eval.tags.TagMode;
import org.corpusbench.evaluation.Scores.Tags;
import org.corpusbench.tags.TagScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --task tags} with 95% intervals of the overall precision, recall and F1 over sentences
 * (issue 15, item 2), resampled as the other tasks' are: classic up to 10,000 sentences, Poisson above.
 */
class TagsIntervalsTest {

    static final Path VECTOR = Path.of("src/test/resources/org/corpusbench/eval/tags/conformance/v00001-IOB2.conll");

    @TempDir
    Path tmp;

    private static JsonNode json(EvaluationResult r) throws IOException {
        return new ObjectMapper().readTree(r.toJson());
    }

    /** Sentences of the vector, each as its own file's counts: the classic bootstrap's units by definition. */
    private List<Counts> sentenceCounts(Path file, TagMode mode, TagScheme scheme) throws IOException {
        String[] sentences = Files.readString(file, StandardCharsets.UTF_8).split("\n\\s*\n");
        List<Counts> out = new ArrayList<>();
        for (String s : sentences) {
            if (s.isBlank()) {
                continue;
            }
            Path one = Files.writeString(tmp.resolve("one.conll"), s + "\n", StandardCharsets.UTF_8);
            EvaluationResult r = Evaluations.tags(one, EvaluationSettings.defaults().withIntervals(0, 1)
                    .withDecoding(mode, scheme));
            out.add(((Tags) r.scores()).counts().overall());
        }
        return out;
    }

    @Test
    void classicIntervalsResampleTheSentencesCounts() throws IOException {
        for (TagMode mode : TagMode.values()) {
            EvaluationSettings s = EvaluationSettings.defaults().withIntervals(200, 7)
                    .withDecoding(mode, TagScheme.IOB2);
            EvaluationResult r = Evaluations.tags(VECTOR, s);
            List<Counts> units = sentenceCounts(VECTOR, mode, TagScheme.IOB2);
            Counts total = ((Tags) r.scores()).counts().overall();
            assertThat(units.stream().reduce(Counts.ZERO, Counts::plus)).isEqualTo(total);
            // the plain definition: draw sentences with replacement, as Bootstrap.interval does for documents
            Bootstrap.Interval f1 = Bootstrap.interval(units, Counts.ZERO, Counts::plus, Counts::f1, 200, 0.95, 7);
            Bootstrap.Interval p = Bootstrap.interval(units, Counts.ZERO, Counts::plus, Counts::precision, 200, 0.95,
                    7);
            assertThat(r.intervals().get("f1")).isEqualTo(f1);
            assertThat(r.intervals().get("precision")).isEqualTo(p);
            JsonNode n = json(r);
            assertThat(n.at("/confidence_intervals/f1/method").asText()).isEqualTo("classic");
            assertThat(n.at("/confidence_intervals/f1/estimate").asDouble()).isEqualTo(total.f1());
            assertThat(n.at("/overall/f1").asDouble()).isEqualTo(total.f1());
            assertThat(r.toText()).contains("95% CI, overall (micro), " + units.size() + " sentences resampled: "
                    + "precision [" + Evaluations.f(p.low()) + ", " + Evaluations.f(p.high()) + "]")
                    .doesNotContain("Poisson");
        }
    }

    @Test
    void noResamplesNoInterval() throws IOException {
        EvaluationResult r = Evaluations.tags(VECTOR, EvaluationSettings.defaults().withIntervals(0, 13));
        assertThat(r.intervals()).isEmpty();
        assertThat(r.toText()).doesNotContain("95% CI");
        assertThat(json(r).at("/confidence_intervals").size()).isZero();
    }

    @Test
    void aboveTenThousandSentencesTheStreamingBootstrapTakesOver() throws IOException {
        int limit = PoissonBootstrap.STREAMING_ABOVE_UNITS;
        // every sentence is one right PER and one spurious LOC: every resample has precision 1/2, recall 1
        String sentence = "Ana B-PER B-PER\nin O B-LOC\n\n";
        Path at = Files.writeString(tmp.resolve("at.conll"), sentence.repeat(limit), StandardCharsets.UTF_8);
        Path above = Files.writeString(tmp.resolve("above.conll"), sentence.repeat(limit + 1), StandardCharsets.UTF_8);
        EvaluationSettings s = EvaluationSettings.defaults().withIntervals(50, 13);
        EvaluationResult classic = Evaluations.tags(at, s);
        EvaluationResult poisson = Evaluations.tags(above, s);
        assertThat(json(classic).at("/confidence_intervals/f1/method").asText()).isEqualTo("classic");
        assertThat(json(poisson).at("/confidence_intervals/f1/method").asText()).isEqualTo("poisson");
        assertThat(poisson.toText()).contains("95% intervals: Poisson bootstrap over " + (limit + 1) + " units");
        for (EvaluationResult r : List.of(classic, poisson)) {
            assertThat(r.intervals().get("precision").low()).isEqualTo(0.5);
            assertThat(r.intervals().get("precision").high()).isEqualTo(0.5);
            assertThat(r.intervals().get("recall").low()).isEqualTo(1.0);
        }
        // chosen by hand: the same file by either method
        assertThat(json(Evaluations.tags(at, s.withBootstrap(BootstrapMethod.POISSON)))
                .at("/confidence_intervals/f1/method").asText()).isEqualTo("poisson");
        assertThat(json(Evaluations.tags(above, s.withBootstrap(BootstrapMethod.CLASSIC)))
                .at("/confidence_intervals/f1/method").asText()).isEqualTo("classic");
    }
}
