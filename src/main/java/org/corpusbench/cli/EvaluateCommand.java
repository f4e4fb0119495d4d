package org.corpusbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.Predictions;
import org.corpusbench.eval.entity.LabelledSpan;
import org.corpusbench.eval.entity.SpanCounts;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanEvaluator;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.report.HtmlReportWriter;
import org.corpusbench.eval.report.JsonReport;
import org.corpusbench.eval.report.SpanErrors;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.eval.stats.CountRows;
import org.corpusbench.tags.Chunk;
import org.corpusbench.tags.Chunker;
import org.corpusbench.eval.tags.ConllTagReader;
import org.corpusbench.eval.tags.TagCounts;
import org.corpusbench.eval.tags.TagEvaluator;
import org.corpusbench.eval.tags.TagMode;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.internal.Hashes;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.schema.EntityTypes;
import org.corpusbench.diagnostic.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.corpusbench.internal.TextTable;

/**
 * {@code corpusbench evaluate}: scores predictions against gold and prints a table; {@code --json} and
 * {@code --html} write the full report. Tasks add a method here and a case in {@link #call}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score predictions against the gold.",
            "  --task tags --pred F.conll --format conll [--mode strict --scheme S]",
            "      conlleval/seqeval chunk scores of a CoNLL file whose last two columns are gold and predicted tags",
            "  --task entities --pred F.conll --format conll [--mode strict --scheme S]",
            "      the four SemEval-2013 span schemes over the decoded chunks (each sentence one document)",
            "  --task entities|dates|contradictions|nli --dataset DIR --pred F.jsonl",
            "      against a release (checksums verified) or a directory of corpusbench JSONL files",
            "  Contradictions: a prediction that matches a gold pair counts for the gold pair's type (its own type is",
            "      not scored); an unmatched one is a false positive of its own type."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "TASK",
            description = "tags, entities, dates, contradictions or nli.")
    String task;

    @Option(names = "--pred", required = true, paramLabel = "FILE", description = "The predictions.")
    Path pred;

    @Option(names = "--dataset", paramLabel = "DIR", description = "Gold: a release or JSONL directory.")
    Path dataset;

    @Option(names = "--expect-fingerprint", paramLabel = "HEX", converter = VerifyCommand.FingerprintConverter.class,
            description = "With a release as --dataset: require this fingerprint (see 'corpusbench verify --help').")
    String expectFingerprint;

    @Option(names = "--format", paramLabel = "FMT", description = "jsonl (default) or conll.")
    String format = "jsonl";

    @Option(names = "--scheme", paramLabel = "S", description = "IOB1, IOB2, IOE1, IOE2, IOBES or BILOU (conll): "
            + "required by --mode strict; --mode default decodes as conlleval does and only records it.")
    String scheme;

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

    @Option(names = "--html", paramLabel = "OUT", description = "Write a self-contained HTML report here.")
    Path html;

    @Option(names = "--lenient", description = "Skip (and count) predictions with unknown documents, bad offsets "
            + "or mismatched text instead of failing.")
    boolean lenient;

    @Option(names = "--threads", paramLabel = "N", description = "--task tags: score the file in N parts (at most "
            + "256) cut at blank lines, on at most as many threads as there are processors (default: 1; the "
            + "figures are the same for every N).")
    int threads = 1;

    @Option(names = "--skip-docstart", description = "--task tags: leave -DOCSTART- lines out of the token count "
            + "(by default each is a token, as conlleval.pl and seqeval over the file's lines count it: "
            + "'-DOCSTART- -X- -X- O O' is a token tagged O, right).")
    boolean skipDocstart;

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (default: 1000; 0 = none).")
    int resamples = Bootstrap.DEFAULT_RESAMPLES;

    @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: 13).")
    long seed = 13;

    @Override
    public Integer call() throws IOException {
        checkPaths();
        CommandPaths.between(resamples, 0, Bootstrap.MAX_RESAMPLES, "--resamples");
        CommandPaths.atLeast(threads, 1, "--threads");
        String t = task.toLowerCase(Locale.ROOT);
        boolean conll = format.equalsIgnoreCase("conll");
        if (!conll && !format.equalsIgnoreCase("jsonl")) {
            throw new UsageException("unknown --format '" + format + "'; expected jsonl or conll");
        }
        checkOptionsApply(t, conll);
        return switch (t) {
            case "tags" -> {
                if (!conll) {
                    throw new UsageException("--task tags needs --format conll");
                }
                yield tags();
            }
            case "entities" -> conll ? conllEntities() : datasetEntities();
            case "dates", "contradictions", "nli" -> TaskEvaluations.run(this, t);
            default -> throw new UsageException("unknown --task '" + task
                    + "'; expected tags, entities, dates, contradictions or nli");
        };
    }

    /** The paths, before any work: inputs exist, reports go to new places outside every input and release. */
    private void checkPaths() {
        CommandPaths.inputFile(pred, "--pred");
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
    }

    /** An option that does not apply is refused, not ignored: the user meant something by it. */
    private void checkOptionsApply(String t, boolean conll) {
        if (scheme != null && !conll) {
            throw new UsageException("--scheme applies to --format conll only");
        }
        if (skipDocstart && !(t.equals("tags") && conll)) {
            throw new UsageException("--skip-docstart applies to --task tags only (it changes the token count)");
        }
        if (threads != 1 && !t.equals("tags")) {
            throw new UsageException("--threads applies to --task tags only");
        }
        if (!mode.equalsIgnoreCase("default") && !(conll || t.equals("contradictions"))) {
            throw new UsageException("--mode applies to --format conll (default or strict) and to --task "
                    + "contradictions (span or sentence) only");
        }
        if (map != null && (!t.equals("entities") || conll)) {
            throw new UsageException("--map applies to --task entities against a --dataset only");
        }
        if (lenient && conll) {
            throw new UsageException("--lenient applies to JSONL predictions only; a CoNLL file is scored whole");
        }
        if (html != null && !(t.equals("entities") && !conll)) {
            throw new UsageException("--html is written only for --task entities against a --dataset (an HTML "
                    + "report of " + t + (conll ? " from CoNLL" : "") + " is not available yet); use --json");
        }
    }

    /**
     * The scheme of --format conll: required in strict mode, which decodes by it; optional in default mode,
     * which decodes as conlleval and seqeval's default mode do, whatever the scheme (null when not given).
     */
    TagScheme scheme(TagMode m) {
        if (scheme == null) {
            if (m == TagMode.DEFAULT) {
                return null;
            }
            throw new UsageException("--mode strict needs --scheme (IOB1, IOB2, IOE1, IOE2, IOBES or BILOU); "
                    + "--mode default decodes without one");
        }
        TagScheme s = TagScheme.parse(scheme);
        if (s == null) {
            throw new UsageException("unknown --scheme '" + scheme + "'; expected IOB1, IOB2, IOE1, IOE2, IOBES or BILOU");
        }
        return s;
    }

    TagMode mode() {
        TagMode m = TagMode.parse(mode);
        if (m == null) {
            throw new UsageException("unknown --mode '" + mode + "'; expected default or strict");
        }
        return m;
    }

    ObjectNode report(String taskName) throws IOException {
        ObjectNode root = JsonReport.start(taskName, Main.version());
        ObjectNode o = root.putObject("options");
        o.put("task", taskName);
        o.put("format", format.toLowerCase(Locale.ROOT));
        if (scheme != null) {
            o.put("scheme", scheme.toUpperCase(Locale.ROOT));
        }
        o.put("mode", mode.toLowerCase(Locale.ROOT));
        if (skipDocstart) {
            o.put("skip_docstart", true);
        }
        o.put("lenient", lenient);
        o.put("resamples", resamples);
        o.put("seed", seed);
        if (map != null) {
            o.put("map", map);
        }
        ArrayNode inputs = root.putArray("inputs");
        inputs.addObject().put("role", "predictions").put("path", pred.toString()).put("sha256", sha256(pred));
        return root;
    }

    static String sha256(Path p) throws IOException {
        return Hashes.sha256(p);
    }

    private boolean jsonToStdout() {
        return json != null && json.toString().equals("-");
    }

    void writeJson(ObjectNode root) throws IOException {
        if (jsonToStdout()) {
            spec.commandLine().getOut().print(JsonReport.toJson(root));
        } else if (json != null) {
            JsonReport.write(json, root);
        }
    }

    /** Where tables go: standard output, unless the JSON report goes there. */
    PrintWriter out() {
        return jsonToStdout() ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
    }

    private int tags() throws IOException {
        TagMode m = mode();
        TagScheme s = scheme(m);
        TagCounts c = TagEvaluator.score(pred, m, s, threads, skipDocstart);
        if (c.tokens() == 0) {
            throw new CorpusFormatException(Location.ofFile(pred.toString()), null, NO_TOKENS);
        }
        ObjectNode root = report("tags");
        JsonReport.tags(root, c);
        writeJson(root);
        PrintWriter w = out();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"type", "precision", "recall", "f1", "tp", "pred", "true"});
        c.types().forEach((type, v) -> rows.add(new String[] {type, f(v.precision()), f(v.recall()), f(v.f1()),
            n(v.tp()), n(v.predicted()), n(v.gold())}));
        var o = c.overall();
        rows.add(new String[] {"overall (micro)", f(o.precision()), f(o.recall()), f(o.f1()), n(o.tp()),
            n(o.predicted()), n(o.gold())});
        rows.add(new String[] {"macro", f(c.macro().precision()), f(c.macro().recall()), f(c.macro().f1()), "", "", ""});
        w.print(TextTable.markdown(rows));
        w.println("token accuracy " + f(c.accuracy()) + " over " + c.tokens() + " tokens ("
                + (s == null ? "" : s + ", ") + m.wireName() + " mode)");
        w.flush();
        return 0;
    }

    private int conllEntities() throws IOException {
        TagMode m = mode();
        TagScheme s = scheme(m);
        // Sentences are the bootstrap units; each keeps 20 ints, not an evaluation object, so files of
        // millions of sentences fit.
        SpanEvaluation total = SpanEvaluation.EMPTY;
        CountRows units = new CountRows(UNIT_WIDTH);
        try (InputStream in = Files.newInputStream(pred); ConllTagReader r = new ConllTagReader(in, pred.toString(),
                true)) {
            for (ConllTagReader.Sentence sent = r.next(); sent != null; sent = r.next()) {
                List<Chunk> g;
                List<Chunk> p;
                try {
                    g = m == TagMode.STRICT ? Chunker.strict(sent.gold(), s) : Chunker.lenient(sent.gold());
                    p = m == TagMode.STRICT ? Chunker.strict(sent.predicted(), s) : Chunker.lenient(sent.predicted());
                } catch (Chunker.InvalidTagException e) {
                    throw new CorpusFormatException(Location.of(pred.toString(), sent.line() + e.index()), null,
                            e.getMessage());
                }
                SpanEvaluation e = SpanEvaluator.evaluate(chunks(g), chunks(p));
                total = total.plus(e);
                units.add(unitCounts(e));
            }
        }
        if (units.rows() == 0) {
            throw new CorpusFormatException(Location.ofFile(pred.toString()), null, NO_TOKENS);
        }
        return spanReport(total, units, null, null);
    }

    private static List<LabelledSpan> chunks(List<Chunk> cs) {
        List<LabelledSpan> out = new ArrayList<>(cs.size());
        cs.forEach(c -> out.add(new LabelledSpan(c.start(), c.end(), c.type())));
        return out;
    }

    /** The gold, validated, holding {@code layer}. */
    GoldCorpus gold(GoldCorpus.Layer layer) throws IOException {
        if (dataset == null) {
            throw new UsageException("--task " + task + " with --format jsonl needs --dataset DIR");
        }
        CommandPaths.inputDirectory(dataset, "--dataset");
        GoldCorpus gold = GoldCorpus.read(dataset, expectFingerprint);
        gold.require(layer, dataset);
        unpinned(gold, dataset, spec.commandLine().getErr());
        return gold;
    }

    /** Reads the predictions of {@code layer}; refuses them, with every problem, unless lenient. */
    Predictions.Read predictions(GoldCorpus gold, GoldCorpus.Layer layer) throws IOException {
        Predictions.Read read = Predictions.read(pred, gold, layer, lenient);
        if (!read.problems().isEmpty() && !lenient) {
            throw new InvalidInputException("the predictions", read.problems(),
                    "fix them, or pass --lenient to skip and count them");
        }
        skipped(read, spec.commandLine().getErr());
        return read;
    }

    /** A gold that is not a release is scored, with a note that nothing pins it. */
    static void unpinned(GoldCorpus gold, Path dir, PrintWriter err) {
        if (gold.fingerprint() == null) {
            err.println("corpusbench: note: " + dir + " is not a release (no manifest.json), so no fingerprint pins "
                    + "this gold; the report names it '" + gold.name() + "', with the SHA-256 of each gold file");
            err.flush();
        }
    }

    /** Under --lenient, what was skipped and why, on stderr: scored without them, but never silently. */
    static void skipped(Predictions.Read read, PrintWriter err) {
        read.problems().forEach(d -> err.println("skipped: " + d));
        err.flush();
    }

    void provenance(ObjectNode root, GoldCorpus gold, GoldCorpus.Layer layer) throws IOException {
        ObjectNode d = root.putObject("dataset");
        d.put("name", gold.name());
        if (gold.version() != null) {
            d.put("version", gold.version());
            d.put("fingerprint", gold.fingerprint());
        }
        for (Path f : gold.filesOf(layer)) {
            ((ArrayNode) root.get("inputs")).addObject().put("role", "gold").put("path", f.toString())
                    .put("sha256", sha256(f));
        }
    }

    private int datasetEntities() throws IOException {
        GoldCorpus gold = gold(GoldCorpus.Layer.ENTITIES);
        Predictions.Read read = predictions(gold, GoldCorpus.Layer.ENTITIES);
        boolean conll4 = "conll4".equalsIgnoreCase(map);
        if (map != null && !conll4) {
            throw new UsageException("unknown --map '" + map + "'; expected conll4");
        }
        SpanEvaluation total = SpanEvaluation.EMPTY;
        CountRows units = new CountRows(UNIT_WIDTH);
        List<HtmlReportWriter.DocumentView> views = new ArrayList<>();
        for (Document d : gold.documents().values()) {
            List<LabelledSpan> g = entities(gold.gold(d.id()), conll4);
            List<LabelledSpan> p = entities(read.layers().get(d.id()), conll4);
            SpanEvaluation e = SpanEvaluator.evaluate(g, p);
            total = total.plus(e);
            units.add(unitCounts(e));
            views.add(new HtmlReportWriter.DocumentView(d.id(), d.text(), errors(g), errors(p)));
        }
        return spanReport(total, units, gold, read) == 0 && html(gold, total, views) ? 0 : Main.PROBLEMS;
    }

    private static List<SpanErrors.Labelled> errors(List<LabelledSpan> l) {
        List<SpanErrors.Labelled> out = new ArrayList<>();
        l.forEach(x -> out.add(new SpanErrors.Labelled(x.start(), x.end(), x.label())));
        return out;
    }

    private static List<LabelledSpan> entities(DocumentAnnotations a, boolean conll4) {
        List<LabelledSpan> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        for (EntityMention e : a.entities()) {
            String label = conll4 ? EntityTypes.toConll4(e.type()) : e.type();
            if (label != null) {
                out.add(new LabelledSpan(e.span().start(), e.span().end(), label));
            }
        }
        return out;
    }

    private boolean html(GoldCorpus gold, SpanEvaluation total, List<HtmlReportWriter.DocumentView> views)
            throws IOException {
        if (html == null) {
            return true;
        }
        List<HtmlReportWriter.LabelRow> rows = new ArrayList<>();
        total.labels().forEach((label, m) -> {
            var prf = m.get(SpanScheme.STRICT).prf(SpanScheme.STRICT);
            rows.add(new HtmlReportWriter.LabelRow(label, prf.precision(), prf.recall(), prf.f1(),
                    m.get(SpanScheme.STRICT).possible()));
        });
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("dataset", gold.name() + (gold.version() == null ? "" : " " + gold.version()));
        if (gold.fingerprint() != null) {
            facts.put("fingerprint", gold.fingerprint());
        }
        facts.put("predictions", pred.toString());
        var strict = total.micro(SpanScheme.STRICT);
        facts.put("strict P / R / F1", f(strict.precision()) + " / " + f(strict.recall()) + " / " + f(strict.f1()));
        facts.put("tool", "corpusbench " + Main.version());
        AtomicFiles.writeString(html, HtmlReportWriter.render(new HtmlReportWriter.Page("Entities: " + pred.getFileName(),
                facts, rows, views)));
        return true;
    }

    static final String NO_TOKENS = "holds no tokens; expected lines of 'TOKEN ... GOLD PREDICTED' with sentences "
            + "separated by blank lines";

    /** Per unit, the five SemEval-2013 counts of each scheme, in {@link SpanScheme} order. */
    static final int UNIT_WIDTH = 5 * SpanScheme.values().length;

    static long[] unitCounts(SpanEvaluation e) {
        long[] row = new long[UNIT_WIDTH];
        for (SpanScheme s : SpanScheme.values()) {
            SpanCounts c = e.overall().get(s);
            int at = 5 * s.ordinal();
            row[at] = c.correct();
            row[at + 1] = c.incorrect();
            row[at + 2] = c.partial();
            row[at + 3] = c.missed();
            row[at + 4] = c.spurious();
        }
        return row;
    }

    private static double f1(SpanScheme s, long[] row) {
        int at = 5 * s.ordinal();
        return new SpanCounts(row[at], row[at + 1], row[at + 2], row[at + 3], row[at + 4]).prf(s).f1();
    }

    private int spanReport(SpanEvaluation total, CountRows units, GoldCorpus gold, Predictions.Read read)
            throws IOException {
        ObjectNode root = report("entities");
        if (gold != null) {
            provenance(root, gold, GoldCorpus.Layer.ENTITIES);
        }
        JsonReport.spans(root, total);
        ObjectNode ci = root.putObject("confidence_intervals");
        Map<SpanScheme, Bootstrap.Interval> intervals = new LinkedHashMap<>();
        List<ToDoubleFunction<long[]>> metrics = new ArrayList<>();
        for (SpanScheme s : SpanScheme.values()) {
            metrics.add(row -> f1(s, row));
        }
        List<Bootstrap.Interval> ivs = Bootstrap.intervals(units, metrics, resamples, 0.95, seed);
        for (SpanScheme s : SpanScheme.values()) {
            Bootstrap.Interval iv = ivs.get(s.ordinal());
            intervals.put(s, iv);
            if (iv.resamples() == 0) {
                continue; // --resamples 0: no interval, rather than one of zero width that claims 95%
            }
            ObjectNode n = ci.putObject(s.wireName() + ".f1");
            n.put("estimate", iv.estimate()).put("low", iv.low()).put("high", iv.high()).put("level", iv.level())
                    .put("resamples", iv.resamples()).put("seed", iv.seed());
        }
        if (read != null && !read.skipped().isEmpty()) {
            ObjectNode sk = root.putObject("skipped");
            read.skipped().forEach(sk::put);
        }
        writeJson(root);
        PrintWriter w = out();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scheme", "precision", "recall", "f1", "95% CI (f1)", "COR", "INC", "PAR", "MIS", "SPU"});
        for (SpanScheme s : SpanScheme.values()) {
            var c = total.overall().get(s);
            var prf = c.prf(s);
            var iv = intervals.get(s);
            rows.add(new String[] {s.wireName(), f(prf.precision()), f(prf.recall()), f(prf.f1()),
                iv.resamples() == 0 ? "" : "[" + f(iv.low()) + ", " + f(iv.high()) + "]", n(c.correct()),
                n(c.incorrect()), n(c.partial()), n(c.missed()), n(c.spurious())});
        }
        w.print(TextTable.markdown(rows));
        List<String[]> types = new ArrayList<>();
        types.add(new String[] {"type (strict)", "precision", "recall", "f1", "gold", "predicted"});
        total.labels().forEach((label, m) -> {
            var c = m.get(SpanScheme.STRICT);
            var prf = c.prf(SpanScheme.STRICT);
            types.add(new String[] {label, f(prf.precision()), f(prf.recall()), f(prf.f1()), n(c.possible()),
                n(c.actual())});
        });
        w.println();
        w.print(TextTable.markdown(types));
        if (read != null && !read.skipped().isEmpty()) {
            w.println("skipped (--lenient): " + read.skipped());
        }
        w.flush();
        return 0;
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String n(long v) {
        return Long.toString(v);
    }
}
