package org.corpusbench.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.jsonl.JsonlLines;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.schema.CorpusValidator.LineChecks;
import org.corpusbench.schema.CorpusValidator.LineOutcome;
import org.corpusbench.schema.CorpusValidator.Role;
import org.corpusbench.schema.CorpusValidator.TextLookup;
import org.corpusbench.schema.DocumentText;
import scala.Tuple2;

/**
 * {@link CorpusValidator#validate} of a JSONL corpus on Spark (issue 16): the same diagnostics (file, line,
 * column, field, message, severity) in the same order, for a corpus that Spark reads in parts from any file
 * system Hadoop reaches (a local path, {@code hdfs://}, {@code s3a://} with the user's configuration), so that
 * a corpus too large for one machine is checked exactly as {@code corpusbench validate} checks a small one.
 *
 * <p><b>No check is implemented here.</b> Every line is checked by {@link LineChecks}, the validator's own
 * per-line code; what the validator does in file order across lines is done here across parts, with its
 * wording ({@link CorpusValidator#duplicateDocument}, {@link CorpusValidator#duplicateRecord}, ...):
 * <ol>
 * <li>each file is cut into parts at line ends ({@link JsonlParts}); a first job counts each part's lines, so
 *     that every line is numbered as in the whole file;</li>
 * <li>a second job checks every line: the document pass, then (for a line that is not a document) the second
 *     pass with a lookup that only notes which documents the line points into;</li>
 * <li>a document id first seen (files in the order given, lines in file order) keeps its text; later ones are
 *     duplicates: found by grouping the ids ({@code reduceByKey}, then a join), as are annotation records of
 *     one document and contradictions or NLI pairs with one id;</li>
 * <li>the texts reach the lines that point into them by a <b>join on the document id</b>, not a broadcast, so
 *     no machine holds every text: each such line is checked again with the texts it asked for and the number
 *     of documents given (which messages name). A line that names one document (annotations) is sent to its
 *     text, which stays where the grouping of ids put it; a line that names two (a contradiction, an NLI
 *     pair) gets its texts by a join and a grouping by line;</li>
 * <li>the notice that no documents were given is kept for the first record of each file that got it, as
 *     the validator says it once per file; the rest is sorted on the driver by location and, where locations
 *     tie, by the order in which the validator says them.</li>
 * </ol>
 *
 * <p><b>Inputs.</b> JSONL files and directories (their {@code .jsonl}, {@code .txt} and {@code .csv} files by
 * name, and a {@code manifest.json}, which is small and checked on the driver). A {@code .txt} article or a
 * {@code .csv} file of documents is checked whole by one task with the validator's own code
 * ({@link LineChecks#documentFile}), on a local copy: a {@code .csv} file is never cut, because a quoted field
 * may hold line feeds; the tasks share out the {@code .txt} files in runs. Their documents then take part in
 * the duplicates and the joins as documents of JSONL lines do. A
 * path that does not exist, an empty directory, an empty file and a file of another kind get the validator's
 * diagnostics. Files are named in locations as the user gave the path ({@code dir/name} for a file found in
 * {@code dir}).
 *
 * <p><b>Limits.</b> The diagnostics are collected on the driver, as {@link CorpusValidator#validate} returns
 * them; a {@code .csv} file is read by one task, and copied to its local disk first; a part's lines and texts
 * are held by its task while it is checked (parts of at most
 * {@link #PART_BYTES}, unless fewer parts are asked for); the data is read twice (counting, checking). A read
 * failure (a file removed while the job runs) fails the job with Spark's exception rather than giving a
 * diagnostic.
 */
public final class SparkValidation {

    /** Bytes a part holds at most when the number of parts is left to this class (32 MiB). */
    public static final long PART_BYTES = 32L << 20;

    private SparkValidation() {
    }

    /** {@link #validate(SparkSession, List, Role, int)} with the number of parts chosen by the session's cores. */
    public static List<Diagnostic> validate(SparkSession spark, List<String> paths, Role role) throws IOException {
        return validate(spark, paths, role, 0);
    }

