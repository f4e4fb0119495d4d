package org.corpusbench.format.doccano;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.ValidResults;
import org.corpusbench.format.Corpus;
import org.corpusbench.model.Document;

/** A doccano JSONL file changed byte by byte: read into valid documents and mentions, or refused at a line (issue 17). */
class DoccanoMutationTest implements MutatedInputContract {

    @Override
    public Map<String, byte[]> seed() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-seed");
        try {
            FuzzSeeds.Slice s = FuzzSeeds.slice();
            Doccano.write(dir.resolve("documents.jsonl"), s.documents(), s.annotations());
            return Map.of("documents.jsonl", Files.readAllBytes(dir.resolve("documents.jsonl")));
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    @Override
    public void readAndCheck(Path dir) throws IOException {
        Corpus c = Doccano.read(dir.resolve("documents.jsonl"));
        Map<String, Document> docs = ValidResults.documents(c.documents());
        ValidResults.keyedByDocId(c.annotations());
        ValidResults.annotations(docs, c.annotations().values());
    }
}
