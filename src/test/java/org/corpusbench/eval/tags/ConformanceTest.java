package org.corpusbench.eval.tags;

import org.corpusbench.tags.Chunk;
import org.corpusbench.tags.Chunker;
import org.corpusbench.tags.TagScheme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.Prf;
import org.corpusbench.eval.entity.LabelledSpan;
import org.corpusbench.eval.entity.SpanCounts;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanEvaluator;
import org.corpusbench.eval.entity.SpanScheme;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shared conformance vector: conlleval's text report byte for byte, seqeval's default and strict
 * figures, and nervaluate's four schemes, to 1e-9.
 */
class ConformanceTest {

    static final Path DIR = Path.of("src/test/resources/org/corpusbench/eval/tags/conformance");
    static final double TOL = 1e-9;

    static List<Path> vectors() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVectorMatchesTheReferenceScorers() throws IOException {
        List<Path> v = vectors();
        assertThat(v).hasSizeGreaterThanOrEqualTo(60);
        return v.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    static void check(Path expectedFile) throws IOException {
        JsonNode exp = new ObjectMapper().readTree(expectedFile.toFile());
        Path conll = DIR.resolve(exp.get("file").asText());
        TagScheme scheme = TagScheme.parse(exp.get("scheme").asText());
        String name = conll.getFileName().toString().replace(".conll", "");
        Path report = DIR.resolve(name + ".conlleval.txt");
        if (Files.exists(report)) {
            ConllevalCounter c = new ConllevalCounter();
            for (String line : Files.readAllLines(conll, StandardCharsets.UTF_8)) {
                c.line(line);
            }
            c.finish();
            assertThat(c.report()).as(name + " conlleval report").isEqualTo(Files.readString(report,
                    StandardCharsets.UTF_8));
        }
        for (TagMode mode : TagMode.values()) {
            JsonNode ref = exp.get("seqeval_" + mode.wireName());
            if (ref == null) {
                continue;
            }
            TagCounts counts = tags(conll, mode, scheme);
            Counts o = counts.overall();
            String at = name + " " + mode.wireName();
            assertThat(o.precision()).as(at + " precision").isCloseTo(ref.at("/overall/precision").asDouble(), within(TOL));
            assertThat(o.recall()).as(at + " recall").isCloseTo(ref.at("/overall/recall").asDouble(), within(TOL));
            assertThat(o.f1()).as(at + " f1").isCloseTo(ref.at("/overall/f1").asDouble(), within(TOL));
            assertThat(o.tp()).as(at + " tp").isEqualTo(ref.at("/overall/tp").asLong());
            assertThat(o.predicted()).as(at + " pred").isEqualTo(ref.at("/overall/pred").asLong());
            assertThat(o.gold()).as(at + " true").isEqualTo(ref.at("/overall/true").asLong());
            assertThat(counts.accuracy()).as(at + " accuracy").isCloseTo(ref.at("/overall/accuracy").asDouble(),
                    within(TOL));
            for (Map.Entry<String, JsonNode> e : ref.properties()) {
                if (e.getKey().equals("overall") || e.getKey().startsWith("avg_")) {
                    continue;
                }
                Counts t = counts.types().get(e.getKey());
                assertThat(t).as(at + " type " + e.getKey()).isNotNull();
                assertThat(t.f1()).as(at + " " + e.getKey() + " f1").isCloseTo(e.getValue().get("f1").asDouble(),
                        within(TOL));
                assertThat(t.precision()).as(at + " " + e.getKey() + " precision")
                        .isCloseTo(e.getValue().get("precision").asDouble(), within(TOL));
                assertThat(t.tp()).as(at + " " + e.getKey() + " tp").isEqualTo(e.getValue().get("tp").asLong());
            }
            Prf macro = counts.macro();
            assertThat(macro.f1()).as(at + " macro f1").isCloseTo(ref.at("/avg_macro/f1").asDouble(), within(TOL));
            assertThat(counts.weighted().f1()).as(at + " weighted f1")
                    .isCloseTo(ref.at("/avg_weighted/f1").asDouble(), within(TOL));
        }
        JsonNode ner = exp.get("nervaluate");
        if (ner != null) {
            SpanEvaluation ev = spans(conll);
            for (SpanScheme s : SpanScheme.values()) {
                JsonNode ref = ner.get(s == SpanScheme.TYPE ? "ent_type" : s.wireName());
                SpanCounts c = ev.overall().get(s);
                String at = name + " " + s.wireName();
                assertThat(new long[] {c.correct(), c.incorrect(), c.partial(), c.missed(), c.spurious(), c.possible(),
                    c.actual()}).as(at + " counts").containsExactly(ref.at("/overall/correct").asLong(),
                            ref.at("/overall/incorrect").asLong(), ref.at("/overall/partial").asLong(),
                            ref.at("/overall/missed").asLong(), ref.at("/overall/spurious").asLong(),
                            ref.at("/overall/possible").asLong(), ref.at("/overall/actual").asLong());
                Prf prf = ev.micro(s);
                assertThat(prf.precision()).as(at + " precision").isCloseTo(ref.at("/overall/precision").asDouble(),
                        within(TOL));
                assertThat(prf.recall()).as(at + " recall").isCloseTo(ref.at("/overall/recall").asDouble(),
                        within(TOL));
                assertThat(prf.f1()).as(at + " f1").isCloseTo(ref.at("/overall/f1").asDouble(), within(TOL));
            }
        }
    }

    /** The counts in one piece, which must also be the sum of the counts of three parts. */
    static TagCounts tags(Path conll, TagMode mode, TagScheme scheme) throws IOException {
        TagCounts whole = TagEvaluator.score(conll, mode, scheme, 1);
        assertThat(TagEvaluatorTest.inParts(conll, mode, scheme, 3, false)).as(conll + " in three parts")
                .isEqualTo(whole);
        return whole;
    }

    static SpanEvaluation spans(Path conll) throws IOException {
        SpanEvaluation total = SpanEvaluation.EMPTY;
        try (InputStream in = Files.newInputStream(conll); ConllTagReader r = new ConllTagReader(in, conll.toString())) {
            for (ConllTagReader.Sentence s = r.next(); s != null; s = r.next()) {
                total = total.plus(SpanEvaluator.evaluate(labelled(Chunker.lenient(s.gold())),
                        labelled(Chunker.lenient(s.predicted()))));
            }
        }
        return total;
    }

    static List<LabelledSpan> labelled(List<Chunk> chunks) {
        List<LabelledSpan> out = new ArrayList<>();
        chunks.forEach(c -> out.add(new LabelledSpan(c.start(), c.end(), c.type())));
        return out;
    }
}
