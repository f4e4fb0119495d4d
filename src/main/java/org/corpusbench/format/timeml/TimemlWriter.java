package org.corpusbench.format.timeml;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.internal.Markup;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Document;
import org.corpusbench.model.Timex3;

/**
 * One TempEval-3 style {@code .tml} file per document: the raw text inside {@code <TEXT>} with inline
 * {@code <TIMEX3>} elements, and the creation date as a {@code <DCT>} TIMEX3 when there is one. Text is
 * escaped only where XML requires it ({@code &} and {@code <} always, {@code >} only after {@code ]]}),
 * because the TempEval-3 scorer aligns the markup with the raw text and cannot align an escaped quote
 * (issue 14); attribute values escape quotes too. Carriage returns are written as {@code &#13;} so that
 * XML's line-end normalisation cannot change the text, and offsets read back equal. Characters XML 1.0
 * cannot hold (most C0 controls) and overlapping TIMEX3 spans, which inline markup cannot nest, are errors.
 */
public final class TimemlWriter {

    private TimemlWriter() {
    }

    /** Writes {@code file}; {@code creationDate} may be null (the oreshnik-reports articles have none). */
    public static void write(Path file, Document doc, List<Timex3> timexes, LocalDate creationDate)
            throws IOException {
        String xml = render(doc, timexes, creationDate);
        AtomicFiles.writeString(file, xml);
    }

    /**
     * The tid of the creation time: t0, as TempEval-3's files have it, unless a TIMEX3 of the document
     * already has that tid (then t0_1, t0_2, ...): a tid given twice would make the file unreadable.
     */
    static String creationTimeTid(List<Timex3> timexes) {
        java.util.Set<String> used = new java.util.HashSet<>();
        timexes.forEach(t -> used.add(t.tid()));
        String tid = "t0";
        for (int k = 1; used.contains(tid); k++) {
            tid = "t0_" + k;
        }
        return tid;
    }

    /**
     * The text of the {@code .tml} file that {@link #write} writes. TIMEX3 elements follow in text order; one
     * without a tid gets {@code t<n>}, n its position in that order from 1, or the next n that no other TIMEX3 of
     * the document has as its tid. Overlapping TIMEX3 spans and
     * characters XML 1.0 cannot hold are a {@link CorpusFormatException}.
     */
    public static String render(Document doc, List<Timex3> timexes, LocalDate creationDate)
            throws CorpusFormatException {
        List<Timex3> sorted = new ArrayList<>(timexes);
        sorted.sort(Comparator.comparingInt((Timex3 t) -> t.span().start()).thenComparingInt(t -> t.span().end()));
        Location at = Location.ofFile(doc.id());
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>");
        escape(sb, doc.id(), at);
        sb.append("</DOCID>\n");
        if (creationDate != null) {
            sb.append("<DCT><TIMEX3 tid=\"").append(creationTimeTid(timexes))
                    .append("\" type=\"DATE\" value=\"").append(creationDate)
                    .append("\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">").append(creationDate)
                    .append("</TIMEX3></DCT>\n");
        }
        sb.append("<TEXT>");
        String text = doc.text();
        int pos = 0;
        int n = 1;
        java.util.Set<String> used = new java.util.HashSet<>();
        timexes.forEach(t -> used.add(t.tid()));
        for (Timex3 t : sorted) {
            if (t.span().start() < pos) {
                throw new CorpusFormatException(at, "timexes", "TIMEX3 at [" + t.span().start() + ","
                        + t.span().end() + ") overlaps the one before; inline TimeML cannot hold overlapping spans");
            }
            escape(sb, CodePoints.substring(text, pos, t.span().start()), at);
            sb.append("<TIMEX3 tid=\"");
            String tid = t.tid();
            if (tid == null) {
                // t<n>, n its position, unless another TIMEX3 of the document has that tid: then the next free one
                while (used.contains("t" + n)) {
                    n++;
                }
                tid = "t" + n;
                used.add(tid);
            }
            escape(sb, tid, at, true);
            n++;
            sb.append("\" type=\"").append(t.type().name()).append("\" value=\"");
            escape(sb, t.value(), at, true);
            sb.append('"');
            attribute(sb, "mod", t.mod(), at);
            attribute(sb, "anchorTimeID", t.anchor(), at);
            attribute(sb, "quant", t.quant(), at);
            attribute(sb, "freq", t.freq(), at);
            sb.append('>');
            escape(sb, t.span().text(), at);
            sb.append("</TIMEX3>");
            pos = t.span().end();
        }
        escape(sb, CodePoints.substring(text, pos, CodePoints.length(text)), at);
        sb.append("</TEXT>\n</TimeML>\n");
        return sb.toString();
    }

    private static void attribute(StringBuilder sb, String name, String value, Location at)
            throws CorpusFormatException {
        if (value != null) {
            sb.append(' ').append(name).append("=\"");
            escape(sb, value, at, true);
            sb.append('"');
        }
    }

    private static void escape(StringBuilder sb, String s, Location at) throws CorpusFormatException {
        escape(sb, s, at, false);
    }

    /**
     * Appends {@code s} escaped for text content or, with {@code inAttribute}, for a double-quoted
     * attribute value ({@link Markup}). In text only what XML requires is escaped (issue 14): {@code &},
     * {@code <}, and {@code >} where it would end {@code ]]>}; quotes and tabs stay as they are. {@code ]]}
     * is checked across calls through {@code sb}, since a TIMEX3's text and the text before it are appended
     * apart. A character XML 1.0 cannot hold is refused.
     */
    private static void escape(StringBuilder sb, String s, Location at, boolean inAttribute)
            throws CorpusFormatException {
        int bad = Markup.firstNonXmlCharacter(s);
        if (bad >= 0) {
            throw new CorpusFormatException(at, "text", String.format(java.util.Locale.ROOT, "character U+%04X "
                    + "cannot be written in XML 1.0", bad));
        }
        if (inAttribute) {
            Markup.appendXmlAttribute(sb, s);
        } else {
            Markup.appendXmlText(sb, s);
        }
    }
}
