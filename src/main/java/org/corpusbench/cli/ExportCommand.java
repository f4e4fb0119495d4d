package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.corpusbench.dataset.ReleaseCard;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.format.Corpus;
import org.corpusbench.format.hf.HuggingFace;
import org.corpusbench.format.registry.CorpusFormat;
import org.corpusbench.format.registry.WriteOptions;
import org.corpusbench.format.timeml.CreationDates;
import org.corpusbench.internal.StagedDirectory;
import org.corpusbench.model.Document;
import org.corpusbench.schema.EntityTypes;
import org.corpusbench.tags.TagScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corpusbench export}: the dataset in the formats other tools read. docs/formats.md says what each keeps. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a release (or a JSONL corpus) in another tool's format; docs/formats.md says what each "
                + "format keeps.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Release or JSONL directory.")
    Path dataset;

    @Option(names = "--expect-fingerprint", paramLabel = "HEX", converter = VerifyCommand.FingerprintConverter.class,
            description = "With a release as --dataset: require this fingerprint (see 'corpusbench verify --help').")
    String expectFingerprint;

    @Option(names = "--format", required = true, paramLabel = "F", converter = OptionTypes.FormatConverter.class,
            completionCandidates = OptionTypes.FormatNames.class,
            description = "${COMPLETION-CANDIDATES} (any case).")
    CorpusFormat format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory: created; if it "
            + "exists it must be empty, unless --overwrite. Written whole or not at all.")
    Path out;

    @Option(names = "--overwrite", description = "Replace a non-empty --out directory whole (its files are deleted).")
    boolean overwrite;

    @Option(names = "--scheme", paramLabel = "S", converter = OptionTypes.SchemeConverter.class,
            description = "conll: the tag scheme written, IOB2 (default), IOB1 or IOBES (or BIOES), any case.")
    TagScheme scheme;

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

    @Option(names = "--license", paramLabel = "ID", description = "hf: the license the card declares, as a Hub "
            + "identifier (cc-by-4.0, mit, other); default: the release card's, else 'unknown'.")
    String license;

    @Option(names = "--language", paramLabel = "CODE", split = ",", description = "hf: the documents' languages "
            + "the card declares, ISO 639 codes (en, de, pt-BR; repeat or separate with commas); default: the "
            + "release card's, else none.")
    List<String> languages;

    @Override
    public Integer call() throws Exception {
        CommandPaths.inputDirectory(dataset, "--dataset");
        CommandPaths.outputDirectory(out, "--out");
        CommandPaths.outsideOf(out, "--out", dataset, "--dataset");
        LocalDate dctDate = checkDctOptions(format);
        WriteOptions options = conllOptions();
        StagedDirectory.check(out, overwrite);
        GoldCorpus gold = GoldCorpus.read(dataset, expectFingerprint);
        Corpus corpus = new Corpus(List.copyOf(gold.documents().values()), gold.annotations(),
                gold.contradictions(), gold.nliPairs());
        options = options.withName(gold.name() + (gold.version() == null ? "" : "-" + gold.version()));
        if (format == CorpusFormat.TIMEML) {
            options = options.withCreationDates(creationDates(corpus.documents(), dctDate));
        }
        if (format == CorpusFormat.HF) {
            options = options.withCard(card(gold));
        }
        PrintWriter w = spec.commandLine().getOut();
        try (StagedDirectory staged = StagedDirectory.create(out, overwrite)) {
            List<String> said = format.write(corpus, staged.path(), options);
            staged.commit();
            said.forEach(line -> w.println(line.replace(staged.path().toString(), out.toString())));
        }
        losses(format, corpus, spec.commandLine().getErr());
        if (format == CorpusFormat.HF) {
            unknownCardFields(options.card(), spec.commandLine().getErr());
        }
        w.flush();
        return 0;
    }

    /** Says on stderr what the Hugging Face card could not declare, and the option that would. */
    static void unknownCardFields(HuggingFace.Card card, PrintWriter err) {
        List<String> said = new ArrayList<>();
        List<String> options = new ArrayList<>();
        if (card.license() == null) {
            said.add("license: unknown");
            options.add("--license");
        }
        if (card.languages().isEmpty()) {
            said.add("no language");
            options.add("--language");
        }
        if (!said.isEmpty()) {
            err.println("corpusbench export: note: the card declares " + String.join(" and ", said) + " (the input "
                    + "does not say); give " + String.join(" and ", options) + " to declare "
                    + (options.size() == 1 ? "it" : "them"));
        }
    }

    /**
     * The license and languages of the Hugging Face card: the options', else what the release's own card
     * declares (a JSONL directory declares nothing).
     */
    private HuggingFace.Card card(GoldCorpus gold) throws IOException {
        return card(gold.fingerprint() == null ? HuggingFace.Card.UNKNOWN : ReleaseCard.read(dataset), license,
                languages);
    }

    /**
     * {@code base} (a release's card, or nothing known) with {@code --license} and {@code --language} when
     * given; {@code export} and {@code spark export} build the card with it.
     */
    static HuggingFace.Card card(HuggingFace.Card base, String license, List<String> languages) {
        HuggingFace.Card card = base;
        if (license != null) {
            try {
                card = card.withLicense(license);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--license: " + e.getMessage());
            }
        }
        if (languages != null) {
            try {
                card = card.withLanguages(languages);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--language: " + e.getMessage());
            }
        }
        return card;
    }

    /** The CoNLL options, refused for the other formats, and the release name that files are named after. */
    private WriteOptions conllOptions() {
        checkCardOptions(format, license, languages);
        TagScheme s = writtenScheme(format, scheme, map);
        UnaryOperator<String> label = map != null ? EntityTypes::toConll4 : UnaryOperator.identity();
        return WriteOptions.english("").withScheme(s).withLabel(label);
    }

    /** Refuses {@code --license} and {@code --language} for a format other than hf. */
    static void checkCardOptions(CorpusFormat format, String license, List<String> languages) {
        if (format != CorpusFormat.HF && (license != null || languages != null)) {
            throw new UsageException((license != null ? "--license" : "--language") + " applies to --format hf only");
        }
    }

    /**
     * The tag scheme a CoNLL export writes (IOB2 unless {@code --scheme}), refusing {@code --scheme} and
     * {@code --map} for other formats, a scheme export cannot write, and a {@code --map} other than conll4;
     * {@code export} and {@code spark export} check their options with it.
     */
    static TagScheme writtenScheme(CorpusFormat format, TagScheme scheme, String map) {
        if (format != CorpusFormat.CONLL) {
            if (scheme != null) {
                throw new UsageException("--scheme applies to --format conll only");
            }
            if (map != null) {
                throw new UsageException("--map applies to --format conll only");
            }
        }
        TagScheme s = scheme == null ? TagScheme.IOB2 : scheme;
        if (!CorpusFormat.WRITTEN_SCHEMES.contains(s)) {
            throw new UsageException("--scheme " + s + " cannot be written; export writes IOB2, IOB1 or IOBES");
        }
        if (map != null && !map.equalsIgnoreCase("conll4")) {
            throw new UsageException("unknown --map '" + map + "'; expected conll4");
        }
        return s;
    }

    /**
     * Checks the creation-date options before any work: they apply to timeml only, {@code --dct} must be a
     * date, and {@code --allow-missing-dct} cannot apply when {@code --dct} dates every document (issue 14).
     */
    private LocalDate checkDctOptions(CorpusFormat f) {
        return checkDctOptions(f, dct, dctFile, allowMissingDct);
    }

    /**
     * {@link #checkDctOptions(CorpusFormat)} on the options given: {@code export} and {@code spark export} check
     * them with it; the date of {@code --dct}, or null.
     */
    static LocalDate checkDctOptions(CorpusFormat f, String dct, Path dctFile, boolean allowMissingDct) {
        if (f != CorpusFormat.TIMEML) {
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
            throw CreationDates.missing(documents.toString(), missing, missing.size(), docs.size());
        }
        return dates;
    }

    /** Says on stderr which layers of this corpus the format leaves out: an export never loses data silently. */
    private static void losses(CorpusFormat format, Corpus corpus, PrintWriter err) {
        List<String> lost = new ArrayList<>();
        format.losses(corpus).forEach((layer, n) -> lost.add(n + " " + layer.label()));
        if (!lost.isEmpty()) {
            err.println("corpusbench export: note: " + format.wireName() + " does not hold " + String.join(", ", lost)
                    + " of this corpus; docs/formats.md says what each format keeps");
            err.flush();
        }
    }
}
