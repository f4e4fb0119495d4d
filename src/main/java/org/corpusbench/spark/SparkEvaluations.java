package org.corpusbench.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.sql.SparkSession;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.stats.CountRows;
import org.corpusbench.eval.stats.PoissonBootstrap;
import org.corpusbench.eval.tags.ConllTagReader;
import org.corpusbench.eval.tags.TagCounts;
import org.corpusbench.eval.tags.TagEvaluator;
import org.corpusbench.eval.tags.TagMode;
import org.corpusbench.evaluation.BootstrapMethod;
import org.corpusbench.evaluation.ContradictionMatching;
import org.corpusbench.evaluation.EvaluationResult;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.Evaluations;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.PredictionParts;
import org.corpusbench.evaluation.PredictionSource;
import org.corpusbench.evaluation.Provenance;
import org.corpusbench.evaluation.Task;
import org.corpusbench.format.jsonl.JsonlLines;
import org.corpusbench.internal.Hashes;
import org.corpusbench.spark.PartResults.EntityPart;
import org.corpusbench.spark.PartResults.Outcome;
import org.corpusbench.spark.PartResults.SentenceCount;
import org.corpusbench.spark.PartResults.TagPart;
import org.corpusbench.tags.TagScheme;
import scala.Tuple2;

/**
 * {@link Evaluations#tags} and {@link Evaluations#conllEntities} on Spark: the same {@link EvaluationResult}
 * (tables, JSON and page) for a CoNLL file that Spark reads in parts, from any file system Hadoop reaches
 * (a local path, {@code hdfs://}, {@code s3a://} with the user's configuration).
 *
 * <p><b>How.</b> The file is cut into parts at blank lines ({@link ConllParts}), one Spark task a part. A
 * task scores its part with the code {@code evaluate} uses: for tags, {@link TagEvaluator#scorePart} (the
 * byte-level reader, a later part starting in the state a sentence break leaves), its sentences kept for the
 * bootstrap by {@link TagSentences} keyed by their byte offset in the file; for entities, {@link ConllTagReader}
 * and {@link Evaluations#conllSentence}, each sentence keyed by its index in the file. The driver merges the
 * parts' counts with {@link TagCounts#plus}, {@link SpanEvaluation#plus} and {@link PoissonBootstrap#merge}
 * (or concatenates the parts' rows, in file order, for the classic bootstrap), and renders them with
 * {@link Evaluations}. A byte offset is known to every part; a sentence's index is not, so for entities a
 * first pass counts each part's sentences, and the first pass is skipped when no interval needs the keys
 * ({@code --bootstrap classic}, or 0 resamples). Every sentence therefore gets the Poisson weights it gets in
 * one piece, and the figures do not depend on the number of parts.
 *
 * <p><b>Refusals.</b> A part with an input problem (invalid UTF-8, a line with the wrong number of columns,
 * a tag that strict decoding refuses), parts whose token lines have different numbers of columns, or (tags,
 * default mode) a part whose malformed tags make its chunks depend on the part before it, make the driver
 * read the file in one piece, as {@code evaluate --threads} does: the first problem in the file is then
 * refused with its file and line, exactly as {@code evaluate} refuses it (and, for the last case, the tags
 * are scored in one piece). An empty file is refused as {@code evaluate} refuses it.
 *
 * <p>The SHA-256 of the file, which the report names it by, is computed on the driver while the parts are
 * scored.
 */
public final class SparkEvaluations {

    /** Bytes a part holds at most when the number of parts is left to this class (64 MiB). */
    public static final long PART_BYTES = 64L << 20;

    /** Parts at most, whatever is asked for. */
    public static final int MAX_PARTS = 100_000;

    private SparkEvaluations() {
    }

