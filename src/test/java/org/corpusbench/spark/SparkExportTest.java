package org.corpusbench.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.corpusbench.diagnostic.InvalidInputException;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.format.Corpus;
import org.corpusbench.format.hf.HuggingFace;
import org.corpusbench.format.registry.CorpusFormat;
import org.corpusbench.format.registry.WriteOptions;
import org.corpusbench.schema.EntityTypes;
import org.corpusbench.tags.TagScheme;

/**
 * An export on Spark writes, part by part, what {@code corpusbench export} writes for the whole corpus (issue
 * 16): for random corpora made from the release's gold (documents copied under new ids, kept or dropped,
 * shuffled, with their annotations, contradictions and NLI pairs) x formats x 1-6 parts (or the automatic
 * number), the parts' files
 * concatenated in part order (CSV: headers after the first part's left out; Label Studio: the arrays'
 * elements) or, for per-document files, taken together, equal the single-machine export's. Refusals leave
 * nothing behind.
 */
class SparkExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");
    private static final List<CorpusFormat> FORMATS = List.of(CorpusFormat.CONLL, CorpusFormat.CSV, CorpusFormat.NLI,
            CorpusFormat.DOCCANO, CorpusFormat.WEBANNO, CorpusFormat.BRAT, CorpusFormat.LABELSTUDIO,
            CorpusFormat.TIMEML, CorpusFormat.HF);

    /** The English tokenisation, loaded once. */
    private static WriteOptions english;

    private static synchronized WriteOptions english() {
        if (english == null) {
            english = WriteOptions.english("");
        }
        return english;
    }

    @Property(tries = 14, edgeCases = EdgeCasesMode.NONE)
    void partsTogetherAreTheSingleMachineExport(@ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int parts,
                                                @ForAll @IntRange(min = 0, max = 8) int formatIndex)
            throws IOException {
        checkExport(FORMATS.get(formatIndex), seed, parts);
    }

    /** A part without a document of its own (5 parts here): timeml writes no file there, and the part is empty. */
    @Example
    void aPartWithoutADocumentIsAnEmptyPart() throws IOException {
        checkExport(CorpusFormat.TIMEML, -957, 5);
    }

    @Example
    void everyFormatInThreeParts() throws IOException {
        for (CorpusFormat format : FORMATS) {
            checkExport(format, 42, 3);
        }
    }

    private static void checkExport(CorpusFormat format, long seed, int parts) throws IOException {
        Path dir = Files.createTempDirectory("cb-spark-export");
        try {
            Path corpus = Files.createDirectory(dir.resolve("corpus"));
            Random r = new Random(seed);
            writeCorpus(corpus, r);
            boolean conll4 = format == CorpusFormat.CONLL && r.nextBoolean();
            TagScheme scheme = format == CorpusFormat.CONLL && r.nextBoolean() ? TagScheme.IOBES : TagScheme.IOB2;

            GoldCorpus gold = GoldCorpus.read(corpus);
            Corpus whole = new Corpus(List.copyOf(gold.documents().values()), gold.annotations(),
                    gold.contradictions(), gold.nliPairs());
            // timeml: every document dated by --dct, or none (--allow-missing-dct); the release's have no own date
            LocalDate dct = r.nextBoolean() ? LocalDate.of(2024, 1 + r.nextInt(12), 1 + r.nextInt(28)) : null;
            Map<String, LocalDate> dates = new HashMap<>();
            whole.documents().forEach(d -> dates.put(d.id(), dct));
            // hf: a card that declares a license and languages, or nothing
            HuggingFace.Card card = r.nextBoolean() ? HuggingFace.Card.UNKNOWN
                    : new HuggingFace.Card("cc-by-4.0", List.of("en", "be"));
            Path expected = dir.resolve("expected");
            format.write(whole, expected, english().withName("oreshnik").withScheme(scheme)
                    .withLabel(conll4 ? EntityTypes::toConll4 : s -> s).withCreationDates(dates).withCard(card));

            Path out = dir.resolve("out");
            SparkExport.Result result = SparkExport.export(LocalSpark.session(), List.of(corpus.toString()), format,
                    out.toString(), new SparkExport.Options("oreshnik", scheme, conll4, parts, false)
                            .withDates(new SparkExport.CreationDateOptions(dct, null, dct == null, "documents.jsonl"))
                            .withCard(SparkExport.CardOptions.of(card)));
            int n = result.parts().size();
            if (parts > 0) {
                assertThat(n).isEqualTo(parts);
            } else {
                // a corpus far below a part's bytes: one part per core
                assertThat(n).as("automatic").isEqualTo(LocalSpark.session().sparkContext().defaultParallelism());
            }
            assertThat(result.documents()).isEqualTo(whole.documents().size());
            try (Stream<Path> s = Files.list(out)) {
                assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                        .isEqualTo(result.parts().stream().map(p -> Path.of(p).getFileName().toString()).toList());
            }
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.map(p -> p.getFileName().toString())).as("no staging left")
                        .containsExactlyInAnyOrder("corpus", "expected", "out");
            }
            assertSameExport(format, expected, out, n);
        } finally {
            SparkValidationTest.delete(dir);
        }
    }

    /** Per file of the single-machine export: what the parts hold of it. */
    private static void assertSameExport(CorpusFormat format, Path expected, Path out, int parts) throws IOException {
        Map<String, byte[]> want = files(expected);
        List<Map<String, byte[]>> got = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            got.add(files(out.resolve(SparkExport.partName(k))));
        }
        Set<String> names = new TreeSet<>();
        got.forEach(m -> names.addAll(m.keySet()));
        assertThat(names).as("the files of the parts").isEqualTo(want.keySet());
        for (Map.Entry<String, byte[]> e : want.entrySet()) {
            String name = e.getKey();
            long holding = got.stream().filter(m -> m.containsKey(name)).count();
            if (format == CorpusFormat.HF && name.endsWith(".parquet")) {
                // each part's Parquet files are the copies of its own JSONL files (ParquetCopiesTest: a copy holds
                // the JSONL's records); one part's are the single-machine files
                assertThat(holding).isEqualTo(parts);
                for (Map<String, byte[]> m : got) {
                    Path copy = Files.createTempDirectory("cb-spark-parquet");
                    try {
                        Files.write(copy.resolve(HuggingFace.DOCUMENTS), m.get(HuggingFace.DOCUMENTS));
                        Files.write(copy.resolve(HuggingFace.TOKENS), m.get(HuggingFace.TOKENS));
                        HuggingFace.parquetCopies(copy);
                        assertThat(m.get(name)).as(name).isEqualTo(Files.readAllBytes(copy.resolve(name)));
                    } finally {
                        SparkValidationTest.delete(copy);
                    }
                }
                if (parts == 1) {
                    assertThat(got.get(0).get(name)).as(name).isEqualTo(e.getValue());
                }
                continue;
            }
            if (format == CorpusFormat.HF && name.equals("README.md")) {
                // the card names the dataset and the whole corpus's labels: the same in every part
                for (Map<String, byte[]> m : got) {
                    assertThat(text(m.get(name))).as(name).isEqualTo(text(e.getValue()));
                }
                continue;
            }
            if (format == CorpusFormat.BRAT && (name.equals("annotation.conf") || name.equals("visual.conf"))) {
                // each part lists its own entity types
                assertThat(holding).isEqualTo(parts);
                continue;
            }
            if (holding == 1 && parts > 1) {
                // a document's own file
                assertThat(text(got.stream().filter(m -> m.containsKey(name)).findFirst().orElseThrow().get(name)))
                        .as(name).isEqualTo(text(e.getValue()));
                continue;
            }
            assertThat(holding).as(name + " in every part").isEqualTo(parts);
            if (format == CorpusFormat.LABELSTUDIO) {
                ArrayNode all = JSON.createArrayNode();
                for (Map<String, byte[]> m : got) {
                    JSON.readTree(m.get(name)).forEach(all::add);
                }
                assertThat(all).as(name).isEqualTo(JSON.readTree(e.getValue()));
                continue;
            }
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (int k = 0; k < parts; k++) {
                byte[] b = got.get(k).get(name);
                int from = 0;
                if (format == CorpusFormat.CSV && k > 0) {
                    // the header line, which every part repeats
                    while (b[from] != '\n') {
                        from++;
                    }
                    from++;
                }
                joined.write(b, from, b.length - from);
            }
            assertThat(text(joined.toByteArray())).as(name).isEqualTo(text(e.getValue()));
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /**
     * A valid corpus from the release: each document copied 1-3 times under new ids (its records with it),
     * each copy kept with probability 3/4, documents and annotations shuffled, NLI pairs and contradictions
     * kept when their documents are.
     */
    private static void writeCorpus(Path dir, Random r) throws IOException {
        writeCorpus(dir, r, false);
    }

    /** As {@link #writeCorpus(Path, Random)}; {@code allLayers}: contradictions and NLI pairs always written. */
    private static void writeCorpus(Path dir, Random r, boolean allLayers) throws IOException {
        int copies = 1 + r.nextInt(3);
        List<String> docs = new ArrayList<>();
        List<String> anns = new ArrayList<>();
        List<String> contradictions = new ArrayList<>();
        List<String> nli = new ArrayList<>();
        Set<String> kept = new TreeSet<>();
        for (int c = 0; c < copies; c++) {
            String suffix = c == 0 ? "" : "-copy" + c;
            for (String line : Files.readAllLines(RELEASE.resolve("documents.jsonl"))) {
                ObjectNode d = (ObjectNode) JSON.readTree(line);
                if (r.nextInt(4) == 0 && !(c == 0 && kept.isEmpty() && docs.size() == 4)) {
                    continue;
                }
                d.put("id", d.get("id").asText() + suffix);
                kept.add(d.get("id").asText());
                docs.add(JSON.writeValueAsString(d));
            }
            for (String line : Files.readAllLines(RELEASE.resolve("annotations.jsonl"))) {
                ObjectNode a = (ObjectNode) JSON.readTree(line);
                a.put("doc_id", a.get("doc_id").asText() + suffix);
                if (kept.contains(a.get("doc_id").asText())) {
                    anns.add(JSON.writeValueAsString(a));
                }
            }
            for (String line : Files.readAllLines(RELEASE.resolve("contradictions.jsonl"))) {
                ObjectNode x = (ObjectNode) JSON.readTree(line);
                x.put("id", x.get("id").asText() + suffix);
                if (renamed(x, "a", suffix, kept) & renamed(x, "b", suffix, kept)) {
                    contradictions.add(JSON.writeValueAsString(x));
                }
            }
            for (String line : Files.readAllLines(RELEASE.resolve("nli.jsonl"))) {
                ObjectNode p = (ObjectNode) JSON.readTree(line);
                p.put("id", p.get("id").asText() + suffix);
                if (p.has("contradiction_id")) {
                    p.put("contradiction_id", p.get("contradiction_id").asText() + suffix);
                }
                if (renamed(p, "premise", suffix, kept) & renamed(p, "hypothesis", suffix, kept)
                        && r.nextInt(3) != 0) {
                    nli.add(JSON.writeValueAsString(p));
                }
            }
        }
        Collections.shuffle(docs, r);
        Collections.shuffle(anns, r);
        Files.write(dir.resolve("documents.jsonl"), docs, StandardCharsets.UTF_8);
        Files.write(dir.resolve("annotations.jsonl"), anns, StandardCharsets.UTF_8);
        if (allLayers || r.nextInt(4) != 0) {
            Files.write(dir.resolve("contradictions.jsonl"), contradictions, StandardCharsets.UTF_8);
        }
        if (allLayers || r.nextInt(4) != 0) {
            Files.write(dir.resolve("nli.jsonl"), nli, StandardCharsets.UTF_8);
        }
    }

    /** Renames the document of {@code side} and says whether that document is kept (true when it has none). */
    private static boolean renamed(ObjectNode record, String side, String suffix, Set<String> kept) {
        JsonNode s = record.get(side);
        if (!(s instanceof ObjectNode o) || !o.has("doc_id")) {
            return true;
        }
        o.put("doc_id", o.get("doc_id").asText() + suffix);
        return kept.contains(o.get("doc_id").asText());
    }

    // ------------------------------------------------------------------ refusals

    @Example
    void aNonEmptyTargetIsRefusedAndKept() throws IOException {
        Path dir = Files.createTempDirectory("cb-spark-export");
        try {
            Path corpus = Files.createDirectory(dir.resolve("corpus"));
            writeCorpus(corpus, new Random(1), true);
            Path out = Files.createDirectory(dir.resolve("out"));
            Files.writeString(out.resolve("keep.txt"), "mine", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> SparkExport.export(LocalSpark.session(), List.of(corpus.toString()),
                    CorpusFormat.CONLL, out.toString(), SparkExport.Options.named("x")))
                    .isInstanceOf(IOException.class)
                    .hasMessage(out + ": is not empty; choose a new directory, or pass --overwrite to replace it "
                            + "whole (its current files are deleted)");
            assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
            try (Stream<Path> s = Files.list(out)) {
                assertThat(s.count()).isEqualTo(1);
            }

            SparkExport.Result r = SparkExport.export(LocalSpark.session(), List.of(corpus.toString()),
                    CorpusFormat.NLI, out.toString(), new SparkExport.Options("x", TagScheme.IOB2, false, 2, true));
            assertThat(out.resolve("keep.txt")).as("--overwrite replaces the target whole").doesNotExist();
            assertThat(out.resolve("part-00001").resolve("x-nli.jsonl")).exists();
            assertThat(r.lost()).containsKey(Corpus.Layer.CONTRADICTIONS);
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("corpus", "out");
            }
        } finally {
            SparkValidationTest.delete(dir);
        }
    }

    @Example
    void anInvalidCorpusIsRefusedAndNothingIsWritten() throws IOException {
        Path dir = Files.createTempDirectory("cb-spark-export");
        try {
            Path corpus = Files.createDirectory(dir.resolve("corpus"));
            writeCorpus(corpus, new Random(2));
            // an annotation record of a document that is not given
            Files.writeString(corpus.resolve("annotations.jsonl"), "{\"doc_id\":\"nowhere\",\"entities\":[],"
                    + "\"timexes\":[]}\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            Path out = dir.resolve("out");
            assertThatThrownBy(() -> SparkExport.export(LocalSpark.session(), List.of(corpus.toString()),
                    CorpusFormat.CSV, out.toString(), SparkExport.Options.named("x")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("unknown document 'nowhere'");
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactly("corpus");
            }
        } finally {
            SparkValidationTest.delete(dir);
        }
    }

    @Example
    void aPartTheWriterRefusesLeavesNothingBehind() throws IOException {
        Path dir = Files.createTempDirectory("cb-spark-export");
        try {
            Path corpus = Files.createDirectory(dir.resolve("corpus"));
            writeCorpus(corpus, new Random(4), true);
            // valid gold, but a span of a line break alone, which brat cannot show: the part holding it fails
            String text = "Minsk\n\nGrodno.";
            ObjectNode doc = JSON.createObjectNode().put("id", "zz-breaks").put("text", text).put("sha256",
                    org.corpusbench.internal.Hashes.sha256(text.getBytes(StandardCharsets.UTF_8)));
            ObjectNode ann = JSON.createObjectNode().put("doc_id", "zz-breaks");
            ann.putArray("entities").addObject().put("start", 5).put("end", 6).put("text", "\n").put("type", "GPE");
            ann.putArray("timexes");
            Files.writeString(corpus.resolve("documents.jsonl"), JSON.writeValueAsString(doc) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            Files.writeString(corpus.resolve("annotations.jsonl"), JSON.writeValueAsString(ann) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            assertThat(org.corpusbench.schema.CorpusValidator.validate(List.of(corpus),
                    org.corpusbench.schema.CorpusValidator.Role.GOLD)).noneMatch(d -> d.isError());
            Path out = dir.resolve("out");
            assertThatThrownBy(() -> SparkExport.export(LocalSpark.session(), List.of(corpus.toString()),
                    CorpusFormat.BRAT, out.toString(), new SparkExport.Options("x", TagScheme.IOB2, false, 3, false)))
                    .isInstanceOf(org.corpusbench.diagnostic.CorpusFormatException.class)
                    .hasMessageContaining("was not written")
                    .hasMessageContaining("holds only line breaks");
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.map(p -> p.getFileName().toString())).as("no target, no staging")
                        .containsExactly("corpus");
            }
        } finally {
            SparkValidationTest.delete(dir);
        }
    }

    @Example
    void textDocumentsAndTargetsInsideTheInputAreRefused() throws IOException {
        Path dir = Files.createTempDirectory("cb-spark-export");
        try {
            Path corpus = Files.createDirectory(dir.resolve("corpus"));
            writeCorpus(corpus, new Random(3));
            Files.writeString(dir.resolve("a.txt"), "An article.", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> SparkExport.export(LocalSpark.session(), List.of(corpus.toString(),
                    dir.resolve("a.txt").toString()), CorpusFormat.HF, dir.resolve("out").toString(),
                    SparkExport.Options.named("x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(dir.resolve("a.txt") + ": documents in .txt files are not exported on Spark; expected "
                            + "JSONL files (documents.jsonl, annotations.jsonl, ...) or a directory of them: export "
                            + "this corpus with 'corpusbench export'");
            Files.delete(dir.resolve("a.txt"));
            assertThatThrownBy(() -> SparkExport.export(LocalSpark.session(), List.of(corpus.toString()),
                    CorpusFormat.CONLL, corpus.resolve("out").toString(), SparkExport.Options.named("x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is, holds or lies inside the input");
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactly("corpus");
            }
        } finally {
            SparkValidationTest.delete(dir);
        }
    }
}
