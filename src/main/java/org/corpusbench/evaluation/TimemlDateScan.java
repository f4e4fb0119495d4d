package org.corpusbench.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.diagnostic.InvalidInputException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.eval.stats.CountLayout;
import org.corpusbench.eval.stats.CountLayouts;
import org.corpusbench.eval.stats.CountRows;
import org.corpusbench.eval.stats.PoissonBootstrap;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.eval.timex.TimexEvaluator;
import org.corpusbench.format.timeml.TimemlFolders;
import org.corpusbench.format.timeml.TimemlReader;
import org.corpusbench.internal.Hashes;
import org.corpusbench.model.Timex3;
import org.corpusbench.schema.TimexValues;

/**
 * One pass over a gold and a system folder of TimeML files for {@code evaluate --task dates --format timeml}
 * (issue 15): one pair of documents is read, checked, scored and dropped at a time, so memory does not grow
 * with the corpus. What is kept is the sum of the counts, the units of the bootstrap (a row of counts per
 * document for the classic bootstrap while the settings' method can still need it, and the Poisson
 * bootstrap's B sums, keyed by document id, as {@link EvaluationUnits#dates} and the JSONL path key them) and
 * the problems found.
 *
 * <p>The checks are those the import-then-evaluate path applies, so that both score the same inputs with
 * the same figures: a text that is empty or white space, a TIMEX3 value that is no TimeML value of its type,
 * a {@code mod} outside TimeML's list, an empty {@code quant} or {@code freq}, a {@code tid} or
 * {@code anchorTimeID} that is empty or longer than 512 characters (the limits of corpusbench's schema). On
 * top of them, a system file whose text differs from its gold file's is refused (the TempEval-3 toolkit stops
 * there too; the JSONL path only compares each predicted span's text). Problems of the gold are always
 * refused; problems of the system are refused unless lenient, which skips and counts them as the JSONL path
 * does.
 */
final class TimemlDateScan {

    /** The TIMEX3 {@code mod} values TimeML 1.2.1 defines, as corpusbench's schema lists them. */
    static final Set<String> MODS = Set.of("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN",
            "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX");

    /** The longest {@code tid} or {@code anchorTimeID} corpusbench's schema accepts (an id). */
    static final int MAX_ID = 512;

    private final EvaluationSettings settings;
    private final BootstrapMethod method;
    private final List<Diagnostic> goldProblems = new ArrayList<>();
    private final List<Diagnostic> systemProblems = new ArrayList<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private final MessageDigest goldDigest = Hashes.newSha256();
    private final MessageDigest systemDigest = Hashes.newSha256();
    private final CountLayout<TimexCounts> layout = CountLayouts.timex();
    private final CountRows rows = new CountRows(layout.width());
    private final long[] row = new long[layout.width()];
    private final PoissonBootstrap<TimexCounts> poisson;
    private final List<String> missing = new ArrayList<>();
    private long missingCount;
    private long goldFiles;
    private TimexCounts total = TimexCounts.ZERO;
    private long documents;

    private TimemlDateScan(EvaluationSettings settings) {
        this.settings = settings;
        this.method = settings.bootstrap();
        this.poisson = method == BootstrapMethod.CLASSIC ? null
                : new PoissonBootstrap<>(layout, settings.resamples(), settings.seed());
    }

    /**
     * Scores the folders; refuses the gold's problems, and unless lenient the system's, with every problem
     * found in the pass.
     */
    static TimemlDateScan run(Path goldDir, Path systemDir, EvaluationSettings settings) throws IOException {
        TimemlDateScan scan = new TimemlDateScan(settings);
        TimemlFolders.Pairing pairing = TimemlFolders.pair(goldDir, systemDir);
        for (TimemlFolders.Pair p : pairing.pairs()) {
            scan.pair(p, goldDir);
        }
        if (scan.missingCount > 0) {
            scan.systemProblems.add(Diagnostic.error(Location.ofFile(systemDir.toString()), null, "no system file for "
                    + scan.missingCount + " of the " + scan.goldFiles + " gold files ("
                    + String.join(", ", scan.missing) + (scan.missingCount > scan.missing.size() ? ", ..." : "")
                    + "); expected a file of the same name for each gold file, as the TempEval-3 toolkit reads them;"
                    + " with --lenient they are scored as predicting nothing"));
        }
        if (!scan.goldProblems.isEmpty()) {
            throw new InvalidInputException("the gold", scan.goldProblems, "nothing was scored");
        }
        if (!scan.systemProblems.isEmpty() && !settings.lenient()) {
            throw new InvalidInputException("the predictions", scan.systemProblems,
                    "fix them, or pass --lenient to skip and count them");
        }
        return scan;
    }

