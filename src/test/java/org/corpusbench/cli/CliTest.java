package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("run", "validate", "stats");
    }

    @Test
    void validateSeedsIsClean() {
        Run r = run("validate", "seeds");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("valid: no problems found\n");
    }

    @Test
    void validateReportsProblemsWithExitOne(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"text\":\"x\",\"sha256\":\"" + "a".repeat(64) + "\"}\n{oops\n",
                StandardCharsets.UTF_8);
        Run r = run("validate", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith(f + ":2:2: malformed JSON").endsWith("1 problem found\n");
        assertThat(r.out()).as("problems go to standard error").isEmpty();
    }

    @Test
    void missingPathIsAUsageErrorAsInEveryCommand(@TempDir Path dir) {
        Run r = run("validate", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("corpusbench validate: " + dir.resolve("nope") + ": no such file or directory\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("validate", "--frobnicate", "seeds");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Unknown option: '--frobnicate'");
    }

    @Test
    void statsCountsEveryDocument() {
        Run r = run("stats", "seeds");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("000_6e15c3caa4eb7126", "004_1fd1226005666fa9", "total (5 documents)");
    }

    @Test
    void statsOnAMissingPathIsAUsageError(@TempDir Path dir) {
        Run r = run("stats", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("corpusbench stats: " + dir.resolve("nope") + ": no such file or directory\n");
    }

    @Test
    void everyCommandStatesTheOneExitCodeTableAndTheReadmeHasIt() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Main.EXIT_CODES.forEach((code, meaning) -> assertThat(readme).contains("| " + code + " | " + meaning + " |"));
        for (String cmd : Main.COMMANDS) {
            if (cmd.equals("help")) {
                continue;
            }
            // picocli warns on System.err, not on the command's writer, when a description is not a valid
            // format string (a lone '%'), and then prints it unformatted
            java.io.PrintStream systemErr = System.err;
            java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
            Run r;
            try {
                System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
                r = run(cmd, "--help");
            } finally {
                System.setErr(systemErr);
            }
            assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).as(cmd).doesNotContain("WARN");
            assertThat(r.code()).as(cmd).isZero();
            assertThat(r.out().replaceAll("\\s+", " ")).as(cmd).contains("Exit status", "0 success",
                    "2 usage: an unknown or wrong option", "3 internal error");
        }
    }
}
