package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: what a review that used the tool as a careless user would found after the first fixes; each
 * case is a refusal (or a right result) now.
 */
class Issue12CarelessUserTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");
    static final Path GOLD = RELEASE.resolve("annotations.jsonl");

    @TempDir
    Path tmp;

    private static CliTest.Run evaluate(String task, Path pred, String... more) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--task", task, "--dataset", RELEASE.toString(),
                "--pred", pred.toString(), "--resamples", "0"));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    private Path goldWith(String name, String from, String to) throws IOException {
        String text = Files.readString(GOLD, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return Files.writeString(tmp.resolve(name), text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
    }

    @Test
    void withLenientOneBadSpanSkipsThatSpanNotItsDocument() throws IOException {
        Path pred = goldWith("pastend.jsonl", "\"start\":0,\"end\":7,\"text\":\"Belarus\"",
                "\"start\":0,\"end\":7000,\"text\":\"Belarus\"");
        CliTest.Run strict = evaluate("entities", pred);
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).contains(pred + ":1: entities[0].text: has 7 code points but [0,7000) covers 7000");
        CliTest.Run lenient = evaluate("entities", pred, "--lenient");
        assertThat(lenient.code()).as(lenient.err()).isZero();
        // 227 gold mentions; only the damaged one is missed
        assertThat(lenient.out()).containsPattern("\\| strict +\\| +1\\.0000 \\| 0\\.9956 \\| 0\\.9978 \\| +\\| +226 "
                + "\\| +0 \\| +0 \\| +1 \\| +0 \\|").contains("malformed_spans=1");
    }

    @Test
    void trailingTextAndRepeatedFieldsAreRefusedNotIgnored() throws IOException {
        List<String> lines = Files.readAllLines(GOLD, StandardCharsets.UTF_8);
        Path trailing = tmp.resolve("trailing.jsonl");
        List<String> t = new ArrayList<>(lines);
        t.set(0, t.get(0) + " }}]]");
        Files.write(trailing, t, StandardCharsets.UTF_8);
        assertThat(evaluate("entities", trailing).err()).contains(trailing + ":1:");
        Path twoObjects = tmp.resolve("two.jsonl");
        List<String> two = new ArrayList<>(lines.subList(2, lines.size()));
        two.add(0, lines.get(0) + lines.get(1));
        Files.write(twoObjects, two, StandardCharsets.UTF_8);
        CliTest.Run r = evaluate("entities", twoObjects, "--lenient");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).as("--lenient scores without them, but says what it skipped and why")
                .contains("skipped: " + twoObjects + ":1:", "more text after the JSON value",
                        "skipped: " + twoObjects + ": no prediction record for 2 of the 5 gold documents");
        Path dup = goldWith("dup.jsonl", "{\"doc_id\":\"000_6e15c3caa4eb7126\"",
                "{\"doc_id\":\"zzz\",\"doc_id\":\"000_6e15c3caa4eb7126\"");
        CliTest.Run d = evaluate("entities", dup);
        assertThat(d.code()).isEqualTo(1);
        assertThat(d.err()).contains(dup + ":1:", "field 'doc_id' appears twice");
        CliTest.Run v = CliTest.run("validate", "--predictions", RELEASE.resolve("documents.jsonl").toString(),
                dup.toString());
        assertThat(v.code()).isEqualTo(1);
    }

    @Test
    void conll4MapsThePredictionsAsWellAsTheGold() {
        CliTest.Run r = evaluate("entities", GOLD, "--map", "conll4");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\\| strict +\\| +1\\.0000 \\| 1\\.0000 \\| 1\\.0000 \\|")
                .contains("| PER ").doesNotContain("| PERSON ");
    }

    @Test
    void predictedTypesTheValidatorRejectsAreRefused() throws IOException {
        Path pred = goldWith("lower.jsonl", "\"type\":\"GPE\"", "\"type\":\"gpe\"");
        CliTest.Run r = evaluate("entities", pred);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(pred + ":1: entities[0].type: unknown entity type 'gpe'");
    }

    @Test
    void aContradictionPredictedTwiceIsRefused() throws IOException {
        String c = Files.readString(RELEASE.resolve("contradictions.jsonl"), StandardCharsets.UTF_8);
        Path pred = Files.writeString(tmp.resolve("twice.jsonl"), c + c, StandardCharsets.UTF_8);
        CliTest.Run r = evaluate("contradictions", pred);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(pred + ":20: the same contradiction (the same two pieces of evidence) as line 1");
    }

    @Test
    void emptyInputsAreRefusedEverywhere() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "\n\n");
        CliTest.Run v = CliTest.run("validate", empty.toString());
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.err()).contains(empty + ": holds no records");
        Path dir = Files.createDirectories(tmp.resolve("nothing"));
        assertThat(CliTest.run("validate", dir.toString()).err()).contains(dir + ": holds no .txt, .jsonl or .csv");
        CliTest.Run s = CliTest.run("stats", dir.toString());
        assertThat(s.code()).isEqualTo(1);
        assertThat(s.out()).isEmpty();
        Path conll = Files.writeString(tmp.resolve("e.conll"), "");
        for (String[] args : List.of(new String[] {"conlleval", conll.toString()},
                new String[] {"evaluate", "--task", "tags", "--format", "conll", "--scheme", "IOB2", "--pred",
                    conll.toString()},
                new String[] {"evaluate", "--task", "entities", "--format", "conll", "--scheme", "IOB2", "--pred",
                    conll.toString()})) {
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err()).contains(conll + ": holds no tokens");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void anEmptySpanIsNotAMention() throws IOException {
        Path pred = goldWith("zero.jsonl", "\"start\":0,\"end\":7,\"text\":\"Belarus\"", "\"start\":5,\"end\":5,\"text\":\"\"");
        CliTest.Run v = CliTest.run("validate", "--predictions", RELEASE.resolve("documents.jsonl").toString(),
                pred.toString());
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.err()).contains(pred + ":1: entities[0].end: the span [5,5) is empty");
    }

    @Test
    void countsOutOfRangeAreUsageErrorsAndZeroResamplesMeansNoInterval() {
        CliTest.Run huge = CliTest.run("evaluate", "--task", "entities", "--dataset", RELEASE.toString(), "--pred",
                GOLD.toString(), "--resamples", "1000000000");
        assertThat(huge.code()).isEqualTo(2);
        assertThat(huge.err()).contains("--resamples must be at most 1,000,000");
        CliTest.Run shuffles = CliTest.run("compare", "--dataset", RELEASE.toString(), "--task", "nli", "--shuffles",
                "2000000000", RELEASE.resolve("nli.jsonl").toString(), RELEASE.resolve("nli.jsonl").toString());
        assertThat(shuffles.code()).isEqualTo(2);
        CliTest.Run none = CliTest.run("compare", "--dataset", RELEASE.toString(), "--task", "entities",
                "--resamples", "0", "--shuffles", "10", GOLD.toString(), GOLD.toString());
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.out()).contains("| A - B ").doesNotContain("[");
    }

    @Test
    void reportOutputsNeverOverwriteAnInputOrEachOther() throws Exception {
        Path pred = Files.copy(GOLD, tmp.resolve("pred.jsonl"));
        byte[] before = Files.readAllBytes(pred);
        CliTest.Run same = evaluate("entities", pred, "--json", pred.toString());
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).contains("named by both --json and --pred");
        assertThat(Files.readAllBytes(pred)).isEqualTo(before);
        Path out = tmp.resolve("r.out");
        CliTest.Run both = evaluate("entities", pred, "--json", out.toString(), "--html", out.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(out).doesNotExist();
        Path fifo = tmp.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
        CliTest.Run f = evaluate("entities", pred, "--json", fifo.toString());
        assertThat(f.code()).isEqualTo(2);
        assertThat(f.err()).contains("is not a regular file");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        CliTest.Run stdout = evaluate("entities", pred, "--json", "-");
        assertThat(stdout.code()).as(stdout.err()).isZero();
        assertThat(new ObjectMapper().readTree(stdout.out()).at("/schemes/strict/overall/f1").asDouble()).isEqualTo(1.0);
        assertThat(tmp.resolve("-")).doesNotExist();
    }

    @Test
    void overwriteNeverDeletesTheInput() throws IOException {
        Path parent = Files.createDirectories(tmp.resolve("par"));
        Path ds = Files.createDirectories(parent.resolve("ds"));
        for (String f : List.of("documents.jsonl", "annotations.jsonl")) {
            Files.copy(RELEASE.resolve(f), ds.resolve(f));
        }
        Files.writeString(parent.resolve("important.txt"), "keep");
        for (Path out : List.of(parent, ds, ds.resolve("inside"))) {
            CliTest.Run r = CliTest.run("export", "--dataset", ds.toString(), "--format", "csv", "--out",
                    out.toString(), "--overwrite");
            assertThat(r.code()).as(out.toString()).isEqualTo(2);
        }
        assertThat(parent.resolve("important.txt")).exists();
        assertThat(ds.resolve("documents.jsonl")).exists();
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path snli = Files.writeString(in.resolve("snli.jsonl"), "{\"sentence1\":\"A dog runs.\",\"sentence2\":"
                + "\"An animal moves.\",\"gold_label\":\"entailment\",\"pairID\":\"p1\"}\n");
        CliTest.Run imp = CliTest.run("import", "--format", "nli", "--overwrite", "--out", in.toString(),
                snli.toString());
        assertThat(imp.code()).isEqualTo(2);
        assertThat(snli).exists();
        CliTest.Run inRelease = CliTest.run("export", "--dataset", ds.toString(), "--format", "csv", "--out",
                RELEASE.resolve("csv").toString());
        assertThat(inRelease.code()).isEqualTo(2);
        assertThat(inRelease.err()).contains("lies inside the release");
        assertThat(RELEASE.resolve("csv")).doesNotExist();
    }

    @Test
    void aFileWhereADirectoryIsExpectedIsAUsageError() {
        Path file = RELEASE.resolve("documents.jsonl");
        for (String[] args : List.of(new String[] {"verify", file.toString()},
                new String[] {"diff", file.toString(), RELEASE.toString()},
                new String[] {"conlleval", RELEASE.toString()})) {
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).containsAnyOf("is a file; expected a directory", "is a directory; expected");
        }
    }

    @Test
    void optionsThatDoNotApplyAreRefusedNotIgnored() {
        for (String[] opt : List.of(new String[] {"--threads", "4"}, new String[] {"--scheme", "IOB2"},
                new String[] {"--mode", "strict"})) {
            CliTest.Run r = evaluate("entities", GOLD, opt);
            assertThat(r.code()).as(opt[0]).isEqualTo(2);
            assertThat(r.err()).contains(opt[0] + " applies to");
        }
    }

    @Test
    void importWritesNothingThatWouldNotValidate() throws IOException {
        Path tml = Files.writeString(tmp.resolve("d.tml"), "<?xml version=\"1.0\"?>\n<TimeML><TEXT>It was "
                + "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"garbage-value\">Monday</TIMEX3>.</TEXT></TimeML>\n");
        Path out = tmp.resolve("out");
        CliTest.Run t = CliTest.run("import", "--format", "timeml", "--out", out.toString(), tml.toString());
        assertThat(t.code()).as(t.err()).isEqualTo(1);
        assertThat(t.err()).contains("timexes[0].value: 'garbage-value' is not a valid TIMEX3 DATE value",
                "nothing was written");
        assertThat(out).doesNotExist();
        Path brat = Files.createDirectories(tmp.resolve("brat"));
        Files.writeString(brat.resolve("d.txt"), "Paris is in France");
        Files.writeString(brat.resolve("d.ann"), "T1\tlocation 0 5\tParis\n");
        CliTest.Run b = CliTest.run("import", "--format", "brat", "--out", out.toString(), brat.toString());
        assertThat(b.code()).as(b.err()).isEqualTo(1);
        assertThat(b.err()).contains("unknown entity type 'location'");
        assertThat(out).doesNotExist();
    }

    @Test
    void aReleaseWithoutItsManifestIsNotQuietlyUnpinned() throws IOException {
        Path copy = org.corpusbench.dataset.ReleaseCopies.copy(RELEASE, tmp.resolve("release"));
        Files.delete(copy.resolve("manifest.json"));
        CliTest.Run r = CliTest.run("evaluate", "--task", "entities", "--dataset", copy.toString(), "--pred",
                GOLD.toString(), "--resamples", "0");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(copy.resolve("manifest.json") + ": missing: the folder looks like a release");
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        for (String f : List.of("documents.jsonl", "annotations.jsonl")) {
            Files.copy(RELEASE.resolve(f), plain.resolve(f));
        }
        CliTest.Run p = CliTest.run("evaluate", "--task", "entities", "--dataset", plain.toString(), "--pred",
                GOLD.toString(), "--resamples", "0");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.err()).contains("note: " + plain + " is not a release");
    }

    @Test
    void predictedDateValuesTheValidatorRejectsAreRefused() throws IOException {
        Path pred = goldWith("badvalue.jsonl", "\"value\":\"", "\"value\":\"garbage");
        CliTest.Run r = evaluate("dates", pred);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(pred + ":1: timexes[0].value: 'garbage");
    }

    @Test
    void anEmptyDocumentOrAHeaderOnlyCsvIsNotACorpus() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("txt"));
        Files.writeString(dir.resolve("a.txt"), " \n");
        CliTest.Run t = CliTest.run("validate", dir.toString());
        assertThat(t.code()).isEqualTo(1);
        assertThat(t.err()).contains("text: the document has no text");
        Path csv = Files.writeString(tmp.resolve("documents.csv"), "id,text\n");
        CliTest.Run c = CliTest.run("stats", csv.toString());
        assertThat(c.code()).isEqualTo(1);
        assertThat(c.err()).contains(csv + ": holds no documents, only a header");
    }

    @Test
    void aPredictionFileNoLineOfWhichParsesSaysWhyAtTheFirstLine() throws IOException {
        Path pred = Files.writeString(tmp.resolve("bad.jsonl"), "{not json\n{not json\n");
        CliTest.Run r = evaluate("entities", pred);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("holds no entity predictions", "(the first: " + pred + ":1:2: malformed JSON");
    }

    @Test
    void noResamplesMeansNoIntervalNotOneOfZeroWidth() throws IOException {
        CliTest.Run e = evaluate("entities", GOLD, "--json", "-");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(new ObjectMapper().readTree(e.out()).get("confidence_intervals").size()).isZero();
        CliTest.Run r = CliTest.run("run", "--root", ".", "--resamples", "0", "--out", tmp.toString(),
                "--progress", "never");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("[0.").doesNotContain("[1.");
        assertThat(new ObjectMapper().readTree(tmp.resolve("leaderboard.json").toFile()).at("/rows/0/f1_interval")
                .isNull()).isTrue();
    }

    @Test
    void aBadConll2003TrainingFileIsNamedAndAMissingOneRefusedBeforeAnyWork() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.train"), "");
        CliTest.Run r = CliTest.run("run", "--root", ".", "--resamples", "0", "--progress", "never", "--out",
                tmp.resolve("o").toString(), "--conll2003", empty.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("corpusbench run: " + empty + ": cannot train on it: ");
        Path dir = Files.createDirectories(tmp.resolve("nothing"));
        CliTest.Run d = CliTest.run("run", "--root", ".", "--progress", "never", "--conll2003", dir.toString());
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.out()).as("refused before verifying").isEmpty();
    }

    @Test
    void importListsEveryBadRowNotOnlyTheFirst() throws IOException {
        Path csv = Files.createDirectories(tmp.resolve("csv"));
        Files.copy(RELEASE.resolve("documents.jsonl"), tmp.resolve("unused.jsonl"));
        Files.writeString(csv.resolve("entities.csv"), "doc_id,start,end,text,type,entity_id\n"
                + "d,0,x,Be,GPE,\nd,y,2,Be,GPE,\nd,0,2\n");
        CliTest.Run c = CliTest.run("import", "--format", "csv", "--out", tmp.resolve("o1").toString(), csv.toString());
        assertThat(c.code()).isEqualTo(1);
        assertThat(c.err()).contains("entities.csv:2: end:", "entities.csv:3: start:", "entities.csv:4: found 3 fields",
                "corpusbench import: 3 problems");
        Path snli = Files.writeString(tmp.resolve("snli.jsonl"), "{\"sentence1\":\"a\",\"sentence2\":\"b\","
                + "\"gold_label\":\"maybe\"}\n{broken\n{\"sentence1\":\"a\",\"sentence2\":\"b\",\"gold_label\":\"x\"}\n");
        CliTest.Run n = CliTest.run("import", "--format", "nli", "--out", tmp.resolve("o2").toString(), snli.toString());
        assertThat(n.code()).isEqualTo(1);
        assertThat(n.err()).contains("snli.jsonl:1: gold_label: 'maybe'", "snli.jsonl:2:", "snli.jsonl:3: gold_label: 'x'");
        assertThat(tmp.resolve("o1")).doesNotExist();
        assertThat(tmp.resolve("o2")).doesNotExist();
    }

    @Test
    void bratImportListsEveryBadLineOfEveryFile() throws IOException {
        Path brat = Files.createDirectories(tmp.resolve("brat"));
        Files.writeString(brat.resolve("a.txt"), "Paris is in France");
        Files.writeString(brat.resolve("a.ann"), "T1\tLOC 0 5\tParos\n\tT2\nT3\tLOC 12 18\tFrance\n");
        Files.writeString(brat.resolve("b.txt"), "Minsk");
        Files.writeString(brat.resolve("b.ann"), "T1\tGPE 0 9\tMinsk\n");
        CliTest.Run r = CliTest.run("import", "--format", "brat", "--out", tmp.resolve("o").toString(), brat.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("a.ann:1: text:", "a.ann:2: id:", "b.ann:1: offsets:", "3 problems");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void conllImportRefusesInconsistentColumnsAndListsEveryProblem() throws IOException {
        Path conll = Files.writeString(tmp.resolve("x.conll"), "Paris X B-LOC\nis O\n\nMinsk X I-XYZ\n"
                + "hosts X O\n\nit X Q-LOC\n");
        CliTest.Run r = CliTest.run("import", "--format", "conll", "--out", tmp.resolve("o").toString(),
                conll.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("x.conll:2: found 2 columns; expected 3 as on line 1", "x.conll:4: tag:",
                "x.conll:7: tag:");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    /** TempEval-3's platinum gold has a DATE valued P5Y: kept with a note, as its scorer compares values. */
    @Test
    void aTimexValueOfAnotherTypeIsKeptWithANoteButGarbageIsRefused() throws IOException {
        Path tml = Files.writeString(tmp.resolve("d.tml"), "<?xml version=\"1.0\"?>\n<TimeML><TEXT>For "
                + "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"P5Y\">five years</TIMEX3>.</TEXT></TimeML>\n");
        Path out = tmp.resolve("out");
        CliTest.Run r = CliTest.run("import", "--format", "timeml", "--out", out.toString(), tml.toString());
        assertThat(r.code()).as(r.err()).isZero();
        CliTest.Run v = CliTest.run("validate", out.toString());
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.err()).contains("note: timexes[0].value: 'P5Y' is a TIMEX3 DURATION value on a TIMEX3 of type DATE");
    }
}
