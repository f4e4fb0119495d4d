package org.corpusbench.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.corpusbench.format.hf.HuggingFace;

/**
 * The license and languages a release's own dataset card declares in its YAML header, so that an export of
 * the release carries them into the card it writes instead of asking the user to repeat them.
 */
public final class ReleaseCard {

    private ReleaseCard() {
    }

    /**
     * The license and languages of the card ({@code README.md}) of the release in {@code dir}; what the
     * header does not say stays unknown, and a directory without a card, or a card without a header, gives
     * {@link HuggingFace.Card#UNKNOWN}.
     *
     * @throws IOException when the card cannot be read, or its header is not YAML or names a license or
     *                     language that is not an identifier (a release's card is checked when it is built,
     *                     so this means the directory is not a release as corpusbench writes them)
     */
    public static HuggingFace.Card read(Path dir) throws IOException {
        Path card = dir.resolve("README.md");
        if (!Files.isRegularFile(card)) {
            return HuggingFace.Card.UNKNOWN;
        }
        String text = Files.readString(card, StandardCharsets.UTF_8);
        if (!text.startsWith("---\n")) {
            return HuggingFace.Card.UNKNOWN;
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            return HuggingFace.Card.UNKNOWN;
        }
        JsonNode header;
        try {
            header = new ObjectMapper(new YAMLFactory()).readTree(text.substring(4, end + 1));
        } catch (JsonProcessingException e) {
            throw new IOException(card + ": the card's YAML header cannot be read: " + e.getOriginalMessage(), e);
        }
        if (header == null || !header.isObject()) {
            return HuggingFace.Card.UNKNOWN;
        }
        String license = header.path("license").isTextual() ? header.get("license").asText() : null;
        List<String> languages = new ArrayList<>();
        JsonNode l = header.path("language");
        if (l.isTextual()) {
            languages.add(l.asText());
        } else if (l.isArray()) {
            l.forEach(x -> languages.add(x.asText()));
        }
        try {
            return new HuggingFace.Card(license, languages);
        } catch (IllegalArgumentException e) {
            throw new IOException(card + ": " + e.getMessage(), e);
        }
    }
}
