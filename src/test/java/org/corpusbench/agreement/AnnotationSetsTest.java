package org.corpusbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.internal.Hashes;
import org.corpusbench.diagnostic.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading annotation sets of every kind, and refusing sets that are not of the same documents. */
class AnnotationSetsTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.1.0");
    static final Path GOLD_SOURCES = Path.of("datasets/oreshnik-reports/gold");
    static final Path SEEDS = Path.of("seeds");

    @TempDir
    Path tmp;

    private static String doc(String id, String text) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"sha256\":\"" + Hashes.sha256(text) + "\"}\n";
    }

    private static String ann(String id, String entities) {
        return "{\"doc_id\":\"" + id + "\",\"entities\":[" + entities + "],\"timexes\":[]}\n";
    }

    private static final String MOSCOW = "{\"start\":0,\"end\":6,\"text\":\"Moscow\",\"type\":\"GPE\",\"entity_id\":\"m\"}";

    @Test
    void theReleaseAndItsGoldSourcesHoldTheSameAnnotations() throws IOException {
        AnnotationSet release = AnnotationSets.read("A", RELEASE, null, null);
        AnnotationSet sources = AnnotationSets.read("B", GOLD_SOURCES, SEEDS, null);
        assertThat(release.kind()).isEqualTo(AnnotationSet.Kind.RELEASE);
        assertThat(release.dataset().version()).isEqualTo("1.1.0");
        assertThat(sources.kind()).isEqualTo(AnnotationSet.Kind.GOLD_SOURCES);
        assertThat(sources.documents().keySet()).isEqualTo(release.documents().keySet());
        assertThat(sources.annotations()).isEqualTo(release.annotations());
        assertThat(sources.contradictions()).isEqualTo(release.contradictions());
        assertThat(release.files()).extracting(f -> f.path().getFileName().toString())
                .contains("documents.jsonl", "annotations.jsonl", "manifest.json");
        assertThat(sources.files()).extracting(f -> f.path().getFileName().toString())
                .contains("entities.tsv", "timexes.tsv", "000_6e15c3caa4eb7126.txt");
        AnnotationSets.requireSameDocuments(List.of(release, sources));
    }

    @Test
    void anAnnotationsFileTakesItsDocumentsFromDocumentsOnlyWhenItHasNone() throws IOException {
        Path docs = tmp.resolve("documents.jsonl");
        Files.writeString(docs, doc("d1", "Moscow denied it."), StandardCharsets.UTF_8);
        Path alone = tmp.resolve("b.jsonl");
        Files.writeString(alone, ann("d1", MOSCOW), StandardCharsets.UTF_8);
        AnnotationSet b = AnnotationSets.read("B", alone, null, docs);
        assertThat(b.documents()).containsOnlyKeys("d1");
        assertThat(b.entityCount()).isEqualTo(1);
        Path both = tmp.resolve("c.jsonl");
        Files.writeString(both, doc("d1", "Moscow denied it.") + ann("d1", MOSCOW), StandardCharsets.UTF_8);
        assertThat(AnnotationSets.read("C", both, null, docs).files()).extracting(AnnotationSet.InputFile::path)
                .containsExactly(both);
    }

    @Test
    void anInvalidSetIsRefusedWithEveryProblem() throws IOException {
        Path f = tmp.resolve("bad.jsonl");
        Files.writeString(f, doc("d1", "Moscow denied it.") + ann("d1", MOSCOW.replace("Moscow", "Moscou")),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AnnotationSets.read("B", f, null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(f + ":2: entities[0].text:")
                .hasMessageContaining("in annotation set B (" + f + ")");
    }

    /**
     * Issue 17: sets whose documents differ in text, or that do not hold the same documents, are refused with
     * the record of each document concerned (file:line: field), all at once.
     */
    @Test
    void otherTextsOrOtherDocumentsAreRefused() throws IOException {
        Path a = tmp.resolve("a.jsonl");
        Files.writeString(a, doc("d1", "Moscow denied it.") + doc("d2", "Minsk agreed.") + ann("d1", MOSCOW),
                StandardCharsets.UTF_8);
        Path b = tmp.resolve("b.jsonl");
        Files.writeString(b, doc("d1", "Moscow denied it again.") + doc("d3", "Kyiv.") + ann("d1", MOSCOW),
                StandardCharsets.UTF_8);
        List<AnnotationSet> sets = List.of(AnnotationSets.read("A", a, null, null),
                AnnotationSets.read("B", b, null, null));
        assertThatThrownBy(() -> AnnotationSets.requireSameDocuments(sets)).isInstanceOfSatisfying(
                CorpusFormatProblems.class, e -> assertThat(e.problems()).extracting(CorpusFormatException::getMessage)
                        .containsExactly(
                                a + ":2: id: document 'd2' of annotation set A is not in annotation set B (" + b
                                        + "); expected every set to hold the same documents",
                                b + ":1: text: document 'd1' has a text of SHA-256 "
                                        + Hashes.sha256("Moscow denied it again.").substring(0, 12) + "… (23 code "
                                        + "points) in annotation set B, but "
                                        + Hashes.sha256("Moscow denied it.").substring(0, 12) + "… (17 code points) "
                                        + "in A (" + a + ":1); expected the same text in every set, since the "
                                        + "offsets point into it",
                                b + ":2: id: document 'd3' of annotation set B is not in annotation set A (" + a
                                        + "); expected every set to hold the same documents"));
    }
}
