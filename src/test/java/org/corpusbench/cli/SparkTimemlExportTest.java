package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.corpusbench.spark.LocalSpark;

/**
 * {@code spark export --format timeml} writes the single-machine export's .tml files byte for byte, spread over
 * its parts, and refuses what {@code export --format timeml} refuses, with the same message (issue 16): random
 * corpora from the release's documents (copied under new ids, some with their own creation date) x random
 * {@code --dct}, {@code --dct-file} (dates that agree or disagree with a document's own, ids of no document,
 * a bad date) and {@code --allow-missing-dct} x 1 to 5 parts, through the command line on the tests' local[2]
 * session.
 */
class SparkTimemlExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.1.0");

    @Property(tries = 12, edgeCases = EdgeCasesMode.NONE)
    void sameFilesOrSameRefusalAsExport(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int parts)
            throws IOException {
        LocalSpark.session();
        Path dir = Files.createTempDirectory("cb-spark-timeml");
        try {
            Random r = new Random(seed);
            Path corpus = Files.createDirectory(dir.resolve("corpus"));
            List<String> ids = writeCorpus(corpus, r);
            List<String> options = new ArrayList<>();
            if (r.nextInt(3) == 0) {
                options.addAll(List.of("--dct", "2024-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10)));
            }
            if (r.nextBoolean()) {
                StringBuilder tsv = new StringBuilder();
                for (String id : ids) {
                    if (r.nextInt(3) != 0) {
                        tsv.append(id).append('\t').append(r.nextInt(10) == 0 ? "2024-02-30" : "2023-05-0"
                                + (1 + r.nextInt(2))).append(r.nextBoolean() ? "\n" : "\r\n");
                    }
                }
                if (r.nextInt(8) == 0) {
                    tsv.append("no-such-doc\t2023-05-01\n");
                }
                Path dates = Files.writeString(dir.resolve("dates.tsv"), tsv, StandardCharsets.UTF_8);
                options.addAll(List.of("--dct-file", dates.toString()));
            }
            if (!options.contains("--dct") && r.nextBoolean()) {
                options.add("--allow-missing-dct");
            }
            Path one = dir.resolve("one");
            Path many = dir.resolve("many");
            List<String> a = new ArrayList<>(List.of("export", "--dataset", corpus.toString(), "--format", "timeml",
                    "--out", one.toString()));
            a.addAll(options);
            List<String> b = new ArrayList<>(List.of("spark", "--master", "local[2]", "--parts",
                    Integer.toString(parts), "export", "--dataset", corpus.toString(), "--format", "timeml", "--out",
                    many.toString()));
            b.addAll(options);
            CliTest.Run single = CliTest.run(a.toArray(new String[0]));
            CliTest.Run spark = CliTest.run(b.toArray(new String[0]));
            String what = "seed " + seed + " " + options + "\n" + single.err() + "\n" + spark.err();
            assertThat(spark.code()).as(what).isEqualTo(single.code());
            if (single.code() != 0) {
                assertThat(spark.err()).as(what).isEqualTo(single.err());
                assertThat(many).doesNotExist();
                return;
            }
            Map<String, String> want = files(one);
            Map<String, String> got = new TreeMap<>();
            try (Stream<Path> s = Files.list(many)) {
                for (Path part : s.sorted().toList()) {
                    files(part).forEach((name, text) -> assertThat(got.put(name, text)).as(name + " once").isNull());
                }
            }
            assertThat(got).as(what).isEqualTo(want);
            assertThat(want).hasSize(ids.size());
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Collections.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The release's documents and annotations, copied under new ids, some dated; returns the ids. */
    private static List<String> writeCorpus(Path dir, Random r) throws IOException {
        List<String> docs = new ArrayList<>();
        List<String> anns = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < 1 + r.nextInt(3); c++) {
            for (String line : Files.readAllLines(RELEASE.resolve("documents.jsonl"), StandardCharsets.UTF_8)) {
                ObjectNode d = (ObjectNode) JSON.readTree(line);
                String id = d.get("id").asText() + "-" + c;
                d.put("id", id);
                if (r.nextInt(3) == 0) {
                    ObjectNode meta = d.has("metadata") ? (ObjectNode) d.get("metadata") : d.putObject("metadata");
                    meta.put("creation_date", "2023-05-0" + (1 + r.nextInt(2)));
                }
                docs.add(JSON.writeValueAsString(d));
                ids.add(id);
            }
            for (String line : Files.readAllLines(RELEASE.resolve("annotations.jsonl"), StandardCharsets.UTF_8)) {
                ObjectNode a = (ObjectNode) JSON.readTree(line);
                a.put("doc_id", a.get("doc_id").asText() + "-" + c);
                anns.add(JSON.writeValueAsString(a));
            }
        }
        Collections.shuffle(docs, r);
        Files.write(dir.resolve("documents.jsonl"), docs, StandardCharsets.UTF_8);
        Files.write(dir.resolve("annotations.jsonl"), anns, StandardCharsets.UTF_8);
        return ids;
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
