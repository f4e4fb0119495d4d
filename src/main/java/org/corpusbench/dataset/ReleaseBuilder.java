package org.corpusbench.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.format.jsonl.JsonlWriter;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.internal.StagedDirectory;
import org.corpusbench.internal.Hashes;
import org.corpusbench.schema.SchemaValidator;
import org.corpusbench.diagnostic.InvalidInputException;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.schema.CorpusValidator;

/**
 * Builds a release directory from the seed articles and the human-edited gold. The output depends only on
 * its inputs — fixed record order, fixed field order, no timestamps — so building twice gives identical
 * bytes. A version that already exists is never overwritten with different content: released versions
 * are immutable, and a gold change needs a new version number.
 *
 * <p>The source directory holds {@code dataset.json} (name, version, license, description, citation, and for
 * Croissant the creator and the date published),
 * {@code gold/} (see {@link GoldSources}) and {@code card/} ({@code README.md} with a
 * {@code {{statistics}}} placeholder and the placeholders of baseline tables the caller fills, and
 * {@code CHANGELOG.md}).
 *
 * <p>It also keeps {@code releases.tsv} in the source directory, the list of published fingerprints
 * ({@link PublishedReleases}): a version built into its own place in the source directory is recorded there,
 * once; a version already recorded is never built (anywhere) to a different fingerprint.
 */
public final class ReleaseBuilder {

    /** What a build did. */
    public enum Outcome {
        /** The release directory was written. */
        CREATED,
        /** The release was already there with exactly the bytes this build gives; nothing was written. */
        UNCHANGED
    }

    /**
     * The result: where, and whether anything was written.
     *
     * @param recorded true when this build added the version to the source's {@code releases.tsv}
     */
    public record Result(Path directory, Outcome outcome, Manifest manifest, boolean recorded) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReleaseBuilder() {
    }

    /**
     * Builds the release described by {@code sourceDir/dataset.json} into {@code sourceDir/<version>/},
     * or into {@code outDir} when given.
     */
    public static Result build(Path sourceDir, Path seedsDir, Path outDir) throws IOException {
        return build(sourceDir, seedsDir, outDir, Map.of("baselines", gold -> NO_BASELINES,
                "leaderboard", gold -> NO_BASELINES));
    }

    /**
     * What the card's {@code {{baselines}}} and {@code {{leaderboard}}} placeholders say when a build computes
     * no baselines.
     */
    public static final String NO_BASELINES = "_No baseline figures were computed for this build._";

    /**
     * Builds a release whose card's {@code {{baselines}}} placeholder is filled by {@code baselines}, given
     * the gold the release is made of. (The baselines live in a package that depends on this one, so the
     * caller supplies them.)
     */
    public static Result build(Path sourceDir, Path seedsDir, Path outDir,
                               Function<GoldSources.Gold, String> baselines) throws IOException {
        return build(sourceDir, seedsDir, outDir, Map.of("baselines", baselines), Clock.systemUTC());
    }

    /**
     * Builds a release whose card's placeholders {@code {{NAME}}} are filled by {@code tables.get(NAME)},
     * given the gold the release is made of; a table is computed only when the card holds its placeholder, so
     * that a card template chooses its tables (the released cards keep the table they were published with).
     */
    public static Result build(Path sourceDir, Path seedsDir, Path outDir,
                               Map<String, Function<GoldSources.Gold, String>> tables) throws IOException {
        return build(sourceDir, seedsDir, outDir, tables, Clock.systemUTC());
    }

    /** As {@link #build(Path, Path, Path, Function)}; {@code clock} dates a new row of the published list. */
    static Result build(Path sourceDir, Path seedsDir, Path outDir, Function<GoldSources.Gold, String> baselines,
                        Clock clock) throws IOException {
        return build(sourceDir, seedsDir, outDir, Map.of("baselines", baselines), clock);
    }

