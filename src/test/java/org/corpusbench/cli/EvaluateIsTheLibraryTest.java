package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.corpusbench.evaluation.EvaluationResult;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.Evaluations;
import org.corpusbench.evaluation.Task;
import org.junit.jupiter.api.Test;

/**
 * {@code evaluate} is option handling over the library (issue 13): what it prints is what
 * {@link Evaluations} renders, for every task and setting.
 */
class EvaluateIsTheLibraryTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");

    @Property(tries = 12)
    void evaluatePrintsTheLibrarysText(@ForAll Task task, @ForAll @IntRange(min = 0, max = 60) int resamples,
                                       @ForAll @LongRange(min = 0, max = 99) long seed) throws IOException {
        String pred = switch (task) {
            case CONTRADICTIONS -> "contradictions.jsonl";
            case NLI -> "nli.jsonl";
            default -> "annotations.jsonl";
        };
        Path vector = EvaluateCommandTest.VECTOR;
        CliTest.Run run;
        EvaluationResult lib;
        EvaluationSettings settings = EvaluationSettings.defaults().withIntervals(resamples, seed);
        if (task == Task.TAGS) {
            run = CliTest.run("evaluate", "--task", "tags", "--format", "conll", "--pred", vector.toString(),
                    "--resamples", "" + resamples, "--seed", "" + seed);
            lib = Evaluations.tags(vector, settings);
        } else {
            run = CliTest.run("evaluate", "--task", task.wireName(), "--dataset", RELEASE.toString(), "--pred",
                    RELEASE.resolve(pred).toString(), "--resamples", "" + resamples, "--seed", "" + seed);
            lib = Evaluations.evaluate(task, RELEASE, null, RELEASE.resolve(pred), settings);
        }
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(lib.toText());
        CliTest.Run json = task == Task.TAGS
                ? CliTest.run("evaluate", "--task", "tags", "--format", "conll", "--pred", vector.toString(),
                        "--resamples", "" + resamples, "--seed", "" + seed, "--json", "-")
                : CliTest.run("evaluate", "--task", task.wireName(), "--dataset", RELEASE.toString(), "--pred",
                        RELEASE.resolve(pred).toString(), "--resamples", "" + resamples, "--seed", "" + seed,
                        "--json", "-");
        assertThat(json.out()).isEqualTo(lib.toJson());
    }

    @Test
    void conllFormatIsRefusedForTasksThatReadJsonlPredictions() {
        for (String task : new String[] {"dates", "contradictions", "nli"}) {
            CliTest.Run r = CliTest.run("evaluate", "--task", task, "--format", "conll", "--dataset",
                    RELEASE.toString(), "--pred", RELEASE.resolve("annotations.jsonl").toString());
            assertThat(r.code()).as(task).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains("--format conll applies to --task tags and entities only");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void bootstrapMethodIsAnOptionRefusedWhereNoIntervalIsMade() {
        CliTest.Run bad = CliTest.run("evaluate", "--task", "nli", "--dataset", RELEASE.toString(), "--pred",
                RELEASE.resolve("nli.jsonl").toString(), "--bootstrap", "jackknife");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("unknown --bootstrap 'jackknife'; expected auto, classic or poisson");
        // issue 15: tags have intervals now, so the option applies to them
        CliTest.Run tags = CliTest.run("evaluate", "--task", "tags", "--format", "conll", "--pred",
                EvaluateCommandTest.VECTOR.toString(), "--bootstrap", "poisson");
        assertThat(tags.code()).as(tags.err()).isZero();
        assertThat(tags.out()).contains("Poisson bootstrap over ");
        CliTest.Run ok = CliTest.run("evaluate", "--task", "nli", "--dataset", RELEASE.toString(), "--pred",
                RELEASE.resolve("nli.jsonl").toString(), "--bootstrap", "POISSON");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Poisson bootstrap over 65 units");
    }
}
