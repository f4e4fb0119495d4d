package org.corpusbench.format.labelstudio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.ValidResults;
import org.corpusbench.format.Corpus;
import org.corpusbench.model.Document;

/** A Label Studio export changed byte by byte: read into valid documents and mentions, or refused at a line (issue 17). */
class LabelStudioMutationTest implements MutatedInputContract {

    @Override
    public Map<String, byte[]> seed() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-seed");
        try {
            FuzzSeeds.Slice s = FuzzSeeds.slice();
            LabelStudio.write(dir.resolve("tasks.json"), s.documents(), s.annotations());
            return Map.of("tasks.json", Files.readAllBytes(dir.resolve("tasks.json")));
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    @Override
    public void readAndCheck(Path dir) throws IOException {
        Corpus c = LabelStudio.read(dir.resolve("tasks.json"));
        Map<String, Document> docs = ValidResults.documents(c.documents());
        ValidResults.keyedByDocId(c.annotations());
        ValidResults.annotations(docs, c.annotations().values());
    }
}
