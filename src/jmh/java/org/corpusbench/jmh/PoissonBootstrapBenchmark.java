package org.corpusbench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.corpusbench.bench.SyntheticData;
import org.corpusbench.eval.entity.SpanCounts;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanEvaluator;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.eval.stats.CountLayout;
import org.corpusbench.eval.stats.CountLayouts;
import org.corpusbench.eval.stats.CountRows;
import org.corpusbench.eval.stats.PoissonBootstrap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Units per second through the bootstrap of {@code evaluate --task entities} at 1000 replicates: each unit the
 * 20 counts (five per SemEval-2013 scheme) of a sentence-sized document of {@code perUnit} gold entities, the
 * F1 interval of each scheme at the end. {@code poisson}: the streaming Poisson bootstrap, keys as positions;
 * {@code classic}: the same rows in {@link CountRows} and {@link Bootstrap#intervals}, for comparison in the
 * same run. One operation is one unit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PoissonBootstrapBenchmark {

    private static final int UNITS = 20_000;

    @Param({"1000"})
    public int replicates;

    /** Gold entities per unit: 2 is about a CoNLL-2003 sentence (1.6), 20 a short news document. */
    @Param({"2", "20"})
    public int perUnit;

    private List<long[]> rows;
    private List<ToDoubleFunction<long[]>> metrics;

    @Setup
    public void generate() {
        SyntheticData.SpanDocuments docs = SyntheticData.spans(UNITS * perUnit, perUnit, 2003);
        CountLayout<SpanEvaluation> layout = CountLayouts.spans();
        rows = new ArrayList<>(UNITS);
        for (int i = 0; i < UNITS; i++) {
            long[] row = new long[layout.width()];
            layout.write(SpanEvaluator.evaluate(docs.gold().get(i), docs.predicted().get(i)), row);
            rows.add(row);
        }
        metrics = new ArrayList<>();
        for (SpanScheme s : SpanScheme.values()) {
            int at = 5 * s.ordinal();
            metrics.add(r -> new SpanCounts(r[at], r[at + 1], r[at + 2], r[at + 3], r[at + 4]).prf(s).f1());
        }
    }

    @Benchmark
    @OperationsPerInvocation(UNITS)
    public List<Bootstrap.Interval> poisson() {
        PoissonBootstrap<long[]> acc = new PoissonBootstrap<>(CountLayouts.longs(20), replicates, 13);
        for (int i = 0; i < UNITS; i++) {
            acc.add(i, rows.get(i));
        }
        return acc.intervals(metrics, 0.95);
    }

    @Benchmark
    @OperationsPerInvocation(UNITS)
    public List<Bootstrap.Interval> classic() {
        CountRows units = new CountRows(20);
        for (int i = 0; i < UNITS; i++) {
            units.add(rows.get(i));
        }
        return Bootstrap.intervals(units, metrics, replicates, 0.95, 13);
    }
}
