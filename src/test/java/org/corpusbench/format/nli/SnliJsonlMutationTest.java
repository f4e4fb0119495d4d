package org.corpusbench.format.nli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.ValidResults;
import org.corpusbench.model.NliPair;

/** SNLI-style JSONL changed byte by byte: imported, or refused at a line (issue 12, item 8). */
class SnliJsonlMutationTest implements MutatedInputContract {

    @Override
    public Map<String, byte[]> seed() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-seed");
        try {
            SnliJsonl.write(dir.resolve("nli.jsonl"), FuzzSeeds.slice().nli());
            return Map.of("nli.jsonl", Files.readAllBytes(dir.resolve("nli.jsonl")));
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    @Override
    public void readAndCheck(Path dir) throws IOException {
        SnliJsonl.Read r = SnliJsonl.read(dir.resolve("nli.jsonl"));
        assertThat(r.unlabelled()).isNotNegative();
        assertThat(r.pairs()).extracting(NliPair::id).doesNotHaveDuplicates();
        ValidResults.nli(null, r.pairs());
    }
}
