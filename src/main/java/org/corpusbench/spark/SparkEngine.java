package org.corpusbench.spark;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.evaluation.EvaluationResult;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.Task;
import org.corpusbench.format.registry.CorpusFormat;
import org.corpusbench.schema.CorpusValidator.Role;

/**
 * A Spark session started for a run of the command line, with the evaluations of {@link SparkEvaluations}
 * on it. Its methods name no Spark type, so that the command line can be loaded, and its help printed,
 * without Spark's jars on the class path; only {@link #start} needs them.
 */
public final class SparkEngine implements AutoCloseable {

    /** Spark's setting for how deep in a task's failure it looks for an error that ends the executor's JVM. */
    static final String KILL_ON_FATAL_ERROR = "spark.executor.killOnFatalError.depth";

    /** What an evaluation can lower to need less memory: the bootstrap keeps resamples × counts per part. */
    private static final String RESAMPLES = "--resamples";

    private final SparkSession spark;
    private final boolean owned;

    private SparkEngine(SparkSession spark, boolean owned) {
        this.spark = spark;
        this.owned = owned;
    }

    /**
     * Starts (or joins, under {@code spark-submit}) a session named {@code appName}: on {@code master}
     * ({@code local[2]}, {@code spark://host:7077}, ...), or on the master that {@code spark-submit} configured
     * when {@code master} is {@code null}, with the settings {@code conf} ({@code spark.executor.memory}, ...).
     * When a session is running in this JVM already, it is used as it is, and {@link #close} leaves it running.
     * On a local master a task out of memory fails its job instead of ending this JVM, which is the executor.
     */
    public static SparkEngine start(String appName, String master, Map<String, String> conf) {
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (master != null) {
            b = b.master(master);
        }
        for (Map.Entry<String, String> e : conf.entrySet()) {
            b = b.config(e.getKey(), e.getValue());
        }
        String m = master != null ? master : System.getProperty("spark.master", "");
        if ((m.equals("local") || m.startsWith("local[")) && !conf.containsKey(KILL_ON_FATAL_ERROR)) {
            // a local executor is this JVM: by default a task out of memory would exit it (code 52) before the
            // command line could say what happened; so the task fails, and the job with it (JobFailure)
            b = b.config(KILL_ON_FATAL_ERROR, "0");
        }
        boolean running = SparkSession.getDefaultSession().isDefined();
        try {
            return new SparkEngine(b.getOrCreate(), !running);
        } catch (RuntimeException e) {
            throw new StartException(e);
        } catch (Exception e) {
            // Scala's checked exceptions (SparkException) are not declared to Java
            throw new StartException(e);
        }
    }

    /**
     * Spark could not start a session from the options it was given (a master URL it cannot parse,
     * {@code local[0]}, a setting it refuses): a mistake in the user's options, not a bug, which the command
     * line reports as a usage error with Spark's own message.
     */
    public static final class StartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartException(Exception cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    /**
     * A Spark job failed for a reason that is not the user's input: a task ran out of memory or was killed, an
     * executor was lost, or corpusbench has a bug. The message is one line that names the failure and what to
     * try; the command line prints it as it is (exit 3), without Spark's stack traces.
     */
    public static final class JobFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The master the session runs on, as Spark names it. */
    public String master() {
        return spark.sparkContext().master();
    }

    /** The number of tasks the session runs at once by default (its cores). */
    public int defaultParallelism() {
        return spark.sparkContext().defaultParallelism();
    }

    /**
     * {@link SparkEvaluations#tags(SparkSession, String, EvaluationSettings, int)} on this session; a failure
     * inside a task as {@link SparkFailures} says (so for every method below).
     */
    public EvaluationResult tags(String path, EvaluationSettings settings, int parts) throws IOException {
        return translate(List.of(path), true, RESAMPLES, () -> SparkEvaluations.tags(spark, path, settings, parts));
    }

    /** {@link SparkEvaluations#conllEntities(SparkSession, String, EvaluationSettings, int)} on this session. */
    public EvaluationResult conllEntities(String path, EvaluationSettings settings, int parts) throws IOException {
        return translate(List.of(path), true, RESAMPLES,
                () -> SparkEvaluations.conllEntities(spark, path, settings, parts));
    }

    /**
     * {@link SparkEvaluations#evaluate(SparkSession, Task, GoldCorpus, java.nio.file.Path, EvaluationSettings,
     * int)} on this session.
     */
    public EvaluationResult evaluate(Task task, GoldCorpus gold, java.nio.file.Path predictions,
                                     EvaluationSettings settings, int parts) throws IOException {
        return translate(List.of(predictions.toString()), true, RESAMPLES,
                () -> SparkEvaluations.evaluate(spark, task, gold, predictions, settings, parts));
    }

    /**
     * {@link SparkEvaluations#evaluateParquet(SparkSession, Task, GoldCorpus, String, EvaluationSettings, int)}
     * on this session.
     */
    public EvaluationResult evaluateParquet(Task task, GoldCorpus gold, String predictions,
                                            EvaluationSettings settings, int parts) throws IOException {
        return translate(List.of(predictions), true, RESAMPLES,
                () -> SparkEvaluations.evaluateParquet(spark, task, gold, predictions, settings, parts));
    }

    /** {@link SparkValidation#validate(SparkSession, List, Role, int)} on this session. */
    public List<Diagnostic> validate(List<String> paths, Role role, int parts) throws IOException {
        return translate(paths, true, null, () -> SparkValidation.validate(spark, paths, role, parts));
    }

    /** {@link SparkExport#export(SparkSession, List, CorpusFormat, String, SparkExport.Options)} on this session. */
    public SparkExport.Result export(List<String> paths, CorpusFormat format, String out, SparkExport.Options options)
            throws IOException {
        // the export writes its output before it returns: a change found afterwards could not unwrite it
        return translate(paths, false, null, () -> SparkExport.export(spark, paths, format, out, options));
    }

    private <T> T translate(List<String> inputs, boolean unchanged, String lower, SparkFailures.Work<T> work)
            throws IOException {
        return SparkFailures.translate(spark.sparkContext().hadoopConfiguration(), inputs, unchanged, lower, work);
    }

    /**
     * Whether {@code path} (a local path, or a URI of any file system Hadoop reads) exists, as the session's
     * Hadoop configuration sees it: the command line checks its inputs before the work starts.
     */
    public boolean exists(String path) throws IOException {
        org.apache.hadoop.fs.Path p = HadoopPaths.of(path);
        return HadoopPaths.fileSystem(p, spark.sparkContext().hadoopConfiguration()).exists(p);
    }

    /** Stops the session, if {@link #start} started it. */
    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }
}
