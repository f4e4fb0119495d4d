package org.corpusbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.evaluation.Task;
import org.corpusbench.format.Corpus;
import org.corpusbench.format.jsonl.JsonlWriter;
import org.corpusbench.format.registry.CorpusFormat;
import org.corpusbench.format.registry.WriteOptions;
import org.corpusbench.internal.StagedDirectory;
import org.corpusbench.leaderboard.BaselineSuite;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpusbench predict}: a baseline's predictions for a release, made as the leaderboard makes them,
 * written as corpusbench JSONL (which {@code evaluate} scores to the leaderboard's figures) or in any export
 * format, for another scorer or an annotation tool.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a baseline's predictions for a release, made exactly as the leaderboard makes them "
                + "(trained systems by leave-one-document-out), so that 'evaluate' on them prints the "
                + "leaderboard's figures.",
            "Systems: opennlp-maxent, gazetteer (entities); rule-based (dates); heuristic, all-pairs "
                + "(contradictions, on the gazetteer's entities), 'heuristic (gold entities, oracle)', "
                + "'all-pairs (gold entities, oracle)' (contradictions on the gold entities: an upper reference); "
                + "lexical-overlap, majority, overlap-threshold, hypothesis-only (nli; the last two are the "
                + "annotation-artefact checks)."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Release or JSONL directory.")
    Path dataset;

    @Option(names = "--expect-fingerprint", paramLabel = "HEX", converter = VerifyCommand.FingerprintConverter.class,
            description = "With a release as --dataset: require this fingerprint (see 'corpusbench verify --help').")
    String expectFingerprint;

    @Option(names = "--system", required = true, paramLabel = "NAME", description = "The baseline (see above).")
    String system;

    @Option(names = "--format", paramLabel = "F", converter = OptionTypes.FormatConverter.class,
            completionCandidates = OptionTypes.FormatNames.class,
            description = "Write in this export format instead of corpusbench JSONL: ${COMPLETION-CANDIDATES}; "
                    + "--out is then a directory.")
    CorpusFormat format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The predictions file (JSONL), "
            + "or with --format the output directory; written whole or not at all, and refused if it exists and "
            + "is not empty, unless --overwrite.")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing --out.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        CommandPaths.inputDirectory(dataset, "--dataset");
        Map<String, Task> systems = BaselineSuite.systems();
        if (!systems.containsKey(system)) {
            throw new UsageException("unknown --system '" + system + "'; expected one of "
                    + String.join(", ", systems.keySet()));
        }
        if (format == null) {
            CommandPaths.outputFile(out, "--out");
            if (Files.exists(out) && !overwrite) {
                throw new UsageException(out + ": exists; pass --overwrite to replace it (--out)");
            }
        } else {
            CommandPaths.outputDirectory(out, "--out");
            StagedDirectory.check(out, overwrite);
        }
        CommandPaths.outsideOf(out, "--out", dataset, "--dataset");
        CommandPaths.notInRelease(format == null ? out : out.resolve("x"), "--out");
        GoldCorpus gold = GoldCorpus.read(dataset, expectFingerprint);
        Task task = systems.get(system);
        gold.require(task.layer(), dataset);
        BaselineSuite.Predicted p = BaselineSuite.predict(gold, system);
        PrintWriter w = spec.commandLine().getOut();
        if (format == null) {
            List<Object> records = new ArrayList<>();
            switch (task) {
                case ENTITIES, DATES -> records.addAll(p.layers().values());
                case CONTRADICTIONS -> records.addAll(p.contradictions());
                default -> gold.nliPairs().forEach(pair -> records.add(withLabel(pair, p.nliLabels().get(pair.id()))));
            }
            JsonlWriter.write(out, records);
            w.println("wrote " + out + ": " + records.size() + " " + (task == Task.ENTITIES || task == Task.DATES
                    ? "documents" : task == Task.CONTRADICTIONS ? "contradictions" : "NLI pairs")
                    + " of " + system + " predictions (" + task.wireName() + ")"
                    + (records.isEmpty() && task == Task.CONTRADICTIONS
                    ? "; the detector flagged no pair, so the file is empty: evaluate scores it with --allow-empty"
                    : ""));
        } else {
            List<NliPair> pairs = new ArrayList<>();
            gold.nliPairs().forEach(pair -> {
                if (p.nliLabels().containsKey(pair.id())) {
                    pairs.add(withLabel(pair, p.nliLabels().get(pair.id())));
                }
            });
            Map<String, DocumentAnnotations> layers = new LinkedHashMap<>();
            gold.documents().keySet().forEach(id -> layers.put(id, p.layers().getOrDefault(id,
                    DocumentAnnotations.empty(id))));
            Corpus corpus = new Corpus(List.copyOf(gold.documents().values()), layers, p.contradictions(), pairs);
            WriteOptions options = WriteOptions.english(gold.name() + "-" + fileName(system));
            try (StagedDirectory staged = StagedDirectory.create(out, overwrite)) {
                List<String> said = format.write(corpus, staged.path(), options);
                staged.commit();
                said.forEach(line -> w.println(line.replace(staged.path().toString(), out.toString())));
            }
            if (!format.holds().contains(layerOf(task))) {
                spec.commandLine().getErr().println("corpusbench predict: note: " + format.wireName()
                        + " does not hold " + layerOf(task).label() + "; the predictions of " + system
                        + " are not in it");
            }
        }
        w.flush();
        return 0;
    }

    /** A system name as a file-name part: "heuristic (gold entities, oracle)" as heuristic-gold-entities-oracle. */
    static String fileName(String system) {
        return system.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    }

    private static Corpus.Layer layerOf(Task task) {
        return switch (task) {
            case ENTITIES, TAGS -> Corpus.Layer.ENTITIES;
            case DATES -> Corpus.Layer.DATES;
            case CONTRADICTIONS -> Corpus.Layer.CONTRADICTIONS;
            case NLI -> Corpus.Layer.NLI;
        };
    }

    /** The pair with the predicted label in place of the gold one, and no link to a gold contradiction. */
    private static NliPair withLabel(NliPair pair, NliLabel label) {
        return new NliPair(pair.id(), pair.premise(), pair.hypothesis(), label, null);
    }
}
