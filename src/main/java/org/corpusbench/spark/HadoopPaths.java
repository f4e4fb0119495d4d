package org.corpusbench.spark;

import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Hadoop paths for what a user typed, and the file systems to read them with. Two things Hadoop does to a
 * local file that corpusbench's own commands do not: it reads {@code a:b.jsonl} as the scheme {@code a}, and
 * its local file system checks (and fails on) a {@code .NAME.crc} file beside each file and cannot even name
 * that file when the name holds a colon. A path with a scheme ({@code hdfs://}, {@code s3a://},
 * {@code file:/}) is taken as it is; anything else is a local path; and local files are read and written
 * without checksum files, as {@code validate} and {@code export} read and write them.
 */
final class HadoopPaths {

    /** A URI scheme and the slash after it: {@code hdfs:/}, {@code file:/}; not {@code a:b.jsonl}. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/");

    private HadoopPaths() {
    }

    /**
     * The Hadoop path of {@code given}: as it is when it has a scheme, else the local file's absolute URI.
     *
     * @throws IllegalArgumentException when {@code given} is not a path (a NUL character)
     */
    static Path of(String given) {
        if (SCHEME.matcher(given).find()) {
            return new Path(given);
        }
        // not toUri(), which ends an existing directory with '/', so that its getName() would be empty
        return new Path("file", null, java.nio.file.Path.of(given).toAbsolutePath().normalize().toString());
    }

    /**
     * The entry {@code name} of the directory {@code parent}, a name that may hold a colon ({@code new
     * Path(parent, name)} reads {@code .a:b} as a scheme and fails).
     */
    static Path child(Path parent, String name) {
        java.net.URI u = parent.toUri();
        String dir = u.getPath().endsWith("/") ? u.getPath() : u.getPath() + "/";
        return new Path(u.getScheme(), u.getAuthority(), dir + name);
    }

    /** The file system of {@code p}; for a local file, without checksum files. */
    static FileSystem fileSystem(Path p, Configuration conf) throws IOException {
        FileSystem fs = p.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }
}
