package org.corpusbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.corpusbench.baseline.EnglishSplitter;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.OutputNames;
import org.corpusbench.format.brat.Brat;
import org.corpusbench.format.conll.Conll;
import org.corpusbench.format.csv.CsvDocumentWriter;
import org.corpusbench.format.csv.CsvLayers;
import org.corpusbench.format.hf.HuggingFace;
import org.corpusbench.format.nli.SnliJsonl;
import org.corpusbench.format.timeml.CreationDates;
import org.corpusbench.format.timeml.TimemlWriter;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.internal.StagedDirectory;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.Span;
import org.corpusbench.schema.EntityTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpusbench export}: the dataset in the formats other tools read. docs/formats.md says what each keeps. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a release (or a JSONL corpus) as conll, brat, csv, hf, timeml or nli.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Release or JSONL directory.")
    Path dataset;

    @Option(names = "--expect-fingerprint", paramLabel = "HEX", converter = VerifyCommand.FingerprintConverter.class,
            description = "With a release as --dataset: require this fingerprint (see 'corpusbench verify --help').")
    String expectFingerprint;

    @Option(names = "--format", required = true, paramLabel = "F", description = "conll, brat, csv, hf, timeml or nli.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory: created; if it "
            + "exists it must be empty, unless --overwrite. Written whole or not at all.")
    Path out;

    @Option(names = "--overwrite", description = "Replace a non-empty --out directory whole (its files are deleted).")
    boolean overwrite;

    @Option(names = "--scheme", paramLabel = "S", description = "conll tags: iob2 (default), iob1 or bioes.")
    String scheme = "iob2";

    @Option(names = "--map", paramLabel = "MAP", description = "conll: conll4 maps labels to PER/ORG/LOC/MISC.")
    String map;

    @Option(names = "--dct", paramLabel = "YYYY-MM-DD", description = "timeml: the creation date (<DCT>) of every "
            + "document that has none of its own (metadata.creation_date) or in --dct-file.")
    String dct;

    @Option(names = "--dct-file", paramLabel = "F", description = "timeml: creation dates per document, lines "
            + "doc_id<TAB>YYYY-MM-DD; a document's own metadata.creation_date must agree.")
    Path dctFile;

    @Option(names = "--allow-missing-dct", description = "timeml: write documents without a known creation date "
            + "without <DCT> (TempEval-3's tools refuse such files) instead of refusing the export.")
    boolean allowMissingDct;

    @Override
    public Integer call() throws Exception {
        CommandPaths.inputDirectory(dataset, "--dataset");
        CommandPaths.outputDirectory(out, "--out");
        CommandPaths.outsideOf(out, "--out", dataset, "--dataset");
        String f = format.toLowerCase(Locale.ROOT);
        if (!List.of("conll", "brat", "csv", "hf", "timeml", "nli").contains(f)) {
            throw new UsageException("unknown --format '" + format + "'; expected conll, brat, csv, hf, timeml or nli");
        }
        LocalDate dctDate = checkDctOptions(f);
        StagedDirectory.check(out, overwrite);
        GoldCorpus gold = GoldCorpus.read(dataset, expectFingerprint);
        List<Document> docs = List.copyOf(gold.documents().values());
        Map<String, DocumentAnnotations> anns = gold.annotations();
        PrintWriter w = spec.commandLine().getOut();
        Map<String, LocalDate> dcts = f.equals("timeml") ? creationDates(docs, dctDate) : Map.of();
        try (StagedDirectory staged = StagedDirectory.create(out, overwrite)) {
            List<String> said = write(f, staged.path(), gold, docs, anns, dcts);
            staged.commit();
            said.forEach(line -> w.println(line.replace(staged.path().toString(), out.toString())));
        }
        losses(f, gold, spec.commandLine().getErr());
        w.flush();
        return 0;
    }

    /** Writes the export into {@code out}; returns what to tell the user once it is in place. */
    private List<String> write(String f, Path out, GoldCorpus gold, List<Document> docs,
                               Map<String, DocumentAnnotations> anns, Map<String, LocalDate> dcts)
            throws java.io.IOException {
        java.io.StringWriter said = new java.io.StringWriter();
        PrintWriter w = new PrintWriter(said);
        String name = gold.name() + (gold.version() == null ? "" : "-" + gold.version());
        switch (f) {
            case "conll" -> {
                TagScheme s = TagScheme.parse(scheme);
                if (s != TagScheme.IOB2 && s != TagScheme.IOB1 && s != TagScheme.IOBES) {
                    throw new UsageException("unknown --scheme '" + scheme + "' for export; expected iob2, iob1 or bioes");
                }
                UnaryOperator<String> label;
                if (map == null) {
                    label = t -> t;
                } else if (map.equalsIgnoreCase("conll4")) {
                    label = EntityTypes::toConll4;
                } else {
                    throw new UsageException("unknown --map '" + map + "'; expected conll4");
                }
                Path file = OutputNames.file(out, name, ".conll");
                Conll.Export[] written = new Conll.Export[1];
                Conll.Tokenizer tokens = englishTokens();
                AtomicFiles.write(file, o -> written[0] = Conll.write(o, docs, tokens, anns, s, label));
                Conll.Export e = written[0];
                w.println("wrote " + file + ": " + e.documents() + " documents, " + e.sentences() + " sentences, "
                        + e.tokens() + " tokens, " + e.entities() + " entities (" + s + ")");
                misaligned(w, e);
            }
            case "hf" -> {
                Conll.Export e = HuggingFace.write(out, docs, englishTokens(), anns, name);
                w.println("wrote " + out.resolve(HuggingFace.DOCUMENTS) + " (" + e.documents() + " documents), "
                        + out.resolve(HuggingFace.TOKENS) + " (" + e.sentences() + " sentences), README.md");
                misaligned(w, e);
            }
            case "brat" -> {
                Brat.write(out, docs, anns, gold.contradictions());
                long cross = gold.contradictions().stream().filter(c -> !c.a().docId().equals(c.b().docId())).count();
                w.println("wrote " + docs.size() + " .txt/.ann pairs, annotation.conf, visual.conf and "
                        + Brat.CROSS_DOCUMENT + " (" + cross + " cross-document contradictions) to " + out);
            }
            case "csv" -> {
                CsvDocumentWriter.write(out.resolve("documents.csv"), docs, List.of());
                CsvLayers.write(out, anns.values(), gold.contradictions(), gold.nliPairs());
                w.println("wrote documents.csv, " + CsvLayers.ENTITIES + ", " + CsvLayers.DATES + ", "
                        + CsvLayers.CONTRADICTIONS + ", " + CsvLayers.NLI + " to " + out);
            }
            case "timeml" -> {
                for (Document d : docs) {
                    TimemlWriter.write(OutputNames.file(out, d.id(), ".tml"), d,
                            anns.getOrDefault(d.id(), DocumentAnnotations.empty(d.id())).timexes(), dcts.get(d.id()));
                }
                long withDct = dcts.values().stream().filter(java.util.Objects::nonNull).count();
                w.println("wrote " + docs.size() + " .tml files to " + out + " (" + withDct + " with a creation date)");
            }
            default -> {
                Path file = OutputNames.file(out, name + "-nli", ".jsonl");
                SnliJsonl.write(file, gold.nliPairs());
                w.println("wrote " + file + ": " + gold.nliPairs().size() + " pairs (SNLI field names)");
            }
        }
        w.flush();
        return said.toString().lines().toList();
    }

    /**
     * Checks the creation-date options before any work: they apply to timeml only, {@code --dct} must be a
     * date, and {@code --allow-missing-dct} cannot apply when {@code --dct} dates every document (issue 14).
     */
    private LocalDate checkDctOptions(String f) {
        if (!f.equals("timeml")) {
            for (Object[] o : new Object[][] {{"--dct", dct != null}, {"--dct-file", dctFile != null},
                {"--allow-missing-dct", allowMissingDct}}) {
                if ((Boolean) o[1]) {
                    throw new UsageException(o[0] + " applies to --format timeml only");
                }
            }
            return null;
        }
        if (allowMissingDct && dct != null) {
            throw new UsageException("--allow-missing-dct does not apply with --dct, which gives every document a "
                    + "creation date");
        }
        if (dctFile != null) {
            CommandPaths.inputFile(dctFile, "--dct-file");
        }
        if (dct == null) {
            return null;
        }
        try {
            return CreationDates.parse(dct, Location.ofFile("--dct"), null);
        } catch (CorpusFormatException e) {
            throw new UsageException("--dct: " + e.originalMessage());
        }
    }

    /**
     * Each document's creation date for timeml ({@link CreationDates#resolve}); a document left without one is
     * an error unless {@code --allow-missing-dct}, because the TempEval-3 scorer refuses a file without
     * {@code <DCT>} and then scores the other files only (docs/formats.md).
     */
    private Map<String, LocalDate> creationDates(List<Document> docs, LocalDate fallback) throws java.io.IOException {
        Map<String, CreationDates.Entry> fromFile = dctFile == null ? Map.of()
                : CreationDates.readTsv(dctFile, docs.stream().map(Document::id).collect(Collectors.toSet()));
        Path documents = dataset.resolve("documents.jsonl");
        Map<String, LocalDate> dates = CreationDates.resolve(docs, documents.toString(), fromFile, dctFile, fallback);
        List<String> missing = dates.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                .toList();
        if (!missing.isEmpty() && !allowMissingDct) {
            throw new CorpusFormatException(Location.ofFile(documents.toString()), "metadata."
                    + CreationDates.METADATA_KEY, "none for " + missing.size() + " of " + docs.size() + " documents ("
                    + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
                    + (missing.size() > 3 ? ", ..." : "") + "); expected a creation date for each, which TempEval-3's "
                    + "tools require as <DCT>: give --dct YYYY-MM-DD or --dct-file F, or --allow-missing-dct to "
                    + "write them without one");
        }
        return dates;
    }

    /** OpenNLP's English sentences and tokens, quotes and clitics split off; one document at a time. */
    private static Conll.Tokenizer englishTokens() {
        EnglishSplitter splitter = new EnglishSplitter();
        return d -> {
            List<List<Span>> sentences = new ArrayList<>();
            for (EnglishSplitter.Sentence s : splitter.split(d.text())) {
                sentences.add(EnglishSplitter.splitQuotesAndClitics(d.text(), s.tokens()));
            }
            return sentences;
        };
    }

    /** Says on stderr which layers of this corpus the format leaves out: an export never loses data silently. */
    private static void losses(String format, GoldCorpus gold, PrintWriter err) {
        long entities = gold.annotations().values().stream().mapToLong(a -> a.entities().size()).sum();
        long dates = gold.annotations().values().stream().mapToLong(a -> a.timexes().size()).sum();
        long contradictions = gold.contradictions().size();
        long nli = gold.nliPairs().size();
        List<String> lost = new ArrayList<>();
        boolean keepsEntities = !List.of("timeml", "nli").contains(format);
        boolean keepsDates = !List.of("conll", "nli").contains(format);
        boolean keepsContradictions = List.of("brat", "csv").contains(format);
        boolean keepsNli = List.of("csv", "nli").contains(format);
        if (!keepsEntities && entities > 0) {
            lost.add(entities + " entity mentions");
        }
        if (!keepsDates && dates > 0) {
            lost.add(dates + " dates");
        }
        if (!keepsContradictions && contradictions > 0) {
            lost.add(contradictions + " contradictions");
        }
        if (!keepsNli && nli > 0) {
            lost.add(nli + " NLI pairs");
        }
        if (!lost.isEmpty()) {
            err.println("corpusbench export: note: " + format + " does not hold " + String.join(", ", lost)
                    + " of this corpus; docs/formats.md says what each format keeps");
            err.flush();
        }
    }

    private static void misaligned(PrintWriter w, Conll.Export e) {
        if (e.misaligned().isEmpty()) {
            w.println("every gold entity span falls on token boundaries");
            return;
        }
        w.println(e.misaligned().size() + " gold entity spans do not fall on token boundaries and are not tagged:");
        for (Conll.Misaligned m : e.misaligned()) {
            w.println("  " + m.docId() + " [" + m.mention().span().start() + "," + m.mention().span().end() + ") "
                    + m.mention().type() + " '" + m.mention().span().text() + "'");
        }
    }
}
