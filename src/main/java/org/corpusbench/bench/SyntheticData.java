package org.corpusbench.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.corpusbench.eval.entity.LabelledSpan;
import org.corpusbench.format.jsonl.JsonlWriter;
import org.corpusbench.format.timeml.TimemlWriter;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * Deterministic synthetic inputs for benchmarks: the same size and seed always give the same bytes, so
 * figures can be compared across machines and versions. The shapes follow the real data: CoNLL-2003-like
 * sentences with system output that drops, retypes, shifts and splits gold entities and adds spurious
 * ones; news-like documents with entity mentions and dates whose offsets and surface text are right.
 */
public final class SyntheticData {

    private static final String[] TYPES = {"PER", "ORG", "LOC", "MISC"};
    private static final String[] WORDS = {"the", "of", "to", "a", "in", "said", "on", "for", "was", "with",
        "government", "minister", "talks", "Tuesday", "percent", "market", "officials", "reported", "missile",
        "attack", "week", "after", "by", "at", "that", "shares", "told", "statement", "police", "year"};
    private static final String[] NAMES = {"Putin", "Zelensky", "Lukashenko", "Kyiv", "Dnipro", "Moscow",
        "Oreshnik", "NATO", "Reuters", "Pentagon", "Kremlin", "Yuzhmash", "Müller", "Dniprо-2", "Łódź"};
    private static final String[] POS = {"NN", "NNP", "VBD", "DT", "IN", "JJ", "CD", ","};

    private SyntheticData() {
    }

    /**
     * Writes a CoNLL file ({@code token POS chunk gold predicted}, a blank line after each sentence, a
     * {@code -DOCSTART-} line every 200 sentences) with at least {@code tokens} token lines.
     *
     * @return the number of token lines written (conlleval also counts the {@code -DOCSTART-} lines)
     */
    public static long writeConll(Path file, long tokens, long seed) throws IOException {
        long[] written = new long[1];
        AtomicFiles.write(file, raw -> {
            OutputStream out = new BufferedOutputStream(raw, 1 << 16);
            SplittableRandom rnd = new SplittableRandom(seed);
            StringBuilder sb = new StringBuilder(4096);
            long sentences = 0;
            while (written[0] < tokens) {
                if (sentences % 200 == 0) {
                    sb.append("-DOCSTART- -X- -X- O O\n\n");
                }
                int n = 6 + rnd.nextInt(25);
                String[] gold = goldTags(rnd, n);
                String[] pred = perturb(rnd, gold);
                for (int i = 0; i < n; i++) {
                    String word = gold[i].equals("O") ? WORDS[rnd.nextInt(WORDS.length)]
                            : NAMES[rnd.nextInt(NAMES.length)];
                    sb.append(word).append(' ').append(POS[rnd.nextInt(POS.length)]).append(' ')
                            .append(i == 0 ? "B-NP" : "I-NP").append(' ').append(gold[i]).append(' ')
                            .append(pred[i]).append('\n');
                }
                sb.append('\n');
                written[0] += n;
                sentences++;
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
            }
            out.flush();
        });
        return written[0];
    }

    /** IOB2 gold tags: entities of one to three tokens, about one token in five inside one. */
    private static String[] goldTags(SplittableRandom rnd, int n) {
        String[] t = new String[n];
        int i = 0;
        while (i < n) {
            if (rnd.nextInt(8) == 0) {
                String type = TYPES[rnd.nextInt(TYPES.length)];
                int len = Math.min(n - i, 1 + rnd.nextInt(3));
                for (int k = 0; k < len; k++) {
                    t[i + k] = (k == 0 ? "B-" : "I-") + type;
                }
                i += len;
                if (i < n) {
                    t[i++] = "O";
                }
            } else {
                t[i++] = "O";
            }
        }
        return t;
    }

    /** System output: most entities kept; some dropped, retyped, shortened, started with I-; a few spurious. */
    private static String[] perturb(SplittableRandom rnd, String[] gold) {
        String[] p = gold.clone();
        for (int i = 0; i < p.length; i++) {
            if (gold[i].startsWith("B-")) {
                int end = i + 1;
                while (end < p.length && gold[end].startsWith("I-")) {
                    end++;
                }
                int r = rnd.nextInt(100);
                String type = gold[i].substring(2);
                if (r < 6) {
                    for (int k = i; k < end; k++) {
                        p[k] = "O";
                    }
                } else if (r < 12) {
                    String other = TYPES[(indexOf(type) + 1 + rnd.nextInt(3)) % TYPES.length];
                    for (int k = i; k < end; k++) {
                        p[k] = (k == i ? "B-" : "I-") + other;
                    }
                } else if (r < 16 && end - i > 1) {
                    p[end - 1] = "O";
                } else if (r < 20) {
                    p[i] = "I-" + type;
                }
            } else if (gold[i].equals("O") && rnd.nextInt(150) == 0) {
                p[i] = "B-" + TYPES[rnd.nextInt(TYPES.length)];
            }
        }
        return p;
    }

