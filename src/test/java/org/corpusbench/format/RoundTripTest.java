package org.corpusbench.format;

import org.corpusbench.diagnostic.CorpusFormatException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.ModelArbitraries;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.format.brat.Brat;
import org.corpusbench.format.conll.Conll;
import org.corpusbench.format.csv.CsvLayers;
import org.corpusbench.format.hf.HuggingFace;
import org.corpusbench.format.nli.SnliJsonl;
import org.corpusbench.format.timeml.TimemlReader;
import org.corpusbench.format.timeml.TimemlWriter;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Span;

/**
 * Export then import gives back equal annotations, for every format and every layer it can hold, over
 * generated documents with astral characters, quotes, commas, tabs, CR and LF (see TestTexts).
 */
class RoundTripTest {

    /** A generated document with its layers. */
    record Sample(Document doc, DocumentAnnotations annotations, List<Contradiction> contradictions,
                  List<NliPair> nli) {
    }

    @Provide
    Arbitrary<Sample> samples() {
        return ModelArbitraries.documents().filter(d -> !d.text().isEmpty()).flatMap(d -> Combinators.combine(
                ModelArbitraries.annotations(d), ModelArbitraries.contradictions(d, d).list().ofMaxSize(3)
                        .uniqueElements(Contradiction::id), ModelArbitraries.nliPairs(d).list().ofMaxSize(3)
                        .uniqueElements(NliPair::id))
                .as((a, c, n) -> new Sample(d, a, c, n)));
    }

    private static Path tempDir() throws IOException {
        return Files.createTempDirectory("corpusbench-roundtrip");
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property
    void csvLayers(@ForAll("samples") Sample s) throws IOException {
        Path dir = tempDir();
        try {
            CsvLayers.write(dir, List.of(s.annotations()), s.contradictions(), s.nli());
            Corpus back = CsvLayers.read(dir);
            DocumentAnnotations a = back.annotations().getOrDefault(s.doc().id(), DocumentAnnotations.empty(s.doc().id()));
            assertThat(a).isEqualTo(s.annotations());
            assertThat(back.contradictions()).isEqualTo(s.contradictions());
            // nli.csv has exactly id, premise, hypothesis, label: the sources are not part of it (docs/formats.md)
            assertThat(back.nliPairs()).extracting(NliPair::id, p -> p.premise().text(), p -> p.hypothesis().text(),
                    NliPair::label).isEqualTo(s.nli().stream().map(p -> net.jqwik.api.Tuple.of(p.id(),
                    p.premise().text(), p.hypothesis().text(), p.label())).map(t -> org.assertj.core.groups.Tuple.tuple(
                    t.get1(), t.get2(), t.get3(), t.get4())).toList());
        } finally {
            delete(dir);
        }
    }

    @Property
    void snliJsonl(@ForAll("samples") Sample s) throws IOException {
        Path dir = tempDir();
        try {
            Path f = dir.resolve("nli.jsonl");
            SnliJsonl.write(f, s.nli());
            SnliJsonl.Read back = SnliJsonl.read(f);
            assertThat(back.pairs()).isEqualTo(s.nli());
            assertThat(back.unlabelled()).isZero();
        } finally {
            delete(dir);
        }
    }

    @Property
    void brat(@ForAll("samples") Sample s) throws IOException {
        Assume.that(allSpans(s).stream().allMatch(sp -> sp.text().codePoints().anyMatch(c -> c != '\n' && c != '\r')));
        Path dir = tempDir();
        try {
            Brat.write(dir, List.of(s.doc()), Map.of(s.doc().id(), s.annotations()), s.contradictions());
            Corpus back = Brat.read(dir);
            assertThat(back.documents()).extracting(Document::id, Document::text)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(s.doc().id(), s.doc().text()));
            assertThat(back.annotations().get(s.doc().id())).isEqualTo(s.annotations());
            assertThat(back.contradictions()).isEqualTo(s.contradictions());
        } finally {
            delete(dir);
        }
    }

    private static List<Span> allSpans(Sample s) {
        List<Span> out = new ArrayList<>();
        s.annotations().entities().forEach(e -> out.add(e.span()));
        s.annotations().timexes().forEach(t -> out.add(t.span()));
        s.contradictions().forEach(c -> {
            out.add(c.a().span());
            out.add(c.b().span());
        });
        return out;
    }

    @Property
    void timeml(@ForAll("samples") Sample s) throws IOException {
        Path dir = tempDir();
        try {
            Path f = dir.resolve(s.doc().id() + ".tml");
            TimemlWriter.write(f, s.doc(), s.annotations().timexes(), java.time.LocalDate.of(2024, 12, 6));
            TimemlReader.TimemlDocument back = TimemlReader.read(f);
            assertThat(back.document().text()).isEqualTo(s.doc().text());
            assertThat(back.annotations().timexes()).isEqualTo(s.annotations().timexes());
            assertThat(back.creationDate()).isEqualTo(java.time.LocalDate.of(2024, 12, 6));
        } finally {
            delete(dir);
        }
    }

