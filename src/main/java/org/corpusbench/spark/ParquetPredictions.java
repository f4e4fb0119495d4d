package org.corpusbench.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.evaluation.PredictionSource;
import org.corpusbench.internal.Hashes;

/**
 * Predictions in Parquet (issue 16): a file, or a folder of files as Spark and other tools write them, with a
 * row per prediction record, whose columns are the record's fields ({@code doc_id} and {@code entities} as a
 * list of structs with {@code start}, {@code end}, {@code text} and {@code type}; {@code id} and {@code label}
 * for NLI). Each row is read as the JSON record Spark makes of it ({@code Dataset#toJSON}: a null field is
 * left out), and from there on it is a line of a JSONL file: the same reader, checks and scores.
 *
 * <p><b>Rows are lines.</b> Messages number the rows as lines: the files of a folder in the order of their
 * names, then each file's rows in order. <b>Provenance:</b> a single file is named by its SHA-256; a folder
 * by the SHA-256 of its files' {@code NAME TAB SHA256} lines, in the order of their names (files whose names
 * start with {@code _} or {@code .}, which Spark and Hadoop write beside the data and never read, are left
 * out), as a folder of TimeML files is (docs/reliability.md).
 */
final class ParquetPredictions implements PredictionSource {

    private final SparkSession spark;
    private final String name;
    private final List<Path> files;
    private final FileSystem fs;
    private final Path root;
    private final boolean folder;

    private ParquetPredictions(SparkSession spark, String name, FileSystem fs, Path root, boolean folder,
                               List<Path> files) {
        this.spark = spark;
        this.name = name;
        this.fs = fs;
        this.root = root;
        this.folder = folder;
        this.files = files;
    }

    /**
     * The Parquet predictions at {@code path} (as the user gave it): refused, located, when it holds no data
     * file or a file Spark cannot read as Parquet.
     */
    static ParquetPredictions open(SparkSession spark, String path) throws IOException {
        Path p = HadoopPaths.of(path);
        FileSystem fs = HadoopPaths.fileSystem(p, spark.sparkContext().hadoopConfiguration());
        Path root = fs.makeQualified(p);
        FileStatus status = fs.getFileStatus(root);
        List<Path> files = new ArrayList<>();
        if (status.isDirectory()) {
            for (FileStatus f : fs.listStatus(root)) {
                String n = f.getPath().getName();
                if (hidden(n)) {
                    continue;
                }
                if (!f.isFile()) {
                    // a partitioned table (col=value/...) or anything else below: not read, so not skipped silently
                    throw new CorpusFormatException(Location.ofFile(path + "/" + n), null, "is a folder; expected "
                            + "a folder of Parquet files only (a partitioned table's folders are not read: give "
                            + "each folder, or write the table unpartitioned)");
                }
                files.add(f.getPath());
            }
            files.sort((a, b) -> a.getName().compareTo(b.getName()));
            if (files.isEmpty()) {
                throw new CorpusFormatException(Location.ofFile(path), null, "holds no data file; expected a "
                        + "Parquet file, or a folder of Parquet files, with a row per prediction record");
            }
        } else {
            if (hidden(root.getName())) {
                // Spark and Hadoop never read such a file, even when named
                throw new CorpusFormatException(Location.ofFile(path), null, "is a hidden file to Spark and Hadoop "
                        + "(its name starts with '_' or '.'), which they do not read; expected a Parquet file "
                        + "whose name does not start so (rename it)");
            }
            files.add(root);
        }
        ParquetPredictions source = new ParquetPredictions(spark, path, fs, root, status.isDirectory(),
                List.copyOf(files));
        for (Path f : files) {
            source.schemaOf(f);
        }
        return source;
    }

    /** A name Spark and Hadoop leave out of a folder and never read: {@code _SUCCESS}, {@code .x.crc}. */
    private static boolean hidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }

    /**
     * The rows of {@code file}, read as it is named: its path with Hadoop's pattern characters escaped (Spark
     * takes a path as a pattern, and {@code w[1].parquet} would read {@code w1.parquet}), and, for a local file,
     * with the raw local file system, as {@link HadoopPaths} reads local files (no checksum file is read, and a
     * name with a colon can be read).
     */
    private Dataset<Row> rows(Path file) {
        DataFrameReader reader = spark.read();
        if ("file".equals(file.toUri().getScheme())) {
            reader = reader.option("fs.file.impl", RawLocalFileSystem.class.getName())
                    .option("fs.file.impl.disable.cache", "true");
        }
        return reader.parquet(literal(file));
    }

    /** {@code file} as a Hadoop pattern that matches only itself. */
    static String literal(Path file) {
        String s = file.toString();
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("{}[]*?\\".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Reads the footer of {@code file}: a file that is not Parquet is refused here, before any work. */
    private void schemaOf(Path file) throws CorpusFormatException {
        try {
            rows(file).schema();
        } catch (RuntimeException e) {
            throw notParquet(file, e);
        } catch (Exception e) {
            // Scala's checked exceptions (SparkException) are not declared to Java
            throw notParquet(file, e);
        }
    }

    private CorpusFormatException notParquet(Path file, Exception e) {
        String where = folder ? name + "/" + file.getName() : name;
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                .orElse("");
        return new CorpusFormatException(Location.ofFile(where), null, "could not be read as Parquet (" + why
                + "); expected a Parquet file, or a folder of Parquet files, with a row per prediction record");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String format() {
        return "parquet";
    }

    @Override
    public String sha256() throws IOException {
        if (!folder) {
            return sha256(root);
        }
        StringBuilder lines = new StringBuilder();
        for (Path f : files) {
            lines.append(f.getName()).append('\t').append(sha256(f)).append('\n');
        }
        return Hashes.sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String sha256(Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return Hashes.sha256(in);
        }
    }

    /**
     * Every row as its JSON record, a line each: the files in the order of their names, each file's rows in
     * order, one partition of rows at a time on the driver.
     */
    @Override
    public InputStream open() {
        List<InputStream> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(new RowLines(() -> rows(f).toJSON().toLocalIterator()));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    /**
     * The rows of every file as JSON records, in {@code parts} partitions (0: as Spark reads them). Each file
     * is read with its own schema, as {@link #open()} reads it: read together, the files would all take the
     * first one's columns, and a column only a later file has would be lost here and seen there.
     */
    JavaRDD<String> records(int parts) {
        Dataset<String> json = null;
        for (Path f : files) {
            Dataset<String> one = rows(f).toJSON();
            json = json == null ? one : json.union(one);
        }
        return (parts > 0 ? json.repartition(parts) : json).javaRDD();
    }

    /** The lines of the JSON records an iterator gives, made when first read. */
    private static final class RowLines extends InputStream {
        private final java.util.function.Supplier<Iterator<String>> rows;
        private Iterator<String> it;
        private byte[] line = new byte[0];
        private int at;

        RowLines(java.util.function.Supplier<Iterator<String>> rows) {
            this.rows = rows;
        }

        private boolean fill() {
            if (it == null) {
                it = rows.get();
            }
            while (at == line.length) {
                if (!it.hasNext()) {
                    return false;
                }
                line = (it.next() + "\n").getBytes(StandardCharsets.UTF_8);
                at = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? line[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, line.length - at);
            System.arraycopy(line, at, b, off, n);
            at += n;
            return n;
        }
    }
}