    /**
     * The chunk scores of the CoNLL file at {@code path} (a Hadoop path or URI), as
     * {@link Evaluations#tags(java.nio.file.Path, EvaluationSettings)} computes them; {@code parts} is the
     * number of parts (0: at least the session's default parallelism, and enough that no part exceeds
     * {@link #PART_BYTES}). The settings' {@code threads} is not used.
     */
    public static EvaluationResult tags(SparkSession spark, String path, EvaluationSettings settings, int parts)
            throws IOException {
        Job job = Job.of(spark, path, settings, parts);
        CompletableFuture<String> sha = job.sha256();
        List<TagPart> scored = job.context().parallelize(ConllParts.indexes(job.parts), job.parts)
                .map(k -> tagsOfPart(job, k)).collect();
        boolean inOnePiece = !consistent(scored);
        for (int k = 1; k < scored.size() && !inOnePiece; k++) {
            inOnePiece = scored.get(k).dependsOnEarlierInput();
        }
        if (inOnePiece) {
            // the first problem in the file is refused here, located as evaluate locates it; or the parts'
            // chunks depended on the input before them, and the file is scored as it stands
            TagSentences sink = new TagSentences(settings);
            TagEvaluator.Part<TagSentences> whole;
            try (InputStream in = job.open()) {
                whole = TagEvaluator.scorePart(in, path, 0, true, settings.tagMode(), settings.scheme(),
                        settings.skipDocstart(), sink);
            }
            scored = List.of(TagPart.of(whole));
        }
        TagCounts total = TagCounts.EMPTY;
        long sentences = 0;
        for (TagPart p : scored) {
            total = total.plus(p.counts());
            sentences += p.sentences();
        }
        PoissonBootstrap<long[]> poisson = null;
        CountRows rows = null;
        if (settings.resamples() > 0) {
            if (settings.bootstrap().poissonFor(sentences)) {
                poisson = Evaluations.tagBootstrap(settings);
                for (TagPart p : scored) {
                    poisson.merge(p.poisson());
                }
            } else {
                rows = rows(scored.stream().map(TagPart::rows).toList(), Evaluations.TAG_ROW_WIDTH);
            }
        }
        return Evaluations.tags(job.input(sha), settings, total, sentences, poisson, rows);
    }

