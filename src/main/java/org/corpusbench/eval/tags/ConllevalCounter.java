package org.corpusbench.eval.tags;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.BlankLineSplits;
import org.corpusbench.internal.ByteColumns;
import org.corpusbench.internal.ByteLines;

/**
 * The counting of conlleval.pl (version 2004-01-26), line by line, for a drop-in replacement: the same
 * chunk boundaries (its startOfChunk/endOfChunk rules, including for malformed sequences), the same
 * token counting (a {@code -DOCSTART-} line is a token to it), the same reading of a tag (its
 * {@code /^([^-]*)-(.*)$/}: the prefix ends at the first hyphen, so {@code B-PER-X} is type {@code PER-X};
 * a type {@code 0} is no type), and the same report to the same digits.
 *
 * <p>Lines are taken as bytes and only the three fields that matter are looked at (the first, to spot
 * a {@code -X-} boundary, and the last two); each distinct tag is decoded once, so a line costs a scan. The
 * byte columns ({@link ByteColumns}) and the table of distinct tags ({@link TagTable}) are those of
 * {@link TagEvaluator}'s byte-level reading too (issue 15).
 * The state is a handful of counters, so input of any size is scored in constant memory, and counters
 * of parts that end at a sentence break {@link #add add up} to the counter of the whole.
 */
public final class ConllevalCounter {

