package org.corpusbench.baseline.contradiction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.Span;

/**
 * Flags conflicting attributes of one entity across (and within) documents: names spelled differently
 * (first names, surnames, product names) and different titles or offices before a person's name.
 * Mentions are grouped by entity id when the input has ids, otherwise by similar surnames (edit distance
 * at most 2). One pair is emitted per pair of documents and pair of conflicting values, with the first
 * mention of each value in each document as evidence.
 */
public final class HeuristicContradictionDetector implements ContradictionDetector {

    /** Title words that may precede a name ("Foreign Minister Vladimir Wolfovich"). */
    private static final Pattern TITLE_BEFORE = Pattern.compile(
            "((?:(?:Foreign|Defen[cs]e|Prime|Deputy|State|Vice)\\s+)?(?:Minister|Secretary|President|Chairman|"
                    + "Spokesman|Ambassador|General|Commander)(?:\\s+of\\s+[A-Z][\\w ]{0,40})?)\\s+$");
    /** An appositive title after a name: ", the State Secretary of the Council ...". */
    private static final Pattern TITLE_AFTER = Pattern.compile(
            "^,\\s+(?:the\\s+)?((?:[A-Z][a-z]+\\s+){0,2}(?:Minister|Secretary|President|Chairman|Spokesman|"
                    + "Ambassador)(?:\\s+of\\s+(?:the\\s+)?[A-Z][\\w ]{0,60}?)?)(?=[,.]|$)");

    @Override
    public String name() {
        return "heuristic";
    }

    private record Mention(Document doc, EntityMention mention) {
    }

