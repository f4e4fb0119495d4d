package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: validate and stats check what they are given as every other reader does. */
class Issue12ValidateStatsTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");
    static final String DOC0 = "000_6e15c3caa4eb7126";

    @TempDir
    Path tmp;

    @Test
    void annotationsWithoutTheirDocumentsAreNotValid() throws IOException {
        CliTest.Run alone = CliTest.run("validate", RELEASE.resolve("annotations.jsonl").toString());
        assertThat(alone.code()).isEqualTo(1);
        assertThat(alone.err()).contains(RELEASE.resolve("annotations.jsonl") + ":1: no documents were given")
                .contains("1 problem found");
        Path empty = Files.writeString(tmp.resolve("documents.jsonl"), "");
        CliTest.Run withEmpty = CliTest.run("validate", empty.toString(), RELEASE.resolve("contradictions.jsonl")
                .toString());
        assertThat(withEmpty.code()).isEqualTo(1);
        assertThat(withEmpty.err()).contains("no documents were given");
        CliTest.Run predictions = CliTest.run("validate", "--predictions", RELEASE.resolve("annotations.jsonl")
                .toString());
        assertThat(predictions.code()).isEqualTo(1);
    }

    @Test
    void nliPairsWithoutDocumentIdsNeedNoDocuments() throws IOException {
        Path nli = Files.writeString(tmp.resolve("nli.jsonl"), "{\"id\":\"p1\",\"premise\":{\"text\":\"A dog runs.\"},"
                + "\"hypothesis\":{\"text\":\"An animal moves.\"},\"label\":\"entailment\"}\n", StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("validate", nli.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void theSameDocumentAnnotatedInTwoFilesIsADuplicate() throws IOException {
        Path docs = Files.copy(RELEASE.resolve("documents.jsonl"), tmp.resolve("documents.jsonl"));
        String first = Files.readAllLines(RELEASE.resolve("annotations.jsonl"), StandardCharsets.UTF_8).get(0);
        Path a = Files.writeString(tmp.resolve("a.jsonl"), first + "\n", StandardCharsets.UTF_8);
        Path b = Files.writeString(tmp.resolve("b.jsonl"), first + "\n", StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("validate", docs.toString(), a.toString(), b.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(b + ":1: doc_id: duplicate record for document '" + DOC0 + "'");
    }

    @Test
    void statsRefusesDuplicateAndUnknownRecordsInsteadOfCountingThem() throws IOException {
        Path docs = Files.copy(RELEASE.resolve("documents.jsonl"), tmp.resolve("documents.jsonl"));
        Files.writeString(docs, Files.readAllLines(docs, StandardCharsets.UTF_8).get(0) + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        CliTest.Run dup = CliTest.run("stats", docs.toString());
        assertThat(dup.code()).isEqualTo(1);
        assertThat(dup.err()).contains(docs + ":6: id: duplicate document id '" + DOC0 + "'", "1 problem in the input");
        assertThat(dup.out()).isEmpty();

        Path dir = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(RELEASE.resolve("documents.jsonl"), dir.resolve("documents.jsonl"));
        String ann = Files.readAllLines(RELEASE.resolve("annotations.jsonl"), StandardCharsets.UTF_8).get(0);
        Files.writeString(dir.resolve("annotations.jsonl"), ann + "\n" + ann.replace(DOC0, "ghost") + "\n",
                StandardCharsets.UTF_8);
        CliTest.Run unknown = CliTest.run("stats", dir.toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains(dir.resolve("annotations.jsonl") + ":2: doc_id: unknown document 'ghost'");
    }

    @Test
    void statsTotalsAgreeOnAValidCorpus() {
        CliTest.Run r = CliTest.run("stats", RELEASE.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        String docTotal = lines.stream().filter(l -> l.contains("total (5 documents)")).findFirst().orElseThrow();
        String[] cells = docTotal.strip().split("\\s+");
        long entities = Long.parseLong(cells[cells.length - 2]);
        int typeSection = lines.indexOf(lines.stream().filter(l -> l.contains("entity type")).findFirst().orElseThrow());
        String typeTotal = lines.subList(typeSection, lines.size()).stream().filter(l -> l.startsWith("total "))
                .findFirst().orElseThrow();
        assertThat(Long.parseLong(typeTotal.substring(5).strip())).isEqualTo(entities).isEqualTo(227);
    }

    @Test
    void statsRefusesAReleaseWithFilesItsManifestDoesNotList() throws IOException {
        Path copy = org.corpusbench.dataset.ReleaseCopies.copy(RELEASE, tmp.resolve("1.0.1"));
        // a valid document of its own: without the manifest check, stats would count six documents
        Files.writeString(copy.resolve("extra.jsonl"), "{\"id\":\"extra\",\"text\":\"x\",\"sha256\":\""
                + org.corpusbench.internal.Hashes.sha256("x") + "\"}\n", StandardCharsets.UTF_8);
        CliTest.Run r = CliTest.run("stats", copy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("extra.jsonl", "manifest does not list");
        assertThat(r.out()).isEmpty();
    }
}
