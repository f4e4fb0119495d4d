package org.corpusbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.diagnostic.CorpusFormatException;

/**
 * The contract of every reader towards damaged input (issue 12, item 8): valid files changed byte by byte
 * ({@link Mutation}) are either read into a valid result or refused with a {@link CorpusFormatException}
 * whose location names a file of the input (and a line, when the reader reads lines). Nothing else: no
 * {@code RuntimeException} of any kind, no other {@code IOException}, no hang.
 *
 * <p>An implementation gives the valid files and a way to read them that checks what it returns. A
 * reader whose API is a {@code Stream} may only fail inside the stream with an
 * {@code UncheckedIOException}; its implementation unwraps the {@code CorpusFormatException} it must carry
 * ({@link #unwrap}), so that any other cause still fails the contract.
 */
public interface MutatedInputContract {

    /** The valid input: file contents by path relative to the directory it is written to. */
    Map<String, byte[]> seed() throws IOException;

    /**
     * Reads the input in {@code dir} and checks the result (an {@code AssertionError} when it is not valid).
     *
     * @throws CorpusFormatException when the reader refuses the input
     */
    void readAndCheck(Path dir) throws IOException;

    /** The files of the seed that are mutated; all by default. */
    default List<String> mutatedFiles() throws IOException {
        return seed().keySet().stream().sorted().toList();
    }

    /** Whether every refusal must name a line (the reader reads lines). */
    default boolean locatesLines() {
        return true;
    }

    @Example
    default void theSeedIsReadAndValid() throws IOException {
        Path dir = write(Map.of());
        try {
            readAndCheck(dir);
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 300)
    default void aMutatedInputIsReadValidOrRefusedWithItsLocation(@ForAll("mutatedFile") String file,
                                                                  @ForAll("mutations") List<Mutation> mutations)
            throws IOException {
        Path dir = write(Map.of(file, mutations));
        try {
            readOrRefuse(dir);
        } finally {
            delete(dir);
        }
    }

    @Provide
    default Arbitrary<String> mutatedFile() throws IOException {
        return Arbitraries.of(mutatedFiles());
    }

    @Provide
    default Arbitrary<List<Mutation>> mutations() {
        return Mutation.lists(3);
    }

    /** Reads {@code dir}: a valid result, or a located refusal; fails on anything else or after 20 s. */
    default void readOrRefuse(Path dir) throws IOException {
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> readAndCheck(dir));
        } catch (Exception e) {
            // assertTimeoutPreemptively rethrows what the reader threw, checked exceptions included
            if (!(e instanceof CorpusFormatException c)) {
                throw e;
            }
            assertLocated(c, dir);
        }
    }

    /** The refusal names a file of the input and, for a reader of lines, a line. */
    default void assertLocated(CorpusFormatException e, Path dir) {
        assertThat(e.location()).as("location of: %s", e.getMessage()).isNotNull();
        assertThat(e.location().file()).as("file of: %s", e.getMessage()).startsWith(dir.toString());
        if (locatesLines()) {
            assertThat(e.location().line()).as("line of: %s", e.getMessage()).isPositive();
        }
    }

    /**
     * The refusal of the seed with {@code file} changed by {@code mutations}, checked to be located: for
     * regression examples, which pin a shrunk counterexample and assert its message.
     */
    default CorpusFormatException refusal(String file, Mutation... mutations) throws IOException {
        Path dir = write(Map.of(file, List.of(mutations)));
        try {
            readAndCheck(dir);
            throw new AssertionError("read without an error: " + List.of(mutations));
        } catch (CorpusFormatException e) {
            assertLocated(e, dir);
            return e;
        } finally {
            delete(dir);
        }
    }

    /** The {@code CorpusFormatException} a stream's {@code UncheckedIOException} carries, thrown as such. */
    static <T> T unwrap(TempFiles.IoFunction<Path, T> read, Path p) throws IOException {
        try {
            return read.apply(p);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CorpusFormatException c) {
                throw c;
            }
            throw e;
        }
    }

    /** A fresh directory holding the seed, each file in {@code mutated} changed by its mutations. */
    default Path write(Map<String, List<Mutation>> mutated) throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-mutated");
        for (Map.Entry<String, byte[]> f : seed().entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            List<Mutation> m = mutated.getOrDefault(f.getKey(), List.of());
            Files.write(p, Mutation.applyAll(m, f.getValue()));
        }
        return dir;
    }

    /** Deletes {@code dir} and everything in it. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
