package org.corpusbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the corpusbench checkout: the launcher passes it in {@code corpusbench.home}, else the cwd. */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path find() {
        String home = System.getProperty("corpusbench.home");
        if (home != null && Files.isDirectory(Path.of(home, "seeds"))) {
            return Path.of(home);
        }
        return Path.of("").toAbsolutePath();
    }
}
