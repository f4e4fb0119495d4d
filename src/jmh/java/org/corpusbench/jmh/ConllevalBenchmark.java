package org.corpusbench.jmh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.corpusbench.bench.SyntheticData;
import org.corpusbench.eval.tags.ConllevalCounter;
import org.corpusbench.eval.tags.TagCounts;
import org.corpusbench.eval.tags.TagEvaluator;
import org.corpusbench.eval.tags.TagMode;
import org.corpusbench.evaluation.EvaluationResult;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.Evaluations;
import org.corpusbench.tags.TagScheme;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Tag-sequence scoring of a CoNLL file: conlleval's counting and seqeval's two modes, in memory, and
 * {@code evaluate --task tags} whole (issue 15: the byte-level path, the file in the page cache, with its 95%
 * intervals by the Poisson bootstrap over the file's sentences, the SHA-256 and the reports).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConllevalBenchmark {

    @Param({"1000000"})
    public long tokens;

    private byte[] file;
    private Path onDisk;

    @Setup
    public void generate() throws IOException {
        onDisk = Files.createTempFile("jmh", ".conll");
        SyntheticData.writeConll(onDisk, tokens, 2003);
        file = Files.readAllBytes(onDisk);
    }

    @TearDown
    public void delete() throws IOException {
        Files.deleteIfExists(onDisk);
    }

    @Benchmark
    public String conlleval() throws IOException {
        return ConllevalCounter.score(new ByteArrayInputStream(file), "jmh", new ConllevalCounter()).report();
    }

    @Benchmark
    public TagCounts seqevalDefault() throws IOException {
        return TagEvaluator.score(new ByteArrayInputStream(file), "jmh", TagMode.DEFAULT, TagScheme.IOB2);
    }

    @Benchmark
    public TagCounts seqevalStrict() throws IOException {
        return TagEvaluator.score(new ByteArrayInputStream(file), "jmh", TagMode.STRICT, TagScheme.IOB2);
    }

    /** {@code evaluate --task tags} as the library computes it: counts, intervals (1000 resamples), reports. */
    @Benchmark
    public EvaluationResult tagsWithIntervals() throws IOException {
        return Evaluations.tags(onDisk, EvaluationSettings.defaults());
    }

    /** The same in strict mode (IOB2). */
    @Benchmark
    public EvaluationResult tagsStrictWithIntervals() throws IOException {
        return Evaluations.tags(onDisk, EvaluationSettings.defaults().withDecoding(TagMode.STRICT, TagScheme.IOB2));
    }
}
