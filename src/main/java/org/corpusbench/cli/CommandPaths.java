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
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            throw new UsageException(p + ": is not a regular file (a device, a pipe or a socket); expected a file to "
                    + "write" + of(option));
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

    /**
     * Refuses an output that is an input, or another output: writing it would destroy what the command
     * reads, or lose one of the two outputs. Null paths (options not given) pass.
     */
    static void notSame(Path out, String outOption, Path other, String otherOption) {
        if (out != null && other != null && real(out).equals(real(other))) {
            throw new UsageException(out + ": named by both " + outOption + " and " + otherOption + "; expected "
                    + outOption + " to be a file of its own");
        }
    }

    /** Refuses an output inside {@code dir} (the gold a command reads, for example). */
    static void notInside(Path out, String outOption, Path dir, String dirOption) {
        if (out != null && dir != null && real(out).startsWith(real(dir))) {
            throw new UsageException(out + ": lies inside " + dir + of(dirOption) + "; expected " + outOption
                    + " elsewhere");
        }
    }

    /**
     * Refuses an output directory that is, contains or lies inside {@code input}, or lies inside a release
     * (a directory with a manifest): replacing it whole would delete the input, or add a file the release's
     * manifest does not list.
     */
    static void outsideOf(Path out, String outOption, Path input, String inputOption) {
        Path o = real(out);
        Path i = real(input);
        if (o.equals(i) || o.startsWith(i) || i.startsWith(o)) {
            throw new UsageException(out + ": " + (o.equals(i) ? "is" : o.startsWith(i) ? "lies inside" : "contains")
                    + " the input " + input + of(inputOption) + "; expected " + outOption + " elsewhere, so that "
                    + "writing it cannot change what is read");
        }
        notInRelease(out, outOption);
    }

    /**
     * Refuses an output (file or folder) inside a release, whose manifest lists every file it holds: one
     * more file there and the release no longer verifies.
     */
    static void notInRelease(Path out, String option) {
        if (out == null) {
            return;
        }
        for (Path q = real(out).getParent(); q != null; q = q.getParent()) {
            if (Files.isRegularFile(q.resolve("manifest.json"))) {
                throw new UsageException(out + ": lies inside the release " + q + ", whose manifest lists every file "
                        + "it holds; expected " + option + " outside any release");
            }
        }
    }

    /** The path with every existing ancestor's symbolic links resolved, for comparing paths. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (java.io.IOException e) {
            return abs;
        }
    }

    /** A count option that must lie in {@code [min, max]}. */
    static int between(int value, int min, int max, String option) {
        atLeast(value, min, option);
        if (value > max) {
            throw new UsageException(option + " must be at most " + String.format(java.util.Locale.ROOT, "%,d", max)
                    + ", found " + value);
        }
        return value;
    }

    private static String of(String option) {
        return option == null ? "" : " (" + option + ")";
    }
}
