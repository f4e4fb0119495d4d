package org.corpusbench.format.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.ValidResults;
import org.corpusbench.model.Document;

/** A directory of .txt articles changed byte by byte: read, or refused at a line (issue 12, item 8). */
class TextDirectoryMutationTest implements MutatedInputContract {

    @Override
    public Map<String, byte[]> seed() throws IOException {
        List<Document> docs = FuzzSeeds.slice().documents();
        return Map.of("a.txt", docs.get(0).text().getBytes(StandardCharsets.UTF_8),
                "b.txt", ("\uFEFF" + docs.get(1).text()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void readAndCheck(Path dir) throws IOException {
        List<TextDirectoryReader.TextFile> files = MutatedInputContract.unwrap(p -> {
            try (Stream<TextDirectoryReader.TextFile> s = TextDirectoryReader.read(p)) {
                return s.toList();
            }
        }, dir);
        ValidResults.documents(files.stream().map(TextDirectoryReader.TextFile::document).toList());
        assertThat(files).extracting(f -> f.document().id()).containsExactly("a", "b");
    }
}