    private void pair(TimemlFolders.Pair p, Path goldDir) throws IOException {
        if (p.gold() == null) {
            digest(systemDigest, p.system(), Hashes.sha256(p.system()));
            problem(Diagnostic.error(Location.ofFile(p.system().toString()), null, "no gold file of this name in "
                    + goldDir + "; expected only system files whose gold file is there (the TempEval-3 toolkit "
                    + "reads only the gold folder's names, so it would leave this one out unsaid)"),
                    "unknown_documents");
            return;
        }
        goldFiles++;
        TimemlReader.TimemlDocument gold = read(p.gold(), goldProblems);
        if (gold == null) {
            if (p.system() != null) {
                digest(systemDigest, p.system(), Hashes.sha256(p.system()));
            }
            return;
        }
        digest(goldDigest, p.gold(), gold.document().sha256());
        int before = goldProblems.size();
        if (gold.document().text().isBlank()) {
            goldProblems.add(Diagnostic.error(Location.of(p.gold().toString(), gold.textLine()), "TEXT",
                    "the text is empty or white space; expected an article"));
        }
        for (Timex3 t : gold.annotations().timexes()) {
            Diagnostic d = check(t, gold, p.gold());
            if (d != null) {
                goldProblems.add(d);
            }
        }
        if (goldProblems.size() > before) {
            return;
        }
        List<Timex3> predicted = List.of();
        if (p.system() == null) {
            missingCount++;
            if (missing.size() < 5) {
                missing.add(p.gold().getFileName().toString());
            }
            skipped.merge("missing_documents", 1L, Long::sum);
        } else {
            TimemlReader.TimemlDocument system = read(p.system(), null);
            if (system != null) {
                digest(systemDigest, p.system(), system.document().sha256());
                predicted = predicted(gold, system, p.system(), p.gold());
            } else {
                digest(systemDigest, p.system(), Hashes.sha256(p.system()));
            }
        }
        add(p.id(), TimexEvaluator.evaluate(gold.annotations().timexes(), predicted));
    }

    /** The system's TIMEX3s that can be scored: none when its text is not the gold's, without bad ones. */
    private List<Timex3> predicted(TimemlReader.TimemlDocument gold, TimemlReader.TimemlDocument system,
                                   Path systemFile, Path goldFile) {
        String g = gold.document().text();
        String s = system.document().text();
        if (!g.equals(s)) {
            int at = firstDifference(g, s);
            problem(Diagnostic.error(Location.of(systemFile.toString(), system.lineOf(at)), "TEXT", "the text differs "
                    + "from that of the gold file " + goldFile + " from code point " + at + " on: the gold has "
                    + excerpt(g, at) + ", this file " + excerpt(s, at) + "; expected the same text inside <TEXT>, "
                    + "only the markup differing (the TempEval-3 toolkit stops at such a pair too)"),
                    "different_texts");
            return List.of();
        }
        List<Timex3> kept = new ArrayList<>(system.annotations().timexes().size());
        for (Timex3 t : system.annotations().timexes()) {
            Diagnostic d = check(t, system, systemFile);
            if (d == null) {
                kept.add(t);
            } else {
                problem(d, d.field().endsWith(".value") ? "bad_values" : "bad_attributes");
            }
        }
        return kept;
    }

    /** The document, or null with the problem recorded (for the gold in {@code goldSink}, else as a skip). */
    private TimemlReader.TimemlDocument read(Path file, List<Diagnostic> goldSink) throws IOException {
        try {
            return TimemlReader.read(file);
        } catch (CorpusFormatException e) {
            List<CorpusFormatException> all = e instanceof CorpusFormatProblems many ? many.problems() : List.of(e);
            for (CorpusFormatException x : all) {
                Diagnostic d = Diagnostic.error(x.location(), x.field(), x.originalMessage());
                if (goldSink != null) {
                    goldSink.add(d);
                } else {
                    problem(d, "malformed_files");
                }
            }
            return null;
        }
    }

    private void problem(Diagnostic d, String counter) {
        systemProblems.add(d);
        skipped.merge(counter, 1L, Long::sum);
    }

    private void add(String id, TimexCounts counts) {
        total = total.plus(counts);
        documents++;
        if (poisson != null) {
            poisson.add(id, counts);
        }
        if (!method.poissonFor(rows.rows())) {
            layout.write(counts, row);
            rows.add(row);
        }
    }

