package org.corpusbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.format.brat.Brat;
import org.corpusbench.format.conll.Conll;
import org.corpusbench.format.csv.CsvDocumentReader;
import org.corpusbench.format.csv.CsvLayers;
import org.corpusbench.format.hf.HuggingFace;
import org.corpusbench.format.jsonl.JsonlWriter;
import org.corpusbench.format.nli.SnliJsonl;
import org.corpusbench.format.timeml.TimemlReader;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.StagedDirectory;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.diagnostic.InvalidInputException;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code corpusbench import}: a corpus in another tool's format, written as corpusbench JSONL so that
 * {@code validate}, {@code stats} and {@code evaluate} work on it.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import conll, brat, csv, hf, timeml or nli (SNLI/MNLI/ANLI) into corpusbench JSONL.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "F", description = "conll, brat, csv, hf, timeml or nli.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the JSONL files go: created; "
            + "if it exists it must be empty, unless --overwrite. Written whole or not at all.")
    Path out;

    @Option(names = "--overwrite", description = "Replace a non-empty --out directory whole (its files are deleted).")
    boolean overwrite;

    @Option(names = "--scheme", paramLabel = "S", description = "conll tag scheme (default: iob2): iob1, iob2, "
            + "ioe1, ioe2, iobes/bioes, bilou.")
    String scheme = "iob2";

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
        if (bratFragments != null && !format.equalsIgnoreCase("brat")) {
            throw new UsageException(Brat.FRAGMENTS_OPTION + " applies to --format brat only");
        }
        List<Document> docs = new ArrayList<>();
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        List<Contradiction> contradictions = new ArrayList<>();
        List<NliPair> nli = new ArrayList<>();
        String note = "";
        long assignedTids = 0;
        switch (format.toLowerCase(Locale.ROOT)) {
            case "conll" -> {
                TagScheme s = TagScheme.parse(scheme);
                if (s == null) {
                    throw new UsageException("unknown --scheme '" + scheme + "'; expected iob1, iob2, ioe1, ioe2, "
                            + "iobes or bilou");
                }
                Conll.Corpus c = Conll.read(file(), s);
                docs.addAll(c.documents());
                anns.putAll(c.annotations());
            }
            case "brat" -> {
                Brat.Corpus c = Brat.read(directory(), fragments());
                docs.addAll(c.documents());
                anns.putAll(c.annotations());
                contradictions.addAll(c.contradictions());
            }
            case "csv" -> {
                Path dir = directory();
                if (Files.exists(dir.resolve("documents.csv"))) {
                    try (Stream<Document> s = CsvDocumentReader.read(dir.resolve("documents.csv"),
                            CsvDocumentReader.Columns.defaults())) {
                        s.forEach(docs::add);
                    }
                }
                CsvLayers.Layers l = CsvLayers.read(dir);
                anns.putAll(l.annotations());
                contradictions.addAll(l.contradictions());
                nli.addAll(l.nliPairs());
            }
            case "hf" -> {
                HuggingFace.Corpus c = HuggingFace.read(Files.isDirectory(input)
                        ? input.resolve(HuggingFace.DOCUMENTS) : input);
                docs.addAll(c.documents());
                anns.putAll(c.annotations());
            }
            case "timeml" -> {
                List<Path> files;
                if (Files.isDirectory(input)) {
                    try (Stream<Path> s = Files.list(input)) {
                        files = s.filter(p -> p.getFileName().toString().endsWith(".tml")).sorted().toList();
                    }
                } else {
                    files = List.of(input);
                }
                long dcts = 0;
                for (Path p : files) {
                    TimemlReader.TimemlDocument t = TimemlReader.read(p);
                    assignedTids += t.assignedTids();
                    Document d = t.document();
                    if (t.creationDate() != null) {
                        Map<String, String> meta = new LinkedHashMap<>(d.metadata());
                        meta.put("creation_date", t.creationDate().toString());
                        d = new Document(d.id(), d.text(), d.title(), d.source(), d.sha256(), meta);
                        dcts++;
                    }
                    docs.add(d);
                    anns.put(d.id(), t.annotations());
                }
                note = ", " + dcts + " creation dates (in metadata.creation_date)";
            }
            case "nli", "snli" -> {
                SnliJsonl.Read r = SnliJsonl.read(file());
                nli.addAll(r.pairs());
                note = ", " + r.unlabelled() + " pairs without a gold label skipped";
            }
            default -> throw new UsageException("unknown --format '" + format + "'; expected conll, brat, csv, hf, "
                    + "timeml or nli");
        }
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
                        + "annotations, contradictions or NLI pairs to import; expected " + format + " input");
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
            throw new UsageException(input + ": expected a file for --format " + format);
        }
        return input;
    }

    private Path directory() {
        if (!Files.isDirectory(input)) {
            throw new UsageException(input + ": expected a directory for --format " + format);
        }
        return input;
    }
}