    /**
     * Validates every path (JSONL files or directories, as Hadoop paths or URIs) on {@code spark} and returns
     * all diagnostics, sorted by location: those {@link CorpusValidator#validate} returns for the same files.
     *
     * @param parts about how many parts the files are cut into (at least one a file); 0: as many as the
     *              session's default parallelism, with at most {@link #PART_BYTES} a part
     * @throws IllegalArgumentException when {@code parts} is negative or above {@link SparkEvaluations#MAX_PARTS}
     * @throws IOException              when a path cannot be listed or read
     */
    public static List<Diagnostic> validate(SparkSession spark, List<String> paths, Role role, int parts)
            throws IOException {
        if (parts < 0 || parts > SparkEvaluations.MAX_PARTS) {
            throw new IllegalArgumentException("parts: " + parts + "; expected 0 (automatic) to "
                    + SparkEvaluations.MAX_PARTS);
        }
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Inputs in = Inputs.of(conf, paths);
        List<Found> found = new ArrayList<>(in.said());
        List<JsonlParts.InputFile> jsonl = new ArrayList<>();
        List<Integer> jsonlIndex = new ArrayList<>();
        List<DocumentFile> documentFiles = new ArrayList<>();
        for (int i = 0; i < in.files().size(); i++) {
            InputEntry f = in.files().get(i);
            switch (f.kind()) {
                case JSONL -> {
                    jsonl.add(f.file());
                    jsonlIndex.add(i);
                }
                case DOCUMENTS -> documentFiles.add(new DocumentFile(i, f.file()));
                case MANIFEST -> found.addAll(manifest(conf, f.file(), role, i));
                case OTHER -> found.add(Found.of(CorpusValidator.unknownKind(f.file().file()), 2, i, 0, 0));
            }
        }
        if (!jsonl.isEmpty() || !documentFiles.isEmpty()) {
            found.addAll(check(spark, conf, jsonl, jsonlIndex, documentFiles, role, parts));
        }
        found.sort(Found.ORDER);
        return found.stream().map(Found::diagnostic).toList();
    }

    // ------------------------------------------------------------------ the jobs

    private static List<Found> check(SparkSession spark, Configuration conf, List<JsonlParts.InputFile> files,
                                     List<Integer> fileIndexes, List<DocumentFile> documentFiles, Role role,
                                     int parts) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long total = files.stream().mapToLong(JsonlParts.InputFile::size).sum()
                + documentFiles.stream().mapToLong(d -> d.file().size()).sum();
        List<JsonlParts.Part> cut = new ArrayList<>();
        for (JsonlParts.Part p : files.isEmpty() ? List.<JsonlParts.Part>of() : JsonlParts.cut(files,
                JsonlParts.partBytes(total, parts, sc.defaultParallelism(), PART_BYTES))) {
            // the validator's file index, so that files given twice keep their order
            cut.add(new JsonlParts.Part(p.index(), fileIndexes.get(p.fileIndex()), p.file(), p.path(), p.start(),
                    p.end()));
        }
        HadoopConfiguration hadoop = new HadoopConfiguration(conf);
        // what goes through a shuffle grows with the input: one shuffle partition per PART_BYTES of it
        HashPartitioner shuffle = new HashPartitioner((int) Math.min(JsonlParts.MAX_SHUFFLE_PARTITIONS,
                Math.max(sc.defaultParallelism(), (total + PART_BYTES - 1) / PART_BYTES)));
        // job 1: the lines of each part, so that each line gets its number in the whole file
        List<JsonlParts.Read> counted = cut.isEmpty() ? List.of() : sc.parallelize(cut, cut.size())
                .map(p -> JsonlParts.read(HadoopPaths.fileSystem(new Path(p.path()), hadoop.get()), p, 0, l -> { }))
                .collect();
        List<Found> found = new ArrayList<>();
        List<Numbered> numbered = new ArrayList<>();
        Map<Integer, Long> linesBefore = new HashMap<>();
        for (int k = 0; k < cut.size(); k++) {
            JsonlParts.Part p = cut.get(k);
            long before = linesBefore.getOrDefault(p.fileIndex(), 0L);
            numbered.add(new Numbered(p, before));
            linesBefore.put(p.fileIndex(), before + counted.get(k).lines());
            if (counted.get(k).byteOrderMark()) {
                found.add(Found.of(CorpusValidator.byteOrderMark(p.file()), 1, p.fileIndex(), 1, -1));
            }
        }