    /**
     * The problem with a TIMEX3's attributes that corpusbench's schema or value syntax would refuse after an
     * import, or null. Located at the line of the file where its text starts.
     */
    static Diagnostic check(Timex3 t, TimemlReader.TimemlDocument d, Path file) {
        String problem = problem(t);
        if (problem == null) {
            return null;
        }
        // located only when there is a problem: finding the line walks the text
        Location at = Location.of(file.toString(), d.lineOf(t.span().start()));
        String name = "TIMEX3" + (t.tid() == null ? "" : "[" + t.tid() + "]");
        int colon = problem.indexOf(':');
        return Diagnostic.error(at, name + "." + problem.substring(0, colon), problem.substring(colon + 2));
    }

    /** What is wrong with a TIMEX3's attributes, as "attribute: message", or null. */
    private static String problem(Timex3 t) {
        if (!TimexValues.isValid(t.type(), t.value())) {
            Diagnostic value = TimexValues.check(t.type(), t.value(), Location.ofFile("-"), "value");
            if (value != null && value.isError()) {
                return "value: " + value.message();
            }
        }
        if (t.mod() != null && !MODS.contains(t.mod())) {
            return "mod: '" + t.mod() + "' is not a TIMEX3 mod; expected one of "
                    + String.join(", ", new java.util.TreeSet<>(MODS)) + ", or no mod";
        }
        for (String[] a : new String[][] {{"quant", t.quant()}, {"freq", t.freq()}}) {
            if (a[1] != null && a[1].isEmpty()) {
                return a[0] + ": empty; expected a value, or no " + a[0] + " attribute";
            }
        }
        for (String[] a : new String[][] {{"tid", t.tid()}, {"anchorTimeID", t.anchor()}}) {
            if (a[1] != null && (a[1].isEmpty() || a[1].length() > MAX_ID)) {
                return a[0] + ": " + (a[1].isEmpty() ? "empty" : a[1].length() + " characters long")
                        + "; expected an id of 1 to " + MAX_ID + " characters";
            }
        }
        return null;
    }

    /** The first code point at which the two texts differ (the shorter one's length if one extends the other). */
    static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i > 0 && i < a.length() && Character.isHighSurrogate(a.charAt(i - 1))) {
            i--; // the two differ inside a surrogate pair: the code point starts one char earlier
        }
        return a.codePointCount(0, i);
    }

    /** Up to 20 code points of {@code s} from code point {@code at}, quoted, line breaks shown as \n. */
    static String excerpt(String s, int at) {
        int length = s.codePointCount(0, s.length());
        if (at >= length) {
            return "the end of the text";
        }
        int from = s.offsetByCodePoints(0, at);
        int to = s.offsetByCodePoints(from, Math.min(20, length - at));
        return "'" + s.substring(from, to).replace("\r", "\\r").replace("\n", "\\n") + "'"
                + (to < s.length() ? "..." : "");
    }

    /** Adds a line {@code NAME TAB SHA256} to a folder's digest; files come in name order. */
    private static void digest(MessageDigest d, Path file, String sha256) {
        d.update((file.getFileName() + "\t" + sha256 + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The sum of every scored document's counts. */
    TimexCounts total() {
        return total;
    }

    /** How many gold documents were scored. */
    long documents() {
        return documents;
    }

    /** The classic bootstrap's rows (counts laid out by {@link #layout()}), one per document, while needed. */
    CountRows rows() {
        return rows;
    }

    /** How the counts of {@link #rows()} are laid out. */
    CountLayout<TimexCounts> layout() {
        return layout;
    }

    /** The Poisson bootstrap of the documents, or null under {@link BootstrapMethod#CLASSIC}. */
    PoissonBootstrap<TimexCounts> poisson() {
        return poisson;
    }

    /** The system's problems, when lenient: skipped, each to be listed. */
    List<Diagnostic> skippedProblems() {
        return systemProblems;
    }

    /** How many of each kind of problem were skipped (lenient). */
    Map<String, Long> skipped() {
        return skipped;
    }

    /** The SHA-256 of the gold folder's list of {@code NAME TAB SHA256} lines (see docs/reliability.md). */
    String goldSha256() {
        return HexFormat.of().formatHex(goldDigest.digest());
    }

    /** The same for the system folder. */
    String systemSha256() {
        return HexFormat.of().formatHex(systemDigest.digest());
    }

    /** The settings scored with. */
    EvaluationSettings settings() {
        return settings;
    }
}
