package org.corpusbench.format.hf;

import org.corpusbench.format.Corpus;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.Mutation;
import net.jqwik.api.Example;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.ValidResults;
import org.corpusbench.model.Document;

/** A Hugging Face documents.jsonl changed byte by byte: imported, or refused at a line (issue 12, item 8). */
class HuggingFaceMutationTest implements MutatedInputContract {

    @Override
    public Map<String, byte[]> seed() throws IOException {
        Path dir = Files.createTempDirectory("corpusbench-seed");
        try {
            FuzzSeeds.Slice s = FuzzSeeds.slice();
            HuggingFace.write(dir, s.documents(), d -> FuzzSeeds.whitespaceTokens(d.text()), s.annotations(), "seed");
            return Map.of(HuggingFace.DOCUMENTS, Files.readAllBytes(dir.resolve(HuggingFace.DOCUMENTS)));
        } finally {
            MutatedInputContract.delete(dir);
        }
    }

    @Override
    public void readAndCheck(Path dir) throws IOException {
        Corpus c = HuggingFace.read(dir.resolve(HuggingFace.DOCUMENTS));
        Map<String, Document> docs = ValidResults.documents(c.documents());
        assertThat(c.annotations().keySet()).isEqualTo(docs.keySet());
        ValidResults.keyedByDocId(c.annotations());
        ValidResults.annotations(docs, List.copyOf(c.annotations().values()));
    }

    /** Issue 12: a document line given twice made two documents with one id, the second's gold replacing the first's. */
    @Example
    void issue12DuplicatedDocumentLineIsRefused() throws IOException {
        CorpusFormatException e = refusal(HuggingFace.DOCUMENTS, new Mutation(Mutation.Kind.DUPLICATE_LINE, 0, (byte) 0));
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("id");
        assertThat(e.originalMessage()).isEqualTo("'000_6e15c3caa4eb7126' is also the id of the document at line 1; "
                + "expected each id once");
    }
}
