package org.corpusbench.format.timeml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.Hashes;
import org.corpusbench.internal.Utf8LineReader;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * Reads a TimeML ({@code .tml}) document as TempEval-3 distributes it: the document text is the
 * character content of {@code TEXT} (tags removed), every {@code TIMEX3} inside it becomes a
 * {@link Timex3} with code-point offsets into that text, and the {@code TIMEX3} whose
 * {@code functionInDocument} is {@code CREATION_TIME} gives the document creation time (not an
 * annotation: it is outside the text and TempEval does not score it). DTDs and external entities are
 * disabled, and a DOCTYPE is refused: nothing is fetched and no entity is expanded.
 */
public final class TimemlReader {

    /**
     * A TimeML document: text, its TIMEX3 layer, and the creation time when there is one.
     *
     * @param assignedTids how many TIMEX3 in the text had no {@code tid} and were given one (issue 12)
     * @param textLine     the line of the file where {@code <TEXT>} opens (issue 15: where a text that differs
     *                     from another file's is named), 0 when not known
     */
    public record TimemlDocument(Document document, DocumentAnnotations annotations, Timex3 creationTime,
                                 int assignedTids, int textLine) {

        /** A document none of whose TIMEX3 was given a tid ({@code assignedTids} 0). */
        public TimemlDocument(Document document, DocumentAnnotations annotations, Timex3 creationTime) {
            this(document, annotations, creationTime, 0);
        }

        /** A document whose {@code <TEXT>} line is not known (0). */
        public TimemlDocument(Document document, DocumentAnnotations annotations, Timex3 creationTime,
                              int assignedTids) {
            this(document, annotations, creationTime, assignedTids, 0);
        }

        /**
         * The line of the file that holds code point {@code offset} of the text: the line of {@code <TEXT>}
         * plus the line breaks of the text before it. It is the file's line wherever the markup inside
         * {@code TEXT} has no line break of its own (a tag written over two lines, a {@code &#10;}), as in
         * TempEval-3's files and those {@link TimemlWriter} writes; 0 when {@code textLine} is not known.
         */
        public long lineOf(int offset) {
            if (textLine <= 0) {
                return 0;
            }
            String t = document.text();
            int end = t.offsetByCodePoints(0, Math.min(offset, t.codePointCount(0, t.length())));
            long line = textLine;
            for (int i = 0; i < end; i++) {
                if (t.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        /** The creation date, or {@code null} when absent or not a plain date. */
        public LocalDate creationDate() {
            if (creationTime == null || creationTime.value().length() < 10) {
                return null;
            }
            try {
                return LocalDate.parse(creationTime.value().substring(0, 10));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private TimemlReader() {
    }

    /**
     * One factory per thread: looking a factory up costs more than parsing a small document (issue 15), and a
     * factory is not specified to be safe for concurrent use.
     */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(TimemlReader::newFactory);

    static XMLInputFactory factory() {
        return FACTORY.get();
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * Reads one {@code .tml} file: the document id is the file name without {@code .tml}, the checksum that of
     * the file's bytes, and locations name the file by its path.
     */
    public static TimemlDocument read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String id = name.endsWith(".tml") ? name.substring(0, name.length() - 4) : name;
        byte[] bytes = Files.readAllBytes(file);
        return parse(bytes, id, file.toString(), Hashes.sha256(bytes));
    }

    /**
     * Reads a TimeML document from {@code in} to its end (without closing it), for a caller that names it:
     * {@code id} is the document id, {@code fileName} the source and the file of locations, and {@code sha256}
     * is recorded as given, not computed.
     */
    public static TimemlDocument read(InputStream in, String id, String fileName, String sha256) throws IOException {
        return parse(in.readAllBytes(), id, fileName, sha256);
    }

    /**
     * Parses a document. The bytes are decoded as UTF-8 first, strictly, so that an invalid byte is named
     * by line and byte offset (the XML parser would name neither, and prints to standard error). A
     * DOCTYPE is refused: it could define entities that expand without bound or read other files.
     * TIMEX3 elements must not nest; a {@code tid} must be unique in the document, and a TIMEX3 without
     * one gets the first of {@code t1}, {@code t2}, ... that no TIMEX3 of the document uses.
     *
     * <p>Most files are read by {@link TimemlScanner}, which accepts only XML it understands whole and gives
     * what the XML parser gives (issue 15: a parser per file was most of the time of scoring TimeML folders);
     * anything else, every problem included, is read by the XML parser, so every message is the parser's.
     */
    private static TimemlDocument parse(byte[] bytes, String id, String fileName, String sha256)
            throws CorpusFormatException {
        String xml = Utf8LineReader.decodeStrict(bytes, fileName);
        if (xml.startsWith("\uFEFF")) {
            xml = xml.substring(1);
        }
        TimemlDocument fast = scan(xml, id, fileName, sha256);
        return fast != null ? fast : parseXml(xml, id, fileName, sha256);
    }

    private static int lastLine(String xml) {
        int lines = 1;
        for (int i = xml.indexOf('\n'); i >= 0 && i < xml.length() - 1; i = xml.indexOf('\n', i + 1)) {
            lines++;
        }
        return lines;
    }

    /** The document as {@link TimemlScanner} reads it, or null when the scanner leaves it to the XML parser. */
    static TimemlDocument scan(String xml, String id, String fileName, String sha256) {
        Builder b = new Builder(fileName);
        try {
            return TimemlScanner.scan(xml, b) ? b.finish(id, sha256, lastLine(xml)) : null;
        } catch (CorpusFormatException e) {
            return null; // a problem: the parser reports it, with its own locations
        }
    }

    /** The document as the XML parser (StAX) reads it: the definition the scanner is tested against. */
    static TimemlDocument parseXml(String xml, String id, String fileName, String sha256)
            throws CorpusFormatException {
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(new StringReader(xml));
            Builder b = new Builder(fileName);
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    b.start(r.getLocalName(), new String[] {r.getAttributeValue(null, "tid"),
                        r.getAttributeValue(null, "type"), r.getAttributeValue(null, "value"),
                        r.getAttributeValue(null, "mod"), r.getAttributeValue(null, "anchorTimeID"),
                        r.getAttributeValue(null, "quant"), r.getAttributeValue(null, "freq"),
                        r.getAttributeValue(null, "functionInDocument")}, r.getLocation().getLineNumber());
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                        || ev == XMLStreamConstants.SPACE) {
                    String chunk = r.getText();
                    b.text(chunk, 0, chunk.length());
                } else if (ev == XMLStreamConstants.DTD) {
                    throw new CorpusFormatException(Location.of(fileName, r.getLocation().getLineNumber()), null,
                            "a DOCTYPE declaration; expected none: corpusbench reads no DTD and expands no entity "
                            + "it could declare (external files, entities that expand without bound)");
                } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new CorpusFormatException(new Location(fileName, r.getLocation().getLineNumber(),
                            r.getLocation().getColumnNumber()), null, "entity reference &" + r.getLocalName()
                            + "; is not allowed; expected plain text or the XML built-in entities");
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    b.end(r.getLocalName());
                }
            }
            return b.finish(id, sha256, lastLine(xml));
        } catch (XMLStreamException e) {
            javax.xml.stream.Location l = e.getLocation();
            throw new CorpusFormatException(new Location(fileName, l == null ? 0 : Math.max(0, l.getLineNumber()),
                    l == null ? 0 : Math.max(0, l.getColumnNumber())), null, "not well-formed TimeML: "
                    + e.getMessage().replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // closing a reader over a stream we close ourselves; nothing to report
                }
            }
        }
    }

    /**
     * What a TimeML document's elements make, whoever reads its XML: the text of {@code TEXT}, its TIMEX3s
     * with code-point offsets, the creation time. Elements come as start (with the eight TIMEX3 attributes and
     * the line the parser gives), text and end.
     */
    static final class Builder {
        private final String fileName;
        private final Map<String, Integer> tids = new HashMap<>();
        private final List<Integer> withoutTid = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<Timex3> timexes = new ArrayList<>();
        private final Deque<Object[]> open = new ArrayDeque<>();
        private final StringBuilder dctText = new StringBuilder();
        private Timex3 dct;
        private boolean inText;
        private boolean inDct;
        private int textLine;
        /** The text's length in code points, kept as it grows: counting it at every TIMEX3 was quadratic. */
        private int codePoints;

        Builder(String fileName) {
            this.fileName = fileName;
        }

        /**
         * An element opens; {@code attrs} are its tid, type, value, mod, anchorTimeID, quant, freq and
         * functionInDocument (null where absent).
         */
        void start(String el, String[] attrs, int line) throws CorpusFormatException {
            if (el.equals("TEXT")) {
                inText = true;
                if (textLine == 0) {
                    textLine = Math.max(1, line);
                }
            } else if (el.equals("DCT")) {
                inDct = true;
            } else if (el.equals("TIMEX3")) {
                if (!open.isEmpty()) {
                    throw new CorpusFormatException(Location.of(fileName, line), "TIMEX3", "a TIMEX3 inside the "
                            + "TIMEX3 opened at line " + open.peek()[2] + "; expected TIMEX3 elements that do not "
                            + "nest (each is one span)");
                }
                open.push(new Object[] {attrs, codePoints, line, text.length()});
                dctText.setLength(0);
            }
        }

        /** Characters {@code [from, to)} of {@code s} are text. */
        void text(String s, int from, int to) {
            if (inText) {
                int n = Character.codePointCount(s, from, to);
                if (to > from && !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))
                        && Character.isLowSurrogate(s.charAt(from))) {
                    n--; // a surrogate pair split between two events is one code point
                }
                codePoints += n;
                text.append(s, from, to);
            } else if (inDct) {
                dctText.append(s, from, to);
            }
        }

