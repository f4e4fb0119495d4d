package org.corpusbench.eval.tags;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The counting of conlleval.pl (version 2004-01-26), line by line, for a drop-in replacement: the same
 * chunk boundaries (its startOfChunk/endOfChunk rules, including for malformed sequences), the same
 * token counting (a {@code -DOCSTART-} line is a token to it), and the same report to the same digits.
 * State is a handful of counters, so input of any size is scored in constant memory.
 */
public final class ConllevalCounter {

    /** Raised for input conlleval.pl itself rejects; the message is the one it prints. */
    public static final class InputException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }

    private static final String BOUNDARY = "-X-";

    private final String delimiter;
    private final String outsideTag;
    private final boolean raw;

    private int features = -1;
    private long tokens;
    private long correctTags;
    private long foundCorrect;
    private long foundGuessed;
    private long correctChunks;
    private final Map<String, long[]> perType = new HashMap<>();
    private boolean inCorrect;
    private String lastCorrect = "O";
    private String lastGuessed = "O";
    private String lastCorrectType = "";
    private String lastGuessedType = "";

    public ConllevalCounter() {
        this(" ", "O", false);
    }

    /**
     * @param delimiter  field separator ({@code -d}); a single space by default
     * @param outsideTag the outside tag in raw mode ({@code -o})
     * @param raw        tags without B-/I- prefixes, one word per chunk ({@code -r})
     */
    public ConllevalCounter(String delimiter, String outsideTag, boolean raw) {
        this.delimiter = delimiter;
        this.outsideTag = outsideTag;
        this.raw = raw;
    }

    /** Splits like Perl's {@code split(/d/, line)}: trailing empty fields are dropped. */
    private List<String> split(String line) {
        List<String> out = new ArrayList<>();
        if (line.isEmpty()) {
            return out;
        }
        int from = 0;
        while (true) {
            int at = line.indexOf(delimiter, from);
            if (at < 0 || delimiter.isEmpty()) {
                out.add(line.substring(from));
                break;
            }
            out.add(line.substring(from, at));
            from = at + delimiter.length();
        }
        int n = out.size();
        while (n > 0 && out.get(n - 1).isEmpty()) {
            n--;
        }
        return new ArrayList<>(out.subList(0, n));
    }

    /** Counts one input line (without its line terminator). */
    public void line(String line) {
        List<String> f = split(line);
        if (features < 0) {
            features = f.size() - 1;
        } else if (features != f.size() - 1 && !f.isEmpty()) {
            throw new InputException("unexpected number of features: " + f.size() + " (" + (features + 1) + ")");
        }
        if (f.isEmpty() || f.get(0).equals(BOUNDARY)) {
            f = new ArrayList<>(List.of(BOUNDARY, "O", "O"));
        }
        if (f.size() < 2) {
            throw new InputException("feature length is " + f.size() + ". \nconlleval: unexpected number of "
                    + "features in line " + line);
        }
        int last = f.size() - 1;
        if (raw) {
            if (f.get(last).equals(outsideTag)) {
                f.set(last, "O");
            }
            if (f.get(last - 1).equals(outsideTag)) {
                f.set(last - 1, "O");
            }
            if (!f.get(last).equals("O")) {
                f.set(last, "B-" + f.get(last));
            }
            if (!f.get(last - 1).equals("O")) {
                f.set(last - 1, "B-" + f.get(last - 1));
            }
        }
        String g = f.get(last);
        String c = f.get(last - 1);
        int gd = g.indexOf('-');
        String guessed = gd < 0 ? g : g.substring(0, gd);
        String guessedType = gd < 0 ? "" : g.substring(gd + 1);
        int cd = c.indexOf('-');
        String correct = cd < 0 ? c : c.substring(0, cd);
        String correctType = cd < 0 ? "" : c.substring(cd + 1);
        String firstItem = f.size() > 2 ? f.get(0) : null;
        boolean boundary = BOUNDARY.equals(firstItem);
        if (boundary) {
            guessed = "O";
        }

        if (inCorrect) {
            boolean endC = endOfChunk(lastCorrect, correct, lastCorrectType, correctType);
            boolean endG = endOfChunk(lastGuessed, guessed, lastGuessedType, guessedType);
            if (endC && endG && lastGuessedType.equals(lastCorrectType)) {
                inCorrect = false;
                correctChunks++;
                type(lastCorrectType)[0]++;
            } else if (endC != endG || !guessedType.equals(correctType)) {
                inCorrect = false;
            }
        }
        boolean startC = startOfChunk(lastCorrect, correct, lastCorrectType, correctType);
        boolean startG = startOfChunk(lastGuessed, guessed, lastGuessedType, guessedType);
        if (startC && startG && guessedType.equals(correctType)) {
            inCorrect = true;
        }
        if (startC) {
            foundCorrect++;
            type(correctType)[1]++;
        }
        if (startG) {
            foundGuessed++;
            type(guessedType)[2]++;
        }
        if (!boundary) {
            if (correct.equals(guessed) && guessedType.equals(correctType)) {
                correctTags++;
            }
            tokens++;
        }
        lastGuessed = guessed;
        lastCorrect = correct;
        lastGuessedType = guessedType;
        lastCorrectType = correctType;
    }

    /** Closes a chunk still open at the end of input. Call once, after the last line. */
    public void finish() {
        if (inCorrect) {
            correctChunks++;
            type(lastCorrectType)[0]++;
            inCorrect = false;
        }
    }

    private long[] type(String t) {
        return perType.computeIfAbsent(t, k -> new long[3]);
    }

    static boolean endOfChunk(String prevTag, String tag, String prevType, String type) {
        boolean end = false;
        if (prevTag.equals("B") && (tag.equals("B") || tag.equals("O"))) {
            end = true;
        }
        if (prevTag.equals("I") && (tag.equals("B") || tag.equals("O"))) {
            end = true;
        }
        if (prevTag.equals("E") && (tag.equals("E") || tag.equals("I") || tag.equals("O"))) {
            end = true;
        }
        if (!prevTag.equals("O") && !prevTag.equals(".") && !prevType.equals(type)) {
            end = true;
        }
        if (prevTag.equals("]") || prevTag.equals("[")) {
            end = true;
        }
        return end;
    }

    static boolean startOfChunk(String prevTag, String tag, String prevType, String type) {
        boolean start = false;
        if (tag.equals("B") && (prevTag.equals("B") || prevTag.equals("I") || prevTag.equals("O"))) {
            start = true;
        }
        if (prevTag.equals("O") && (tag.equals("I") || tag.equals("E"))) {
            start = true;
        }
        if (prevTag.equals("E") && (tag.equals("E") || tag.equals("I"))) {
            start = true;
        }
        if (!tag.equals("O") && !tag.equals(".") && !prevType.equals(type)) {
            start = true;
        }
        if (tag.equals("[") || tag.equals("]")) {
            start = true;
        }
        return start;
    }

    public long tokens() {
        return tokens;
    }

    public long correctTags() {
        return correctTags;
    }

    public long foundCorrect() {
        return foundCorrect;
    }

    public long foundGuessed() {
        return foundGuessed;
    }

    public long correctChunks() {
        return correctChunks;
    }

    /** Per type: {correct chunks, gold chunks, found chunks}. */
    public Map<String, long[]> perType() {
        Map<String, long[]> copy = new HashMap<>();
        perType.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** The text report conlleval.pl prints without options. */
    public String report() {
        StringBuilder sb = new StringBuilder(256);
        double precision = 0.0;
        double recall = 0.0;
        double fb1 = 0.0;
        if (foundGuessed > 0) {
            precision = 100.0 * correctChunks / foundGuessed;
        }
        if (foundCorrect > 0) {
            recall = 100.0 * correctChunks / foundCorrect;
        }
        if (precision + recall > 0) {
            fb1 = 2 * precision * recall / (precision + recall);
        }
        sb.append("processed ").append(tokens).append(" tokens with ").append(foundCorrect).append(" phrases; ");
        sb.append("found: ").append(foundGuessed).append(" phrases; correct: ").append(correctChunks).append(".\n");
        if (tokens > 0) {
            sb.append("accuracy: ").append(f62(100.0 * correctTags / tokens)).append("%; ");
            sb.append("precision: ").append(f62(precision)).append("%; ");
            sb.append("recall: ").append(f62(recall)).append("%; ");
            sb.append("FB1: ").append(f62(fb1)).append('\n');
        }
        TreeSet<String> types = new TreeSet<>();
        perType.forEach((k, v) -> {
            if (v[1] > 0 || v[2] > 0) {
                types.add(k);
            }
        });
        for (String t : types) {
            long[] v = perType.get(t);
            double p = v[2] == 0 ? 0.0 : 100.0 * v[0] / v[2];
            double r = v[1] == 0 ? 0.0 : 100.0 * v[0] / v[1];
            double f = p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
            sb.append(pad17(t)).append(": ");
            sb.append("precision: ").append(f62(p)).append("%; ");
            sb.append("recall: ").append(f62(r)).append("%; ");
            sb.append("FB1: ").append(f62(f)).append("  ").append(v[2]).append('\n');
        }
        return sb.toString();
    }

    /** The LaTeX table conlleval.pl prints with {@code -l}. */
    public String latexReport() {
        StringBuilder sb = new StringBuilder();
        sb.append("        & Precision &  Recall  & F$_{\\beta=1} \\\\\\hline");
        TreeSet<String> types = new TreeSet<>(perType.keySet());
        for (String t : types) {
            long[] v = perType.get(t);
            if (v[1] == 0 && v[2] == 0) {
                continue;
            }
            double p = v[2] == 0 ? 0.0 : 100.0 * v[0] / v[2];
            double r = v[1] == 0 ? 0.0 : 100.0 * v[0] / v[1];
            double f = p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
            sb.append('\n').append(padRight7(t)).append(" &  ").append(f62(p)).append("\\% & ").append(f62(r))
                    .append("\\% & ").append(f62(f)).append(" \\\\");
        }
        sb.append("\\hline\n");
        double precision = foundGuessed > 0 ? 100.0 * correctChunks / foundGuessed : 0.0;
        double recall = foundCorrect > 0 ? 100.0 * correctChunks / foundCorrect : 0.0;
        double fb1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        sb.append("Overall &  ").append(f62(precision)).append("\\% & ").append(f62(recall)).append("\\% & ")
                .append(f62(fb1)).append(" \\\\\\hline\n");
        return sb.toString();
    }

    /** C's {@code %6.2f}: the exact binary value rounded half-even, right-aligned in 6 characters. */
    static String f62(double v) {
        String s = new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        if (s.equals("-0.00")) {
            s = "-0.00";
        }
        return s.length() >= 6 ? s : " ".repeat(6 - s.length()) + s;
    }

    private static String pad17(String s) {
        return s.length() >= 17 ? s : " ".repeat(17 - s.length()) + s;
    }

    private static String padRight7(String s) {
        return s.length() >= 7 ? s : s + " ".repeat(7 - s.length());
    }
}