    /** Raised for input conlleval.pl itself rejects; the message is the one it prints. */
    public static final class InputException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }

    private static final byte[] BOUNDARY = {'-', 'X', '-'};

    // Prefix classes: all that conlleval's chunk rules distinguish.
    private static final int B = 0;
    private static final int I = 1;
    private static final int E = 2;
    private static final int O = 3;
    private static final int DOT = 4;
    private static final int BRACKET = 5;
    private static final int OTHER = 6;

    /** A decoded tag: its prefix (as an id, for token accuracy, and as a class, for the rules) and type id. */
    private record Tag(int prefixId, int prefixClass, int typeId) {
    }

    private final String delimiterText;
    /** The literal delimiter, or null when it is a pattern ({@link #matcher}). */
    private final byte[] delimiter;
    private final java.util.regex.Matcher matcher;
    private final String outsideTag;
    private final boolean raw;

    private final TagTable tagTable = new TagTable();
    /** The decoded tag of each number of {@link #tagTable}. */
    private final List<Tag> tags = new ArrayList<>();
    private final ByteColumns fields = new ByteColumns();
    private final Map<String, Integer> prefixIds = new HashMap<>();
    private final Map<String, Integer> typeIds = new HashMap<>();
    private final List<String> typeNames = new ArrayList<>();
    private final Tag outside;

    private int features = -1;
    private long tokens;
    private long correctTags;
    private long foundCorrect;
    private long foundGuessed;
    private long correctChunks;
    /** Per type id: {correct chunks, gold chunks, found chunks}. */
    private long[][] perType = new long[8][];
    private boolean inCorrect;
    /** Whether a chunk was still open when the input of this part ended (set before finishing a part). */
    private boolean openAtEnd;
    private Tag lastCorrect;
    private Tag lastGuessed;
    /** Lines read so far, for the location of an input error. */
    private long lines;
    /** Where the current line starts: in {@code buf}, and in the input (-1 when not told). */
    private int lineFrom;
    private long lineOffset = -1;

    /**
     * A counter with conlleval.pl's defaults: fields separated by a single space, outside tag {@code O}, tags
     * with prefixes.
     */
    public ConllevalCounter() {
        this(" ", "O", false);
    }

    /**
     * @param delimiter  field separator ({@code -d}): a Perl regular expression, as conlleval.pl reads it,
     *                   in the subset {@link PerlDelimiter} accepts ({@code \t}, {@code \s+}, a space, ...);
     *                   a single space by default
     * @param outsideTag the outside tag in raw mode ({@code -o})
     * @param raw        tags without B-/I- prefixes, one word per chunk ({@code -r})
     * @throws IllegalArgumentException if the delimiter is empty or not in that subset (the message names it)
     */
    public ConllevalCounter(String delimiter, String outsideTag, boolean raw) {
        PerlDelimiter d = PerlDelimiter.parse(delimiter);
        this.delimiterText = delimiter;
        this.delimiter = d.literal;
        this.matcher = d.pattern == null ? null : d.pattern.matcher("");
        this.outsideTag = outsideTag;
        this.raw = raw;
        typeId("");
        this.outside = new Tag(prefixId("O"), O, 0);
        this.lastCorrect = outside;
        this.lastGuessed = outside;
    }

    /** A fresh counter with the same options. */
    private ConllevalCounter newPart() {
        return new ConllevalCounter(delimiterText, outsideTag, raw);
    }

    /** Counts one input line (without its line terminator). */
    public void line(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        line(b, 0, b.length);
    }

    /** Counts one input line, the UTF-8 bytes {@code buf[from, to)} without the line terminator. */
    public void line(byte[] buf, int from, int to) {
        lines++;
        lineFrom = from;
        int n = matcher != null ? fields.splitAt(buf, from, to, matcher) : fields.splitAt(buf, from, to, delimiter);
        if (features < 0) {
            features = n - 1;
        } else if (features != n - 1 && n != 0) {
            throw new InputException("unexpected number of features: " + n + " (" + (features + 1) + ")");
        }
        if (n == 0 || fields.is(buf, 0, BOUNDARY)) {
            step(outside, outside, true);
            return;
        }
        if (n < 2) {
            throw new InputException("feature length is " + n + ". \nconlleval: unexpected number of "
                    + "features in line " + new String(buf, from, to - from, StandardCharsets.UTF_8));
        }
        Tag correct = tag(buf, fields.start(n - 2), fields.end(n - 2));
        Tag guessed = tag(buf, fields.start(n - 1), fields.end(n - 1));
        step(correct, guessed, false);
    }

    /** As {@link #line(byte[], int, int)}, for a line that starts at byte {@code offset} of the input. */
    private void line(byte[] buf, int from, int to, long offset) {
        lineOffset = offset;
        line(buf, from, to);
    }

    private Tag tag(byte[] buf, int from, int to) {
        int id = tagTable.intern(buf, from, to);
        if (id == tags.size()) {
            tags.add(decode(buf, from, to));
        }
        return tags.get(id);
    }

    /** Reads a tag field as conlleval does; runs once per distinct field. */
    private Tag decode(byte[] buf, int from, int to) {
        ByteBuffer in = ByteBuffer.wrap(buf, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (decoder.decode(in, out, true).isError()) {
            // only tags are decoded: conlleval.pl reads bytes, and the token column does not change a figure
            throw new InputException("a tag is not valid UTF-8" + (lineOffset < 0 ? ""
                    : " at byte offset " + (lineOffset + in.position() - lineFrom)) + " (byte 0x"
                    + String.format(Locale.ROOT, "%02X", buf[in.position()] & 0xFF)
                    + "): expected UTF-8 text; re-encode the file as UTF-8");
        }
        decoder.flush(out);
        String s = out.flip().toString();
        if (raw) {
            if (s.equals(outsideTag)) {
                s = "O";
            }
            if (!s.equals("O")) {
                s = "B-" + s;
            }
        }
        // conlleval.pl 2004-01-26: /^([^-]*)-(.*)$/, then "$type ? $type : ''" ("" and "0" are no type).
        int d = s.indexOf('-');
        String prefix = d < 0 ? s : s.substring(0, d);
        String type = d < 0 ? "" : s.substring(d + 1);
        if (type.equals("0")) {
            type = "";
        }
        return new Tag(prefixId(prefix), prefixClass(prefix), typeId(type));
    }

    private int prefixId(String prefix) {
        return prefixIds.computeIfAbsent(prefix, k -> prefixIds.size());
    }

    private int typeId(String type) {
        Integer id = typeIds.get(type);
        if (id == null) {
            id = typeNames.size();
            typeIds.put(type, id);
            typeNames.add(type);
        }
        return id;
    }

    private static int prefixClass(String p) {
        return switch (p) {
            case "B" -> B;
            case "I" -> I;
            case "E" -> E;
            case "O" -> O;
            case "." -> DOT;
            case "[", "]" -> BRACKET;
            default -> OTHER;
        };
    }

    private void step(Tag correct, Tag guessed, boolean boundary) {
        if (inCorrect) {
            boolean endC = endOfChunk(lastCorrect.prefixClass, correct.prefixClass, lastCorrect.typeId, correct.typeId);
            boolean endG = endOfChunk(lastGuessed.prefixClass, guessed.prefixClass, lastGuessed.typeId,
                    guessed.typeId);
            if (endC && endG && lastGuessed.typeId == lastCorrect.typeId) {
                inCorrect = false;
                correctChunks++;
                type(lastCorrect.typeId)[0]++;
            } else if (endC != endG || guessed.typeId != correct.typeId) {
                inCorrect = false;
            }
        }
        boolean startC = startOfChunk(lastCorrect.prefixClass, correct.prefixClass, lastCorrect.typeId, correct.typeId);
        boolean startG = startOfChunk(lastGuessed.prefixClass, guessed.prefixClass, lastGuessed.typeId, guessed.typeId);
        if (startC && startG && guessed.typeId == correct.typeId) {
            inCorrect = true;
        }
        if (startC) {
            foundCorrect++;
            type(correct.typeId)[1]++;
        }
        if (startG) {
            foundGuessed++;
            type(guessed.typeId)[2]++;
        }
        if (!boundary) {
            if (correct.prefixId == guessed.prefixId && correct.typeId == guessed.typeId) {
                correctTags++;
            }
            tokens++;
        }
        lastCorrect = correct;
        lastGuessed = guessed;
    }

    /** Closes a chunk still open at the end of input. Call once, after the last line. */
    public void finish() {
        if (inCorrect) {
            correctChunks++;
            type(lastCorrect.typeId)[0]++;
            inCorrect = false;
        }
    }

    private long[] type(int id) {
        if (id >= perType.length) {
            perType = Arrays.copyOf(perType, Math.max(id + 1, perType.length * 2));
        }
        long[] v = perType[id];
        if (v == null) {
            v = new long[3];
            perType[id] = v;
        }
        return v;
    }

    static boolean endOfChunk(int prevTag, int tag, int prevType, int type) {
        boolean end = false;
        if (prevTag == B && (tag == B || tag == O)) {
            end = true;
        }
        if (prevTag == I && (tag == B || tag == O)) {
            end = true;
        }
        if (prevTag == E && (tag == E || tag == I || tag == O)) {
            end = true;
        }
        if (prevTag != O && prevTag != DOT && prevType != type) {
            end = true;
        }
        if (prevTag == BRACKET) {
            end = true;
        }
        return end;
    }

    static boolean startOfChunk(int prevTag, int tag, int prevType, int type) {
        boolean start = false;
        if (tag == B && (prevTag == B || prevTag == I || prevTag == O)) {
            start = true;
        }
        if (prevTag == O && (tag == I || tag == E)) {
            start = true;
        }
        if (prevTag == E && (tag == E || tag == I)) {
            start = true;
        }
        if (tag != O && tag != DOT && prevType != type) {
            start = true;
        }
        if (tag == BRACKET) {
            start = true;
        }
        return start;
    }

    /**
     * Adds the counts of a finished part that followed this one's input at a sentence break (the state
     * after a blank line is the initial state, so the sum is the count of the whole).
     *
     * @throws InputException if the parts disagree on the number of fields per line
     */
    public void add(ConllevalCounter part) {
        if (inCorrect || part.inCorrect) {
            throw new IllegalStateException("finish() both counters before adding them");
        }
        if (features < 0) {
            features = part.features;
        } else if (part.features >= 0 && part.features != features) {
            throw new InputException("unexpected number of features: " + (part.features + 1) + " ("
                    + (features + 1) + ")");
        }
        tokens += part.tokens;
        correctTags += part.correctTags;
        foundCorrect += part.foundCorrect;
        foundGuessed += part.foundGuessed;
        correctChunks += part.correctChunks;
        for (int id = 0; id < part.perType.length; id++) {
            long[] v = part.perType[id];
            if (v != null) {
                long[] mine = type(typeId(part.typeNames.get(id)));
                for (int k = 0; k < 3; k++) {
                    mine[k] += v[k];
                }
            }
        }
        lastCorrect = outside;
        lastGuessed = outside;
    }

    /**
     * Tokens counted: every line that is not a sentence boundary (empty, or {@code -X-} as its first field),
     * so a {@code -DOCSTART-} line counts, as it does for conlleval.pl.
     */
    public long tokens() {
        return tokens;
    }

    /** Tokens whose guessed tag has the gold tag's prefix and type: the numerator of the accuracy. */
    public long correctTags() {
        return correctTags;
    }

    /** Chunks in the gold column, conlleval.pl's {@code foundCorrect}: the denominator of recall. */
    public long foundCorrect() {
        return foundCorrect;
    }

    /** Chunks in the guessed column, conlleval.pl's {@code foundGuessed}: the denominator of precision. */
    public long foundGuessed() {
        return foundGuessed;
    }

    /**
     * Chunks with the same first and last token and the same type in both columns: the numerator of precision
     * and recall.
     */
    public long correctChunks() {
        return correctChunks;
    }

    /**
     * Per type: {correct chunks, gold chunks, found chunks}, in the order conlleval.pl prints them
     * (Perl's {@code sort}: by code point).
     */
    public Map<String, long[]> perType() {
        Map<String, long[]> out = new TreeMap<>(CODE_POINT_ORDER);
        for (int id = 0; id < perType.length; id++) {
            if (perType[id] != null) {
                out.put(typeNames.get(id), perType[id].clone());
            }
        }
        return out;
    }

    private static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

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
        perType().forEach((t, v) -> {
            double p = v[2] == 0 ? 0.0 : 100.0 * v[0] / v[2];
            double r = v[1] == 0 ? 0.0 : 100.0 * v[0] / v[1];
            double f = p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
            for (int copy = 0; copy < printed(t, v); copy++) {
                sb.append(pad17(t)).append(": ");
                sb.append("precision: ").append(f62(p)).append("%; ");
                sb.append("recall: ").append(f62(r)).append("%; ");
                sb.append("FB1: ").append(f62(f)).append("  ").append(v[2]).append('\n');
            }
        });
        return sb.toString();
    }

    /** The LaTeX table conlleval.pl prints with {@code -l}. */
    public String latexReport() {
        StringBuilder sb = new StringBuilder();
        sb.append("        & Precision &  Recall  & F$_{\\beta=1} \\\\\\hline");
        perType().forEach((t, v) -> {
            double p = v[2] == 0 ? 0.0 : 100.0 * v[0] / v[2];
            double r = v[1] == 0 ? 0.0 : 100.0 * v[0] / v[1];
            double f = p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
            for (int copy = 0; copy < printed(t, v); copy++) {
                sb.append('\n').append(padRight7(t)).append(" &  ").append(f62(p)).append("\\% & ").append(f62(r))
                        .append("\\% & ").append(f62(f)).append(" \\\\");
            }
        });
        sb.append("\\hline\n");
        double precision = foundGuessed > 0 ? 100.0 * correctChunks / foundGuessed : 0.0;
        double recall = foundCorrect > 0 ? 100.0 * correctChunks / foundCorrect : 0.0;
        double fb1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        sb.append("Overall &  ").append(f62(precision)).append("\\% & ").append(f62(recall)).append("\\% & ")
                .append(f62(fb1)).append(" \\\\\\hline\n");
        return sb.toString();
    }

    /**
     * How many times conlleval.pl prints a type's line. It lists the sorted keys of the gold and the found
     * chunk types together and skips a key equal to the one before unless that one is false in Perl: so a
     * type is printed once if it has chunks, but the empty type twice when both gold and found have it.
     */
    private static int printed(String type, long[] v) {
        int lists = (v[1] > 0 ? 1 : 0) + (v[2] > 0 ? 1 : 0);
        return type.isEmpty() ? lists : Math.min(lists, 1);
    }

    /** C's {@code %6.2f}: the exact binary value rounded half-even, right-aligned in 6 characters. */
    static String f62(double v) {
        String s = new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        return s.length() >= 6 ? s : " ".repeat(6 - s.length()) + s;
    }

    private static String pad17(String s) {
        return s.length() >= 17 ? s : " ".repeat(17 - s.length()) + s;
    }

    private static String padRight7(String s) {
        return s.length() >= 7 ? s : s + " ".repeat(7 - s.length());
    }

    // ---- whole inputs ----

    /**
     * Scores a whole stream with a fresh counter like {@code template} and finishes it. A UTF-8 byte
     * order mark at the start is skipped. Errors name {@code name} and the line.
     */
    public static ConllevalCounter score(InputStream in, String name, ConllevalCounter template) throws IOException {
        ConllevalCounter c = template.newPart();
        try {
            ByteLines.forEachWithOffsets(in, true, c::line);
        } catch (InputException e) {
            throw new CorpusFormatException(Location.of(name, c.lines), null, e.getMessage());
        }
        c.finish();
        return c;
    }

    /**
     * Scores a file in up to {@code threads} parts cut at blank lines, in parallel, and adds the parts up.
     * The result equals {@link #score(InputStream, String, ConllevalCounter)}: after a blank line the
     * counter is in its initial state unless a chunk is still open (malformed input), and then, as on an
     * input error, the file is scored again in one piece, so that the error named is the first one in it.
     * Parts are used only when each holds at least 48 MiB, below which they make a run slower on two cores,
     * and while a processor is idle (issue 15; docs/performance.md): otherwise the file is scored in one piece
     * whatever {@code threads} is.
     */
    public static ConllevalCounter score(Path file, int threads, ConllevalCounter template) throws IOException {
        return score(file, threads, template, Parts.MIN_PART_BYTES);
    }

    /** As the public method, with parts of at least {@code minPartBytes} (0: as many as threads; for tests). */
    static ConllevalCounter score(Path file, int threads, ConllevalCounter template, long minPartBytes)
            throws IOException {
        int n = Parts.of(Files.size(file), threads, minPartBytes);
        List<BlankLineSplits.Range> parts = n <= 1 ? List.of() : BlankLineSplits.of(file, n);
        if (parts.size() > 1) {
            try {
                List<ConllevalCounter> counted = BlankLineSplits.inParallel(file, parts, (in, first) -> {
                    ConllevalCounter c = template.newPart();
                    ByteLines.forEach(in, first, c::line);
                    c.openAtEnd = c.inCorrect;
                    c.finish();
                    return c;
                });
                ConllevalCounter total = template.newPart();
                for (int k = 0; k < counted.size(); k++) {
                    if (k < counted.size() - 1 && counted.get(k).openAtEnd) {
                        // A chunk still open after the blank line (a typeless tag with an unknown prefix
                        // such as "X" ends no chunk): whether it counts depends on the lines after it.
                        return scoreWhole(file, template);
                    }
                    total.add(counted.get(k));
                }
                return total;
            } catch (InputException e) {
                // A bad line, or parts that disagree on the number of fields: the run in one piece below
                // names the first bad line of the file.
            }
        }
        return scoreWhole(file, template);
    }

    private static ConllevalCounter scoreWhole(Path file, ConllevalCounter template) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return score(in, file.toString(), template);
        }
    }
}