        /** An element closes. */
        void end(String el) throws CorpusFormatException {
            if (el.equals("TEXT")) {
                inText = false;
            } else if (el.equals("DCT")) {
                inDct = false;
            } else if (el.equals("TIMEX3") && !open.isEmpty()) {
                Object[] o = open.pop();
                String[] a = (String[]) o[0];
                int line = (Integer) o[2];
                Location at = Location.of(fileName, line);
                TimexType type = type(a[1], at);
                if (a[2] == null) {
                    throw new CorpusFormatException(at, "TIMEX3.value", "missing; expected a TIMEX3 value");
                }
                if (a[0] != null) {
                    Integer first = tids.putIfAbsent(a[0], line);
                    if (first != null) {
                        throw new CorpusFormatException(at, "TIMEX3.tid", "'" + a[0] + "' is also the tid "
                                + "of the TIMEX3 at line " + first + "; expected each tid once");
                    }
                } else if (inText) {
                    withoutTid.add(timexes.size());
                }
                if (inText) {
                    int start = (Integer) o[1];
                    Span span = new Span(start, codePoints, text.substring((Integer) o[3], text.length()));
                    timexes.add(new Timex3(a[0], span, type, a[2], a[3], a[4], a[5], a[6]));
                } else if ("CREATION_TIME".equals(a[7]) || inDct) {
                    String s = dctText.toString();
                    dct = new Timex3(a[0], new Span(0, s.codePointCount(0, s.length()), s), type, a[2],
                            a[3], null, null, null);
                }
            }
        }

