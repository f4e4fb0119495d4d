package org.corpusbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.schema.CorpusValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseBuilderTest {

    static final Path MINI = Path.of("src/test/resources/org/corpusbench/dataset/mini");

    @TempDir
    Path tmp;

    private Path copySource() throws IOException {
        return ReleaseCopies.copyTree(MINI.resolve("source"), tmp.resolve("source"));
    }

    /** Issue 12: a release folder gets the umask's permissions, like any folder the user makes (was 0700). */
    @Test
    void aReleaseFolderFollowsTheUmask() throws IOException {
        Path dir = ReleaseBuilder.build(MINI.resolve("source"), MINI.resolve("seeds"), tmp.resolve("r")).directory();
        Path plain = Files.createDirectory(tmp.resolve("plain"));
        Path plainFile = Files.createFile(tmp.resolve("plain.txt"));
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.getPosixFilePermissions(dir.resolve("manifest.json")))
                .isEqualTo(Files.getPosixFilePermissions(plainFile));
    }

    @Test
    void buildingTwiceGivesByteIdenticalFiles() throws IOException {
        ReleaseBuilder.Result a = ReleaseBuilder.build(MINI.resolve("source"), MINI.resolve("seeds"), tmp.resolve("a"));
        ReleaseBuilder.Result b = ReleaseBuilder.build(MINI.resolve("source"), MINI.resolve("seeds"), tmp.resolve("b"));
        assertThat(a.outcome()).isEqualTo(ReleaseBuilder.Outcome.CREATED);
        List<String> names = List.of("documents.jsonl", "annotations.jsonl", "contradictions.jsonl", "nli.jsonl",
                "manifest.json", "README.md", "CHANGELOG.md", "croissant.json");
        for (String n : names) {
            assertThat(Files.readAllBytes(b.directory().resolve(n))).as(n)
                    .isEqualTo(Files.readAllBytes(a.directory().resolve(n)));
        }
        assertThat(a.manifest().fingerprint()).isEqualTo(b.manifest().fingerprint());
        ReleaseBuilder.Result again = ReleaseBuilder.build(MINI.resolve("source"), MINI.resolve("seeds"),
                tmp.resolve("a"));
        assertThat(again.outcome()).isEqualTo(ReleaseBuilder.Outcome.UNCHANGED);
    }

    @Test
    void releaseValidatesAndOpens() throws IOException {
        Path dir = ReleaseBuilder.build(MINI.resolve("source"), MINI.resolve("seeds"), tmp.resolve("r")).directory();
        assertThat(CorpusValidator.validate(List.of(dir), CorpusValidator.Role.GOLD)).isEmpty();
        Dataset ds = Dataset.open(dir);
        assertThat(ds.name()).isEqualTo("mini");
        assertThat(ds.version()).isEqualTo("1.0.0");
        assertThat(ds.documentsById()).containsOnlyKeys("a", "b");
        DocumentAnnotations a = ds.annotationsById().get("a");
        assertThat(a.entities()).extracting(e -> e.span().text()).containsExactly("Minsk", "Oreshnik", "Lukashenko");
        assertThat(ds.contradictionList()).hasSize(1);
        assertThat(ds.nliPairList().get(0).premise().text()).contains("\uD83D\uDE80");
        assertThat(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8)).contains("# mini 1.0.0",
                "total (2 documents)");
        assertThat(ds.manifest().files()).extracting(Manifest.FileEntry::path).contains("croissant.json");
    }

    @Test
    void openingAReleaseWithAChangedFileNamesTheFile() throws IOException {
        Path dir = ReleaseBuilder.build(MINI.resolve("source"), MINI.resolve("seeds"), tmp.resolve("r")).directory();
        Files.writeString(dir.resolve("nli.jsonl"), "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Dataset.open(dir)).isInstanceOf(CorpusFormatException.class)
                .hasMessageStartingWith(dir.resolve("nli.jsonl") + ": checksum differs from the manifest: found SHA-256 ");
    }

    @Test
    void aDifferentBuildOfAnExistingVersionIsRefused() throws IOException {
        Path src = copySource();
        Path out = tmp.resolve("out");
        ReleaseBuilder.build(src, MINI.resolve("seeds"), out);
        Files.writeString(src.resolve("card/CHANGELOG.md"), "# changed\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReleaseBuilder.build(src, MINI.resolve("seeds"), out))
                .hasMessageContaining("already exists with different content; released versions are immutable");
    }

    @Test
    void diffListsAddedRemovedAndChangedAnnotations() throws IOException {
        Path src = copySource();
        Path v1 = ReleaseBuilder.build(src, MINI.resolve("seeds"), tmp.resolve("v1")).directory();
        Path tsv = src.resolve("gold/entities.tsv");
        String gold = Files.readString(tsv, StandardCharsets.UTF_8)
                .replace("a\t0\t5\tMinsk\tGPE\tminsk\n", "")
                .replace("b\t12\t19\tBelarus\tGPE\tbelarus", "b\t12\t19\tBelarus\tORG\tbelarus");
        Files.writeString(tsv, gold, StandardCharsets.UTF_8);
        Path v2 = ReleaseBuilder.build(src, MINI.resolve("seeds"), tmp.resolve("v2")).directory();
        List<String> changes = ReleaseDiff.diff(Dataset.open(v1), Dataset.open(v2)).stream()
                .map(ReleaseDiff.Change::toString).toList();
        assertThat(changes).containsExactly(
                "entities - a:0-5 'Minsk' GPE minsk",
                "entities ~ b:12-19 'Belarus' GPE belarus -> 'Belarus' ORG belarus");
    }

    /**
     * diff saw a TIMEX3 by its text, type, value and mod only, so a changed tid, quant or freq was "no
     * differences" (exit 0); and it sorted span keys as text, so b:9-12 came after b:10-12. Both fixed.
     */
    @Test
    void diffSeesEveryTimexAttributeAndOrdersSpansByOffset() throws IOException {
        Path src = copySource();
        Path v1 = ReleaseBuilder.build(src, MINI.resolve("seeds"), tmp.resolve("v1")).directory();
        Path tsv = src.resolve("gold/timexes.tsv");
        Files.writeString(tsv, Files.readString(tsv, StandardCharsets.UTF_8)
                .replace("a\tt1\t40\t48\tDecember\tDATE\tXXXX-12\t\t\t", "a\tt7\t40\t48\tDecember\tDATE\tXXXX-12\t\t\t"),
                StandardCharsets.UTF_8);
        Path v2 = ReleaseBuilder.build(src, MINI.resolve("seeds"), tmp.resolve("v2")).directory();
        assertThat(ReleaseDiff.diff(Dataset.open(v1), Dataset.open(v2)).stream().map(ReleaseDiff.Change::toString))
                .containsExactly("timexes ~ a:40-48 'December' DATE XXXX-12 tid=t1 -> 'December' DATE XXXX-12 tid=t7");
        assertThat(java.util.stream.Stream.of("b:10-12", "a:5-6", "b:9-12", "b:9-10", "c1", "b:100-101")
                .sorted(ReleaseDiff.KEY_ORDER)).containsExactly("a:5-6", "b:9-10", "b:9-12", "b:10-12", "b:100-101",
                "c1");
    }

    /**
     * A bad offset in the gold sources is named by its own column: an entity's end was reported as "start"
     * (the column numbers of the TIMEX3 table were used for both tables), and a negative start as "end".
     */
    @Test
    void aBadOffsetInTheGoldSourcesIsNamedByItsColumn() throws IOException {
        String[][] cases = {{"gold/entities.tsv", "a\t0\t5\tMinsk", "a\t0\tfive\tMinsk", ":2: end: "},
            {"gold/entities.tsv", "a\t0\t5\tMinsk", "a\tzero\t5\tMinsk", ":2: start: "},
            {"gold/entities.tsv", "a\t0\t5\tMinsk", "a\t-1\t5\tMinsk", ":2: start: "},
            {"gold/timexes.tsv", "a\tt1\t40\t48", "a\tt1\t40\tx48", ":2: end: "}};
        int n = 0;
        for (String[] c : cases) {
            Path src = ReleaseCopies.copyTree(MINI.resolve("source"), tmp.resolve("source" + n));
            Path file = src.resolve(c[0]);
            String before = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(before).contains(c[1]);
            Files.writeString(file, before.replace(c[1], c[2]), StandardCharsets.UTF_8);
            Path out = tmp.resolve("bad" + n++);
            assertThatThrownBy(() -> ReleaseBuilder.build(src, MINI.resolve("seeds"), out)).as(c[2])
                    .hasMessageContaining(file + c[3]);
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void goldSourceErrorsNameFileLineAndField() throws IOException {
        Path src = copySource();
        Path tsv = src.resolve("gold/entities.tsv");
        Files.writeString(tsv, Files.readString(tsv, StandardCharsets.UTF_8).replace("Lukashenko\tPERSON",
                "Lukashenk\tPERSON"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReleaseBuilder.build(src, MINI.resolve("seeds"), tmp.resolve("x")))
                .hasMessage(tsv + ":4: text: 'Lukashenk' does not match the text at [21,31), which is 'Lukashenko' "
                        + "(offsets count code points)");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void aGoldMentionWithoutEntityIdIsRefused() throws IOException {
        Path src = copySource();
        Path tsv = src.resolve("gold/entities.tsv");
        Files.writeString(tsv, Files.readString(tsv, StandardCharsets.UTF_8).replace("a\t0\t5\tMinsk\tGPE\tminsk",
                "a\t0\t5\tMinsk\tGPE\t"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReleaseBuilder.build(src, MINI.resolve("seeds"), tmp.resolve("x")))
                .hasMessageContaining(tsv + ":2: entity_id: empty; every gold mention of a corpusbench dataset links "
                        + "to its entity");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    /** Issue 12 (a careless user's review): build refuses gold that verify would refuse, and writes nothing. */
    @Test
    void aReleaseThatWouldNotValidateIsNeitherWrittenNorRecorded() throws IOException {
        Path src = copySource();
        Path entities = src.resolve("gold/entities.tsv");
        Files.writeString(entities, Files.readString(entities).replace("\tGPE\tminsk", "\tCOUNTRY\tminsk"));
        assertThatThrownBy(() -> ReleaseBuilder.build(src, MINI.resolve("seeds"), null))
                .isInstanceOf(org.corpusbench.diagnostic.InvalidInputException.class)
                .hasMessageContaining("unknown entity type 'COUNTRY'").hasMessageContaining("in the release mini 1.0.0");
        try (var s = Files.list(src)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("card", "dataset.json", "gold");
        }
    }

    @Test
    void aVersionThatIsNotMajorMinorPatchIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path src = copySource();
        for (String v : new String[] {"../escape", "1.0", "/tmp/abs", "v2.0.0"}) {
            Files.writeString(src.resolve("dataset.json"), Files.readString(MINI.resolve("source/dataset.json"))
                    .replace("\"1.0.0\"", "\"" + v + "\""));
            assertThatThrownBy(() -> ReleaseBuilder.build(src, MINI.resolve("seeds"), null))
                    .isInstanceOf(org.corpusbench.diagnostic.CorpusFormatException.class)
                    .hasMessageContaining("dataset.json: version: '" + v + "' is not a version");
        }
        assertThat(tmp.resolve("escape")).doesNotExist();
    }

    @Test
    void anExistingEmptyFolderIsBuiltInto() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("empty"));
        ReleaseBuilder.Result r = ReleaseBuilder.build(MINI.resolve("source"), MINI.resolve("seeds"), out);
        assertThat(r.outcome()).isEqualTo(ReleaseBuilder.Outcome.CREATED);
        assertThat(out.resolve("manifest.json")).exists();
    }
}
