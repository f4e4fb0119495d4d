package org.corpusbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A temporary file for the length of a call: jqwik properties cannot use JUnit's {@code @TempDir}. */
public final class TempFiles {

    private TempFiles() {
    }

    /** A function that may throw {@link IOException}. */
    @FunctionalInterface
    public interface IoFunction<A, B> {
        B apply(A a) throws IOException;
    }

    /** Writes {@code content} (UTF-8) to a new temporary file, applies {@code body} to it, then deletes it. */
    public static <T> T withFile(String content, IoFunction<Path, T> body) throws IOException {
        Path f = Files.createTempFile("corpusbench-test", ".conll");
        try {
            Files.writeString(f, content, StandardCharsets.UTF_8);
            return body.apply(f);
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
