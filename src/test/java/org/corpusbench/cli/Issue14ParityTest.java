package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, item 4: conlleval and seqeval parity of {@code evaluate --task tags} and {@code conlleval}. */
class Issue14ParityTest {

    static final Path VECTOR = EvaluateCommandTest.VECTOR;

    @TempDir
    Path tmp;

    @Test
    void defaultModeNeedsNoScheme() {
        // The vector scored with and without --scheme in default mode: the same table, the same figures
        // (default mode decodes as conlleval does, whatever the scheme).
        CliTest.Run with = CliTest.run("evaluate", "--task", "tags", "--pred", VECTOR.toString(), "--format", "conll",
                "--scheme", "IOB2", "--resamples", "0");
        CliTest.Run without = CliTest.run("evaluate", "--task", "tags", "--pred", VECTOR.toString(), "--format",
                "conll", "--resamples", "0");
        assertThat(without.code()).as(without.err()).isZero();
        assertThat(without.out()).isEqualTo(with.out().replace("(IOB2, default mode)", "(default mode)"));
        assertThat(without.out()).contains("tokens (default mode)");
        CliTest.Run entities = CliTest.run("evaluate", "--task", "entities", "--pred", VECTOR.toString(), "--format",
                "conll", "--resamples", "0");
        assertThat(entities.code()).as(entities.err()).isZero();
    }

    @Test
    void strictModeStillNeedsAScheme() {
        for (String task : new String[] {"tags", "entities"}) {
            CliTest.Run r = CliTest.run("evaluate", "--task", task, "--pred", VECTOR.toString(), "--format", "conll",
                    "--mode", "strict");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("corpusbench evaluate: --mode strict needs --scheme (IOB1, IOB2, IOE1, "
                    + "IOE2, IOBES or BILOU); --mode default decodes without one\n");
        }
    }
}
