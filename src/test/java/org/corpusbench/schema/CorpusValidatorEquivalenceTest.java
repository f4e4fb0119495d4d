package org.corpusbench.schema;

import org.corpusbench.diagnostic.Diagnostic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.ModelArbitraries;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;

/**
 * The validator gives exactly the diagnostics of the original one ({@link ReferenceCorpusValidator}:
 * every line decoded to a String and parsed twice, networknt on every record, offsets walked from the
 * start of the text), in the same order, sorted and as emitted, with and without the schema fast path,
 * on one thread and on several with chunks of any size (issue 15), on random corpora damaged at the level
 * of records, lines, bytes and files.
 */
class CorpusValidatorEquivalenceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Corpus(List<Document> docs, List<DocumentAnnotations> annotations, List<Contradiction> contradictions,
                  List<NliPair> nli) {
    }

    @Provide
    Arbitrary<Corpus> corpora() {
        return ModelArbitraries.documents().filter(d -> d.text().codePointCount(0, d.text().length()) > 2)
                .list().ofMinSize(1).ofMaxSize(4).flatMap(docs -> {
                    Arbitrary<List<DocumentAnnotations>> anns = Combinators.combine(
                            docs.stream().map(ModelArbitraries::annotations).toList()).as(l -> l);
                    Arbitrary<List<Contradiction>> cs = ModelArbitraries.contradictions(docs.get(0),
                            docs.get(docs.size() - 1)).list().ofMaxSize(2);
                    Arbitrary<List<NliPair>> ps = ModelArbitraries.nliPairs(docs.get(docs.size() - 1)).list()
                            .ofMaxSize(2);
                    return Combinators.combine(anns, cs, ps).as((a, c, p) -> new Corpus(docs, a, c, p));
                });
    }

    // ------------------------------------------------------------------ damage

    private static final byte[][] BAD_BYTES = {
        {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {0},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    };

    private static final String[] ODD_LINES = {"", " ", "\t", "\u000B", "\u2028", "\u00A0", "\u3000 ", "[1,2]", "42",
        "\"s\"", "null", "{}", "{\"doc_id\"", "{\"doc_id\":\"x\"", "{\"premise\":1}", "{\"hypothesis\":{}}",
        "{\"id\":\"z\",\"label\":\"neutral\"}", "{\"id\":\"z\",\"label\":\"maybe\"}", "{\"a\":{},\"b\":{}}", "not json",
        "{\"id\":\"q\",\"text\":\"\"", "{\"id\":\"\",\"text\":\"t\",\"sha256\":\"x\"}"};

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One record line, maybe damaged as a tree and then as bytes. */
    private static byte[] line(Object record, Random r) throws IOException {
        String json = JsonCodec.toJson(record);
        int damage = r.nextInt(6);
        if (damage < 3) {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
            if (damage < 2) {
                RecordMutator.mutate(tree, r);
            } else {
                RecordMutator.mutateSemantics(tree, r);
            }
            json = MAPPER.writeValueAsString(tree);
        }
        byte[] b = utf8(json);
        if (r.nextInt(6) != 0) {
            return b;
        }
        return switch (r.nextInt(9)) {
            case 0 -> Arrays.copyOf(b, r.nextInt(b.length + 1));
            case 1 -> insert(b, r.nextInt(b.length + 1), BAD_BYTES[r.nextInt(BAD_BYTES.length)]);
            case 2 -> concat(utf8(r.nextBoolean() ? "  " : "\t"), b);
            case 3 -> concat(b, utf8(r.nextBoolean() ? " }" : " trailing"));
            case 4 -> json.getBytes(StandardCharsets.UTF_16LE);
            case 5 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b);
            case 6 -> utf8(json.replaceFirst("\"text\":\"", "\"text\":\"\\\\ud83d"));
            case 7 -> utf8(json.replaceFirst("\"text\":\"", "\"text\":\"\\\\ude80\\\\ud83d\\\\ude80"));
            default -> utf8(ODD_LINES[r.nextInt(ODD_LINES.length)]);
        };
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(what);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return insert(a, a.length, b);
    }

    private static void writeFile(Path file, List<byte[]> lines, Random r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (r.nextInt(10) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        boolean crlf = r.nextInt(5) == 0;
        for (int i = 0; i < lines.size(); i++) {
            if (r.nextInt(12) == 0) {
                out.writeBytes(utf8(ODD_LINES[r.nextInt(4)]));
                out.write('\n');
            }
            out.writeBytes(lines.get(i));
            if (i + 1 < lines.size() || r.nextInt(4) != 0) {
                if (crlf) {
                    out.write('\r');
                }
                out.write('\n');
            }
        }
        Files.write(file, out.toByteArray());
    }

    /** Writes the corpus, damaged per {@code seed}, and returns the paths to validate. */
    static List<Path> write(Path dir, Corpus c, long seed) throws IOException {
        Random r = new Random(seed);
        List<byte[]> docs = new ArrayList<>();
        for (Document d : c.docs()) {
            docs.add(line(d, r));
        }
        List<byte[]> anns = new ArrayList<>();
        for (DocumentAnnotations a : c.annotations()) {
            anns.add(line(a, r));
        }
        if (r.nextInt(4) == 0 && !anns.isEmpty()) {
            anns.add(anns.get(r.nextInt(anns.size())));
        }
        List<byte[]> others = new ArrayList<>();
        for (Contradiction x : c.contradictions()) {
            others.add(line(x, r));
        }
        for (NliPair x : c.nli()) {
            others.add(line(x, r));
        }
        if (r.nextInt(4) == 0 && !others.isEmpty()) {
            others.add(others.get(r.nextInt(others.size())));
        }
        if (r.nextInt(6) == 0) {
            docs.add(docs.get(r.nextInt(docs.size())));
        }
        if (r.nextInt(4) == 0) {
            // documents and other records in one file
            List<byte[]> mixed = new ArrayList<>(anns);
            mixed.add(r.nextInt(mixed.size() + 1), docs.remove(docs.size() - 1));
            anns = mixed;
        }
        writeFile(dir.resolve("documents.jsonl"), docs, r);
        writeFile(dir.resolve("annotations.jsonl"), anns, r);
        if (!others.isEmpty()) {
            writeFile(dir.resolve(r.nextBoolean() ? "contradictions.jsonl" : "more.jsonl"), others, r);
        }
        if (r.nextInt(8) == 0) {
            Files.writeString(dir.resolve("extra.txt"), "A text document.\n", StandardCharsets.UTF_8);
        }
        List<Path> paths = new ArrayList<>();
        paths.add(dir);
        if (r.nextInt(8) == 0) {
            paths.add(dir.resolve("documents.jsonl"));
        }
        if (r.nextInt(12) == 0) {
            paths.add(dir.resolve("missing.jsonl"));
        }
        return paths;
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void sameDiagnosticsAsTheOriginalValidator(@ForAll("corpora") Corpus c, @ForAll long seed) throws IOException {
        Path dir = Files.createTempDirectory("cb-equiv");
        try {
            List<Path> paths = write(dir, c, seed);
            for (CorpusValidator.Role role : CorpusValidator.Role.values()) {
                List<Diagnostic> expected = ReferenceCorpusValidator.validate(paths, role);
                assertThat(CorpusValidator.validate(paths, role)).as(role.toString()).isEqualTo(expected);
                assertThat(CorpusValidator.check(paths, role, false).diagnostics()).as(role + ", networknt only")
                        .isEqualTo(expected);

                Random r = new Random(seed);
                int chunk = 1 + r.nextInt(r.nextBoolean() ? 40 : 4000);
                assertThat(CorpusValidator.check(paths, role, true, 2, chunk).diagnostics())
                        .as(role + ", two threads, chunks of " + chunk + " bytes").isEqualTo(expected);
                assertThat(CorpusValidator.check(paths, role, true, 1, chunk).diagnostics())
                        .as(role + ", one thread").isEqualTo(expected);

                List<Diagnostic> emittedBefore = new ArrayList<>();
                new ReferenceCorpusValidator(role, emittedBefore::add).run(paths);
                List<Diagnostic> emitted = new ArrayList<>();
                new CorpusValidator(role, emitted::add).run(paths);
                assertThat(emitted).as(role + ", as emitted").isEqualTo(emittedBefore);
                List<Diagnostic> emittedByThreads = new ArrayList<>();
                new CorpusValidator(role, emittedByThreads::add, true, 3, chunk).run(paths);
                assertThat(emittedByThreads).as(role + ", as emitted by three threads").isEqualTo(emittedBefore);
            }
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void cleanCorporaStayClean(@ForAll("corpora") Corpus c) throws IOException {
        Path dir = Files.createTempDirectory("cb-clean");
        try {
            Files.write(dir.resolve("documents.jsonl"), lines(c.docs()));
            Files.write(dir.resolve("annotations.jsonl"), lines(c.annotations()));
            // ids of generated records may collide across documents; the reference decides what that means
            List<Path> paths = List.of(dir);
            assertThat(CorpusValidator.validate(paths, CorpusValidator.Role.GOLD))
                    .isEqualTo(ReferenceCorpusValidator.validate(paths, CorpusValidator.Role.GOLD));
        } finally {
            delete(dir);
        }
    }

    private static List<String> lines(List<?> records) {
        return records.stream().map(JsonCodec::toJson).toList();
    }

    @Example
    void checkCountsFilesRecordsAndBytes() throws IOException {
        Path dir = Files.createTempDirectory("cb-count");
        try {
            String doc = "{\"id\":\"d1\",\"text\":\"Minsk \uD83D\uDE80.\",\"sha256\":\"" + "0".repeat(64) + "\"}";
            String ann = "{\"doc_id\":\"d1\",\"entities\":[{\"start\":0,\"end\":5,\"text\":\"Minsk\",\"type\":\"GPE\"}],"
                    + "\"timexes\":[]}";
            Files.writeString(dir.resolve("documents.jsonl"), doc + "\n\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("annotations.jsonl"), ann + "\n" + ann.replace("\"end\":5", "\"end\":6")
                    + "\n", StandardCharsets.UTF_8);
            CorpusValidator.Summary s = CorpusValidator.check(List.of(dir), CorpusValidator.Role.GOLD);
            assertThat(s.files()).isEqualTo(2);
            assertThat(s.records()).isEqualTo(3);
            assertThat(s.bytes()).isEqualTo(Files.size(dir.resolve("documents.jsonl"))
                    + Files.size(dir.resolve("annotations.jsonl")));
            assertThat(s.valid()).isFalse();
            assertThat(s.diagnostics()).isNotEmpty().allSatisfy(d -> assertThat(d.location().line()).isEqualTo(2));
            assertThat(s.diagnostics()).isEqualTo(ReferenceCorpusValidator.validate(List.of(dir),
                    CorpusValidator.Role.GOLD));
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
