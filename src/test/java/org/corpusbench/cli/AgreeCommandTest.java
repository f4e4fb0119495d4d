package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.Hashes;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.schema.SchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpusbench agree} (issue 17). */
class AgreeCommandTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");

    /** The current release, which the gold sources build. */
    static final Path CURRENT = Path.of("datasets/oreshnik-reports/1.1.0");
    static final Path GOLD_SOURCES = Path.of("datasets/oreshnik-reports/gold");

    @TempDir
    Path tmp;

    /** The report in {@code json}, asserted valid against agreement.schema.json. */
    static JsonNode validReport(Path json) throws IOException {
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        List<Diagnostic> problems = SchemaValidator.get().validate(SchemaValidator.Kind.AGREEMENT, n,
                Location.ofFile(json.toString()));
        assertThat(problems).as("report valid against agreement.schema.json").isEmpty();
        return n;
    }

    /** Copies the release's JSONL files (not its manifest) to a folder of their own: a second annotator. */
    private Path copyOfTheRelease(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (String f : List.of("documents.jsonl", "annotations.jsonl", "contradictions.jsonl")) {
            Files.copy(RELEASE.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    /** Done-when of issue 17, item 2: two copies of the same gold agree with 1.0 on every figure. */
    @Test
    void twoCopiesOfTheReleaseGoldAgreeCompletely() throws IOException {
        Path json = tmp.resolve("agree.json");
        Path tsv = tmp.resolve("disagreements.tsv");
        Path md = tmp.resolve("agree.md");
        Path html = tmp.resolve("agree.html");
        CliTest.Run r = CliTest.run("agree", "--json", json.toString(), "--disagreements", tsv.toString(),
                "--markdown", md.toString(), "--html", html.toString(), RELEASE.toString(),
                copyOfTheRelease("b").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode n = validReport(json);
        for (String key : List.of("/entities/strict_f1", "/entities/exact_f1", "/entities/partial_f1",
                "/entities/cohen_kappa", "/entities/fleiss_kappa", "/entities/observed_token_agreement",
                "/entities/krippendorff_alpha_u", "/timexes/strict_f1", "/timexes/relaxed_f1",
                "/timexes/type_agreement", "/timexes/value_agreement", "/contradictions/f1",
                "/contradictions/type_agreement")) {
            assertThat(n.at(key).isNumber()).as(key).isTrue();
            assertThat(n.at(key).asDouble()).as(key).isEqualTo(1.0);
        }
        n.at("/entities/types").forEach(t -> {
            assertThat(t.get("strict_f1").asDouble()).isEqualTo(1.0);
            assertThat(t.get("krippendorff_alpha_u").asDouble()).isEqualTo(1.0);
            assertThat(t.get("token_kappa").asDouble()).isCloseTo(1.0, within(1e-9));
        });
        assertThat(n.at("/entities/types").size()).isEqualTo(8);
        n.at("/timexes/types").forEach(t -> assertThat(t.get("relaxed_f1").asDouble()).isEqualTo(1.0));
        n.at("/contradictions/types").forEach(t -> assertThat(t.get("f1").asDouble()).isEqualTo(1.0));
        assertThat(n.at("/annotators/0/dataset/version").asText()).isEqualTo("1.0.1");
        assertThat(n.at("/annotators/1/kind").asText()).isEqualTo("jsonl");
        assertThat(n.at("/documents").asInt()).isEqualTo(5);
        assertThat(Files.readString(tsv, StandardCharsets.UTF_8)).isEqualTo("layer\tannotator_1\tannotator_2\tkind\t"
                + "doc_id\tstart\tend\ttext\tannotator_1_says\tannotator_2_says\tcontext\n");
        assertThat(Files.readString(md, StandardCharsets.UTF_8)).contains("# Agreement of A, B",
                "| entities       | Krippendorff's alpha_u |", "## Entities by type");
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
                .contains("<td>Krippendorff&#39;s alpha_u</td><td>1.0000</td>");
        assertThat(r.out()).contains("| entities       | strict F1              | 1.0000 |",
                "| contradictions | pair F1                | 1.0000 |", "0 disagreements in " + tsv);
    }

    /** The release against the gold sources it was built from, with the seeds as their texts. */
    @Test
    void theReleaseAgreesWithItsGoldSources() throws IOException {
        Path json = tmp.resolve("agree.json");
        CliTest.Run r = CliTest.run("agree", "--names", "release,sources", "--json", json.toString(),
                CURRENT.toString(), GOLD_SOURCES.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = validReport(json);
        assertThat(n.at("/entities/krippendorff_alpha_u").asDouble()).isEqualTo(1.0);
        assertThat(n.at("/contradictions/type_agreement").asDouble()).isEqualTo(1.0);
        assertThat(n.at("/annotators/1/name").asText()).isEqualTo("sources");
        assertThat(n.at("/annotators/1/kind").asText()).isEqualTo("gold_sources");
    }

    /**
     * A second annotator's file that leaves out the release's first entity and retypes the second one:
     * by hand, strict: 227 mentions in A, 226 in B, 225 the same (COR 225, INC 1, MIS 1): F1 = 2·225/(227 +
     * 226) = 450/453; partial (any type): COR 226, MIS 1: P = 1, R = 226/227, F1 = 452/453. Two disagreements:
     * only in A, and a type.
     */
    @Test
    void aHandEditedSecondAnnotatorGivesTheHandComputedFigures() throws IOException {
        Path b = copyOfTheRelease("b");
        Path ann = b.resolve("annotations.jsonl");
        List<String> lines = Files.readAllLines(ann, StandardCharsets.UTF_8);
        ObjectMapper m = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode first = (com.fasterxml.jackson.databind.node.ObjectNode)
                m.readTree(lines.get(0));
        com.fasterxml.jackson.databind.node.ArrayNode es = (com.fasterxml.jackson.databind.node.ArrayNode)
                first.get("entities");
        String dropped = es.get(0).get("text").asText();
        es.remove(0);
        String retyped = es.get(0).get("type").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) es.get(0)).put("type", retyped.equals("ORG") ? "GPE" : "ORG");
        lines.set(0, m.writeValueAsString(first));
        Files.write(ann, lines, StandardCharsets.UTF_8);
        Path json = tmp.resolve("agree.json");
        Path tsv = tmp.resolve("d.tsv");
        CliTest.Run r = CliTest.run("agree", "--layers", "entities", "--json", json.toString(), "--disagreements",
                tsv.toString(), RELEASE.toString(), b.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = validReport(json);
        assertThat(n.at("/layers").size()).isEqualTo(1);
        assertThat(n.at("/entities/strict_f1").asDouble()).isCloseTo(450.0 / 453, within(1e-12));
        assertThat(n.at("/entities/partial_f1").asDouble()).isCloseTo(452.0 / 453, within(1e-12));
        assertThat(n.at("/entities/cohen_kappa").asDouble()).isLessThan(1.0);
        assertThat(n.at("/entities/krippendorff_alpha_u").asDouble()).isLessThan(1.0);
        List<String> rows = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith("entities\tA\tB\tonly_first\t000_6e15c3caa4eb7126\t0\t7\t" + dropped + "\t");
        assertThat(rows.get(2)).contains("\ttype\t000_6e15c3caa4eb7126\t");
    }

    /**
     * Issue 17: annotation sets of other texts are refused before anything is computed, naming the document's
     * record (file:line: field), with exit 1 and nothing written.
     */
    @Test
    void otherTextsAreRefusedAndNothingIsWritten() throws IOException {
        Path b = copyOfTheRelease("b");
        Path docs = b.resolve("documents.jsonl");
        List<String> lines = Files.readAllLines(docs, StandardCharsets.UTF_8);
        ObjectMapper m = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode d = (com.fasterxml.jackson.databind.node.ObjectNode)
                m.readTree(lines.get(2));
        String text = d.get("text").asText() + "\nA late correction.";
        d.put("text", text).put("sha256", Hashes.sha256(text));
        lines.set(2, m.writeValueAsString(d));
        Files.write(docs, lines, StandardCharsets.UTF_8);
        Path json = tmp.resolve("out.json");
        Path tsv = tmp.resolve("out.tsv");
        CliTest.Run r = CliTest.run("agree", "--json", json.toString(), "--disagreements", tsv.toString(),
                RELEASE.toString(), b.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("corpusbench agree: " + docs + ":3: text: document '002_c6b68ee50c1b1fad' has a "
                + "text of SHA-256 ").contains("expected the same text in every set");
        assertThat(r.out()).isEmpty();
        assertThat(json).doesNotExist();
        assertThat(tsv).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("b");
        }
    }

    @Test
    void usageErrors() throws IOException {
        CliTest.Run one = CliTest.run("agree", RELEASE.toString());
        assertThat(one.code()).isEqualTo(2);
        CliTest.Run names = CliTest.run("agree", "--names", "x", RELEASE.toString(), RELEASE.toString());
        assertThat(names.code()).isEqualTo(2);
        assertThat(names.err()).startsWith("corpusbench agree: --names gives 1 names for 2 sets; expected one per set");
        CliTest.Run layer = CliTest.run("agree", "--layers", "nli", RELEASE.toString(), RELEASE.toString());
        assertThat(layer.code()).isEqualTo(2);
        assertThat(layer.err()).startsWith("corpusbench agree: unknown layer 'nli' in --layers");
        CliTest.Run inside = CliTest.run("agree", "--json", RELEASE.resolve("agree.json").toString(),
                RELEASE.toString(), RELEASE.toString());
        assertThat(inside.code()).isEqualTo(2);
        assertThat(RELEASE.resolve("agree.json")).doesNotExist();
        CliTest.Run seeds = CliTest.run("agree", "--seeds", "seeds", RELEASE.toString(), RELEASE.toString());
        assertThat(seeds.code()).isEqualTo(2);
        assertThat(seeds.err()).startsWith("corpusbench agree: --seeds applies to gold-sources folders only");
        CliTest.Run missing = CliTest.run("agree", RELEASE.toString(), tmp.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
    }

    /** A set that lacks a layer the other holds is refused, unless the layer is left out with --layers. */
    @Test
    void aSetWithoutALayerIsRefusedUnlessTheLayerIsLeftOut() throws IOException {
        Path b = copyOfTheRelease("b");
        Files.delete(b.resolve("contradictions.jsonl"));
        CliTest.Run r = CliTest.run("agree", RELEASE.toString(), b.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("corpusbench agree: " + b + ": annotation set B holds no contradictions, while A "
                + "holds 19; expected every set to annotate each layer that is compared, or the layer left out of the "
                + "comparison\n");
        CliTest.Run ok = CliTest.run("agree", "--layers", "entities,dates", RELEASE.toString(), b.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).doesNotContain("contradictions");
    }

    /** An annotations file without documents takes them from --documents; an unneeded --documents is refused. */
    @Test
    void anAnnotationsFileWithItsDocumentsApart() throws IOException {
        Path ann = Files.copy(RELEASE.resolve("annotations.jsonl"), tmp.resolve("b.jsonl"));
        CliTest.Run r = CliTest.run("agree", "--layers", "entities,dates", "--documents",
                RELEASE.resolve("documents.jsonl").toString(), RELEASE.toString(), ann.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| entities | Cohen's kappa (tokens) | 1.0000 |");
        CliTest.Run without = CliTest.run("agree", "--layers", "entities", RELEASE.toString(), ann.toString());
        assertThat(without.code()).isEqualTo(1);
        assertThat(without.err()).contains("no documents were given");
        CliTest.Run unneeded = CliTest.run("agree", "--documents", RELEASE.resolve("documents.jsonl").toString(),
                RELEASE.toString(), RELEASE.toString());
        assertThat(unneeded.code()).isEqualTo(2);
        assertThat(unneeded.err()).startsWith("corpusbench agree: --documents applies to .jsonl sets that hold no "
                + "documents");
    }
}
