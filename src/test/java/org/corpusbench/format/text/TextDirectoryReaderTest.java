package org.corpusbench.format.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.corpusbench.internal.Hashes;
import org.corpusbench.model.Document;
import org.junit.jupiter.api.io.TempDir;

class TextDirectoryReaderTest {

    @Test
    void readsTxtFilesInNameOrderWithIdsFromFileNames(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.txt"), "Second\r\nbody\r\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a.txt"), "First\nbody", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.md"), "ignored", StandardCharsets.UTF_8);
        List<Document> docs;
        try (Stream<TextDirectoryReader.TextFile> s = TextDirectoryReader.read(dir)) {
            docs = s.map(TextDirectoryReader.TextFile::document).toList();
        }
        assertThat(docs).extracting(Document::id).containsExactly("a", "b");
        assertThat(docs.get(1).text()).isEqualTo("Second\r\nbody\r\n");
        assertThat(docs.get(1).title()).isEqualTo("Second");
        assertThat(docs.get(1).source()).isEqualTo("b.txt");
    }

    @Test
    void byteOrderMarkIsLeftOutOfTheTextAndReported() throws IOException {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'H', 'i'};
        TextDirectoryReader.TextFile f = TextDirectoryReader.fromBytes(bytes, "x.txt", "dir/x.txt");
        assertThat(f.byteOrderMark()).isTrue();
        assertThat(f.document().text()).isEqualTo("Hi");
        assertThat(f.document().sha256()).isEqualTo(Hashes.sha256(bytes));
    }

    @Test
    void invalidUtf8NamesFileLineAndByteOffset() {
        byte[] bytes = {'o', 'k', '\n', 'b', 'a', 'd', (byte) 0xFF};
        assertThatThrownBy(() -> TextDirectoryReader.fromBytes(bytes, "x.txt", "dir/x.txt"))
                .hasMessage("dir/x.txt:2: invalid UTF-8 at byte offset 6: expected UTF-8 text; "
                        + "re-encode the file as UTF-8");
    }
}
