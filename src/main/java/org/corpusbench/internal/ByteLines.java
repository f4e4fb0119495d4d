package org.corpusbench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Hands each line of a stream to a consumer as a slice of a reused byte buffer, without decoding it:
 * scorers that only look at a few fields of each line decode just those, so the cost per line is a scan,
 * not a String. Lines end at LF; a CR before it is dropped; a last line without LF is still a line. The
 * buffer grows only for a line longer than it, so memory is bounded by the longest line.
 */
public final class ByteLines {

    /** Receives one line: {@code buf[from, to)}, valid only during the call. */
    @FunctionalInterface
    public interface Consumer {
        void line(byte[] buf, int from, int to) throws IOException;
    }

    /** Receives one line: {@code buf[from, to)}, valid only during the call, which starts at byte {@code offset} of the stream. */
    @FunctionalInterface
    public interface LocatedConsumer {
        void line(byte[] buf, int from, int to, long offset) throws IOException;
    }

    private static final int BUFFER = 1 << 16;

    private ByteLines() {
    }

    /**
     * Reads {@code in} to its end, line by line.
     *
     * @param skipByteOrderMark drop a UTF-8 byte order mark at the very start
     * @return whether a byte order mark was dropped
     */
    public static boolean forEach(InputStream in, boolean skipByteOrderMark, Consumer consumer) throws IOException {
        return forEachWithOffsets(in, skipByteOrderMark, (buf, from, to, offset) -> consumer.line(buf, from, to));
    }

    /**
     * As {@link #forEach}, and says where each line starts: its byte offset in the stream (a skipped byte
     * order mark counts), so that an error found in a line can name the exact byte.
     */
    public static boolean forEachWithOffsets(InputStream in, boolean skipByteOrderMark, LocatedConsumer consumer)
            throws IOException {
        byte[] buf = new byte[BUFFER];
        /* Stream offset of buf[0]. */
        long base = 0;
        int limit = readSome(in, buf, 0);
        int pos = 0;
        boolean bom = false;
        if (skipByteOrderMark) {
            while (limit >= 0 && limit < 3 && startsLikeBom(buf, limit)) {
                int n = readSome(in, buf, limit);
                if (n < 0) {
                    break;
                }
                limit += n;
            }
            if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                pos = 3;
                bom = true;
            }
        }
        if (limit < 0) {
            return false;
        }
        while (true) {
            int scan = pos;
            int nl = -1;
            while (true) {
                for (int i = scan; i < limit; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl >= 0) {
                    break;
                }
                // No LF in buf[pos, limit): keep the partial line, make room, read more.
                int partial = limit - pos;
                base += pos;
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, partial);
                } else if (partial == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                pos = 0;
                limit = partial;
                scan = partial;
                int n = readSome(in, buf, limit);
                if (n < 0) {
                    if (limit > 0) {
                        consumer.line(buf, 0, trimCr(buf, 0, limit), base);
                    }
                    return bom;
                }
                limit += n;
            }
            consumer.line(buf, pos, trimCr(buf, pos, nl), base + pos);
            pos = nl + 1;
        }
    }

    private static boolean startsLikeBom(byte[] buf, int limit) {
        int[] bom = {0xEF, 0xBB, 0xBF};
        for (int i = 0; i < limit; i++) {
            if ((buf[i] & 0xFF) != bom[i]) {
                return false;
            }
        }
        return true;
    }

    private static int trimCr(byte[] buf, int from, int to) {
        return to > from && buf[to - 1] == '\r' ? to - 1 : to;
    }

    /** Reads at least one byte into {@code buf[at..]}, or returns -1 at end of input. */
    private static int readSome(InputStream in, byte[] buf, int at) throws IOException {
        int n;
        do {
            n = in.read(buf, at, buf.length - at);
        } while (n == 0);
        return n;
    }
}
