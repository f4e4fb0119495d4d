package org.corpusbench.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;

/**
 * Reads a UTF-8 stream line by line, strictly: an invalid byte sequence is an error that names the line
 * and the byte offset in the file, never a replacement character. A leading byte order mark is skipped
 * and reported through {@link #hadByteOrderMark()}. Lines end at LF; a CR before it is dropped.
 */
public final class Utf8LineReader implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final String fileName;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private long bufferStartOffset;
    private long lineNumber;
    private long lineStartOffset;
    private boolean bom;
    private boolean started;
    private byte[] line = new byte[256];

    public Utf8LineReader(InputStream in, String fileName) {
        this.in = in;
        this.fileName = fileName;
    }

    /** The next line without its terminator, or {@code null} at end of input. */
    public String readLine() throws IOException {
        if (!started) {
            started = true;
            fill();
            if (limit - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB
                    && (buf[pos + 2] & 0xFF) == 0xBF) {
                bom = true;
                pos += 3;
            }
        }
        lineStartOffset = bufferStartOffset + pos;
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            byte b = buf[pos++];
            if (b == '\n') {
                break;
            }
            if (len == line.length) {
                line = Arrays.copyOf(line, len * 2);
            }
            line[len++] = b;
        }
        lineNumber++;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        return decode(line, len);
    }

    /** 1-based number of the line last returned. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Byte offset in the file at which the line last returned starts. */
    public long lineStartOffset() {
        return lineStartOffset;
    }

    public boolean hadByteOrderMark() {
        return bom;
    }

    private boolean fill() throws IOException {
        bufferStartOffset += limit;
        pos = 0;
        limit = 0;
        int n;
        while ((n = in.read(buf, 0, BUFFER)) == 0) {
            // keep reading; a stream may return 0 before data is ready
        }
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }

    private String decode(byte[] bytes, int len) throws CorpusFormatException {
        ByteBuffer input = ByteBuffer.wrap(bytes, 0, len);
        CharBuffer out = CharBuffer.allocate(len);
        decoder.reset();
        CoderResult r = decoder.decode(input, out, true);
        if (r.isError()) {
            long at = lineStartOffset + input.position();
            throw new CorpusFormatException(Location.of(fileName, lineNumber), null,
                    invalidMessage(at, bytes[input.position()]));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /**
     * What an invalid sequence is reported as, wherever UTF-8 is checked line by line (this reader, and the
     * byte-level tag scorer that checks lines without decoding them): the offset in the file and the byte.
     */
    public static String invalidMessage(long offset, byte b) {
        return "invalid UTF-8 at byte offset " + offset + " (byte 0x"
                + String.format(java.util.Locale.ROOT, "%02X", b & 0xFF) + "): expected UTF-8 text; re-encode the "
                + "file as UTF-8";
    }

    /**
     * The index of the first byte of {@code b[from, to)} where no well-formed UTF-8 sequence starts, or -1 when
     * all of it is well formed: the position at which this reader's decoder reports malformed input (the lead
     * byte of a bad or truncated sequence; encoded surrogates, overlong forms and code points above U+10FFFF are
     * malformed), found without decoding, for readers that look at bytes only.
     */
    public static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= to) {
                    return i;
                }
                int d = b[i + k] & 0xFF;
                if (k == 1 ? d < lo || d > hi : d < 0x80 || d > 0xBF) {
                    return i;
                }
            }
            i += n + 1;
        }
        return -1;
    }

    /** Decodes a whole byte array strictly, naming the byte offset of the first invalid sequence. */
    public static String decodeStrict(byte[] bytes, String fileName) throws CorpusFormatException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        try {
            return d.decode(input).toString();
        } catch (CharacterCodingException e) {
            ByteBuffer probe = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length);
            d.reset();
            d.decode(probe, out, true);
            long at = probe.position();
            long line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new CorpusFormatException(Location.of(fileName, line), null,
                    "invalid UTF-8 at byte offset " + at + ": expected UTF-8 text; re-encode the file as UTF-8", e);
        }
    }

    /**
     * The located error for {@code file}, which a decoder has just refused ({@code cause}): reads it again
     * with this reader to find the line and byte offset of the first invalid sequence. For readers that
     * decode through a {@link java.io.Reader} (the CSV parser) and so learn of bad input only as a
     * {@link java.nio.charset.MalformedInputException} without a position; the check costs nothing until
     * then. Should the file read cleanly now (it changed), the error names only the file.
     */
    public static CorpusFormatException locateInvalid(Path file, String fileName, IOException cause) {
        try (Utf8LineReader r = new Utf8LineReader(Files.newInputStream(file), fileName)) {
            while (r.readLine() != null) {
                // the first bad line throws
            }
        } catch (CorpusFormatException e) {
            return new CorpusFormatException(e.location(), e.field(), e.originalMessage(), cause);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        return new CorpusFormatException(Location.ofFile(fileName), null,
                "invalid UTF-8: expected UTF-8 text; re-encode the file as UTF-8", cause);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
