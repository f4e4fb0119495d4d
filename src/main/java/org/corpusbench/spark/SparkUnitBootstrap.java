package org.corpusbench.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.corpusbench.eval.stats.CountLayout;
import org.corpusbench.eval.stats.PoissonBootstrap;
import org.corpusbench.evaluation.Evaluations;

/**
 * The streaming bootstrap of an evaluation against a gold ({@link Evaluations.UnitBootstrap}) filled on Spark:
 * the units, each its id and its counts written by the task's {@link CountLayout}, are cut into partitions;
 * each task adds its units to an accumulator of its own (the counts read back by the same layout, so the
 * integers added are the ones this JVM would add), and the driver merges the accumulators with
 * {@link PoissonBootstrap#merge}. A unit's weights depend only on the seed, its id and the replicate, and the
 * sums are of integers, so the result is bit for bit the accumulator {@link Evaluations.UnitBootstrap#THIS_JVM}
 * fills, for any number of partitions. The B x width additions per unit are the work that is spread.
 */
final class SparkUnitBootstrap implements Evaluations.UnitBootstrap {

    /** One unit: its key and its counts as the layout writes them. */
    static final class Unit implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final long[] counts;

        Unit(String id, long[] counts) {
            this.id = id;
            this.counts = counts;
        }

        String id() {
            return id;
        }

        long[] counts() {
            return counts;
        }
    }

    private final JavaSparkContext context;
    private final int parts;

    /** @param parts the number of partitions (0: the session's default parallelism) */
    SparkUnitBootstrap(JavaSparkContext context, int parts) {
        this.context = context;
        this.parts = parts > 0 ? parts : context.defaultParallelism();
    }

    @Override
    public <T> PoissonBootstrap<T> fill(List<String> ids, List<T> perUnit, CountLayout<T> layout, int replicates,
                                        long seed) {
        List<Unit> units = new ArrayList<>(perUnit.size());
        for (int i = 0; i < perUnit.size(); i++) {
            long[] v = new long[layout.width()];
            layout.write(perUnit.get(i), v);
            units.add(new Unit(ids.get(i), v));
        }
        List<PoissonBootstrap<T>> filled = context.parallelize(units, Math.max(1, Math.min(parts, units.size())))
                .mapPartitions((Iterator<Unit> it) -> {
                    PoissonBootstrap<T> b = new PoissonBootstrap<>(layout, replicates, seed);
                    while (it.hasNext()) {
                        Unit u = it.next();
                        b.add(u.id(), layout.read(u.counts()));
                    }
                    return List.of(b).iterator();
                }).collect();
        PoissonBootstrap<T> all = new PoissonBootstrap<>(layout, replicates, seed);
        for (PoissonBootstrap<T> b : filled) {
            all.merge(b);
        }
        return all;
    }
}
