package org.corpusbench.format.hf;

import org.corpusbench.format.Corpus;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.conll.Conll;
import org.corpusbench.format.conll.ConllTagger;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.internal.Hashes;
import org.corpusbench.internal.SpanMessages;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * Files for Hugging Face {@code datasets}: {@code documents.jsonl} (one document per line with its text and
 * its entity and TIMEX3 span records; every record has every key, null when absent, so Arrow infers one
 * schema), {@code tokens.jsonl} (one sentence per line: {@code tokens} and integer {@code ner_tags} in IOB2)
 * and a {@code README.md} whose YAML header declares both configurations and the {@code ner_tags} label
 * names, so {@code load_dataset(dir, "tokens")} gives a {@code ClassLabel} feature.
 */
public final class HuggingFace {

    /** The document configuration: a document per line with its entity and TIMEX3 records; what {@link #read} reads. */
    public static final String DOCUMENTS = "documents.jsonl";
    /** The token configuration: a sentence per line, its tokens and IOB2 tag indices; written, never read back. */
    public static final String TOKENS = "tokens.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HuggingFace() {
    }

    /**
     * Writes the three files. Each document is tokenised when its sentences are written, one document at a
     * time, so memory does not grow with the corpus (issue 12).
     *
     * @return the token-level export's figures, with the mentions that did not fall on token boundaries
     * @throws CorpusFormatException when a token holds white space
     */
    public static Conll.Export write(Path dir, List<Document> docs, Conll.Tokenizer tokenizer,
                                     Map<String, DocumentAnnotations> gold, String datasetName) throws IOException {
        return write(dir, docs, tokenizer, gold, datasetName, Card.UNKNOWN);
    }

    /**
     * What the Hugging Face Hub reads from a card's header to file a dataset: its license and languages. A
     * corpus does not carry them (a release's card does), so the exporter is told; unknown, the card says
     * {@code license: unknown} and names no language, as the Hub's own cards do when nobody said.
     *
     * @param license   a Hub license identifier such as {@code cc-by-4.0}, or {@code null} when unknown
     * @param languages ISO 639 codes of the documents' languages, empty when unknown
     */
    public record Card(String license, List<String> languages) {

        /** Neither license nor language known. */
        public static final Card UNKNOWN = new Card(null, List.of());

        private static final Pattern LICENSE = Pattern.compile("[a-z0-9][a-z0-9.+-]*");
        private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

        /**
         * Requires identifiers the card's YAML can hold unquoted and the Hub recognises in form: a license in
         * lower case ({@code cc-by-4.0}, {@code mit}, {@code other}), languages as ISO 639-1 or 639-3 codes with
         * optional subtags ({@code en}, {@code pt-BR}); anything else is refused rather than written into the
         * header, where it would break or mislabel the dataset.
         */
        public Card {
            if (license != null && !LICENSE.matcher(license).matches()) {
                throw new IllegalArgumentException("license '" + license + "' is not a Hub license identifier "
                        + "(lower case letters, digits, '.', '+' and '-', such as cc-by-4.0)");
            }
            languages = List.copyOf(languages);
            for (String l : languages) {
                if (!LANGUAGE.matcher(l).matches()) {
                    throw new IllegalArgumentException("language '" + l + "' is not an ISO 639 code (such as en, "
                            + "de or pt-BR)");
                }
            }
        }

        /** This card with {@code l} as its license. */
        public Card withLicense(String l) {
            return new Card(l, languages);
        }

        /** This card with {@code ls} as its languages. */
        public Card withLanguages(List<String> ls) {
            return new Card(license, ls);
        }
    }

    /**
     * As {@link #write(Path, List, Conll.Tokenizer, Map, String)}, with the license and languages the card's
     * header declares.
     */
    public static Conll.Export write(Path dir, List<Document> docs, Conll.Tokenizer tokenizer,
                                     Map<String, DocumentAnnotations> gold, String datasetName, Card card)
            throws IOException {
        List<String> types = new ArrayList<>();
        gold.values().forEach(a -> a.entities().forEach(e -> types.add(e.type())));
        return writePart(dir, docs, tokenizer, gold, labels(types), 1, datasetName, card);
    }

    /**
     * The {@code ner_tags} label names of a corpus whose entity mentions have the types {@code types} (in any
     * order, repeated or not): {@code O}, then {@code B-} and {@code I-} of each type in sorted order.
     */
    public static List<String> labels(java.util.Collection<String> types) {
        List<String> labels = new ArrayList<>();
        labels.add("O");
        for (String t : new TreeSet<>(types)) {
            labels.add("B-" + t);
            labels.add("I-" + t);
        }
        return labels;
    }

    /**
     * One part of the export of a corpus written by several machines (issue 16: export on Spark), as
     * {@link #write(Path, List, Conll.Tokenizer, Map, String, Card)} writes the whole: the part's documents in
     * {@code documents.jsonl} and their sentences in {@code tokens.jsonl}, with the label names of the whole
     * corpus ({@code labels}, from {@link #labels}) and the documents numbered from {@code firstDocument} (the
     * number of the part's first document in the whole corpus), so that the parts' JSONL files concatenated are
     * the whole export's; the Parquet copies of the part's own JSONL files; and the card, which names only the
     * dataset and the labels and so is the whole export's.
     */
    public static Conll.Export writePart(Path dir, List<Document> docs, Conll.Tokenizer tokenizer,
                                         Map<String, DocumentAnnotations> gold, List<String> labels,
                                         long firstDocument, String datasetName, Card card) throws IOException {
        AtomicFiles.write(dir.resolve(DOCUMENTS), out -> writeDocuments(out, docs, gold));
        ConllTagger tagger = new ConllTagger(TagScheme.IOB2, t -> t);
        AtomicFiles.write(dir.resolve(TOKENS), out -> writeTokens(out, docs, tokenizer, gold, tagger, labels,
                firstDocument));
        parquetCopies(dir);
        AtomicFiles.writeString(dir.resolve("README.md"), card(datasetName, labels, card));
        return tagger.export();
    }

    /**
     * Writes {@code documents.parquet} and {@code tokens.parquet} in {@code dir} from its {@code documents.jsonl}
     * and {@code tokens.jsonl}: the copies {@link #write} makes, a function of those files alone.
     */
    public static void parquetCopies(Path dir) throws IOException {
        ParquetCopies.documents(dir);
        ParquetCopies.tokens(dir);
    }

    private static void writeDocuments(OutputStream out, List<Document> docs, Map<String, DocumentAnnotations> gold)
            throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            for (Document d : docs) {
                DocumentAnnotations a = gold.getOrDefault(d.id(), DocumentAnnotations.empty(d.id()));
                g.writeStartObject();
                g.writeStringField("id", d.id());
                g.writeStringField("title", d.title());
                g.writeStringField("text", d.text());
                g.writeArrayFieldStart("entities");
                for (EntityMention e : a.entities()) {
                    g.writeStartObject();
                    span(g, e.span());
                    g.writeStringField("type", e.type());
                    g.writeStringField("entity_id", e.entityId());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("timexes");
                for (Timex3 t : a.timexes()) {
                    g.writeStartObject();
                    g.writeStringField("tid", t.tid());
                    span(g, t.span());
                    g.writeStringField("type", t.type().name());
                    g.writeStringField("value", t.value());
                    g.writeStringField("mod", t.mod());
                    g.writeStringField("anchor", t.anchor());
                    g.writeStringField("quant", t.quant());
                    g.writeStringField("freq", t.freq());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
    }

    /** The YAML of a struct's fields, {@code name:dtype} each, as an item of a {@code list:} feature. */
    private static String fields(String... nameAndType) {
        StringBuilder sb = new StringBuilder();
        for (String f : nameAndType) {
            int colon = f.indexOf(':');
            sb.append("    - name: ").append(f, 0, colon).append("\n      dtype: ").append(f.substring(colon + 1))
                    .append('\n');
        }
        return sb.toString();
    }

    private static void span(JsonGenerator g, Span s) throws IOException {
        g.writeNumberField("start", s.start());
        g.writeNumberField("end", s.end());
        g.writeStringField("text", s.text());
    }

    /**
     * One JSON line per non-empty sentence: id {@code <document number>-<sentence number>} (documents from 1,
     * sentences from 0), the tokens, and each IOB2 tag as its index in {@code labels}.
     */
    private static void writeTokens(OutputStream out, List<Document> docs, Conll.Tokenizer tokenizer,
                                    Map<String, DocumentAnnotations> gold, ConllTagger tagger, List<String> labels,
                                    long firstDocument) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            long docNo = firstDocument - 1;
            for (Document d : docs) {
                String doc = Long.toString(++docNo);
                int[] sentenceNo = {0};
                tagger.document(d, tokenizer.sentences(d), gold.getOrDefault(d.id(), DocumentAnnotations.empty(d.id())),
                        (tokens, tags) -> {
                            if (tokens.isEmpty()) {
                                return;
                            }
                            g.writeStartObject();
                            g.writeStringField("id", doc + "-" + sentenceNo[0]++);
                            g.writeArrayFieldStart("tokens");
                            for (Span t : tokens) {
                                g.writeString(t.text());
                            }
                            g.writeEndArray();
                            g.writeArrayFieldStart("ner_tags");
                            for (String t : tags) {
                                g.writeNumber(index.getOrDefault(t, -1));
                            }
                            g.writeEndArray();
                            g.writeEndObject();
                            g.writeRaw('\n');
                        });
            }
        }
    }

    private static String card(String name, List<String> labels, Card card) {
        // Both configurations are one "test" split: the gold of a benchmark is scored, not trained on. The
        // documents configuration declares its features, so that attributes that are null in every record
        // (a TIMEX3's anchor or freq) load as strings, not as Arrow's null type (issue 14).
        StringBuilder sb = new StringBuilder("---\nlicense: ").append(card.license() == null ? "unknown"
                : card.license()).append('\n');
        if (!card.languages().isEmpty()) {
            sb.append("language:\n");
            card.languages().forEach(l -> sb.append("- ").append(l).append('\n'));
        }
        sb.append("configs:\n- config_name: documents\n  data_files:\n")
                .append("  - split: test\n    path: ").append(DOCUMENTS).append("\n  default: true\n")
                .append("- config_name: tokens\n  data_files:\n  - split: test\n    path: ").append(TOKENS)
                .append("\ndataset_info:\n- config_name: documents\n  features:\n")
                .append("  - name: id\n    dtype: string\n  - name: title\n    dtype: string\n")
                .append("  - name: text\n    dtype: string\n  - name: entities\n    list:\n")
                .append(fields("start:int64", "end:int64", "text:string", "type:string", "entity_id:string"))
                .append("  - name: timexes\n    list:\n")
                .append(fields("tid:string", "start:int64", "end:int64", "text:string", "type:string",
                        "value:string", "mod:string", "anchor:string", "quant:string", "freq:string"))
                .append("- config_name: tokens\n  features:\n  - name: id\n    dtype: string\n")
                .append("  - name: tokens\n    sequence: string\n  - name: ner_tags\n    sequence:\n")
                .append("      class_label:\n        names:\n");
        for (int i = 0; i < labels.size(); i++) {
            sb.append("          '").append(i).append("': ").append(labels.get(i)).append('\n');
        }
        sb.append("---\n\n# ").append(name).append(" (Hugging Face export)\n\n")
                .append("Written by `corpusbench export --format hf`. `documents` has one record per document with ")
                .append("code-point offsets (Python `str` slicing); `tokens` has one record per sentence, tokenised ")
                .append("with OpenNLP's English UD models, tags in IOB2 with the label names above. Token ids are ")
                .append("`<document number>-<sentence number>`, documents numbered from 1 in `documents.jsonl` ")
                .append("order. Both are one `test` split: `load_dataset(dir, \"documents\", split=\"test\")`.\n\n")
                .append("`documents.parquet` and `tokens.parquet` hold the same records as the JSONL files, column ")
                .append("for column (Apache Parquet, uncompressed), for tools that read Parquet.\n");
        return sb.toString();
    }

    /** Reads {@code documents.jsonl} back. */
    public static Corpus read(Path file) throws IOException {
        List<Document> docs = new ArrayList<>();
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        Map<String, Location> seen = new HashMap<>();
        try (JsonlReader r = JsonlReader.open(file)) {
            JsonlReader.JsonLine line;
            while ((line = r.next()) != null) {
                JsonNode n = line.node();
                Location at = line.location();
                String id = required(n, "id", at).asText();
                Location first = seen.putIfAbsent(id, at);
                if (first != null) {
                    throw new CorpusFormatException(at, "id", "'" + id + "' is also the id of the document at line "
                            + first.line() + "; expected each id once");
                }
                String text = required(n, "text", at).asText();
                JsonNode title = n.get("title");
                docs.add(new Document(id, text, title == null || title.isNull() ? null : title.asText(),
                        file.toString(), Hashes.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                List<EntityMention> entities = new ArrayList<>();
                int i = 0;
                for (JsonNode e : n.path("entities")) {
                    entities.add(new EntityMention(span(e, text, at, "entities[" + i++ + "]"),
                            required(e, "type", at).asText(), str(e, "entity_id")));
                }
                List<Timex3> timexes = new ArrayList<>();
                i = 0;
                for (JsonNode t : n.path("timexes")) {
                    String field = "timexes[" + i++ + "]";
                    TimexType type;
                    try {
                        type = TimexType.valueOf(required(t, "type", at).asText());
                    } catch (IllegalArgumentException ex) {
                        throw new CorpusFormatException(at, field + ".type", "'" + t.get("type").asText()
                                + "'; expected DATE, TIME, DURATION or SET");
                    }
                    timexes.add(new Timex3(str(t, "tid"), span(t, text, at, field), type,
                            required(t, "value", at).asText(), str(t, "mod"), str(t, "anchor"), str(t, "quant"),
                            str(t, "freq")));
                }
                anns.put(id, new DocumentAnnotations(id, entities, timexes));
            }
        }
        return new Corpus(docs, anns);
    }

    private static JsonNode required(JsonNode n, String field, Location at) throws CorpusFormatException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new CorpusFormatException(at, field, "missing");
        }
        return v;
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** An offset as the JSON holds it: an integer, never a string, a fraction or a boolean read as one. */
    private static int offset(JsonNode v, Location at, String field) throws CorpusFormatException {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new CorpusFormatException(at, field, "'" + v + "'; expected a code-point offset (an integer)");
        }
        return v.intValue();
    }

    private static Span span(JsonNode n, String text, Location at, String field) throws CorpusFormatException {
        int s = offset(required(n, "start", at), at, field + ".start");
        int e = offset(required(n, "end", at), at, field + ".end");
        int length = text.codePointCount(0, text.length());
        if (s < 0 || e < s || e > length) {
            throw new CorpusFormatException(at, field, SpanMessages.notInsideText(s, e, length));
        }
        Span span = Span.of(text, s, e);
        String surface = str(n, "text");
        if (surface != null && !surface.equals(span.text())) {
            throw new CorpusFormatException(at, field + ".text", SpanMessages.textMismatch(surface, s, e,
                    span.text()));
        }
        return span;
    }
}
