package org.corpusbench.format.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.Utf8LineReader;

/**
 * The byte-level line reader reads and reports exactly what the String-based reading did
 * ({@link Utf8LineReader} then {@code ObjectMapper.readTree(String)}), and its shortcuts (UTF-8 check,
 * parsing bytes) agree with the JDK and with Jackson's char-based parser.
 */
class JsonlLinesTest {

    private static final ObjectMapper MAPPER = org.corpusbench.PlainJson.MAPPER;

    // ------------------------------------------------------------------ generators

    /** Byte snippets that hit the interesting cases of UTF-8, JSON and line splitting. */
    private static final byte[][] PIECES = {
        bytes("{\"id\":\"d1\",\"text\":\"x\"}"), bytes("{\"doc_id\":\"d\",\"entities\":[],\"timexes\":[]}"),
        bytes("{"), bytes("}"), bytes("["), bytes("]"), bytes("\""), bytes(":"), bytes(","), bytes("\\"),
        bytes("\\u00e9"), bytes("\\ud83d"), bytes("\\ude80"), bytes("\\n"), bytes("1.0"), bytes("-1"), bytes("1e400"),
        bytes("123456789012345678901234567890"), bytes("true"), bytes("null"), bytes("nope"), bytes("\"k\":"),
        bytes(" "), bytes("\t"), bytes("\n"), bytes("\r\n"), bytes("\r"), bytes("\u000B"), bytes("\u001C"),
        bytes("\u2028"), bytes("\u00A0"), bytes("\u3000"), bytes("é"), bytes("’"), bytes("\uD83D\uDE80"), bytes("Л"),
        {0}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE},
        {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE0, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0x9F, (byte) 0xBF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
        {(byte) 0xF0, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xFF}, {'{', 0, '}', 0}, {'{', 0},
    };

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<byte[]> inputs() {
        Arbitrary<byte[]> piece = Arbitraries.oneOf(Arbitraries.of(PIECES),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(6),
                Arbitraries.strings().all().ofMaxLength(4).map(JsonlLinesTest::bytes));
        return piece.list().ofMaxSize(40).map(JsonlLinesTest::concat);
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A stream that hands out at most a few bytes per read, and sometimes none. */
    private static InputStream trickle(byte[] data, long seed) {
        Random random = new Random(seed);
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < data.length ? data[pos++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= data.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, random.nextInt(5)), data.length - pos);
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    // ------------------------------------------------------------------ UTF-8

    @Property(tries = 2000)
    void utf8CheckAgreesWithTheJdkDecoder(@ForAll("inputs") byte[] in) {
        boolean jdk;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in));
            jdk = true;
        } catch (CharacterCodingException e) {
            jdk = false;
        }
        assertThat(JsonlLines.isWellFormedUtf8(in, 0, in.length)).isEqualTo(jdk);
    }

    @Property(tries = 500)
    void utf8CheckAgreesOnRandomBytes(@ForAll byte[] in) {
        utf8CheckAgreesWithTheJdkDecoder(in);
    }

    @Property(tries = 500)
    void newlineScanAgreesWithALoop(@ForAll("inputs") byte[] in, @ForAll @IntRange(max = 7) int from) {
        int start = Math.min(from, in.length);
        int nl = -1;
        for (int i = start; i < in.length && nl < 0; i++) {
            if (in[i] == '\n') {
                nl = i;
            }
        }
        boolean highBeforeNewline = false;
        for (int i = start; i < (nl < 0 ? in.length : nl); i++) {
            highBeforeNewline |= in[i] < 0;
        }
        JsonlLines lines = new JsonlLines(new ByteArrayInputStream(in), "f.jsonl");
        assertThat(lines.indexOfNewline(in, start, in.length)).isEqualTo(nl);
        assertThat((lines.scannedBits() & 0x8080808080808080L) != 0).isEqualTo(highBeforeNewline);
    }

    // ------------------------------------------------------------------ lines and records

    /** What reading gave for one line: the line number and the node, or the error. */
    private record Outcome(long line, String result) {
    }

    /** The old way: every line decoded to a String, blank ones skipped, the rest parsed. */
    private static List<Outcome> oldWay(byte[] in) throws IOException {
        List<Outcome> out = new ArrayList<>();
        try (Utf8LineReader r = new Utf8LineReader(new ByteArrayInputStream(in), "f.jsonl")) {
            while (true) {
                String line;
                try {
                    line = r.readLine();
                } catch (CorpusFormatException e) {
                    out.add(new Outcome(r.lineNumber(), e.getMessage()));
                    continue;
                }
                if (line == null) {
                    out.add(new Outcome(-1, "bom=" + r.hadByteOrderMark()));
                    return out;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(new Outcome(r.lineNumber(), MAPPER.readTree(line).toString()));
                } catch (JsonProcessingException e) {
                    long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
                    out.add(new Outcome(r.lineNumber(), new Location("f.jsonl", r.lineNumber(), Math.max(column, 0))
                            + ": " + JsonCodec.describe(e) + "; expected one JSON object per line"));
                }
            }
        }
    }

    private static List<Outcome> newWay(InputStream in, int bufferSize) throws IOException {
        List<Outcome> out = new ArrayList<>();
        try (JsonlLines r = new JsonlLines(in, "f.jsonl", bufferSize)) {
            while (r.next()) {
                try {
                    r.checkUtf8();
                    if (r.isBlank()) {
                        continue;
                    }
                    out.add(new Outcome(r.lineNumber(), r.parse().toString()));
                } catch (CorpusFormatException e) {
                    out.add(new Outcome(r.lineNumber(), e.getMessage()));
                }
            }
            out.add(new Outcome(-1, "bom=" + r.hadByteOrderMark()));
        }
        return out;
    }

    @Property(tries = 1500)
    void readsAndReportsExactlyAsTheStringReader(@ForAll("inputs") byte[] in, @ForAll boolean bom,
            @ForAll @IntRange(min = 1, max = 64) int bufferSize, @ForAll long seed) throws IOException {
        byte[] data = bom ? concat(List.of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, in)) : in;
        List<Outcome> expected = oldWay(data);
        assertThat(newWay(new ByteArrayInputStream(data), bufferSize)).isEqualTo(expected);
        assertThat(newWay(trickle(data, seed), bufferSize)).isEqualTo(expected);
        assertThat(newWay(new ByteArrayInputStream(data), 1 << 20)).isEqualTo(expected);
    }

    /**
     * The lines of {@link JsonlLines#nextChunk} chunks, each read with a reader of its own, as the validator's
     * threads read them (issue 15): line numbers, byte offsets, results and errors as in {@link #newWay}.
     */
    private static List<Outcome> chunked(InputStream in, int bufferSize, int chunkBytes) throws IOException {
        List<Outcome> out = new ArrayList<>();
        try (JsonlLines r = new JsonlLines(in, "f.jsonl", bufferSize)) {
            for (JsonlLines c = r.nextChunk(chunkBytes); c != null; c = r.nextChunk(chunkBytes)) {
                boolean any = false;
                while (c.next()) {
                    any = true;
                    try {
                        c.checkUtf8();
                        if (c.isBlank()) {
                            continue;
                        }
                        out.add(new Outcome(c.lineNumber(), c.lineStartOffset() + " " + c.parse().toString()));
                    } catch (CorpusFormatException e) {
                        out.add(new Outcome(c.lineNumber(), e.getMessage()));
                    }
                }
                assertThat(any).as("a chunk holds at least one line").isTrue();
            }
            assertThat(r.next()).as("nothing is left after the last chunk").isFalse();
            out.add(new Outcome(-1, "bom=" + r.hadByteOrderMark()));
        }
        return out;
    }

    /** {@link #newWay} with the byte offset of each parsed line, which the chunks must keep too. */
    private static List<Outcome> withOffsets(byte[] in) throws IOException {
        List<Outcome> out = new ArrayList<>();
        try (JsonlLines r = new JsonlLines(new ByteArrayInputStream(in), "f.jsonl", 1 << 20)) {
            while (r.next()) {
                try {
                    r.checkUtf8();
                    if (r.isBlank()) {
                        continue;
                    }
                    out.add(new Outcome(r.lineNumber(), r.lineStartOffset() + " " + r.parse().toString()));
                } catch (CorpusFormatException e) {
                    out.add(new Outcome(r.lineNumber(), e.getMessage()));
                }
            }
            out.add(new Outcome(-1, "bom=" + r.hadByteOrderMark()));
        }
        return out;
    }

    @Property(tries = 1500)
    void chunksReadExactlyAsLineByLine(@ForAll("inputs") byte[] in, @ForAll boolean bom,
            @ForAll @IntRange(min = 1, max = 64) int bufferSize, @ForAll @IntRange(min = 1, max = 200) int chunkBytes,
            @ForAll long seed) throws IOException {
        byte[] data = bom ? concat(List.of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, in)) : in;
        List<Outcome> expected = withOffsets(data);
        assertThat(chunked(new ByteArrayInputStream(data), bufferSize, chunkBytes)).isEqualTo(expected);
        assertThat(chunked(trickle(data, seed), bufferSize, chunkBytes)).isEqualTo(expected);
        assertThat(chunked(new ByteArrayInputStream(data), 1 << 20, 1 << 20)).isEqualTo(expected);
    }

    @Property(tries = 500)
    void newlineCountAgreesWithALoop(@ForAll("inputs") byte[] in, @ForAll byte[] random) {
        for (byte[] bytes : List.of(in, random)) {
            long n = 0;
            for (byte b : bytes) {
                n += b == '\n' ? 1 : 0;
            }
            assertThat(JsonlLines.countNewlines(bytes)).isEqualTo(n);
        }
    }

    @Property(tries = 300)
    void jsonlReaderGivesTheSameRecordsAndErrors(@ForAll("inputs") byte[] in) throws IOException {
        List<Outcome> expected = oldWay(in);
        List<Outcome> actual = new ArrayList<>();
        try (JsonlReader r = new JsonlReader(new ByteArrayInputStream(in), "f.jsonl")) {
            while (true) {
                try {
                    JsonlReader.JsonLine l = r.next();
                    if (l == null) {
                        actual.add(new Outcome(-1, "bom=" + r.hadByteOrderMark()));
                        break;
                    }
                    actual.add(new Outcome(l.location().line(), l.node().toString()));
                } catch (CorpusFormatException e) {
                    actual.add(new Outcome(e.location().line(), e.getMessage()));
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * Whenever Jackson parses the bytes of a line (the shortcut), parsing the decoded line succeeds
     * too, with an equal tree: the shortcut never accepts what the String parser rejects.
     */
    @Property(tries = 3000)
    void parsingBytesNeverDiffersFromParsingText(@ForAll("jsonish") byte[] line) throws IOException {
        try (JsonlLines r = new JsonlLines(new ByteArrayInputStream(line), "f.jsonl", 16)) {
            if (!r.next() || !r.isUtf8()) {
                return;
            }
            JsonNode fast = r.parseBytes();
            if (fast != null) {
                assertThat(MAPPER.readTree(r.decode())).isEqualTo(fast);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> jsonish() {
        Arbitrary<byte[]> piece = Arbitraries.oneOf(Arbitraries.of(PIECES).filter(p -> p.length == 0 || p[0] != '\n'),
                Arbitraries.of("\"a\"", "\"b\":", "{\"a\":", "[", "]", "}", ",", "0", "-0", "01", "1.5e3", ".5", "\"\\u0000\"",
                        "\"\t\"", "\"\\x\"", "NaN", "//", "/*", "'a'", "\"" + "n".repeat(300) + "\"").map(JsonlLinesTest::bytes));
        return piece.list().ofMaxSize(25).map(l -> {
            List<byte[]> withBrace = new ArrayList<>();
            withBrace.add(new byte[] {'{'});
            withBrace.addAll(l);
            return concat(withBrace);
        });
    }

    // ------------------------------------------------------------------ examples

    @Example
    void utf16LookingLineIsNotTakenForUtf16() throws IOException {
        // Jackson's byte parser would detect UTF-16LE in "{\0}\0"; the String parser rejects the NUL.
        byte[] in = {'{', 0, '}', 0, '\n'};
        assertThat(newWay(new ByteArrayInputStream(in), 8)).isEqualTo(oldWay(in));
        assertThat(newWay(new ByteArrayInputStream(in), 8).get(0).result()).contains("malformed JSON");
    }

    @Example
    void byteOrderMarkInsideTheFileIsAnErrorAsBefore() throws IOException {
        byte[] in = concat(List.of(bytes("{}\n"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("{}\n")));
        List<Outcome> out = newWay(new ByteArrayInputStream(in), 4);
        assertThat(out).isEqualTo(oldWay(in));
        assertThat(out.get(1).result()).contains("malformed JSON");
    }

    @Example
    void longLinesAcrossManyRefills() throws IOException {
        String text = "é🚀x".repeat(5000);
        byte[] in = bytes("{\"id\":\"a\",\"text\":\"" + text + "\"}\r\n\n{\"id\":\"b\",\"text\":\"\"}");
        try (JsonlLines r = new JsonlLines(new ByteArrayInputStream(in), "f.jsonl", 3)) {
            assertThat(r.next()).isTrue();
            assertThat(r.parse().get("text").textValue()).isEqualTo(text);
            assertThat(r.next()).isTrue();
            assertThat(r.isBlank()).isTrue();
            assertThat(r.next()).isTrue();
            assertThat(r.lineNumber()).isEqualTo(3);
            assertThat(r.lineStartOffset()).isEqualTo(in.length - bytes("{\"id\":\"b\",\"text\":\"\"}").length);
            assertThat(r.next()).isFalse();
        }
    }
}
