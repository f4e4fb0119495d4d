package org.corpusbench.format.webanno;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.ValidResults;
import org.corpusbench.format.Corpus;
import org.corpusbench.model.Document;

/** WebAnno TSV files changed byte by byte: read into valid documents and mentions, or refused at a line (issue 17). */
class WebAnnoTsvMutationTest implements MutatedInputContract {

    @Override
    public Map<String, byte[]> seed() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-seed");
        try {
            FuzzSeeds.Slice s = FuzzSeeds.slice();
            WebAnnoTsv.write(dir, s.documents(), s.annotations());
            Map<String, byte[]> files = new HashMap<>();
            try (Stream<Path> l = Files.list(dir)) {
                for (Path p : l.toList()) {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
            return files;
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    @Override
    public void readAndCheck(Path dir) throws IOException {
        Corpus c = WebAnnoTsv.read(dir);
        Map<String, Document> docs = ValidResults.documents(c.documents());
        ValidResults.keyedByDocId(c.annotations());
        ValidResults.annotations(docs, c.annotations().values());
    }
}
