package org.corpusbench.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;

/**
 * The published releases of one dataset: for each version, the fingerprint it was published with and the
 * date that was recorded. The list lives outside the release directories, in
 * {@code datasets/<name>/releases.tsv}, and ships inside corpusbench as a classpath resource (the pom copies
 * it), so a release whose files were changed and whose manifest was then recomputed to match still differs
 * from what was published (issue 12, "Pinned releases"). Rows are only ever added, by
 * {@code corpusbench build}; see {@code docs/reliability.md}.
 *
 * <p>The file is UTF-8 text: the header {@value #HEADER}, then one tab-separated row per version.
 */
public final class PublishedReleases {

    /** The file's name in a dataset's source directory. */
    public static final String FILE_NAME = "releases.tsv";
    /** The first line of the file. */
    public static final String HEADER = "name\tversion\tfingerprint\tdate";

    /** Where the bundled lists live on the classpath: {@code <this>/<name>/releases.tsv}. */
    static final String RESOURCE_DIR = "org/corpusbench/dataset/published";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One published version. */
    public record Release(String name, String version, String fingerprint, LocalDate date) {
        /**
         * Requires all four fields. Their forms (a dataset name, MAJOR.MINOR.PATCH, 64 hex digits) are
         * checked where a list is parsed, not here.
         */
        public Release {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(date, "date");
        }

        /** The row of the file, without its line end. */
        public String row() {
            return name + "\t" + version + "\t" + fingerprint + "\t" + date;
        }
    }

    private final String source;
    private final List<Release> releases;

    private PublishedReleases(String source, List<Release> releases) {
        this.source = source;
        this.releases = List.copyOf(releases);
    }

    /**
     * The list that ships with corpusbench for dataset {@code name}, or empty when corpusbench publishes no
     * dataset of that name (a user's own dataset).
     */
    public static Optional<PublishedReleases> bundled(String name) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String resource = RESOURCE_DIR + "/" + name + "/" + FILE_NAME;
        ClassLoader loader = PublishedReleases.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String where = "datasets/" + name + "/" + FILE_NAME + ", shipped in corpusbench as " + resource;
            return Optional.of(parse(text, where, name));
        }
    }

    /** Reads a list from a file; a file that does not exist is an empty list (nothing published yet). */
    public static PublishedReleases read(Path file, String name) throws IOException {
        if (!Files.exists(file)) {
            return new PublishedReleases(file.toString(), List.of());
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), name);
    }

    /**
     * Parses the text of a list. {@code where} names it in messages; every row must be of dataset
     * {@code name}.
     */
    static PublishedReleases parse(String text, String where, String name) throws CorpusFormatException {
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new CorpusFormatException(Location.of(where, 1), null, "found header '" + lines[0]
                    + "', expected '" + HEADER.replace("\t", "<TAB>") + "' (columns separated by tabs)");
        }
        List<Release> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            Location at = Location.of(where, i + 1);
            String[] col = line.split("\t", -1);
            if (col.length != 4) {
                throw new CorpusFormatException(at, null, "found " + col.length + " tab-separated columns, expected 4 ("
                        + HEADER.replace("\t", ", ") + ")");
            }
            check(at, "name", col[0], NAME, "a dataset name");
            if (!col[0].equals(name)) {
                throw new CorpusFormatException(at, "name", "found '" + col[0] + "', expected '" + name
                        + "': this file lists the releases of " + name + " only");
            }
            check(at, "version", col[1], VERSION, "MAJOR.MINOR.PATCH");
            check(at, "fingerprint", col[2], SHA256, "64 lowercase hex digits (the manifest's fingerprint)");
            LocalDate date;
            try {
                date = LocalDate.parse(col[3]);
            } catch (DateTimeParseException e) {
                throw new CorpusFormatException(at, "date", "found '" + col[3] + "', expected YYYY-MM-DD", e);
            }
            for (Release r : out) {
                if (r.version().equals(col[1])) {
                    throw new CorpusFormatException(at, "version", "found " + col[1] + " a second time; a version is "
                            + "published once, with one fingerprint");
                }
            }
            out.add(new Release(col[0], col[1], col[2], date));
        }
        return new PublishedReleases(where, out);
    }

    private static void check(Location at, String field, String value, Pattern p, String expected)
            throws CorpusFormatException {
        if (!p.matcher(value).matches()) {
            throw new CorpusFormatException(at, field, "found '" + value + "', expected " + expected);
        }
    }

    /** Where the list lives, for messages: a file, or the dataset file and the resource it ships as. */
    public String source() {
        return source;
    }

    /** Every published version, in the order the rows were recorded. */
    public List<Release> releases() {
        return releases;
    }

    /** The published release of {@code version}, if there is one. */
    public Optional<Release> find(String version) {
        return releases.stream().filter(r -> r.version().equals(version)).findFirst();
    }

    /** The published versions, in the order they were recorded. */
    public List<String> versions() {
        return releases.stream().map(Release::version).toList();
    }

    /** The file's text: header and one row per release, each ending in a line feed. */
    public String render() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        releases.forEach(r -> sb.append(r.row()).append('\n'));
        return sb.toString();
    }

    /** This list with {@code r} appended. */
    PublishedReleases plus(Release r) {
        List<Release> all = new ArrayList<>(releases);
        all.add(r);
        return new PublishedReleases(source, all);
    }
}
