package org.corpusbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.internal.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * croissant.json against the Croissant 1.0 specification (issue 14 item 5): the specification's
 * {@code @context} term for term, the dataset properties it requires, files with their checksums, and record
 * sets whose every field (nested records as {@code subField}s, lists {@code repeated}) extracts a value of its
 * type from every record of its file. Checked on a fresh build and on the shipped 1.1.0.
 */
class CroissantTest {

    static final Path MINI = Path.of("src/test/resources/org/corpusbench/dataset/mini");
    static final ObjectMapper JSON = new ObjectMapper();

    /** The Croissant 1.0 specification's context (its section on the JSON-LD context), written out by hand. */
    static final Map<String, Object> SPEC_CONTEXT = new LinkedHashMap<>();

    static {
        String[] plain = {"@language", "en", "@vocab", "https://schema.org/", "citeAs", "cr:citeAs", "column",
            "cr:column", "conformsTo", "dct:conformsTo", "cr", "http://mlcommons.org/croissant/", "rai",
            "http://mlcommons.org/croissant/RAI/", "dct", "http://purl.org/dc/terms/", "extract", "cr:extract",
            "field", "cr:field", "fileProperty", "cr:fileProperty", "fileObject", "cr:fileObject", "fileSet",
            "cr:fileSet", "format", "cr:format", "includes", "cr:includes", "isLiveDataset", "cr:isLiveDataset",
            "jsonPath", "cr:jsonPath", "key", "cr:key", "md5", "cr:md5", "parentField", "cr:parentField", "path",
            "cr:path", "recordSet", "cr:recordSet", "references", "cr:references", "regex", "cr:regex", "repeated",
            "cr:repeated", "replace", "cr:replace", "sc", "https://schema.org/", "separator", "cr:separator",
            "source", "cr:source", "subField", "cr:subField", "transform", "cr:transform"};
        for (int i = 0; i < plain.length; i += 2) {
            SPEC_CONTEXT.put(plain[i], plain[i + 1]);
        }
        SPEC_CONTEXT.put("data", Map.of("@id", "cr:data", "@type", "@json"));
        SPEC_CONTEXT.put("dataType", Map.of("@id", "cr:dataType", "@type", "@vocab"));
        SPEC_CONTEXT.put("examples", Map.of("@id", "cr:examples", "@type", "@json"));
    }

    /** Keys the record schemas make optional (a TIMEX3's anchor, quant, freq and mod; a document's source). */
    static final java.util.Set<String> OPTIONAL = java.util.Set.of("anchor", "quant", "freq", "mod", "source",
            "title", "explanation", "contradiction_id");

    @TempDir
    Path tmp;

    @Test
    void aFreshBuildFollowsTheSpecification() throws IOException {
        Path dir = ReleaseBuilder.build(MINI.resolve("source"), MINI.resolve("seeds"), tmp.resolve("r")).directory();
        JsonNode c = conforms(dir);
        assertThat(c.get("creator").get("name").asText()).isEqualTo("corpusbench tests");
        assertThat(c.get("datePublished").asText()).isEqualTo("2026-12-01");
    }

    @Test
    void theShippedReleaseFollowsTheSpecification() throws IOException {
        JsonNode c = conforms(Path.of("datasets/oreshnik-reports/1.1.0"));
        assertThat(c.get("version").asText()).isEqualTo("1.1.0");
    }

