package org.corpusbench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corpusbench.bench.SyntheticData;
import org.corpusbench.evaluation.BootstrapMethod;
import org.corpusbench.evaluation.EvaluationResult;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.Evaluations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Tokens per second of {@code evaluate --task dates --format timeml} once warm (issue 15): a generated
 * TempEval-3-like gold and system folder of 200,000 tokens ({@link SyntheticData#writeTimemlCorpus}, 404
 * documents a folder, 3.5 MB in all) in the page cache, read, checked and scored with 1000 resamples by the
 * given bootstrap. One operation is one token.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TimemlDatesBenchmark {

    private static final int TOKENS = 200_000;

    @Param({"classic", "poisson"})
    public String bootstrap;

    private Path dir;

    @Setup
    public void generate() throws IOException {
        dir = Files.createTempDirectory("corpusbench-jmh-timeml");
        SyntheticData.writeTimemlCorpus(dir.resolve("gold"), dir.resolve("system"), TOKENS, 2003);
    }

    @TearDown
    public void delete() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(TOKENS)
    public EvaluationResult folders() throws IOException {
        return Evaluations.timemlDates(dir.resolve("gold"), dir.resolve("system"),
                EvaluationSettings.defaults().withBootstrap(BootstrapMethod.parse(bootstrap)));
    }
}
