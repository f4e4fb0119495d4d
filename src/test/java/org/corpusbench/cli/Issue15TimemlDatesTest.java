package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, dates: {@code evaluate --task dates --format timeml --dataset GOLD --pred SYSTEM} scores folders of
 * TimeML files directly, with the figures of {@code import} + {@code evaluate}, and refuses what does not pair
 * up, each refusal located.
 */
class Issue15TimemlDatesTest {

    @TempDir
    Path tmp;

    static final String DCT = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2013-03-22\" temporalFunction=\"false\" "
            + "functionInDocument=\"CREATION_TIME\">March 22, 2013</TIMEX3></DCT>\n";

    /** A TimeML file whose {@code <TEXT>} is on line 5, its text starting with a line break. */
    static String tml(String id, String body) {
        return "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>" + id + "</DOCID>\n" + DCT + "<TEXT>\n" + body
                + "\n</TEXT>\n</TimeML>\n";
    }

    static final String A_GOLD = "Talks resumed on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2013-03-21\">Thursday</TIMEX3>.\n"
            + "They lasted <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3D\">three days</TIMEX3>.";
    static final String A_SYS = "Talks resumed on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2013-03-22\">Thursday</TIMEX3>.\n"
            + "They lasted three <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3D\">days</TIMEX3>.";
    static final String B_GOLD = "The vote is due <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"XXXX-12\">in December</TIMEX3>, "
            + "officials said <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"PRESENT_REF\">now</TIMEX3>.";
    static final String B_SYS = "The vote is due in <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2013-12\">December</TIMEX3>, "
            + "officials said now.";

