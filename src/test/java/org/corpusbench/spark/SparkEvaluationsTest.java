package org.corpusbench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.eval.tags.TagMode;
import org.corpusbench.evaluation.BootstrapMethod;
import org.corpusbench.evaluation.EvaluationResult;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.Evaluations;
import org.corpusbench.tags.TagScheme;

/**
 * Issue 16: a CoNLL file scored on Spark, in any number of parts, gives exactly what {@code evaluate} gives
 * for it in one piece: the same text, JSON and page, counts and intervals, or the same refusal. The files are
 * random (sentences of valid and malformed tags, {@code -DOCSTART-} lines, several blank or white-space lines
 * between sentences, CRLF line ends, a byte order mark), so the nominal cut points fall inside sentences and
 * the parts must find the sentence breaks themselves. All run on one local[2] session ({@link LocalSpark}).
 */
class SparkEvaluationsTest {

    /** As {@code TagEvaluatorTest}: X, B and I- have no type, so some sentences decode differently mid-file. */
    static final List<String> TAGS = List.of("O", "O", "B-PER", "I-PER", "E-PER", "S-LOC", "B-LOC", "I-LOC",
            "X", "B", "I-", "X-PER");

    /** Tags strict IOB2 decoding accepts, so that most strict files are scored rather than refused. */
    static final List<String> IOB2 = List.of("O", "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG");

    /** A random CoNLL file as its lines' pieces: sentences, separators, line end, byte order mark, columns. */
    record ConllFile(List<List<String[]>> sentences, List<String> separators, String eol, boolean bom,
                     boolean extraColumn) {

        String text() {
            StringBuilder sb = new StringBuilder(bom ? "\uFEFF" : "");
            for (int i = 0; i < sentences.size(); i++) {
                for (String[] t : sentences.get(i)) {
                    sb.append(t[0]).append(extraColumn ? " NN " : " ").append(t[1]).append(' ').append(t[2])
                            .append(eol);
                }
                sb.append(separators.get(i).replace("\n", eol));
            }
            return sb.toString();
        }
    }

    @Provide
    Arbitrary<ConllFile> files() {
        return files(TAGS);
    }

    @Provide
    Arbitrary<ConllFile> iob2Files() {
        return files(IOB2);
    }

    static Arbitrary<ConllFile> files(List<String> tags) {
        Arbitrary<String[]> token = Combinators.combine(Arbitraries.of("w", "Zürich", "𝔘", "-DOCSTART-"),
                Arbitraries.of(tags), Arbitraries.of(tags)).as((w, g, p) -> new String[] {w, g, p});
        Arbitrary<List<String[]>> sentence = token.list().ofMinSize(1).ofMaxSize(8);
        Arbitrary<List<List<String[]>>> sentences = sentence.list().ofMinSize(0).ofMaxSize(40);
        return sentences.flatMap(s -> Combinators.combine(
                Arbitraries.of("\n", "\n", "\n", "\n\n", " \n", "\t\n\n").list().ofSize(s.size()),
                Arbitraries.of("\n", "\r\n"), Arbitraries.of(false, false, true), Arbitraries.of(false, true))
                .as((sep, eol, bom, extra) -> new ConllFile(s, sep, eol, bom, extra)));
    }

    @Property(tries = 60)
    void tagsOnSparkAreEvaluatesInAnyNumberOfParts(@ForAll("files") ConllFile file,
                                                  @ForAll @IntRange(min = 1, max = 9) int parts,
                                                  @ForAll boolean skipDocstart,
                                                  @ForAll BootstrapMethod method,
                                                  @ForAll @IntRange(min = 0, max = 40) int resamples)
            throws IOException {
        // the Poisson bootstrap keys a sentence by its byte offset, which every part knows by itself
        EvaluationSettings settings = EvaluationSettings.defaults().withSkipDocstart(skipDocstart)
                .withIntervals(resamples, 7 + parts).withBootstrap(method);
        assertSame(file.text(), settings, parts, true);
    }

    @Property(tries = 25)
    void strictTagsOnSparkAreEvaluates(@ForAll("iob2Files") ConllFile file,
                                      @ForAll @IntRange(min = 1, max = 9) int parts) throws IOException {
        EvaluationSettings settings = EvaluationSettings.defaults().withDecoding(TagMode.STRICT, TagScheme.IOB2);
        assertSame(file.text(), settings, parts, true);
    }

    @Property(tries = 60)
    void entitiesOnSparkAreEvaluatesWithTheSameIntervals(@ForAll("files") ConllFile file,
                                                        @ForAll @IntRange(min = 1, max = 9) int parts,
                                                        @ForAll BootstrapMethod method,
                                                        @ForAll boolean strict,
                                                        @ForAll @IntRange(min = 0, max = 40) int resamples)
            throws IOException {
        EvaluationSettings settings = EvaluationSettings.defaults().withIntervals(resamples, 13 + parts)
                .withBootstrap(method);
        if (strict) {
            settings = settings.withDecoding(TagMode.STRICT, TagScheme.IOBES);
        }
        assertSame(file.text(), settings, parts, false);
    }

