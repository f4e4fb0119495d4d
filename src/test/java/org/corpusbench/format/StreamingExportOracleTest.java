package org.corpusbench.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.TestTexts;
import org.corpusbench.text.EnglishSplitter;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.format.conll.Conll;
import org.corpusbench.format.conll.ReferenceConllRenderer;
import org.corpusbench.format.conll.ReferenceConllRenderer.TokenizedDocument;
import org.corpusbench.format.hf.HuggingFace;
import org.corpusbench.format.hf.ReferenceHfTokens;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;
import org.corpusbench.schema.EntityTypes;

/**
 * The streaming {@code conll} and {@code hf} exports (issue 12: one document at a time instead of the whole
 * corpus in memory) against the whole-string rendering they replaced, kept as the oracle in
 * {@link ReferenceConllRenderer} and {@link ReferenceHfTokens}: the same bytes, figures and misaligned
 * mentions, or the same error, on generated documents (astral characters, lone surrogates, empty sentences,
 * overlapping entities, spans off token boundaries) and on the release.
 */
class StreamingExportOracleTest {

    /** Documents, the sentences a tokenizer gives each (by position) and the gold layers by id. */
    record Corpus(List<Document> documents, List<List<List<Span>>> sentences, Map<String, DocumentAnnotations> gold) {

        Conll.Tokenizer tokenizer() {
            return d -> sentences.get(documents.indexOf(d));
        }