        // job 2: every line checked by itself, and every .txt or .csv file of documents whole
        JavaRDD<Fact> facts = null;
        if (!numbered.isEmpty()) {
            facts = sc.parallelize(numbered, numbered.size()).flatMap(n -> checkPart(hadoop, role, n));
        }
        if (!documentFiles.isEmpty()) {
            List<List<DocumentFile>> tasks = documentTasks(documentFiles, parts > 0 ? parts
                    : (int) Math.max(sc.defaultParallelism(), Math.min(JsonlParts.MAX_SHUFFLE_PARTITIONS,
                            (total + PART_BYTES - 1) / PART_BYTES)));
            JavaRDD<Fact> read = sc.parallelize(tasks, tasks.size())
                    .flatMap(task -> checkDocumentFiles(hadoop, task));
            facts = facts == null ? read : facts.union(read);
        }
        facts = facts.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Set<Integer> withRecords = new java.util.HashSet<>(facts.filter(f -> f instanceof PartFact pf && pf.records)
                    .map(f -> ((PartFact) f).fileIndex).collect());
            for (JsonlParts.Part p : cut) {
                if (p.start() == 0 && !withRecords.contains(p.fileIndex())) {
                    found.add(Found.of(CorpusValidator.emptyFile(p.file()), 1, p.fileIndex(), Long.MAX_VALUE, 0));
                }
            }
            JavaRDD<Found> lineDiagnostics = facts.filter(f -> f instanceof Found).map(f -> (Found) f);

            // documents: the first of an id keeps its text; each later one is a duplicate
            JavaPairRDD<String, DocFact> docs = facts.filter(f -> f instanceof DocFact)
                    .mapToPair(f -> new Tuple2<>(((DocFact) f).id, (DocFact) f));
            JavaPairRDD<String, DocFact> firsts = docs.reduceByKey(shuffle, (a, b) -> a.before(b) ? a : b)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            long documents = firsts.count();
            if (documents > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(documents + " documents; the validator counts at most "
                        + Integer.MAX_VALUE);
            }
            int count = (int) documents;
            JavaRDD<Found> duplicateDocuments = docs.mapValues(DocFact::key)
                    .join(firsts.mapValues(DocFact::key), shuffle)
                    .filter(t -> !t._2()._1().equals(t._2()._2()))
                    .map(t -> Found.of(CorpusValidator.duplicateDocument(t._2()._1().at(), t._1(),
                            t._2()._2().at()), 1, t._2()._1().fileIndex, t._2()._1().line, Integer.MAX_VALUE));

            // annotation records of one document, contradictions and NLI pairs of one id
            JavaPairRDD<String, DupFact> keys = facts.filter(f -> f instanceof DupFact)
                    .mapToPair(f -> new Tuple2<>(((DupFact) f).group(), (DupFact) f));
            JavaRDD<Found> duplicateRecords = keys.join(keys.reduceByKey(shuffle, (a, b) -> a.before(b) ? a : b), shuffle)
                    .filter(t -> !t._2()._1().equals(t._2()._2()))
                    .map(t -> t._2()._1().diagnostic());