    /** As {@link #build(Path, Path, Path, Map)}; {@code clock} dates a new row of the published list. */
    static Result build(Path sourceDir, Path seedsDir, Path outDir,
                        Map<String, Function<GoldSources.Gold, String>> tables, Clock clock) throws IOException {
        Path configFile = sourceDir.resolve("dataset.json");
        JsonNode config = JsonCodec.readTree(configFile);
        String name = required(config, "name", configFile);
        String version = required(config, "version", configFile);
        if (!version.matches("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)")) {
            // the version names the release folder: anything else could write outside the source folder
            throw new CorpusFormatException(Location.ofFile(configFile.toString()), "version", "'" + version
                    + "' is not a version; expected MAJOR.MINOR.PATCH, such as 1.0.2 (it names the release folder)");
        }
        Path target = outDir != null ? outDir : sourceDir.resolve(version);

        Map<String, byte[]> files = render(sourceDir, seedsDir, config, name, version, tables);
        String fingerprint = JSON.readTree(files.get(Manifest.FILE_NAME)).get("fingerprint").asText();
        Path listFile = sourceDir.resolve(PublishedReleases.FILE_NAME);
        PublishedReleases list = PublishedReleases.read(listFile, name);
        Optional<PublishedReleases.Release> published = list.find(version);
        if (published.isPresent() && !published.get().fingerprint().equals(fingerprint)) {
            throw new CorpusFormatException(Location.of(listFile.toString(),
                    list.releases().indexOf(published.get()) + 2L), "fingerprint", name + " " + version
                    + " was published with fingerprint " + published.get().fingerprint() + ", but this build gives "
                    + fingerprint + "; a published version never changes: raise the version in " + configFile
                    + " (MAJOR when scores change, MINOR for added documents or layers, PATCH for metadata) and build "
                    + "again");
        }
        boolean record = published.isEmpty()
                && target.toAbsolutePath().normalize().equals(sourceDir.resolve(version).toAbsolutePath().normalize());
        if (Files.isDirectory(target) && !isEmpty(target)) {
            if (sameContent(target, files)) {
                return new Result(target, Outcome.UNCHANGED, Manifest.read(target),
                        record && record(listFile, list, name, version, fingerprint, clock));
            }
            throw new CorpusFormatException(Location.ofFile(target.toString()), null, "release " + name + " "
                    + version + " already exists with different content; released versions are immutable — raise "
                    + "the version in " + configFile + " (MAJOR when scores change, MINOR for added documents or "
                    + "layers, PATCH for metadata) and build again");
        }
        // Staged and moved into place whole; folders and files get the umask's permissions.
        try (StagedDirectory staged = StagedDirectory.create(target, false)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.write(staged.path().resolve(e.getKey()), e.getValue());
            }
            // A release is validated before it exists: nothing that verify would refuse is ever written,
            // and no fingerprint of an invalid release is recorded as published.
            List<Diagnostic> problems = CorpusValidator.validateStaged(staged.path(), CorpusValidator.Role.GOLD, target)
                    .stream().filter(Diagnostic::isError).toList();
            if (!problems.isEmpty()) {
                throw new InvalidInputException("the release " + name + " " + version + " built from " + sourceDir,
                        problems, "nothing was written; fix the gold sources (the lines are those of the release "
                                + "files they would become)");
            }
            staged.commit();
        }
        return new Result(target, Outcome.CREATED, Manifest.read(target),
                record && record(listFile, list, name, version, fingerprint, clock));
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Appends a row to the published list (rewritten atomically); true. */
    private static boolean record(Path listFile, PublishedReleases list, String name, String version,
                                  String fingerprint, Clock clock) throws IOException {
        PublishedReleases.Release r = new PublishedReleases.Release(name, version, fingerprint, LocalDate.now(clock));
        AtomicFiles.writeString(listFile, list.plus(r).render());
        return true;
    }

