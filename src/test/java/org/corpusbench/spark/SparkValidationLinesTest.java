package org.corpusbench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.corpusbench.format.jsonl.JsonlLines;

/**
 * A JSONL file cut into parts ({@link JsonlParts}) gives, part after part, exactly the lines of reading it in
 * one piece: the same line numbers, byte offsets, bytes and byte order mark, whatever the cut (issue 16). The
 * files are random bytes rich in line feeds, carriage returns, byte order marks and invalid UTF-8; the parts
 * are numbered from the counts of a first pass, as the validation on Spark numbers them.
 */
class SparkValidationLinesTest {

    private static final FileSystem LOCAL;

    static {
        try {
            LOCAL = FileSystem.getLocal(new Configuration());
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One line as a reader gives it. */
    record Line(long number, long offset, String bytes, String decoded) {
        static Line of(JsonlLines r) {
            String decoded;
            try {
                decoded = r.decode();
            } catch (org.corpusbench.diagnostic.CorpusFormatException e) {
                decoded = e.getMessage();
            }
            return new Line(r.lineNumber(), r.lineStartOffset(), Arrays.toString(r.copyOfRange(0, r.length())),
                    decoded);
        }
    }

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<byte[]> piece = Arbitraries.oneOf(
                Arbitraries.just(new byte[] {'\n'}), Arbitraries.just(new byte[] {'\r', '\n'}),
                Arbitraries.just(new byte[] {'\r'}), Arbitraries.just(new byte[] {(byte) 0xEF, (byte) 0xBB,
                    (byte) 0xBF}), Arbitraries.just(new byte[] {(byte) 0xC3, 0x28}),
                Arbitraries.just("{\"id\":\"d\u00e9\",\"text\":\"\uD83D\uDE80\"}".getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().map(b -> new byte[] {b}),
                Arbitraries.strings().ofMaxLength(12).map(s -> s.getBytes(StandardCharsets.UTF_8)));
        return piece.list().ofMaxSize(40).map(ps -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ps.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    @Property(tries = 300)
    void partsGiveTheLinesOfTheWholeFile(@ForAll("files") byte[] content, @ForAll @IntRange(min = 1, max = 80) int
            partBytes) throws IOException {
        Path dir = Files.createTempDirectory("cb-parts");
        try {
            Path file = dir.resolve("a.jsonl");
            Files.write(file, content);
            List<Line> whole = new ArrayList<>();
            boolean bom;
            try (JsonlLines r = JsonlLines.open(file)) {
                while (r.next()) {
                    whole.add(Line.of(r));
                }
                bom = r.hadByteOrderMark();
            }

            List<JsonlParts.Part> parts = JsonlParts.cut(List.of(new JsonlParts.InputFile(file.toString(),
                    file.toUri().toString(), content.length)), partBytes);
            List<Line> inParts = new ArrayList<>();
            long before = 0;
            boolean partsBom = false;
            for (JsonlParts.Part p : parts) {
                JsonlParts.Read counted = JsonlParts.read(LOCAL, p, 0, l -> { });
                List<Line> got = new ArrayList<>();
                JsonlParts.Read read = JsonlParts.read(LOCAL, p, before, l -> got.add(Line.of(l)));
                assertThat(read).isEqualTo(counted);
                assertThat(got).hasSize((int) read.lines());
                inParts.addAll(got);
                before += read.lines();
                partsBom |= read.byteOrderMark();
                if (read.byteOrderMark()) {
                    assertThat(p.start()).as("only the part that starts the file says so").isZero();
                }
            }
            assertThat(inParts).isEqualTo(whole);
            // an empty file but for its mark has no line: the mark is not said by anyone, and the validator
            // says it from the count pass only when a part starts the file
            assertThat(partsBom).isEqualTo(bom);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    @Example
    void aPartThatStartsInsideALongLineHoldsTheNextLine() throws IOException {
        Path dir = Files.createTempDirectory("cb-parts");
        Path file = dir.resolve("b.jsonl");
        // line 1: bytes 0-9 and its LF at 10; line 2 from 11: "xy\r\n" (13, 14); line 3 from 15: "z"
        Files.write(file, "0123456789\nxy\r\nz".getBytes(StandardCharsets.US_ASCII));
        try {
            JsonlParts.Part middle = new JsonlParts.Part(1, 0, "b.jsonl", file.toUri().toString(), 5, 12);
            List<Line> got = new ArrayList<>();
            JsonlParts.Read read = JsonlParts.read(LOCAL, middle, 1, l -> got.add(Line.of(l)));
            assertThat(read.lines()).isEqualTo(1);
            assertThat(got).containsExactly(new Line(2, 11, Arrays.toString("xy".getBytes(StandardCharsets.US_ASCII)),
                    "xy"));
        } finally {
            Files.delete(file);
            Files.delete(dir);
        }
    }
}