    @Override
    public List<Contradiction> detect(List<Document> docs, Map<String, DocumentAnnotations> entities) {
        Map<String, List<Mention>> groups = group(docs, entities);
        List<Contradiction> out = new ArrayList<>();
        for (Map.Entry<String, List<Mention>> g : groups.entrySet()) {
            names(g.getKey(), g.getValue(), out);
            titles(g.getKey(), g.getValue(), out);
        }
        List<Contradiction> numbered = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Contradiction c = out.get(i);
            numbered.add(new Contradiction(String.format(Locale.ROOT, "h%03d", i + 1), c.type(), c.a(), c.b(),
                    c.explanation()));
        }
        return numbered;
    }

    private static Map<String, List<Mention>> group(List<Document> docs, Map<String, DocumentAnnotations> entities) {
        Map<String, List<Mention>> groups = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (Document d : docs) {
            DocumentAnnotations a = entities.getOrDefault(d.id(), DocumentAnnotations.empty(d.id()));
            for (EntityMention m : a.entities()) {
                String key = m.entityId();
                if (key == null) {
                    String surname = lastToken(normalise(m.span().text())).toLowerCase(Locale.ROOT);
                    key = keys.stream().filter(k -> similar(k, surname)).findFirst().orElse(surname);
                    if (!keys.contains(key)) {
                        keys.add(key);
                    }
                    key = m.type() + ":" + key;
                }
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Mention(d, m));
            }
        }
        return groups;
    }

    /** Different spellings or first names of one entity. */
    private static void names(String entity, List<Mention> mentions, List<Contradiction> out) {
        Map<String, Map<String, Mention>> firstByDocAndForm = new LinkedHashMap<>();
        for (Mention m : mentions) {
            String form = normalise(m.mention().span().text());
            firstByDocAndForm.computeIfAbsent(m.doc().id(), k -> new LinkedHashMap<>()).putIfAbsent(form, m);
        }
        List<Mention> reps = new ArrayList<>();
        firstByDocAndForm.values().forEach(forms -> reps.addAll(forms.values()));
        Set<String> done = new LinkedHashSet<>();
        for (int i = 0; i < reps.size(); i++) {
            for (int j = i + 1; j < reps.size(); j++) {
                Mention a = reps.get(i);
                Mention b = reps.get(j);
                String fa = normalise(a.mention().span().text());
                String fb = normalise(b.mention().span().text());
                String why = nameConflict(fa, fb);
                if (why == null || !done.add(a.doc().id() + "|" + b.doc().id() + "|" + fa + "|" + fb)) {
                    continue;
                }
                out.add(new Contradiction(null, ContradictionType.NAME, evidence(a), evidence(b),
                        entity + ": '" + fa + "' vs '" + fb + "' (" + why + ")"));
            }
        }
    }

    /** Why two forms of one entity's name conflict, or null when one is just a shorter form of the other. */
    static String nameConflict(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return null;
        }
        String[] ta = a.split("\\s+");
        String[] tb = b.split("\\s+");
        String la = ta[ta.length - 1];
        String lb = tb[tb.length - 1];
        if (!la.equalsIgnoreCase(lb)) {
            if (ta.length == 1 && tb.length == 1 || similar(la.toLowerCase(Locale.ROOT), lb.toLowerCase(Locale.ROOT))) {
                return "different spelling";
            }
            return null;
        }
        if (ta.length > 1 && tb.length > 1 && !ta[0].equalsIgnoreCase(tb[0])) {
            return "different first name";
        }
        return null;
    }

    /** Different titles before (or in apposition after) a person's name. */
    private static void titles(String entity, List<Mention> mentions, List<Contradiction> out) {
        Map<String, Map<String, Evidence>> byDocAndTitle = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (!"PERSON".equals(m.mention().type()) && !"PER".equals(m.mention().type())) {
                continue;
            }
            Evidence title = title(m);
            if (title != null) {
                byDocAndTitle.computeIfAbsent(m.doc().id(), k -> new LinkedHashMap<>())
                        .putIfAbsent(title.span().text().toLowerCase(Locale.ROOT), title);
            }
        }
        List<Evidence> reps = new ArrayList<>();
        byDocAndTitle.values().forEach(t -> reps.addAll(t.values()));
        for (int i = 0; i < reps.size(); i++) {
            for (int j = i + 1; j < reps.size(); j++) {
                String ta = reps.get(i).span().text().toLowerCase(Locale.ROOT);
                String tb = reps.get(j).span().text().toLowerCase(Locale.ROOT);
                if (ta.contains(tb) || tb.contains(ta)) {
                    continue;
                }
                out.add(new Contradiction(null, ContradictionType.ROLE, reps.get(i), reps.get(j),
                        entity + ": titled '" + reps.get(i).span().text() + "' and '" + reps.get(j).span().text()
                                + "'"));
            }
        }
    }

    private static Evidence title(Mention m) {
        String text = m.doc().text();
        int startChar = CodePoints.toCharIndex(text, m.mention().span().start());
        int endChar = CodePoints.toCharIndex(text, m.mention().span().end());
        String before = text.substring(Math.max(0, startChar - 80), startChar);
        int nl = before.lastIndexOf('\n');
        before = before.substring(nl + 1);
        Matcher mb = TITLE_BEFORE.matcher(before);
        if (mb.find()) {
            int s = startChar - before.length() + mb.start(1);
            return evidence(m.doc(), s, s + mb.group(1).length());
        }
        String after = text.substring(endChar, Math.min(text.length(), endChar + 100));
        Matcher ma = TITLE_AFTER.matcher(after);
        if (ma.find()) {
            int s = endChar + ma.start(1);
            return evidence(m.doc(), s, s + ma.group(1).strip().length());
        }
        return null;
    }

    private static Evidence evidence(Document d, int charStart, int charEnd) {
        String text = d.text();
        int start = CodePoints.toCodePoint(text, charStart);
        return new Evidence(d.id(), Span.of(text, start, start + text.codePointCount(charStart, charEnd)));
    }

    private static Evidence evidence(Mention m) {
        return new Evidence(m.doc().id(), m.mention().span());
    }

    static String normalise(String s) {
        return s.replaceAll("^['‘’\"“”]+|['‘’\"“”]+$", "").strip();
    }

    private static String lastToken(String s) {
        String[] t = s.split("\\s+");
        return t[t.length - 1];
    }

    /** Edit distance at most 2, for words of five letters or more (short words must be equal). */
    static boolean similar(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.length() < 5 || b.length() < 5 || Math.abs(a.length() - b.length()) > 2) {
            return false;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()] <= 2;
    }
}
