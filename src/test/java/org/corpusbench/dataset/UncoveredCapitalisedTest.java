package org.corpusbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.junit.jupiter.api.Test;

/**
 * Exhaustiveness check of the entity gold (issue 3): every run of capitalised tokens that no entity span
 * covers must appear, with a reason, in the reviewed list {@code gold/uncovered-capitalised.tsv}. A new
 * name missed by the annotation, or a mention deleted by mistake, makes a run appear that nobody
 * reviewed, and this test fails listing it.
 */
class UncoveredCapitalisedTest {

    static final Path SOURCE = Path.of("datasets/oreshnik-reports");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    @Test
    void everyUncoveredCapitalisedRunHasBeenReviewed() throws IOException {
        GoldSources.Gold gold = GoldSources.read(Path.of("seeds"), SOURCE.resolve("gold"));
        Map<String, DocumentAnnotations> anns = new TreeMap<>();
        gold.annotations().forEach(a -> anns.put(a.docId(), a));
        List<String> found = new ArrayList<>();
        for (Document d : gold.documents()) {
            found.addAll(uncovered(d, anns.get(d.id())));
        }
        List<String> reviewed = new ArrayList<>();
        List<String> lines = Files.readAllLines(SOURCE.resolve("gold/uncovered-capitalised.tsv"),
                StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("doc_id\tstart\tend\ttext\treason");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            assertThat(f[4]).as("reason given for " + line).isNotBlank();
            reviewed.add(f[0] + "\t" + f[1] + "\t" + f[2] + "\t" + f[3]);
        }
        assertThat(found).as("uncovered capitalised runs not in the reviewed list").isSubsetOf(reviewed);
        assertThat(reviewed).as("reviewed runs that are now covered or gone (update the list)").isSubsetOf(found);
    }

    static List<String> uncovered(Document d, DocumentAnnotations a) {
        String t = d.text();
        boolean[] covered = new boolean[CodePoints.length(t)];
        for (EntityMention e : a.entities()) {
            for (int i = e.span().start(); i < e.span().end(); i++) {
                covered[i] = true;
            }
        }
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(t);
        int runStart = -1;
        int runEnd = -1;
        while (m.find()) {
            int s = CodePoints.toCodePoint(t, m.start());
            int e = CodePoints.toCodePoint(t, m.end());
            boolean capital = Character.isUpperCase(t.codePointAt(m.start()));
            boolean uncovered = false;
            for (int i = s; i < e; i++) {
                uncovered |= !covered[i];
            }
            if (capital && uncovered) {
                if (runStart >= 0 && CodePoints.substring(t, runEnd, s).equals(" ")) {
                    runEnd = e;
                } else {
                    flush(d, runStart, runEnd, out);
                    runStart = s;
                    runEnd = e;
                }
            } else {
                flush(d, runStart, runEnd, out);
                runStart = -1;
            }
        }
        flush(d, runStart, runEnd, out);
        return out;
    }

    private static void flush(Document d, int s, int e, List<String> out) {
        if (s >= 0) {
            out.add(d.id() + "\t" + s + "\t" + e + "\t" + CodePoints.substring(d.text(), s, e));
        }
    }
}
