package org.corpusbench.format.jsonl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;

/**
 * The physical lines of a JSON Lines file as raw bytes, for readers that want to look at a line before
 * (or instead of) decoding and parsing it. It reads exactly what {@link JsonlReader} reads and reports
 * the same problems with the same messages: lines end at LF, a CR before it is dropped, a leading UTF-8
 * byte order mark is skipped, invalid UTF-8 names the line and the byte offset in the file.
 *
 * <p>Use: {@link #next()} moves to the next physical line (blank ones included); then
 * {@link #checkUtf8()}, {@link #isBlank()} and {@link #parse()} look at it. Nothing is decoded into a
 * {@code String} unless asked for: {@link #parse()} hands the bytes to Jackson directly, and only when
 * that fails (or the line does not start with <code>{</code>) parses the decoded text, so that results
 * and error messages are exactly those of parsing the decoded line.
 *
 * <p>Memory: one buffer of at least 1 MiB, grown to the longest line. Not thread-safe.
 */
public final class JsonlLines implements Closeable {

    private static final int CHUNK = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private final String fileName;
    private byte[] buf;
    /** Bytes of the buffer not yet returned as lines: {@code [pos, limit)}. */
    private int pos;
    private int limit;
    /** File offset of {@code buf[0]}. */
    private long bufferStartOffset;
    private boolean eof;
    private boolean started;
    private boolean bom;

    private int lineStart;
    private int lineEnd;
    private long lineNumber;
    private long lineStartOffset;
    /** Whether the current line has a byte {@code >= 0x80}; when not, it is valid UTF-8. */
    private boolean lineNonAscii;
    /** 1: the line is valid UTF-8; -1: it is not; 0: not checked yet. */
    private int utf8State;
    private CharsetDecoder decoder;
    /** The bytes before the newline found by the last {@link #indexOfNewline}, OR-ed (high bits: non-ASCII). */
    private long scannedBits;

    /** Lines of {@code in}, named {@code fileName} in locations; {@link #close()} closes {@code in}. */
    public JsonlLines(InputStream in, String fileName) {
        this(in, fileName, CHUNK);
    }

    /** With a first buffer of {@code bufferSize} bytes (tests use tiny ones to exercise refills). */
    JsonlLines(InputStream in, String fileName, int bufferSize) {
        this.in = in;
        this.fileName = fileName;
        this.buf = new byte[Math.max(1, bufferSize)];
    }

    /**
     * Lines already read into memory: {@code chunk} holds whole lines, the first of which is line
     * {@code linesBefore + 1} of {@code fileName} and starts at byte {@code offset} of it. No byte order
     * mark is looked for (it can only start a file).
     */
    private JsonlLines(byte[] chunk, String fileName, long linesBefore, long offset) {
        this.in = InputStream.nullInputStream();
        this.fileName = fileName;
        this.buf = chunk;
        this.limit = chunk.length;
        this.eof = true;
        this.started = true;
        this.lineNumber = linesBefore;
        this.bufferStartOffset = offset;
    }

    /**
     * Lines already read into memory: {@code chunk} holds whole lines of {@code fileName} (it ends with a line
     * feed, or where the file ends), the first of which is line {@code linesBefore + 1} and starts at byte
     * {@code offset} of the file; no byte order mark is looked for. Why: a reader of a file in parts (issue 16:
     * validation on Spark, each part read on another machine) then gives exactly the lines, line numbers,
     * byte offsets and errors that reading the file from its start gives, as {@link #nextChunk} does within
     * one reader. {@code chunk} is kept, not copied.
     */
    public static JsonlLines ofChunk(byte[] chunk, String fileName, long linesBefore, long offset) {
        return new JsonlLines(chunk, fileName, linesBefore, offset);
    }

    /** Opens {@code file}; locations name it as {@code file.toString()}. */
    public static JsonlLines open(Path file) throws IOException {
        return new JsonlLines(Files.newInputStream(file), file.toString());
    }

    /** The file name used in locations. */
    public String fileName() {
        return fileName;
    }

    /**
     * Moves to the next physical line (its terminator and a CR before it excluded).
     *
     * @return {@code false} at end of input
     */
    public boolean next() throws IOException {
        start();
        int scanFrom = pos;
        long highBits = 0;
        int nl;
        while (true) {
            nl = indexOfNewline(buf, scanFrom, limit);
            highBits |= scannedBits;
            if (nl >= 0) {
                break;
            }
            int scanned = limit - pos;
            if (!fill()) {
                break;
            }
            scanFrom = pos + scanned;
        }
        if (nl < 0 && pos == limit) {
            return false;
        }
        lineStart = pos;
        lineEnd = nl < 0 ? limit : nl;
        lineStartOffset = bufferStartOffset + pos;
        pos = nl < 0 ? limit : nl + 1;
        if (lineEnd > lineStart && buf[lineEnd - 1] == '\r') {
            lineEnd--;
        }
        lineNumber++;
        lineNonAscii = (highBits & HIGH_BITS) != 0;
        utf8State = lineNonAscii ? 0 : 1;
        return true;
    }

