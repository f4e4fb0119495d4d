package org.corpusbench.internal;

/**
 * Escaping of text for HTML pages and XML files, in one place (issue 13: the evaluation report, the
 * agreement report and the leaderboard each had an HTML escaper, TimeML and Label Studio an XML one).
 *
 * <p>HTML escaping is for element content and for attribute values in either kind of quotes. XML
 * escaping escapes only what XML 1.0 requires, and what a parser would otherwise change: in content
 * {@code &}, {@code <}, {@code >} where it would complete {@code ]]>}, and carriage returns; in a
 * double-quoted attribute also {@code >}, {@code "}, tabs and line feeds (a parser turns raw ones into
 * spaces). Characters that XML 1.0 cannot hold at all are the caller's to refuse
 * ({@link #firstNonXmlCharacter}); they are appended as they are.
 */
public final class Markup {

    private Markup() {
    }

    /** {@code s} with {@code & < > " '} replaced by references, for HTML content and quoted attributes. */
    public static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Appends {@code s} to {@code sb} as XML character content. A {@code >} is escaped only after
     * {@code ]]}, which is looked for in what {@code sb} already holds too, so that text appended in
     * pieces is escaped as a whole would be.
     */
    public static void appendXmlText(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append(endsWithBrackets(sb) ? "&gt;" : ">");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }

    /** Appends {@code s} to {@code sb} as the value of a double-quoted XML attribute. */
    public static void appendXmlAttribute(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\t' -> sb.append("&#9;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }

    /**
     * The first code point of {@code s} that no XML 1.0 document can hold, even escaped (a control
     * character other than tab, line feed and carriage return, or U+FFFE, U+FFFF), or -1 when there is none.
     */
    public static int firstNonXmlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                return c;
            }
        }
        return -1;
    }

    private static boolean endsWithBrackets(StringBuilder sb) {
        int n = sb.length();
        return n >= 2 && sb.charAt(n - 1) == ']' && sb.charAt(n - 2) == ']';
    }
}
