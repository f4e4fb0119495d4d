package org.corpusbench.schema;

import org.corpusbench.diagnostic.Diagnostic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.ValidResults;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.model.Document;

/**
 * Gold files changed byte by byte (issue 12, item 8): the validator never throws, locates every problem in a
 * file of the input, and when it finds none the files read as valid records whose spans are their
 * documents' text; so every damage the readers would refuse, the validator reports.
 */
class CorpusValidatorMutationTest implements MutatedInputContract {

    @Override
    public Map<String, byte[]> seed() throws IOException {
        FuzzSeeds.Slice s = FuzzSeeds.slice();
        return Map.of("documents.jsonl", FuzzSeeds.jsonl(s.documents()),
                "annotations.jsonl", FuzzSeeds.jsonl(s.annotationList()),
                "contradictions.jsonl", FuzzSeeds.jsonl(s.contradictions()),
                "nli.jsonl", FuzzSeeds.jsonl(s.nli()));
    }

    @Override
    public void readAndCheck(Path dir) throws IOException {
        List<Diagnostic> found = CorpusValidator.validate(List.of(dir), CorpusValidator.Role.GOLD);
        for (Diagnostic d : found) {
            assertThat(d.location().file()).as(d.toString()).startsWith(dir.toString());
            // a file with no record at all is the one error about a whole JSONL file, with no line to name
            if (d.isError() && d.location().file().endsWith(".jsonl") && !d.message().equals(CorpusValidator.EMPTY_FILE)) {
                assertThat(d.location().line()).as(d.toString()).isPositive();
            }
        }
        if (found.stream().anyMatch(Diagnostic::isError)) {
            return;
        }
        try {
            Map<String, Document> docs = ValidResults.documents(read(dir, "documents.jsonl", JsonlReader::documents));
            ValidResults.annotations(docs, read(dir, "annotations.jsonl", JsonlReader::annotations));
            ValidResults.contradictions(docs, read(dir, "contradictions.jsonl", JsonlReader::contradictions));
            ValidResults.nli(docs, read(dir, "nli.jsonl", JsonlReader::nliPairs));
        } catch (IOException | RuntimeException | AssertionError e) {
            throw new AssertionError("the validator found nothing wrong (" + found + ") but: " + e, e);
        }
    }

    private static <T> List<T> read(Path dir, String name, TempFilesStream<T> open) throws IOException {
        return MutatedInputContract.unwrap(p -> {
            try (Stream<T> s = open.apply(p)) {
                return s.toList();
            }
        }, dir.resolve(name));
    }

    /** A reader that returns a stream. */
    @FunctionalInterface
    interface TempFilesStream<T> {
        Stream<T> apply(Path p) throws IOException;
    }
}
