package org.corpusbench.format.brat;

import org.corpusbench.format.Corpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 ("no silent wrong number"): brat import is lossless or refused, and every refusal is located. */
class BratIssue12Test {

    @TempDir
    Path tmp;

    private Path dir(String txt, String ann) throws IOException {
        Files.writeString(tmp.resolve("d.txt"), txt, StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("d.ann"), ann, StandardCharsets.UTF_8);
        return tmp;
    }

    private void refused(String txt, String ann, String message) {
        assertThatThrownBy(() -> Brat.read(dir(txt, ann))).isInstanceOf(CorpusFormatException.class)
                .hasMessage(tmp.resolve("d.ann") + message);
    }

    @Test
    void aDiscontinuousAnnotationIsRefusedByDefault() {
        // "Alice Bob": [0,3) is "Ali", [6,9) is "Bob"; "ce " lies between them, so one span [0,9) would be wrong
        refused("Alice Bob\n", "T1\tPER 0 3;6 9\tAli Bob\n", ":1: offsets: T1 has 2 fragments, [0,3) 'Ali', "
                + "[6,9) 'Bob', with other text than line breaks between them; one span over them would claim the "
                + "text between. Expected one span, or choose --brat-fragments=split to import each fragment as a "
                + "mention of its own, sharing one entity_id");
    }

    @Test
    void splitImportsEachFragmentAsAMentionOfOneEntity() throws IOException {
        Corpus c = Brat.read(dir("Alice Bob\n", "T1\tPER 0 3;6 9\tAli Bob\n"), Brat.Fragments.SPLIT);
        assertThat(c.annotations().get("d").entities()).containsExactly(
                new EntityMention(new Span(0, 3, "Ali"), "PER", "d-T1"),
                new EntityMention(new Span(6, 9, "Bob"), "PER", "d-T1"));
        Corpus noted = Brat.read(dir("Alice Bob\n", "T1\tPER 0 3;6 9\tAli Bob\n"
                + "#1\tAnnotatorNotes T1\t{\"entity_id\":\"alice\"}\n"), Brat.Fragments.SPLIT);
        assertThat(noted.annotations().get("d").entities()).extracting(EntityMention::entityId)
                .containsExactly("alice", "alice");
    }

    @Test
    void splitChecksTheTextOfEachFragment() {
        assertThatThrownBy(() -> Brat.read(dir("Alice Bob\n", "T1\tPER 0 3;6 9\tAli Bxb\n"), Brat.Fragments.SPLIT))
                .hasMessage(tmp.resolve("d.ann") + ":1: text: 'Ali Bxb' differs from the text at its offsets, "
                        + "'Ali Bob' (fragment 2, [6,9) 'Bob')");
    }

    @Test
    void aTimexCannotBeSplit() {
        assertThatThrownBy(() -> Brat.read(dir("May 5 and 6\n", "T1\tTIMEX3 0 5;10 11\tMay 5 6\n"
                + "#1\tAnnotatorNotes T1\t{\"value\":\"2024-05-05\"}\n"), Brat.Fragments.SPLIT))
                .hasMessage(tmp.resolve("d.ann") + ":1: offsets: T1 has 2 fragments, [0,5) 'May 5', [10,11) '6', "
                        + "with other text than line breaks between them; a TIMEX3 annotation is one span and cannot "
                        + "be split. Expected fragments separated only by line breaks");
    }

    @Test
    void fragmentsSeparatedByLineBreaksAreOneSpan() throws IOException {
        // "Minsk\r\nCity": fragments [0,5) and [7,11) with CR LF between: the span [0,11) as the writer meant it
        Corpus c = Brat.read(dir("Minsk\r\nCity\n", "T1\tLOC 0 5;7 11\tMinsk City\n"));
        assertThat(c.annotations().get("d").entities())
                .containsExactly(new EntityMention(new Span(0, 11, "Minsk\r\nCity"), "LOC", null));
    }

    @Test
    void aLineStartingWithATabIsLocated() {
        refused("Alice\n", "T1\tPER 0 5\tAlice\n\tT2\tPER 0 3\tAli\n", ":2: id: the line starts with a tab; "
                + "expected an annotation id first ('T1\\tTYPE START END\\tTEXT', 'A1\\t...', 'R1\\t...', '#1\\t...')");
    }