    /** Skips a byte order mark at the start of the input, once. */
    private void start() throws IOException {
        if (!started) {
            started = true;
            while (limit < 3 && fill()) {
                // the byte order mark check needs the first three bytes
            }
            if (limit - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB
                    && (buf[pos + 2] & 0xFF) == 0xBF) {
                bom = true;
                pos += 3;
            }
        }
    }

    /**
     * Takes the next whole lines, at least {@code minBytes} of them unless the input ends first, as a reader
     * of their own that gives exactly the lines, line numbers, byte offsets, results and errors that
     * {@link #next()} would have given for them. Why: the lines of a chunk can then be parsed and checked on
     * another thread while this reader goes on (issue 15: validation on every core), and a chunk costs one
     * copy of its bytes, no decoding. Afterwards this reader continues after the chunk; the chunk's reader
     * needs no closing.
     *
     * @param minBytes how many bytes to take at least (a chunk always ends at a line end, or at the end of
     *                 the input), so that handing it over costs little next to the work on it
     * @return the lines, or {@code null} at the end of the input
     */
    public JsonlLines nextChunk(int minBytes) throws IOException {
        start();
        while (limit - pos < minBytes && fill()) {
            // read until the chunk is large enough or the input ends
        }
        int end = lastNewline();
        while (end < 0 && fill()) {
            // a line longer than what is buffered: read on to its end
            end = lastNewline();
        }
        if (end < 0) {
            end = limit;
        }
        if (end == pos) {
            return null;
        }
        byte[] chunk = Arrays.copyOfRange(buf, pos, end);
        JsonlLines lines = new JsonlLines(chunk, fileName, lineNumber, bufferStartOffset + pos);
        long newlines = countNewlines(chunk);
        lineNumber += newlines + (chunk[chunk.length - 1] == '\n' ? 0 : 1);
        pos = end;
        return lines;
    }

