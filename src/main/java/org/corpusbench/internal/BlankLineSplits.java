package org.corpusbench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Cuts a CoNLL-style file into byte ranges that each end just after a blank line, so that the ranges
 * can be scored independently (every tag scorer resets its state at a sentence break) and the counts
 * merged. A range never starts inside a line, and the ranges cover the file exactly once, in order.
 */
public final class BlankLineSplits {

    /** Bytes {@code [start, end)} of the file. */
    public record Range(long start, long end) {
    }

    private static final int PROBE = 1 << 16;

    /** More parts than this gain nothing and only cost a probe each. */
    public static final int MAX_PARTS = 256;

    private BlankLineSplits() {
    }

    /**
     * At most {@code parts} (and at most {@link #MAX_PARTS}) ranges of roughly equal size. Each cut is the
     * first blank line at or after the nominal cut point; when there is none the previous range runs to
     * the end.
     */
    public static List<Range> of(Path file, int parts) throws IOException {
        parts = Math.min(parts, MAX_PARTS);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            List<Range> out = new ArrayList<>();
            long start = 0;
            for (int k = 1; k < parts && start < size; k++) {
                long nominal = Math.max(start, size * k / parts);
                long cut = afterBlankLine(ch, nominal, size);
                if (cut < 0 || cut >= size) {
                    break;
                }
                if (cut > start) {
                    out.add(new Range(start, cut));
                    start = cut;
                }
            }
            out.add(new Range(start, size));
            return out;
        }
    }

    /**
     * The offset just after the first blank line ("\n\n" or "\n\r\n") whose first LF is at or after
     * {@code from}, or -1.
     */
    static long afterBlankLine(FileChannel ch, long from, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(PROBE);
        long at = from;
        // The last two bytes of the previous probe, so that a blank line across probes is found.
        int prev2 = -1;
        int prev1 = -1;
        while (at < size) {
            buf.clear();
            int n = ch.read(buf, at);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                int b = buf.get(i);
                if (b == '\n' && (prev1 == '\n' || prev1 == '\r' && prev2 == '\n')) {
                    return at + i + 1;
                }
                prev2 = prev1;
                prev1 = b;
            }
            at += n;
        }
        return -1;
    }

    /** Scores one range of a file; {@code first}: the range starts the file (and may hold a byte order mark). */
    @FunctionalInterface
    public interface PartScorer<T> {
        T score(InputStream range, boolean first) throws IOException;
    }

    /**
     * Scores one range of a file, knowing where it is: for scorers that key what they find by its offset in
     * the whole file (issue 15: a sentence's bootstrap weights must not depend on how the file was cut).
     */
    @FunctionalInterface
    public interface RangeScorer<T> {
        /**
         * @param range where the stream's bytes are in the file
         * @param first the range starts the file (and may hold a byte order mark)
         */
        T score(InputStream in, Range range, boolean first) throws IOException;
    }

    /**
     * Runs {@code scorer} on every range, on at most as many threads as there are processors, and returns
     * the results in the order of the ranges. An exception thrown by a part is rethrown as it was (an
     * {@link IOException} or a {@link RuntimeException}); no thread outlives the call.
     */
    public static <T> List<T> inParallel(Path file, List<Range> ranges, PartScorer<T> scorer) throws IOException {
        return inParallel(file, ranges, (RangeScorer<T>) (in, range, first) -> scorer.score(in, first));
    }

    /** As {@link #inParallel(Path, List, PartScorer)}, telling each scorer where its range is. */
    public static <T> List<T> inParallel(Path file, List<Range> ranges, RangeScorer<T> scorer) throws IOException {
        int threads = Math.max(1, Math.min(ranges.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "corpusbench-part");
            t.setDaemon(true);
            return t;
        });
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int k = 0; k < ranges.size(); k++) {
                Range range = ranges.get(k);
                boolean first = k == 0;
                futures.add(pool.submit(() -> scorer.score(stream(ch, range), range, first)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + file);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A stream over {@code range} of an open channel, read with positional reads (thread-safe). */
    public static InputStream stream(FileChannel ch, Range range) {
        return new InputStream() {
            private long pos = range.start();

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                long left = range.end() - pos;
                if (left <= 0) {
                    return -1;
                }
                if (len == 0) {
                    return 0;
                }
                int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)), pos);
                if (n < 0) {
                    return -1;
                }
                pos += n;
                return n;
            }
        };
    }
}
