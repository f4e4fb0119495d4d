package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.eval.tags.TagMode;
import org.corpusbench.evaluation.BootstrapMethod;
import org.corpusbench.evaluation.ContradictionMatching;
import org.corpusbench.evaluation.EvaluationResult;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.Evaluations;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.Task;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.tags.TagScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code corpusbench evaluate}: scores predictions against gold and prints a table; {@code --json} and
 * {@code --html} write the full report. Only option handling: {@link Evaluations} computes everything.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score predictions against the gold.",
            "  --task tags --pred F.conll --format conll [--mode strict --scheme S]",
            "      conlleval/seqeval chunk scores of a CoNLL file whose last two columns are gold and predicted tags",
            "  --task entities --pred F.conll --format conll [--mode strict --scheme S]",
            "      the four SemEval-2013 span schemes over the decoded chunks (each sentence one document)",
            "  --task entities|dates|contradictions|nli --dataset DIR --pred F.jsonl",
            "      against a release (checksums verified) or a directory of corpusbench JSONL files",
            "  --task dates --format timeml --dataset GOLD_DIR --pred SYSTEM_DIR",
            "      TempEval-3 folders of .tml files, paired by file name and scored as",
            "      import + evaluate would score them; a missing or extra file or a text",
            "      that differs from the gold's is refused (--lenient: skipped, counted)",
            "  Contradictions: a prediction that matches a gold pair counts for the gold pair's type (its own type is",
            "      not scored); an unmatched one is a false positive of its own type."})
final class EvaluateCommand implements Callable<Integer> {

    /**
     * Where the scoring runs: on this JVM ({@link #THIS_JVM}), or on Spark under {@code corpusbench spark}
     * ({@link SparkCommand}, issue 16). Every option is checked here, the same for both, so that a wrong input
     * is refused alike.
     */
    interface Engine {
        /** Why these options cannot run on this engine, or {@code null} when they can. */
        String unsupported(Task task, String format, int threads);

        /** {@link Evaluations#tags(Path, EvaluationSettings)}, or its equal. */
        EvaluationResult tags(Path conll, EvaluationSettings settings) throws IOException;

        /** {@link Evaluations#conllEntities(Path, EvaluationSettings)}, or its equal. */
        EvaluationResult conllEntities(Path conll, EvaluationSettings settings) throws IOException;

        /** {@link Evaluations#evaluate(Task, GoldCorpus, Path, EvaluationSettings)}, or its equal. */
        EvaluationResult evaluate(Task task, GoldCorpus gold, Path predictions, EvaluationSettings settings)
                throws IOException;

        /**
         * Ends the engine's run, once the result is written (its page may still read the predictions); nothing
         * on this JVM.
         */
        default void close() {
        }

        /** The same for predictions in Parquet, a row per record; only Spark reads them. */
        default EvaluationResult evaluateParquet(Task task, GoldCorpus gold, Path predictions,
                                                 EvaluationSettings settings) throws IOException {
            throw new UsageException("--format parquet is read by Spark: corpusbench spark --master 'local[*]' "
                    + "evaluate --format parquet ...");
        }
    }

    /** This JVM, every input. */
    static final Engine THIS_JVM = new Engine() {
        @Override
        public String unsupported(Task task, String format, int threads) {
            return null;
        }

        @Override
        public EvaluationResult tags(Path conll, EvaluationSettings settings) throws IOException {
            return Evaluations.tags(conll, settings);
        }

        @Override
        public EvaluationResult conllEntities(Path conll, EvaluationSettings settings) throws IOException {
            return Evaluations.conllEntities(conll, settings);
        }

        @Override
        public EvaluationResult evaluate(Task task, GoldCorpus gold, Path predictions, EvaluationSettings settings)
                throws IOException {
            return Evaluations.evaluate(task, gold, predictions, settings);
        }
    };

    private final Engine engine;

