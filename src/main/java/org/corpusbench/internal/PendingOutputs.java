package org.corpusbench.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary outputs not yet moved into place. A shutdown hook deletes whatever is still registered, so a
 * run stopped by SIGINT or SIGTERM (which run the JVM's shutdown hooks) leaves no temporary file or
 * directory behind; a run killed with SIGKILL cannot clean up, and leaves a hidden {@code .*.partial-*} or
 * {@code .*.tmp} sibling that no reader of corpusbench takes for data.
 */
public final class PendingOutputs {

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    /** Set when the JVM starts to shut down: no new output may be started after it. */
    private static volatile boolean stopping;

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(PendingOutputs::deleteAll, "corpusbench-cleanup"));
        } catch (IllegalStateException e) {
            // first used while the JVM is already shutting down (from another shutdown hook): nothing may start
            stopping = true;
        }
    }

    private PendingOutputs() {
    }

    /** Registers a temporary file or directory, to be deleted if the JVM stops before {@link #done}. */
    public static void register(Path p) {
        PENDING.add(p.toAbsolutePath());
    }

    /** The temporary path was moved into place or deleted: nothing to clean up any more. */
    public static void done(Path p) {
        PENDING.remove(p.toAbsolutePath());
    }

    /**
     * Refuses to start an output once the JVM is shutting down, so that a writer still running after a
     * signal cannot recreate what the shutdown hook deletes.
     */
    public static void checkNotStopping() throws IOException {
        if (stopping) {
            throw new IOException("stopped by a signal; the output was not written");
        }
    }

    /**
     * Whether the JVM is shutting down (a signal ran the shutdown hooks): a command that fails now failed
     * because it was stopped, whatever the exception says.
     */
    public static boolean stopping() {
        return stopping;
    }

    private static void deleteAll() {
        stopping = true;
        // A writer may still be adding files while the hook runs: try a few times.
        for (int round = 0; round < 20 && !PENDING.isEmpty(); round++) {
            for (Path p : PENDING) {
                try {
                    deleteRecursively(p);
                    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        PENDING.remove(p);
                    }
                } catch (IOException e) {
                    // tried again in the next round
                }
            }
            if (!PENDING.isEmpty()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Deletes a file, or a directory and everything under it; missing is fine. */
    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(p);
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
