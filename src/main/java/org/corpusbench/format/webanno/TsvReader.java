package org.corpusbench.format.webanno;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.Utf16Offsets;
import org.corpusbench.internal.Utf8LineReader;
import org.corpusbench.model.Document;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/**
 * Reads one WebAnno TSV 3.2/3.3 file: rebuilds the text as INCEpTION's reader does and turns the annotations
 * of one span layer into entity mentions.
 *
 * <p>The text: the {@code #Text=} lines of a sentence, unescaped and joined by line feeds, are placed at the
 * begin offset of the sentence's first token; INCEpTION's reader follows each sentence with a line feed, fills
 * a gap before the next sentence with spaces, and takes that line feed back when the next sentence starts
 * right after the sentence's text. The format thus always ends a text with a line feed; this reader drops
 * that last one, so that a text that ends otherwise is read back as it was written.
 *
 * <p>A file that declares no layer at all is what INCEpTION exports for a document without annotations; it
 * is read as a document without mentions. A file that declares layers, but not the one asked for, is an
 * error: its entities may be in a layer of another name.
 *
 * <p>Offsets in the file count UTF-16 units and are turned into code points. Columns of other layers (POS,
 * chains, relations, slots) are skipped; sub-tokens ({@code 1-3.1}) are units like tokens.
 */
final class TsvReader {

    private static final Pattern FORMAT = Pattern.compile("#FORMAT=WebAnno TSV (\\d+)\\.(\\d+)");
    private static final Pattern UNIT_ID = Pattern.compile("[0-9]{1,9}-[0-9]{1,9}(\\.[0-9]{1,9})?");
    private static final Pattern OFFSETS = Pattern.compile("([0-9]{1,9})-([0-9]{1,9})");

    private final String file;
    private final WebAnnoTsv.Layer layer;
    private Utf8LineReader lines;
    private String line;

    /** The text read so far, in UTF-16 units as in the file. */
    private final StringBuilder text = new StringBuilder();
    /** The sentence whose tokens are being read: its content is {@code [sentenceBegin, sentenceEnd)}. */
    private int sentenceBegin = -1;
    private int sentenceEnd = -1;
    private long sentenceLine;

    private final List<Annotation> annotations = new ArrayList<>();
    private final Map<Integer, Annotation> byId = new HashMap<>();

    /** An annotation being read: UTF-16 offsets, growing as units with its disambiguation id are read. */
    private static final class Annotation {
        final int begin;
        int end;
        final String type;
        final String identifier;
        final long line;
        long lastLine;

        Annotation(int begin, int end, String type, String identifier, long line) {
            this.begin = begin;
            this.end = end;
            this.type = type;
            this.identifier = identifier;
            this.line = line;
            this.lastLine = line;
        }
    }

    /** The columns after the first three: how many, and where the layer's features are (-1: absent). */
    private int columns;
    private int valueColumn = -1;
    private int identifierColumn = -1;

    private TsvReader(String file, WebAnnoTsv.Layer layer) {
        this.file = file;
        this.layer = layer;
    }

    /** The document in {@code file}, with id {@code id}, and its mentions. */
    static WebAnnoTsv.Read read(Path file, String id, WebAnnoTsv.Layer layer) throws IOException {
        TsvReader r = new TsvReader(file.toString(), layer);
        try (Utf8LineReader in = new Utf8LineReader(Files.newInputStream(file), file.toString())) {
            r.lines = in;
            r.readHeader();
            r.readBody();
        }
        return r.result(id, file.toString());
    }

    private boolean next() throws IOException {
        line = lines.readLine();
        return line != null;
    }

    private Location at() {
        return Location.of(file, lines.lineNumber());
    }

    private Location at(int column) {
        return new Location(file, lines.lineNumber(), column);
    }

