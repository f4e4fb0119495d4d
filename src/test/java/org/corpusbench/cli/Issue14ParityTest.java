package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
                    + "IOE2, IOBES (or BIOES) or BILOU); --mode default decodes without one\n");
        }
    }

    static final Path VECTORS = Path.of("src/test/resources/org/corpusbench/eval/tags/conformance");

    @Test
    void tabSeparatedVectorsGiveTheSpaceSeparatedReport() throws IOException {
        // Each shared vector with a conlleval.pl report rewritten with tabs (for -d '\t') and with runs of blanks (for -d '\s+'):
        // the report must be conlleval.pl's report of the space-separated file, byte for byte.
        List<Path> vectors;
        try (Stream<Path> s = Files.list(VECTORS)) {
            vectors = s.filter(p -> p.toString().endsWith(".conlleval.txt")).sorted()
                    .map(p -> Path.of(p.toString().replace(".conlleval.txt", ".conll"))).toList();
        }
        assertThat(vectors).hasSize(50);
        for (Path v : vectors) {
            String expected = Files.readString(Path.of(v.toString().replace(".conll", ".conlleval.txt")),
                    StandardCharsets.UTF_8);
            String text = Files.readString(v, StandardCharsets.UTF_8);
            Path tabs = tmp.resolve("tabs.conll");
            Files.writeString(tabs, text.replace(' ', '\t'), StandardCharsets.UTF_8);
            Path blanks = tmp.resolve("blanks.conll");
            Files.writeString(blanks, text.replace(" ", " \t  "), StandardCharsets.UTF_8);
            String[][] runs = {{"-d", "\\t", tabs.toString()}, {"-d", "\\t", "--threads", "2", tabs.toString()},
                {"-d", "\\s+", blanks.toString()}, {"-d", "\\s+", "--threads", "2", blanks.toString()},
                {"-d", " ", v.toString()}};
            for (String[] args : runs) {
                String[] all = Stream.concat(Stream.of("conlleval"), Stream.of(args)).toArray(String[]::new);
                CliTest.Run r = CliTest.run(all);
                assertThat(r.out()).as(v + " " + String.join(" ", args) + ": " + r.err()).isEqualTo(expected);
                java.io.StringWriter out = new java.io.StringWriter();
                java.io.StringWriter err = new java.io.StringWriter();
                Integer plain = ConllevalCommand.runPlain(all, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
                assertThat(plain).isZero();
                assertThat(out.toString()).isEqualTo(expected);
            }
        }
    }

    @Test
    void aDelimiterThatCannotBeHonouredIsAUsageErrorNamingIt() {
        CliTest.Run r = CliTest.run("conlleval", "-d", "(\\t)", VECTOR.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("corpusbench conlleval: -d: cannot read the delimiter '(\\t)' as conlleval.pl "
                + "does: a group '(' (conlleval.pl's split would add what a group captures as fields; write \\( for "
                + "the character); supported: ");
    }

    @Test
    void tokenAccuracyCountsDocstartLinesAsConllevalDoesUnlessSkipped() throws IOException {
        // Two separators (right: O O) and three tokens, one wrong (b: O vs B-LOC). conlleval.pl: 5 tokens,
        // 4 right, 80.00%; with --skip-docstart: 3 tokens, 2 right, 0.6667.
        Path f = tmp.resolve("docs.conll");
        Files.writeString(f, "-DOCSTART- -X- O O\n\na NN B-PER B-PER\nb NN O B-LOC\nc NN O O\n\n"
                + "-DOCSTART- -X- O O\n", StandardCharsets.UTF_8);
        assertThat(CliTest.run("conlleval", f.toString()).out()).startsWith("processed 5 tokens with 1 phrases; "
                + "found: 2 phrases; correct: 1.\naccuracy:  80.00%;");
        CliTest.Run counted = CliTest.run("evaluate", "--task", "tags", "--format", "conll", "--pred", f.toString());
        assertThat(counted.out()).contains("token accuracy 0.8000 over 5 tokens (default mode)");
        CliTest.Run skipped = CliTest.run("evaluate", "--task", "tags", "--format", "conll", "--pred", f.toString(),
                "--skip-docstart", "--threads", "2");
        assertThat(skipped.out()).contains("token accuracy 0.6667 over 3 tokens (default mode)");
        CliTest.Run entities = CliTest.run("evaluate", "--task", "entities", "--format", "conll", "--pred",
                f.toString(), "--skip-docstart");
        assertThat(entities.code()).isEqualTo(2);
        assertThat(entities.err()).startsWith("corpusbench evaluate: --skip-docstart applies to --task tags only "
                + "(it changes the token count)\n");
    }
}
