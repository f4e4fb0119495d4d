package org.corpusbench.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.apache.spark.sql.SparkSession;

/**
 * A local file system, installed as Hadoop's {@code file:} file system of the tests' session, that does to the
 * Spark tasks what the world does to them: the driver sees the files as they are, while a task (a thread of
 * Spark's executor) finds its input deleted, truncated, hidden or unreadable, runs out of memory, or cannot
 * write. Each fault acts on what the task really reads, so the code under test meets the real exceptions of
 * Hadoop's local file system (a deleted file) or the ones HDFS throws (a permission refused).
 */
public final class TaskFaults implements AutoCloseable {

    /** What a task meets. */
    public enum Fault {
        /** The file it opens was deleted just before (by another process, after the driver's checks). */
        DELETED,
        /** The file it opens is one the executors do not see, though the driver does (a driver-local path). */
        HIDDEN,
        /** The file it opens was cut to half its size just before. */
        TRUNCATED,
        /** The file it opens grew by a line just before. */
        GROWN,
        /** The file it opens was rewritten in place just before: its first byte changed, its size the same. */
        REWRITTEN,
        /** Opening is refused, as HDFS refuses a user without the permission. */
        DENIED,
        /** The task runs out of memory when it opens its input. */
        OUT_OF_MEMORY,
        /** A bug: the task throws an unchecked exception. */
        BUG,
        /** The file it opens was rewritten in place just before: the blank after its first token made a '_'. */
        REWRITTEN_BADLY,
        /** The file was rewritten in place (as {@link #REWRITTEN}), and the task then fails as {@link #BUG}. */
        REWRITTEN_THEN_BUG,
        /** Writing a file fails, as on a full disk. */
        DISK_FULL
    }

    /** The fault in force; {@code null} when none. Tasks run in this JVM (local mode), so a static is shared. */
    private static volatile Fault fault;
    /** Only files whose path contains this (the test's own folder). */
    private static volatile String only;
    /** Only when a frame of a class whose name contains this is on the task's stack (null: always). */
    private static volatile String during;
    /** How many times the fault acted. */
    private static final AtomicInteger ACTED = new AtomicInteger();

    /**
     * The Hadoop setting that gives a fault to a JVM of its own ({@code --conf spark.hadoop.corpusbench.test.fault=
     * OUT_OF_MEMORY}, with {@code ...fault.path} the part of the path it acts on), with {@code fs.file.impl} set to
     * {@link Local}.
     */
    public static final String FAULT = "corpusbench.test.fault";

    private final Configuration conf;

    private TaskFaults(Configuration conf) {
        this.conf = conf;
    }

    /**
     * Installs {@code f} on the session's {@code file:} file system for files whose path contains
     * {@code pathPart}, while the task's stack has a frame of a class whose name contains {@code whileIn}
     * ({@code null}: at any time); {@link #close} removes it.
     */
    public static TaskFaults install(SparkSession spark, Fault f, String pathPart, String whileIn) {
        Configuration c = spark.sparkContext().hadoopConfiguration();
        fault = f;
        only = pathPart;
        during = whileIn;
        ACTED.set(0);
        c.set("fs.file.impl", Local.class.getName());
        c.setBoolean("fs.file.impl.disable.cache", true);
        return new TaskFaults(c);
    }

    /** How many times the fault acted since it was installed. */
    public int acted() {
        return ACTED.get();
    }

    @Override
    public void close() {
        conf.unset("fs.file.impl");
        conf.unset("fs.file.impl.disable.cache");
        fault = null;
    }

    /** The fault in force: the installed one, else the one a new JVM was given in its Hadoop configuration. */
    private static Fault fault(Configuration conf) {
        Fault f = fault;
        if (f == null && conf != null && conf.get(FAULT) != null) {
            f = Fault.valueOf(conf.get(FAULT));
        }
        return f;
    }

