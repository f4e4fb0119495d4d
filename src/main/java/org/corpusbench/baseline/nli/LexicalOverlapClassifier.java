package org.corpusbench.baseline.nli;

import java.util.HashSet;
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
        Set<String> pw = ContentWords.words(p);
        Set<String> hw = ContentWords.words(h);
        if (negated(pw) != negated(hw)) {
            return NliLabel.CONTRADICTION;
        }
        Set<String> pn = matches(NUMBER, p);
        Set<String> hn = matches(NUMBER, h);
        if (!pn.isEmpty() && !hn.isEmpty() && !pn.containsAll(hn)) {
            return NliLabel.CONTRADICTION;
        }
        if (ContentWords.of(h).isEmpty()) {
            return NliLabel.NEUTRAL;
        }
        if (ContentWords.coverage(p, h) >= ENTAILMENT_COVERAGE) {
            return NliLabel.ENTAILMENT;
        }
        return NliLabel.NEUTRAL;
    }

    private static boolean negated(Set<String> words) {
        return words.stream().anyMatch(w -> NEGATIONS.contains(w) || w.endsWith("n't"));
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
