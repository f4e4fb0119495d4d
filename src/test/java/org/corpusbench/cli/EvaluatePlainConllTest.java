package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code evaluate --format conll} without picocli (issue 15: picocli's start-up was half the time of scoring a
 * million tokens): whatever the plain path takes, it prints, writes and exits exactly as picocli's path does,
 * refusals included; anything it does not take goes to picocli.
 */
class EvaluatePlainConllTest {

    static final String VECTOR = EvaluateCommandTest.VECTOR.toString();

    private static CliTest.Run plain(String... args) {
        return Issue15TimemlDatesTest.plain(args);
    }

    @Test
    void plainArgumentsGiveWhatPicocliGives() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"evaluate", "--task", "tags", "--pred", VECTOR, "--format", "conll"});
        cases.add(new String[] {"evaluate", "--task", "tags", "--pred", VECTOR, "--format", "CoNLL", "--mode",
            "strict", "--scheme", "iob2", "--json", "-"});
        cases.add(new String[] {"evaluate", "--task", "tags", "--pred", VECTOR, "--format", "conll", "--threads", "2",
            "--skip-docstart", "--bootstrap", "poisson", "--resamples", "50", "--seed", "3"});
        cases.add(new String[] {"evaluate", "--task", "entities", "--pred", VECTOR, "--format", "conll", "--json",
            "-", "--resamples", "20"});
        // refusals: an option that does not apply, strict without a scheme, a missing file, no tokens
        cases.add(new String[] {"evaluate", "--task", "tags", "--pred", VECTOR, "--format", "conll", "--dataset",
            "datasets/oreshnik-reports/1.1.0"});
        cases.add(new String[] {"evaluate", "--task", "tags", "--pred", VECTOR, "--format", "conll", "--mode",
            "strict"});
        cases.add(new String[] {"evaluate", "--task", "tags", "--pred", "no/such/file.conll", "--format", "conll"});
        cases.add(new String[] {"evaluate", "--task", "dates", "--pred", VECTOR, "--format", "conll"});
        cases.add(new String[] {"evaluate", "--task", "tags", "--pred", VECTOR, "--format", "conll", "--lenient"});
        cases.add(new String[] {"evaluate", "--task", "tags", "--pred", VECTOR, "--format", "conll", "--mode",
            "sometimes", "--scheme", "IOB2"});
        for (String[] args : cases) {
            CliTest.Run viaPicocli = CliTest.run(args);
            CliTest.Run viaPlain = plain(args);
            assertThat(viaPlain).as(String.join(" ", args)).isEqualTo(viaPicocli);
        }
    }

    @Test
    void anythingElseGoesThroughPicocli() {
        for (String[] args : List.of(new String[] {"evaluate", "--task", "tags", "--pred", VECTOR},
                new String[] {"evaluate", "--task", "tags", "--pred", VECTOR, "--format", "conll", "--scheme", "IOE9"},
                new String[] {"evaluate", "--task", "tags", "--pred", VECTOR, "--format", "conll", "--map", "conll4"},
                new String[] {"evaluate", "--task", "tags", "--pred", VECTOR, "--format", "conll", "--threads", "x"},
                new String[] {"evaluate", "--task", "tags", "--pred", VECTOR, "--format", "conll", "--threads", "-2"},
                new String[] {"evaluate", "--task", "tags", "--format", "conll", "--pred"},
                new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--dataset", "g", "--pred", "p",
                    "--mode", "strict"})) {
            assertThat(EvaluateCommand.plain(args)).as(String.join(" ", args)).isNull();
        }
        assertThat(Path.of(VECTOR)).exists();
    }
}
