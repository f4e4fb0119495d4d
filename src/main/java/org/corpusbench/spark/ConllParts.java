package org.corpusbench.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * How a CoNLL file is cut into parts that each hold whole sentences, without reading it first: part k of n
 * holds bytes {@code [cut(size·k/n), cut(size·(k+1)/n))}, where {@code cut(x)} is the offset just after the
 * first blank line ({@code "\n\n"} or {@code "\n\r\n"}) whose first line feed is at or after x (the file's
 * end if there is none), {@code cut(0) = 0} and {@code cut(size) = size}. Each task computes both of its
 * cuts by itself, reading from the nominal point to the next blank line; two neighbours compute the same
 * cut, so the parts cover the file exactly once, in order, and every part starts just after a sentence
 * break, as {@code BlankLineSplits} cuts a file for {@code evaluate --threads}. A sentence never straddles
 * two parts, whatever the number of parts; an empty part is possible (no blank line in a long stretch).
 */
final class ConllParts {

    private static final int PROBE = 1 << 16;

    private ConllParts() {
    }

    /** The nominal start of part {@code k} of {@code parts} in a file of {@code size} bytes: size·k/parts. */
    static long nominal(long size, int k, int parts) {
        // size = q·parts + r, so size·k/parts = q·k + r·k/parts without overflow for any size
        return size / parts * k + size % parts * k / parts;
    }

    /** Part {@code k}'s bytes {@code [start, end)}; {@code start == end} for an empty part. */
    static long[] range(FSDataInputStream in, long size, int k, int parts) throws IOException {
        checkSize(in, size);
        long start = k == 0 ? 0 : cut(in, nominal(size, k, parts), size);
        long end = k == parts - 1 ? size : cut(in, nominal(size, k + 1, parts), size);
        return new long[] {start, Math.max(start, end)};
    }

    /**
     * Refuses a file that is no longer {@code size} bytes long, the size its parts were computed from: a part
     * would score too little or too much of it, and the figures would look right.
     */
    static void checkSize(FSDataInputStream in, long size) throws IOException {
        byte[] one = new byte[1];
        if (size > 0 && in.read(size - 1, one, 0, 1) != 1) {
            throw new SparkFailures.InputChanged("it had " + size + " bytes when the run started, and fewer when a "
                    + "task read it");
        }
        if (in.read(size, one, 0, 1) > 0) {
            throw new SparkFailures.InputChanged("it had " + size + " bytes when the run started, and more when a "
                    + "task read it");
        }
    }

    /** The offset just after the first blank line whose first line feed is at or after {@code from}; else size. */
    static long cut(FSDataInputStream in, long from, long size) throws IOException {
        if (from <= 0) {
            return 0;
        }
        byte[] buf = new byte[PROBE];
        long at = from;
        int prev2 = -1;
        int prev1 = -1;
        while (at < size) {
            int n = in.read(at, buf, 0, (int) Math.min(buf.length, size - at));
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                int b = buf[i];
                if (b == '\n' && (prev1 == '\n' || prev1 == '\r' && prev2 == '\n')) {
                    return at + i + 1;
                }
                prev2 = prev1;
                prev1 = b;
            }
            at += n;
        }
        return size;
    }

    /**
     * Bytes {@code [start, end)} of an open file, read in order; the file ending before {@code end} (it was cut
     * short while the part was read) is an {@link SparkFailures.InputChanged}.
     */
    static InputStream stream(FSDataInputStream in, long start, long end) throws IOException {
        in.seek(start);
        return new InputStream() {
            private long left = end - start;

            private IOException ended() {
                return new SparkFailures.InputChanged("it ended at byte " + (end - left) + ", where it had at least "
                        + end + " bytes when the run started");
            }

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b < 0) {
                    throw ended();
                }
                left--;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                if (len == 0) {
                    return 0;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                } else if (n < 0) {
                    throw ended();
                }
                return n;
            }
        };
    }

    /** The parts' indexes 0 to {@code parts - 1}, one per Spark partition. */
    static List<Integer> indexes(int parts) {
        List<Integer> out = new ArrayList<>(parts);
        for (int k = 0; k < parts; k++) {
            out.add(k);
        }
        return out;
    }
}
