package org.corpusbench.format.timeml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.corpusbench.diagnostic.CorpusFormatException;

/**
 * A reader of the XML that TimeML files are written in, for the files it understands whole: it hands
 * {@link TimemlReader.Builder} the elements, attributes and text that the XML parser would, and declines
 * (returns false) anything else, so that the parser reads it and reports any problem (issue 15: creating a
 * parser per file and running it was most of the time of scoring a folder of TimeML files, and loading it a
 * third of a short run's).
 *
 * <p>What it reads: an XML 1.0 declaration (UTF-8 or no encoding), one root element, comments, elements whose
 * names are ASCII letters, digits, {@code _ . -} without a prefix, attributes in double or single quotes
 * (namespace declarations and attributes whose prefix is declared included, which TempEval-3's files have),
 * text with the five predefined entities and character references. What it declines: a DOCTYPE, CDATA,
 * processing instructions, carriage returns (XML's line-end handling), a tag over more than one line (the
 * parser's line of an element is where its tag ends), characters XML cannot hold, and every well-formedness
 * error. {@code TimemlScannerTest} checks on generated and damaged documents that whatever it accepts it
 * reads as the parser does.
 */
final class TimemlScanner {

    private static final Pattern DECLARATION = Pattern.compile("<\\?xml[ \\t\\n]+version[ \\t\\n]*=[ \\t\\n]*"
            + "(\"1\\.0\"|'1\\.0')([ \\t\\n]+encoding[ \\t\\n]*=[ \\t\\n]*(\"[Uu][Tt][Ff]-8\"|'[Uu][Tt][Ff]-8'))?"
            + "([ \\t\\n]+standalone[ \\t\\n]*=[ \\t\\n]*(\"(yes|no)\"|'(yes|no)'))?[ \\t\\n]*\\?>");

    /** The attributes the reader looks at, in {@link TimemlReader.Builder#start}'s order. */
    private static final String[] ATTRIBUTES = {"tid", "type", "value", "mod", "anchorTimeID", "quant", "freq",
        "functionInDocument"};

    private final String xml;
    private final TimemlReader.Builder out;
    private int pos;
    private int line = 1;
    /** Namespace prefixes declared by each open element (null when it declares none). */
    private final Deque<List<String>> prefixes = new ArrayDeque<>();
    private final Deque<String> open = new ArrayDeque<>();
    private final StringBuilder decoded = new StringBuilder();

    private TimemlScanner(String xml, TimemlReader.Builder out) {
        this.xml = xml;
        this.out = out;
    }

    /**
     * Reads {@code xml} into {@code out}; false when the document is not one this reader takes whole (then
     * {@code out} is to be thrown away).
     */
    static boolean scan(String xml, TimemlReader.Builder out) throws CorpusFormatException {
        return new TimemlScanner(xml, out).document();
    }