    private static boolean applies(Path p, Configuration conf) {
        Fault f = fault(conf);
        String part = fault != null ? only : conf == null ? "" : conf.get(FAULT + ".path", "");
        if (f == null || !Thread.currentThread().getName().startsWith("Executor task launch worker")
                || !p.toUri().getPath().contains(part)) {
            return false;
        }
        String w = fault != null ? during : null;
        return w == null || StackWalker.getInstance().walk(s -> s.anyMatch(fr -> fr.getClassName().contains(w)));
    }

    /** What Hadoop instantiates for {@code file:}: the checksummed local file system over {@link Raw}. */
    public static final class Local extends LocalFileSystem {
        /** Hadoop's constructor. */
        public Local() {
            super(new Raw());
        }
    }

    /** The raw local file system with the faults. */
    public static final class Raw extends RawLocalFileSystem {

        @Override
        public FSDataInputStream open(Path p, int bufferSize) throws IOException {
            Fault f = fault(getConf());
            if (applies(p, getConf())) {
                java.io.File file = pathToFile(p);
                switch (f) {
                    case DELETED -> {
                        if (file.exists()) {
                            ACTED.incrementAndGet();
                        }
                        java.nio.file.Files.deleteIfExists(file.toPath());
                    }
                    case HIDDEN -> {
                        ACTED.incrementAndGet();
                        throw new FileNotFoundException("File " + p + " does not exist");
                    }
                    case TRUNCATED, GROWN, REWRITTEN, REWRITTEN_THEN_BUG, REWRITTEN_BADLY -> {
                        synchronized (Raw.class) {
                            // once: every later task sees the changed file
                            if (ACTED.get() == 0) {
                                ACTED.incrementAndGet();
                                try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
                                    if (f == Fault.TRUNCATED) {
                                        raf.setLength(raf.length() / 2);
                                    } else if (f == Fault.REWRITTEN_BADLY) {
                                        byte[] head = new byte[64];
                                        int n = raf.read(head);
                                        raf.seek(new String(head, 0, Math.max(0, n),
                                                java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(' '));
                                        raf.write('_');
                                    } else if (f == Fault.REWRITTEN || f == Fault.REWRITTEN_THEN_BUG) {
                                        int first = raf.read();
                                        raf.seek(0);
                                        raf.write(first == 'X' ? 'Y' : 'X');
                                    } else {
                                        raf.seek(raf.length());
                                        raf.write("grown\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                                    }
                                }
                            }
                        }
                        if (f == Fault.REWRITTEN_THEN_BUG) {
                            throw new IllegalStateException("a bug in a task");
                        }
                    }
                    case DENIED -> {
                        ACTED.incrementAndGet();
                        throw new org.apache.hadoop.security.AccessControlException("Permission denied: user=task, "
                                + "access=READ, inode=\"" + p.toUri().getPath() + "\"");
                    }
                    case OUT_OF_MEMORY -> {
                        ACTED.incrementAndGet();
                        throw new OutOfMemoryError("Java heap space");
                    }
                    case BUG -> {
                        ACTED.incrementAndGet();
                        throw new IllegalStateException("a bug in a task");
                    }
                    default -> {
                    }
                }
            }
            return super.open(p, bufferSize);
        }

        @Override
        public FSDataOutputStream create(Path p, FsPermission permission, boolean overwrite, int bufferSize,
                                         short replication, long blockSize, Progressable progress) throws IOException {
            if (fault(getConf()) == Fault.DISK_FULL && applies(p, getConf())) {
                ACTED.incrementAndGet();
                throw new IOException("No space left on device");
            }
            return super.create(p, permission, overwrite, bufferSize, replication, blockSize, progress);
        }

        @Override
        public FSDataOutputStream create(Path p, boolean overwrite, int bufferSize, short replication, long blockSize,
                                         Progressable progress) throws IOException {
            if (fault(getConf()) == Fault.DISK_FULL && applies(p, getConf())) {
                ACTED.incrementAndGet();
                throw new IOException("No space left on device");
            }
            return super.create(p, overwrite, bufferSize, replication, blockSize, progress);
        }
    }
}