    private void readHeader() throws IOException {
        if (!next()) {
            throw new CorpusFormatException(Location.of(file, 1), null, "the file is empty; expected the header "
                    + "'" + WebAnnoTsv.FORMAT_LINE + "'");
        }
        Matcher f = FORMAT.matcher(line);
        if (!f.matches() || !f.group(1).equals("3") || !f.group(2).equals("2") && !f.group(2).equals("3")) {
            throw new CorpusFormatException(at(), "format", "'" + line + "'; expected '" + WebAnnoTsv.FORMAT_LINE
                    + "' (or TSV 3.2, which escapes alike)");
        }
        List<String> layers = new ArrayList<>();
        long layerLine = 0;
        while (next() && !line.isEmpty()) {
            if (!line.startsWith("#T_SP=") && !line.startsWith("#T_CH=") && !line.startsWith("#T_RL=")) {
                throw new CorpusFormatException(at(), "header", "'" + line + "'; expected a layer declaration "
                        + "(#T_SP=, #T_CH= or #T_RL=) or the empty line that ends the header");
            }
            List<String> fields = new ArrayList<>();
            for (String s : line.substring(6).split("\\|")) {
                if (!s.isEmpty()) {
                    fields.add(s);
                }
            }
            if (fields.isEmpty()) {
                throw new CorpusFormatException(at(), "header", "'" + line + "' names no layer; expected "
                        + "'#T_SP=TYPE|FEATURE|...'");
            }
            layers.add(fields.get(0));
            if (line.startsWith("#T_SP=") && fields.get(0).equals(layer.type())) {
                if (layerLine > 0) {
                    throw new CorpusFormatException(at(), "header", "the layer " + layer.type() + " is declared a "
                            + "second time (first at line " + layerLine + "); expected it once");
                }
                layerLine = lines.lineNumber();
                for (int k = 1; k < fields.size(); k++) {
                    if (fields.get(k).equals(layer.labelFeature())) {
                        valueColumn = columns + k - 1;
                    } else if (fields.get(k).equals(layer.idFeature())) {
                        identifierColumn = columns + k - 1;
                    }
                }
                if (valueColumn < 0) {
                    throw new CorpusFormatException(at(), "header", "the layer " + layer.type() + " has the features "
                            + fields.subList(1, fields.size()) + " but not '" + layer.labelFeature() + "'; expected "
                            + "the feature that holds the entity type");
                }
            }
            columns += Math.max(1, fields.size() - 1);
        }
        if (layerLine == 0 && !layers.isEmpty()) {
            throw new CorpusFormatException(Location.of(file, 1), "header", "no span layer " + layer.type()
                    + " among the declared layers " + layers + "; expected INCEpTION's named-entity layer ('#T_SP="
                    + WebAnnoTsv.NAMED_ENTITY + "|" + WebAnnoTsv.IDENTIFIER + "|" + WebAnnoTsv.VALUE + "'), or "
                    + "read with the layer that holds the entities");
        }
    }

