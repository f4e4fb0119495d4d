package org.corpusbench.jmh;

import java.util.concurrent.TimeUnit;
import org.corpusbench.bench.SyntheticData;
import org.corpusbench.bench.Workloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The four SemEval-2013 schemes over a million gold and a million predicted spans. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SpanBenchmark {

    @Param({"1000000"})
    public int spans;

    /** Spans per document; equal to {@code spans}, all in one document. */
    @Param({"10", "1000000"})
    public int perDocument;

    private SyntheticData.SpanDocuments docs;

    @Setup
    public void generate() {
        docs = SyntheticData.spans(spans, perDocument, 2003);
    }

    @Benchmark
    public String fourSchemes() {
        return Workloads.spans(docs);
    }
}
