package org.corpusbench.format.webanno;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two escapings of WebAnno TSV 3.2/3.3, as INCEpTION's user guide ("Reserved Characters") and its
 * writer define them.
 *
 * <ul>
 *   <li><b>Text</b> ({@code #Text=} lines, and our token column): a backslash is doubled; tab, line feed,
 *       form feed, carriage return and backspace become {@code \t \n \f \r \b}; any other C0 control
 *       character except the vertical tab gets a backslash before it (the character itself stays); the
 *       vertical tab (U+000B) is written as it is.</li>
 *   <li><b>Feature values</b>: {@code \ [ ] | _ ; *} and the pair {@code ->} get a backslash before them;
 *       tab and line feed become {@code \t} and {@code \n}.</li>
 * </ul>
 */
final class TsvEscaping {

    private TsvEscaping() {
    }

    static String escapeText(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\f' -> "\\f";
                case '\r' -> "\\r";
                case '\b' -> "\\b";
                case '\u000B' -> null;
                default -> c < 0x20 ? "\\" + c : null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * The text {@code s} escapes, or an exception naming the first escape that {@link #escapeText} never
     * writes ({@code \x}, a backslash at the end).
     */
    static String unescapeText(String s) throws EscapeException {
        int bs = s.indexOf('\\');
        if (bs < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length()).append(s, 0, bs);
        for (int i = bs; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i + 1 == s.length()) {
                throw new EscapeException(i, "a backslash at the end; expected a backslash to be written \\\\");
            }
            char n = s.charAt(++i);
            switch (n) {
                case '\\' -> sb.append('\\');
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'f' -> sb.append('\f');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                default -> {
                    if (n < 0x20 && (n < 8 || n > 13)) {
                        sb.append(n);
                    } else {
                        throw new EscapeException(i - 1, "unknown escape '\\" + printable(n) + "'; expected \\\\, \\t, "
                                + "\\n, \\f, \\r, \\b, or a backslash before a control character");
                    }
                }
            }
        }
        return sb.toString();
    }

    static String escapeValue(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '[', ']', '|', '_', ';', '*' -> sb.append('\\').append(c);
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '-' -> {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '>') {
                        sb.append("\\->");
                        i++;
                    } else {
                        sb.append(c);
                    }
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** One annotation's value in a feature column: its text ({@code null} for {@code *}) and disambiguation id. */
    record Value(String text, Integer id) {
    }

    /**
     * The stacked values of one feature column ({@code PER[1]|ORG}, {@code *[2]}), unescaped. A {@code |}
     * separates values unless escaped; a value may end in an unescaped {@code [n]}, its disambiguation id.
     */
    static List<Value> parseValues(String field) throws EscapeException {
        List<Value> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean anyEscaped = false;
        int itemStart = 0;
        Integer id = null;
        for (int i = 0; i <= field.length(); i++) {
            char c = i < field.length() ? field.charAt(i) : '|';
            if (id != null && c != '|') {
                throw new EscapeException(i, "'" + printable(c) + "' after the disambiguation id [" + id + "]; "
                        + "expected '|' or the end of the column");
            }
            if (c == '|') {
                if (text.length() == 0 && !anyEscaped && id == null) {
                    throw new EscapeException(i, "an empty value; expected a value, '*' (no value) or '_' (no "
                            + "annotation) for the whole column");
                }
                String t = text.toString();
                out.add(new Value(!anyEscaped && t.equals("*") ? null : t, id));
                text.setLength(0);
                anyEscaped = false;
                id = null;
                itemStart = i + 1;
            } else if (c == '\\') {
                if (i + 1 == field.length()) {
                    throw new EscapeException(i, "a backslash at the end; expected a backslash to be written \\\\");
                }
                char n = field.charAt(++i);
                anyEscaped = true;
                switch (n) {
                    case '\\', '[', ']', '|', '_', ';', '*' -> text.append(n);
                    case 't' -> text.append('\t');
                    case 'n' -> text.append('\n');
                    case '-' -> {
                        if (i + 1 < field.length() && field.charAt(i + 1) == '>') {
                            text.append("->");
                            i++;
                        } else {
                            throw new EscapeException(i - 1, "unknown escape '\\-'; expected '\\->'");
                        }
                    }
                    default -> throw new EscapeException(i - 1, "unknown escape '\\" + printable(n) + "'; expected "
                            + "one of \\\\ \\[ \\] \\| \\_ \\; \\* \\-> \\t \\n");
                }
            } else if (c == '[') {
                int close = field.indexOf(']', i);
                String digits = close < 0 ? "" : field.substring(i + 1, close);
                if (close < 0 || !digits.matches("[1-9][0-9]{0,8}")) {
                    throw new EscapeException(i, "an unescaped '[' not starting a disambiguation id; expected "
                            + "'[n]' with n a positive number, or '\\['");
                }
                if (text.length() == 0 && !anyEscaped) {
                    throw new EscapeException(itemStart, "a disambiguation id without a value; expected a value or "
                            + "'*' before [" + digits + "]");
                }
                id = Integer.valueOf(digits);
                i = close;
            } else if (c == ']') {
                throw new EscapeException(i, "an unescaped ']' not ending a disambiguation id; expected '\\]'");
            } else {
                text.append(c);
            }
        }
        return out;
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7F ? String.format(Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c);
    }

    /** A malformed escape or value, at {@code index} in the string read (0-based, UTF-16 units). */
    static final class EscapeException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int index;

        EscapeException(int index, String message) {
            super(message);
            this.index = index;
        }

        int index() {
            return index;
        }
    }
}