    private void readBody() throws IOException {
        List<String> sentenceText = null;
        boolean inTokens = false;
        while (next()) {
            if (line.isEmpty()) {
                if (sentenceText != null) {
                    throw new CorpusFormatException(at(), null, "an empty line after the sentence header at line "
                            + sentenceLine + "; expected the sentence's token lines");
                }
                inTokens = false;
                continue;
            }
            if (line.startsWith("#")) {
                if (inTokens) {
                    throw new CorpusFormatException(at(), null, "'" + abbreviate(line) + "' among token lines; "
                            + "expected an empty line before the next sentence");
                }
                if (sentenceText == null) {
                    sentenceText = new ArrayList<>();
                    sentenceLine = lines.lineNumber();
                }
                if (line.startsWith("#Text=")) {
                    try {
                        sentenceText.add(TsvEscaping.unescapeText(line.substring(6)));
                    } catch (TsvEscaping.EscapeException e) {
                        throw new CorpusFormatException(at(e.index() + 7), "Text", e.getMessage());
                    }
                }
                // #Sentence.id= and other sentence header lines carry nothing corpusbench keeps
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (!inTokens) {
                if (sentenceText == null || sentenceText.isEmpty()) {
                    throw new CorpusFormatException(at(), null, "'" + abbreviate(line) + "' where a sentence starts; "
                            + "expected '#Text=' lines before its tokens");
                }
                int begin = offsets(fields)[0];
                startSentence(begin, sentenceText);
                sentenceText = null;
                inTokens = true;
            }
            unit(fields);
        }
        if (sentenceText != null) {
            throw new CorpusFormatException(Location.of(file, sentenceLine), null, "the sentence header at the end "
                    + "of the file has no token lines; expected tokens after '#Text='");
        }
    }

    /** Places a sentence's text at {@code begin}, as INCEpTION's reader does. */
    private void startSentence(int begin, List<String> sentenceText) throws CorpusFormatException {
        if (text.length() > begin) {
            if (text.length() != begin + 1 || text.charAt(begin) != '\n') {
                throw new CorpusFormatException(at(), "offsets", "the sentence starts at offset " + begin + ", inside "
                        + "the text before it, which ends at " + (text.length() - 1) + " (UTF-16 units); expected a "
                        + "sentence's first token at or after the end of the sentence before");
            }
            text.setLength(begin);
        }
        while (text.length() < begin) {
            text.append(' ');
        }
        sentenceBegin = begin;
        text.append(String.join("\n", sentenceText));
        sentenceEnd = text.length();
        text.append('\n');
    }

    private int[] offsets(String[] fields) throws CorpusFormatException {
        if (fields.length < 3) {
            throw new CorpusFormatException(at(), null, "'" + abbreviate(line) + "' has " + fields.length
                    + " tab-separated field" + (fields.length == 1 ? "" : "s") + "; expected a token line "
                    + "'SENTENCE-TOKEN<TAB>BEGIN-END<TAB>TOKEN<TAB>...'");
        }
        Matcher m = OFFSETS.matcher(fields[1]);
        if (!m.matches()) {
            throw new CorpusFormatException(at(fields[0].length() + 2), "offsets", "'" + fields[1] + "'; expected "
                    + "BEGIN-END, two offsets in UTF-16 units");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** A token or sub-token line. */
    private void unit(String[] fields) throws CorpusFormatException {
        int[] be = offsets(fields);
        if (!UNIT_ID.matcher(fields[0]).matches()) {
            throw new CorpusFormatException(at(1), "id", "'" + fields[0] + "'; expected SENTENCE-TOKEN or "
                    + "SENTENCE-TOKEN.SUBTOKEN (numbers)");
        }
        int expected = 3 + columns;
        boolean trailingTab = fields.length == expected + 1 && fields[expected].isEmpty();
        if (fields.length != expected && !trailingTab) {
            throw new CorpusFormatException(at(), null, "found " + fields.length + " tab-separated fields; expected "
                    + expected + " (id, offsets, token and the " + columns + " columns the header declares), a "
                    + "trailing tab allowed");
        }
        int begin = be[0];
        int end = be[1];
        int offsetColumn = fields[0].length() + 2;
        if (end < begin || begin < sentenceBegin || end > sentenceEnd) {
            throw new CorpusFormatException(at(offsetColumn), "offsets", "'" + fields[1] + "' is not inside its "
                    + "sentence, which covers " + sentenceBegin + "-" + sentenceEnd + " (UTF-16 units); expected "
                    + "BEGIN <= END within the sentence's text");
        }
        for (int o : be) {
            String problem = Utf16Offsets.problem(text, o);
            if (problem != null) {
                throw new CorpusFormatException(at(offsetColumn), "offsets", problem);
            }
        }
        String covered = text.substring(begin, end);
        if (!fields[2].equals(covered) && !fields[2].equals(TsvEscaping.escapeText(covered))) {
            throw new CorpusFormatException(at(offsetColumn + fields[1].length() + 1), "token", "'" + fields[2]
                    + "' differs from the text at " + fields[1] + ", '" + covered + "'");
        }
        if (valueColumn < 0) {
            return; // no layer declared at all: INCEpTION writes no layer for a document without annotations
        }
        String valueField = fields[3 + valueColumn];
        String identifierField = identifierColumn < 0 ? "_" : fields[3 + identifierColumn];
        boolean noValue = valueField.equals("_");
        boolean noIdentifier = identifierField.equals("_");
        if (noValue && noIdentifier) {
            return;
        }
        if (noValue || noIdentifier && identifierColumn >= 0) {
            throw new CorpusFormatException(at(column(fields, noValue ? valueColumn : identifierColumn)),
                    noValue ? layer.labelFeature() : layer.idFeature(), "'_' (no annotation) while the column "
                    + (noValue ? layer.idFeature() : layer.labelFeature()) + " has '" + (noValue ? identifierField
                    : valueField) + "'; expected both columns of the layer to list the same annotations");
        }
        List<TsvEscaping.Value> values = parse(valueField, fields, valueColumn, layer.labelFeature());
        List<TsvEscaping.Value> ids = identifierColumn < 0 ? null
                : parse(identifierField, fields, identifierColumn, layer.idFeature());
        if (ids != null && ids.size() != values.size()) {
            throw new CorpusFormatException(at(column(fields, identifierColumn)), layer.idFeature(), "'"
                    + identifierField + "' lists " + ids.size() + " annotation(s) but " + layer.labelFeature() + " '"
                    + valueField + "' lists " + values.size() + "; expected one entry per annotation in each");
        }
        List<Integer> seen = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            TsvEscaping.Value v = values.get(k);
            TsvEscaping.Value i = ids == null ? null : ids.get(k);
            if (i != null && !Objects.equals(i.id(), v.id())) {
                throw new CorpusFormatException(at(column(fields, identifierColumn)), layer.idFeature(), "annotation "
                        + (k + 1) + " has the disambiguation id " + brackets(i.id()) + " here but " + brackets(v.id())
                        + " in " + layer.labelFeature() + "; expected the same");
            }
            if (v.text() == null) {
                throw new CorpusFormatException(at(column(fields, valueColumn)), layer.labelFeature(), "annotation "
                        + (k + 1) + " has no " + layer.labelFeature() + " ('*'); expected its entity type");
            }
            String identifier = i == null ? null : i.text();
            if (v.id() == null) {
                annotations.add(new Annotation(begin, end, v.text(), identifier, lines.lineNumber()));
                continue;
            }
            if (seen.contains(v.id())) {
                throw new CorpusFormatException(at(column(fields, valueColumn)), layer.labelFeature(), "the "
                        + "disambiguation id " + brackets(v.id()) + " appears twice on one token; expected it once");
            }
            seen.add(v.id());
            Annotation a = byId.get(v.id());
            if (a == null) {
                a = new Annotation(begin, end, v.text(), identifier, lines.lineNumber());
                byId.put(v.id(), a);
                annotations.add(a);
                continue;
            }
            if (!a.type.equals(v.text()) || !Objects.equals(a.identifier, identifier)) {
                throw new CorpusFormatException(at(column(fields, valueColumn)), layer.labelFeature(), "annotation "
                        + brackets(v.id()) + " is '" + v.text() + "' (" + layer.idFeature() + " " + identifier + ") "
                        + "here but '" + a.type + "' (" + layer.idFeature() + " " + a.identifier + ") at line "
                        + a.line + "; expected one annotation to have one value");
            }
            if (end < a.end) {
                throw new CorpusFormatException(at(offsetColumn), "offsets", "annotation " + brackets(v.id())
                        + " reached offset " + a.end + " at line " + a.lastLine + " and ends at " + end + " here; "
                        + "expected the units of one annotation in text order");
            }
            a.end = end;
            a.lastLine = lines.lineNumber();
        }
    }

    private List<TsvEscaping.Value> parse(String field, String[] fields, int column, String feature)
            throws CorpusFormatException {
        try {
            return TsvEscaping.parseValues(field);
        } catch (TsvEscaping.EscapeException e) {
            throw new CorpusFormatException(at(column(fields, column) + e.index()), feature, "'" + field + "': "
                    + e.getMessage());
        }
    }

    /** The 1-based character column at which layer column {@code column} starts. */
    private static int column(String[] fields, int column) {
        int c = 1;
        for (int k = 0; k < 3 + column; k++) {
            c += fields[k].length() + 1;
        }
        return c;
    }

    private static String brackets(Integer id) {
        return id == null ? "(none)" : "[" + id + "]";
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private WebAnnoTsv.Read result(String id, String source) {
        if (text.length() > 0) {
            text.setLength(text.length() - 1); // the line feed the format puts after every text
        }
        String t = text.toString();
        Document d = Document.of(id, t, source);
        List<EntityMention> mentions = new ArrayList<>();
        for (Annotation a : annotations) {
            int s = Utf16Offsets.toCodePoint(t, a.begin);
            int e = s + t.codePointCount(a.begin, a.end);
            mentions.add(new EntityMention(Span.of(t, s, e), a.type, a.identifier));
        }
        return new WebAnnoTsv.Read(d, mentions);
    }
}