    @Property
    void huggingFaceDocuments(@ForAll("samples") Sample s) throws IOException {
        Path dir = tempDir();
        try {
            HuggingFace.write(dir, List.of(s.doc()), d -> whitespaceTokens(d.text()), Map.of(s.doc().id(), s.annotations()),
                    "test");
            Corpus back = HuggingFace.read(dir.resolve(HuggingFace.DOCUMENTS));
            assertThat(back.documents()).extracting(Document::id, Document::text, Document::title)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(s.doc().id(), s.doc().text(), s.doc().title()));
            assertThat(back.annotations().get(s.doc().id())).isEqualTo(s.annotations());
            assertThat(Files.readString(dir.resolve("README.md"))).contains("class_label:", "'0': O");
        } finally {
            delete(dir);
        }
    }

    /** Sentences are lines; tokens are runs of characters other than white space. */
    static List<List<Span>> whitespaceTokens(String text) {
        return org.corpusbench.FuzzSeeds.whitespaceTokens(text);
    }

    @Provide
    Arbitrary<List<String>> tokenLines() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
                .ofMaxLength(5), Arbitraries.of("\uD83D\uDE80", "'s", ",", "\"", "Лукашенко", "e\u0301"));
        return token.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join(" ", l)).list().ofMinSize(1).ofMaxSize(4);
    }

    /** CoNLL holds tokens, sentences and typed chunks: those come back; spacing and ids do not (docs/formats.md). */
    @Property
    void conllChunks(@ForAll("tokenLines") List<String> lines, @ForAll("schemes") TagScheme scheme,
                     @ForAll long seed) throws IOException {
        String text = String.join("\n", lines);
        Document d = Document.of("doc", text, null);
        List<List<Span>> sentences = whitespaceTokens(text);
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        List<EntityMention> entities = new ArrayList<>();
        for (List<Span> sentence : sentences) {
            int i = 0;
            while (i < sentence.size()) {
                int len = 1 + r.nextInt(3);
                if (r.nextBoolean() && i + len <= sentence.size()) {
                    entities.add(new EntityMention(Span.of(text, sentence.get(i).start(), sentence.get(i + len - 1).end()),
                            r.nextBoolean() ? "PER" : "LOC", null));
                    i += len;
                } else {
                    i++;
                }
            }
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Conll.Export e = Conll.write(bytes, List.of(d), x -> sentences,
                Map.of("doc", new DocumentAnnotations("doc", entities, List.of())), scheme, t -> t);
        assertThat(e.misaligned()).isEmpty();
        Path dir = tempDir();
        try {
            Path f = dir.resolve("x.conll");
            Files.write(f, bytes.toByteArray());
            Corpus back = Conll.read(f, scheme);
            assertThat(back.documents()).hasSize(1);
            assertThat(back.annotations().get("x-1").entities()).extracting(m -> m.span().text(), EntityMention::type)
                    .containsExactlyElementsOf(entities.stream().map(m -> org.assertj.core.groups.Tuple.tuple(
                            m.span().text().replaceAll("\\s+", " "), m.type())).toList());
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<TagScheme> schemes() {
        return Arbitraries.of(TagScheme.IOB2, TagScheme.IOB1, TagScheme.IOBES);
    }

    @org.junit.jupiter.api.Test
    void documentIdsNeverBecomePathsOutsideTheOutputDirectory() throws IOException {
        Path dir = tempDir();
        try {
            for (String id : new String[] {"../x", "..", "a/b", "/etc/passwd", ".hidden", "a\\b", ""}) {
                Document d = Document.of(id.isEmpty() ? "x" : id, "text", null);
                assertThatThrownBy(() -> OutputNames.file(dir, id, ".txt")).isInstanceOf(CorpusFormatException.class)
                        .hasMessageContaining("cannot be a file name");
                assertThat(d.id()).isNotNull();
            }
            assertThat(OutputNames.file(dir, "000_6e15c3caa4eb7126", ".ann"))
                    .isEqualTo(dir.toAbsolutePath().normalize().resolve("000_6e15c3caa4eb7126.ann"));
            assertThatThrownBy(() -> Brat.write(dir, List.of(Document.of("../escape", "text", null)), Map.of(), List.of()))
                    .hasMessageContaining("'../escape' cannot be a file name");
            try (Stream<Path> s = Files.list(dir.getParent())) {
                assertThat(s.filter(p -> p.getFileName().toString().startsWith("escape"))).isEmpty();
            }
        } finally {
            delete(dir);
        }
    }
}