    Path folder(String name, String... idAndBody) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (int i = 0; i < idAndBody.length; i += 2) {
            Files.writeString(dir.resolve(idAndBody[i] + ".tml"), tml(idAndBody[i], idAndBody[i + 1]),
                    StandardCharsets.UTF_8);
        }
        return dir;
    }

    static CliTest.Run evaluate(Path gold, Path system, String... more) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--task", "dates", "--format", "timeml", "--dataset",
                gold.toString(), "--pred", system.toString()));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    private int imports;

    /** The import-then-evaluate path: both folders imported, the system's annotations scored against the gold. */
    CliTest.Run viaImport(Path gold, Path system, String... more) {
        imports++;
        Path g = tmp.resolve("imported-" + imports + "-" + gold.getFileName());
        Path s = tmp.resolve("imported-" + imports + "-" + system.getFileName());
        assertThat(CliTest.run("import", "--format", "timeml", "--out", g.toString(), gold.toString()).code()).isZero();
        assertThat(CliTest.run("import", "--format", "timeml", "--out", s.toString(), system.toString()).code())
                .isZero();
        List<String> args = new ArrayList<>(List.of("evaluate", "--task", "dates", "--dataset", g.toString(), "--pred",
                s.resolve("annotations.jsonl").toString()));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void scoresTheFoldersAsImportThenEvaluateDoes() throws IOException {
        Path gold = folder("gold", "a", A_GOLD, "b", B_GOLD);
        Path system = folder("system", "a", A_SYS, "b", B_SYS);
        CliTest.Run direct = evaluate(gold, system, "--json", "-");
        CliTest.Run imported = viaImport(gold, system, "--json", "-");
        assertThat(direct.code()).as(direct.err()).isZero();
        assertThat(imported.code()).as(imported.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(direct.out());
        JsonNode i = new ObjectMapper().readTree(imported.out());
        for (String figure : List.of("overall", "strict", "relaxed", "attributes", "confidence_intervals")) {
            assertThat(d.get(figure)).as(figure).isEqualTo(i.get(figure));
        }
        // gold a: [Thursday] [three days]; b: [in December] [now]. system a: [Thursday] value differs (strict),
        // [days] inside [three days] (relaxed only); b: [December] inside [in December] (relaxed only).
        // gold 4, system 3, relaxed 3, strict 1; values equal: P3D only (1); X-compatible: P3D, XXXX-12~2013-12 (2)
        assertThat(d.get("overall").get("gold").asLong()).isEqualTo(4);
        assertThat(d.get("overall").get("system").asLong()).isEqualTo(3);
        assertThat(d.get("overall").get("relaxed_matches").asLong()).isEqualTo(3);
        assertThat(d.get("overall").get("strict_matches").asLong()).isEqualTo(1);
        assertThat(d.get("attributes").get("value").get("matches").asLong()).isEqualTo(1);
        assertThat(d.get("attributes").get("value_underspecified").get("matches").asLong()).isEqualTo(2);
        assertThat(d.get("options").get("format").asText()).isEqualTo("timeml");
        assertThat(d.get("dataset").get("name").asText()).isEqualTo("gold");
        assertThat(direct.err()).contains("is a folder of TimeML files, not a release");
        // the text table is the import path's, line for line
        CliTest.Run text = evaluate(gold, system);
        assertThat(text.out()).isEqualTo(viaImport(gold, system).out());
    }

    /**
     * Above 10,000 documents the streamed path drops its classic rows and the intervals come from the Poisson
     * bootstrap keyed by document id: the same intervals as the JSONL path, which keeps every document.
     */
    @Test
    void aboveTenThousandDocumentsTheStreamedIntervalsAreThoseOfTheJsonlPath() throws IOException {
        Path gold = Files.createDirectories(tmp.resolve("gold"));
        Path system = Files.createDirectories(tmp.resolve("system"));
        for (int i = 0; i < 10_001; i++) {
            String id = String.format(java.util.Locale.ROOT, "d%05d", i);
            String sys = i % 3 == 0 ? B_SYS : i % 3 == 1 ? A_SYS : A_GOLD;
            Files.writeString(gold.resolve(id + ".tml"), tml(id, i % 3 == 0 ? B_GOLD : A_GOLD), StandardCharsets.UTF_8);
            Files.writeString(system.resolve(id + ".tml"), tml(id, sys), StandardCharsets.UTF_8);
        }
        CliTest.Run direct = evaluate(gold, system, "--json", "-", "--resamples", "20");
        CliTest.Run imported = viaImport(gold, system, "--json", "-", "--resamples", "20");
        assertThat(direct.code()).as(direct.err()).isZero();
        assertThat(imported.code()).as(imported.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(direct.out());
        JsonNode i = new ObjectMapper().readTree(imported.out());
        assertThat(d.get("confidence_intervals")).isEqualTo(i.get("confidence_intervals"));
        assertThat(d.get("overall")).isEqualTo(i.get("overall"));
        assertThat(d.get("confidence_intervals").get("relaxed.f1").get("method").asText()).isEqualTo("poisson");
        assertThat(direct.out()).doesNotContain("skipped");
    }

    @Test
    void aSystemFileWithoutAGoldFileIsRefusedUnlessLenient() throws IOException {
        Path gold = folder("gold", "a", A_GOLD);
        Path system = folder("system", "a", A_SYS, "extra", B_SYS);
        CliTest.Run r = evaluate(gold, system);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(system.resolve("extra.tml") + ": no gold file of this name in " + gold)
                .contains("1 problem in the predictions; fix them, or pass --lenient to skip and count them");
        CliTest.Run lenient = evaluate(gold, system, "--lenient", "--json", "-");
        assertThat(lenient.code()).as(lenient.err()).isZero();
        assertThat(lenient.err()).contains("skipped: " + system.resolve("extra.tml") + ": no gold file");
        assertThat(lenient.out()).contains("\"unknown_documents\" : 1");
    }

    @Test
    void aGoldFileWithoutASystemFileIsRefusedUnlessLenientWhichScoresItAsNothingPredicted() throws IOException {
        Path gold = folder("gold", "a", A_GOLD, "b", B_GOLD);
        Path system = folder("system", "a", A_SYS);
        CliTest.Run r = evaluate(gold, system);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(system + ": no system file for 1 of the 2 gold files (b.tml); expected a file "
                + "of the same name for each gold file");
        CliTest.Run lenient = evaluate(gold, system, "--lenient", "--json", "-");
        assertThat(lenient.code()).as(lenient.err()).isZero();
        assertThat(lenient.out()).contains("\"missing_documents\" : 1");
        // the same figures as the JSONL path, whose predictions lack document b, under --lenient
        CliTest.Run imported = viaImport(gold, system, "--lenient", "--json", "-");
        assertThat(imported.code()).as(imported.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(lenient.out());
        JsonNode i = new ObjectMapper().readTree(imported.out());
        assertThat(d.get("overall")).isEqualTo(i.get("overall"));
        assertThat(d.get("confidence_intervals")).isEqualTo(i.get("confidence_intervals"));
        assertThat(d.get("overall").get("gold").asLong()).isEqualTo(4);
    }

    @Test
    void aTextThatDiffersFromTheGoldsIsRefusedAtItsFirstDifference() throws IOException {
        Path gold = folder("gold", "a", A_GOLD);
        // "They lasted" becomes "They last": the first difference is at code point 37 of the text (a line break,
        // then "Talks resumed on Thursday.\n" = 27 + "They last" = 9, on line 7 of the file)
        Path system = folder("system", "a", A_SYS.replace("They lasted", "They last"));
        CliTest.Run r = evaluate(gold, system);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(system.resolve("a.tml") + ":7: TEXT: the text differs from that of the gold file "
                + gold.resolve("a.tml") + " from code point 37 on: the gold has 'ed three days.\\n'");
        CliTest.Run lenient = evaluate(gold, system, "--lenient", "--json", "-");
        assertThat(lenient.code()).isZero();
        assertThat(lenient.out()).contains("\"different_texts\" : 1").contains("\"system\" : 0");
    }

    @Test
    void anEmptyFolderIsRefused() throws IOException {
        Path gold = folder("gold", "a", A_GOLD);
        Path system = Files.createDirectories(tmp.resolve("empty"));
        CliTest.Run r = evaluate(gold, system);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("corpusbench evaluate: " + system + ": holds no .tml files; expected a folder "
                + "of TimeML files (--pred)\n");
        assertThat(evaluate(system, gold).err()).contains(system + ": holds no .tml files");
    }

    @Test
    void aFileThatIsNotTimemlIsRefused() throws IOException {
        Path gold = folder("gold", "a", A_GOLD);
        Path system = folder("system", "a", A_SYS);
        Files.writeString(system.resolve("notes.txt"), "run 3\n", StandardCharsets.UTF_8);
        CliTest.Run r = evaluate(gold, system);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(system.resolve("notes.txt") + ": not a TimeML file (its name does not end in "
                + ".tml)");
        Files.delete(system.resolve("notes.txt"));
        Files.writeString(system.resolve("a.tml"), "{\"doc_id\": \"a\", \"timexes\": []}\n", StandardCharsets.UTF_8);
        r = evaluate(gold, system);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(system.resolve("a.tml") + ":1:1: not well-formed TimeML");
        Files.writeString(system.resolve("a.tml"), "<?xml version=\"1.0\"?>\n<html><body>Thursday</body></html>\n",
                StandardCharsets.UTF_8);
        r = evaluate(gold, system);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(system.resolve("a.tml") + ":2: TEXT: no <TEXT> element; expected a TimeML "
                + "document");
    }

    @Test
    void whatAnImportWouldRefuseIsRefusedOfTheGoldAlwaysAndOfTheSystemUnlessLenient() throws IOException {
        Path gold = folder("gold", "a", A_GOLD.replace("value=\"P3D\"", "value=\"three days\""));
        Path system = folder("system", "a", A_SYS);
        CliTest.Run r = evaluate(gold, system, "--lenient");
        assertThat(r.code()).isEqualTo(1);
        // the TIMEX3 starts on line 7 of the file
        assertThat(r.err()).contains(gold.resolve("a.tml") + ":7: TIMEX3[t2].value: 'three days' is not a valid "
                + "TIMEX3 DURATION value").contains("1 problem in the gold");
        assertThat(viaImportRefuses(gold)).isTrue();

        gold = folder("gold2", "a", A_GOLD);
        system = folder("system2", "a", A_SYS.replace("value=\"2013-03-22\"", "value=\"2013-03-22\" mod=\"SOON\""));
        r = evaluate(gold, system);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(system.resolve("a.tml") + ":6: TIMEX3[t1].mod: 'SOON' is not a TIMEX3 mod");
        assertThat(viaImportRefuses(system)).isTrue();
        CliTest.Run lenient = evaluate(gold, system, "--lenient", "--json", "-");
        assertThat(lenient.code()).isZero();
        assertThat(lenient.out()).contains("\"bad_attributes\" : 1").contains("\"system\" : 1");
    }

    boolean viaImportRefuses(Path dir) {
        return CliTest.run("import", "--format", "timeml", "--out", tmp.resolve("refused-" + dir.getFileName())
                .toString(), dir.toString()).code() == 1;
    }

    @Test
    void optionsThatDoNotApplyAreRefused() throws IOException {
        Path gold = folder("gold", "a", A_GOLD);
        Path system = folder("system", "a", A_SYS);
        CliTest.Run r = CliTest.run("evaluate", "--task", "entities", "--format", "timeml", "--dataset",
                gold.toString(), "--pred", system.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("corpusbench evaluate: --format timeml applies to --task dates only\n");
        r = evaluate(gold, system, "--expect-fingerprint", "a".repeat(64));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--expect-fingerprint applies to a release");
        r = evaluate(gold, system.resolve("a.tml"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("a.tml: is a file; expected a directory (--pred)");
        r = evaluate(gold, system, "--json", system.resolve("report.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("lies inside " + system);
    }

    static CliTest.Run plain(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Integer code = EvaluateCommand.runPlain(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("plain path taken for %s", List.of(args)).isNotNull();
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void plainArgumentsGiveWhatPicocliGives() throws IOException {
        Path gold = folder("gold", "a", A_GOLD, "b", B_GOLD);
        Path system = folder("system", "a", A_SYS);
        Path other = folder("other", "a", A_SYS, "b", B_SYS);
        String g = gold.toString();
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--dataset", g, "--pred",
            other.toString()});
        cases.add(new String[] {"evaluate", "--format", "timeml", "--task", "dates", "--dataset", g, "--pred",
            other.toString(), "--json", "-", "--resamples", "50", "--seed", "7", "--bootstrap", "poisson"});
        cases.add(new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--dataset", g, "--pred",
            system.toString()});
        cases.add(new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--dataset", g, "--pred",
            system.toString(), "--lenient"});
        cases.add(new String[] {"evaluate", "--task", "nli", "--format", "timeml", "--dataset", g, "--pred",
            system.toString()});
        cases.add(new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--dataset", g, "--pred",
            tmp.resolve("missing").toString()});
        cases.add(new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--pred", other.toString()});
        cases.add(new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--dataset", g, "--pred",
            other.toString(), "--bootstrap", "sometimes"});
        cases.add(new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--dataset", g, "--pred",
            other.toString(), "--resamples", "99999999"});
        for (String[] args : cases) {
            CliTest.Run viaPicocli = CliTest.run(args);
            CliTest.Run viaPlain = plain(args);
            assertThat(viaPlain).as(String.join(" ", args)).isEqualTo(viaPicocli);
        }
    }

    @Test
    void anythingElseGoesThroughPicocli() {
        for (String[] args : List.of(new String[] {"evaluate", "--help"},
                new String[] {"evaluate", "--task", "dates", "--dataset", "g", "--pred", "p.jsonl"},
                new String[] {"evaluate", "--task=dates", "--format", "timeml", "--dataset", "g", "--pred", "p"},
                new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--dataset", "g", "--pred", "p",
                    "--threads", "2"},
                new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--dataset", "g", "--pred", "p",
                    "--seed", "x"},
                new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--format", "timeml", "--pred",
                    "p"},
                new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--dataset", "g", "--pred"},
                new String[] {"evaluate", "--task", "dates", "--format", "timeml", "--dataset", "g", "--pred", "p",
                    "--resamples", "-1"})) {
            assertThat(EvaluateCommand.plain(args)).as(String.join(" ", args)).isNull();
        }
    }

    /**
     * The TempEval-3 toolkit's figures on the platinum set against the perturbed system output
     * (shared/conformance/tempeval3/README.md), read directly from the two folders. The corpus is not
     * redistributable, so this runs only when {@code -Dcorpusbench.shared=DIR} points at the shared directory.
     */
    @Test
    void matchesTheTempEval3ToolkitOnThePlatinumSet() throws IOException {
        String shared = System.getProperty("corpusbench.shared");
        Assumptions.assumeTrue(shared != null, "set -Dcorpusbench.shared=DIR to run against TempEval-3");
        CliTest.Run r = evaluate(Path.of(shared, "data/tempeval3/te3-platinum"),
                Path.of(shared, "data/tempeval3/perturbed-timex"), "--json", "-");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(r.out());
        JsonNode o = d.get("overall");
        assertThat(new long[] {o.get("gold").asLong(), o.get("system").asLong(), o.get("relaxed_matches").asLong(),
            o.get("strict_matches").asLong()}).containsExactly(138, 128, 125, 119);
        assertThat(d.get("strict").get("precision").asDouble()).isCloseTo(0.9296875, within(1e-9));
        assertThat(d.get("strict").get("recall").asDouble()).isCloseTo(0.862318840580, within(1e-9));
        assertThat(d.get("relaxed").get("precision").asDouble()).isCloseTo(0.9765625, within(1e-9));
        assertThat(d.get("relaxed").get("recall").asDouble()).isCloseTo(0.905797101449, within(1e-9));
        assertThat(Math.round(d.get("strict").get("f1").asDouble() * 10000)).isEqualTo(8947);
        assertThat(Math.round(d.get("relaxed").get("f1").asDouble() * 10000)).isEqualTo(9398);
        assertThat(d.get("attributes").get("value").get("matches").asLong()).isEqualTo(100);
        assertThat(d.get("attributes").get("value").get("accuracy").asDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(Math.round(d.get("attributes").get("value").get("f1").asDouble() * 10000)).isEqualTo(7519);
        assertThat(d.get("attributes").get("type").get("matches").asLong()).isEqualTo(115);
        assertThat(Math.round(d.get("attributes").get("type").get("f1").asDouble() * 10000)).isEqualTo(8647);
    }
}
