package org.corpusbench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * An output directory written whole or not at all: everything goes into a hidden sibling, which
 * {@link #commit} moves into place in one rename at the end. Closing without committing, an exception, or
 * SIGINT/SIGTERM leaves neither the output nor the sibling. Replacing an existing directory is explicit
 * ({@code overwrite}), and then the old directory goes whole: no stale file from an earlier run survives
 * next to the new ones.
 *
 * <pre>{@code
 * try (StagedDirectory out = StagedDirectory.create(target, overwrite)) {
 *     write(out.path());
 *     out.commit();
 * }
 * }</pre>
 */
public final class StagedDirectory implements AutoCloseable {

    /** The target exists and is not an empty directory, and replacing it was not asked for. */
    public static final class TargetExistsException extends IOException {
        private static final long serialVersionUID = 1L;

        TargetExistsException(String message) {
            super(message);
        }
    }

    private final Path target;
    private final Path staging;
    private boolean committed;

    private StagedDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Starts an output directory at {@code target}.
     *
     * @param overwrite whether an existing non-empty {@code target} may be replaced whole
     * @throws TargetExistsException when {@code target} is a file, or a non-empty directory and
     *                               {@code overwrite} is false
     */
    public static StagedDirectory create(Path target, boolean overwrite) throws IOException {
        check(target, overwrite);
        // a link is followed: the folder it names is what gets written, and the link keeps naming it
        Path real = Files.isSymbolicLink(target) ? target.toRealPath() : target;
        Path parent = real.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return new StagedDirectory(real, AtomicFiles.createSibling(real, ".partial", true));
    }

    /**
     * The checks of {@link #create}, without creating anything: for commands that should refuse a wrong
     * target before reading their input.
     */
    public static void check(Path target, boolean overwrite) throws IOException {
        if (Files.isSymbolicLink(target) && !Files.exists(target)) {
            throw new TargetExistsException(target + ": is a symbolic link to nothing (" + Files.readSymbolicLink(target)
                    + "); expected a directory, or a link to one");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new TargetExistsException(target + ": is a file; expected a directory to write into");
        }
        if (!overwrite && !isEmptyOrAbsent(target)) {
            throw new TargetExistsException(target + ": is not empty; choose a new directory, or pass --overwrite "
                    + "to replace it whole (its current files are deleted)");
        }
    }

    private static boolean isEmptyOrAbsent(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Where to write: the hidden staging directory. */
    public Path path() {
        return staging;
    }

    /** The directory the output will have once committed. */
    public Path target() {
        return target;
    }

    /** Moves the finished output into place, replacing (and deleting) what was there. */
    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            // Not left registered: a signal between the two moves must not delete the previous output.
            old = AtomicFiles.createSibling(target, ".old", true);
            PendingOutputs.done(old);
            AtomicFiles.move(target, old);
        }
        AtomicFiles.move(staging, target);
        committed = true;
        PendingOutputs.done(staging);
        if (old != null) {
            PendingOutputs.deleteRecursively(old);
        }
    }

    /** Deletes the staging directory unless the output was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            PendingOutputs.deleteRecursively(staging);
            PendingOutputs.done(staging);
        }
    }
}
