package org.corpusbench.baseline.nli;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;

/**
 * Lexical overlap with contradiction cues, with thresholds fixed in advance (nothing is tuned on the
 * evaluation pairs): a negation present on one side only, or numbers in the hypothesis that the premise
 * does not have, signal contradiction; otherwise a hypothesis whose content words are mostly
 * found in the premise is entailed; anything else is neutral.
 */
public final class LexicalOverlapClassifier implements NliClassifier {

    /** Share of the hypothesis's content words found in the premise above which it counts as entailed. */
    static final double ENTAILMENT_COVERAGE = 0.6;

    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing", "neither",
            "nor", "without", "denied", "denies", "deny", "n't");
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "to", "in", "on", "and", "or", "is", "are",
            "was", "were", "be", "been", "has", "have", "had", "that", "this", "it", "its", "for", "by", "with", "as",
            "at", "from", "his", "her", "their", "which", "who", "will", "would", "s");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:[.,]\\d+)?\\b|\\b(?:one|two|three|four|five|six|"
            + "seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand)\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "lexical-overlap";
    }

    @Override
    public NliLabel classify(NliPair pair) {
        String p = pair.premise().text();
        String h = pair.hypothesis().text();
        Set<String> pw = words(p);
        Set<String> hw = words(h);
        if (negated(pw) != negated(hw)) {
            return NliLabel.CONTRADICTION;
        }
        Set<String> pn = matches(NUMBER, p);
        Set<String> hn = matches(NUMBER, h);
        if (!pn.isEmpty() && !hn.isEmpty() && !pn.containsAll(hn)) {
            return NliLabel.CONTRADICTION;
        }
        Set<String> hc = content(hw);
        if (hc.isEmpty()) {
            return NliLabel.NEUTRAL;
        }
        long covered = hc.stream().filter(pw::contains).count();
        if ((double) covered / hc.size() >= ENTAILMENT_COVERAGE) {
            return NliLabel.ENTAILMENT;
        }
        return NliLabel.NEUTRAL;
    }

    private static boolean negated(Set<String> words) {
        return words.stream().anyMatch(w -> NEGATIONS.contains(w) || w.endsWith("n't"));
    }

    private static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Set<String> content(Set<String> words) {
        Set<String> out = new HashSet<>(words);
        out.removeIf(w -> STOP.contains(w) || w.length() < 3);
        return out;
    }

    private static Set<String> matches(Pattern p, String s) {
        Set<String> out = new HashSet<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
