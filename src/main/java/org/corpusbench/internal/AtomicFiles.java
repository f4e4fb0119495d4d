package org.corpusbench.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes files so that a failure never leaves a half-written output: content goes to a temporary file
 * in the same directory, which is moved over the target only once it is complete. The temporary file is
 * created like any other file, so the result has the permissions the user's umask gives (the JDK's own
 * temporary files are always owner-only), and it is deleted if the JVM is stopped by a signal before the
 * move ({@link PendingOutputs}).
 */
public final class AtomicFiles {

    /** Writes the content of one output stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        PendingOutputs.checkNotStopping();
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = createSibling(target, ".tmp", false);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
            PendingOutputs.done(tmp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Creates a new hidden, registered sibling of {@code target} named {@code .NAME.RANDOM SUFFIX}: a file,
     * or a directory when {@code directory} is true. Permissions follow the umask.
     */
    static Path createSibling(Path target, String suffix, boolean directory) throws IOException {
        PendingOutputs.checkNotStopping();
        Path dir = target.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            byte[] b = new byte[6];
            RANDOM.nextBytes(b);
            Path p = dir.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(b) + suffix);
            PendingOutputs.register(p);
            try {
                return directory ? Files.createDirectory(p) : Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                PendingOutputs.done(p);
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Moves {@code from} onto {@code to} atomically where the file system can. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
