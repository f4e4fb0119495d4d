package org.corpusbench.spark;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.InvalidInputException;
import org.corpusbench.diagnostic.Location;

/**
 * What a failure inside a Spark job means, said in corpusbench's terms, in one place for every entry of
 * {@link SparkEngine}. Spark reports a failed task as a {@code SparkException} ("Job aborted due to stage failure:
 * Task 1 in stage 0.0 failed 4 times, most recent failure: ...") whose message carries the task's stack trace and
 * whose cause is the task's exception, deserialized on the driver. This class finds that cause and raises what
 * the command line prints as it prints the single machine's failures:
 * <ul>
 * <li>an input a task could not open (deleted or moved since the driver's checks, a driver-local path that the
 * executors do not see, a permission the executors lack), or whose size changed since the driver cut it into
 * parts: a {@link CorpusFormatException} at the input as the user gave it, saying what was expected (exit 1);</li>
 * <li>a task's own located refusal: as it is;</li>
 * <li>another input/output failure of a task (a full disk): an {@link IOException} with its message (exit 1);</li>
 * <li>anything else (a task out of memory or killed, an executor lost, a result too large, a bug): a
 * {@link SparkEngine.JobFailure} of one line that names it and what to try (exit 3).</li>
 * </ul>
 * A failure that does not come from Spark and names no input (a refusal on the driver, a target that exists) is
 * thrown as it is.
 */
final class SparkFailures {

    /** What is said of an input that was there when the run started and is not when a task opens it. */
    private static final String DELETED = "was deleted or moved while Spark read it; expected it to stay in place "
            + "until the run ends";

    /** Causes followed at most, against cycles. */
    private static final int DEPTH = 32;

    /** Characters of Spark's own message kept in a {@link SparkEngine.JobFailure}. */
    private static final int KEPT = 300;

    /** Spark's words for a task that failed, without the task's place in the job, the host and the attempt. */
    private static final java.util.regex.Pattern LOST_TASK = java.util.regex.Pattern.compile(
            "Task \\S+ in stage \\S+ failed (\\d+) times?, most recent failure: "
            + "Lost task \\S+ in stage \\S+ \\(TID \\d+\\) \\([^)]*\\): (.*)");

    /** Work that runs Spark jobs. */
    interface Work<T> {
        /** Runs it. */
        T run() throws IOException;
    }

    /**
     * A task found its input longer or shorter than the driver saw it when it cut the input into parts: the parts
     * no longer cover the file, so whatever the tasks computed would be a plausible wrong number.
     */
    static final class InputChanged extends IOException {
        private static final long serialVersionUID = 1L;

        InputChanged(String what) {
            super(what);
        }
    }

    private SparkFailures() {
    }

    /**
     * Runs {@code work}, whose inputs are {@code inputs} (as the user gave them: files or directories, local paths
     * or URIs), and throws its failures as the class comment says; a failure of a run during which an input changed
     * (its size or time of modification differs after the run from before it) is that change. When {@code unchanged}, a result computed from inputs that changed is refused too: a
     * task may have read a file before the change and another after it, so that the result belongs to neither. Not
     * for work that writes its output before it returns. {@code lower} names an option whose lower value takes less
     * memory ({@code --resamples}), or is {@code null}.
     */
    static <T> T translate(Configuration conf, List<String> inputs, boolean unchanged, String lower, Work<T> work)
            throws IOException {
        Map<String, String> before = snapshot(conf, inputs);
        T result;
        try {
            result = work.run();
        } catch (Exception e) {
            Exception t;
            try {
                t = translated(e, conf, inputs, lower);
            } catch (RuntimeException r) {
                t = r;
            }
            // a file cut short mid-line fails a part, and the driver then finds a 'wrong' line at the cut: the
            // change is what went wrong
            CorpusFormatException changed = changed(before, snapshot(conf, inputs));
            if (changed != null) {
                changed.addSuppressed(t);
                throw changed;
            }
            if (t instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) t;
        }
        if (unchanged) {
            requireUnchanged(conf, inputs, before);
        }
        return result;
    }

    /**
     * Refuses inputs whose files are not as {@code before} ({@link #snapshot}) says: for work that must check its
     * inputs before its output is committed (an export).
     */
    static void requireUnchanged(Configuration conf, List<String> inputs, Map<String, String> before)
            throws CorpusFormatException {
        CorpusFormatException changed = changed(before, snapshot(conf, inputs));
        if (changed != null) {
            throw changed;
        }
    }

    /** The refusal of the first file that is not in {@code after} as it is in {@code before}, or {@code null}. */
    private static CorpusFormatException changed(Map<String, String> before, Map<String, String> after) {
        for (Map.Entry<String, String> e : before.entrySet()) {
            String now = after.get(e.getKey());
            if (now == null) {
                return new CorpusFormatException(Location.ofFile(e.getKey()), null, DELETED);
            }
            if (!e.getValue().equals(now)) {
                return new CorpusFormatException(Location.ofFile(e.getKey()), null, "changed while Spark read it ("
                        + e.getValue() + " when the run started, " + now + " when it "
                        + "ended); expected a file that stays as it is until the run ends: score a copy, or wait "
                        + "until what writes it has finished");
            }
        }
        return null;
    }

