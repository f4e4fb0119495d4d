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
import org.corpusbench.tags.TagScheme;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Tag-sequence scoring of an in-memory CoNLL file: conlleval's counting and seqeval's two modes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConllevalBenchmark {

    @Param({"1000000"})
    public long tokens;

    private byte[] file;

    @Setup
    public void generate() throws IOException {
        Path tmp = Files.createTempFile("jmh", ".conll");
        try {
            SyntheticData.writeConll(tmp, tokens, 2003);
            file = Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
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
}
