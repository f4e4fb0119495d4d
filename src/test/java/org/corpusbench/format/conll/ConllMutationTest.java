package org.corpusbench.format.conll;

import org.corpusbench.format.Corpus;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.ValidResults;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.model.Document;

/** A CoNLL file changed byte by byte: imported, or refused at a line (issue 12, item 8). */
class ConllMutationTest implements MutatedInputContract {

    /** The slice as 'export --format conll' writes it: tokens at white space, IOB2. */
    static String seedText() throws IOException {
        FuzzSeeds.Slice s = FuzzSeeds.slice();
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        Conll.write(written, s.documents(), d -> FuzzSeeds.whitespaceTokens(d.text()), s.annotations(),
                TagScheme.IOB2, t -> t);
        String sb = written.toString(StandardCharsets.UTF_8);
        return sb;
    }

    @Override
    public Map<String, byte[]> seed() throws IOException {
        return Map.of("x.conll", seedText().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void readAndCheck(Path dir) throws IOException {
        Corpus c = Conll.read(dir.resolve("x.conll"), TagScheme.IOB2);
        Map<String, Document> docs = ValidResults.documents(c.documents());
        assertThat(c.annotations().keySet()).isEqualTo(docs.keySet());
        ValidResults.keyedByDocId(c.annotations());
        ValidResults.annotations(docs, c.annotations().values());
    }
}
