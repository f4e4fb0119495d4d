package org.corpusbench.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.diagnostic.InvalidInputException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.Corpus;
import org.corpusbench.format.Corpus.Layer;
import org.corpusbench.format.hf.HuggingFace;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.format.jsonl.JsonCodec.RecordKind;
import org.corpusbench.format.jsonl.JsonlLines;
import org.corpusbench.format.registry.CorpusFormat;
import org.corpusbench.format.registry.WriteOptions;
import org.corpusbench.format.timeml.CreationDates;
import org.corpusbench.internal.PendingOutputs;
import org.corpusbench.internal.StagedDirectory;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.schema.EntityTypes;
import org.corpusbench.tags.TagScheme;
import scala.Tuple2;

/**
 * {@code export} of a JSONL corpus on Spark (issue 16): one output part per partition, each written by the
 * format's own writer ({@link CorpusFormat#write}, as {@code corpusbench export} writes a whole corpus), the
 * whole written atomically, so that a corpus too large for one machine can be handed to another tool in its
 * format.
 *
 * <p><b>What a part holds.</b> {@code out/part-00000/}, {@code out/part-00001/}, ... each hold exactly what
 * {@code corpusbench export} writes for the records of that part. The records are cut into contiguous ranges
 * in the order the single-machine export writes them: documents in corpus order (files in the order given,
 * lines in file order), each with its annotations; contradictions and NLI pairs in their own order. So, per
 * format:
 * <ul>
 * <li>{@code conll} ({@code NAME.conll}), {@code nli} ({@code NAME-nli.jsonl}) and {@code doccano}
 *     ({@code NAME-doccano.jsonl}): the parts' files concatenated in part order are the single-machine file,
 *     byte for byte;</li>
 * <li>{@code csv}: each part's files are complete CSV files with their header; concatenated with the header
 *     line of every part after the first left out, they are the single-machine files. Here the annotation
 *     records (the rows of entities.csv and dates.csv) are cut in their own order too, not with their
 *     documents, as the single-machine files list them;</li>
 * <li>{@code brat} and {@code webanno}: the parts' per-document files together are the single-machine
 *     export's; a contradiction within one document goes with its document (brat writes it into the
 *     document's {@code .ann}), the cross-document file of each part holds that part's range of the others,
 *     and concatenated in part order they are the single-machine one; {@code annotation.conf} lists the entity
 *     types of its part;</li>
 * <li>{@code labelstudio}: each part is a JSON array of its documents' tasks; the arrays' elements in part
 *     order are the single-machine array's;</li>
 * <li>{@code timeml}: one {@code ID.tml} file per document, written by the part that holds the document; the
 *     parts' files together are the single-machine export's, byte for byte. The creation dates are resolved
 *     first, as {@code corpusbench export} resolves them ({@link CreationDateOptions}): the {@code --dct-file}
 *     is read on the driver, each document's date is resolved on the executors, and a disagreement or a
 *     document left without a date is refused with the single-machine export's message before anything is
 *     written;</li>
 * <li>{@code hf}: each part holds its documents in {@code documents.jsonl} and their sentences in
 *     {@code tokens.jsonl}, numbered and tagged as in the whole corpus (the driver first collects the entity
 *     types of every annotation record, whose sorted label names every part uses, and a part numbers its
 *     documents from its first one's rank), so that the parts' JSONL files concatenated are the single-machine
 *     files; the card {@code README.md}, which names only the dataset and the labels, is the single-machine
 *     card in every part; {@code documents.parquet} and {@code tokens.parquet} are the Parquet copies of the
 *     part's own JSONL files ({@link HuggingFace#parquetCopies}), so their rows in part order are the
 *     single-machine files' rows (a Parquet file cannot be concatenated byte-wise; one part gives the same
 *     bytes).</li>
 * </ul>
 *
 * <p><b>Refusals</b>, before anything is written: documents in {@code .txt} or {@code .csv} files (validated on
 * Spark, but read as JSONL lines only here), a corpus that does not validate as gold (by
 * {@link SparkValidation}, as the single-machine export reads its input through the validated gold), one
 * without documents or NLI pairs, a target that is a file or a non-empty directory (unless {@code overwrite},
 * which replaces it whole), a target that is, holds or lies inside an input. A release's manifest is validated,
 * but its checksums and fingerprint are not verified here ({@code corpusbench verify} does).
 *
 * <p><b>Atomic.</b> Each task writes its part into a local temporary directory and copies it into the hidden
 * staging directory {@code .NAME.spark-UUID.partial} beside the target, under a name of its own attempt; the
 * driver, once every part is written, moves each part into place and renames the staging directory to the
 * target (one rename on HDFS and local disks; on S3, a copy). A failure, or a signal that lets the JVM run its
 * shutdown hooks, deletes the staging directory: nothing is left behind and the target is untouched.
 */
