package org.corpusbench.eval.tags;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * conlleval.pl's {@code -d} argument, read as conlleval.pl reads it: the Perl regular expression of
 * {@code split(/$delimiter/, $line)}, applied to the bytes of a line (issue 14). The subset whose meaning
 * is the same in {@code java.util.regex} is accepted; the rest is refused with a message naming it.
 *
 * <p>Accepted: literal characters; {@code \t \n \r \f}; {@code \s \S \d \D \w \W} (ASCII, as Perl reads
 * a byte string); a backslash before punctuation ({@code \| \. \\}); {@code .}; classes {@code [...]} and
 * {@code [^...]} of those; {@code |}; the quantifiers {@code + * ?} and {@code {n} {n,} {n,m}}, each
 * optionally followed by {@code ?} or {@code +}. Refused: groups (Perl's split would add what they capture
 * as fields), anchors, other escapes, a {@code [} or {@code &&} inside a class, and any pattern that matches
 * the empty string (Perl's split would cut between every character).
 *
 * <p>The pattern works on bytes: each byte of the line and of the delimiter is one char (ISO-8859-1), as
 * each is one character to Perl without {@code use utf8}; so a multi-byte UTF-8 literal matches its bytes.
 * A delimiter without a regex construct ({@code \t}, a space, {@code ::}) is returned as its literal bytes.
 */
final class PerlDelimiter {

    /** The literal bytes to split at, or null when {@link #pattern} is set. */
    final byte[] literal;
    /** The pattern to split at (over ISO-8859-1 chars), or null when {@link #literal} is set. */
    final Pattern pattern;

    private PerlDelimiter(byte[] literal, Pattern pattern) {
        this.literal = literal;
        this.pattern = pattern;
    }

    /**
     * Reads a delimiter.
     *
     * @throws IllegalArgumentException naming the delimiter and what in it cannot be honoured
     */
    static PerlDelimiter parse(String delimiter) {
        if (delimiter.isEmpty()) {
            throw new IllegalArgumentException("the field delimiter must not be empty");
        }
        String s = new String(delimiter.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean plain = true;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> {
                    String e = escape(s, i, delimiter);
                    if (e.length() == 1) {
                        literal.append(e);
                        regex.append(hex(e.charAt(0)));
                    } else {
                        plain = false;
                        regex.append(e);
                    }
                    i += 2;
                    continue;
                }
                case '[' -> {
                    plain = false;
                    i = charClass(s, i, regex, delimiter);
                    continue;
                }
                case '.', '|', '+', '*', '?' -> {
                    plain = false;
                    regex.append(c);
                }
                case '{' -> {
                    java.util.regex.Matcher q = Pattern.compile("\\{[0-9]+(,[0-9]*)?}").matcher(s).region(i, s.length());
                    if (!q.lookingAt()) {
                        throw refused(delimiter, "a '{' that is not a quantifier {n}, {n,} or {n,m} (write \\{ for "
                                + "the character)");
                    }
                    plain = false;
                    regex.append(q.group());
                    i = q.end();
                    continue;
                }
                case '(', ')' -> throw refused(delimiter, "a group '" + c + "' (conlleval.pl's split would add what "
                        + "a group captures as fields; write \\" + c + " for the character)");
                case '^', '$' -> throw refused(delimiter, "an anchor '" + c + "' (write \\" + c
                        + " for the character)");
                default -> {
                    literal.append(c);
                    regex.append(hex(c));
                }
            }
            i++;
        }
        if (plain) {
            return new PerlDelimiter(literal.toString().getBytes(StandardCharsets.ISO_8859_1), null);
        }
        Pattern p;
        try {
            p = Pattern.compile(regex.toString(), Pattern.UNIX_LINES);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw refused(delimiter, "not a valid regular expression (" + e.getDescription() + ")");
        }
        if (p.matcher("").matches()) {
            throw refused(delimiter, "it matches the empty string, so conlleval.pl would cut every character apart");
        }
        return new PerlDelimiter(null, p);
    }

    /** The escape at {@code s[i]} (a backslash): one char for a literal, else a regex construct. */
    private static String escape(String s, int i, String delimiter) {
        if (i + 1 == s.length()) {
            throw refused(delimiter, "a '\\' at its end");
        }
        char n = s.charAt(i + 1);
        return switch (n) {
            case 't' -> "\t";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 'f' -> "\f";
            case 's', 'S', 'd', 'D', 'w', 'W' -> "\\" + n;
            default -> {
                if (n < 128 && !Character.isLetterOrDigit(n)) {
                    yield String.valueOf(n);
                }
                throw refused(delimiter, "the escape \\" + (n < 128 ? String.valueOf(n) : "(non-ASCII)")
                        + ", which is not supported");
            }
        };
    }

    /** Copies the class starting at {@code s[i]} ('[') to {@code regex}; returns the index after its ']'. */
    private static int charClass(String s, int i, StringBuilder regex, String delimiter) {
        regex.append('[');
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '^') {
            regex.append('^');
            j++;
        }
        if (j < s.length() && s.charAt(j) == ']') {
            throw refused(delimiter, "a ']' first in a class (write \\] for the character)");
        }
        while (j < s.length() && s.charAt(j) != ']') {
            char c = s.charAt(j);
            if (c == '[' || c == '&' && j + 1 < s.length() && s.charAt(j + 1) == '&') {
                throw refused(delimiter, "a '" + (c == '[' ? "[" : "&&") + "' inside a class, which Perl and "
                        + "Java read differently (write \\" + c + " for the character)");
            }
            if (c == '\\') {
                String e = escape(s, j, delimiter);
                regex.append(e.length() == 1 ? hex(e.charAt(0)) : e);
                j += 2;
            } else {
                regex.append(c == '-' ? "-" : hex(c));
                j++;
            }
        }
        if (j == s.length()) {
            throw refused(delimiter, "a '[' without its ']'");
        }
        regex.append(']');
        return j + 1;
    }

    private static String hex(char c) {
        return String.format(Locale.ROOT, "\\x%02X", (int) c);
    }

    private static IllegalArgumentException refused(String delimiter, String what) {
        return new IllegalArgumentException("cannot read the delimiter '" + delimiter + "' as conlleval.pl does: "
                + what + "; supported: literal characters, \\t, \\s, \\S, \\d, \\w, escaped punctuation such as "
                + "\\|, '.', classes [...], '|', and the quantifiers + * ? {n,m}");
    }
}
