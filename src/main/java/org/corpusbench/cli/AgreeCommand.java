package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.corpusbench.agreement.Agreement;
import org.corpusbench.agreement.AgreementRendering;
import org.corpusbench.agreement.AgreementReport;
import org.corpusbench.agreement.AnnotationSet;
import org.corpusbench.agreement.AnnotationSets;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.internal.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code corpusbench agree A B [C ...]}: inter-annotator agreement (issue 17). Options and printing only;
 * {@link Agreement} computes every figure and {@link AgreementRendering} renders them.
 */
@Command(name = "agree", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Agreement between two or more annotation sets of the same documents,",
            "per layer and per type (the figures are defined in docs/agreement.md):",
            "  entities: F1 between each two annotators (strict, exact, partial),",
            "    Cohen's kappa (two annotators) and Fleiss' kappa over tokens,",
            "    Krippendorff's alpha_u over code points;",
            "  dates: strict and relaxed extent F1, and type and value agreement over",
            "    the matched expressions;",
            "  contradictions: pair F1 (the matching of 'evaluate'), type agreement;",
            "  nli: label agreement, Cohen's kappa (two annotators), Fleiss' kappa,",
            "    a confusion matrix per pair (every set must hold the same pairs).",
            "SET is a release directory, a gold-sources folder (entities.tsv,",
            "timexes.tsv, contradictions.jsonl, nli.jsonl; its texts are --seeds), a directory",
            "of corpusbench JSONL, or an annotations .jsonl file (with its documents",
            "in it, or in --documents). Each set is validated as gold, and all must",
            "hold the same documents with the same texts."})
