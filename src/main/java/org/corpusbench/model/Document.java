package org.corpusbench.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Collections;

/**
 * One article of a corpus. The raw text is kept exactly as read (line endings, byte order mark removed
 * only when the loader reports it) because every offset of every annotation refers to it.
 *
 * @param id     stable identifier, for a text file its name without extension
 * @param text   the raw text
 * @param title  the headline (first line) when the document has one, else {@code null}
 * @param source where it was read from (file name, URL), may be {@code null}
 * @param sha256 lower-case hex SHA-256 of the raw bytes it was read from
 * @param metadata further fields (date, outlet, ...) kept as strings, sorted by key; never {@code null}
 */
public record Document(String id, String text, String title, String source, String sha256,
                       Map<String, String> metadata) {

    /**
     * Requires an id that is not empty, the text and the checksum. {@code metadata} is copied sorted by key,
     * and {@code null} is read as none, so that equal documents are equal records.
     */
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sha256, "sha256");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        metadata = metadata == null || metadata.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /** A document with no further metadata. */
    public Document(String id, String text, String title, String source, String sha256) {
        this(id, text, title, source, sha256, Map.of());
    }

    /** A document whose title is its first line and whose checksum is that of its UTF-8 encoding. */
    public static Document of(String id, String text, String source) {
        return new Document(id, text, firstLine(text), source, sha256(text), Map.of());
    }

    /** The model is a leaf of the package graph (docs/architecture.md), so it hashes without helpers. */
    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Length in code points, the unit of all offsets. */
    public int length() {
        return CodePoints.length(text);
    }

    /** The span {@code [start, end)} of this document, with its surface text. */
    public Span span(int start, int end) {
        return Span.of(text, start, end);
    }

    /** The first line, without its line terminator, or {@code null} when it is blank. */
    public static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.isBlank() ? null : line;
    }
}