    private static int indexOf(String type) {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i].equals(type)) {
                return i;
            }
        }
        return 0;
    }

    /** Gold and predicted spans of some documents. */
    public record SpanDocuments(List<List<LabelledSpan>> gold, List<List<LabelledSpan>> predicted) {
        public long goldSpans() {
            return gold.stream().mapToLong(List::size).sum();
        }

        public long predictedSpans() {
            return predicted.stream().mapToLong(List::size).sum();
        }
    }

    /**
     * {@code spans} gold spans in documents of {@code perDocument} spans each, and as many predicted
     * spans: most exact, some retyped, shifted, or replaced by a spurious span.
     */
    public static SpanDocuments spans(int spans, int perDocument, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<List<LabelledSpan>> gold = new ArrayList<>();
        List<List<LabelledSpan>> pred = new ArrayList<>();
        for (int made = 0; made < spans; made += perDocument) {
            int n = Math.min(perDocument, spans - made);
            List<LabelledSpan> g = new ArrayList<>(n);
            List<LabelledSpan> p = new ArrayList<>(n);
            int at = 0;
            for (int i = 0; i < n; i++) {
                at += 1 + rnd.nextInt(40);
                int len = 1 + rnd.nextInt(20);
                String type = TYPES[rnd.nextInt(TYPES.length)];
                g.add(new LabelledSpan(at, at + len, type));
                int r = rnd.nextInt(100);
                if (r < 70) {
                    p.add(new LabelledSpan(at, at + len, type));
                } else if (r < 80) {
                    p.add(new LabelledSpan(at, at + len, TYPES[rnd.nextInt(TYPES.length)]));
                } else if (r < 92) {
                    int s = Math.max(0, at + rnd.nextInt(5) - 2);
                    p.add(new LabelledSpan(s, Math.max(s + 1, at + len + rnd.nextInt(5) - 2), type));
                } else {
                    p.add(new LabelledSpan(at + len + 1, at + len + 2, type));
                }
                at += len;
            }
            gold.add(g);
            pred.add(p);
        }
        return new SpanDocuments(gold, pred);
    }

    /**
     * Writes a valid gold corpus, {@code documents.jsonl} and {@code annotations.jsonl}, of at least
     * {@code bytes} bytes in all: news-like documents of about 3,000 characters (about 10 KB of JSONL with their annotations) with non-ASCII and astral characters,
     * about 25 entity mentions and two dates each.
     *
     * @return the number of documents
     */
    public static int writeJsonlCorpus(Path dir, long bytes, long seed) throws IOException {
        Files.createDirectories(dir);
        // Each document with its annotations takes about 10 KB of JSONL.
        int documents = (int) Math.max(1, bytes / 10_000 + 1);
        JsonlWriter.write(dir.resolve("documents.jsonl"), () -> records(documents, seed, true));
        JsonlWriter.write(dir.resolve("annotations.jsonl"), () -> records(documents, seed, false));
        return documents;
    }

    private static Iterator<Object> records(int documents, long seed, boolean docs) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < documents;
            }

            @Override
            public Object next() {
                if (next >= documents) {
                    throw new NoSuchElementException();
                }
                Object[] d = document(next++, seed);
                return docs ? d[0] : d[1];
            }
        };
    }

    /** One document and its annotations, both made from the same random stream. */
    private static Object[] document(int index, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index);
        StringBuilder text = new StringBuilder(3200);
        List<int[]> mentions = new ArrayList<>();
        List<String> mentionTypes = new ArrayList<>();
        List<int[]> dates = new ArrayList<>();
        int cp = 0;
        text.append("Report ").append(index).append(" \uD83D\uDCF0\n");
        cp = text.codePointCount(0, text.length());
        while (text.length() < 3000) {
            int r = rnd.nextInt(10);
            String piece;
            if (r < 2) {
                piece = NAMES[rnd.nextInt(NAMES.length)];
                mentions.add(new int[] {cp, cp + piece.codePointCount(0, piece.length())});
                mentionTypes.add(TYPES[rnd.nextInt(TYPES.length)]);
            } else if (r == 2 && rnd.nextInt(20) == 0 && dates.size() < 2) {
                piece = "21 November 2024";
                dates.add(new int[] {cp, cp + piece.length()});
            } else {
                piece = WORDS[rnd.nextInt(WORDS.length)];
            }
            text.append(piece).append(rnd.nextInt(12) == 0 ? ".\n" : " ");
            cp += piece.codePointCount(0, piece.length()) + (text.charAt(text.length() - 1) == '\n' ? 2 : 1);
        }
        String t = text.toString();
        String id = String.format(java.util.Locale.ROOT, "doc-%07d", index);
        Document doc = Document.of(id, t, "synthetic");
        List<EntityMention> ents = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            int[] m = mentions.get(i);
            ents.add(new EntityMention(Span.of(t, m[0], m[1]), mentionTypes.get(i), "E" + (i % 7)));
        }
        List<Timex3> timexes = new ArrayList<>();
        for (int[] d : dates) {
            timexes.add(Timex3.of(Span.of(t, d[0], d[1]), TimexType.DATE, "2024-11-21"));
        }
        return new Object[] {doc, new DocumentAnnotations(id, ents, renumber(timexes))};
    }

    /** TIMEX3s of the TimeML corpus: surface, type, value, and another value of the same type for the system. */
    private static final String[][] TIMEXES = {
        {"Thursday", "DATE", "2013-03-21", "2013-03-28"},
        {"in December", "DATE", "XXXX-12", "2013-12"},
        {"now", "DATE", "PRESENT_REF", "2013-03-22"},
        {"three days", "DURATION", "P3D", "P3W"},
        {"10 a.m. Tuesday", "TIME", "2013-03-19T10:00", "2013-03-19T22:00"},
        {"every week", "SET", "P1W", "P1D"},
        {"the past decade", "DURATION", "P1DE", "P10Y"},
        {"2012", "DATE", "2012", "2013"}};

    /**
     * Writes a TimeML corpus as TempEval-3 distributes one (issue 15): {@code goldDir/doc-NNNNNNN.tml} and a system
     * output of the same names and texts in {@code systemDir}, each document of 400 to 600 words with a creation
     * date, non-ASCII and astral characters, and about one TIMEX3 in 40 words (TempEval-3 platinum has one in
     * 46). The system drops about 10 % of the gold TIMEX3s, shrinks 5 % by a word, gives 18 % another value and
     * 7 % another type, and marks about one word in 50 as a spurious DATE, as {@code perturbed-timex} does. The
     * same arguments always give the same bytes.
     *
     * @return the number of documents written (each folder)
     */
    public static int writeTimemlCorpus(Path goldDir, Path systemDir, long tokens, long seed) throws IOException {
        Files.createDirectories(goldDir);
        Files.createDirectories(systemDir);
        long written = 0;
        int index = 0;
        while (written < tokens) {
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index);
            StringBuilder text = new StringBuilder(4096).append("\nReport ").append(index).append(" \uD83D\uDCF0\n");
            int cp = text.codePointCount(0, text.length());
            List<String[]> found = new ArrayList<>();
            List<int[]> at = new ArrayList<>();
            List<int[]> spurious = new ArrayList<>();
            int words = 400 + rnd.nextInt(201);
            for (int w = 0; w < words; w++) {
                String piece;
                if (rnd.nextInt(40) == 0) {
                    String[] x = TIMEXES[rnd.nextInt(TIMEXES.length)];
                    piece = x[0];
                    found.add(x);
                    at.add(new int[] {cp, cp + piece.length(), rnd.nextInt(100)});
                } else {
                    piece = rnd.nextInt(5) == 0 ? NAMES[rnd.nextInt(NAMES.length)] : WORDS[rnd.nextInt(WORDS.length)];
                    if (rnd.nextInt(50) == 0) {
                        spurious.add(new int[] {cp, cp + piece.codePointCount(0, piece.length())});
                    }
                }
                String sep = rnd.nextInt(15) == 0 ? ".\n" : " ";
                text.append(piece).append(sep);
                cp += piece.codePointCount(0, piece.length()) + sep.length();
            }
            String t = text.toString();
            String id = String.format(java.util.Locale.ROOT, "doc-%07d", index);
            Document doc = Document.of(id, t, "synthetic");
            List<Timex3> gold = new ArrayList<>();
            List<Timex3> system = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                String[] x = found.get(i);
                int[] a = at.get(i);
                TimexType type = TimexType.valueOf(x[1]);
                gold.add(new Timex3("t" + (i + 1), Span.of(t, a[0], a[1]), type, x[2], null, null, null, null));
                int r = a[2];
                int space = x[0].indexOf(' ');
                if (r < 10) {
                    continue; // dropped
                }
                Span span = r < 15 && space > 0 ? Span.of(t, a[0] + space + 1, a[1]) : Span.of(t, a[0], a[1]);
                String value = r >= 15 && r < 33 ? x[3] : x[2];
                TimexType systemType = r >= 33 && r < 40 ? TimexType.values()[(type.ordinal() + 1) % 4] : type;
                system.add(new Timex3("t" + (i + 1), span, systemType, value, null, null, null, null));
            }
            for (int k = 0; k < spurious.size(); k++) {
                int[] a = spurious.get(k);
                system.add(new Timex3("s" + (k + 1), Span.of(t, a[0], a[1]), TimexType.DATE, "PRESENT_REF", null, null,
                        null, null));
            }
            LocalDate dct = LocalDate.of(2013, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            TimemlWriter.write(goldDir.resolve(id + ".tml"), doc, gold, dct);
            TimemlWriter.write(systemDir.resolve(id + ".tml"), doc, system, dct);
            written += words;
            index++;
        }
        return index;
    }

    private static List<Timex3> renumber(List<Timex3> timexes) {
        List<Timex3> out = new ArrayList<>();
        for (int i = 0; i < timexes.size(); i++) {
            Timex3 x = timexes.get(i);
            out.add(new Timex3("t" + (i + 1), x.span(), x.type(), x.value(), x.mod(), x.anchor(), x.quant(), x.freq()));
        }
        return out;
    }
}
