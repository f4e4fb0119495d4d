package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.format.timeml.TimemlWriter;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Document;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * Issue 15, dates: on random TimeML corpora written by {@link TimemlWriter} (astral characters, markup
 * characters, line breaks, TIMEX3s dropped, shifted, re-valued, re-typed and added by the system), the direct
 * {@code evaluate --task dates --format timeml} gives exactly the figures and intervals of {@code import} of
 * both folders followed by {@code evaluate} of the JSONL, for every bootstrap method.
 */
class Issue15TimemlDatesPropertyTest {

    private static final String[] WORDS = {"talks", "resumed", "on", "Thursday", "in", "December", "Łódź", "\uD83D\uDE80",
        "3 < 4", "R&D", "\"quoted\"", "e\u0301", "Лукашенко", "\n", "\t", "]]>"};
    private static final String[][] VALUES = {{"2013-03-21", "XXXX-12", "PRESENT_REF", "2013-W12"},
        {"2013-03-21T10:00", "XXXX-XX-XXTMO"}, {"P3D", "PXY", "PT2H"}, {"P1W", "XXXX-WXX-1"}};
    private static final String[] MODS = {null, null, "END", "APPROX", "START"};

    /** A corpus as a seed: the documents, gold and system TIMEX3s all follow from it. */
    record Corpus(long seed, int documents, String bootstrap, int resamples) {
    }

    @Provide
    Arbitrary<Corpus> corpora() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 6),
                Arbitraries.of("auto", "classic", "poisson"), Arbitraries.of(0, 1, 25, 200)).as(Corpus::new);
    }

    @Property(tries = 40)
    void theDirectPathGivesTheFiguresOfImportThenEvaluate(@ForAll("corpora") Corpus c) throws IOException {
        Path tmp = Files.createTempDirectory("corpusbench-issue15");
        try {
            Path gold = Files.createDirectories(tmp.resolve("gold"));
            Path system = Files.createDirectories(tmp.resolve("system"));
            write(c, gold, system);
            String[] options = {"--json", "-", "--bootstrap", c.bootstrap(), "--resamples",
                Integer.toString(c.resamples()), "--seed", Long.toString(c.seed() & 0xffff)};
            CliTest.Run direct = run(List.of("evaluate", "--task", "dates", "--format", "timeml", "--dataset",
                    gold.toString(), "--pred", system.toString()), options);
            assertThat(CliTest.run("import", "--format", "timeml", "--out", tmp.resolve("g").toString(),
                    gold.toString()).code()).isZero();
            assertThat(CliTest.run("import", "--format", "timeml", "--out", tmp.resolve("s").toString(),
                    system.toString()).code()).isZero();
            CliTest.Run imported = run(List.of("evaluate", "--task", "dates", "--dataset", tmp.resolve("g").toString(),
                    "--pred", tmp.resolve("s").resolve("annotations.jsonl").toString()), options);
            assertThat(direct.code()).as(direct.err()).isZero();
            assertThat(imported.code()).as(imported.err()).isZero();
            JsonNode d = new ObjectMapper().readTree(direct.out());
            JsonNode i = new ObjectMapper().readTree(imported.out());
            for (String figure : List.of("overall", "strict", "relaxed", "attributes", "confidence_intervals")) {
                assertThat(d.get(figure)).as(figure).isEqualTo(i.get(figure));
            }
            assertThat(d.get("overall").get("gold").asLong()).isEqualTo(i.get("overall").get("gold").asLong());
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static CliTest.Run run(List<String> args, String[] options) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(options));
        return CliTest.run(all.toArray(String[]::new));
    }

    /** Writes the corpus of {@code c}: gold and system files of the same names and texts. */
    static void write(Corpus c, Path gold, Path system) throws IOException {
        SplittableRandom rnd = new SplittableRandom(c.seed());
        for (int d = 0; d < c.documents(); d++) {
            StringBuilder text = new StringBuilder("Report " + d + ":");
            int words = 3 + rnd.nextInt(30);
            for (int w = 0; w < words; w++) {
                text.append(rnd.nextInt(4) == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
            }
            String t = text.toString();
            Document doc = Document.of("doc-" + d + (rnd.nextBoolean() ? "" : "-é"), t, null);
            List<Timex3> g = timexes(rnd, t, 6);
            List<Timex3> s = perturb(rnd, t, g);
            LocalDate dct = rnd.nextBoolean() ? LocalDate.of(2013, 3, 1 + rnd.nextInt(28)) : null;
            TimemlWriter.write(gold.resolve(doc.id() + ".tml"), doc, g, dct);
            TimemlWriter.write(system.resolve(doc.id() + ".tml"), doc, s, dct);
        }
    }

    /** Up to {@code max} TIMEX3s that do not overlap, in text order. */
    static List<Timex3> timexes(SplittableRandom rnd, String text, int max) {
        int length = CodePoints.length(text);
        List<Timex3> out = new ArrayList<>();
        int pos = 0;
        for (int i = 0; i < max && pos < length; i++) {
            int start = pos + rnd.nextInt(Math.max(1, Math.min(12, length - pos)));
            int end = Math.min(length, start + 1 + rnd.nextInt(10));
            out.add(timex(rnd, text, "t" + (i + 1), start, end));
            pos = end + rnd.nextInt(3);
        }
        return out;
    }

    static Timex3 timex(SplittableRandom rnd, String text, String tid, int start, int end) {
        TimexType type = TimexType.values()[rnd.nextInt(4)];
        String[] values = VALUES[type.ordinal()];
        return new Timex3(tid, Span.of(text, start, end), type, values[rnd.nextInt(values.length)],
                MODS[rnd.nextInt(MODS.length)], null, null, null);
    }

    /** The system's TIMEX3s: each gold one kept, dropped, shrunk, re-valued, re-typed; a few added where free. */
    static List<Timex3> perturb(SplittableRandom rnd, String text, List<Timex3> gold) {
        List<Timex3> out = new ArrayList<>();
        for (Timex3 t : gold) {
            int r = rnd.nextInt(6);
            Span s = t.span();
            if (r == 0) {
                continue;
            } else if (r == 1 && s.length() > 1) {
                out.add(new Timex3(t.tid(), Span.of(text, s.start() + 1, s.end()), t.type(), t.value(), t.mod(),
                        null, null, null));
            } else if (r == 2) {
                Timex3 other = timex(rnd, text, t.tid(), s.start(), s.end());
                out.add(other);
            } else {
                out.add(t);
            }
        }
        int length = CodePoints.length(text);
        for (int k = rnd.nextInt(3); k > 0; k--) {
            int start = rnd.nextInt(length);
            int end = Math.min(length, start + 1 + rnd.nextInt(5));
            Span sp = new Span(start, end, CodePoints.substring(text, start, end));
            if (out.stream().noneMatch(x -> x.span().overlaps(sp) || x.span().sameExtent(sp))) {
                out.add(timex(rnd, text, "s" + k, start, end));
            }
        }
        out.sort(Comparator.comparing(Timex3::span));
        return out;
    }
}