    EvaluateCommand() {
        this(THIS_JVM);
    }

    EvaluateCommand(Engine engine) {
        this.engine = engine;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "TASK",
            description = "tags, entities, dates, contradictions or nli.")
    String task;

    @Option(names = "--pred", required = true, paramLabel = "FILE", description = "The predictions (--format "
            + "timeml: a folder of .tml files).")
    Path pred;

    @Option(names = "--dataset", paramLabel = "DIR", description = "Gold: a release or JSONL directory (--format "
            + "timeml: a folder of .tml files).")
    Path dataset;

    @Option(names = "--expect-fingerprint", paramLabel = "HEX", converter = VerifyCommand.FingerprintConverter.class,
            description = "With a release as --dataset: require this fingerprint (see 'corpusbench verify --help').")
    String expectFingerprint;

    @Option(names = "--format", paramLabel = "FMT", description = "jsonl (default), conll (tags, entities), "
            + "timeml (dates) or, under 'corpusbench spark', parquet (a file or folder with a row per JSONL record).")
    String format = "jsonl";

    @Option(names = "--scheme", paramLabel = "S", converter = OptionTypes.SchemeConverter.class,
            description = "conll: " + OptionTypes.SCHEMES + ", any case; required by --mode strict; --mode default "
                    + "decodes as conlleval does and only records it.")
    TagScheme scheme;

    @Option(names = "--mode", paramLabel = "M", description = "conll: default (conlleval/seqeval) or strict; "
            + "contradictions: span (default: evidence spans overlap) or sentence (evidence in the same sentence).")
    String mode = "default";

    @Option(names = "--map", paramLabel = "MAP", description = "conll4: map OntoNotes labels, of the gold and of the "
            + "predictions, to PER/ORG/LOC/MISC (labels already in that set are kept; others, such as DATE, are "
            + "left out on both sides).")
    String map;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the JSON report here ('-': to standard "
            + "output, instead of the table).")
    Path json;

    @Option(names = "--html", paramLabel = "OUT", description = "Write a self-contained HTML report here (entities "
            + "against a --dataset: per-label bars and each document with its errors marked; contradictions: the "
            + "tables and every pair, matched, missed or spurious, with both evidence spans marked in their "
            + "sentences; other tasks: the tables).")
    Path html;

    @Option(names = "--lenient", description = "Skip (and count) predictions with unknown documents, bad offsets "
            + "or mismatched text instead of failing (timeml: system files without a gold file or with another "
            + "text, gold files without a system file, bad TIMEX3 values).")
    boolean lenient;

    @Option(names = "--allow-empty", description = "--task contradictions: score an empty predictions file as a "
            + "detector that flagged no pair (refused otherwise, as a wrong or truncated file would be).")
    boolean allowEmpty;

    @Option(names = "--threads", paramLabel = "N", description = "--task tags: score the file in up to N parts (at "
            + "most 256) cut at blank lines, on at most as many threads as there are processors (default: 1; the "
            + "figures and intervals are the same for every N). Each part holds at least 48 MiB (about 2.7 million "
            + "tokens), below which parts make a run slower, and there is one part while no processor is idle (load "
            + "average at least the number of processors).")
    int threads = 1;

    @Option(names = "--skip-docstart", description = "--task tags: leave -DOCSTART- lines out of the token count "
            + "(by default each is a token, as conlleval.pl and seqeval over the file's lines count it: "
            + "'-DOCSTART- -X- -X- O O' is a token tagged O, right).")
    boolean skipDocstart;

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (default: 1000; 0 = none).")
    int resamples = Bootstrap.DEFAULT_RESAMPLES;