final class AgreeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the JSON report here ('-': to standard "
            + "output, instead of the table).")
    Path json;

    @Option(names = "--markdown", paramLabel = "OUT", description = "Write the report as Markdown here.")
    Path markdown;

    @Option(names = "--html", paramLabel = "OUT", description = "Write the report as a self-contained HTML page here.")
    Path html;

    @Option(names = "--disagreements", paramLabel = "OUT.tsv", description = "Write every disagreement, with its "
            + "context, as tab-separated values here, for an adjudicator.")
    Path disagreements;

    @Option(names = "--layers", paramLabel = "L", split = ",", description = "Compare only these layers: entities, "
            + "dates, contradictions, nli (default: every layer some set holds; each set must then hold it, and for "
            + "nli the same pairs).")
    List<String> layers;

    @Option(names = "--names", paramLabel = "N", split = ",", description = "Names of the annotators, in the order "
            + "of the sets (default: A, B, C, ...).")
    List<String> names;

    @Option(names = "--seeds", paramLabel = "DIR", description = "The texts of gold-sources folders (default: seeds).")
    Path seeds;

    @Option(names = "--documents", paramLabel = "PATH", description = "Documents for .jsonl sets that hold none "
            + "of their own: a documents .jsonl or .csv file, or a folder of .txt articles.")
    Path documents;

    @Parameters(arity = "2..*", paramLabel = "SET", description = "Annotation sets of the same documents.")
    List<Path> sets;

    @Override
    public Integer call() throws IOException {
        Set<GoldCorpus.Layer> chosen = layers();
        List<String> labels = labels();
        checkPaths();
        boolean needsDocuments = false;
        for (Path p : sets) {
            needsDocuments |= Files.isRegularFile(p) && !AnnotationSets.holdsDocuments(p);
        }
        if (documents != null && !needsDocuments) {
            throw new UsageException("--documents applies to .jsonl sets that hold no documents, and no SET is one");
        }
        List<AnnotationSet> read = new ArrayList<>();
        Path seedsDir = seeds != null ? seeds : ProjectRoot.find().resolve("seeds");
        for (int i = 0; i < sets.size(); i++) {
            read.add(AnnotationSets.read(labels.get(i), sets.get(i), seedsDir, documents));
        }
        if (seeds != null && read.stream().noneMatch(s -> s.kind() == AnnotationSet.Kind.GOLD_SOURCES)) {
            throw new UsageException("--seeds applies to gold-sources folders only, and no SET is one");
        }
        if (chosen == null) {
            chosen = Agreement.layersHeld(read);
            if (chosen.isEmpty()) {
                throw new CorpusFormatException(Location.ofFile(sets.get(0).toString()), null, "no annotation set "
                        + "holds entities, dates, contradictions or NLI pairs; expected annotations to compare");
            }
        }
        AgreementReport report = Agreement.compute(read, chosen);
        // everything is computed and rendered before the first output is written
        String jsonText = json == null ? null : AgreementRendering.jsonText(report, Main.version());
        String md = markdown == null ? null : AgreementRendering.markdown(report);
        String page = html == null ? null : AgreementRendering.html(report);
        String tsv = disagreements == null ? null : AgreementRendering.disagreementsTsv(report);
        PrintWriter out = spec.commandLine().getOut();
        if (jsonToStdout()) {
            out.print(jsonText);
        } else {
            if (jsonText != null) {
                AtomicFiles.writeString(json, jsonText);
            }
            out.print(TextTable.markdown(AgreementRendering.headline(report).rows(), 2));
            out.println(report.disagreements().size() + " disagreements" + (disagreements == null ? "" : " in "
                    + disagreements) + " (" + report.documents().size() + " documents, " + report.annotators().size()
                    + " annotators)");
        }
        if (md != null) {
            AtomicFiles.writeString(markdown, md);
        }
        if (page != null) {
            AtomicFiles.writeString(html, page);
        }
        if (tsv != null) {
            AtomicFiles.writeString(disagreements, tsv);
        }
        out.flush();
        return 0;
    }

    private boolean jsonToStdout() {
        return json != null && json.toString().equals("-");
    }

    private Set<GoldCorpus.Layer> layers() {
        if (layers == null) {
            return null;
        }
        Set<GoldCorpus.Layer> out = EnumSet.noneOf(GoldCorpus.Layer.class);
        for (String l : layers) {
            out.add(switch (l.strip().toLowerCase(Locale.ROOT)) {
                case "entities" -> GoldCorpus.Layer.ENTITIES;
                case "dates", "timexes" -> GoldCorpus.Layer.TIMEXES;
                case "contradictions" -> GoldCorpus.Layer.CONTRADICTIONS;
                case "nli" -> GoldCorpus.Layer.NLI;
                default -> throw new UsageException("unknown layer '" + l + "' in --layers; expected entities, dates, "
                        + "contradictions or nli");
            });
        }
        return out;
    }

    private List<String> labels() {
        if (names == null) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                out.add(i < 26 ? String.valueOf((char) ('A' + i)) : "R" + (i + 1));
            }
            return out;
        }
        if (names.size() != sets.size()) {
            throw new UsageException("--names gives " + names.size() + " names for " + sets.size() + " sets; expected "
                    + "one per set");
        }
        if (names.stream().distinct().count() != names.size() || names.stream().anyMatch(String::isBlank)) {
            throw new UsageException("--names must be distinct and not blank, found " + names);
        }
        return names;
    }

    /** Inputs exist; outputs are files of their own, outside every input and every release. */
    private void checkPaths() {
        for (int i = 0; i < sets.size(); i++) {
            if (!Files.exists(sets.get(i))) {
                throw new UsageException(sets.get(i) + ": no such file or directory (SET " + (i + 1) + ")");
            }
        }
        if (seeds != null) {
            CommandPaths.inputDirectory(seeds, "--seeds");
        }
        if (documents != null && !Files.exists(documents)) {
            throw new UsageException(documents + ": no such file or directory (--documents)");
        }
        if (documents != null && Files.isDirectory(documents) && Files.exists(documents.resolve("manifest.json"))) {
            throw new UsageException(documents + ": is a release, whose annotations would be read too (--documents); "
                    + "expected its documents.jsonl, or a folder of .txt articles");
        }
        Path jsonFile = jsonToStdout() ? null : json;
        List<Path> outs = new ArrayList<>();
        List<String> opts = new ArrayList<>();
        for (Object[] o : new Object[][] {{jsonFile, "--json"}, {markdown, "--markdown"}, {html, "--html"},
            {disagreements, "--disagreements"}}) {
            if (o[0] != null) {
                outs.add(CommandPaths.outputFile((Path) o[0], (String) o[1]));
                opts.add((String) o[1]);
            }
        }
        for (int i = 0; i < outs.size(); i++) {
            CommandPaths.notInRelease(outs.get(i), opts.get(i));
            for (int j = i + 1; j < outs.size(); j++) {
                CommandPaths.notSame(outs.get(i), opts.get(i), outs.get(j), opts.get(j));
            }
            for (Path in : sets) {
                CommandPaths.notSame(outs.get(i), opts.get(i), in, "SET");
                if (Files.isDirectory(in)) {
                    CommandPaths.notInside(outs.get(i), opts.get(i), in, "SET");
                }
            }
            CommandPaths.notSame(outs.get(i), opts.get(i), documents, "--documents");
        }
    }
}
