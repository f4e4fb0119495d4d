package org.corpusbench.baseline.nli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the NLI baselines compare: lower-cased runs of letters, digits and apostrophes (a typographic
 * apostrophe read as {@code '}), and of those the content words, without a short list of function words or
 * words shorter than three letters. One definition for every overlap-based baseline, so that their figures
 * differ only by what they do with the overlap.
 */
public final class ContentWords {

    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "to", "in", "on", "and", "or", "is", "are",
            "was", "were", "be", "been", "has", "have", "had", "that", "this", "it", "its", "for", "by", "with", "as",
            "at", "from", "his", "her", "their", "which", "who", "will", "would", "s");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private ContentWords() {
    }

    /** Every word of {@code s}, lower-cased, in order, each once. */
    public static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The content words of {@code s}, in order, each once. */
    public static List<String> of(String s) {
        List<String> out = new ArrayList<>();
        for (String w : words(s)) {
            if (!STOP.contains(w) && w.length() >= 3) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The share of the hypothesis's content words that occur among the premise's words (0 when the
     * hypothesis has none): the lexical overlap that NLI annotation artefacts show up in.
     */
    public static double coverage(String premise, String hypothesis) {
        List<String> h = of(hypothesis);
        if (h.isEmpty()) {
            return 0;
        }
        Set<String> p = new HashSet<>(words(premise));
        return (double) h.stream().filter(p::contains).count() / h.size();
    }
}