    @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: 13).")
    long seed = 13;

    @Option(names = "--bootstrap", paramLabel = "M", description = "How intervals are resampled: auto (default: "
            + "the classic bootstrap up to 10000 units - documents, document pairs, NLI pairs or sentences - and the "
            + "streaming Poisson bootstrap, in constant memory, above), classic or poisson.")
    String bootstrap = "auto";

    @Override
    public Integer call() throws IOException {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Runs {@code corpusbench evaluate --format timeml} or {@code --format conll} without picocli when every
     * argument is in a plain form ({@code --task}, {@code --format}, {@code --dataset}, {@code --pred},
     * {@code --json}, {@code --html}, {@code --resamples}, {@code --seed}, {@code --bootstrap}, and for CoNLL
     * {@code --mode}, {@code --scheme}, {@code --threads}, each with a value; {@code --lenient},
     * {@code --skip-docstart}); otherwise returns null and the caller goes through picocli. Picocli's start-up is
     * about 0.3 s, as much as scoring TempEval-3's platinum set or half of scoring a million CoNLL tokens
     * (issue 15; see {@code ConllevalCommand#runPlain}).
     */
    static Integer runPlain(String[] args, PrintWriter out, PrintWriter err) {
        EvaluateCommand c = plain(args);
        if (c == null) {
            return null;
        }
        try {
            return c.run(out, err);
        } catch (IOException | RuntimeException e) {
            return Main.handle(e, "evaluate", err);
        }
    }

    /**
     * The command with the options of {@code args} (args[0] is "evaluate"), or null unless they are all plain and
     * include {@code --format timeml} or {@code --format conll}.
     */
    static EvaluateCommand plain(String[] args) {
        EvaluateCommand c = new EvaluateCommand();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!seen.add(a)) {
                return null; // repeated: picocli says it may be given once
            }
            if (a.equals("--lenient")) {
                c.lenient = true;
                continue;
            }
            if (a.equals("--skip-docstart")) {
                c.skipDocstart = true;
                continue;
            }
            boolean stdout = a.equals("--json") && i + 1 < args.length && args[i + 1].equals("-");
            if (i + 1 == args.length || args[i + 1].startsWith("-") && !stdout) {
                return null;
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--task" -> c.task = v;
                    case "--format" -> c.format = v;
                    case "--dataset" -> c.dataset = Path.of(v);
                    case "--pred" -> c.pred = Path.of(v);
                    case "--json" -> c.json = Path.of(v);
                    case "--html" -> c.html = Path.of(v);
                    case "--bootstrap" -> c.bootstrap = v;
                    case "--resamples" -> c.resamples = Integer.parseInt(v);
                    case "--seed" -> c.seed = Long.parseLong(v);
                    case "--mode" -> c.mode = v;
                    case "--threads" -> c.threads = Integer.parseInt(v);
                    case "--scheme" -> {
                        c.scheme = TagScheme.parse(v);
                        if (c.scheme == null) {
                            return null; // picocli's converter words the refusal
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            } catch (NumberFormatException | java.nio.file.InvalidPathException e) {
                return null;
            }
        }
        if (c.task == null || c.pred == null) {
            return null;
        }
        if (c.format.equalsIgnoreCase("timeml")) {
            // TimeML has no CoNLL options; picocli's path refuses them as it always has
            return seen.contains("--threads") || seen.contains("--scheme") || seen.contains("--mode")
                    || seen.contains("--skip-docstart") ? null : c;
        }
        return c.format.equalsIgnoreCase("conll") ? c : null;
    }

    private int run(PrintWriter out, PrintWriter err) throws IOException {
        try {
            return runOn(out, err);
        } finally {
            engine.close();
        }
    }

    private int runOn(PrintWriter out, PrintWriter err) throws IOException {
        boolean timeml = format.equalsIgnoreCase("timeml");
        boolean parquet = format.equalsIgnoreCase("parquet");
        checkPaths(timeml, parquet);
        CommandPaths.between(resamples, 0, Bootstrap.MAX_RESAMPLES, "--resamples");
        CommandPaths.atLeast(threads, 1, "--threads");
        Task t = Task.parse(task);
        if (t == null) {
            throw new UsageException("unknown --task '" + task
                    + "'; expected tags, entities, dates, contradictions or nli");
        }
        boolean conll = format.equalsIgnoreCase("conll");
        if (!conll && !timeml && !parquet && !format.equalsIgnoreCase("jsonl")) {
            throw new UsageException("unknown --format '" + format + "'; expected jsonl, conll, timeml or parquet");
        }
        if (parquet && t == Task.TAGS) {
            throw new UsageException("--format parquet applies to --task entities, dates, contradictions and nli "
                    + "against a --dataset; tags are scored from a CoNLL file");
        }
        if (timeml) {
            checkTimeml(t);
        }
        checkOptionsApply(t, conll);
        String unsupported = engine.unsupported(t, format.toLowerCase(Locale.ROOT), threads);
        if (unsupported != null) {
            throw new UsageException(unsupported);
        }
        EvaluationSettings settings = settings(t, conll);
        EvaluationResult result;
        if (t == Task.TAGS) {
            if (!conll) {
                throw new UsageException("--task tags needs --format conll");
            }
            result = engine.tags(pred, settings);
        } else if (conll) {
            if (t != Task.ENTITIES) {
                throw new UsageException("--format conll applies to --task tags and entities only");
            }
            result = engine.conllEntities(pred, settings);
        } else if (timeml) {
            result = Evaluations.timemlDates(dataset, pred, settings);
        } else {
            if (dataset == null) {
                throw new UsageException("--task " + task + " with --format " + format.toLowerCase(Locale.ROOT)
                        + " needs --dataset DIR");
            }
            CommandPaths.inputDirectory(dataset, "--dataset");
            GoldCorpus gold = Evaluations.gold(t, dataset, expectFingerprint);
            // the note comes first, so that it is seen even when the predictions are then refused
            Evaluations.unpinnedNote(gold, dataset).ifPresent(err::println);
            result = parquet ? engine.evaluateParquet(t, gold, pred, settings)
                    : engine.evaluate(t, gold, pred, settings);
        }
        result.notes().forEach(err::println);
        err.flush();
        if (jsonToStdout()) {
            out.print(result.toJson());
        } else {
            if (json != null) {
                AtomicFiles.writeString(json, result.toJson());
            }
            out.print(result.toText());
        }
        if (html != null) {
            AtomicFiles.writeString(html, result.toHtml());
        }
        out.flush();
        return 0;
    }

    /** The paths, before any work: inputs exist, reports go to new places outside every input and release. */
    private void checkPaths(boolean timeml, boolean parquet) {
        if (timeml) {
            CommandPaths.inputDirectory(pred, "--pred");
        } else if (parquet) {
            if (!java.nio.file.Files.isDirectory(pred)) {
                CommandPaths.inputFile(pred, "--pred");
            }
        } else {
            CommandPaths.inputFile(pred, "--pred");
        }
        Path jsonFile = jsonToStdout() ? null : json;
        CommandPaths.outputFile(jsonFile, "--json");
        CommandPaths.outputFile(html, "--html");
        CommandPaths.notSame(jsonFile, "--json", pred, "--pred");
        CommandPaths.notSame(jsonFile, "--json", html, "--html");
        CommandPaths.notSame(html, "--html", pred, "--pred");
        CommandPaths.notInRelease(jsonFile, "--json");
        CommandPaths.notInRelease(html, "--html");
        CommandPaths.notInside(jsonFile, "--json", dataset, "--dataset");
        CommandPaths.notInside(html, "--html", dataset, "--dataset");
        if (timeml || parquet) {
            CommandPaths.notInside(jsonFile, "--json", pred, "--pred");
            CommandPaths.notInside(html, "--html", pred, "--pred");
        }
    }

    /** --format timeml: dates, two folders of .tml files, nothing that needs a release. */
    private void checkTimeml(Task t) {
        if (t != Task.DATES) {
            throw new UsageException("--format timeml applies to --task dates only");
        }
        if (dataset == null) {
            throw new UsageException("--task dates with --format timeml needs --dataset GOLD_DIR, a folder of .tml "
                    + "files");
        }
        CommandPaths.inputDirectory(dataset, "--dataset");
        if (expectFingerprint != null) {
            throw new UsageException("--expect-fingerprint applies to a release; a folder of TimeML files has no "
                    + "fingerprint (import it and build a release to pin it)");
        }
    }

    /** An option that does not apply is refused, not ignored: the user meant something by it. */
    private void checkOptionsApply(Task t, boolean conll) {
        if (scheme != null && !conll) {
            throw new UsageException("--scheme applies to --format conll only");
        }
        if (skipDocstart && !(t == Task.TAGS && conll)) {
            throw new UsageException("--skip-docstart applies to --task tags only (it changes the token count)");
        }
        if (threads != 1 && t != Task.TAGS) {
            throw new UsageException("--threads applies to --task tags only");
        }
        if (!mode.equalsIgnoreCase("default") && !(conll || t == Task.CONTRADICTIONS)) {
            throw new UsageException("--mode applies to --format conll (default or strict) and to --task "
                    + "contradictions (span or sentence) only");
        }
        if (map != null && (t != Task.ENTITIES || conll)) {
            throw new UsageException("--map applies to --task entities against a --dataset only");
        }
        if (map != null && !"conll4".equalsIgnoreCase(map)) {
            throw new UsageException("unknown --map '" + map + "'; expected conll4");
        }
        if (lenient && conll) {
            throw new UsageException("--lenient applies to JSONL predictions only; a CoNLL file is scored whole");
        }
        if (allowEmpty && t != Task.CONTRADICTIONS) {
            throw new UsageException("--allow-empty applies to --task contradictions only (the other tasks' "
                    + "predictions hold a record per document or pair, even where a system found nothing)");
        }
    }

    /** The options as the library's settings; option values that name nothing are refused here. */
    private EvaluationSettings settings(Task t, boolean conll) {
        BootstrapMethod method = BootstrapMethod.parse(bootstrap);
        if (method == null) {
            throw new UsageException("unknown --bootstrap '" + bootstrap + "'; expected auto, classic or poisson");
        }
        EvaluationSettings s = EvaluationSettings.defaults().withIntervals(resamples, seed).withLenient(lenient)
                .withBootstrap(method).withAllowEmpty(allowEmpty)
                .withThreads(threads).withSkipDocstart(skipDocstart).withConll4(map != null);
        if (conll) {
            TagMode m = TagMode.parse(mode);
            if (m == null) {
                throw new UsageException("unknown --mode '" + mode + "'; expected default or strict");
            }
            s = s.withDecoding(m, scheme(m));
        } else if (t == Task.CONTRADICTIONS) {
            String m = mode.toLowerCase(Locale.ROOT);
            if (!m.equals("default") && !m.equals("span") && !m.equals("sentence")) {
                throw new UsageException("unknown --mode '" + mode + "' for contradictions; expected span (default) "
                        + "or sentence");
            }
            s = s.withMatching(m.equals("sentence") ? ContradictionMatching.SENTENCE : ContradictionMatching.SPAN);
        }
        return s;
    }

    /**
     * The scheme of --format conll: required in strict mode, which decodes by it; optional in default mode,
     * which decodes as conlleval and seqeval's default mode do, whatever the scheme (null when not given).
     */
    private TagScheme scheme(TagMode m) {
        if (scheme == null && m == TagMode.STRICT) {
            throw new UsageException("--mode strict needs --scheme (" + OptionTypes.SCHEMES + "); --mode default "
                    + "decodes without one");
        }
        return scheme;
    }

    private boolean jsonToStdout() {
        return json != null && json.toString().equals("-");
    }
}
