package org.corpusbench.format.hf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card's YAML header, as the Hugging Face {@code datasets} library reads it (issue 14): the documents
 * configuration declares its features, so attributes null in every record load as strings, and both
 * configurations are a {@code test} split.
 */
class HuggingFaceCardTest {

    @TempDir
    Path tmp;

    @Test
    void bothConfigurationsDeclareTheirFeaturesAndATestSplit() throws IOException {
        Document d = Document.of("d", "Ana came.", null);
        HuggingFace.write(tmp, List.of(d), x -> List.of(List.of(Span.of(x.text(), 0, 3), Span.of(x.text(), 4, 9))),
                Map.of("d", DocumentAnnotations.empty("d")), "test-set");
        String card = Files.readString(tmp.resolve("README.md"), StandardCharsets.UTF_8);
        String yaml = card.substring(4, card.indexOf("\n---\n"));
        JsonNode header = new YAMLMapper().readTree(yaml);
        for (JsonNode config : header.get("configs")) {
            assertThat(config.at("/data_files/0/split").asText()).isEqualTo("test");
        }
        JsonNode documents = header.at("/dataset_info/0");
        assertThat(documents.get("config_name").asText()).isEqualTo("documents");
        List<String> timexFields = new ArrayList<>();
        for (JsonNode f : documents.get("features")) {
            if (f.get("name").asText().equals("timexes")) {
                f.get("list").forEach(x -> timexFields.add(x.get("name").asText() + ":" + x.get("dtype").asText()));
            }
        }
        // every key a record of documents.jsonl has, with its type; anchor and freq are null in most corpora
        assertThat(timexFields).containsExactly("tid:string", "start:int64", "end:int64", "text:string",
                "type:string", "value:string", "mod:string", "anchor:string", "quant:string", "freq:string");
        JsonNode record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Files.readAllLines(tmp.resolve(HuggingFace.DOCUMENTS)).get(0));
        List<String> declared = new ArrayList<>();
        documents.get("features").forEach(f -> declared.add(f.get("name").asText()));
        List<String> present = new ArrayList<>();
        record.fieldNames().forEachRemaining(present::add);
        assertThat(declared).isEqualTo(present);
    }

    private JsonNode header(HuggingFace.Card card) throws IOException {
        Document d = Document.of("d", "Ana came.", null);
        HuggingFace.write(tmp, List.of(d), x -> List.of(List.of(Span.of(x.text(), 0, 3), Span.of(x.text(), 4, 9))),
                Map.of("d", DocumentAnnotations.empty("d")), "test-set", card);
        String text = Files.readString(tmp.resolve("README.md"), StandardCharsets.UTF_8);
        return new YAMLMapper().readTree(text.substring(4, text.indexOf("\n---\n")));
    }

    @Test
    void theCardDeclaresTheLicenseAndLanguagesItIsGiven() throws IOException {
        JsonNode h = header(new HuggingFace.Card("cc-by-4.0", List.of("en", "pt-BR")));
        assertThat(h.get("license").asText()).isEqualTo("cc-by-4.0");
        assertThat(h.get("language").isArray()).isTrue();
        assertThat(List.of(h.get("language").get(0).asText(), h.get("language").get(1).asText()))
                .containsExactly("en", "pt-BR");
    }

    @Test
    void anUnknownLicenseIsSaidAndNoLanguageIsMadeUp() throws IOException {
        JsonNode h = header(HuggingFace.Card.UNKNOWN);
        assertThat(h.get("license").asText()).isEqualTo("unknown");
        assertThat(h.has("language")).isFalse();
    }

    @Test
    void identifiersThatWouldBreakOrMislabelTheHeaderAreRefused() {
        for (String bad : List.of("CC BY 4.0", "mit\nlanguage: xx", "", "cc-by-4.0 ", "é")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HuggingFace.Card(bad, List.of()))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("license");
        }
        for (String bad : List.of("English", "e", "en_US", "en-", "", "en\n- de")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HuggingFace.Card(null, List.of(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("language");
        }
    }
}
