package org.corpusbench.format.csv;

import org.corpusbench.format.Corpus;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.Mutation;
import net.jqwik.api.Example;
import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Group;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.ValidResults;
import org.corpusbench.model.Document;

/** CSV documents and CSV layers changed byte by byte: read, or refused at a line (issue 12, item 8). */
class CsvMutationTest {

    @Group
    class Documents implements MutatedInputContract {
        @Override
        public Map<String, byte[]> seed() throws IOException {
            StringWriter w = new StringWriter();
            CsvDocumentWriter.write(w, FuzzSeeds.slice().documents(), List.of());
            return Map.of("documents.csv", w.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void readAndCheck(Path dir) throws IOException {
            List<Document> docs = MutatedInputContract.unwrap(p -> {
                try (Stream<Document> s = CsvDocumentReader.read(p, CsvDocumentReader.Columns.defaults())) {
                    return s.toList();
                }
            }, dir.resolve("documents.csv"));
            ValidResults.documents(docs);
        }
    }

    @Group
    class Layers implements MutatedInputContract {
        @Override
        public Map<String, byte[]> seed() throws IOException {
            Path dir = Files.createTempDirectory("corpusbench-seed");
            try {
                FuzzSeeds.Slice s = FuzzSeeds.slice();
                CsvLayers.write(dir, s.annotationList(), s.contradictions(), s.nli());
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
            Corpus back = CsvLayers.read(dir);
            ValidResults.keyedByDocId(back.annotations());
            ValidResults.nli(null, back.nliPairs());
        }
    }

    /** Issue 12: a header line that is not CSV escaped as commons-csv's CSVException, without a location. */
    @Example
    void issue12HeaderThatIsNotCsvIsRefusedAtLineOne() throws IOException {
        // without its header, the first record is the header: '"000_6e15c3caa4eb7126","Belarus ... Grows' goes on
        // over the lines of the text, until a quote inside it is followed by other text than a comma
        CorpusFormatException e = new Documents().refusal("documents.csv",
                new Mutation(Mutation.Kind.DELETE_LINE, 0, (byte) 0), new Mutation(Mutation.Kind.DELETE_LINE, 2, (byte) 0));
        assertThat(e.location().line()).isEqualTo(1);
        assertThat(e.originalMessage()).startsWith("cannot read the CSV header: Invalid character between "
                + "encapsulated token and delimiter").endsWith("; expected a header line of column names");
    }

    /**
     * Issue 12: the header line given three times made two documents with the id 'id'; the reader gave both
     * (only the validator noticed, without a line).
     */
    @Example
    void issue12DuplicateIdIsRefusedAtItsLine() throws IOException {
        CorpusFormatException e = new Documents().refusal("documents.csv",
                new Mutation(Mutation.Kind.DUPLICATE_LINE, 0, (byte) 0), new Mutation(Mutation.Kind.DUPLICATE_LINE, 0,
                        (byte) 0));
        assertThat(e.location().line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("id");
        assertThat(e.originalMessage()).startsWith("duplicate document id 'id', first seen at ").endsWith(
                "documents.csv:2");
    }
}