    @Example
    void aPartWhoseChunksDependOnThePartBeforeIsScoredInOnePiece() throws IOException {
        // TagEvaluatorTest's case: sentence 2 opens with the typeless X, so B-PER ends a chunk that begins
        // where each side's last chunk began, which a part starting at sentence 2 cannot know. Two parts cut
        // at the middle byte: the first blank line after it is the one before sentence 2.
        String text = "w".repeat(60) + " B-PER O\nw O B-PER\n\nw X X\nw B-PER B-PER\n";
        EvaluationResult spark = assertSame(text, EvaluationSettings.defaults(), 2, true);
        assertThat(spark.toText()).contains("| _ ");
    }

    @Example
    void tagsAboveTheClassicBootstrapsSizeUseTheSentencesByteOffsetsAsKeys() throws IOException {
        // 10,050 sentences: AUTO resamples them by Poisson weights, each part's accumulator keyed by the byte
        // offsets of its sentences in the whole file; the parts' rows are dropped as evaluate drops them. A third
        // of the sentences hold a true positive, so that the replicates' figures differ and the interval has width
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_050; i++) {
            sb.append(i % 3 == 0 ? "w B-PER B-PER\nw I-PER I-PER\n\n" : i % 3 == 1 ? "w B-LOC O\n\n"
                    : "w O B-ORG\n\n");
        }
        EvaluationSettings settings = EvaluationSettings.defaults().withIntervals(30, 5);
        EvaluationResult spark = assertSame(sb.toString(), settings, 7, true);
        assertThat(spark.toText()).contains("Poisson bootstrap over 10050 units");
        assertThat(spark.intervals().get("f1").resamples()).isEqualTo(30);
        assertThat(spark.intervals().get("f1").high()).isGreaterThan(spark.intervals().get("f1").low());
    }

    @Example
    void entitiesAboveTheClassicBootstrapsSizeUseSentencePositionsAsKeys() throws IOException {
        // 10,050 sentences: AUTO resamples them by Poisson weights keyed by each sentence's index in the file,
        // which the parts learn from the first pass
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_050; i++) {
            sb.append(i % 3 == 0 ? "w B-PER B-PER\nw I-PER O\n\n" : i % 3 == 1 ? "w B-LOC O\n\n" : "w O B-ORG\n\n");
        }
        EvaluationSettings settings = EvaluationSettings.defaults().withIntervals(30, 5);
        EvaluationResult spark = assertSame(sb.toString(), settings, 7, false);
        assertThat(spark.toText()).contains("Poisson bootstrap over 10050 units");
        assertThat(spark.intervals().get("strict.f1").resamples()).isEqualTo(30);
    }

    @Example
    void columnsThatDifferBetweenPartsAreRefusedAtTheirLineAsEvaluateRefusesThem() throws IOException {
        // in 2 to 4 parts, the sentences of 4 columns are a part of their own, which alone is consistent; only
        // the whole file shows line 6 with 4 columns after lines of 3
        String text = "a O O\nb O O\n\nc O O\n\nd NN O O\ne NN O O\n";
        for (int parts = 1; parts <= 4; parts++) {
            String refusal = refusal(text, EvaluationSettings.defaults(), parts, true);
            assertThat(refusal).isEqualTo("FILE:6: found 4 columns; expected 3 as on the first token line");
            assertThat(refusal(text, EvaluationSettings.defaults(), parts, false)).isEqualTo(refusal);
        }
    }

    @Example
    void invalidUtf8InALaterPartIsRefusedWithTheLineOfTheWholeFile() throws IOException {
        byte[] head = "a O O\n\nb O O\n\nc O O\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'d', ' ', 'O', ' ', (byte) 0xC3, '\n'};
        byte[] text = new byte[head.length + bad.length];
        System.arraycopy(head, 0, text, 0, head.length);
        System.arraycopy(bad, 0, text, head.length, bad.length);
        for (int parts = 1; parts <= 3; parts++) {
            String tags = refusal(text, EvaluationSettings.defaults(), parts, true);
            assertThat(tags).startsWith("FILE:7: invalid UTF-8 at byte offset 25");
            assertThat(refusal(text, EvaluationSettings.defaults(), parts, false)).isEqualTo(tags);
        }
    }

    @Example
    void aTagStrictDecodingRefusesIsRefusedAtItsLine() throws IOException {
        String text = "a B-PER B-PER\n\nb B-PER B-PER\nc I-PER E-PER\n";
        EvaluationSettings strict = EvaluationSettings.defaults().withDecoding(TagMode.STRICT, TagScheme.IOB2);
        String tags = refusal(text, strict, 2, true);
        assertThat(tags).startsWith("FILE:4: ");
        assertThat(refusal(text, strict, 2, false)).startsWith("FILE:4: ");
    }

    @Example
    void anEmptyFileIsRefusedAsEvaluateRefusesIt() throws IOException {
        for (String text : List.of("", "\n\n", "-DOCSTART- -X- O O\n\n")) {
            assertThat(refusal(text, EvaluationSettings.defaults(), 3, false)).contains("holds no tokens");
        }
        assertThat(refusal("", EvaluationSettings.defaults(), 2, true)).contains("holds no tokens");
    }

    @Example
    void aRelativePathIsOpenedByTheTasksFromTheDriversDirectoryAndReportedAsGiven() throws IOException {
        // an executor's working directory is not the driver's (scripts/spark-standalone.sh found it): the tasks
        // get the path made absolute on the driver, the report names it as the user gave it
        Path f = Files.createTempFile(Path.of("target"), "relative", ".conll");
        try {
            Files.writeString(f, "w B-PER B-PER\n", StandardCharsets.UTF_8);
            String relative = Path.of("").toAbsolutePath().relativize(f.toAbsolutePath()).toString();
            SparkEvaluations.Job job = SparkEvaluations.Job.of(LocalSpark.session(), relative,
                    EvaluationSettings.defaults(), 0);
            assertThat(job.path).isEqualTo(relative).startsWith("target/");
            assertThat(job.qualified).isEqualTo("file:" + f.toAbsolutePath());
            // a file of 14 bytes: no part holds more than 64 MiB with one, but the session has two cores
            assertThat(job.parts).isEqualTo(2);
            assertThat(SparkEvaluations.tags(LocalSpark.session(), relative, EvaluationSettings.defaults())
                    .provenance().inputs().get(0).path()).isEqualTo(relative);
        } finally {
            Files.delete(f);
        }
    }

    @Example
    void aDirectoryIsRefusedBeforeAnyTaskRuns() throws IOException {
        // the command line refuses it before (CommandPaths); a library caller gets the same kind of refusal
        // rather than a Spark job whose tasks fail on it
        Path dir = Files.createTempDirectory("corpusbench-spark");
        try {
            for (boolean tags : List.of(true, false)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                    if (tags) {
                        SparkEvaluations.tags(LocalSpark.session(), dir.toString(), EvaluationSettings.defaults());
                    } else {
                        SparkEvaluations.conllEntities(LocalSpark.session(), dir.toString(),
                                EvaluationSettings.defaults());
                    }
                }).isInstanceOf(CorpusFormatException.class)
                        .hasMessage(dir + ": is a directory; expected a CoNLL file (one token a line, sentences "
                                + "separated by blank lines)");
            }
        } finally {
            Files.delete(dir);
        }
    }

    /** Spark's result and evaluate's, or their refusals, for {@code text}; they must be equal. */
    static EvaluationResult assertSame(String text, EvaluationSettings settings, int parts, boolean tags)
            throws IOException {
        Path f = write(text.getBytes(StandardCharsets.UTF_8));
        try {
            Object single = outcome(f, settings, parts, tags, false);
            Object spark = outcome(f, settings, parts, tags, true);
            if (single instanceof String refused) {
                assertThat(spark).isEqualTo(refused);
                return null;
            }
            EvaluationResult a = (EvaluationResult) single;
            assertThat(spark).isInstanceOf(EvaluationResult.class);
            EvaluationResult b = (EvaluationResult) spark;
            assertThat(b.scores()).isEqualTo(a.scores());
            assertThat(b.intervals()).isEqualTo(a.intervals());
            assertThat(b.provenance()).isEqualTo(a.provenance());
            assertThat(b.toText()).isEqualTo(a.toText());
            assertThat(b.toJson()).isEqualTo(a.toJson());
            assertThat(b.toHtml()).isEqualTo(a.toHtml());
            return b;
        } finally {
            Files.delete(f);
        }
    }

    static String refusal(String text, EvaluationSettings settings, int parts, boolean tags) throws IOException {
        return refusal(text.getBytes(StandardCharsets.UTF_8), settings, parts, tags);
    }

    /** The refusal of Spark, after checking that evaluate refuses the file with the same message. */
    static String refusal(byte[] text, EvaluationSettings settings, int parts, boolean tags) throws IOException {
        Path f = write(text);
        try {
            Object single = outcome(f, settings, parts, tags, false);
            Object spark = outcome(f, settings, parts, tags, true);
            assertThat(single).isInstanceOf(String.class);
            assertThat(spark).isEqualTo(single);
            assertThat((String) spark).startsWith(f + ":");
            return ((String) spark).replace(f.toString(), "FILE");
        } finally {
            Files.delete(f);
        }
    }

    private static Path write(byte[] text) throws IOException {
        Path f = Files.createTempFile("corpusbench-spark", ".conll");
        Files.write(f, text);
        return f;
    }

    /** The result, or the refusal's message. */
    private static Object outcome(Path f, EvaluationSettings settings, int parts, boolean tags, boolean onSpark)
            throws IOException {
        try {
            if (onSpark) {
                return tags ? SparkEvaluations.tags(LocalSpark.session(), f.toString(), settings, parts)
                        : SparkEvaluations.conllEntities(LocalSpark.session(), f.toString(), settings, parts);
            }
            return tags ? Evaluations.tags(f, settings) : Evaluations.conllEntities(f, settings);
        } catch (CorpusFormatException e) {
            return e.getMessage();
        }
    }
}
