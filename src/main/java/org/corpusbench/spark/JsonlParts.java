package org.corpusbench.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.corpusbench.format.jsonl.JsonlLines;

/**
 * JSON Lines files cut into parts at line ends, each part read by a task of its own with the line numbers and
 * byte offsets of the whole file (issue 16: validation and export on Spark).
 *
 * <p><b>Which lines a part holds.</b> Part {@code [start, end)} of a file holds the lines that begin in it: a
 * line begins at offset 0 (its byte order mark, if any, is part of line 1) or just after a line feed. Every
 * line begins in exactly one part, so the parts hold every line once, in order; a line that goes on past
 * {@code end} is read to its end by its part. A task finds its first line by itself (just after the first line
 * feed at or after {@code start - 1}), so no part needs another's bytes. Lines are what {@link JsonlLines}
 * makes of them (a line feed ends a line, a carriage return before it is dropped), and are handed over as
 * {@link JsonlLines#ofChunk chunks} of whole lines of about 1 MiB, so memory does not grow with the part.
 *
 * <p><b>Line numbers.</b> A part cannot know how many lines come before it without reading them, so a first
 * pass {@linkplain #read reads} every part and counts its lines, and the second pass numbers each part's lines
 * from the sum of the counts of the parts before it in its file. {@code SparkValidationLinesTest} checks that
 * the lines, numbers, offsets and byte order mark are those of reading the file in one piece, for any cut.
 */
final class JsonlParts {

    /** Shuffle partitions at most, however large the input. */
    static final int MAX_SHUFFLE_PARTITIONS = 100_000;

    /** Bytes of whole lines handed over at a time. */
    static final int CHUNK = 1 << 20;

    /**
     * One part of a file.
     *
     * @param index     its index among all parts (of all files): the Spark partition that reads it
     * @param fileIndex the index of its file among the files read, in the order given
     * @param file      the file's name in locations, as the user gave it
     * @param path      the file's Hadoop path
     * @param start     the first byte the part covers
     * @param end       one past the last byte it covers ({@code start == end}: it holds no line)
     */
    record Part(int index, int fileIndex, String file, String path, long start, long end) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A file to read.
     *
     * @param file the name in locations
     * @param path its Hadoop path
     * @param size its size in bytes
     */
    record InputFile(String file, String path, long size) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What a part gave: how many lines it holds, and whether it starts a file that has a byte order mark. */
    record Read(long lines, boolean byteOrderMark) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Receives each line a part holds, on the reader positioned on it. */
    interface LineSink {
        /** One line: {@code line} is positioned on it and must not be moved. */
        void line(JsonlLines line) throws IOException;
    }

    private JsonlParts() {
    }

    /**
     * The parts of {@code files}: each file cut at {@code size·k/n} into {@code n = ceil(size / partBytes)}
     * parts (at least one, which holds nothing when the file is empty), in file order.
     */
    static List<Part> cut(List<InputFile> files, long partBytes) {
        long each = Math.max(1, partBytes);
        List<Part> parts = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            InputFile file = files.get(f);
            long n = Math.max(1, (file.size() + each - 1) / each);
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(file.file() + ": " + n + " parts; expected at most "
                        + Integer.MAX_VALUE + " (give fewer parts)");
            }
            for (int k = 0; k < n; k++) {
                long start = ConllParts.nominal(file.size(), k, (int) n);
                long end = k == n - 1 ? file.size() : ConllParts.nominal(file.size(), k + 1, (int) n);
                parts.add(new Part(parts.size(), f, file.file(), file.path(), start, end));
            }
        }
        return parts;
    }

    /** Bytes a part holds when {@code total} bytes are cut into about {@code parts} parts (0: as many as the cores, at most {@code maxBytes} each). */
    static long partBytes(long total, int parts, int cores, long maxBytes) {
        if (parts > 0) {
            return Math.max(1, (total + parts - 1) / parts);
        }
        long byCores = (total + Math.max(1, cores) - 1) / Math.max(1, cores);
        return Math.max(1, Math.min(maxBytes, byCores));
    }

    /**
     * Reads the lines part {@code p} holds, numbered from {@code linesBefore + 1}, handing each to {@code sink}.
     *
     * @return how many lines it holds, and whether it starts a file with a byte order mark
     */
    static Read read(FileSystem fs, Part p, long linesBefore, LineSink sink) throws IOException {
        if (p.start() >= p.end()) {
            return new Read(0, false);
        }
        try (FSDataInputStream in = fs.open(new Path(p.path()))) {
            long begin = p.start() == 0 ? 0 : lineStart(in, p.start());
            if (begin < 0 || begin >= p.end()) {
                return new Read(0, false);
            }
            in.seek(begin);
            byte[] buf = new byte[Math.toIntExact(Math.min(CHUNK, Math.max(16, p.end() - begin)))];
            int len = 0;
            boolean eof = false;
            long offset = begin;
            boolean bom = false;
            if (begin == 0) {
                while (len < 3 && !eof) {
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        eof = true;
                    } else {
                        len += n;
                    }
                }
                if (len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                    bom = true;
                    System.arraycopy(buf, 3, buf, 0, len - 3);
                    len -= 3;
                    offset = 3;
                }
            }
            long lines = 0;
            while (true) {
                // fill until the buffer ends with whole lines (a line feed in it) or the file ends
                int lastNewline = lastNewline(buf, len);
                while (!eof && (lastNewline < 0 || len < buf.length && offset + len < p.end())) {
                    if (len == buf.length) {
                        buf = Arrays.copyOf(buf, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, 2L * buf.length)));
                    }
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        eof = true;
                    } else {
                        len += n;
                        lastNewline = lastNewline(buf, len);
                    }
                }
                int cut = lastNewline >= 0 ? lastNewline + 1 : len;
                if (cut == 0) {
                    return new Read(lines, bom);
                }
                JsonlLines chunk = JsonlLines.ofChunk(Arrays.copyOf(buf, cut), p.file(), linesBefore + lines,
                        offset);
                while (chunk.next()) {
                    // line 1 begins at offset 0 whatever its byte order mark; any other where JsonlLines says
                    boolean first = begin == 0 && lines == 0;
                    if (!first && chunk.lineStartOffset() >= p.end()) {
                        return new Read(lines, bom);
                    }
                    sink.line(chunk);
                    lines++;
                }
                System.arraycopy(buf, cut, buf, 0, len - cut);
                len -= cut;
                offset += cut;
                if (eof && len == 0) {
                    return new Read(lines, bom);
                }
            }
        }
    }

    /** Index of the last line feed in {@code b[0, len)}, or -1. */
    private static int lastNewline(byte[] b, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The offset just after the first line feed at or after {@code start - 1}, or -1 when there is none. */
    private static long lineStart(FSDataInputStream in, long start) throws IOException {
        byte[] probe = new byte[1 << 16];
        long at = start - 1;
        in.seek(at);
        while (true) {
            int n = in.read(probe, 0, probe.length);
            if (n < 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (probe[i] == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
    }
}
