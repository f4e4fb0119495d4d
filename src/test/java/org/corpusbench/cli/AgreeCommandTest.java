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
        for (String f : List.of("documents.jsonl", "annotations.jsonl", "contradictions.jsonl", "nli.jsonl")) {
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
                "/contradictions/type_agreement", "/nli/observed_agreement", "/nli/cohen_kappa", "/nli/fleiss_kappa")) {
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
        assertThat(n.at("/nli/pairs").asInt()).isEqualTo(65);
        assertThat(n.at("/nli/annotator_pairs/0/disagreements").asInt()).isZero();
        assertThat(n.at("/nli/labels/entailment/counts").toString()).isEqualTo("[24,24]");
        assertThat(n.at("/nli/annotator_pairs/0/confusion/neutral").toString())
                .isEqualTo("{\"entailment\":0,\"neutral\":22,\"contradiction\":0}");
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
        CliTest.Run layer = CliTest.run("agree", "--layers", "nil", RELEASE.toString(), RELEASE.toString());
        assertThat(layer.code()).isEqualTo(2);
        assertThat(layer.err()).startsWith("corpusbench agree: unknown layer 'nil' in --layers; expected entities, "
                + "dates, contradictions or nli");
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

    static final Path ANNOTATOR_B = Path.of("datasets/oreshnik-reports/gold/annotator-b");

    /**
     * Annotator B's gold sources against the adjudicated gold (A's NLI layer of 1.1.0): B labelled the 58 pairs
     * as A did, so every NLI figure is 1, and the confusion matrix is diagonal with A's label counts (20
     * entailment, 20 neutral, 18 contradiction).
     */
    @Test
    void annotatorBsNliLayerAgreesWithTheGold() throws IOException {
        Path json = tmp.resolve("agree.json");
        CliTest.Run r = CliTest.run("agree", "--layers", "nli", "--json", json.toString(), GOLD_SOURCES.toString(),
                ANNOTATOR_B.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = validReport(json);
        assertThat(n.at("/layers").toString()).isEqualTo("[\"nli\"]");
        assertThat(n.at("/nli/pairs").asInt()).isEqualTo(58);
        for (String key : List.of("/nli/observed_agreement", "/nli/cohen_kappa", "/nli/fleiss_kappa")) {
            assertThat(n.at(key).asDouble()).as(key).isEqualTo(1.0);
        }
        assertThat(n.at("/nli/annotator_pairs/0/confusion").toString()).isEqualTo("{\"entailment\":{\"entailment\""
                + ":20,\"neutral\":0,\"contradiction\":0},\"neutral\":{\"entailment\":0,\"neutral\":20,\""
                + "contradiction\":0},\"contradiction\":{\"entailment\":0,\"neutral\":0,\"contradiction\":18}}");
        assertThat(n.at("/annotators/1/nli_pairs").asInt()).isEqualTo(58);
        assertThat(r.out()).contains("| NLI   | Cohen's kappa   | 1.0000 |", "0 disagreements");
    }

    /**
     * Release 1.0.1 against annotator B: B's nli.jsonl is the 1.1.0 layer, whose pairs differ from 1.0.1's.
     * By default every layer some set holds is compared, so the command refuses, naming the first pair of A
     * that B lacks (1.0.1's n009, line 9), how many more differ, and how to leave the layer out; exit 1, nothing
     * written. With the layer left out the other layers are compared (the pre-adjudication A-B figures).
     */
    @Test
    void release101AgainstAnnotatorBRefusesTheNliLayerUnlessLeftOut() throws IOException {
        Path json = tmp.resolve("agree.json");
        CliTest.Run r = CliTest.run("agree", "--json", json.toString(), RELEASE.toString(), ANNOTATOR_B.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("corpusbench agree: " + RELEASE.resolve("nli.jsonl") + ":9: id: NLI pair 'n009' "
                + "of annotation set A is not in annotation set B (" + ANNOTATOR_B + "); expected every set to label "
                + "the same NLI pairs, with the same premise and hypothesis (text, doc_id, start, end), or the NLI "
                + "layer left out of the comparison (--layers without nli) (88 more pairs differ between A and B)\n");
        assertThat(r.out()).isEmpty();
        assertThat(json).doesNotExist();
        CliTest.Run ok = CliTest.run("agree", "--layers", "entities,dates,contradictions", "--json", json.toString(),
                RELEASE.toString(), ANNOTATOR_B.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        JsonNode n = validReport(json);
        assertThat(n.has("nli")).isFalse();
        assertThat(n.at("/contradictions/f1").asDouble()).isCloseTo(15.0 / 19, within(1e-12));
    }

    /**
     * The 1.0.1 NLI layer with annotator B's 1.0.1 labels (annotator-b/nli-labels.jsonl) in place of A's: 65
     * pairs, B differs only on n040 (A entailment, B neutral). A: e 24, n 22, c 19; B: e 23, n 23, c 19. A_O =
     * 64/65; Cohen: A_E = (24·23 + 22·23 + 19·19)/65² = 1419/4225, κ = (4160 − 1419)/(4225 − 1419) = 2741/2806
     * = .97683; Fleiss pools e 47, n 45, c 38 of 130: A_E = (2209 + 2025 + 1444)/16900 = 5678/16900, κ = (16640
     * − 5678)/(16900 − 5678) = 10962/11222 = .97683 (lower, as it must be: the two label counts differ).
     */
    @Test
    void theLayerOf101WithAnnotatorBsLabels() throws IOException {
        Path b = Files.createDirectories(tmp.resolve("b101"));
        Files.copy(RELEASE.resolve("documents.jsonl"), b.resolve("documents.jsonl"));
        ObjectMapper m = new ObjectMapper();
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        for (String l : Files.readAllLines(ANNOTATOR_B.resolve("nli-labels.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode x = m.readTree(l);
            labels.put(x.get("id").asText(), x.get("label").asText());
        }
        List<String> out = new java.util.ArrayList<>();
        for (String l : Files.readAllLines(RELEASE.resolve("nli.jsonl"), StandardCharsets.UTF_8)) {
            com.fasterxml.jackson.databind.node.ObjectNode x = (com.fasterxml.jackson.databind.node.ObjectNode)
                    m.readTree(l);
            x.put("label", labels.get(x.get("id").asText()));
            out.add(m.writeValueAsString(x));
        }
        Files.write(b.resolve("nli.jsonl"), out, StandardCharsets.UTF_8);
        Path json = tmp.resolve("agree.json");
        Path tsv = tmp.resolve("d.tsv");
        CliTest.Run r = CliTest.run("agree", "--layers", "nli", "--json", json.toString(), "--disagreements",
                tsv.toString(), RELEASE.toString(), b.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = validReport(json);
        assertThat(n.at("/nli/pairs").asInt()).isEqualTo(65);
        assertThat(n.at("/nli/observed_agreement").asDouble()).isCloseTo(64.0 / 65, within(1e-12));
        assertThat(n.at("/nli/cohen_kappa").asDouble()).isCloseTo(2741.0 / 2806, within(1e-12));
        assertThat(n.at("/nli/fleiss_kappa").asDouble()).isCloseTo(10962.0 / 11222, within(1e-12));
        assertThat(n.at("/nli/annotator_pairs/0/confusion/entailment/neutral").asInt()).isEqualTo(1);
        assertThat(n.at("/disagreements/nli").asInt()).isEqualTo(1);
        List<String> rows = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).matches("nli\tA\tB\tlabel\t[0-9a-f_]+\t[0-9]+\t[0-9]+\tn040\tentailment\t"
                + "neutral\tpremise: .+ \\| hypothesis: .+");
    }

    /**
     * A second annotator's NLI file with one hypothesis moved by a code point: refused at its line, naming the
     * field and both values; exit 1 and nothing written.
     */
    @Test
    void aPairWithOtherOffsetsIsRefusedAtItsLine() throws IOException {
        Path b = copyOfTheRelease("b");
        Path nli = b.resolve("nli.jsonl");
        List<String> lines = Files.readAllLines(nli, StandardCharsets.UTF_8);
        ObjectMapper m = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode x = (com.fasterxml.jackson.databind.node.ObjectNode)
                m.readTree(lines.get(4));
        com.fasterxml.jackson.databind.node.ObjectNode h = (com.fasterxml.jackson.databind.node.ObjectNode)
                x.get("hypothesis");
        String id = x.get("id").asText();
        int start = h.get("start").asInt();
        int end = h.get("end").asInt();
        String doc = h.get("doc_id").asText();
        String text = m.readTree(Files.readAllLines(RELEASE.resolve("documents.jsonl"), StandardCharsets.UTF_8)
                .stream().filter(l -> l.contains("\"" + doc + "\"")).findFirst().orElseThrow()).get("text").asText();
        // one code point further, both ends: the same length, another string
        int s2 = text.offsetByCodePoints(0, start + 1);
        int e2 = text.offsetByCodePoints(0, end + 1);
        h.put("start", start + 1).put("end", end + 1).put("text", text.substring(s2, e2));
        lines.set(4, m.writeValueAsString(x));
        Files.write(nli, lines, StandardCharsets.UTF_8);
        Path tsv = tmp.resolve("d.tsv");
        CliTest.Run r = CliTest.run("agree", "--layers", "nli", "--disagreements", tsv.toString(), RELEASE.toString(),
                b.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("corpusbench agree: " + nli + ":5: hypothesis.text: NLI pair '" + id + "' has "
                + "hypothesis.text '").contains("in annotation set B, but '", "in A (" + RELEASE.resolve("nli.jsonl")
                + ":5)");
        assertThat(tsv).doesNotExist();
    }
}