    @Test
    void malformedTextBoundLinesAreLocated() {
        refused("Alice\n", "T1\tPER 0 5\n", ":1: found 2 tab-separated fields; expected "
                + "'T<n>\\tTYPE START END[;START END]\\tTEXT'");
        refused("Alice\n", "T1\tPER\tAlice\n", ":1: offsets: 'PER'; expected a type and offsets, "
                + "'TYPE START END[;START END]'");
        refused("Alice\n", "T1\tPER 0 x\tAlice\n", ":1: offsets: '0 x'; expected 'START END', two code-point offsets");
        refused("Alice\n", "T1\tPER 0 3 5\tAli\n", ":1: offsets: '0 3 5'; expected 'START END', two code-point "
                + "offsets");
        refused("Alice\n", "T1\tPER -1 3\tAli\n", ":1: offsets: '-1 3'; expected 'START END', two code-point "
                + "offsets");
        refused("Alice\n", "T1\tPER 3 1\tAli\n", ":1: offsets: '3 1' ends before it starts; expected START <= END");
        // "Alice\n" has 6 code points
        refused("Alice\n", "T1\tPER 0 9\tAlice\n", ":1: offsets: [0,9) outside the 6 code points of d.txt");
        refused("Alice\n", "T1\tPER 0 5\tAlicia\n", ":1: text: 'Alicia' differs from the text at its offsets, "
                + "'Alice'");
        refused("Alice\n", "T1\tPER 0 3\tAli extra\n", ":1: text: 'Ali extra' differs from the text at its "
                + "offsets, 'Ali' (it goes on after the last fragment)");
        refused("Alice Bob\n", "T1\tPER 6 9;0 3\tBob Ali\n", ":1: offsets: '6 9;0 3': fragment [0,3) starts before "
                + "the one before it ends; expected fragments in text order, apart");
        refused("Alice\n", "T1\tPER 0 5\tAlice\nT1\tPER 0 3\tAli\n", ":2: id: duplicate annotation id 'T1', first "
                + "at line 1; expected each id once");
        refused("Alice\n", "T1\tPER 0 5\tAlice\n#1\tAnnotatorNotes T1\t{\"start\":-1,\"end\":5}\n",
                ":1: start: note span [-1,5) does not contain the fragments");
    }

    @Test
    void invalidUtf8InTheTextNamesFileLineAndByteOffset() throws IOException {
        // "ok\n" is 3 bytes; "Al" 2 more: the 0xFF on line 2 is byte 5
        Files.write(tmp.resolve("d.txt"), new byte[] {'o', 'k', '\n', 'A', 'l', (byte) 0xFF, 'c', 'e', '\n'});
        Files.writeString(tmp.resolve("d.ann"), "T1\tPER 0 2\tok\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Brat.read(tmp)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(tmp.resolve("d.txt") + ":2: invalid UTF-8 at byte offset 5: expected UTF-8 text; "
                        + "re-encode the file as UTF-8");
    }

    @Test
    void invalidUtf8InTheAnnotationsNamesFileLineAndByteOffset() throws IOException {
        Files.writeString(tmp.resolve("d.txt"), "Alice\n", StandardCharsets.UTF_8);
        // "T1\tPER 0 5\tAlice\n" is 17 bytes; the 0xC0 follows "T2\tPER 0 5\tAl" (13): byte 30
        byte[] ann = "T1\tPER 0 5\tAlice\nT2\tPER 0 5\tAl?ce\n".getBytes(StandardCharsets.US_ASCII);
        ann[30] = (byte) 0xC0;
        Files.write(tmp.resolve("d.ann"), ann);
        assertThatThrownBy(() -> Brat.read(tmp)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(tmp.resolve("d.ann") + ":2: invalid UTF-8 at byte offset 30: expected UTF-8 text; "
                        + "re-encode the file as UTF-8");
    }

    @Test
    void everyMalformedLineIsAFormatErrorNeverAnotherException() throws IOException {
        // a sweep of damaged T lines: each must end in CorpusFormatException (or be read), nothing else
        for (String ann : List.of("T", "T1", "T1\t", "T1\t\t", "T1\t \t", "T1\tPER \tx", "T1\tPER ;\tx",
                "T1\tPER 0 1;\tA", "T1\tPER 99999999999 1\tx", "\t", " \t", "#", "#1\tAnnotatorNotes T1\t{",
                "A1", "R1", "R1\tContradiction Arg1:T9 Arg2:T8", "T1\tPER 0 5\tAlice\n#1\tAnnotatorNotes T1\t"
                + "{\"start\":\"x\",\"end\":5}")) {
            try {
                Brat.read(dir("Alice\n", ann + "\n"), Brat.Fragments.SPLIT);
            } catch (CorpusFormatException expected) {
                assertThat(expected.location().file()).as(ann).isEqualTo(tmp.resolve("d.ann").toString());
                assertThat(expected.location().line()).as(ann).isPositive();
            }
        }
    }
}
