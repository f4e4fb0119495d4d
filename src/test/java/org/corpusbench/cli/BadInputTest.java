package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every entry of {@code badinput/README.txt} (issue 12): each hostile file gives the exit code and
 * the message the README promises, and never a stack trace, so the README cannot drift from the code.
 */
class BadInputTest {

    static final Path FOLDER = Path.of("src/test/resources/org/corpusbench/badinput");

    @TempDir
    Path tmp;

    @Test
    void everyEntryOfTheReadmeHolds() throws IOException {
        List<String> lines = Files.readAllLines(FOLDER.resolve("README.txt"), StandardCharsets.UTF_8);
        int entries = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("run:")) {
                continue;
            }
            String run = lines.get(i).substring(4).strip();
            int exit = Integer.parseInt(lines.get(i + 1).replaceFirst("^exit:", "").strip());
            String says = lines.get(i + 2).replaceFirst("^says:", "").strip();
            List<String> args = new ArrayList<>();
            for (String a : run.split(" ")) {
                if (a.equals("OUT")) {
                    args.add(tmp.resolve("out-" + i).toString());
                } else if (a.startsWith("./")) {
                    Path p = FOLDER.resolve(a.substring(2));
                    assertThat(p).as(run).exists();
                    args.add(p.toString());
                } else if (!a.equals("corpusbench")) {
                    args.add(a);
                }
            }
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            String shown = r.err();
            assertThat(r.code()).as(run + "\n" + r.err() + r.out()).isEqualTo(exit);
            assertThat(shown).as(run).contains(says);
            if (exit != 0) {
                assertThat(r.out()).as(run + ": a refusal prints nothing on stdout").isEmpty();
                assertThat(tmp.resolve("out-" + i)).as(run + ": a refusal writes nothing").doesNotExist();
            }
            try (java.util.stream.Stream<Path> left = Files.list(tmp)) {
                assertThat(left.map(p -> p.getFileName().toString())).as(run + ": no temporary file left")
                        .noneMatch(n -> n.startsWith("."));
            }
            try (java.util.stream.Stream<Path> left = Files.list(FOLDER)) {
                assertThat(left.map(p -> p.getFileName().toString())).as(run + ": nothing written among the inputs")
                        .noneMatch(n -> n.startsWith(".") || n.startsWith("out"));
            }
            assertThat(r.err()).as(run).doesNotContain("internal error", "Exception", "\tat ");
            entries++;
        }
        assertThat(entries).isEqualTo(48);
    }
}
