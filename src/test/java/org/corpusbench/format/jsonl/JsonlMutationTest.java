package org.corpusbench.format.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Group;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.ValidResults;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;

/** JSON Lines changed byte by byte: read, or refused at a line (issue 12, item 8). */
class JsonlMutationTest {

    @Group
    class Documents implements MutatedInputContract {
        @Override
        public Map<String, byte[]> seed() throws IOException {
            return Map.of("documents.jsonl", FuzzSeeds.jsonl(FuzzSeeds.slice().documents()));
        }

        @Override
        public void readAndCheck(Path dir) throws IOException {
            List<Document> docs = MutatedInputContract.unwrap(p -> {
                try (Stream<Document> s = JsonlReader.documents(p)) {
                    return s.toList();
                }
            }, dir.resolve("documents.jsonl"));
            docs.forEach(d -> assertThat(d.id()).isNotEmpty());
        }
    }

    @Group
    class Annotations implements MutatedInputContract {
        @Override
        public Map<String, byte[]> seed() throws IOException {
            return Map.of("annotations.jsonl", FuzzSeeds.jsonl(FuzzSeeds.slice().annotationList()));
        }

        @Override
        public void readAndCheck(Path dir) throws IOException {
            List<DocumentAnnotations> anns = MutatedInputContract.unwrap(p -> {
                try (Stream<DocumentAnnotations> s = JsonlReader.annotations(p)) {
                    return s.toList();
                }
            }, dir.resolve("annotations.jsonl"));
            anns.forEach(a -> a.entities().forEach(e -> assertThat(e.type()).isNotBlank()));
        }
    }

    @Group
    class Contradictions implements MutatedInputContract {
        @Override
        public Map<String, byte[]> seed() throws IOException {
            return Map.of("contradictions.jsonl", FuzzSeeds.jsonl(FuzzSeeds.slice().contradictions()));
        }

        @Override
        public void readAndCheck(Path dir) throws IOException {
            List<Contradiction> cs = MutatedInputContract.unwrap(p -> {
                try (Stream<Contradiction> s = JsonlReader.contradictions(p)) {
                    return s.toList();
                }
            }, dir.resolve("contradictions.jsonl"));
            assertThat(cs).allSatisfy(c -> assertThat(c.a().docId()).isNotNull());
        }
    }

    @Group
    class NliPairs implements MutatedInputContract {
        @Override
        public Map<String, byte[]> seed() throws IOException {
            return Map.of("nli.jsonl", FuzzSeeds.jsonl(FuzzSeeds.slice().nli()));
        }

        @Override
        public void readAndCheck(Path dir) throws IOException {
            List<NliPair> pairs = MutatedInputContract.unwrap(p -> {
                try (Stream<NliPair> s = JsonlReader.nliPairs(p)) {
                    return s.toList();
                }
            }, dir.resolve("nli.jsonl"));
            ValidResults.nli(null, pairs);
        }
    }

    /** Every line of a file of every kind of record, looked at as the validator does. */
    @Group
    class Lines implements MutatedInputContract {
        @Override
        public Map<String, byte[]> seed() throws IOException {
            FuzzSeeds.Slice s = FuzzSeeds.slice();
            List<Object> all = new java.util.ArrayList<>(s.documents());
            all.addAll(s.annotationList());
            all.addAll(s.contradictions());
            all.addAll(s.nli());
            return Map.of("all.jsonl", FuzzSeeds.jsonl(all));
        }

        @Override
        public void readAndCheck(Path dir) throws IOException {
            try (JsonlLines lines = JsonlLines.open(dir.resolve("all.jsonl"))) {
                long n = 0;
                while (lines.next()) {
                    assertThat(lines.lineNumber()).isEqualTo(++n);
                    lines.checkUtf8();
                    if (!lines.isBlank()) {
                        assertThat(lines.parse()).isNotNull();
                    }
                }
            }
        }
    }
}
