package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picocli-free path of {@code conlleval} behaves exactly like the picocli one. */
class ConllevalCommandTest {

    static final String VECTOR = EvaluateCommandTest.VECTOR.toString();

    @TempDir
    Path tmp;

    static CliTest.Run plain(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Integer code = ConllevalCommand.runPlain(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("plain path taken for %s", List.of(args)).isNotNull();
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void plainArgumentsGiveWhatPicocliGives() throws IOException {
        Path raw = tmp.resolve("raw.txt");
        Files.writeString(raw, "a PER PER\nb NONE PER\nc PER NONE\n\nd LOC LOC\n", StandardCharsets.UTF_8);
        Path tabs = tmp.resolve("tabs.txt");
        Files.writeString(tabs, "a\tB-PER\tB-PER\nb\tI-PER\tO\n", StandardCharsets.UTF_8);
        Path bad = tmp.resolve("bad.txt");
        Files.writeString(bad, "a B-PER B-PER\nb O\n", StandardCharsets.UTF_8);
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"conlleval", VECTOR});
        cases.add(new String[] {"conlleval", "-l", VECTOR});
        cases.add(new String[] {"conlleval", "--threads", "2", VECTOR});
        cases.add(new String[] {"conlleval", "-r", "-o", "NONE", raw.toString()});
        cases.add(new String[] {"conlleval", "-d", "\t", tabs.toString()});
        cases.add(new String[] {"conlleval", bad.toString()});
        cases.add(new String[] {"conlleval", tmp.resolve("missing.txt").toString()});
        cases.add(new String[] {"conlleval", "--threads", "0", VECTOR});
        for (String[] args : cases) {
            CliTest.Run viaPicocli = CliTest.run(args);
            CliTest.Run viaPlain = plain(args);
            assertThat(viaPlain).as(String.join(" ", args)).isEqualTo(viaPicocli);
        }
        assertThat(CliTest.run("conlleval", bad.toString()).err())
                .isEqualTo("corpusbench conlleval: " + bad + ":2: unexpected number of features: 2 (3)\n");
        assertThat(CliTest.run("conlleval", "--threads", "0", VECTOR).code()).isEqualTo(2);
        assertThat(CliTest.run("conlleval", "-r", "-r", VECTOR).code()).isEqualTo(2);
    }

    @Test
    void anythingElseGoesThroughPicocli() {
        for (String[] args : List.of(new String[] {"conlleval", "--help"}, new String[] {"conlleval", "-rl", VECTOR},
                new String[] {"conlleval", "--threads=2", VECTOR}, new String[] {"conlleval", "-d"},
                new String[] {"conlleval", "--threads", "two", VECTOR}, new String[] {"conlleval", "a", "b"},
                new String[] {"conlleval", "-o", "A", "-o", "B", VECTOR}, new String[] {"conlleval", "-r", "-r", VECTOR})) {
            assertThat(ConllevalCommand.plain(args)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void anEmptyDelimiterIsAUsageError() {
        CliTest.Run r = CliTest.run("conlleval", "-d", "", VECTOR);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("corpusbench conlleval: -d needs a non-empty delimiter\n");
    }
}