public final class SparkExport {

    /**
     * How the corpus is written, where the format leaves a choice (as {@code corpusbench export}'s options).
     *
     * @param name      the stem of single-file outputs ({@code NAME.conll}), as the single-machine export names
     *                  them after the release
     * @param scheme    CoNLL: the tag scheme written (IOB1, IOB2 or IOBES)
     * @param conll4    CoNLL: map entity types to PER/ORG/LOC/MISC
     * @param parts     how many parts (0: one per {@link SparkValidation#PART_BYTES} of input, at least as many
     *                  as the session's cores)
     * @param overwrite replace a non-empty target whole
     * @param dates     timeml: where the documents' creation dates come from
     * @param card      hf: what the dataset card declares
     */
    public record Options(String name, TagScheme scheme, boolean conll4, int parts, boolean overwrite,
                          CreationDateOptions dates, CardOptions card) {

        /** Without creation dates (every format but timeml) and with a card that declares nothing (hf). */
        public Options(String name, TagScheme scheme, boolean conll4, int parts, boolean overwrite) {
            this(name, scheme, conll4, parts, overwrite, CreationDateOptions.NONE, CardOptions.UNKNOWN);
        }

        /** Requires a name and a scheme, and parts from 0 to {@link SparkEvaluations#MAX_PARTS}. */
        public Options {
            if (dates == null || card == null) {
                throw new IllegalArgumentException("an export needs its creation-date and card options (NONE, "
                        + "UNKNOWN: none)");
            }
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("an export needs a name for its files");
            }
            if (scheme == null) {
                throw new IllegalArgumentException("an export needs a tag scheme");
            }
            if (parts < 0 || parts > SparkEvaluations.MAX_PARTS) {
                throw new IllegalArgumentException("parts: " + parts + "; expected 0 (automatic) to "
                        + SparkEvaluations.MAX_PARTS);
            }
        }

        /** IOB2, the corpus's own labels, automatic parts, no overwriting. */
        public static Options named(String name) {
            return new Options(name, TagScheme.IOB2, false, 0, false);
        }

        /** These options with {@code d} as the creation-date options. */
        public Options withDates(CreationDateOptions d) {
            return new Options(name, scheme, conll4, parts, overwrite, d, card);
        }