    /** One past the last LF of the unread bytes, or -1 when there is none. */
    private int lastNewline() {
        for (int i = limit - 1; i >= pos; i--) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The number of LF bytes in {@code b}, eight at a time. */
    static long countNewlines(byte[] b) {
        long n = 0;
        int i = 0;
        for (; i + 8 <= b.length; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            // a byte of x is zero exactly where b held LF: its high bit is set below only for those
            long zero = ~(((x & ~HIGH_BITS) + ~HIGH_BITS) | x) & HIGH_BITS;
            n += Long.bitCount(zero);
        }
        for (; i < b.length; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Reads more input after {@code limit}, first moving the unread part to the front (or growing). */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            int keep = limit - pos;
            System.arraycopy(buf, pos, buf, 0, keep);
            bufferStartOffset += pos;
            pos = 0;
            limit = keep;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n;
        while ((n = in.read(buf, limit, buf.length - limit)) == 0) {
            // keep reading; a stream may return 0 before data is ready
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** What {@link #indexOfNewline} left in {@link #scannedBits}. */
    long scannedBits() {
        return scannedBits;
    }

    /**
     * Index of the first LF in {@code b[from, to)}, or -1; leaves in {@link #scannedBits} the OR of the
     * bytes before it (or of all, when there is none), so that one pass also says whether they are ASCII.
     */
    int indexOfNewline(byte[] b, int from, int to) {
        long acc = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(b, i);
            long x = w ^ NEWLINES;
            long zero = (x - ONES) & ~x & HIGH_BITS;
            if (zero != 0) {
                // the lowest flagged byte is exact: false positives occur only above a true zero byte
                int k = Long.numberOfTrailingZeros(zero) >>> 3;
                scannedBits = acc | (k == 0 ? 0 : w & (-1L >>> (64 - 8 * k)));
                return i + k;
            }
            acc |= w;
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\n') {
                scannedBits = acc;
                return i;
            }
            acc |= c & 0xFF;
        }
        scannedBits = acc;
        return -1;
    }

    /**
     * Whether {@code b[from, to)} is well-formed UTF-8 (Unicode 3.9, table 3-7: no overlong forms, no
     * surrogates, nothing above U+10FFFF), which is exactly what Java's strict UTF-8 decoder accepts.
     */
    static boolean isWellFormedUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            if (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
            } else if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= to || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                if (i + 2 >= to) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                int lo = c == 0xE0 ? 0xA0 : 0x80;
                int hi = c == 0xED ? 0x9F : 0xBF;
                if (c1 < lo || c1 > hi || !continuation(b[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                if (i + 3 >= to) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                int lo = c == 0xF0 ? 0x90 : 0x80;
                int hi = c == 0xF4 ? 0x8F : 0xBF;
                if (c1 < lo || c1 > hi || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Byte offset in the file at which the current line starts. */
    public long lineStartOffset() {
        return lineStartOffset;
    }

    /** The location of the current line. */
    public Location location() {
        return Location.of(fileName, lineNumber);
    }

    /**
     * Whether the input began with a UTF-8 byte order mark, which was skipped rather than read as text; known
     * once {@link #next()} has been called. The validator reports it as a note.
     */
    public boolean hadByteOrderMark() {
        return bom;
    }

    /** Whether the current line's bytes start with {@code prefix} (ASCII). */
    public boolean startsWith(byte[] prefix) {
        if (lineEnd - lineStart < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[lineStart + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Length in bytes of the current line, without terminator. */
    public int length() {
        return lineEnd - lineStart;
    }

    /** Whether the current line is well-formed UTF-8. */
    public boolean isUtf8() {
        if (utf8State == 0) {
            utf8State = isWellFormedUtf8(buf, lineStart, lineEnd) ? 1 : -1;
        }
        return utf8State > 0;
    }

    /**
     * Throws when the current line is not UTF-8, with the message {@link JsonlReader} gives: the line and
     * the byte offset in the file of the first bad byte.
     */
    public void checkUtf8() throws CorpusFormatException {
        if (!isUtf8()) {
            decode();
        }
    }

    /** The current line decoded strictly; see {@link #checkUtf8()} for the error. */
    public String decode() throws CorpusFormatException {
        if (!lineNonAscii) {
            return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
        }
        if (decoder == null) {
            decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        int len = lineEnd - lineStart;
        ByteBuffer input = ByteBuffer.wrap(buf, lineStart, len);
        CharBuffer out = CharBuffer.allocate(len);
        decoder.reset();
        CoderResult r = decoder.decode(input, out, true);
        if (r.isError()) {
            utf8State = -1;
            long at = lineStartOffset + (input.position() - lineStart);
            throw new CorpusFormatException(location(), null, "invalid UTF-8 at byte offset " + at + " (byte 0x"
                    + String.format(Locale.ROOT, "%02X", buf[input.position()] & 0xFF)
                    + "): expected UTF-8 text; re-encode the file as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        utf8State = 1;
        return out.toString();
    }

    /**
     * Whether the current line, decoded, is {@linkplain String#isBlank() blank}. Check
     * {@linkplain #checkUtf8() UTF-8} first: this decodes the line when it has non-ASCII bytes and no
     * other text.
     */
    public boolean isBlank() throws CorpusFormatException {
        for (int i = lineStart; i < lineEnd; i++) {
            byte b = buf[i];
            if (b < 0) {
                return decode().isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The current line parsed as JSON, exactly as {@link JsonlReader#next()} parses it: the same tree,
     * or the same {@link CorpusFormatException} (malformed JSON with line and column, or invalid UTF-8).
     */
    public JsonNode parse() throws CorpusFormatException {
        checkUtf8();
        JsonNode fast = parseBytes();
        return fast != null ? fast : parseText(decode());
    }

    /**
     * Parses the bytes directly when that cannot differ from parsing the decoded line: the line is
     * well-formed UTF-8 and starts with <code>{</code> followed by a non-zero byte, so Jackson's encoding
     * detection can only choose UTF-8 (no byte order mark, no UTF-16/32 zero pattern). Byte-based limits
     * (name lengths) are never looser than char-based ones. Any failure or a result that is not an
     * object returns {@code null}, and the caller parses the decoded text instead, which gives the
     * original result or error.
     */
    JsonNode parseBytes() {
        int len = lineEnd - lineStart;
        if (utf8State <= 0 || len == 0 || buf[lineStart] != '{' || (len > 1 && buf[lineStart + 1] == 0)) {
            return null;
        }
        try {
            JsonNode n = JsonCodec.Trees.MAPPER.readTree(buf, lineStart, len);
            return n != null && n.isObject() ? n : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A streaming parser over the current line's bytes, with the reading limits of {@link #parse()}, for a
     * reader that decodes the common well-formed record without building a tree (the validator, issue 15);
     * {@code null} when {@link #parse()} would not parse the bytes directly. Its tokens' byte offsets are
     * offsets into the line, as {@link #byteAt} takes them. Whatever it refuses, the caller leaves to
     * {@link #parse()}, which gives the error.
     */
    public JsonParser parser() throws IOException {
        int len = lineEnd - lineStart;
        if (!isUtf8() || len == 0 || buf[lineStart] != '{' || (len > 1 && buf[lineStart + 1] == 0)) {
            return null;
        }
        return JsonCodec.FACTORY.createParser(buf, lineStart, len);
    }

    /** Byte {@code i} of the current line, for {@code 0 <= i < length()}. */
    public byte byteAt(int i) {
        return buf[lineStart + i];
    }

    /** A copy of bytes {@code [from, to)} of the current line. */
    public byte[] copyOfRange(int from, int to) {
        return Arrays.copyOfRange(buf, lineStart + from, lineStart + to);
    }

    /** Parses one decoded line as {@link JsonlReader} always has, with its error message. */
    JsonNode parseText(String line) throws CorpusFormatException {
        try {
            return JsonCodec.Trees.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new CorpusFormatException(new Location(fileName, lineNumber, Math.max(column, 0)), null,
                    JsonCodec.describe(e) + "; expected one JSON object per line", e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public String toString() {
        return "JsonlLines[" + fileName + ":" + lineNumber + "]";
    }
}
