package org.corpusbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.evaluation.EvaluationResult;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.Task;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.spark.SparkEngine;
import org.corpusbench.spark.SparkEvaluations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code corpusbench spark}: runs {@code evaluate} on Apache Spark (issue 16). Its sub-command is
 * {@link EvaluateCommand} itself, with every option and refusal of {@code evaluate}, scoring through
 * {@code org.corpusbench.spark}; this class only holds Spark's options. It names no Spark type, so the
 * command line loads and prints its help without Spark's jars, which only the launcher's {@code spark}
 * sub-command and {@code spark-submit} put on the class path.
 */
@Command(name = "spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a command on Apache Spark, with the same output and refusals as on one machine.",
            "  spark --master local[*] evaluate --task tags|entities --format conll --pred F.conll ...",
            "  spark --master local[*] evaluate --task entities|dates|contradictions|nli --dataset DIR --pred F.jsonl",
            "      (or --format parquet --pred F.parquet|DIR: a row per JSONL record)",
            "  spark --master local[*] validate [--predictions] PATH...      (.jsonl, .txt, .csv, directories)",
            "  spark --master local[*] export --dataset PATH --format F --out DIR   (one part per partition)",
            "  Under spark-submit (--class org.corpusbench.cli.Main target/corpusbench.jar spark evaluate ...),",
            "  the master is spark-submit's. Not on Spark: evaluate --format timeml, export of .txt/.csv",
            "  documents (docs/scale-out.md)."})
