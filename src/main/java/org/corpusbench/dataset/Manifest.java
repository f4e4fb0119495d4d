package org.corpusbench.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.internal.Hashes;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.schema.SchemaValidator;

/**
 * The manifest of a dataset release: name, version, and every file pinned by SHA-256, plus the seeds it
 * was built from and one fingerprint over all of them. The fingerprint is what reports cite, so that a
 * score can be traced to the exact bytes it was computed on.
 */
public record Manifest(String name, String version, String schemaVersion, String license, String description,
                       List<FileEntry> files, List<SeedEntry> seeds, String fingerprint) {

    /** The manifest's name in a release directory, beside the files it lists. */
    public static final String FILE_NAME = "manifest.json";

    /** A file of the release: path relative to the release directory. */
    public record FileEntry(String path, String sha256, long bytes, Long records, String layer) {
    }

    /** A seed article the release was built from: path relative to the project root. */
    public record SeedEntry(String path, String sha256) {
    }

    /**
     * Requires a name and a version; sorts files and seeds by path, so that {@link #toJson} writes them in
     * one order whatever order they were listed in.
     */
    public Manifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        files = files.stream().sorted(Comparator.comparing(FileEntry::path)).toList();
        seeds = seeds.stream().sorted(Comparator.comparing(SeedEntry::path)).toList();
    }

    /** SHA-256 over the sorted lines {@code path<TAB>sha256\n}, files first, then seeds under {@code seeds/}. */
    public static String fingerprint(List<FileEntry> files, List<SeedEntry> seeds) {
        List<String> lines = new ArrayList<>();
        files.forEach(f -> lines.add(f.path() + "\t" + f.sha256() + "\n"));
        seeds.forEach(s -> lines.add(s.path() + "\t" + s.sha256() + "\n"));
        lines.sort(Comparator.naturalOrder());
        return Hashes.sha256(String.join("", lines));
    }

    /**
     * The manifest as {@code corpusbench build} writes it: indented by two spaces, fields in a fixed order,
     * {@code description} and each file's {@code records} and {@code layer} left out when {@code null},
     * ending in a line feed. Nothing is checked here; {@link #read} checks a manifest against its schema.
     */
    public String toJson() {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(w)) {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pp);
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("version", version);
            g.writeStringField("schema_version", schemaVersion);
            g.writeStringField("license", license);
            if (description != null) {
                g.writeStringField("description", description);
            }
            g.writeArrayFieldStart("files");
            for (FileEntry f : files) {
                g.writeStartObject();
                g.writeStringField("path", f.path());
                g.writeStringField("sha256", f.sha256());
                g.writeNumberField("bytes", f.bytes());
                if (f.records() != null) {
                    g.writeNumberField("records", f.records());
                }
                if (f.layer() != null) {
                    g.writeStringField("layer", f.layer());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("seeds");
            for (SeedEntry s : seeds) {
                g.writeStartObject();
                g.writeStringField("path", s.path());
                g.writeStringField("sha256", s.sha256());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("fingerprint", fingerprint);
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w + "\n";
    }

    /** Reads and schema-checks {@code dir/manifest.json}. */
    public static Manifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!java.nio.file.Files.exists(file)) {
            throw new CorpusFormatException(Location.ofFile(file.toString()), null,
                    "no manifest; expected a release directory made by 'corpusbench build'");
        }
        JsonNode n = JsonCodec.readTree(file);
        List<Diagnostic> problems = SchemaValidator.get().validate(SchemaValidator.Kind.MANIFEST, n,
                Location.ofFile(file.toString()));
        if (!problems.isEmpty()) {
            Diagnostic d = problems.get(0);
            throw new CorpusFormatException(d.location(), d.field(), d.message());
        }
        List<FileEntry> files = new ArrayList<>();
        for (JsonNode f : n.get("files")) {
            files.add(new FileEntry(f.get("path").asText(), f.get("sha256").asText(), f.path("bytes").asLong(),
                    f.has("records") ? f.get("records").asLong() : null, f.has("layer") ? f.get("layer").asText() : null));
        }
        List<SeedEntry> seeds = new ArrayList<>();
        for (JsonNode s : n.get("seeds")) {
            seeds.add(new SeedEntry(s.get("path").asText(), s.get("sha256").asText()));
        }
        return new Manifest(n.get("name").asText(), n.get("version").asText(), n.get("schema_version").asText(),
                n.get("license").asText(), n.has("description") ? n.get("description").asText() : null, files, seeds,
                n.get("fingerprint").asText());
    }
}
