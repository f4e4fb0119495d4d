package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.JsonNode;
import org.corpusbench.dataset.ReleaseCard;
import org.corpusbench.format.hf.HuggingFace;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.format.registry.CorpusFormat;
import org.corpusbench.spark.SparkEngine;
import org.corpusbench.spark.SparkExport;
import org.corpusbench.tags.TagScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corpusbench spark export}: a JSONL corpus written to one of the formats on Spark, one part per
 * partition, by the formats' own writers (issue 16). Its options are {@code export}'s for those formats, and a
 * part holds what {@code export} writes for that part's records (docs/scale-out.md says what the parts make
 * together); it names no Spark type, like {@link SparkCommand}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a JSONL corpus (a release or JSONL directory, local or on any Hadoop file system) in "
            + "another format on Spark: OUT/part-00000, OUT/part-00001, ..., written atomically (nothing is left "
            + "behind on failure). The corpus is validated first, on Spark; errors are refused all together.",
            "Formats: conll, csv, brat, webanno, labelstudio, doccano, nli, timeml, hf."})
final class SparkExportCommand implements Callable<Integer> {

    private final SparkCommand spark;

    SparkExportCommand(SparkCommand spark) {
        this.spark = spark;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "PATH", description = "Release or JSONL directory "
            + "(or JSONL files: repeat the option).")
    List<String> datasets;

    @Option(names = "--format", required = true, paramLabel = "F", converter = OptionTypes.FormatConverter.class,
            description = "conll, csv, brat, webanno, labelstudio, doccano, nli, timeml or hf.")
    CorpusFormat format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory: created; if it "
            + "exists it must be empty (or give --overwrite).")
    String out;

    @Option(names = "--overwrite", description = "Replace a non-empty --out directory whole.")
    boolean overwrite;

    @Option(names = "--scheme", paramLabel = "S", converter = OptionTypes.SchemeConverter.class,
            description = "conll: IOB2 (default), IOB1 or IOBES.")
    TagScheme scheme;

    @Option(names = "--map", paramLabel = "MAP", description = "conll: conll4 maps labels to PER/ORG/LOC/MISC.")
    String map;

    @Option(names = "--name", paramLabel = "NAME", description = "The stem of single-file outputs (NAME.conll). "
            + "Default: a release's NAME-VERSION from its manifest, as 'corpusbench export' names them; else the "
            + "last element of the first --dataset.")
    String name;

    @Option(names = "--dct", paramLabel = "YYYY-MM-DD", description = "timeml: the creation date (<DCT>) of every "
            + "document that has none of its own (metadata.creation_date) or in --dct-file.")
    String dct;

    @Option(names = "--dct-file", paramLabel = "F", description = "timeml: creation dates per document, lines "
            + "doc_id<TAB>YYYY-MM-DD (a local file, read on the driver); a document's own date must agree.")
    Path dctFile;

    @Option(names = "--allow-missing-dct", description = "timeml: write documents without a known creation date "
            + "without <DCT> instead of refusing the export.")
    boolean allowMissingDct;

    @Option(names = "--license", paramLabel = "ID", description = "hf: the license the card declares, as a Hub "
            + "identifier (cc-by-4.0, mit, other); default: a local release card's, else 'unknown'.")
    String license;

    @Option(names = "--language", paramLabel = "CODE", split = ",", description = "hf: the documents' languages "
            + "the card declares, ISO 639 codes (repeat or separate with commas); default: a local release card's, "
            + "else none.")
    List<String> languages;

    @Override
    public Integer call() throws IOException {
        TagScheme s = ExportCommand.writtenScheme(format, scheme, map);
        LocalDate fallback = ExportCommand.checkDctOptions(format, dct, dctFile, allowMissingDct);
        ExportCommand.checkCardOptions(format, license, languages);
        HuggingFace.Card card = format != CorpusFormat.HF ? HuggingFace.Card.UNKNOWN
                : ExportCommand.card(releaseCard(datasets.get(0)), license, languages);
        SparkCommand.requireSparkJars();
        try {
            SparkExport.check(format, s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (name != null && (name.isBlank() || name.contains("/") || name.contains("\\"))) {
            throw new UsageException("--name '" + name + "': expected a file name stem, without '/'");
        }
        spark.checkParts();
        String first = datasets.get(0).replaceAll("(.)/+$", "$1");
        SparkExport.Options options = new SparkExport.Options(name != null ? name : defaultName(datasets.get(0)), s,
                map != null, spark.parts(), overwrite, new SparkExport.CreationDateOptions(fallback,
                        dctFile == null ? null : dctFile.toString(), allowMissingDct,
                        // where export names a document's own date: DATASET/documents.jsonl
                        first + (first.endsWith("/") ? "" : "/") + "documents.jsonl"),
                SparkExport.CardOptions.of(card));
        SparkExport.Result r;
        try (SparkEngine engine = spark.start("corpusbench export")) {
            for (String d : datasets) {
                if (!engine.exists(d)) {
                    throw new UsageException(d + ": no such file or directory");
                }
            }
            try {
                r = engine.export(datasets, format, out, options);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        r.said().forEach(w::println);
        List<String> lost = new ArrayList<>();
        r.lost().forEach((layer, n) -> lost.add(n + " " + layer.label()));
        if (!lost.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("corpusbench export: note: " + format.wireName() + " does not hold " + String.join(", ", lost)
                    + " of this corpus; docs/formats.md says what each format keeps");
            err.flush();
        }
        if (format == CorpusFormat.HF) {
            ExportCommand.unknownCardFields(card, spec.commandLine().getErr());
        }
        w.flush();
        return 0;
    }

    /** A local release's card, as {@code export} reads it; nothing known for anything else. */
    private static HuggingFace.Card releaseCard(String dataset) throws IOException {
        try {
            Path dir = Path.of(dataset);
            if (Files.isRegularFile(dir.resolve("manifest.json"))) {
                return ReleaseCard.read(dir);
            }
        } catch (java.nio.file.InvalidPathException e) {
            // a URI (hdfs://, s3a://): no local release
        }
        return HuggingFace.Card.UNKNOWN;
    }

    /**
     * The name {@code corpusbench export} gives a corpus's files: a local release's name and version from its
     * manifest, else the directory's (or file's) last name.
     */
    static String defaultName(String dataset) {
        String stem = dataset.replaceAll("/+$", "");
        stem = stem.substring(stem.lastIndexOf('/') + 1);
        try {
            Path manifest = Path.of(dataset).resolve("manifest.json");
            if (Files.isRegularFile(manifest)) {
                JsonNode m = JsonCodec.readTree(manifest);
                if (m.path("name").isTextual() && m.path("version").isTextual()) {
                    return m.get("name").asText() + "-" + m.get("version").asText();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a readable local release: the path's last name
        }
        return stem.isEmpty() ? "corpus" : stem;
    }
}
