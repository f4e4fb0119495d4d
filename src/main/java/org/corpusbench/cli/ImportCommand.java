package org.corpusbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.diagnostic.InvalidInputException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.Corpus;
import org.corpusbench.format.brat.Brat;
import org.corpusbench.format.jsonl.JsonlWriter;
import org.corpusbench.format.registry.CorpusFormat;
import org.corpusbench.format.registry.ReadOptions;
import org.corpusbench.internal.StagedDirectory;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.tags.TagScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code corpusbench import}: a corpus in another tool's format, written as corpusbench JSONL so that
 * {@code validate}, {@code stats} and {@code evaluate} work on it.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a corpus in another tool's format (nli: SNLI, MultiNLI or ANLI JSONL) into corpusbench "
                + "JSONL.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "F", converter = OptionTypes.FormatConverter.class,
            completionCandidates = OptionTypes.FormatNames.class,
            description = "${COMPLETION-CANDIDATES} (any case; snli for nli).")
    CorpusFormat format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the JSONL files go: created; "
            + "if it exists it must be empty, unless --overwrite. Written whole or not at all.")
    Path out;

    @Option(names = "--overwrite", description = "Replace a non-empty --out directory whole (its files are deleted).")
    boolean overwrite;

    @Option(names = "--scheme", paramLabel = "S", converter = OptionTypes.SchemeConverter.class,
            description = "conll: the tag scheme of the file, IOB2 (default), IOB1, IOE1, IOE2, IOBES (or BIOES) or "
                    + "BILOU, any case.")
    TagScheme scheme;

    @Option(names = Brat.FRAGMENTS_OPTION, paramLabel = "MODE", description = "brat: a discontinuous annotation "
            + "(fragments with other text than line breaks between them) is refused (refuse, the default) or "
            + "imported as one mention per fragment, sharing one entity_id (split).")
    String bratFragments;

    @Parameters(paramLabel = "INPUT", description = "A file (conll, hf documents.jsonl, nli, one .tml) or a "
            + "directory (brat, csv, timeml).")
    Path input;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(input)) {
            throw new UsageException(input + ": no such file or directory");
        }
        CommandPaths.outputDirectory(out, "--out");
        CommandPaths.outsideOf(out, "--out", input, "INPUT");
        StagedDirectory.check(out, overwrite);
        if (bratFragments != null && format != CorpusFormat.BRAT) {
            throw new UsageException(Brat.FRAGMENTS_OPTION + " applies to --format brat only");
        }
        if (scheme != null && format != CorpusFormat.CONLL) {
            throw new UsageException("--scheme applies to --format conll only");
        }
        Path source = switch (format.input()) {
            case FILE -> file();
            case DIRECTORY -> directory();
            case EITHER -> input;
        };
        CorpusFormat.Read read = format.read(source, new ReadOptions(scheme == null ? TagScheme.IOB2 : scheme,
                fragments()));
        Corpus corpus = read.corpus();
        List<Document> docs = corpus.documents();
        Map<String, DocumentAnnotations> anns = corpus.annotations();
        List<Contradiction> contradictions = corpus.contradictions();
        List<NliPair> nli = corpus.nliPairs();
        String note = read.summary();
        long assignedTids = read.assignedTids();
        List<String> written = new ArrayList<>();
        try (StagedDirectory staged = StagedDirectory.create(out, overwrite)) {
            Path dir = staged.path();
            if (!docs.isEmpty()) {
                JsonlWriter.write(dir.resolve("documents.jsonl"), docs);
                written.add("documents.jsonl");
            }
            if (!anns.isEmpty()) {
                JsonlWriter.write(dir.resolve("annotations.jsonl"), anns.values());
                written.add("annotations.jsonl");
            }
            if (!contradictions.isEmpty()) {
                JsonlWriter.write(dir.resolve("contradictions.jsonl"), contradictions);
                written.add("contradictions.jsonl");
            }
            if (!nli.isEmpty()) {
                JsonlWriter.write(dir.resolve("nli.jsonl"), nli);
                written.add("nli.jsonl");
            }
            if (written.isEmpty()) {
                throw new CorpusFormatException(Location.ofFile(input.toString()), null, "holds no documents, "
                        + "annotations, contradictions or NLI pairs to import; expected " + format.wireName() + " input");
            }
            // What import writes must validate (as predictions: ids optional, nested mentions allowed):
            // anything else is data the input holds but corpusbench's files cannot carry as they are.
            List<Diagnostic> found = CorpusValidator.validateStaged(dir, CorpusValidator.Role.PREDICTIONS, out);
            boolean unchecked = found.stream().anyMatch(d -> d.message().equals(CorpusValidator.NO_DOCUMENTS));
            if (unchecked) {
                // layers without their documents (NLI pairs, CSV layers) can be imported, but not checked here
                spec.commandLine().getErr().println("corpusbench import: note: the input holds no documents, so the "
                        + "offsets and text of its records were not checked; validate the result together with its "
                        + "documents");
            }
            List<Diagnostic> problems = found.stream().filter(Diagnostic::isError)
                    .filter(d -> !d.message().equals(CorpusValidator.NO_DOCUMENTS)).toList();
            if (!problems.isEmpty()) {
                throw new InvalidInputException("what " + input + " converts to", problems, "nothing was written; "
                        + "fix the input (the line numbers are those of the corpusbench JSONL it would become)");
            }
            staged.commit();
        }
        long entities = anns.values().stream().mapToLong(a -> a.entities().size()).sum();
        long timexes = anns.values().stream().mapToLong(a -> a.timexes().size()).sum();
        PrintWriter w = spec.commandLine().getOut();
        w.println("imported " + docs.size() + " documents, " + entities + " entity mentions, " + timexes
                + " TIMEX3, " + contradictions.size() + " contradictions, " + nli.size() + " NLI pairs" + note);
        w.println("wrote " + String.join(", ", written) + " to " + out);
        w.flush();
        if (assignedTids > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("corpusbench import: note: " + assignedTids + " TIMEX3 had no tid and " + (assignedTids == 1
                    ? "was" : "were") + " given one (t1, t2, ..., skipping the tids their document uses)");
            err.flush();
        }
        return 0;
    }

    private Brat.Fragments fragments() {
        if (bratFragments == null) {
            return Brat.Fragments.REFUSE;
        }
        for (Brat.Fragments f : Brat.Fragments.values()) {
            if (f.optionValue().equals(bratFragments)) {
                return f;
            }
        }
        throw new UsageException("unknown " + Brat.FRAGMENTS_OPTION + " '" + bratFragments + "'; expected refuse or "
                + "split");
    }

    private Path file() {
        if (!Files.isRegularFile(input)) {
            throw new UsageException(input + ": expected a file for --format " + format.wireName());
        }
        return input;
    }

    private Path directory() {
        if (!Files.isDirectory(input)) {
            throw new UsageException(input + ": expected a directory for --format " + format.wireName());
        }
        return input;
    }
}