            // the lines that point into documents, checked again with the texts joined to them
            JavaRDD<Pending> pending = facts.filter(f -> f instanceof Pending).map(f -> (Pending) f);
            JavaRDD<Found> rechecked;
            if (count == 0) {
                rechecked = pending.mapPartitions(it -> recheck(role, it, Map.of(), 0));
            } else {
                // texts keep the partitioning of firsts, so only the lines move to them
                JavaPairRDD<String, String> textOf = firsts.mapValues(d -> d.text);
                // a line that names one document (annotations, the bulk) goes to that document's text
                JavaRDD<Found> single = pending.filter(p -> p.ids.size() == 1)
                        .mapToPair(p -> new Tuple2<>(p.ids.get(0), p)).cogroup(textOf, shuffle)
                        .mapPartitions(it -> recheckByDocument(role, it, count));
                // a line that names two (a contradiction, an NLI pair): its texts are gathered by line first
                JavaRDD<Pending> several = pending.filter(p -> p.ids.size() > 1);
                JavaPairRDD<LineKey, Tuple2<String, String>> texts = several
                        .flatMapToPair(p -> p.ids.stream().map(id -> new Tuple2<>(id, p.key())).iterator())
                        .join(textOf, shuffle)
                        .mapToPair(t -> new Tuple2<>(t._2()._1(), new Tuple2<>(t._1(), t._2()._2())));
                rechecked = single.union(several.mapToPair(p -> new Tuple2<>(p.key(), p)).cogroup(texts, shuffle)
                        .mapPartitions(it -> recheckJoined(role, it, count)));
            }
            if (count == 0) {
                // the validator says once per file (the first time) that no documents were given
                rechecked = rechecked.persist(StorageLevel.MEMORY_AND_DISK());
                Map<String, Found> firstNotice = rechecked.filter(Found::noDocuments)
                        .mapToPair(f -> new Tuple2<>(f.file, f)).reduceByKey(shuffle, (a, b) -> Found.ORDER.compare(a, b) <= 0
                                ? a : b).collectAsMap();
                Broadcast<Map<String, Found>> keep = sc.broadcast(new HashMap<>(firstNotice));
                rechecked = rechecked.filter(f -> !f.noDocuments() || f.equals(keep.value().get(f.file)));
            }
            found.addAll(lineDiagnostics.union(duplicateDocuments).union(duplicateRecords).union(rechecked).collect());
            firsts.unpersist(false);
            return found;
        } finally {
            facts.unpersist(false);
        }
    }

    /** A part and the number of lines before it in its file. */
    record Numbered(JsonlParts.Part part, long linesBefore) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Job 2's work on one part: both passes on every line, what depends on other lines left as facts. */
    private static Iterator<Fact> checkPart(HadoopConfiguration hadoop, Role role, Numbered n) throws IOException {
        JsonlParts.Part p = n.part();
        LineChecks checks = new LineChecks(role);
        List<Fact> out = new ArrayList<>();
        boolean[] records = {false};
        int file = p.fileIndex();
        JsonlParts.read(HadoopPaths.fileSystem(new Path(p.path()), hadoop.get()), p, n.linesBefore(), r -> {
            long line = r.lineNumber();
            LineOutcome first = checks.firstPass(r);
            records[0] |= first.record();
            Found.addAll(out, first.diagnostics(), 1, file, line);
            if (first.documentId() != null) {
                out.add(new DocFact(first.documentId(), file, line, Loc.of(first.at()),
                        first.text().substring(0, first.text().length())));
            }
            if (!first.skipSecondPass()) {
                Recording asked = new Recording();
                LineOutcome second = checks.secondPass(r, asked);
                if (second.duplicateKey() != null) {
                    out.add(new DupFact(second.duplicateKey(), second.documentKey(), file, line, Loc.of(second.at())));
                }
                if (asked.ids.isEmpty()) {
                    Found.addAll(out, second.diagnostics(), 2, file, line);
                } else {
                    out.add(new Pending(file, p.file(), line, r.lineStartOffset(), bytes(r),
                            new ArrayList<>(asked.ids)));
                }
            }
        });
        out.add(new PartFact(file, records[0]));
        return out.iterator();
    }

    /**
     * The tasks that read {@code .txt} and {@code .csv} files of documents: a {@code .csv} file is read whole by
     * one task, because a quoted field may hold line feeds, so no line end is known to end a record without
     * reading the file from its start; {@code .txt} files (an article each) are shared out in runs of files
     * given in order, about {@code tasks} runs in all.
     */
    static List<List<DocumentFile>> documentTasks(List<DocumentFile> files, int tasks) {
        List<DocumentFile> texts = files.stream().filter(f -> !f.csv()).toList();
        List<List<DocumentFile>> out = new ArrayList<>();
        files.stream().filter(DocumentFile::csv).forEach(f -> out.add(List.of(f)));
        int runs = Math.max(1, Math.min(texts.size(), tasks));
        for (int k = 0; k < runs && !texts.isEmpty(); k++) {
            List<DocumentFile> run = texts.subList((int) ((long) texts.size() * k / runs),
                    (int) ((long) texts.size() * (k + 1) / runs));
            if (!run.isEmpty()) {
                out.add(new ArrayList<>(run));
            }
        }
        return out;
    }

    /**
     * One task's {@code .txt} and {@code .csv} files, each checked whole by the validator's own code
     * ({@link LineChecks#documentFile}) on a local copy under the file's own name (the name gives a
     * {@code .txt} article its id), with every location and message renamed back to the name given. The
     * documents are numbered in the order the file gives them, which orders the duplicates within a
     * {@code .csv} file; each is located at its file, as the validator locates them.
     */
    private static Iterator<Fact> checkDocumentFiles(HadoopConfiguration hadoop, List<DocumentFile> task)
            throws IOException {
        List<Fact> out = new ArrayList<>();
        java.nio.file.Path dir = Files.createTempDirectory("corpusbench-validate");
        try {
            for (DocumentFile f : task) {
                Path from = new Path(f.file().path());
                java.nio.file.Path local = dir.resolve(from.getName());
                try (InputStream in = HadoopPaths.fileSystem(from, hadoop.get()).open(from)) {
                    Files.copy(in, local);
                }
                try {
                    String localName = local.toString();
                    String shown = f.file().file();
                    long[] said = {0};
                    LineChecks.documentFile(local, o -> {
                        long n = ++said[0];
                        List<Diagnostic> named = o.diagnostics().stream().map(d -> renamed(d, localName, shown))
                                .toList();
                        Found.addAll(out, named, 1, f.fileIndex(), n);
                        if (o.documentId() != null) {
                            out.add(new DocFact(o.documentId(), f.fileIndex(), n,
                                    Loc.of(renamed(o.at(), localName, shown)),
                                    o.text().substring(0, o.text().length())));
                        }
                    });
                } finally {
                    Files.deleteIfExists(local);
                }
            }
        } finally {
            Files.deleteIfExists(dir);
        }
        return out.iterator();
    }

    /** {@code d} with the local copy's name {@code local} replaced by the name given, {@code shown}. */
    private static Diagnostic renamed(Diagnostic d, String local, String shown) {
        return new Diagnostic(d.severity(), renamed(d.location(), local, shown), d.field(),
                d.message().replace(local, shown));
    }

    private static Location renamed(Location at, String local, String shown) {
        return at.file().equals(local) ? new Location(shown, at.line(), at.column()) : at;
    }

    /**
     * The current line of {@code r} as bytes that {@link JsonlLines} reads back as the same line: its bytes
     * and a CR LF, so that a CR the line ends with stays in it (only the CR before the LF is dropped).
     */
    private static byte[] bytes(JsonlLines r) {
        byte[] b = Arrays.copyOf(r.copyOfRange(0, r.length()), r.length() + 2);
        b[b.length - 2] = '\r';
        b[b.length - 1] = '\n';
        return b;
    }

    private static Iterator<Found> recheckJoined(Role role,
            Iterator<Tuple2<LineKey, Tuple2<Iterable<Pending>, Iterable<Tuple2<String, String>>>>> it, int count) {
        LineChecks checks = new LineChecks(role);
        List<Found> out = new ArrayList<>();
        while (it.hasNext()) {
            Tuple2<Iterable<Pending>, Iterable<Tuple2<String, String>>> group = it.next()._2();
            Map<String, DocumentText> texts = new HashMap<>();
            for (Tuple2<String, String> t : group._2()) {
                texts.put(t._1(), DocumentText.of(t._2()));
            }
            for (Pending p : group._1()) {
                recheck(checks, p, texts, count, out);
            }
        }
        return out.iterator();
    }

    private static Iterator<Found> recheckByDocument(Role role,
            Iterator<Tuple2<String, Tuple2<Iterable<Pending>, Iterable<String>>>> it, int count) {
        LineChecks checks = new LineChecks(role);
        List<Found> out = new ArrayList<>();
        while (it.hasNext()) {
            Tuple2<String, Tuple2<Iterable<Pending>, Iterable<String>>> group = it.next();
            Iterator<Pending> lines = group._2()._1().iterator();
            if (!lines.hasNext()) {
                continue;
            }
            Iterator<String> text = group._2()._2().iterator();
            Map<String, DocumentText> texts = text.hasNext() ? Map.of(group._1(), DocumentText.of(text.next()))
                    : Map.of();
            while (lines.hasNext()) {
                recheck(checks, lines.next(), texts, count, out);
            }
        }
        return out.iterator();
    }

    private static Iterator<Found> recheck(Role role, Iterator<Pending> it, Map<String, DocumentText> texts,
                                           int count) {
        LineChecks checks = new LineChecks(role);
        List<Found> out = new ArrayList<>();
        while (it.hasNext()) {
            recheck(checks, it.next(), texts, count, out);
        }
        return out.iterator();
    }

    private static void recheck(LineChecks checks, Pending p, Map<String, DocumentText> texts, int count,
                                List<Found> out) {
        JsonlLines r = JsonlLines.ofChunk(p.bytes, p.file, p.line - 1, p.offset);
        try {
            if (!r.next()) {
                throw new IllegalStateException("line " + p.line + " of " + p.file + " came back empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LineOutcome o = checks.secondPass(r, new Joined(texts, count));
        Found.addAll(out, o.diagnostics(), 2, p.fileIndex, p.line);
    }

    // ------------------------------------------------------------------ the inputs

    /** What a file found is read as: JSONL in parts, {@code .txt}/{@code .csv} documents whole, a manifest. */
    enum Kind { JSONL, DOCUMENTS, MANIFEST, OTHER }

    /**
     * A {@code .txt} article or a {@code .csv} file of documents, read whole by one task.
     *
     * @param fileIndex its index among the files, in the validator's order
     * @param file      its name and Hadoop path
     */
    record DocumentFile(int fileIndex, JsonlParts.InputFile file) implements Serializable {
        private static final long serialVersionUID = 1L;

        boolean csv() {
            return file.path().endsWith(".csv");
        }
    }

    /** A file to check, in the validator's order. */
    record InputEntry(JsonlParts.InputFile file, Kind kind) {
    }

    /**
     * The files of the paths given, in the validator's order, and what it says about the paths themselves (a
     * path that does not exist, a directory with nothing to check).
     */
    record Inputs(List<InputEntry> files, List<Found> said) {

        static Inputs of(Configuration conf, List<String> paths) throws IOException {
            List<InputEntry> files = new ArrayList<>();
            List<Found> said = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                String given = paths.get(i);
                Path p = HadoopPaths.of(given);
                FileSystem fs = HadoopPaths.fileSystem(p, conf);
                if (!fs.exists(p)) {
                    said.add(Found.of(CorpusValidator.noSuchPath(given), 0, i, 0, 0));
                    continue;
                }
                FileStatus status = fs.getFileStatus(p);
                if (status.isDirectory()) {
                    List<FileStatus> in = new ArrayList<>();
                    for (FileStatus s : fs.listStatus(p)) {
                        String n = s.getPath().getName();
                        if (s.isFile() && (n.endsWith(".txt") || n.endsWith(".jsonl") || n.endsWith(".csv")
                                || n.equals("manifest.json"))) {
                            in.add(s);
                        }
                    }
                    // as the validator sorts a directory's paths: by their bytes, unsigned
                    in.sort((x, y) -> Arrays.compareUnsigned(
                            x.getPath().getName().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            y.getPath().getName().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    if (in.isEmpty()) {
                        said.add(Found.of(CorpusValidator.emptyDirectory(given), 0, i, 0, 0));
                    }
                    String dir = given.endsWith("/") && given.length() > 1 ? given.substring(0, given.length() - 1)
                            : given;
                    for (FileStatus s : in) {
                        files.add(entry(dir + "/" + s.getPath().getName(), s));
                    }
                } else {
                    files.add(entry(given, status));
                }
            }
            return new Inputs(files, said);
        }

        private static InputEntry entry(String name, FileStatus s) {
            String n = s.getPath().getName();
            JsonlParts.InputFile f = new JsonlParts.InputFile(name, s.getPath().toString(), s.getLen());
            return new InputEntry(f, n.endsWith(".jsonl") ? Kind.JSONL
                    : n.endsWith(".txt") || n.endsWith(".csv") ? Kind.DOCUMENTS
                    : n.equals("manifest.json") ? Kind.MANIFEST : Kind.OTHER);
        }
    }

    /**
     * A manifest, checked on the driver by the validator itself: it is one small file, copied to a local
     * temporary folder under its own name, and its diagnostics renamed back to the name given.
     */
    private static List<Found> manifest(Configuration conf, JsonlParts.InputFile f, Role role, int fileIndex)
            throws IOException {
        java.nio.file.Path dir = Files.createTempDirectory("corpusbench-manifest");
        java.nio.file.Path local = dir.resolve("manifest.json");
        try {
            Path p = new Path(f.path());
            try (InputStream in = HadoopPaths.fileSystem(p, conf).open(p)) {
                Files.copy(in, local);
            }
            List<Found> out = new ArrayList<>();
            int seq = 0;
            for (Diagnostic d : CorpusValidator.validate(List.of(local), role)) {
                Location at = d.location();
                Diagnostic named = new Diagnostic(d.severity(), new Location(at.file().equals(local.toString())
                        ? f.file() : at.file(), at.line(), at.column()), d.field(), d.message());
                out.add(Found.of(named, 2, fileIndex, 0, seq++));
            }
            return out;
        } finally {
            Files.deleteIfExists(local);
            Files.deleteIfExists(dir);
        }
    }

    // ------------------------------------------------------------------ what tasks hand back

    /** What a task found on a line or a part: a diagnostic, a document, a key, a line to check again. */
    interface Fact extends Serializable {
    }

    /** Where something is: {@link Location}'s fields, which Spark can carry. */
    record Loc(String file, long line, long column) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Loc of(Location l) {
            return new Loc(l.file(), l.line(), l.column());
        }

        Location location() {
            return new Location(file, line, column);
        }
    }

    /**
     * A diagnostic and when the validator says it: {@code pass} (0: the paths, 1: documents, 2: the rest),
     * the file's index, the line, and its place among the line's diagnostics. Sorting by location and then by
     * these is what the validator's stable sort of its diagnostics in the order said gives.
     */
    static final class Found implements Fact {
        private static final long serialVersionUID = 1L;

        static final Comparator<Found> ORDER = Comparator.comparing((Found f) -> f.file)
                .thenComparingLong(f -> f.line).thenComparingLong(f -> f.column)
                .thenComparingInt(f -> f.pass).thenComparingInt(f -> f.fileIndex)
                .thenComparingLong(f -> f.saidLine).thenComparingInt(f -> f.seq);

        final Diagnostic.Severity severity;
        final String file;
        final long line;
        final long column;
        final String field;
        final String message;
        final int pass;
        final int fileIndex;
        final long saidLine;
        final int seq;

        private Found(Diagnostic d, int pass, int fileIndex, long saidLine, int seq) {
            this.severity = d.severity();
            this.file = d.location().file();
            this.line = d.location().line();
            this.column = d.location().column();
            this.field = d.field();
            this.message = d.message();
            this.pass = pass;
            this.fileIndex = fileIndex;
            this.saidLine = saidLine;
            this.seq = seq;
        }

        static Found of(Diagnostic d, int pass, int fileIndex, long saidLine, int seq) {
            return new Found(d, pass, fileIndex, saidLine, seq);
        }

        static void addAll(List<? super Found> out, List<Diagnostic> ds, int pass, int fileIndex, long line) {
            for (int i = 0; i < ds.size(); i++) {
                out.add(new Found(ds.get(i), pass, fileIndex, line, i));
            }
        }

        Diagnostic diagnostic() {
            return new Diagnostic(severity, new Location(file, line, column), field, message);
        }

        boolean noDocuments() {
            return CorpusValidator.NO_DOCUMENTS.equals(message);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Found f && ORDER.compare(this, f) == 0 && message.equals(f.message);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(file, line, column, pass, fileIndex, saidLine, seq);
        }
    }

    /** A document line: the id it adds and its text, and where, for the duplicates. */
    static final class DocFact implements Fact {
        private static final long serialVersionUID = 1L;
        final String id;
        final int fileIndex;
        final long line;
        final Loc at;
        final String text;

        DocFact(String id, int fileIndex, long line, Loc at, String text) {
            this.id = id;
            this.fileIndex = fileIndex;
            this.line = line;
            this.at = at;
            this.text = text;
        }

        boolean before(DocFact o) {
            return fileIndex != o.fileIndex ? fileIndex < o.fileIndex : line < o.line;
        }

        DocKey key() {
            return new DocKey(fileIndex, line, at);
        }
    }

    /** Where a document line is, without its text. */
    record DocKey(int fileIndex, long line, Loc loc) implements Serializable {
        private static final long serialVersionUID = 1L;

        Location at() {
            return loc.location();
        }
    }

    /** A record's key for the duplicates of the second pass. */
    record DupFact(String key, boolean documentKey, int fileIndex, long line, Loc at) implements Fact {
        private static final long serialVersionUID = 1L;

        /** Annotation records and the records keyed by id are checked apart, as the validator does. */
        String group() {
            return (documentKey ? "doc_id:" : "id:") + key;
        }

        boolean before(DupFact o) {
            return fileIndex != o.fileIndex ? fileIndex < o.fileIndex : line < o.line;
        }

        Found diagnostic() {
            return Found.of(CorpusValidator.duplicateRecord(at.location(), key, documentKey), 2, fileIndex, line,
                    -1);
        }
    }

    /** A line of a file, as a key. */
    record LineKey(int fileIndex, long line) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A line that points into documents: checked again once their texts are joined to it. */
    static final class Pending implements Fact {
        private static final long serialVersionUID = 1L;
        final int fileIndex;
        final String file;
        final long line;
        final long offset;
        final byte[] bytes;
        final List<String> ids;

        Pending(int fileIndex, String file, long line, long offset, byte[] bytes, List<String> ids) {
            this.fileIndex = fileIndex;
            this.file = file;
            this.line = line;
            this.offset = offset;
            this.bytes = bytes;
            this.ids = ids;
        }

        LineKey key() {
            return new LineKey(fileIndex, line);
        }
    }

    /** Whether a part of a file held a record: a file whose parts held none is empty. */
    static final class PartFact implements Fact {
        private static final long serialVersionUID = 1L;
        final int fileIndex;
        final boolean records;

        PartFact(int fileIndex, boolean records) {
            this.fileIndex = fileIndex;
            this.records = records;
        }
    }

    /** A lookup that knows no text and notes which ids were asked for. */
    private static final class Recording implements TextLookup {
        final Set<String> ids = new LinkedHashSet<>();

        @Override
        public DocumentText text(String docId) {
            ids.add(docId);
            return null;
        }

        @Override
        public int count() {
            return 1;
        }
    }

    /** The texts joined to a line, and the number of documents given. */
    private record Joined(Map<String, DocumentText> texts, int count) implements TextLookup {
        @Override
        public DocumentText text(String docId) {
            return texts.get(docId);
        }
    }
}
