package org.corpusbench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corpusbench.bench.SyntheticData;
import org.corpusbench.bench.Workloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JSONL loading and validation (schemas and text) of a generated gold corpus; divide bytes by time.
 * {@code validate} checks lines on as many threads as the JVM sees processors (issue 15);
 * {@code validateOneThread} runs in a JVM told it has one, so the validator uses one thread (the JIT and
 * the collector may still use other cores: for one real core, pin JMH with {@code taskset -c 0}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValidationBenchmark {

    @Param({"50000000"})
    public long bytes;

    private Path dir;

    @Setup
    public void generate() throws IOException {
        dir = Files.createTempDirectory("jmh-corpus");
        SyntheticData.writeJsonlCorpus(dir, bytes, 2003);
    }

    @TearDown
    public void delete() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public String validate() {
        return Workloads.validate(dir);
    }

    @Benchmark
    @Fork(jvmArgsAppend = "-XX:ActiveProcessorCount=1")
    public String validateOneThread() {
        return Workloads.validate(dir);
    }
}