        List<TokenizedDocument> tokenized() {
            List<TokenizedDocument> out = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                out.add(new TokenizedDocument(documents.get(i), sentences.get(i)));
            }
            return out;
        }
    }

    private static Arbitrary<String> texts(boolean docstart) {
        Arbitrary<String> extra = docstart ? Arbitraries.of("\uD800", "\uDFFF", "-DOCSTART-", "B-PER", "\u00A0")
                : Arbitraries.of("\uD800", "\uDFFF", "B-PER", "\u00A0");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, TestTexts.awkwardPieces()), net.jqwik.api.Tuple.of(1, extra))
                .list().ofMaxSize(60).map(l -> String.join("", l));
    }

    /** A text's tokens and entities, drawn from {@code seed}; see {@link #corpus}. */
    private static Corpus corpus(List<String> texts, long seed, boolean whiteSpaceTokens) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Document> docs = new ArrayList<>();
        List<List<List<Span>>> sentences = new ArrayList<>();
        Map<String, DocumentAnnotations> gold = new LinkedHashMap<>();
        for (int d = 0; d < texts.size(); d++) {
            String text = texts.get(d);
            Document doc = Document.of("d" + d, text, null);
            List<List<Span>> ss = tokenize(text, r, whiteSpaceTokens);
            docs.add(doc);
            sentences.add(ss);
            if (r.nextInt(5) > 0) {
                gold.put(doc.id(), new DocumentAnnotations(doc.id(), entities(text, ss, r), List.of()));
            }
        }
        return new Corpus(docs, sentences, gold);
    }

    /**
     * Sentences end at line breaks and at random tokens; tokens are runs of non-white-space code points cut at
     * random points; now and then a sentence is empty, or (when asked) a token takes in a white space.
     */
    private static List<List<Span>> tokenize(String text, SplittableRandom r, boolean whiteSpaceTokens) {
        int[] cps = text.codePoints().toArray();
        List<List<Span>> out = new ArrayList<>();
        List<Span> current = new ArrayList<>();
        int i = 0;
        while (i < cps.length) {
            if (cps[i] == '\n' || Character.isWhitespace(cps[i]) && !(whiteSpaceTokens && r.nextInt(30) == 0)) {
                if (cps[i] == '\n' && (!current.isEmpty() || r.nextInt(10) == 0)) {
                    out.add(current);
                    current = new ArrayList<>();
                }
                i++;
                continue;
            }
            int start = i++;
            while (i < cps.length && !Character.isWhitespace(cps[i]) && r.nextInt(4) > 0) {
                i++;
            }
            current.add(Span.of(text, start, i));
            if (r.nextInt(8) == 0) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** Chunks of 1 to 3 tokens of a sentence (overlapping, nested, adjacent), and spans anywhere. */
    private static List<EntityMention> entities(String text, List<List<Span>> sentences, SplittableRandom r) {
        String[] types = {"PER", "LOC", "ORG", "GPE", "NORP"};
        List<EntityMention> out = new ArrayList<>();
        for (List<Span> s : sentences) {
            for (int k = r.nextInt(4); k > 0 && !s.isEmpty(); k--) {
                int first = r.nextInt(s.size());
                int last = Math.min(s.size() - 1, first + r.nextInt(3));
                out.add(new EntityMention(Span.of(text, s.get(first).start(), s.get(last).end()),
                        types[r.nextInt(types.length)], null));
            }
        }
        int n = text.codePointCount(0, text.length());
        for (int k = r.nextInt(4); k > 0; k--) {
            int a = r.nextInt(n + 1);
            int b = r.nextInt(n + 1);
            out.add(new EntityMention(Span.of(text, Math.min(a, b), Math.max(a, b)), types[r.nextInt(types.length)], null));
        }
        return out;
    }

    @Provide
    Arbitrary<Corpus> corpora() {
        return Combinators.combine(texts(true).list().ofMaxSize(5), Arbitraries.longs(), Arbitraries.of(false, true))
                .as(StreamingExportOracleTest::corpus);
    }

    @Provide
    Arbitrary<Corpus> corporaWithoutDocstart() {
        return Combinators.combine(texts(false).list().ofMaxSize(5), Arbitraries.longs(), Arbitraries.of(false, true))
                .as(StreamingExportOracleTest::corpus);
    }

    @Provide
    Arbitrary<UnaryOperator<String>> labels() {
        return Arbitraries.of(t -> t, EntityTypes::toConll4, t -> t.toLowerCase(Locale.ROOT));
    }

    @Provide
    Arbitrary<TagScheme> schemes() {
        return Arbitraries.of(TagScheme.IOB2, TagScheme.IOB1, TagScheme.IOBES);
    }

    /** What a writer produced: its bytes and figures, or the message of the error it threw. */
    record Outcome(String bytes, Conll.Export export, String error) {
    }

    private static Outcome streamed(Corpus c, TagScheme scheme, UnaryOperator<String> label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Conll.Export e = Conll.write(out, c.documents(), c.tokenizer(), c.gold(), scheme, label);
            return new Outcome(hex(out.toByteArray()), e, null);
        } catch (IOException ex) {
            return new Outcome(null, null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
    }

    private static Outcome oracle(Corpus c, TagScheme scheme, UnaryOperator<String> label) {
        StringBuilder sb = new StringBuilder();
        try {
            Conll.Export e = ReferenceConllRenderer.render(c.tokenized(), c.gold(), scheme, label, sb);
            // the export wrote the string with AtomicFiles.writeString, that is, String.getBytes(UTF_8)
            return new Outcome(hex(sb.toString().getBytes(StandardCharsets.UTF_8)), e, null);
        } catch (IOException ex) {
            return new Outcome(null, null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
    }

    /** Bytes as hex, so that a difference shows where, and a lone surrogate's '?' is not hidden by decoding. */
    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    @Property(tries = 500)
    void conllIsTheWholeStringRendering(@ForAll("corpora") Corpus c, @ForAll("schemes") TagScheme scheme,
                                        @ForAll("labels") UnaryOperator<String> label) {
        assertThat(streamed(c, scheme, label)).isEqualTo(oracle(c, scheme, label));
    }

    @Property(tries = 300)
    void hfTokensAreTheWholeStringRendering(@ForAll("corporaWithoutDocstart") Corpus c) throws IOException {
        Outcome conll = oracle(c, TagScheme.IOB2, t -> t);
        Path dir = Files.createTempDirectory("corpusbench-hf");
        try {
            Conll.Export e;
            try {
                e = HuggingFace.write(dir, c.documents(), c.tokenizer(), c.gold(), "test");
            } catch (IOException ex) {
                assertThat(ex.getClass().getSimpleName() + ": " + ex.getMessage()).isEqualTo(conll.error());
                return;
            }
            assertThat(conll.error()).isNull();
            assertThat(e).isEqualTo(conll.export());
            StringBuilder sb = new StringBuilder();
            ReferenceConllRenderer.render(c.tokenized(), c.gold(), TagScheme.IOB2, t -> t, sb);
            assertThat(hex(Files.readAllBytes(dir.resolve(HuggingFace.TOKENS))))
                    .isEqualTo(hex(ReferenceHfTokens.tokens(sb.toString(), ReferenceHfTokens.labels(c.gold()))));
        } finally {
            delete(dir);
        }
    }

    private static String hfTokens(String text, List<EntityMention> entities) throws IOException {
        Document d = Document.of("d", text, null);
        Path dir = Files.createTempDirectory("corpusbench-hf");
        try {
            HuggingFace.write(dir, List.of(d), x -> RoundTripTest.whitespaceTokens(x.text()),
                    Map.of("d", new DocumentAnnotations("d", entities, List.of())), "test");
            return Files.readString(dir.resolve(HuggingFace.TOKENS));
        } finally {
            delete(dir);
        }
    }

    /**
     * Where the streaming hf export differs from the old one, on purpose: the old one read the tags back out
     * of CoNLL lines split at spaces, so a type holding a space (the schema allows it) became tag -1.
     * Labels: O=0, B-PER SON=1, I-PER SON=2.
     */
    @Example
    void hfTypeWithASpaceGetsItsLabel() throws IOException {
        assertThat(hfTokens("Ann met Bob", List.of(new EntityMention(new Span(0, 3, "Ann"), "PER SON", null))))
                .isEqualTo("{\"id\":\"1-0\",\"tokens\":[\"Ann\",\"met\",\"Bob\"],\"ner_tags\":[1,0,0]}\n");
    }

    /** The other difference: a token starting with -DOCSTART- was taken for a document start and dropped. */
    @Example
    void hfTokenThatLooksLikeADocumentStartIsKept() throws IOException {
        assertThat(hfTokens("a -DOCSTART- b", List.of()))
                .isEqualTo("{\"id\":\"1-0\",\"tokens\":[\"a\",\"-DOCSTART-\",\"b\"],\"ner_tags\":[0,0,0]}\n");
    }

    /** The tokenisation of {@code corpusbench export}: OpenNLP's English models, quotes and clitics split off. */
    private static List<List<Span>> english(EnglishSplitter splitter, Document d) {
        List<List<Span>> sentences = new ArrayList<>();
        for (EnglishSplitter.Sentence s : splitter.split(d.text())) {
            sentences.add(EnglishSplitter.splitQuotesAndClitics(d.text(), s.tokens()));
        }
        return sentences;
    }

    /** The release, tokenised as the command does, in every scheme and in hf, and its misaligned list. */
    @org.junit.jupiter.api.Test
    void releaseExportsAreTheWholeStringRendering() throws IOException {
        GoldCorpus gold = GoldCorpus.read(Path.of("datasets/oreshnik-reports/1.0.1"));
        EnglishSplitter splitter = new EnglishSplitter();
        List<Document> docs = List.copyOf(gold.documents().values());
        List<List<List<Span>>> sentences = new ArrayList<>();
        docs.forEach(d -> sentences.add(english(splitter, d)));
        Corpus c = new Corpus(docs, sentences, gold.annotations());
        for (TagScheme s : List.of(TagScheme.IOB2, TagScheme.IOB1, TagScheme.IOBES)) {
            for (UnaryOperator<String> label : List.<UnaryOperator<String>>of(t -> t, EntityTypes::toConll4)) {
                Outcome o = oracle(c, s, label);
                assertThat(o.export().entities()).isEqualTo(227);
                assertThat(streamed(c, s, label)).isEqualTo(o);
            }
        }
        // a release whose gold falls off token boundaries: the same list, in the same order
        Map<String, DocumentAnnotations> shifted = new LinkedHashMap<>();
        gold.annotations().forEach((id, a) -> shifted.put(id, new DocumentAnnotations(id, a.entities().stream()
                .map(m -> m.span().length() < 2 ? m : new EntityMention(Span.of(gold.documents().get(id).text(),
                        m.span().start() + 1, m.span().end()), m.type(), m.entityId())).toList(), a.timexes())));
        Corpus off = new Corpus(docs, sentences, shifted);
        Outcome o = oracle(off, TagScheme.IOB2, t -> t);
        assertThat(o.export().misaligned()).hasSizeGreaterThan(200);
        assertThat(streamed(off, TagScheme.IOB2, t -> t)).isEqualTo(o);
        Path dir = Files.createTempDirectory("corpusbench-hf");
        try {
            assertThat(HuggingFace.write(dir, docs, c.tokenizer(), c.gold(), "x")).isEqualTo(oracle(c, TagScheme.IOB2,
                    t -> t).export());
            StringBuilder sb = new StringBuilder();
            ReferenceConllRenderer.render(c.tokenized(), c.gold(), TagScheme.IOB2, t -> t, sb);
            assertThat(hex(Files.readAllBytes(dir.resolve(HuggingFace.TOKENS))))
                    .isEqualTo(hex(ReferenceHfTokens.tokens(sb.toString(), ReferenceHfTokens.labels(c.gold()))));
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