        /**
         * The document, once every element was seen; tids given to the TIMEX3s without one. {@code endLine} is
         * the document's last line, where a missing {@code <TEXT>} is reported.
         */
        TimemlDocument finish(String id, String sha256, int endLine) throws CorpusFormatException {
            int next = 1;
            for (int i : withoutTid) {
                while (tids.containsKey("t" + next)) {
                    next++;
                }
                String tid = "t" + next++;
                Timex3 x = timexes.get(i);
                timexes.set(i, new Timex3(tid, x.span(), x.type(), x.value(), x.mod(), x.anchor(), x.quant(),
                        x.freq()));
            }
            if (textLine == 0) {
                throw new CorpusFormatException(Location.of(fileName, endLine), "TEXT", "no <TEXT> element; "
                        + "expected a TimeML document, whose text is the content of <TEXT>");
            }
            String t = text.toString();
            Document d = new Document(id, t, null, fileName, sha256);
            return new TimemlDocument(d, new DocumentAnnotations(id, List.of(), timexes), dct, withoutTid.size(),
                    textLine);
        }
    }

    private static TimexType type(String s, Location at) throws CorpusFormatException {
        try {
            return TimexType.valueOf(s == null ? "" : s);
        } catch (IllegalArgumentException e) {
            throw new CorpusFormatException(at, "TIMEX3.type", "'" + s + "'; expected DATE, TIME, DURATION or SET");
        }
    }
}
