package org.corpusbench.format.brat;

import org.corpusbench.format.Corpus;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.Mutation;
import net.jqwik.api.Example;
import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.ValidResults;
import org.corpusbench.model.Document;

/** A brat directory (.txt and .ann) changed byte by byte: imported, or refused at a line (issue 12, item 8). */
class BratMutationTest implements MutatedInputContract {

    @Override
    public Map<String, byte[]> seed() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-seed");
        try {
            FuzzSeeds.Slice s = FuzzSeeds.slice();
            Brat.write(dir, s.documents(), s.annotations(), s.contradictions());
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
        Corpus c = Brat.read(dir);
        Map<String, Document> docs = ValidResults.documents(c.documents());
        ValidResults.keyedByDocId(c.annotations());
        ValidResults.annotations(docs, c.annotations().values());
        ValidResults.contradictions(docs, c.contradictions());
    }

    /**
     * Issue 12: a line of a .txt given twice moved the text under a cross-document contradiction, which was read
     * without being checked against it.
     */
    @Example
    void issue12CrossDocumentEvidenceIsCheckedAgainstTheText() throws IOException {
        CorpusFormatException e = refusal("001_3cbd90c8ad035dae.txt", new Mutation(Mutation.Kind.DUPLICATE_LINE, 2,
                (byte) 0));
        assertThat(e.location().file()).endsWith(Brat.CROSS_DOCUMENT);
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("a.text");
        assertThat(e.originalMessage()).startsWith("'December.' differs from the text of 001_3cbd90c8ad035dae.txt at [");
    }
}