    @Test
    void aSourceWithoutWhatCroissantRequiresIsRefusedAndNothingIsWritten() throws IOException {
        for (String[] cut : new String[][] {{"creator", "missing; expected an object with a name"},
            {"date_published", "missing; expected a string"}, {"url", "missing; expected a string"}}) {
            Path src = tmp.resolve("src-" + cut[0]);
            copy(MINI.resolve("source"), src);
            JsonNode config = JSON.readTree(src.resolve("dataset.json").toFile());
            ((com.fasterxml.jackson.databind.node.ObjectNode) config).remove(cut[0]);
            Files.writeString(src.resolve("dataset.json"), config.toString(), StandardCharsets.UTF_8);
            Path out = tmp.resolve("out-" + cut[0]);
            assertThatThrownBy(() -> ReleaseBuilder.build(src, MINI.resolve("seeds"), out))
                    .isInstanceOf(CorpusFormatException.class)
                    .hasMessageContaining(src.resolve("dataset.json") + ": " + cut[0] + ": " + cut[1]);
            assertThat(out).doesNotExist();
        }
        Path src = tmp.resolve("src-date");
        copy(MINI.resolve("source"), src);
        Files.writeString(src.resolve("dataset.json"), Files.readString(src.resolve("dataset.json"))
                .replace("2026-12-01", "1 December 2026"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReleaseBuilder.build(src, MINI.resolve("seeds"), tmp.resolve("out-date")))
                .hasMessageContaining("date_published: '1 December 2026' is not a date; expected YYYY-MM-DD");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** Checks {@code dir}'s croissant.json against the specification and the files; returns it. */
    private static JsonNode conforms(Path dir) throws IOException {
        JsonNode c = JSON.readTree(dir.resolve("croissant.json").toFile());
        Map<String, Object> context = JSON.convertValue(c.get("@context"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(context).isEqualTo(SPEC_CONTEXT);
        assertThat(c.get("@type").asText()).isEqualTo("sc:Dataset");
        assertThat(c.get("conformsTo").asText()).isEqualTo("http://mlcommons.org/croissant/1.0");
        for (String required : List.of("name", "description", "license", "url", "datePublished", "version")) {
            assertThat(c.path(required).isTextual() && !c.get(required).asText().isEmpty()).as(required).isTrue();
        }
        assertThat(c.get("creator").get("@type").asText()).isIn("sc:Organization", "sc:Person");
        for (JsonNode f : c.get("distribution")) {
            Path file = dir.resolve(f.get("contentUrl").asText());
            assertThat(f.get("sha256").asText()).as(file.toString()).isEqualTo(Hashes.sha256(file));
            assertThat(f.get("contentSize").asText()).isEqualTo(Files.size(file) + " B");
        }
        for (JsonNode rs : c.get("recordSet")) {
            String set = rs.get("@id").asText();
            List<String> ids = new ArrayList<>();
            rs.get("field").forEach(f -> ids.add(f.get("@id").asText()));
            assertThat(ids).as(set + " key").contains(rs.get("key").get("@id").asText());
            for (JsonNode f : rs.get("field")) {
                if (f.has("subField")) {
                    assertThat(f.has("dataType")).as(f.get("@id") + ": a record has sub-fields, not a type").isFalse();
                    for (JsonNode sf : f.get("subField")) {
                        assertThat(sf.get("@id").asText()).startsWith(f.get("@id").asText() + "/");
                        extracts(dir, sf, f.path("repeated").asBoolean(false));
                    }
                } else {
                    extracts(dir, f, false);
                }
            }
        }
        return c;
    }

    /** Every record of the field's file gives, at its JSON path, values of its type (or null). */
    private static void extracts(Path dir, JsonNode field, boolean repeated) throws IOException {
        String file = field.at("/source/fileObject/@id").asText();
        String path = field.at("/source/extract/jsonPath").asText();
        String type = field.get("dataType").asText();
        assertThat(path).as(field.get("@id").asText()).startsWith("$.");
        String[] steps = path.substring(2).split("\\.");
        assertThat(path.contains("[*]")).as(field.get("@id") + ": a list's sub-field reads every element")
                .isEqualTo(repeated);
        int found = 0;
        for (String line : Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8)) {
            List<JsonNode> values = List.of(JSON.readTree(line));
            for (String step : steps) {
                List<JsonNode> next = new ArrayList<>();
                boolean all = step.endsWith("[*]");
                String key = all ? step.substring(0, step.length() - 3) : step;
                for (JsonNode v : values) {
                    JsonNode x = v.path(key);
                    if (all) {
                        assertThat(x.isArray()).as(path + " in " + file).isTrue();
                        x.forEach(next::add);
                    } else {
                        next.add(x);
                    }
                }
                values = next;
            }
            for (JsonNode v : values) {
                if (v.isMissingNode() || v.isNull()) {
                    continue;
                }
                found++;
                assertThat(type.equals("sc:Integer") ? v.isIntegralNumber() : v.isTextual())
                        .as(field.get("@id") + " = " + v + " is " + type).isTrue();
            }
        }
        if (!OPTIONAL.contains(field.get("name").asText())) {
            assertThat(found).as(field.get("@id") + ": some record has a value").isPositive();
        }
    }
}
