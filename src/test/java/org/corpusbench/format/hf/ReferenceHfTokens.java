package org.corpusbench.format.hf;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.corpusbench.model.DocumentAnnotations;

/**
 * {@code tokens.jsonl} as the Hugging Face export wrote it before it streamed (issue 12): parsed back out of
 * the whole IOB2 CoNLL rendering ({@code ReferenceConllRenderer}). Kept unchanged as the oracle of
 * {@link HuggingFace#write}.
 */
public final class ReferenceHfTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceHfTokens() {
    }

    /** The label names, as the export computes them: O, then B- and I- of each gold type in order. */
    public static List<String> labels(Map<String, DocumentAnnotations> gold) {
        TreeSet<String> types = new TreeSet<>();
        gold.values().forEach(a -> a.entities().forEach(e -> types.add(e.type())));
        List<String> labels = new ArrayList<>();
        labels.add("O");
        for (String t : types) {
            labels.add("B-" + t);
            labels.add("I-" + t);
        }
        return labels;
    }

    /** The bytes of {@code tokens.jsonl} for an IOB2 CoNLL rendering. */
    public static byte[] tokens(String conll, List<String> labels) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTokens(out, conll, labels);
        return out.toByteArray();
    }

    /** Turns the IOB2 CoNLL rendering into one JSON line per sentence with integer tags. */
    private static void writeTokens(OutputStream out, String conll, List<String> labels) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            String doc = null;
            int docNo = 0;
            int sentenceNo = 0;
            List<String> tokens = new ArrayList<>();
            List<Integer> tags = new ArrayList<>();
            for (String line : (conll + "\n").split("\n", -1)) {
                if (line.startsWith("-DOCSTART-")) {
                    docNo++;
                    sentenceNo = 0;
                    doc = Integer.toString(docNo);
                    continue;
                }
                if (line.isEmpty()) {
                    if (!tokens.isEmpty()) {
                        g.writeStartObject();
                        g.writeStringField("id", doc + "-" + sentenceNo++);
                        g.writeArrayFieldStart("tokens");
                        for (String t : tokens) {
                            g.writeString(t);
                        }
                        g.writeEndArray();
                        g.writeArrayFieldStart("ner_tags");
                        for (int t : tags) {
                            g.writeNumber(t);
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                        g.writeRaw('\n');
                        tokens.clear();
                        tags.clear();
                    }
                    continue;
                }
                String[] cols = line.split(" ");
                tokens.add(cols[0]);
                tags.add(labels.indexOf(cols[cols.length - 1]));
            }
        }
    }
}
