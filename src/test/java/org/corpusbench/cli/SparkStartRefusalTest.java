package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a Spark that cannot start from the user's options (a master URL Spark cannot parse,
 * {@code local[0]}) is a usage error naming the option, exit 2, no stack trace and no report written, not an
 * internal error. Each case runs {@code corpusbench spark} in a JVM of its own with the tests' class path: in
 * this JVM the tests' shared session is running, and Spark would hand it back whatever master is asked for.
 */
class SparkStartRefusalTest {

    record Run(int code, String out, String err) {
    }

    /**
     * The command line of a new JVM that runs {@code org.corpusbench.cli.Main} as the launcher's {@code spark}
     * runs it, with the tests' class path, then {@code jvmOptions} before the class; arguments go after it.
     */
    static List<String> javaCommand(String... jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the opens Spark needs on Java 17, as surefire's argLine and the launcher give them
        for (String p : List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net",
                "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref",
                "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar")) {
            cmd.add("--add-opens=java.base/" + p + "=ALL-UNNAMED");
        }
        cmd.add("-Dslf4j.provider=org.slf4j.nop.NOPServiceProvider");
        cmd.add("-Dslf4j.internal.verbosity=WARN");
        cmd.addAll(List.of(jvmOptions));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.corpusbench.cli.Main");
        return cmd;
    }

    /** {@code corpusbench spark ARGS} in a new JVM, as the launcher starts it. */
    static Run inNewJvm(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = javaCommand();
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("corpusbench spark did not end within 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aMasterSparkCannotStartIsAUsageErrorAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("pred.conll");
        Files.writeString(f, "EU B-ORG B-ORG\n", StandardCharsets.UTF_8);
        Path json = dir.resolve("report.json");
        String[][] cases = {
            {"foo", "corpusbench evaluate: --master foo: Spark could not start: Could not parse Master URL: 'foo'"},
            {"local[0]", "corpusbench evaluate: --master local[0]: Spark could not start: Asked to run locally with "
                + "0 threads"}};
        for (String[] c : cases) {
            Run r = inNewJvm(dir, "spark", "--master", c[0], "evaluate", "--task", "tags", "--format", "conll",
                    "--pred", f.toString(), "--json", json.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).isEqualTo(c[1] + "\n"
                    + "Try 'corpusbench evaluate --help'.\n");
            assertThat(r.out()).isEmpty();
            assertThat(json).doesNotExist();
        }
    }
}