    /**
     * The size and time of modification of each file of {@code inputs} (a directory's files, one level down, as the
     * readers take them), by the name the user knows it by; a path that cannot be looked at is left out.
     */
    static Map<String, String> snapshot(Configuration conf, List<String> inputs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String given : inputs) {
            try {
                Path p = HadoopPaths.of(given);
                FileSystem fs = HadoopPaths.fileSystem(p, conf);
                FileStatus status = fs.getFileStatus(p);
                if (status.isDirectory()) {
                    String dir = given.endsWith("/") ? given.substring(0, given.length() - 1) : given;
                    for (FileStatus f : fs.listStatus(p)) {
                        if (f.isFile()) {
                            out.put(dir + "/" + f.getPath().getName(), state(f));
                        }
                    }
                } else {
                    out.put(given, state(status));
                }
            } catch (IOException | RuntimeException e) {
                // a path missing or unreadable now is the work's to refuse
            }
        }
        return out;
    }

    private static String state(FileStatus f) {
        return f.getLen() + " bytes modified at " + java.time.Instant.ofEpochMilli(f.getModificationTime());
    }

    /** {@code e} as corpusbench's exception; unchecked ones are thrown from here, checked ones returned. */
    static IOException translated(Exception e, Configuration conf, List<String> inputs, String lower) {
        List<Throwable> chain = chain(e);
        boolean spark = chain.stream().anyMatch(t -> t.getClass().getName().startsWith("org.apache.spark."));
        for (Throwable t : chain) {
            if (t instanceof InputChanged) {
                return new CorpusFormatException(Location.ofFile(String.join(", ", inputs)), null,
                        "changed while Spark read it (" + t.getMessage() + "); expected a file that stays as it is "
                        + "until the run ends: score a copy, or wait until what writes it has finished");
            }
            String named = named(t.getMessage(), inputs);
            if (named == null) {
                continue;
            }
            if (notFound(t)) {
                boolean onDriver = existsOnDriver(t.getMessage(), conf, inputs);
                return new CorpusFormatException(Location.ofFile(named), null, onDriver
                        ? "the driver reads it but a Spark task could not open it (" + firstLine(t.getMessage())
                        + "); expected a path that every executor reads at the same absolute path: a shared file "
                        + "system, or hdfs:// or s3a://"
                        : DELETED);
            }
            if (denied(t)) {
                return new CorpusFormatException(Location.ofFile(named), null, "permission denied to a Spark task ("
                        + firstLine(t.getMessage()) + "); expected a file that the executors' user may read");
            }
            if (t instanceof EOFException) {
                return new CorpusFormatException(Location.ofFile(named), null, "ended early while Spark read it ("
                        + firstLine(t.getMessage()) + "); expected a file that stays as it is until the run ends");
            }
        }
        if (!spark) {
            return rethrown(e);
        }
        Throwable cause = null;
        for (Throwable t : chain) {
            if (!t.getClass().getName().startsWith("org.apache.spark.") && !(t instanceof UncheckedIOException)) {
                cause = t;
                break;
            }
        }
        if (cause instanceof OutOfMemoryError) {
            throw new SparkEngine.JobFailure("a Spark task ran out of memory (" + cause.getMessage() + "); cut the "
                    + "input into more parts (spark --parts N), " + (lower == null ? "" : "lower " + lower + ", ")
                    + "or give Spark more memory (on this machine "
                    + "CORPUSBENCH_JAVA_OPTS=-Xmx8g; on a cluster --conf spark.executor.memory=8g)", e);
        }
        if (cause instanceof CorpusFormatException c) {
            return c.location() != null ? c : rebuilt(c);
        }
        if (cause instanceof InvalidInputException i) {
            // its problems are not sent with it: its message has the first and the count
            return new IOException(i.getMessage(), i);
        }
        if (cause instanceof FileSystemException fs) {
            return fs;
        }
        if (cause instanceof IOException io) {
            return new IOException("a Spark task could not read or write: " + firstLine(io.getMessage()), io);
        }
        if (cause != null) {
            throw new SparkEngine.JobFailure("a Spark task failed: " + firstLine(cause.toString())
                    + " (an internal error of corpusbench; CORPUSBENCH_DEBUG=1 prints the stack trace)", e);
        }
        throw new SparkEngine.JobFailure(described(firstLine(e.getMessage())), e);
    }

    /** A failure Spark gives without the task's exception (the executor died with it, or none was thrown). */
    private static String described(String spark) {
        String s = spark.replaceFirst("^Job aborted due to stage failure: ", "");
        java.util.regex.Matcher m = LOST_TASK.matcher(s);
        if (m.matches()) {
            s = "a task failed " + m.group(1) + (m.group(1).equals("1") ? " time" : " times") + ", the last with "
                    + m.group(2);
        }
        if (s.length() > KEPT) {
            s = s.substring(0, KEPT) + "...";
        }
        if (s.contains("ExecutorLostFailure") || s.contains("exited caused by")) {
            return "Spark lost an executor (" + s + "); an executor that runs out of memory exits (code 52 or 137): "
                    + "give the executors more memory (--conf spark.executor.memory=8g) or cut the input into more "
                    + "parts (spark --parts N)";
        }
        if (s.contains("maxResultSize")) {
            return "the tasks' results exceed what the driver accepts (" + s + "); raise it with --conf "
                    + "spark.driver.maxResultSize=4g";
        }
        if (s.contains("TaskKilled") || s.contains("killed")) {
            return "a Spark task was killed (" + s + "); run again, or with more parts (spark --parts N) if the "
                    + "cluster's manager kills tasks that take too long or too much memory";
        }
        return "the Spark job failed (" + s + ")";
    }

    /** {@code e}, thrown when unchecked, returned when an {@link IOException}. */
    private static IOException rethrown(Exception e) {
        if (e instanceof IOException io) {
            return io;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException(e);
    }

    /**
     * A located refusal a task threw, whose location did not travel with it (it is not serialized): the same
     * message, the location kept as the text that starts it.
     */
    private static CorpusFormatException rebuilt(CorpusFormatException c) {
        String m = c.getMessage();
        String tail = (c.field() == null ? "" : c.field() + ": ") + c.originalMessage();
        String at = m.endsWith(": " + tail) ? m.substring(0, m.length() - tail.length() - 2) : "";
        return new CorpusFormatException(Location.ofFile(at.isEmpty() ? "?" : at), c.field(), c.originalMessage(), c);
    }

    /** {@code e} and its causes. */
    private static List<Throwable> chain(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable t = e; t != null && out.size() < DEPTH && !out.contains(t); t = t.getCause()) {
            out.add(t);
        }
        return out;
    }

    private static boolean notFound(Throwable t) {
        return t instanceof FileNotFoundException && !lower(t).contains("permission denied")
                || t instanceof NoSuchFileException
                || t.getClass().getName().equals("org.apache.hadoop.fs.PathNotFoundException");
    }

    private static boolean denied(Throwable t) {
        String n = t.getClass().getName();
        return t instanceof AccessDeniedException || n.equals("org.apache.hadoop.security.AccessControlException")
                || n.equals("org.apache.hadoop.fs.PathAccessDeniedException")
                || t instanceof FileNotFoundException && lower(t).contains("permission denied");
    }

    private static String lower(Throwable t) {
        return String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
    }

    /** The first line of {@code s} (Spark's messages go on with stack traces). */
    private static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /**
     * The input that {@code message} names, as the user gave it ({@code DIR/name} for a file found in a directory
     * given), or {@code null} when it names none of them.
     */
    static String named(String message, List<String> inputs) {
        if (message == null) {
            return null;
        }
        String best = null;
        int bestLength = -1;
        for (String given : inputs) {
            for (String form : forms(given)) {
                int at = message.indexOf(form);
                while (at >= 0) {
                    int end = at + form.length();
                    int stop = end;
                    while (stop < message.length() && !boundary(message.charAt(stop))) {
                        stop++;
                    }
                    String rest = message.substring(end, stop);
                    if ((rest.isEmpty() || rest.startsWith("/") || form.endsWith("/")) && form.length() > bestLength) {
                        String g = rest.startsWith("/") && given.endsWith("/") ? given.substring(0, given.length() - 1)
                                : given;
                        best = g + rest;
                        bestLength = form.length();
                    }
                    at = message.indexOf(form, at + 1);
                }
            }
        }
        return best;
    }

    /** Whether the file {@code message} names is there for the driver. */
    private static boolean existsOnDriver(String message, Configuration conf, List<String> inputs) {
        String named = named(message, inputs);
        try {
            Path p = HadoopPaths.of(named);
            return HadoopPaths.fileSystem(p, conf).exists(p);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** How a message may write the input {@code given}: its URI, and for a local file its absolute path. */
    private static List<String> forms(String given) {
        List<String> out = new ArrayList<>();
        try {
            Path p = HadoopPaths.of(given);
            String uri = p.toString();
            out.add(uri);
            if ("file".equals(p.toUri().getScheme())) {
                out.add(p.toUri().getPath());
            }
        } catch (IllegalArgumentException e) {
            // not a path: only its own spelling
        }
        out.add(given);
        return out;
    }

    /** Where a path ends in a message: white space, quotes, brackets, a comma or a colon followed by space. */
    private static boolean boundary(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '(' || c == ')' || c == ',' || c == ';';
    }
}