    private static boolean sameContent(Path dir, Map<String, byte[]> files) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            if (s.count() != files.size()) {
                return false;
            }
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            if (!Files.isRegularFile(p) || !Arrays.equals(Files.readAllBytes(p), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Every file of the release, by name, in memory (a release of this size is small). */
    static Map<String, byte[]> render(Path sourceDir, Path seedsDir, JsonNode config, String name, String version,
                                      Map<String, Function<GoldSources.Gold, String>> tables) throws IOException {
        GoldSources.Gold gold = GoldSources.read(seedsDir, sourceDir.resolve("gold"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Manifest.FileEntry> entries = new ArrayList<>();
        add(files, entries, Dataset.DOCUMENTS, jsonl(gold.documents()), (long) gold.documents().size(), "documents");
        add(files, entries, Dataset.ANNOTATIONS, jsonl(gold.annotations()), (long) gold.annotations().size(),
                "entities+timexes");
        add(files, entries, Dataset.CONTRADICTIONS, jsonl(gold.contradictions()), (long) gold.contradictions().size(),
                "contradictions");
        add(files, entries, Dataset.NLI, jsonl(gold.nliPairs()), (long) gold.nliPairs().size(), "nli");

        CorpusStatistics stats = new CorpusStatistics();
        gold.documents().forEach(stats::document);
        gold.annotations().forEach(stats::annotations);
        gold.contradictions().forEach(stats::contradiction);
        gold.nliPairs().forEach(stats::nliPair);
        String card = Files.readString(sourceDir.resolve("card/README.md"), StandardCharsets.UTF_8)
                .replace("{{version}}", version)
                .replace("{{statistics}}", "```\n" + stats.render() + "```");
        for (Map.Entry<String, Function<GoldSources.Gold, String>> t : new java.util.TreeMap<>(tables).entrySet()) {
            String placeholder = "{{" + t.getKey() + "}}";
            if (card.contains(placeholder)) {
                card = card.replace(placeholder, t.getValue().apply(gold));
            }
        }
        add(files, entries, "README.md", card.getBytes(StandardCharsets.UTF_8), null, "card");
        add(files, entries, "CHANGELOG.md", Files.readAllBytes(sourceDir.resolve("card/CHANGELOG.md")), null,
                "changelog");

        List<Manifest.SeedEntry> seeds = new ArrayList<>();
        try (Stream<Path> s = Files.list(seedsDir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                seeds.add(new Manifest.SeedEntry("seeds/" + p.getFileName(), Hashes.sha256(Files.readAllBytes(p))));
            }
        }
        byte[] croissant = Croissant.render(config, sourceDir.resolve("dataset.json"), name, version, entries);
        add(files, entries, "croissant.json", croissant, null, "metadata");

        Manifest m = new Manifest(name, version, SchemaValidator.SCHEMA_VERSION, config.path("license").asText(),
                config.path("description").asText(null), entries, seeds, Manifest.fingerprint(entries, seeds));
        files.put(Manifest.FILE_NAME, m.toJson().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static void add(Map<String, byte[]> files, List<Manifest.FileEntry> entries, String path, byte[] bytes,
                            Long records, String layer) {
        files.put(path, bytes);
        entries.add(new Manifest.FileEntry(path, Hashes.sha256(bytes), bytes.length, records, layer));
    }

    private static byte[] jsonl(List<?> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonlWriter.write(out, records);
        return out.toByteArray();
    }

    private static String required(JsonNode config, String field, Path file) throws CorpusFormatException {
        JsonNode v = config.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new CorpusFormatException(Location.ofFile(file.toString()), field, "missing; expected a string");
        }
        return v.asText();
    }

    /**
     * MLCommons Croissant 1.0 metadata (JSON-LD) describing the release's files and record sets: the
     * specification's context, its required dataset properties (name, description, license, url, creator,
     * datePublished, conformsTo) and one record set per file, nested records (entity and TIMEX3 lists, evidence
     * and NLI segments) as fields with {@code subField}s, lists marked {@code repeated}, numbers as integers.
     */
    static final class Croissant {

        /** The JSON-LD context of the Croissant 1.0 specification, term for term. */
        private static final String[][] CONTEXT = {
            {"@language", "en"}, {"@vocab", "https://schema.org/"}, {"citeAs", "cr:citeAs"},
            {"column", "cr:column"}, {"conformsTo", "dct:conformsTo"}, {"cr", "http://mlcommons.org/croissant/"},
            {"rai", "http://mlcommons.org/croissant/RAI/"}, {"data", "@json cr:data"},
            {"dataType", "@vocab cr:dataType"}, {"dct", "http://purl.org/dc/terms/"},
            {"examples", "@json cr:examples"}, {"extract", "cr:extract"}, {"field", "cr:field"},
            {"fileProperty", "cr:fileProperty"}, {"fileObject", "cr:fileObject"}, {"fileSet", "cr:fileSet"},
            {"format", "cr:format"}, {"includes", "cr:includes"}, {"isLiveDataset", "cr:isLiveDataset"},
            {"jsonPath", "cr:jsonPath"}, {"key", "cr:key"}, {"md5", "cr:md5"}, {"parentField", "cr:parentField"},
            {"path", "cr:path"}, {"recordSet", "cr:recordSet"}, {"references", "cr:references"},
            {"regex", "cr:regex"}, {"repeated", "cr:repeated"}, {"replace", "cr:replace"},
            {"sc", "https://schema.org/"}, {"separator", "cr:separator"}, {"source", "cr:source"},
            {"subField", "cr:subField"}, {"transform", "cr:transform"}};

        private static final String TEXT = "sc:Text";
        private static final String INTEGER = "sc:Integer";

        private Croissant() {
        }

        static byte[] render(JsonNode config, Path configFile, String name, String version,
                             List<Manifest.FileEntry> files) throws IOException {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode ctx = root.putObject("@context");
            for (String[] term : CONTEXT) {
                if (term[1].startsWith("@json ") || term[1].startsWith("@vocab ")) {
                    int space = term[1].indexOf(' ');
                    ctx.putObject(term[0]).put("@id", term[1].substring(space + 1)).put("@type",
                            term[1].substring(0, space));
                } else {
                    ctx.put(term[0], term[1]);
                }
            }
            root.put("@type", "sc:Dataset");
            root.put("name", name);
            root.put("description", required(config, "description", configFile));
            root.put("conformsTo", "http://mlcommons.org/croissant/1.0");
            root.put("license", config.path("license_url").asText(required(config, "license", configFile)));
            root.put("url", required(config, "url", configFile));
            root.put("version", version);
            String published = required(config, "date_published", configFile);
            try {
                java.time.LocalDate.parse(published);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CorpusFormatException(Location.ofFile(configFile.toString()), "date_published",
                        "'" + published + "' is not a date; expected YYYY-MM-DD");
            }
            root.put("datePublished", published);
            JsonNode creator = config.get("creator");
            if (creator == null || !creator.isObject() || !creator.path("name").isTextual()
                    || creator.get("name").asText().isEmpty()) {
                throw new CorpusFormatException(Location.ofFile(configFile.toString()), "creator",
                        "missing; expected an object with a name (and a url), the dataset's creator in Croissant");
            }
            ObjectNode c = root.putObject("creator");
            c.put("@type", creator.path("type").asText("Organization").equals("Person") ? "sc:Person"
                    : "sc:Organization");
            c.put("name", creator.get("name").asText());
            if (creator.path("url").isTextual()) {
                c.put("url", creator.get("url").asText());
            }
            if (config.has("citation")) {
                root.put("citeAs", config.get("citation").asText());
            }
            root.put("inLanguage", "en");
            ArrayNode dist = root.putArray("distribution");
            for (Manifest.FileEntry f : files) {
                ObjectNode fo = dist.addObject();
                fo.put("@type", "cr:FileObject");
                fo.put("@id", f.path());
                fo.put("name", f.path());
                fo.put("contentUrl", f.path());
                fo.put("encodingFormat", f.path().endsWith(".jsonl") ? "application/jsonlines" : "text/markdown");
                fo.put("sha256", f.sha256());
                fo.put("contentSize", f.bytes() + " B");
            }
            ArrayNode sets = root.putArray("recordSet");
            String[][] span = {{"start", INTEGER}, {"end", INTEGER}, {"text", TEXT}};
            String[][] segment = {{"doc_id", TEXT}, {"start", INTEGER}, {"end", INTEGER}, {"text", TEXT}};
            ObjectNode docs = recordSet(sets, "documents", "one article: its text and where it comes from", "id");
            for (String f : new String[] {"id", "title", "source", "text", "sha256"}) {
                field(docs, "documents", Dataset.DOCUMENTS, f, TEXT);
            }
            ObjectNode anns = recordSet(sets, "annotations", "the entity mentions and TIMEX3 expressions of one "
                    + "article; offsets in Unicode code points, end exclusive", "doc_id");
            field(anns, "annotations", Dataset.ANNOTATIONS, "doc_id", TEXT);
            nested(anns, "annotations", Dataset.ANNOTATIONS, "entities", true,
                    concat(span, new String[][] {{"type", TEXT}, {"entity_id", TEXT}}));
            nested(anns, "annotations", Dataset.ANNOTATIONS, "timexes", true, concat(new String[][] {{"tid", TEXT}},
                    concat(span, new String[][] {{"type", TEXT}, {"value", TEXT}, {"mod", TEXT}, {"anchor", TEXT},
                        {"quant", TEXT}, {"freq", TEXT}})));
            ObjectNode cons = recordSet(sets, "contradictions", "two evidence spans, in one article or two, that "
                    + "cannot both be true", "id");
            field(cons, "contradictions", Dataset.CONTRADICTIONS, "id", TEXT);
            field(cons, "contradictions", Dataset.CONTRADICTIONS, "type", TEXT);
            nested(cons, "contradictions", Dataset.CONTRADICTIONS, "a", false, segment);
            nested(cons, "contradictions", Dataset.CONTRADICTIONS, "b", false, segment);
            field(cons, "contradictions", Dataset.CONTRADICTIONS, "explanation", TEXT);
            ObjectNode nli = recordSet(sets, "nli", "a premise and a hypothesis from the articles, with an "
                    + "entailment, neutral or contradiction label", "id");
            field(nli, "nli", Dataset.NLI, "id", TEXT);
            nested(nli, "nli", Dataset.NLI, "premise", false, segment);
            nested(nli, "nli", Dataset.NLI, "hypothesis", false, segment);
            field(nli, "nli", Dataset.NLI, "label", TEXT);
            field(nli, "nli", Dataset.NLI, "contradiction_id", TEXT);
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        }

        private static String[][] concat(String[][] a, String[][] b) {
            String[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        private static ObjectNode recordSet(ArrayNode sets, String name, String description, String key) {
            ObjectNode rs = sets.addObject();
            rs.put("@type", "cr:RecordSet");
            rs.put("@id", name);
            rs.put("name", name);
            rs.put("description", description);
            rs.putObject("key").put("@id", name + "/" + key);
            rs.putArray("field");
            return rs;
        }

        private static ObjectNode field(ObjectNode rs, String set, String file, String name, String dataType) {
            return leaf((ArrayNode) rs.get("field"), set + "/" + name, name, dataType, file, "$." + name);
        }

        private static ObjectNode leaf(ArrayNode fields, String id, String name, String dataType, String file,
                                       String jsonPath) {
            ObjectNode fo = fields.addObject();
            fo.put("@type", "cr:Field");
            fo.put("@id", id);
            fo.put("name", name);
            fo.put("dataType", dataType);
            ObjectNode src = fo.putObject("source");
            src.putObject("fileObject").put("@id", file);
            src.putObject("extract").put("jsonPath", jsonPath);
            return fo;
        }

        /** A field holding an object ({@code repeated}: a list of them) whose keys are its sub-fields. */
        private static void nested(ObjectNode rs, String set, String file, String name, boolean repeated,
                                   String[][] subFields) {
            ObjectNode fo = ((ArrayNode) rs.get("field")).addObject();
            fo.put("@type", "cr:Field");
            fo.put("@id", set + "/" + name);
            fo.put("name", name);
            if (repeated) {
                fo.put("repeated", true);
            }
            ArrayNode subs = fo.putArray("subField");
            for (String[] sf : subFields) {
                leaf(subs, set + "/" + name + "/" + sf[0], sf[0], sf[1], file,
                        "$." + name + (repeated ? "[*]." : ".") + sf[0]);
            }
        }
    }
}
