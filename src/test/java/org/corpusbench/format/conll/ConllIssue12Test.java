package org.corpusbench.format.conll;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 ("no silent wrong number"): what CoNLL import refuses, and how it names the place. */
class ConllIssue12Test {

    @TempDir
    Path tmp;

    @Test
    void invalidUtf8NamesFileLineAndByteOffset() throws IOException {
        // line 1 "-DOCSTART- -X- -X- O\n" is 21 bytes, line 2 "\n" 1, line 3 "Ali B-PER\n" 10: line 4 starts
        // at byte 32, and its 0xC3 (a lead byte followed by a space) is its second byte, at 33.
        Path f = Files.write(tmp.resolve("x.conll"), new byte[] {
            '-', 'D', 'O', 'C', 'S', 'T', 'A', 'R', 'T', '-', ' ', '-', 'X', '-', ' ', '-', 'X', '-', ' ', 'O', '\n',
            '\n', 'A', 'l', 'i', ' ', 'B', '-', 'P', 'E', 'R', '\n', 'B', (byte) 0xC3, ' ', 'O', '\n'});
        assertThatThrownBy(() -> Conll.read(f, TagScheme.IOB2)).isInstanceOf(CorpusFormatException.class)
                .hasMessage(f + ":4: invalid UTF-8 at byte offset 33 (byte 0xC3): expected UTF-8 text; "
                        + "re-encode the file as UTF-8");
    }
}
