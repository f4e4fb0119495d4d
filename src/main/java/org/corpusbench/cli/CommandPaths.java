package org.corpusbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of the paths a command line names, made before any work so that a wrong path is a usage error
 * (exit 2) that says what the path is and what was expected, instead of a raw file-system exception after
 * minutes of work.
 */
final class CommandPaths {

    private CommandPaths() {
    }

    /** An input that must be a readable regular file. */
    static Path inputFile(Path p, String option) {
        if (Files.isDirectory(p)) {
            throw new UsageException(p + ": is a directory; expected a file" + of(option));
        }
        if (!Files.isRegularFile(p)) {
            throw new UsageException(p + ": no such file" + of(option));
        }
        if (!Files.isReadable(p)) {
            throw new UsageException(p + ": cannot be read (permission denied)" + of(option));
        }
        return p;
    }

    /** An input that must be a directory. */
    static Path inputDirectory(Path p, String option) {
        if (Files.isRegularFile(p)) {
            throw new UsageException(p + ": is a file; expected a directory" + of(option));
        }
        if (!Files.isDirectory(p)) {
            throw new UsageException(p + ": no such directory" + of(option));
        }
        return p;
    }

    /** A file to be written: not a directory, and its parent, if it exists, a directory. */
    static Path outputFile(Path p, String option) {
        if (p == null) {
            return null;
        }
        if (Files.isDirectory(p)) {
            throw new UsageException(p + ": is a directory; expected a file" + of(option));
        }
        Path parent = p.toAbsolutePath().getParent();
        for (Path q = parent; q != null; q = q.getParent()) {
            if (Files.exists(q) && !Files.isDirectory(q)) {
                throw new UsageException(p + ": cannot be created because " + q + " is a file, not a directory"
                        + of(option));
            }
        }
        return p;
    }

    /** A directory to be written whole: not an existing file. */
    static Path outputDirectory(Path p, String option) {
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new UsageException(p + ": is a file; expected a directory" + of(option));
        }
        for (Path q = p.toAbsolutePath().getParent(); q != null; q = q.getParent()) {
            if (Files.exists(q) && !Files.isDirectory(q)) {
                throw new UsageException(p + ": cannot be created because " + q + " is a file, not a directory"
                        + of(option));
            }
        }
        return p;
    }

    /** A count option that must be at least {@code min}. */
    static int atLeast(int value, int min, String option) {
        if (value < min) {
            throw new UsageException(option + " must be at least " + min + ", found " + value);
        }
        return value;
    }

    private static String of(String option) {
        return option == null ? "" : " (" + option + ")";
    }
}
