package org.corpusbench.format.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.corpusbench.dataset.Dataset;
import org.corpusbench.format.Corpus;
import org.corpusbench.format.Corpus.Layer;
import org.corpusbench.model.DocumentAnnotations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format behind one interface (issue 13): what a format holds, it reads back as it was written. */
class CorpusFormatTest {

    @TempDir
    Path tmp;

    static Corpus release() throws IOException {
        Dataset d = Dataset.open(Path.of("datasets/oreshnik-reports/1.0.1"));
        return new Corpus(List.copyOf(d.documentsById().values()), d.annotationsById(), d.contradictionList(),
                d.nliPairList());
    }

    private static WriteOptions options() {
        return WriteOptions.english("oreshnik");
    }

    private Corpus roundTrip(CorpusFormat f, Corpus c) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(f.wireName()));
        f.write(c, dir, options());
        Path in = switch (f) {
            case CONLL -> dir.resolve("oreshnik.conll");
            case NLI -> dir.resolve("oreshnik-nli.jsonl");
            case LABELSTUDIO -> dir.resolve("oreshnik-labelstudio.json");
            case DOCCANO -> dir.resolve("oreshnik-doccano.jsonl");
            default -> dir;
        };
        return f.read(in, ReadOptions.defaults()).corpus();
    }

    @Test
    void theLayersAFormatHoldsComeBackAsTheyWereWritten() throws IOException {
        Corpus c = release();
        for (CorpusFormat f : new CorpusFormat[] {CorpusFormat.BRAT, CorpusFormat.CSV, CorpusFormat.HF}) {
            Corpus back = roundTrip(f, c);
            assertThat(back.documents().stream().map(d -> d.text()).toList()).as(f.wireName())
                    .isEqualTo(c.documents().stream().map(d -> d.text()).toList());
            for (Map.Entry<String, DocumentAnnotations> e : c.annotations().entrySet()) {
                DocumentAnnotations b = back.annotations().get(e.getKey());
                assertThat(b.entities()).as(f + " " + e.getKey()).isEqualTo(e.getValue().entities());
                // CSV keeps a TIMEX3's span, type, value and mod only (docs/formats.md)
                assertThat(b.timexes().stream().map(CorpusFormatTest::kept).toList()).as(f + " " + e.getKey())
                        .isEqualTo(e.getValue().timexes().stream().map(CorpusFormatTest::kept).toList());
                if (f != CorpusFormat.CSV) {
                    assertThat(b.timexes()).as(f + " " + e.getKey()).isEqualTo(e.getValue().timexes());
                }
            }
            if (f.holds().contains(Layer.CONTRADICTIONS)) {
                assertThat(back.contradictions()).as(f.wireName()).containsExactlyInAnyOrderElementsOf(c.contradictions());
            }
        }
        // the annotation tools' formats hold the documents and their entity mentions, ids included in WebAnno
        for (CorpusFormat f : new CorpusFormat[] {CorpusFormat.WEBANNO, CorpusFormat.LABELSTUDIO,
            CorpusFormat.DOCCANO}) {
            Corpus back = roundTrip(f, c);
            assertThat(back.documents().stream().map(d -> d.id() + d.text()).toList()).as(f.wireName())
                    .isEqualTo(c.documents().stream().map(d -> d.id() + d.text()).toList());
            c.annotations().forEach((id, a) -> assertThat(back.annotations().get(id).entities().stream()
                    .map(e -> List.of(e.span(), e.type())).toList()).as(f + " " + id)
                    .isEqualTo(a.entities().stream().map(e -> List.of(e.span(), e.type())).toList()));
            assertThat(f.losses(c)).containsOnlyKeys(Layer.DATES, Layer.CONTRADICTIONS, Layer.NLI);
        }
        assertThat(roundTrip(CorpusFormat.WEBANNO, c).annotations()).isEqualTo(c.annotations().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> new DocumentAnnotations(e.getKey(), e.getValue().entities(), List.of()))));
        assertThat(roundTrip(CorpusFormat.NLI, c).nliPairs().stream().map(p -> p.label()).toList())
                .isEqualTo(c.nliPairs().stream().map(p -> p.label()).toList());
        Corpus timeml = roundTrip(CorpusFormat.TIMEML, c);
        c.annotations().forEach((id, a) -> assertThat(timeml.annotations().get(id).timexes()).as(id)
                .isEqualTo(a.timexes()));
    }

    private static List<Object> kept(org.corpusbench.model.Timex3 t) {
        return java.util.Arrays.asList(t.span(), t.type(), t.value(), t.mod());
    }

    @Test
    void lossesNameWhatAFormatCannotHoldWithItsCount() throws IOException {
        Corpus c = release();
        // 1.0.1: 227 entity mentions, 24 dates, 19 contradictions, 65 NLI pairs (the release's stats)
        assertThat(CorpusFormat.CSV.losses(c)).isEmpty();
        assertThat(CorpusFormat.NLI.losses(c)).containsOnlyKeys(Layer.ENTITIES, Layer.DATES, Layer.CONTRADICTIONS);
        assertThat(CorpusFormat.CONLL.losses(c)).containsEntry(Layer.DATES, c.count(Layer.DATES))
                .containsEntry(Layer.CONTRADICTIONS, 19L).containsEntry(Layer.NLI, 65L)
                .doesNotContainKey(Layer.ENTITIES);
        assertThat(CorpusFormat.TIMEML.losses(c).keySet()).containsExactly(Layer.ENTITIES, Layer.CONTRADICTIONS,
                Layer.NLI);
    }

    @Test
    void namesAreCaseInsensitiveAndListedInOrder() {
        assertThat(CorpusFormat.parse("CoNLL")).isEqualTo(CorpusFormat.CONLL);
        assertThat(CorpusFormat.parse("SNLI")).isEqualTo(CorpusFormat.NLI);
        assertThat(CorpusFormat.parse("jsonl")).isNull();
        assertThat(CorpusFormat.names())
                .isEqualTo("conll, brat, csv, hf, timeml, nli, webanno, labelstudio or doccano");
    }
}
