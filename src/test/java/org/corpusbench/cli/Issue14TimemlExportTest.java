package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: a TimeML export carries each document's creation date (DCT), which TempEval-3's tools require. */
class Issue14TimemlExportTest {

    static final Path RELEASE = ExportImportCommandTest.RELEASE;
    static final String A = "000_6e15c3caa4eb7126";
    static final String B = "001_3cbd90c8ad035dae";

    @TempDir
    Path tmp;

    private static String dct(String date) {
        return "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"" + date + "\" temporalFunction=\"false\" "
                + "functionInDocument=\"CREATION_TIME\">" + date + "</TIMEX3></DCT>\n";
    }

    /** Two TimeML documents imported as JSONL: {@code a} with a DCT (so metadata.creation_date), {@code b} without. */
    private Path importedCorpus() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("tml"));
        Files.writeString(in.resolve("a.tml"), "<TimeML><DOCID>a</DOCID><DCT><TIMEX3 functionInDocument=\"CREATION_TIME\" "
                + "temporalFunction=\"false\" tid=\"t0\" type=\"DATE\" value=\"2013-03-22\">March 22, 2013</TIMEX3></DCT>"
                + "<TEXT>He said \"<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2013-03-21\">yesterday</TIMEX3>\" &amp; left."
                + "</TEXT></TimeML>\n");
        Files.writeString(in.resolve("b.tml"), "<TimeML><TEXT>Nothing <TIMEX3 tid=\"t1\" type=\"DATE\" "
                + "value=\"PRESENT_REF\">now</TIMEX3>.</TEXT></TimeML>\n");
        Path jsonl = tmp.resolve("jsonl");
        CliTest.Run i = CliTest.run("import", "--format", "timeml", "--out", jsonl.toString(), in.toString());
        assertThat(i.code()).as(i.err()).isZero();
        return jsonl;
    }

    @Test
    void theCreationDateIsKeptAndGivenAndSurvivesTheRoundTrip() throws IOException {
        Path jsonl = importedCorpus();
        Path ex = tmp.resolve("ex");
        CliTest.Run e = CliTest.run("export", "--dataset", jsonl.toString(), "--format", "timeml", "--dct", "2020-01-31",
                "--out", ex.toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("wrote 2 .tml files to " + ex + " (2 with a creation date)");
        // a keeps its own date (--dct applies only to documents without one); b gets --dct
        assertThat(Files.readString(ex.resolve("a.tml"))).contains(dct("2013-03-22"))
                .contains("<TEXT>He said \"<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2013-03-21\">yesterday</TIMEX3>\" "
                        + "&amp; left.</TEXT>");
        assertThat(Files.readString(ex.resolve("b.tml"))).contains(dct("2020-01-31"));
        Path back = tmp.resolve("back");
        CliTest.Run i = CliTest.run("import", "--format", "timeml", "--out", back.toString(), ex.toString());
        assertThat(i.code()).as(i.err()).isZero();
        assertThat(Files.readAllLines(back.resolve("documents.jsonl")))
                .anySatisfy(l -> assertThat(l).contains("\"id\":\"a\"", "\"creation_date\":\"2013-03-22\""))
                .anySatisfy(l -> assertThat(l).contains("\"id\":\"b\"", "\"creation_date\":\"2020-01-31\""));
        assertThat(Files.readAllLines(back.resolve("annotations.jsonl")))
                .isEqualTo(Files.readAllLines(jsonl.resolve("annotations.jsonl")));
    }

    @Test
    void documentsWithoutACreationDateAreRefusedUnlessAllowed() throws IOException {
        Path ex = tmp.resolve("ex");
        CliTest.Run r = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "timeml", "--out",
                ex.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("corpusbench export: " + RELEASE.resolve("documents.jsonl")
                + ": metadata.creation_date: none for 5 of 5 documents (" + A + ", " + B + ", 002_c6b68ee50c1b1fad, ...); "
                + "expected a creation date for each, which TempEval-3's tools require as <DCT>: give --dct YYYY-MM-DD "
                + "or --dct-file F, or --allow-missing-dct to write them without one\n");
        assertThat(ex).doesNotExist();
        CliTest.Run ok = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "timeml",
                "--allow-missing-dct", "--out", ex.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("(0 with a creation date)");
        assertThat(Files.readString(ex.resolve(A + ".tml"))).doesNotContain("<DCT>");
    }

    @Test
    void dctOptionsThatDoNotApplyOrAreNotDatesAreUsageErrors() {
        String[][] cases = {
            {"--format", "csv", "--dct", "2024-12-06"}, {"--dct applies to --format timeml only"},
            {"--format", "brat", "--dct-file", "x.tsv"}, {"--dct-file applies to --format timeml only"},
            {"--format", "conll", "--allow-missing-dct"}, {"--allow-missing-dct applies to --format timeml only"},
            {"--format", "timeml", "--dct", "2024-12-06", "--allow-missing-dct"},
            {"--allow-missing-dct does not apply with --dct, which gives every document a creation date"},
            {"--format", "timeml", "--dct", "2024/12/06"}, {"--dct: '2024/12/06'; expected a date YYYY-MM-DD"},
            {"--format", "timeml", "--dct", "2023-02-29"}, {"--dct: '2023-02-29' is not a day of the calendar"},
            {"--format", "timeml", "--dct-file", "nope.tsv"}, {"nope.tsv: no such file (--dct-file)"},
        };
        for (int c = 0; c < cases.length; c += 2) {
            String[] args = new String[cases[c].length + 4];
            args[0] = "export";
            args[1] = "--dataset";
            args[2] = RELEASE.toString();
            System.arraycopy(cases[c], 0, args, 3, cases[c].length);
            args[args.length - 1] = "--out=" + tmp.resolve("o" + c);
            CliTest.Run r = CliTest.run(args);
            assertThat(r.code()).as(String.join(" ", cases[c])).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", cases[c])).startsWith("corpusbench export: " + cases[c + 1][0]);
            assertThat(tmp.resolve("o" + c)).doesNotExist();
        }
    }

    @Test
    void aDctFileGivesDatesPerDocumentAndEveryBadLineIsLocated() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.tsv"), A + "\t2024-12-06\n" + B + " 2024-12-07\nnope\t2024-12-08\n"
                + "002_c6b68ee50c1b1fad\t06.12.2024\n" + A + "\t2024-12-06\n");
        CliTest.Run r = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "timeml", "--dct-file",
                bad.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(bad + ":2: 1 tab-separated fields; expected 2: doc_id<TAB>YYYY-MM-DD\n"
                + bad + ":3: doc_id: 'nope' is not a document of the dataset; expected one of its 5 document ids\n"
                + bad + ":4: date: '06.12.2024'; expected a date YYYY-MM-DD\n"
                + bad + ":5: doc_id: '" + A + "' is also given at line 1; expected each document once\n"
                + "corpusbench export: 4 problems\n");
        assertThat(tmp.resolve("o")).doesNotExist();

        Path good = Files.writeString(tmp.resolve("good.tsv"), A + "\t2024-12-06\n\n" + B + "\t2024-11-21\r\n");
        Path ex = tmp.resolve("ex");
        CliTest.Run ok = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "timeml", "--dct-file",
                good.toString(), "--dct", "2024-12-31", "--out", ex.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(Files.readString(ex.resolve(A + ".tml"))).contains(dct("2024-12-06"));
        assertThat(Files.readString(ex.resolve(B + ".tml"))).contains(dct("2024-11-21"));
        assertThat(Files.readString(ex.resolve("004_1fd1226005666fa9.tml"))).contains(dct("2024-12-31"));
    }

    @Test
    void aDctFileThatContradictsADocumentsOwnDateIsRefused() throws IOException {
        Path jsonl = importedCorpus();
        Path f = Files.writeString(tmp.resolve("d.tsv"), "b\t2013-01-01\na\t2013-03-23\n");
        CliTest.Run r = CliTest.run("export", "--dataset", jsonl.toString(), "--format", "timeml", "--dct-file",
                f.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("corpusbench export: " + f + ":2: date: 2013-03-23 for 'a', whose "
                + "metadata.creation_date is 2013-03-22; expected the document's own date or no line for it\n");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    /** A review: a gold TIMEX3 with tid t0 met the creation time's t0, and the export could not be read back. */
    @Test
    void theCreationTimeTakesATidNoTimexOfTheDocumentUses() throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("t0"));
        Files.copy(RELEASE.resolve("documents.jsonl"), copy.resolve("documents.jsonl"));
        Files.writeString(copy.resolve("annotations.jsonl"), Files.readString(RELEASE.resolve("annotations.jsonl"))
                .replace("\"tid\":\"t1\"", "\"tid\":\"t0\""));
        Path out = tmp.resolve("tml");
        CliTest.Run e = CliTest.run("export", "--dataset", copy.toString(), "--format", "timeml", "--out",
                out.toString(), "--dct", "2020-01-01");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(Files.readString(out.resolve(A + ".tml"))).contains("<DCT><TIMEX3 tid=\"t0_1\"");
        CliTest.Run i = CliTest.run("import", "--format", "timeml", "--out", tmp.resolve("back").toString(),
                out.toString());
        assertThat(i.code()).as(i.err()).isZero();
    }

    @Test
    void aDctFileThatDatesNothingIsRefused() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.tsv"), "\n");
        CliTest.Run r = CliTest.run("export", "--dataset", RELEASE.toString(), "--format", "timeml", "--out",
                tmp.resolve("o").toString(), "--dct-file", empty.toString(), "--dct", "2024-01-01");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(empty + ": holds no dates");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    /** A review: validate passed a creation date that the TimeML export then refused. */
    @Test
    void validateChecksCreationDatesAsTheExportDoes() throws IOException {
        Path docs = Files.writeString(tmp.resolve("documents.jsonl"), Files.readAllLines(RELEASE.resolve(
                "documents.jsonl")).get(0).replaceFirst("\\}$", ",\"metadata\":{\"creation_date\":\"2024-13-01\"}}")
                + "\n");
        CliTest.Run v = CliTest.run("validate", docs.toString());
        assertThat(v.code()).as(v.err()).isEqualTo(1);
        assertThat(v.err()).contains(docs + ":1: metadata.creation_date: '2024-13-01' is not a day of the calendar");
    }
}