    private boolean document() throws CorpusFormatException {
        if (xml.startsWith("<?xml")) {
            int end = xml.indexOf("?>");
            if (end < 0 || !DECLARATION.matcher(xml.substring(0, end + 2)).matches()) {
                return false;
            }
            lines(0, end + 2);
            pos = end + 2;
        }
        boolean rootSeen = false;
        while (pos < xml.length()) {
            char c = xml.charAt(pos);
            if (c != '<') {
                int lt = xml.indexOf('<', pos);
                int end = lt < 0 ? xml.length() : lt;
                if (open.isEmpty()) {
                    if (!blank(pos, end)) {
                        return false; // text outside the root element
                    }
                    lines(pos, end);
                    pos = end;
                } else if (!text(end)) {
                    return false;
                }
            } else if (xml.startsWith("<!--", pos)) {
                if (!comment()) {
                    return false;
                }
            } else if (xml.startsWith("</", pos)) {
                if (!endTag()) {
                    return false;
                }
            } else if (xml.startsWith("<!", pos) || xml.startsWith("<?", pos)) {
                return false; // DOCTYPE, CDATA, processing instructions: left to the parser
            } else {
                if (open.isEmpty() && rootSeen) {
                    return false; // a second root element
                }
                rootSeen = true;
                if (!startTag()) {
                    return false;
                }
            }
        }
        return rootSeen && open.isEmpty();
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = xml.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    private void lines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (xml.charAt(i) == '\n') {
                line++;
            }
        }
    }

    /**
     * Whether {@code c} may stand in XML 1.0 text as it is (carriage returns declined: line-end handling); a
     * surrogate only as half of a pair, which {@link #paired} checks.
     */
    private static boolean plain(char c) {
        return c >= 0x20 ? c < 0xFFFE : c == '\t' || c == '\n';
    }

    /** Whether the char at {@code i}, if a surrogate, is half of a pair (strict UTF-8 decoding ensures it). */
    private boolean paired(int i) {
        char c = xml.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < xml.length() && Character.isLowSurrogate(xml.charAt(i + 1));
        }
        return !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(xml.charAt(i - 1));
    }

    /** Text up to {@code end}: handed on in runs between references, which are decoded. */
    private boolean text(int end) {
        int run = pos;
        int i = pos;
        while (i < end) {
            char c = xml.charAt(i);
            if (c == '&') {
                if (i > run) {
                    out.text(xml, run, i);
                }
                int after = reference(i, end);
                if (after < 0) {
                    return false;
                }
                String r = decoded.toString();
                out.text(r, 0, r.length());
                i = after;
                run = i;
            } else if (c == '>' && i >= pos + 2 && xml.charAt(i - 1) == ']' && xml.charAt(i - 2) == ']') {
                return false; // "]]>" may not stand in text
            } else if (!plain(c) || !paired(i)) {
                return false;
            } else {
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        if (end > run) {
            out.text(xml, run, end);
        }
        pos = end;
        return true;
    }

    /**
     * Decodes the reference at {@code amp} into {@code decoded}; the position after its {@code ;}, or -1 for
     * anything but the predefined entities and character references of characters XML can hold.
     */
    private int reference(int amp, int end) {
        int semi = xml.indexOf(';', amp);
        if (semi < 0 || semi >= end || semi - amp > 10) {
            return -1;
        }
        String name = xml.substring(amp + 1, semi);
        decoded.setLength(0);
        switch (name) {
            case "amp" -> decoded.append('&');
            case "lt" -> decoded.append('<');
            case "gt" -> decoded.append('>');
            case "quot" -> decoded.append('"');
            case "apos" -> decoded.append('\'');
            default -> {
                int cp;
                try {
                    if (name.startsWith("#x") && name.length() > 2) {
                        cp = Integer.parseInt(name.substring(2), 16);
                    } else if (name.startsWith("#") && name.length() > 1
                            && name.substring(1).chars().allMatch(d -> d >= '0' && d <= '9')) {
                        cp = Integer.parseInt(name.substring(1), 10);
                    } else {
                        return -1;
                    }
                } catch (NumberFormatException e) {
                    return -1;
                }
                boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                        || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
                if (!legal || name.startsWith("#x") && !name.substring(2).chars().allMatch(TimemlScanner::hex)) {
                    return -1;
                }
                decoded.appendCodePoint(cp);
            }
        }
        return semi + 1;
    }

    private static boolean hex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private boolean comment() {
        int end = xml.indexOf("-->", pos + 4);
        if (end < 0) {
            return false;
        }
        for (int i = pos + 4; i < end; i++) {
            char c = xml.charAt(i);
            if (!plain(c) || !paired(i) || c == '-' && (xml.charAt(i + 1) == '-')) {
                return false; // "--" may not stand in a comment, nor "-" before its end
            }
        }
        lines(pos, end);
        pos = end + 3;
        return true;
    }

    /** A name of ASCII letters, digits, {@code _ . -} starting with a letter or {@code _}, or null. */
    private String name() {
        int start = pos;
        while (pos < xml.length()) {
            char c = xml.charAt(pos);
            boolean first = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
            if (!(first || pos > start && (c >= '0' && c <= '9' || c == '.' || c == '-'))) {
                break;
            }
            pos++;
        }
        return pos == start ? null : xml.substring(start, pos);
    }

    /** Skips spaces and tabs (a line break inside a tag is declined); whether there were any. */
    private boolean spaces() {
        int start = pos;
        while (pos < xml.length() && (xml.charAt(pos) == ' ' || xml.charAt(pos) == '\t')) {
            pos++;
        }
        return pos > start;
    }

    private boolean endTag() throws CorpusFormatException {
        pos += 2;
        String name = name();
        spaces();
        if (name == null || pos >= xml.length() || xml.charAt(pos) != '>' || open.isEmpty()
                || !open.peek().equals(name)) {
            return false;
        }
        pos++;
        open.pop();
        prefixes.pop();
        out.end(name);
        return true;
    }

    private boolean startTag() throws CorpusFormatException {
        pos++;
        String name = name();
        if (name == null) {
            return false;
        }
        String[] attrs = new String[ATTRIBUTES.length];
        List<String> seen = new ArrayList<>();
        List<String> declared = null;
        List<String> used = new ArrayList<>();
        while (true) {
            boolean space = spaces();
            if (pos >= xml.length()) {
                return false;
            }
            char c = xml.charAt(pos);
            if (c == '>' || c == '/') {
                break;
            }
            if (!space) {
                return false; // attributes are separated by white space
            }
            String attr = name();
            String local = attr;
            if (attr != null && pos < xml.length() && xml.charAt(pos) == ':') {
                pos++;
                local = name();
                if (local == null) {
                    return false;
                }
                if (attr.equals("xmlns")) {
                    if (local.equals("xml") || local.equals("xmlns")) {
                        return false;
                    }
                    declared = declared == null ? new ArrayList<>() : declared;
                    declared.add(local);
                } else {
                    used.add(attr);
                }
                attr = attr + ":" + local;
            }
            if (attr == null || seen.contains(attr)) {
                return false;
            }
            seen.add(attr);
            spaces();
            if (pos >= xml.length() || xml.charAt(pos) != '=') {
                return false;
            }
            pos++;
            spaces();
            if (pos >= xml.length() || xml.charAt(pos) != '"' && xml.charAt(pos) != '\'') {
                return false;
            }
            String value = value(xml.charAt(pos));
            if (value == null || attr.startsWith("xmlns:") && value.isEmpty()) {
                return false;
            }
            if (attr.equals(local)) {
                for (int k = 0; k < ATTRIBUTES.length; k++) {
                    if (ATTRIBUTES[k].equals(attr)) {
                        attrs[k] = value;
                    }
                }
            }
        }
        if (!prefixesBound(used, declared) || !distinctLocalNames(seen)) {
            return false;
        }
        boolean empty = xml.charAt(pos) == '/';
        if (empty) {
            pos++;
            if (pos >= xml.length() || xml.charAt(pos) != '>') {
                return false;
            }
        }
        pos++;
        out.start(name, attrs, line);
        if (empty) {
            out.end(name);
        } else {
            open.push(name);
            prefixes.push(declared == null ? List.of() : declared);
        }
        return true;
    }

    /** Whether each prefix used is {@code xml} or declared here or by an open element. */
    private boolean prefixesBound(List<String> used, List<String> declared) {
        for (String p : used) {
            boolean bound = p.equals("xml") || declared != null && declared.contains(p)
                    || prefixes.stream().anyMatch(l -> l.contains(p));
            if (!bound) {
                return false;
            }
        }
        return true;
    }

    /** Prefixed attributes with the same local name could name one attribute twice: declined. */
    private static boolean distinctLocalNames(List<String> names) {
        List<String> locals = new ArrayList<>();
        for (String n : names) {
            int colon = n.indexOf(':');
            if (colon > 0 && !n.startsWith("xmlns:")) {
                String local = n.substring(colon + 1);
                if (locals.contains(local)) {
                    return false;
                }
                locals.add(local);
            }
        }
        return true;
    }

    /**
     * The value of the attribute whose quote is at {@code pos}, decoded and with tabs and line breaks made
     * spaces as XML normalises them; null for what is declined ({@code <}, a bad reference, a line break).
     */
    private String value(char quote) {
        int close = xml.indexOf(quote, pos + 1);
        if (close < 0) {
            return null;
        }
        StringBuilder v = new StringBuilder(close - pos);
        for (int i = pos + 1; i < close; i++) {
            char c = xml.charAt(i);
            if (c == '<' || c == '\n' || !plain(c) || !paired(i)) {
                return null;
            } else if (c == '&') {
                int after = reference(i, close);
                if (after < 0) {
                    return null;
                }
                v.append(decoded);
                i = after - 1;
            } else {
                v.append(c == '\t' ? ' ' : c);
            }
        }
        pos = close + 1;
        return v.toString();
    }
}