        /** These options with {@code c} as the card's. */
        public Options withCard(CardOptions c) {
            return new Options(name, scheme, conll4, parts, overwrite, dates, c);
        }
    }

    /**
     * What the {@code hf} export's dataset card declares (as {@link HuggingFace.Card}, which tasks rebuild from
     * these, checked by it).
     *
     * @param license   a Hub license identifier, or null when unknown
     * @param languages ISO 639 codes, empty when unknown
     */
    public record CardOptions(String license, List<String> languages) {

        /** Neither license nor language known. */
        public static final CardOptions UNKNOWN = new CardOptions(null, List.of());

        /**
         * Copies the languages, and refuses what {@link HuggingFace.Card} refuses (before any work rather than in
         * every task).
         */
        public CardOptions {
            languages = List.copyOf(languages);
            new HuggingFace.Card(license, languages);
        }

        /** The options of {@code c}. */
        public static CardOptions of(HuggingFace.Card c) {
            return new CardOptions(c.license(), c.languages());
        }

    }

    /**
     * Where a timeml export takes each document's creation date ({@code <DCT>}) from, as {@code corpusbench
     * export}'s options: the document's own {@code metadata.creation_date}, else its line in {@code dctFile},
     * else {@code fallback}; a document left without one is refused unless {@code allowMissing}.
     *
     * @param fallback      {@code --dct}, or null
     * @param dctFile       {@code --dct-file}: a local file of {@code doc_id<TAB>YYYY-MM-DD} lines, read on the
     *                      driver, or null
     * @param allowMissing  {@code --allow-missing-dct}
     * @param documentsFile the name errors about a document's own date give ({@code DATASET/documents.jsonl},
     *                      as {@code corpusbench export} names it)
     */
    public record CreationDateOptions(java.time.LocalDate fallback, String dctFile, boolean allowMissing,
                                      String documentsFile) {

        /** No date given: documents' own dates only, and none may be missing. */
        public static final CreationDateOptions NONE = new CreationDateOptions(null, null, false, "documents.jsonl");
    }

    /**
     * What an export wrote.
     *
     * @param out    the target directory, as given
     * @param parts  the part directories, in order, named under {@code out}
     * @param counts how many records of each layer the corpus holds (documents are not a layer: see
     *               {@code documents})
     * @param documents how many documents were written
     * @param lost   the layers the format does not hold, with their counts: a caller says so, as
     *               {@code corpusbench export} does
     * @param said   what the format's writer said of each part, with the part's final path
     */
    public record Result(String out, List<String> parts, long documents, Map<Layer, Long> counts,
                         Map<Layer, Long> lost, List<String> said) {
    }

    private SparkExport() {
    }

    /**
     * Refuses what cannot be exported on Spark, before any work: a CoNLL scheme export does not write. For a caller that checks its options before it
     * starts a session; {@link #export} checks them too.
     *
     * @throws IllegalArgumentException saying why, and where to go instead
     */
    public static void check(CorpusFormat format, TagScheme scheme) {
        if (format == CorpusFormat.CONLL && !CorpusFormat.WRITTEN_SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("--scheme " + scheme + " cannot be written; export writes IOB2, IOB1 "
                    + "or IOBES");
        }
    }

    /**
     * Exports the JSONL corpus at {@code paths} (files or directories, Hadoop paths or URIs) to {@code format}
     * in the directory {@code out}, one part per partition (see the class comment for what a part holds).
     *
     * @throws InvalidInputException    when the corpus does not validate as gold, listing every error
     * @throws CorpusFormatException    when it holds nothing to export, or a writer refuses a record
     * @throws IllegalArgumentException when the format, the scheme or the target cannot be written
     * @throws IOException              when the target exists (see {@link StagedDirectory#check}) or cannot be
     *                                  written
     */
    public static Result export(SparkSession spark, List<String> paths, CorpusFormat format, String out,
                                Options options) throws IOException {
        check(format, options.scheme());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path target = HadoopPaths.of(out);
        FileSystem fs = HadoopPaths.fileSystem(target, conf);
        Path qualified = fs.makeQualified(target);
        checkTarget(fs, qualified, options.overwrite());
        for (String p : paths) {
            Path in = HadoopPaths.of(p);
            Path q = HadoopPaths.fileSystem(in, conf).makeQualified(in);
            if (inside(qualified, q) || inside(q, qualified)) {
                throw new IllegalArgumentException(out + ": is, holds or lies inside the input " + p
                        + "; expected an output directory apart from the corpus");
            }
        }

        // validation on Spark reads .txt and .csv documents; the export reads JSONL lines only, and would drop them
        for (SparkValidation.InputEntry e : SparkValidation.Inputs.of(conf, paths).files()) {
            if (e.kind() == SparkValidation.Kind.DOCUMENTS) {
                String n = e.file().file();
                throw new IllegalArgumentException(n + ": documents in " + n.substring(n.lastIndexOf('.'))
                        + " files are not exported on Spark; expected JSONL files (documents.jsonl, annotations.jsonl, "
                        + "...) or a directory of them: export this corpus with 'corpusbench export'");
            }
        }
        // what was validated must be what is written: an input changed from here on is refused before the commit
        Map<String, String> unchanged = SparkFailures.snapshot(conf, paths);
        List<Diagnostic> errors = SparkValidation.validate(spark, paths, CorpusValidator.Role.GOLD, options.parts())
                .stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the corpus (" + String.join(", ", paths) + ")", errors,
                    "a corpus must validate before it is exported: run 'corpusbench spark validate' on it");
        }

        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SparkValidation.Inputs in = SparkValidation.Inputs.of(conf, paths);
        List<JsonlParts.InputFile> files = new ArrayList<>();
        for (SparkValidation.InputEntry e : in.files()) {
            if (e.kind() == SparkValidation.Kind.JSONL) {
                files.add(e.file());
            }
        }
        long total = files.stream().mapToLong(JsonlParts.InputFile::size).sum();
        long partBytes = JsonlParts.partBytes(total, 0, sc.defaultParallelism(), SparkValidation.PART_BYTES);
        int parts = options.parts() > 0 ? options.parts()
                : (int) Math.min(JsonlParts.MAX_SHUFFLE_PARTITIONS, Math.max(1, (total + partBytes - 1) / partBytes));
        List<JsonlParts.Part> cut = JsonlParts.cut(files, partBytes);
        HadoopConfiguration hadoop = new HadoopConfiguration(conf);

        // every record, in corpus order: (input part, index in it) orders them as files and lines do
        JavaRDD<Rec> recs = sc.parallelize(cut, Math.max(1, cut.size())).flatMap(p -> records(hadoop, p))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Long> counted = recs.flatMapToPair(r -> List.of(new Tuple2<>(r.kind + "/" + r.inputPart, 1L),
                    new Tuple2<>("entities", r.entities), new Tuple2<>("dates", r.timexes)).iterator())
                    .reduceByKey(Long::sum).collectAsMap();
            // the records of each kind, then the entity mentions and the dates
            long[] totals = new long[Rec.KINDS + 2];
            totals[Rec.KINDS] = counted.getOrDefault("entities", 0L);
            totals[Rec.KINDS + 1] = counted.getOrDefault("dates", 0L);
            long[][] before = new long[Rec.KINDS][cut.size()];
            for (int kind = 0; kind < Rec.KINDS; kind++) {
                for (int k = 0; k < cut.size(); k++) {
                    before[kind][k] = totals[kind];
                    totals[kind] += counted.getOrDefault(kind + "/" + k, 0L);
                }
            }
            if (totals[Rec.DOCUMENT] == 0 && totals[Rec.NLI] == 0) {
                throw new CorpusFormatException(Location.ofFile(String.join(", ", paths)), null, "holds no documents, "
                        + "so there is nothing to export; expected documents.jsonl with the gold layers, or an nli.jsonl "
                        + "of NLI pairs");
            }
            Broadcast<long[][]> ranks = sc.broadcast(before);
            long[] sizes = totals.clone();
            // a record's part: its rank among the records of its kind, cut into `parts` ranges
            JavaPairRDD<Key, Rec> own = recs.mapToPair(r -> {
                long rank = ranks.value()[r.kind][r.inputPart] + r.index;
                return new Tuple2<>(new Key((int) (rank * parts / Math.max(1, sizes[r.kind])), r.kind, rank), r);
            });
            // annotations (except for CSV), and within-document contradictions for brat, go with their document
            JavaPairRDD<String, Integer> documentPart = own.filter(t -> t._2().kind == Rec.DOCUMENT)
                    .mapToPair(t -> new Tuple2<>(t._2().docId, t._1().part));
            boolean annotationsFollow = format != CorpusFormat.CSV;
            boolean contradictionsFollow = format == CorpusFormat.BRAT;
            JavaPairRDD<Key, Rec> apart = own.filter(t -> !follows(t._2(), annotationsFollow, contradictionsFollow));
            JavaPairRDD<Key, Rec> following = own.filter(t -> follows(t._2(), annotationsFollow, contradictionsFollow))
                    .mapToPair(t -> new Tuple2<>(t._2().docId, t)).join(documentPart)
                    .mapToPair(t -> new Tuple2<>(new Key(t._2()._2(), t._2()._1()._1().kind, t._2()._1()._1().rank),
                            t._2()._1()._2()));
            Dates dates = format == CorpusFormat.TIMEML ? creationDates(sc, own, options.dates(),
                    totals[Rec.DOCUMENT]) : null;
            // hf: the label names of the whole corpus, which every part's tags and card use
            List<String> labels = format != CorpusFormat.HF ? null : HuggingFace.labels(recs
                    .filter(r -> r.kind == Rec.ANNOTATIONS).flatMap(SparkExport::entityTypes).distinct().collect());
            // what the card declares, in a form Spark sends to the tasks
            String license = options.card().license();
            ArrayList<String> languages = new ArrayList<>(options.card().languages());
            String staging = HadoopPaths.child(qualified.getParent(), "." + qualified.getName() + ".spark-" + UUID.randomUUID()
                    + ".partial").toString();
            Staging stage = new Staging(fs, new Path(staging));
            try {
                String name = options.name();
                TagScheme scheme = options.scheme();
                boolean conll4 = options.conll4();
                List<PartWritten> written = apart.union(following)
                        .repartitionAndSortWithinPartitions(new ByPart(parts), new KeyOrder())
                        .mapPartitionsWithIndex((k, it) -> writePart(hadoop, staging, format, name, scheme, conll4,
                                dates, labels, license, languages, k, it), false)
                        .collect();
                SparkFailures.requireUnchanged(conf, paths, unchanged);
                return stage.commit(written, qualified, out, format, totals);
            } finally {
                stage.close();
            }
        } finally {
            recs.unpersist(false);
        }
    }

    private static boolean follows(Rec r, boolean annotations, boolean contradictions) {
        return r.kind == Rec.ANNOTATIONS && annotations || r.kind == Rec.CONTRADICTION && contradictions
                && r.docId != null;
    }

    /** Whether {@code p} is {@code dir} or lies inside it. */
    private static boolean inside(Path p, Path dir) {
        String a = p.toUri().normalize().toString();
        String b = dir.toUri().normalize().toString();
        b = b.endsWith("/") ? b : b + "/";
        return (a.endsWith("/") ? a : a + "/").startsWith(b);
    }

    /** The single-machine export's refusals of a target: a file, or a non-empty directory unless overwrite. */
    private static void checkTarget(FileSystem fs, Path target, boolean overwrite) throws IOException {
        // a file where a parent directory must be: refused here, not by every task after the work is done
        for (Path up = target.getParent(); up != null; up = up.getParent()) {
            if (fs.exists(up)) {
                if (!fs.getFileStatus(up).isDirectory()) {
                    throw new IllegalArgumentException(target + ": cannot be created because " + up
                            + " is a file, not a directory");
                }
                break;
            }
        }
        if ("file".equals(target.toUri().getScheme())) {
            StagedDirectory.check(java.nio.file.Path.of(target.toUri()), overwrite);
            return;
        }
        if (fs.exists(target)) {
            if (!fs.getFileStatus(target).isDirectory()) {
                throw new IOException(target + ": is a file; expected a directory to write into");
            }
            if (!overwrite && fs.listStatus(target).length > 0) {
                throw new IOException(target + ": is not empty; choose a new directory, or pass --overwrite "
                        + "to replace it whole (its current files are deleted)");
            }
        }
    }

    // ------------------------------------------------------------------ the records

    /** A record of the corpus: its kind, where it is in corpus order, the document it follows, its line. */
    static final class Rec implements Serializable {
        private static final long serialVersionUID = 1L;
        static final int DOCUMENT = 0;
        static final int ANNOTATIONS = 1;
        static final int CONTRADICTION = 2;
        static final int NLI = 3;
        static final int KINDS = 4;

        final int kind;
        final int inputPart;
        final long index;
        /** Documents and annotations: the document's id; contradictions: the document of both sides, or null. */
        final String docId;
        final String file;
        final long offset;
        final byte[] line;
        /** Annotations: how many entity mentions and dates. */
        long entities;
        long timexes;

        Rec(int kind, int inputPart, long index, String docId, String file, long offset, byte[] line) {
            this.kind = kind;
            this.inputPart = inputPart;
            this.index = index;
            this.docId = docId;
            this.file = file;
            this.offset = offset;
            this.line = line;
        }
    }

    /** The records of one input part, each with its index among those of its kind in the part. */
    private static Iterator<Rec> records(HadoopConfiguration hadoop, JsonlParts.Part p) throws IOException {
        List<Rec> out = new ArrayList<>();
        long[] index = new long[Rec.KINDS];
        JsonlParts.read(HadoopPaths.fileSystem(new Path(p.path()), hadoop.get()), p, 0, r -> {
            if (r.isBlank()) {
                return;
            }
            com.fasterxml.jackson.databind.JsonNode node = r.parse();
            RecordKind kind = RecordKind.of(node);
            int k;
            String docId = null;
            switch (kind) {
                case DOCUMENT -> {
                    k = Rec.DOCUMENT;
                    docId = node.path("id").asText();
                }
                case ANNOTATIONS -> {
                    k = Rec.ANNOTATIONS;
                    docId = node.path("doc_id").asText();
                }
                case CONTRADICTION -> {
                    k = Rec.CONTRADICTION;
                    String a = node.path("a").path("doc_id").asText();
                    docId = a.equals(node.path("b").path("doc_id").asText()) ? a : null;
                }
                case NLI -> k = Rec.NLI;
                default -> throw new CorpusFormatException(r.location(), null, "unrecognised record; expected a "
                        + "document, annotations, a contradiction or an NLI pair (run 'corpusbench validate')");
            }
            byte[] b = java.util.Arrays.copyOf(r.copyOfRange(0, r.length()), r.length() + 2);
            b[b.length - 2] = '\r';
            b[b.length - 1] = '\n';
            Rec rec = new Rec(k, p.index(), index[k]++, docId, p.file(), r.lineStartOffset(), b);
            rec.entities = node.path("entities").size();
            rec.timexes = node.path("timexes").size();
            out.add(rec);
        });
        return out.iterator();
    }

    /** The entity types of an annotation record's mentions. */
    private static Iterator<String> entityTypes(Rec r) throws IOException {
        JsonlLines l = JsonlLines.ofChunk(r.line, r.file, 0, r.offset);
        l.next();
        List<String> types = new ArrayList<>();
        l.parse().path("entities").forEach(e -> types.add(e.path("type").asText()));
        return types.iterator();
    }

    /** Where a record goes: its part, then its kind and rank, which order the records within the part. */
    record Key(int part, int kind, long rank) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Kind, then rank: documents in corpus order, annotations, contradictions, NLI pairs each in theirs. */
    static final class KeyOrder implements Comparator<Key>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Key a, Key b) {
            return a.kind() != b.kind() ? Integer.compare(a.kind(), b.kind()) : Long.compare(a.rank(), b.rank());
        }
    }

    /** Partition {@code k} holds part {@code k}. */
    static final class ByPart extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int parts;

        ByPart(int parts) {
            this.parts = parts;
        }

        @Override
        public int numPartitions() {
            return parts;
        }

        @Override
        public int getPartition(Object key) {
            return ((Key) key).part();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByPart b && b.parts == parts;
        }

        @Override
        public int hashCode() {
            return parts;
        }
    }

    // ------------------------------------------------------------------ creation dates (timeml)

    /**
     * The creation dates of a timeml export, resolved as {@code corpusbench export} resolves them and refused
     * alike, before anything is written: the {@code --dct-file} is read on the driver by the export's own
     * reader, asking Spark only which of the ids it names are documents; then every document's date is resolved
     * on the executors ({@link CreationDates#resolve}, one document at a time), and the problems and the
     * documents left without a date come back in corpus order.
     */
    private static Dates creationDates(JavaSparkContext sc, JavaPairRDD<Key, Rec> own, CreationDateOptions o,
                                       long documents) throws IOException {
        HashMap<String, java.time.LocalDate> fromFile = new HashMap<>();
        HashMap<String, Long> lines = new HashMap<>();
        if (o.dctFile() != null) {
            java.nio.file.Path file = java.nio.file.Path.of(o.dctFile());
            // the ids the file names (read loosely: the reader below refuses what is wrong in it)
            HashSet<String> named = new HashSet<>();
            for (String line : new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8)
                    .split("\n", -1)) {
                int tab = line.indexOf('\t');
                named.add(tab < 0 ? line : line.substring(0, tab));
                named.add((tab < 0 ? line : line.substring(0, tab)).replace("\uFEFF", ""));
            }
            Broadcast<HashSet<String>> ask = sc.broadcast(named);
            Set<String> known = new HashSet<>(own.filter(t -> t._2().kind == Rec.DOCUMENT
                    && ask.value().contains(t._2().docId)).map(t -> t._2().docId).collect());
            ask.destroy();
            CreationDates.readTsv(file, known::contains, documents).forEach((id, e) -> {
                fromFile.put(id, e.date());
                lines.put(id, e.line());
            });
        }
        Dates dates = new Dates(fromFile, lines, o);
        Broadcast<Dates> d = sc.broadcast(dates);
        // (rank, problem) for a document whose dates disagree; (rank, id) for one left without a date
        List<Tuple2<Long, Object>> said = own.filter(t -> t._2().kind == Rec.DOCUMENT).flatMap(t -> {
            Document doc = document(t._2());
            try {
                return d.value().resolve(List.of(doc)).get(doc.id()) == null
                        ? List.<Tuple2<Long, Object>>of(new Tuple2<>(t._1().rank(), doc.id())).iterator()
                        : java.util.Collections.<Tuple2<Long, Object>>emptyIterator();
            } catch (CorpusFormatException e) {
                Location at = e.location();
                return List.<Tuple2<Long, Object>>of(new Tuple2<>(t._1().rank(), new String[] {at.file(),
                    Long.toString(at.line()), Long.toString(at.column()), e.field(), e.originalMessage()}))
                        .iterator();
            }
        }).collect();
        List<Tuple2<Long, Object>> sorted = new ArrayList<>(said);
        sorted.sort(Comparator.comparingLong(Tuple2::_1));
        List<CorpusFormatException> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Tuple2<Long, Object> t : sorted) {
            if (t._2() instanceof String id) {
                missing.add(id);
            } else {
                String[] p = (String[]) t._2();
                problems.add(new CorpusFormatException(new Location(p[0], Long.parseLong(p[1]), Long.parseLong(p[2])),
                        p[3], p[4]));
            }
        }
        CorpusFormatProblems.throwIfAny(problems);
        if (!missing.isEmpty() && !o.allowMissing()) {
            throw CreationDates.missing(o.documentsFile(), missing, missing.size(), documents);
        }
        return dates;
    }

    private static Document document(Rec r) throws IOException {
        JsonlLines l = JsonlLines.ofChunk(r.line, r.file, 0, r.offset);
        l.next();
        return JsonCodec.document(l.parse(), Location.ofFile(r.file));
    }

    /** The dates a {@code --dct-file} gives (with their lines) and the options: what each task resolves with. */
    static final class Dates implements Serializable {
        private static final long serialVersionUID = 1L;
        private final HashMap<String, java.time.LocalDate> fromFile;
        private final HashMap<String, Long> lines;
        private final java.time.LocalDate fallback;
        private final String dctFile;
        private final String documentsFile;

        Dates(HashMap<String, java.time.LocalDate> fromFile, HashMap<String, Long> lines, CreationDateOptions options) {
            this.fromFile = fromFile;
            this.lines = lines;
            this.fallback = options.fallback();
            this.dctFile = options.dctFile();
            this.documentsFile = options.documentsFile();
        }

        /** {@link CreationDates#resolve} of {@code docs}, with the file's entries for them. */
        Map<String, java.time.LocalDate> resolve(List<Document> docs) throws CorpusFormatException {
            Map<String, CreationDates.Entry> entries = new HashMap<>();
            for (Document doc : docs) {
                java.time.LocalDate date = fromFile.get(doc.id());
                if (date != null) {
                    entries.put(doc.id(), new CreationDates.Entry(date, lines.get(doc.id())));
                }
            }
            return CreationDates.resolve(docs, documentsFile, entries,
                    dctFile == null ? null : java.nio.file.Path.of(dctFile), fallback);
        }
    }

    // ------------------------------------------------------------------ writing a part

    /** What a task wrote: its part, where its attempt lies in the staging directory, what the writer said, or why it failed. */
    record PartWritten(int part, String attempt, String localDir, List<String> said, String failure)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The English tokenisation of the exports, loaded once per thread: its models take a second to load, and
     * OpenNLP's sentence detector and tokenizer are not thread-safe (tasks of one executor share the JVM).
     */
    private static final class English {
        static final ThreadLocal<WriteOptions> OPTIONS = ThreadLocal.withInitial(() -> WriteOptions.english(""));
    }

    /**
     * Tasks of this JVM writing a part now. After Ctrl-C the JVM runs its shutdown hooks while tasks go on
     * writing (the hooks run alongside Spark's own); the staging directory's hook waits for them to end, so
     * that what it deletes is not written again after it (issue 16: a brat export stopped half way left its
     * staging directory and the tasks' local folders behind).
     */
    private static final java.util.concurrent.atomic.AtomicInteger WRITING = new java.util.concurrent.atomic.AtomicInteger();

    private static Iterator<PartWritten> writePart(HadoopConfiguration hadoop, String staging, CorpusFormat format,
                                                   String name, TagScheme scheme, boolean conll4, Dates dates,
                                                   List<String> labels, String license, List<String> languages,
                                                   int part, Iterator<Tuple2<Key, Rec>> records) throws IOException {
        WRITING.incrementAndGet();
        try {
            return writePartNow(hadoop, staging, format, name, scheme, conll4, dates, labels, license, languages,
                    part, records);
        } finally {
            WRITING.decrementAndGet();
        }
    }

    private static Iterator<PartWritten> writePartNow(HadoopConfiguration hadoop, String staging, CorpusFormat format,
                                                   String name, TagScheme scheme, boolean conll4, Dates dates,
                                                   List<String> labels, String license, List<String> languages,
                                                   int part, Iterator<Tuple2<Key, Rec>> records) throws IOException {
        List<Document> docs = new ArrayList<>();
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        List<Contradiction> contradictions = new ArrayList<>();
        List<NliPair> nli = new ArrayList<>();
        // hf: the number of the part's first document in the whole corpus, from 1
        long firstDocument = 1;
        try {
            while (records.hasNext()) {
                Tuple2<Key, Rec> kr = records.next();
                Rec r = kr._2();
                if (r.kind == Rec.DOCUMENT && docs.isEmpty()) {
                    firstDocument = kr._1().rank() + 1;
                }
                JsonlLines l = JsonlLines.ofChunk(r.line, r.file, 0, r.offset);
                l.next();
                com.fasterxml.jackson.databind.JsonNode node = l.parse();
                Location at = Location.ofFile(r.file);
                switch (r.kind) {
                    case Rec.DOCUMENT -> docs.add(JsonCodec.document(node, at));
                    case Rec.ANNOTATIONS -> {
                        DocumentAnnotations a = JsonCodec.annotations(node, at);
                        anns.put(a.docId(), a);
                    }
                    case Rec.CONTRADICTION -> contradictions.add(JsonCodec.contradiction(node, at));
                    default -> nli.add(JsonCodec.nliPair(node, at));
                }
            }
        } catch (CorpusFormatException | IllegalArgumentException e) {
            return List.of(new PartWritten(part, null, null, List.of(), e.getMessage())).iterator();
        }
        WriteOptions options = format == CorpusFormat.CONLL || format == CorpusFormat.HF ? English.OPTIONS.get()
                : WriteOptions.of(name, null);
        UnaryOperator<String> label = conll4 ? EntityTypes::toConll4 : UnaryOperator.identity();
        options = options.withName(name).withScheme(scheme).withLabel(label);
        if (dates != null) {
            try {
                options = options.withCreationDates(dates.resolve(docs));
            } catch (CorpusFormatException e) {
                return List.of(new PartWritten(part, null, null, List.of(), e.getMessage())).iterator();
            }
        }
        PendingOutputs.checkNotStopping();
        java.nio.file.Path local = Files.createTempDirectory("corpusbench-export");
        // a task stopped by Ctrl-C never reaches its finally: the JVM's exit deletes what is left
        PendingOutputs.register(local);
        java.nio.file.Path dir = local.resolve(partName(part));
        try {
            List<String> said;
            try {
                Corpus corpus = new Corpus(docs, anns, contradictions, nli);
                said = format == CorpusFormat.HF
                        ? CorpusFormat.writeHfPart(corpus, dir, options.withCard(new HuggingFace.Card(license, languages)), labels, firstDocument)
                        : format.write(corpus, dir, options);
            } catch (CorpusFormatException | IllegalArgumentException e) {
                return List.of(new PartWritten(part, null, null, List.of(), e.getMessage())).iterator();
            }
            // a part without a record the format writes (timeml: no document of its own) is an empty part
            Files.createDirectories(dir);
            // stopped meanwhile: nothing more goes to the staging directory the hook deletes
            PendingOutputs.checkNotStopping();
            TaskContext task = TaskContext.get();
            String attempt = staging + "/_attempts/" + partName(part) + "-" + (task == null ? 0 : task.taskAttemptId());
            Path to = new Path(attempt);
            FileSystem fs = HadoopPaths.fileSystem(to, hadoop.get());
            fs.delete(to, true);
            fs.copyFromLocalFile(false, true, new Path(dir.toUri()), to);
            return List.of(new PartWritten(part, attempt, dir.toString(), said, null)).iterator();
        } finally {
            PendingOutputs.deleteRecursively(local);
            PendingOutputs.done(local);
        }
    }

    static String partName(int part) {
        return String.format(java.util.Locale.ROOT, "part-%05d", part);
    }

    // ------------------------------------------------------------------ the staging directory

    /**
     * The hidden directory beside the target that the parts are written into, deleted unless committed, also
     * when the JVM is stopped by a signal that runs its shutdown hooks.
     */
    private static final class Staging implements AutoCloseable {
        private final FileSystem fs;
        private final Path dir;
        private final Thread hook;
        private volatile boolean committed;

        Staging(FileSystem fs, Path dir) {
            this.fs = fs;
            this.dir = dir;
            this.hook = new Thread(this::deleteQuietly, "corpusbench-spark-export-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        Result commit(List<PartWritten> written, Path target, String shownAs, CorpusFormat format, long[] totals)
                throws IOException {
            for (PartWritten w : written) {
                if (w.failure() != null) {
                    throw new CorpusFormatException(Location.ofFile(shownAs), null, "part "
                            + partName(w.part()) + " was not written: " + w.failure());
                }
            }
            List<PartWritten> sorted = new ArrayList<>(written);
            sorted.sort(Comparator.comparingInt(PartWritten::part));
            List<String> parts = new ArrayList<>();
            List<String> said = new ArrayList<>();
            for (PartWritten w : sorted) {
                Path to = new Path(dir, partName(w.part()));
                if (!fs.rename(new Path(w.attempt()), to)) {
                    throw new IOException("cannot move " + w.attempt() + " to " + to);
                }
                String shown = (shownAs.endsWith("/") ? shownAs : shownAs + "/") + partName(w.part());
                parts.add(shown);
                w.said().forEach(line -> said.add(line.replace(w.localDir(), shown)));
            }
            fs.delete(new Path(dir, "_attempts"), true);
            if (fs.exists(target)) {
                // checked before: an empty directory, or one to replace whole
                Path old = HadoopPaths.child(target.getParent(), "." + target.getName() + ".spark-" + UUID.randomUUID()
                        + ".old");
                if (!fs.rename(target, old)) {
                    throw new IOException("cannot move the old " + target + " aside");
                }
                rename(target);
                fs.delete(old, true);
            } else {
                fs.mkdirs(target.getParent());
                rename(target);
            }
            committed = true;
            Map<Layer, Long> counts = new EnumMap<>(Layer.class);
            Map<Layer, Long> lost = new EnumMap<>(Layer.class);
            counts.put(Layer.ENTITIES, totals[Rec.KINDS]);
            counts.put(Layer.DATES, totals[Rec.KINDS + 1]);
            counts.put(Layer.CONTRADICTIONS, totals[Rec.CONTRADICTION]);
            counts.put(Layer.NLI, totals[Rec.NLI]);
            for (Map.Entry<Layer, Long> e : counts.entrySet()) {
                if (!format.holds().contains(e.getKey()) && e.getValue() > 0) {
                    lost.put(e.getKey(), e.getValue());
                }
            }
            return new Result(shownAs, parts, totals[Rec.DOCUMENT], counts, lost, said);
        }

        private void rename(Path target) throws IOException {
            if (!fs.rename(dir, target)) {
                throw new IOException("cannot move " + dir + " to " + target);
            }
        }

        private void deleteQuietly() {
            // at exit: let this JVM's tasks end first (at most 30 s), else they write again what is deleted
            for (int i = 0; i < 1500 && WRITING.get() > 0 && !committed; i++) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if ("file".equals(dir.toUri().getScheme())) {
                // with java.nio: at exit Hadoop's own hook may have closed its file systems already
                try {
                    PendingOutputs.deleteRecursively(java.nio.file.Path.of(dir.toUri()));
                } catch (IOException | RuntimeException e) {
                    // at exit, nothing more can be done; the directory is hidden and named .partial
                }
                return;
            }
            try {
                fs.delete(dir, true);
            } catch (IOException e) {
                // at exit, nothing more can be done; the directory is hidden and named .partial
            }
        }

        @Override
        public void close() {
            if (!committed) {
                deleteQuietly();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down and runs the hook itself
            }
        }
    }
}
