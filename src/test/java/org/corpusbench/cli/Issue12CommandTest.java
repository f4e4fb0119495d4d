package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 ("no silent wrong number") from the command line: exit codes and the exact messages. */
class Issue12CommandTest {

    @TempDir
    Path tmp;

    private Path brat(String txt, String ann) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("brat"));
        Files.writeString(dir.resolve("d.txt"), txt, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("d.ann"), ann, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void bratDiscontinuousIsRefusedUnlessSplitIsChosen() throws IOException {
        Path dir = brat("Alice Bob\n", "T1\tPER 0 3;6 9\tAli Bob\n");
        Path out = tmp.resolve("out");
        CliTest.Run r = CliTest.run("import", "--format", "brat", "--out", out.toString(), dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("corpusbench import: " + dir.resolve("d.ann") + ":1: offsets: T1 has 2 "
                + "fragments, [0,3) 'Ali', [6,9) 'Bob', with other text than line breaks between them; one span over "
                + "them would claim the text between. Expected one span, or choose --brat-fragments=split to import "
                + "each fragment as a mention of its own, sharing one entity_id\n");
        assertThat(out).doesNotExist();
        CliTest.Run split = CliTest.run("import", "--format", "brat", "--brat-fragments=split", "--out",
                out.toString(), dir.toString());
        assertThat(split.code()).as(split.err()).isZero();
        assertThat(split.out()).startsWith("imported 1 documents, 2 entity mentions");
        assertThat(Files.readString(out.resolve("annotations.jsonl"))).isEqualTo("{\"doc_id\":\"d\",\"entities\":["
                + "{\"start\":0,\"end\":3,\"text\":\"Ali\",\"type\":\"PER\",\"entity_id\":\"d-T1\"},"
                + "{\"start\":6,\"end\":9,\"text\":\"Bob\",\"type\":\"PER\",\"entity_id\":\"d-T1\"}],\"timexes\":[]}\n");
        assertThat(CliTest.run("validate", out.toString()).code()).isZero();
    }

    @Test
    void bratFragmentsOptionIsCheckedAsUsage() throws IOException {
        Path dir = brat("Alice\n", "T1\tPER 0 5\tAlice\n");
        CliTest.Run bad = CliTest.run("import", "--format", "brat", "--brat-fragments=join", "--out",
                tmp.resolve("o").toString(), dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("corpusbench import: unknown --brat-fragments 'join'; expected refuse or split\n");
        Path conll = Files.writeString(tmp.resolve("x.conll"), "a O\n");
        CliTest.Run other = CliTest.run("import", "--format", "conll", "--brat-fragments=split", "--out",
                tmp.resolve("o").toString(), conll.toString());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).startsWith("corpusbench import: --brat-fragments applies to --format brat only\n");
    }

    @Test
    void bratLineStartingWithATabIsALocatedErrorNotAStackTrace() throws IOException {
        Path dir = brat("Alice\n", "\tT1\tPER 0 5\tAlice\n");
        CliTest.Run r = CliTest.run("import", "--format", "brat", "--out", tmp.resolve("o").toString(), dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("corpusbench import: " + dir.resolve("d.ann") + ":1: id: the line starts with "
                + "a tab;").doesNotContain("internal error", "Exception");
    }

    @Test
    void timemlTidsAreAssignedWithANoteAndTheImportValidates() throws IOException {
        Path tml = Files.writeString(tmp.resolve("d.tml"), "<TimeML><TEXT>On <TIMEX3 type=\"DATE\" value=\"2024\">"
                + "2024</TIMEX3> and <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025\">2025</TIMEX3></TEXT></TimeML>\n");
        Path out = tmp.resolve("out");
        CliTest.Run r = CliTest.run("import", "--format", "timeml", "--out", out.toString(), tml.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("corpusbench import: note: 1 TIMEX3 had no tid and was given one (t1, t2, ..., "
                + "skipping the tids their document uses)\n");
        assertThat(Files.readString(out.resolve("annotations.jsonl"))).contains("\"tid\":\"t2\",\"start\":3");
        CliTest.Run v = CliTest.run("validate", out.toString());
        assertThat(v.out()).isEqualTo("valid: no problems found\n");
    }

    @Test
    void timemlNestedTimexIsRefused() throws IOException {
        Path tml = Files.writeString(tmp.resolve("d.tml"), "<TimeML><TEXT>\n<TIMEX3 tid=\"t1\" type=\"DATE\" "
                + "value=\"2024-05\">May <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2024\">2024</TIMEX3></TIMEX3>"
                + "</TEXT></TimeML>\n");
        CliTest.Run r = CliTest.run("import", "--format", "timeml", "--out", tmp.resolve("o").toString(), tml.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("corpusbench import: " + tml + ":2: TIMEX3: a TIMEX3 inside the TIMEX3 opened "
                + "at line 2; expected TIMEX3 elements that do not nest (each is one span)\n");
    }

    @Test
    void validateAndStatsSayWhatTheCsvExportsLayersAreAndReadItsDocuments() throws IOException {
        Path ex = tmp.resolve("ex");
        CliTest.Run e = CliTest.run("export", "--dataset", ExportImportCommandTest.RELEASE.toString(), "--format",
                "csv", "--out", ex.toString());
        assertThat(e.code()).as(e.err()).isZero();
        String how = "), as 'corpusbench export --format csv' writes it, not a CSV of documents (columns id,text); "
                + "to use it, run 'corpusbench import --format csv --out DIR' on its directory and use DIR";
        CliTest.Run v = CliTest.run("validate", ex.toString());
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.err()).isEqualTo(ex.resolve("contradictions.csv") + ":1: this is corpusbench's CSV layer of "
                + "contradictions (header id,type,doc_a,start_a,end_a,text_a,doc_b,start_b,end_b,text_b,explanation"
                + how + "\n" + ex.resolve("dates.csv") + ":1: this is corpusbench's CSV layer of dates (header doc_id,"
                + "start,end,text,type,value,mod" + how + "\n" + ex.resolve("entities.csv") + ":1: this is "
                + "corpusbench's CSV layer of entities (header doc_id,start,end,text,type,entity_id" + how + "\n"
                + ex.resolve("nli.csv") + ":1: this is corpusbench's CSV layer of NLI pairs (header id,premise,"
                + "hypothesis,label" + how + "\n4 problems found\n");
        CliTest.Run s = CliTest.run("stats", ex.toString());
        assertThat(s.code()).isEqualTo(1);
        // stats validates first, so it names every layer file, not only the first
        assertThat(s.err()).startsWith(v.err().replace("\n4 problems found\n", "\n")).contains(
                "corpusbench stats: 4 problems in the input");
        assertThat(s.out()).isEmpty();
        assertThat(CliTest.run("validate", ex.resolve("documents.csv").toString()).out())
                .isEqualTo("valid: no problems found\n");
        // what the message says to do works: the import validates and stats counts its layers
        Path im = tmp.resolve("im");
        assertThat(CliTest.run("import", "--format", "csv", "--out", im.toString(), ex.toString()).code()).isZero();
        assertThat(CliTest.run("validate", im.toString()).out()).isEqualTo("valid: no problems found\n");
        assertThat(CliTest.run("stats", im.toString()).out()).contains("entities");
    }
}
