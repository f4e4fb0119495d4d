package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportCommandTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");

    @TempDir
    Path tmp;

    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }

    /** Every layer a format holds comes back from the release byte for byte (as corpusbench JSONL). */
    @Test
    void releaseExportsAndImportsBackForEveryFormat() throws IOException {
        for (String f : new String[] {"brat", "csv", "hf", "timeml", "nli", "conll"}) {
            Path ex = tmp.resolve("ex-" + f);
            // the release's articles have no creation date; TimeML export refuses that unless told (issue 14)
            CliTest.Run e = f.equals("timeml")
                    ? CliTest.run("export", "--dataset", RELEASE.toString(), "--format", f, "--allow-missing-dct",
                            "--out", ex.toString())
                    : CliTest.run("export", "--dataset", RELEASE.toString(), "--format", f, "--out", ex.toString());
            assertThat(e.code()).as(f + ": " + e.err()).isZero();
            Path input = switch (f) {
                case "nli" -> ex.resolve("oreshnik-reports-1.0.1-nli.jsonl");
                case "conll" -> ex.resolve("oreshnik-reports-1.0.1.conll");
                default -> ex;
            };
            Path im = tmp.resolve("im-" + f);
            CliTest.Run i = CliTest.run("import", "--format", f, "--out", im.toString(), input.toString());
            assertThat(i.code()).as(f + ": " + i.err()).isZero();
            // NLI pairs keep their documents' ids and offsets, which can be checked only with the documents.
            CliTest.Run v = f.equals("nli")
                    ? CliTest.run("validate", RELEASE.resolve("documents.jsonl").toString(), im.toString())
                    : CliTest.run("validate", im.toString());
            assertThat(v.code()).as(f + ": " + v.err()).isZero();
            switch (f) {
                case "brat", "hf" -> assertThat(lines(im.resolve("annotations.jsonl")))
                        .isEqualTo(lines(RELEASE.resolve("annotations.jsonl")));
                case "nli" -> assertThat(lines(im.resolve("nli.jsonl"))).isEqualTo(lines(RELEASE.resolve("nli.jsonl")));
                case "conll" -> assertThat(e.out()).contains("227 entities (IOB2)",
                        "every gold entity span falls on token boundaries");
                default -> assertThat(i.out()).contains("24 TIMEX3");
            }
        }
        assertThat(lines(tmp.resolve("im-brat/contradictions.jsonl"))).containsExactlyInAnyOrderElementsOf(
                lines(RELEASE.resolve("contradictions.jsonl")));
    }

    @Test
    void conllImportInTheWrongSchemeIsAnErrorWithTheLine() throws IOException {
        Path f = Files.writeString(tmp.resolve("x.conll"), "-DOCSTART- -X- -X- O\n\nJapan NNP B-NP B-LOC\nwins VB B-VP O\n");
        CliTest.Run r = CliTest.run("import", "--format", "conll", "--scheme", "iob1", "--out", tmp.resolve("o").toString(),
                f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(f + ":3: tag: 'B-LOC' does not belong to any well-formed IOB1 chunk");
        assertThat(tmp.resolve("o")).doesNotExist();
        CliTest.Run ok = CliTest.run("import", "--format", "conll", "--scheme", "iob2", "--out",
                tmp.resolve("o").toString(), f.toString());
        assertThat(ok.out()).contains("imported 1 documents, 1 entity mentions");
    }

    @Test
    void badInputNamesFileLineAndWhatWasExpected() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("csv"));
        Files.writeString(dir.resolve("entities.csv"), "doc_id,start,end,text,type,entity_id\nd,0,x,Be,GPE,\n");
        CliTest.Run r = CliTest.run("import", "--format", "csv", "--out", tmp.resolve("o").toString(), dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(dir.resolve("entities.csv") + ":2: end: 'x'; expected a code-point offset");
        Path nli = Files.writeString(tmp.resolve("n.jsonl"), "{\"sentence1\":\"a\",\"sentence2\":\"b\",\"gold_label\":\"-\"}\n"
                + "{\"premise\":\"a\",\"hypothesis\":\"b\",\"label\":\"maybe\"}\n");
        CliTest.Run n = CliTest.run("import", "--format", "nli", "--out", tmp.resolve("o2").toString(), nli.toString());
        assertThat(n.err()).contains(nli + ":2: label: 'maybe'; expected entailment, neutral, contradiction");
        CliTest.Run u = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "pdf", "--out", tmp.toString());
        assertThat(u.code()).isEqualTo(2);
        assertThat(u.err()).contains("unknown --format 'pdf'");
    }

    /** An option of another format is refused, not ignored (issue 13: --scheme and --map were ignored). */
    @Test
    void optionsOfAnotherFormatAreRefusedAndNamesAreCaseInsensitive() throws IOException {
        String release = "datasets/oreshnik-reports/1.0.1";
        for (String[] extra : new String[][] {{"--scheme", "iob1"}, {"--map", "conll4"}}) {
            CliTest.Run r = CliTest.run("export", "--dataset", release, "--format", "brat", "--out",
                    tmp.resolve("x" + extra[0].length()).toString(), extra[0], extra[1]);
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains(extra[0] + " applies to --format conll only");
            assertThat(tmp.resolve("x" + extra[0].length())).doesNotExist();
        }
        CliTest.Run imp = CliTest.run("import", "--format", "brat", "--scheme", "iob1", "--out",
                tmp.resolve("i").toString(), release);
        assertThat(imp.code()).isEqualTo(2);
        assertThat(imp.err()).contains("--scheme applies to --format conll only");
        CliTest.Run ok = CliTest.run("export", "--dataset", release, "--format", "CoNLL", "--scheme", "BIOES",
                "--out", tmp.resolve("c").toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("(IOBES)");
        CliTest.Run bad = CliTest.run("export", "--dataset", release, "--format", "conll", "--scheme", "IOE1",
                "--out", tmp.resolve("d").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("export writes IOB2, IOB1 or IOBES");
        assertThat(CliTest.run("export", "--help").out()).contains("conll, brat, csv, hf, timeml, nli");
    }

    /**
     * The Hugging Face card declares a license and languages (issue 14 item 5): a release's own, the options'
     * over them, "unknown" and a note for a JSONL directory that says nothing, and a malformed identifier or an
     * option of another format refused with nothing written.
     */
    @Test
    void huggingFaceCardDeclaresLicenseAndLanguage() throws IOException {
        String release = "datasets/oreshnik-reports/1.0.1";
        CliTest.Run r = CliTest.run("export", "--dataset", release, "--format", "hf", "--out",
                tmp.resolve("a").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(tmp.resolve("a/README.md"))).startsWith("---\nlicense: cc-by-4.0\nlanguage:\n- en\n");
        assertThat(r.err()).doesNotContain("license: unknown");
        r = CliTest.run("export", "--dataset", release, "--format", "HF", "--out", tmp.resolve("b").toString(),
                "--license", "cc-by-sa-4.0", "--language", "en", "--language", "de,fr");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(tmp.resolve("b/README.md")))
                .startsWith("---\nlicense: cc-by-sa-4.0\nlanguage:\n- en\n- de\n- fr\n");
        // a directory of JSONL files (the import of the release) has no card to take them from
        CliTest.Run imp = CliTest.run("import", "--format", "hf", "--out", tmp.resolve("jsonl").toString(),
                tmp.resolve("a").toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        r = CliTest.run("export", "--dataset", tmp.resolve("jsonl").toString(), "--format", "hf", "--out",
                tmp.resolve("c").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(tmp.resolve("c/README.md"))).startsWith("---\nlicense: unknown\nconfigs:");
        assertThat(r.err()).contains("the card declares license: unknown and no language (the input does not say); "
                + "give --license and --language to declare them");
        // only what is still unknown is named, with the option that declares it
        r = CliTest.run("export", "--dataset", tmp.resolve("jsonl").toString(), "--format", "hf", "--out",
                tmp.resolve("c2").toString(), "--license", "mit");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("the card declares no language (the input does not say); give --language to "
                + "declare it").doesNotContain("--license and");
        for (String[] bad : new String[][] {{"--format", "hf", "--license", "CC BY 4.0"},
            {"--format", "hf", "--language", "English"}, {"--format", "csv", "--license", "mit"},
            {"--format", "conll", "--language", "en"}}) {
            Path out = tmp.resolve("bad" + bad[1] + bad[2]);
            List<String> args = new java.util.ArrayList<>(List.of("export", "--dataset", release, "--out",
                    out.toString()));
            args.addAll(List.of(bad));
            r = CliTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", bad)).contains(bad[2]);
            assertThat(out).doesNotExist();
        }
    }

    /** The annotation tools' formats through the command line (issue 17): export, import, same mentions. */
    @Test
    void annotationToolFormatsRoundTripThroughExportAndImport() throws IOException {
        String release = "datasets/oreshnik-reports/1.0.1";
        String[][] formats = {{"webanno", ""}, {"LabelStudio", "oreshnik-reports-1.0.1-labelstudio.json"},
            {"doccano", "oreshnik-reports-1.0.1-doccano.jsonl"}};
        for (String[] f : formats) {
            Path out = tmp.resolve("x-" + f[0]);
            CliTest.Run e = CliTest.run("export", "--dataset", release, "--format", f[0], "--out", out.toString());
            assertThat(e.code()).as(e.err()).isZero();
            assertThat(e.err()).contains("does not hold 24 dates, 19 contradictions, 65 NLI pairs");
            Path back = tmp.resolve("y-" + f[0]);
            CliTest.Run i = CliTest.run("import", "--format", f[0], "--out", back.toString(),
                    f[1].isEmpty() ? out.toString() : out.resolve(f[1]).toString());
            assertThat(i.code()).as(i.err()).isZero();
            assertThat(i.out()).startsWith("imported 5 documents, 227 entity mentions, 0 TIMEX3");
            CliTest.Run v = CliTest.run("evaluate", "--task", "entities", "--dataset", release, "--pred",
                    back.resolve("annotations.jsonl").toString(), "--resamples", "0", "--json", "-");
            assertThat(v.code()).as(v.err()).isZero();
            assertThat(v.out()).contains("\"f1\" : 1.0");
        }
    }
}