    /** The rows of the parts, one after another, in a table of {@code width} counts a row. */
    private static CountRows rows(List<int[]> parts, int width) {
        CountRows rows = new CountRows(width);
        long[] row = new long[width];
        for (int[] r : parts) {
            for (int at = 0; at < r.length; at += width) {
                for (int c = 0; c < width; c++) {
                    row[c] = r[at + c];
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** {@link #tags(SparkSession, String, EvaluationSettings, int)} with the number of parts chosen by size. */
    public static EvaluationResult tags(SparkSession spark, String path, EvaluationSettings settings)
            throws IOException {
        return tags(spark, path, settings, 0);
    }

    /**
     * The four SemEval-2013 span schemes over the chunks of the CoNLL file at {@code path}, each sentence a
     * unit of the 95% intervals, as {@link Evaluations#conllEntities(java.nio.file.Path, EvaluationSettings)}
     * computes them; {@code parts} as for {@link #tags(SparkSession, String, EvaluationSettings, int)}.
     */
    public static EvaluationResult conllEntities(SparkSession spark, String path, EvaluationSettings settings,
                                                 int parts) throws IOException {
        Job job = Job.of(spark, path, settings, parts);
        CompletableFuture<String> sha = job.sha256();
        BootstrapMethod method = settings.bootstrap();
        long[] first = null;
        long sentences = -1;
        boolean byRows = method == BootstrapMethod.CLASSIC;
        if (!byRows && settings.resamples() > 0) {
            List<SentenceCount> counts = job.context().parallelize(ConllParts.indexes(job.parts), job.parts)
                    .map(k -> sentencesOfPart(job, k)).collect();
            if (!consistent(counts)) {
                throw locateEntityProblem(job);
            }
            first = new long[job.parts];
            sentences = 0;
            for (int k = 0; k < job.parts; k++) {
                first[k] = sentences;
                sentences += counts.get(k).sentences();
            }
            byRows = !method.poissonFor(sentences);
        }
        long[] firstIndex = first;
        // what the parts keep for the intervals: each sentence's row, or an accumulator, or (no resample) nothing
        boolean rows = byRows && settings.resamples() > 0;
        boolean accumulate = !byRows && settings.resamples() > 0;
        List<EntityPart> scored = job.context().parallelize(ConllParts.indexes(job.parts), job.parts)
                .map(k -> entitiesOfPart(job, k, firstIndex == null ? 0 : firstIndex[k], rows, accumulate))
                .collect();
        if (!consistent(scored)) {
            throw locateEntityProblem(job);
        }
        SpanEvaluation total = SpanEvaluation.EMPTY;
        PoissonBootstrap<long[]> poisson = accumulate ? Evaluations.sentenceBootstrap(settings) : null;
        long n = 0;
        for (EntityPart p : scored) {
            total = total.plus(p.total());
            n += p.sentences();
            if (poisson != null) {
                poisson.merge(p.poisson());
            }
        }
        if (sentences >= 0 && n != sentences) {
            throw new IllegalStateException("the parts held " + sentences + " sentences in the first pass and " + n
                    + " in the second");
        }
        CountRows units = rows ? rows(scored.stream().map(EntityPart::rows).toList(),
                Evaluations.SENTENCE_ROW_WIDTH) : null;
        return Evaluations.conllEntities(job.input(sha), settings, total, n, poisson, units);
    }

    /** {@link #conllEntities(SparkSession, String, EvaluationSettings, int)} with the parts chosen by size. */
    public static EvaluationResult conllEntities(SparkSession spark, String path, EvaluationSettings settings)
            throws IOException {
        return conllEntities(spark, path, settings, 0);
    }

    /**
     * {@link Evaluations#evaluate(Task, GoldCorpus, java.nio.file.Path, EvaluationSettings)} on Spark, with the
     * same result and the same refusals. Entities, dates and NLI: the file is cut at line ends into
     * {@code parts} parts (0: as many as the session's cores, none over {@link #PART_BYTES}), each read,
     * checked and scored per document or pair on an executor ({@link #scoreInParts}); a file with any problem
     * is read in one piece on the driver, which reports (or, lenient, skips) every problem as {@code evaluate}
     * does. Contradictions, whose units are pairs of documents, are read on the driver, and their streaming
     * bootstrap filled on Spark ({@link SparkUnitBootstrap}) in {@code parts} partitions.
     */
    public static EvaluationResult evaluate(SparkSession spark, Task task, GoldCorpus gold,
                                            java.nio.file.Path predictions, EvaluationSettings settings, int parts)
            throws IOException {
        if (parts < 0) {
            throw new IllegalArgumentException("parts must be 0 (the session's parallelism) or more, not " + parts);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return Evaluations.evaluate(task, gold, predictions, settings, new SparkUnitBootstrap(jsc, parts),
                (t, g, file, s) -> scoreInParts(jsc, t, g, file.name(), s, parts));
    }

    /**
     * As {@link #evaluate(SparkSession, Task, GoldCorpus, java.nio.file.Path, EvaluationSettings, int)}, with the
     * predictions at {@code path} on any file system Hadoop reads ({@code hdfs://}, {@code s3a://} with the
     * user's {@code spark.hadoop.*} settings, a local path): the executors read the parts there, and the driver
     * reads the file there when it hashes it for the report or a problem sends it the whole file.
     */
    public static EvaluationResult evaluate(SparkSession spark, Task task, GoldCorpus gold, String path,
                                            EvaluationSettings settings, int parts) throws IOException {
        if (parts < 0) {
            throw new IllegalArgumentException("parts must be 0 (the session's parallelism) or more, not " + parts);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path p = HadoopPaths.of(path);
        FileSystem fs = HadoopPaths.fileSystem(p, jsc.hadoopConfiguration());
        if (fs.getFileStatus(p).isDirectory()) {
            throw new CorpusFormatException(Location.ofFile(path), null, "is a directory; expected a JSONL file "
                    + "of predictions");
        }
        PredictionSource source = new PredictionSource() {
            @Override
            public String name() {
                return path;
            }

            @Override
            public String format() {
                return "jsonl";
            }

            @Override
            public String sha256() throws IOException {
                try (InputStream in = fs.open(p)) {
                    return Hashes.sha256(in);
                }
            }

            @Override
            public InputStream open() throws IOException {
                return fs.open(p);
            }
        };
        return Evaluations.evaluate(task, gold, source, settings, new SparkUnitBootstrap(jsc, parts),
                (t, g, file, s) -> scoreInParts(jsc, t, g, path, s, parts));
    }

    /**
     * As {@link #evaluate(SparkSession, Task, GoldCorpus, java.nio.file.Path, EvaluationSettings, int)}, with the
     * predictions in Parquet ({@link ParquetPredictions}): a file or a folder of files with a row per prediction
     * record, each row read as the JSON record it holds. {@code parts}: 0 leaves the rows in the partitions
     * Spark reads them in, more spreads them over that many.
     */
    public static EvaluationResult evaluateParquet(SparkSession spark, Task task, GoldCorpus gold, String path,
                                                   EvaluationSettings settings, int parts) throws IOException {
        if (parts < 0) {
            throw new IllegalArgumentException("parts must be 0 (as Spark reads them) or more, not " + parts);
        }
        ParquetPredictions source = ParquetPredictions.open(spark, path);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return Evaluations.evaluate(task, gold, source, settings, new SparkUnitBootstrap(jsc, parts),
                (t, g, file, s) -> scoreInParts(jsc, t, g, source, s, parts));
    }

    /**
     * The rows of the Parquet predictions {@code source} in {@code parts} partitions (0: as Spark reads them),
     * each partition's rows read, checked and scored by a task, and merged as {@link #scoreInParts(
     * JavaSparkContext, Task, GoldCorpus, String, EvaluationSettings, int)} merges the parts of a file.
     */
    static PredictionParts.Merged scoreInParts(JavaSparkContext jsc, Task task, GoldCorpus gold,
                                               ParquetPredictions source, EvaluationSettings settings, int parts) {
        if (task == Task.CONTRADICTIONS) {
            // the rows as Spark reads them, partitions in file order: a unit's pairs are put back in that order
            return contradictions(jsc, gold, settings, reading -> source.records(0)
                    .mapPartitionsWithIndex(pairsOfRows(reading, source.name()), true), 0);
        }
        return merge(jsc, task, gold, settings, scoring -> source.records(parts)
                .mapPartitions(rowsOf(scoring, source.name())), parts);
    }

    /** The task that reads the pairs of a partition of Parquet rows, as {@link #pairsOfFile} reads a part. */
    private static org.apache.spark.api.java.function.Function2<Integer, Iterator<String>,
            Iterator<PredictionParts.ContradictionItem>> pairsOfRows(PartTask scoring, String name) {
        return (index, rows) -> {
            PredictionParts.ContradictionReader reader = new PredictionParts.ContradictionReader(scoring.gold(),
                    index);
            List<PredictionParts.ContradictionItem> out = new java.util.ArrayList<>();
            long row = 0;
            while (rows.hasNext()) {
                JsonlLines line = JsonlLines.ofChunk(rows.next().getBytes(StandardCharsets.UTF_8), name, 0, 0);
                while (line.next()) {
                    PredictionParts.ContradictionItem i = reader.line(line, row++);
                    if (i != null) {
                        out.add(i);
                    }
                }
            }
            return (reader.clean() ? out : List.of(new PredictionParts.ContradictionItem(null, null, index, 0,
                    null))).iterator();
        };
    }

    /** The task that scores a partition of a Parquet file's rows, each row the JSON record it holds. */
    private static FlatMapFunction<Iterator<String>, PredictionParts.PartScores> rowsOf(PartTask scoring,
                                                                                        String name) {
        return rows -> {
            PredictionParts.PartScorer scorer = scoring.scorer();
            while (rows.hasNext()) {
                JsonlLines line = JsonlLines.ofChunk(rows.next().getBytes(StandardCharsets.UTF_8), name, 0, 0);
                while (line.next()) {
                    scorer.line(line);
                }
            }
            return List.of(scorer.scores()).iterator();
        };
    }

    /**
     * The predictions file at {@code path} cut at line ends into parts, each read, checked and scored by a task
     * ({@link PredictionParts.PartScorer}) against the gold sent to every executor once ({@link GoldShipment}),
     * and merged with {@link PredictionParts#merge}; {@code null} when the file must be read in one piece.
     */
    static PredictionParts.Merged scoreInParts(JavaSparkContext jsc, Task task, GoldCorpus gold, String path,
                                               EvaluationSettings settings, int parts) throws IOException {
        Configuration conf = jsc.hadoopConfiguration();
        Path p = HadoopPaths.of(path);
        FileSystem fs = HadoopPaths.fileSystem(p, conf);
        long size = fs.getFileStatus(p).getLen();
        long partBytes = JsonlParts.partBytes(size, parts, jsc.defaultParallelism(), PART_BYTES);
        List<JsonlParts.Part> cut = JsonlParts.cut(List.of(new JsonlParts.InputFile(path,
                fs.makeQualified(p).toString(), size)), partBytes);
        HadoopConfiguration hc = new HadoopConfiguration(conf);
        if (task == Task.CONTRADICTIONS) {
            return contradictions(jsc, gold, settings, scoring -> jsc.parallelize(cut, cut.size())
                    .flatMap(pairsOfFile(scoring, hc)), cut.size());
        }
        return merge(jsc, task, gold, settings, scorer -> jsc.parallelize(cut, cut.size())
                .map(partOfFile(task, scorer, hc)), cut.size());
    }

    /** Builds the predicted pairs from the task that reads them (an item without a unit: a part with a problem). */
    interface PredictedPairs {
        JavaRDD<PredictionParts.ContradictionItem> of(PartTask reader);
    }

    /**
     * Contradiction predictions in parts: the pairs the parts read, brought together by unit (the pair of
     * documents they lie in) and matched there to the unit's gold pairs ({@link PredictionParts#scoreUnit}),
     * the units added up on the driver ({@link PredictionParts#mergeContradictions}); {@code null} when a part
     * met a problem or the file must otherwise be read in one piece.
     */
    private static PredictionParts.Merged contradictions(JavaSparkContext jsc, GoldCorpus gold,
                                                         EvaluationSettings settings, PredictedPairs pairs,
                                                         int shuffle) {
        try (Shipment shipment = new Shipment(jsc, gold)) {
            PartTask task = shipment.task(Task.CONTRADICTIONS, settings);
            JavaRDD<PredictionParts.ContradictionItem> items = pairs.of(task)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                return contradictions(jsc, gold, settings, task, items, shuffle);
            } finally {
                items.unpersist(false);
            }
        }
    }

    private static PredictionParts.Merged contradictions(JavaSparkContext jsc, GoldCorpus gold,
                                                         EvaluationSettings settings, PartTask task,
                                                         JavaRDD<PredictionParts.ContradictionItem> items,
                                                         int shuffle) {
        if (!items.filter(i -> i.unit() == null).isEmpty()) {
            return null;
        }
        long records = items.count();
        int partitions = partitions(jsc, shuffle);
        long distinct = items.map(PredictionParts.ContradictionItem::pair).distinct(partitions).count();
        List<PredictionParts.UnitScores> scored = items
                .mapToPair(i -> new Tuple2<>(i.unit(), i)).groupByKey(partitions)
                .map(u -> PredictionParts.scoreUnit(task.gold(), task.settings().settings(), u._1(),
                        toList(u._2())))
                .collect();
        return PredictionParts.mergeContradictions(gold, settings, scored, records, distinct);
    }

    /** Partitions of a shuffle: {@code shuffle} when the user asked for parts, else the session's cores. */
    private static int partitions(JavaSparkContext jsc, int shuffle) {
        return Math.max(1, shuffle > 0 ? shuffle : jsc.defaultParallelism());
    }

    /**
     * The gold for one job's tasks: named by its key on a local master, where every task runs in this JVM;
     * broadcast on a cluster; forgotten and destroyed once the job is over.
     */
    private static final class Shipment implements AutoCloseable {
        private final GoldShipment gold;
        private final Broadcast<GoldShipment> broadcast;

        Shipment(JavaSparkContext jsc, GoldCorpus gold) {
            this.gold = new GoldShipment(gold, jsc.isLocal());
            this.broadcast = jsc.isLocal() ? null : jsc.broadcast(this.gold);
        }

        PartTask task(Task task, EvaluationSettings settings) {
            return new PartTask(task, broadcast == null ? gold : null, broadcast, TaskSettings.of(settings));
        }

        @Override
        public void close() {
            if (broadcast != null) {
                broadcast.destroy();
            }
            gold.release();
        }
    }

    private static <T> List<T> toList(Iterable<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEach(out::add);
        return out;
    }

    /** The task that reads the pairs of a part of a file: all of them, or one item without a unit (a problem). */
    private static FlatMapFunction<JsonlParts.Part, PredictionParts.ContradictionItem> pairsOfFile(
            PartTask scoring, HadoopConfiguration conf) {
        return part -> {
            PredictionParts.ContradictionReader reader = new PredictionParts.ContradictionReader(scoring.gold(),
                    part.index());
            List<PredictionParts.ContradictionItem> out = new java.util.ArrayList<>();
            Path p = new Path(part.path());
            JsonlParts.read(HadoopPaths.fileSystem(p, conf.get()), part, 0, line -> {
                PredictionParts.ContradictionItem i = reader.line(line, line.lineNumber());
                if (i != null) {
                    out.add(i);
                }
            });
            return (reader.clean() ? out : List.of(new PredictionParts.ContradictionItem(null, null, part.index(),
                    0, null))).iterator();
        };
    }

    /** Builds the scored parts from the task that scores a part's lines. */
    interface ScoredParts {
        JavaRDD<PredictionParts.PartScores> of(PartTask scorer);
    }

    /**
     * What a task needs to score lines: the gold, shipped once to each executor ({@code shipped}) or, on a local
     * master, named by its key ({@code local}), and the settings.
     */
    record PartTask(Task task, GoldShipment local, Broadcast<GoldShipment> shipped, TaskSettings settings)
            implements Serializable {
        PredictionParts.PartScorer scorer() throws IOException {
            return new PredictionParts.PartScorer(task, gold(), settings.settings());
        }

        GoldCorpus gold() throws IOException {
            return (local != null ? local : shipped.value()).gold();
        }
    }

    /**
     * Scores the parts {@code parts} makes with the gold shipped to the executors, and merges them. With the
     * Poisson bootstrap only the parts' sums and accumulators come to the driver, and the unit ids are counted
     * where the parts are; with the classic one (at most 10,000 units unless asked for) every unit's row comes
     * to the driver, which orders them as the gold does.
     */
    private static PredictionParts.Merged merge(JavaSparkContext jsc, Task task, GoldCorpus gold,
                                                EvaluationSettings settings, ScoredParts parts, int shuffle) {
        try (Shipment shipment = new Shipment(jsc, gold)) {
            JavaRDD<PredictionParts.PartScores> scored = parts.of(shipment.task(task, settings));
            if (PredictionParts.keepRows(task, gold, settings)) {
                List<PredictionParts.PartScores> all = scored.collect();
                return PredictionParts.merge(task, gold, settings, all, distinct(all), all);
            }
            scored = scored.persist(StorageLevel.MEMORY_AND_DISK());
            try {
                List<PredictionParts.PartScores> summaries = scored.map(PredictionParts.PartScores::summary)
                        .collect();
                if (summaries.stream().anyMatch(PredictionParts.PartScores::failed)) {
                    return null;
                }
                long distinct = scored.flatMap(x -> x.ids().iterator()).distinct(partitions(jsc, shuffle)).count();
                return PredictionParts.merge(task, gold, settings, summaries, distinct, List.of());
            } finally {
                scored.unpersist(false);
            }
        }
    }

    /** The task that scores a part of a file: made in a static method, so that it holds only what it names. */
    private static org.apache.spark.api.java.function.Function<JsonlParts.Part, PredictionParts.PartScores>
            partOfFile(Task task, PartTask scoring, HadoopConfiguration conf) {
        return part -> {
            PredictionParts.PartScorer scorer = scoring.scorer();
            Path p = new Path(part.path());
            JsonlParts.read(HadoopPaths.fileSystem(p, conf.get()), part, 0, scorer::line);
            return scorer.scores();
        };
    }

    /** The number of distinct unit ids of parts that kept them. */
    private static long distinct(List<PredictionParts.PartScores> parts) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (PredictionParts.PartScores x : parts) {
            ids.addAll(x.ids());
        }
        return ids.size();
    }

    /** No part failed, and every part with token lines has the columns of the first such part. */
    private static boolean consistent(List<? extends Outcome> parts) {
        int columns = -1;
        for (Outcome o : parts) {
            if (o.failed()) {
                return false;
            }
            if (o.columns() >= 0) {
                if (columns >= 0 && o.columns() != columns) {
                    return false;
                }
                columns = o.columns();
            }
        }
        return true;
    }

    /**
     * Reads the file in one piece on the driver, as {@code evaluate} does, and returns the first problem with
     * its line; a part failed, so there is one.
     */
    private static IOException locateEntityProblem(Job job) throws IOException {
        EvaluationSettings settings = job.settings.settings();
        try (InputStream in = job.open(); ConllTagReader reader = new ConllTagReader(in, job.path, true)) {
            for (ConllTagReader.Sentence s = reader.next(); s != null; s = reader.next()) {
                Evaluations.conllSentence(s, settings, job.path);
            }
        } catch (CorpusFormatException e) {
            return e;
        }
        throw new IllegalStateException("a part of " + job.path + " could not be scored, but the file reads "
                + "without a problem in one piece");
    }

    private static TagPart tagsOfPart(Job job, int k) throws IOException {
        EvaluationSettings s = job.settings.settings();
        try (FSDataInputStream in = job.openData()) {
            long[] r = ConllParts.range(in, job.size, k, job.parts);
            try {
                return TagPart.of(TagEvaluator.scorePart(ConllParts.stream(in, r[0], r[1]), job.path, r[0], k == 0,
                        s.tagMode(), s.scheme(), s.skipDocstart(), new TagSentences(s)));
            } catch (CorpusFormatException e) {
                // a located problem, at a line counted from the part's start: the driver finds it in the file
                return TagPart.problem();
            }
        }
    }

    private static SentenceCount sentencesOfPart(Job job, int k) throws IOException {
        try (FSDataInputStream in = job.openData()) {
            long[] r = ConllParts.range(in, job.size, k, job.parts);
            try (ConllTagReader reader = new ConllTagReader(ConllParts.stream(in, r[0], r[1]), job.path, true)) {
                long n = 0;
                while (reader.next() != null) {
                    n++;
                }
                return new SentenceCount(false, reader.columns(), n);
            } catch (CorpusFormatException e) {
                return new SentenceCount(true, -1, 0);
            }
        }
    }

    private static EntityPart entitiesOfPart(Job job, int k, long firstIndex, boolean byRows, boolean accumulate)
            throws IOException {
        EvaluationSettings s = job.settings.settings();
        SpanEvaluation total = SpanEvaluation.EMPTY;
        PoissonBootstrap<long[]> poisson = accumulate ? Evaluations.sentenceBootstrap(s) : null;
        int[] rows = byRows ? new int[Evaluations.SENTENCE_ROW_WIDTH * 64] : null;
        int width = Evaluations.SENTENCE_ROW_WIDTH;
        long n = 0;
        try (FSDataInputStream in = job.openData()) {
            long[] r = ConllParts.range(in, job.size, k, job.parts);
            try (ConllTagReader reader = new ConllTagReader(ConllParts.stream(in, r[0], r[1]), job.path, true)) {
                for (ConllTagReader.Sentence sent = reader.next(); sent != null; sent = reader.next()) {
                    SpanEvaluation e = Evaluations.conllSentence(sent, s, job.path);
                    total = total.plus(e);
                    long[] row = Evaluations.sentenceRow(e);
                    if (poisson != null) {
                        poisson.add(firstIndex + n, row);
                    } else if (rows != null) {
                        if ((n + 1) * width > rows.length) {
                            rows = java.util.Arrays.copyOf(rows, Math.toIntExact(Math.max((n + 1) * width,
                                    2L * rows.length)));
                        }
                        for (int c = 0; c < width; c++) {
                            rows[(int) n * width + c] = Math.toIntExact(row[c]);
                        }
                    }
                    n++;
                }
                int[] kept = rows == null ? null : java.util.Arrays.copyOf(rows, (int) n * width);
                return EntityPart.of(reader.columns(), n, total, poisson, kept);
            } catch (CorpusFormatException e) {
                return EntityPart.problem();
            }
        }
    }

    /** The settings, in a form Spark can send to a task: every component of {@link EvaluationSettings}. */
    record TaskSettings(TagMode mode, TagScheme scheme, ContradictionMatching matching, boolean conll4,
                        boolean skipDocstart, boolean lenient, boolean allowEmpty, int threads, int resamples,
                        long seed, BootstrapMethod bootstrap) implements Serializable {

        static TaskSettings of(EvaluationSettings s) {
            return new TaskSettings(s.tagMode(), s.scheme(), s.matching(), s.conll4(), s.skipDocstart(), s.lenient(),
                    s.allowEmpty(), s.threads(), s.resamples(), s.seed(), s.bootstrap());
        }

        EvaluationSettings settings() {
            return new EvaluationSettings(mode, scheme, matching, conll4, skipDocstart, lenient, allowEmpty, threads,
                    resamples, seed, bootstrap);
        }
    }

    /** One file scored in parts: what every task needs to find and read its part. */
    static final class Job implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The path as the user gave it, which reports and messages name. */
        final String path;
        /** The path qualified on the driver (scheme and absolute path), which every task opens. */
        final String qualified;
        final long size;
        final int parts;
        final TaskSettings settings;
        final HadoopConfiguration conf;
        private final transient JavaSparkContext context;

        private Job(String path, String qualified, long size, int parts, TaskSettings settings,
                    HadoopConfiguration conf, JavaSparkContext context) {
            this.path = path;
            this.qualified = qualified;
            this.size = size;
            this.parts = parts;
            this.settings = settings;
            this.conf = conf;
            this.context = context;
        }

        static Job of(SparkSession spark, String path, EvaluationSettings settings, int parts) throws IOException {
            if (parts < 0) {
                throw new IllegalArgumentException("parts must be 0 (chosen by size) or more, not " + parts);
            }
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Configuration conf = jsc.hadoopConfiguration();
            Path p = HadoopPaths.of(path);
            FileSystem fs = HadoopPaths.fileSystem(p, conf);
            org.apache.hadoop.fs.FileStatus status = fs.getFileStatus(p);
            if (status.isDirectory()) {
                throw new CorpusFormatException(Location.ofFile(path), null, "is a directory; expected a CoNLL file "
                        + "(one token a line, sentences separated by blank lines)");
            }
            long size = status.getLen();
            int n = parts > 0 ? parts : (int) Math.max(jsc.defaultParallelism(),
                    Math.min(MAX_PARTS, (size + PART_BYTES - 1) / PART_BYTES));
            // a relative path is the driver's: an executor's working directory is another
            return new Job(path, fs.makeQualified(p).toString(), size, Math.min(n, MAX_PARTS),
                    TaskSettings.of(settings), new HadoopConfiguration(conf), jsc);
        }

        JavaSparkContext context() {
            return context;
        }

        FSDataInputStream openData() throws IOException {
            Path p = new Path(qualified);
            return HadoopPaths.fileSystem(p, conf.get()).open(p);
        }

        InputStream open() throws IOException {
            return openData();
        }

        /** The file's SHA-256, computed on another thread of the driver while the tasks run. */
        CompletableFuture<String> sha256() {
            return CompletableFuture.supplyAsync(() -> {
                try (InputStream in = open()) {
                    return Hashes.sha256(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        Provenance.Input input(CompletableFuture<String> sha) throws IOException {
            try {
                return new Provenance.Input("predictions", path, sha.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while hashing " + path);
            }
        }
    }
}