final class SparkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL", description = "Spark's master: local[N], local[*], "
            + "spark://HOST:7077, yarn, ... (default: the one spark-submit set; required otherwise).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable), e.g. "
            + "spark.executor.memory=4g. The web UI is off unless spark.ui.enabled=true.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--parts", paramLabel = "N", description = "A CoNLL file: the parts it is cut into at blank "
            + "lines, one Spark task each (default: enough that none exceeds 64 MiB, and at least the master's "
            + "cores). JSONL predictions against a --dataset: the parts the file is cut into at line ends (the "
            + "same default); Parquet: the partitions its rows are spread over (default: as Spark reads them). "
            + "validate and export: the parts the JSONL files are cut into at line ends "
            + "(default: at most 32 MiB each, and at least the master's cores). Results are the same for every N.")
    int parts;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: evaluate, validate or "
                + "export");
    }

    /** The {@code spark} command line with its sub-commands. */
    static CommandLine commandLine() {
        SparkCommand spark = new SparkCommand();
        CommandLine cl = new CommandLine(spark);
        cl.addSubcommand("evaluate", new EvaluateCommand(spark.new OnSpark()));
        cl.addSubcommand("validate", new ValidateCommand(spark.new ValidateOnSpark()));
        // validate's own help, with the file systems Spark reads
        cl.getSubcommands().get("validate").getCommandSpec().usageMessage().description(
                "Check corpora on Spark against the schemas and their text: the diagnostics, output and exit "
                + "status of 'corpusbench validate'.",
                "PATH is a .jsonl file, .txt articles and .csv files of documents, or a directory of them (a release "
                + "directory), local or on any file system Hadoop reads (hdfs://, s3a://).",
                "Problems and notes go to standard error, the verdict 'valid' to standard output.",
                "Exit status: 0 clean, 1 problems found, 2 usage error or missing path.");
        cl.addSubcommand("export", new SparkExportCommand(spark));
        return cl;
    }

    /** {@code validate}'s checker: the paths checked as Hadoop sees them, then the corpus on Spark. */
    private final class ValidateOnSpark implements ValidateCommand.Checker {
        @Override
        public List<Diagnostic> validate(List<String> paths, CorpusValidator.Role role) throws IOException {
            checkParts();
            try (SparkEngine engine = start("corpusbench validate")) {
                for (String p : paths) {
                    if (!engine.exists(p)) {
                        throw new UsageException(p + ": no such file or directory");
                    }
                }
                return engine.validate(paths, role, parts);
            } catch (IllegalArgumentException e) {
                // --parts out of range, more documents than the validator counts
                throw new UsageException(e.getMessage());
            }
        }
    }

    /** Refuses a {@code --parts} out of range, before Spark starts. */
    void checkParts() {
        CommandPaths.atLeast(parts, 0, "--parts");
        if (parts > SparkEvaluations.MAX_PARTS) {
            throw new UsageException("--parts must be at most " + SparkEvaluations.MAX_PARTS + ", not " + parts);
        }
    }

    /**
     * Refuses a run without Spark's jars on the class path (plain {@code java -jar}) with what to do, before
     * anything loads a class of {@code org.corpusbench.spark}, which would fail with a stack trace.
     */
    static void requireSparkJars() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkCommand.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("Spark's jars are not on the class path (" + e.getMessage() + "): run "
                    + "'./corpusbench spark ...', which adds target/spark-lib (filled by mvn package), or "
                    + "spark-submit");
        }
    }

    /** A session for a run of {@code command}, or a usage error saying why Spark could not start. */
    SparkEngine start(String command) {
        requireSparkJars();
        String m = master();
        try {
            return SparkEngine.start(command, m, sessionConf());
        } catch (SparkEngine.StartException e) {
            throw new UsageException((m == null ? "the master spark-submit set" : "--master " + m)
                    + (conf.isEmpty() ? "" : " with --conf " + conf) + ": Spark could not start: "
                    + e.getMessage());
        }
    }

    /** The number of parts asked for (0: automatic). */
    int parts() {
        return parts;
    }

    /** The settings of the session, with the web UI off unless asked for. */
    private Map<String, String> sessionConf() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("spark.ui.enabled", "false");
        c.putAll(conf);
        return c;
    }

    /** The master to start, or {@code null} for spark-submit's; refuses a run with neither. */
    private String master() {
        if (master == null && System.getProperty("spark.master") == null) {
            throw new UsageException("--master is required (local[*], spark://HOST:7077, ...) unless spark-submit "
                    + "runs the command");
        }
        return master;
    }

    /** {@code evaluate}'s engine: a session for the run, stopped once the result is written. */
    private final class OnSpark implements EvaluateCommand.Engine {

        /** The session of the run, from the scoring until the result is written. */
        private SparkEngine session;

        @Override
        public String unsupported(Task task, String format, int threads) {
            if (format.equals("timeml")) {
                return "corpusbench spark evaluate does not score folders of TimeML files (--format timeml); import "
                        + "them to JSONL and score --task dates against the release, or use 'corpusbench evaluate'";
            }
            if (threads != 1) {
                return "--threads does not apply under spark: Spark scores the file in parts (spark --parts N)";
            }
            if (parts > SparkEvaluations.MAX_PARTS) {
                return "--parts must be at most " + SparkEvaluations.MAX_PARTS + ", not " + parts;
            }
            checkParts();
            master();
            return null;
        }

        @Override
        public EvaluationResult tags(Path conll, EvaluationSettings settings) throws IOException {
            return start().tags(conll.toString(), settings, parts);
        }

        @Override
        public EvaluationResult conllEntities(Path conll, EvaluationSettings settings) throws IOException {
            return start().conllEntities(conll.toString(), settings, parts);
        }

        @Override
        public EvaluationResult evaluate(Task task, GoldCorpus gold, Path predictions, EvaluationSettings settings)
                throws IOException {
            return start().evaluate(task, gold, predictions, settings, parts);
        }

        @Override
        public EvaluationResult evaluateParquet(Task task, GoldCorpus gold, Path predictions,
                                                EvaluationSettings settings) throws IOException {
            return start().evaluateParquet(task, gold, predictions.toString(), settings, parts);
        }

        /** Stops the session, once the result is written: the entities page of Parquet rows reads them again. */
        @Override
        public void close() {
            if (session != null) {
                SparkEngine s = session;
                session = null;
                s.close();
            }
        }

        private SparkEngine start() {
            session = SparkCommand.this.start("corpusbench evaluate");
            return session;
        }
    }
}
