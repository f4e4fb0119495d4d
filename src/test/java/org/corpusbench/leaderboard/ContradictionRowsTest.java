package org.corpusbench.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Example;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.contradiction.PairMatcher;
import org.corpusbench.evaluation.EvaluationUnits;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;

/**
 * The contradiction rows of the leaderboard (issue 17 item 5): by default the detectors read the gazetteer's
 * entities, held out per pair of documents; on gold entities they are separate rows named as oracles.
 */
class ContradictionRowsTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");
    static final String ORACLE_HEURISTIC = "heuristic (gold entities, oracle)";
    static final String ORACLE_ALL_PAIRS = "all-pairs (gold entities, oracle)";

    /** Computed once for the class: the release and its leaderboard at 200 resamples. */
    static final class Release {
        static final GoldCorpus GOLD = read();
        static final AtomicInteger STEPS = new AtomicInteger();
        static final Map<String, Leaderboard.Row> ROWS = Leaderboard.byKey(
                Leaderboard.compute(GOLD, 200, Leaderboard.DEFAULT_SEED, s -> STEPS.incrementAndGet()));
        static final Map<String, List<Contradiction>> RUNS = runs();

        private static GoldCorpus read() {
            try {
                return GoldCorpus.read(RELEASE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Map<String, List<Contradiction>> runs() {
            Map<String, List<Contradiction>> out = new LinkedHashMap<>();
            BaselineSuite.contradictions(List.copyOf(GOLD.documents().values()), GOLD.annotations(), s -> { })
                    .forEach(r -> out.put(r.system(), r.predictions()));
            return out;
        }
    }

    private static Leaderboard.Row row(String system) {
        return Release.ROWS.get("contradictions/" + system + "/pairs, span overlap");
    }

    private static Counts counts(List<Contradiction> predicted) {
        return EvaluationUnits.contradictions(Release.GOLD, predicted).stream().reduce(Counts.ZERO, Counts::plus);
    }

    private static List<String> matchedGoldIds(List<Contradiction> predicted) {
        List<String> ids = new ArrayList<>();
        PairMatcher.match(Release.GOLD.contradictions(), predicted).matches()
                .forEach(m -> ids.add(Release.GOLD.contradictions().get(m[0]).id()));
        return ids;
    }

    @Example
    void theRowsAreThePipelinesThenTheOraclesAndEachIsASystemOfPredict() {
        assertThat(Release.RUNS).containsOnlyKeys("heuristic", "all-pairs", ORACLE_HEURISTIC, ORACLE_ALL_PAIRS);
        assertThat(new ArrayList<>(Release.RUNS.keySet()))
                .containsExactly("heuristic", "all-pairs", ORACLE_HEURISTIC, ORACLE_ALL_PAIRS);
        assertThat(BaselineSuite.systems()).containsKeys("heuristic", "all-pairs", ORACLE_HEURISTIC, ORACLE_ALL_PAIRS);
        assertThat(Release.STEPS.get()).as("progress steps of a run").isEqualTo(BaselineSuite.steps());
    }

    /**
     * Hand-checked on 1.0.1 (19 gold pairs). The heuristic on gold entities flags 14 pairs, of which 9 match
     * c001-c009 (the eight NAME pairs on Oreshnik/Oreshino and Wolfovich/Wolffovich, and the ROLE pair
     * 'Foreign Minister' / 'State Secretary ...'): P = 9/14 = 0.6429, R = 9/19 = 0.4737,
     * F1 = 2*9/(14+19) = 18/33 = 0.5455. All-pairs on gold entities pairs first mentions of every entity two
     * articles share, 94 pairs, 7 matching (c001, c004-c009: its one pair on 'Vladimir Wolfovich' /
     * 'Alexander Wolffovich' overlaps both c002 and c009, and the matching is one to one, so c002 goes
     * unmatched): P = 7/94 = 0.0745, R = 7/19 = 0.3684, F1 = 2*7/(94+19) = 14/113 = 0.1239.
     */
    @Example
    void theOracleRowsAreTheFiguresOfTheGoldEntities() {
        Counts h = counts(Release.RUNS.get(ORACLE_HEURISTIC));
        assertThat(List.of(h.tp(), h.fp(), h.fn())).containsExactly(9L, 5L, 10L);
        assertThat(matchedGoldIds(Release.RUNS.get(ORACLE_HEURISTIC))).containsExactlyInAnyOrder("c001", "c002",
                "c003", "c004", "c005", "c006", "c007", "c008", "c009");
        assertThat(row(ORACLE_HEURISTIC).precision()).isCloseTo(9.0 / 14, within(1e-12));
        assertThat(row(ORACLE_HEURISTIC).recall()).isCloseTo(9.0 / 19, within(1e-12));
        assertThat(row(ORACLE_HEURISTIC).f1()).isCloseTo(18.0 / 33, within(1e-12));

        Counts a = counts(Release.RUNS.get(ORACLE_ALL_PAIRS));
        assertThat(List.of(a.tp(), a.fp(), a.fn())).containsExactly(7L, 87L, 12L);
        assertThat(matchedGoldIds(Release.RUNS.get(ORACLE_ALL_PAIRS))).containsExactlyInAnyOrder("c001", "c004",
                "c005", "c006", "c007", "c008", "c009");
        assertThat(row(ORACLE_ALL_PAIRS).precision()).isCloseTo(7.0 / 94, within(1e-12));
        assertThat(row(ORACLE_ALL_PAIRS).recall()).isCloseTo(7.0 / 19, within(1e-12));
        assertThat(row(ORACLE_ALL_PAIRS).f1()).isCloseTo(14.0 / 113, within(1e-12));
    }

    /**
     * Hand-checked on 1.0.1: every pair the oracles match has a side on 'Oreshino' (article 001 only) or on
     * '(Alexander) Wolffovich' (article 004 only), which no gazetteer trained without that article lists
     * (ContradictionPipelineTest checks the gazetteer's entities). On the gazetteer's entities the heuristic
     * flags nothing: P = 0/0 = 0 by the zero-division rule, R = 0/19, F1 = 0, and every resample gives 0.
     * All-pairs flags 100 pairs of first mentions spelled alike, none matching a gold pair: P = 0/100,
     * R = 0/19, F1 = 0.
     */
    @Example
    void thePipelineRowsOnTheGazetteersEntitiesFindNoGoldPair() {
        Counts h = counts(Release.RUNS.get("heuristic"));
        assertThat(Release.RUNS.get("heuristic")).isEmpty();
        assertThat(List.of(h.tp(), h.fp(), h.fn())).containsExactly(0L, 0L, 19L);
        Counts a = counts(Release.RUNS.get("all-pairs"));
        assertThat(Release.RUNS.get("all-pairs")).hasSize(100);
        assertThat(List.of(a.tp(), a.fp(), a.fn())).containsExactly(0L, 100L, 19L);
        for (String system : List.of("heuristic", "all-pairs")) {
            Leaderboard.Row r = row(system);
            assertThat(List.of(r.precision(), r.recall(), r.f1(), r.f1Interval().low(), r.f1Interval().high()))
                    .as(system).containsOnly(0.0);
            assertThat(r).as(system + " against its oracle").isNotEqualTo(row(system + BaselineSuite.ORACLE));
            assertThat(r.f1()).isLessThan(row(system + BaselineSuite.ORACLE).f1());
        }
    }

    /**
     * The gold entities of two articles replaced by garbage: the pipeline's predictions for them (between
     * them and within each) do not change, while the oracle's do, since it reads those gold entities.
     */
    @Example
    void thePipelineNeverReadsTheGoldEntitiesOfTheArticlesItPredictsFor() {
        List<String> pair = List.of("000_6e15c3caa4eb7126", "004_1fd1226005666fa9");
        Map<String, DocumentAnnotations> spoilt = new LinkedHashMap<>(Release.GOLD.annotations());
        for (String id : pair) {
            Document d = Release.GOLD.documents().get(id);
            // one PERSON of one entity on each of the first 40 words, in place of the gold mentions
            List<EntityMention> garbage = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+").matcher(d.text());
            while (m.find() && garbage.size() < 40) {
                garbage.add(new EntityMention(d.span(d.text().codePointCount(0, m.start()),
                        d.text().codePointCount(0, m.end())), "PERSON", "garbage"));
            }
            spoilt.put(id, new DocumentAnnotations(id, garbage, Release.GOLD.annotations().get(id).timexes()));
        }
        GoldCorpus garbage = Release.GOLD.withAnnotations(spoilt);
        for (String system : List.of("heuristic", "all-pairs")) {
            List<Contradiction> before = Release.RUNS.get(system);
            List<Contradiction> after = BaselineSuite.predict(garbage, system).contradictions();
            assertThat(between(after, pair)).as(system).isEqualTo(between(before, pair));
            List<Contradiction> oracleAfter = BaselineSuite.predict(garbage, system + BaselineSuite.ORACLE)
                    .contradictions();
            assertThat(between(oracleAfter, pair)).as(system + BaselineSuite.ORACLE)
                    .isNotEqualTo(between(Release.RUNS.get(system + BaselineSuite.ORACLE), pair));
        }
    }

    /** The contradictions within or between the two documents, without their ids (which number a whole run). */
    private static List<String> between(List<Contradiction> cs, List<String> pair) {
        return cs.stream().filter(c -> pair.contains(c.a().docId()) && pair.contains(c.b().docId()))
                .map(c -> c.a() + " | " + c.b() + " | " + c.type() + " | " + c.explanation()).toList();
    }

    @Example
    void theCardTableOfTheReleasedCardsShowsTheOraclesUnderTheirFormerNames() {
        List<Leaderboard.Row> all = new ArrayList<>(Release.ROWS.values());
        List<Leaderboard.Row> old = Leaderboard.asFirstPublished(all);
        assertThat(old).filteredOn(r -> r.task().equals("contradictions")).extracting(Leaderboard.Row::system)
                .containsExactly("heuristic", "all-pairs");
        assertThat(old).filteredOn(r -> r.task().equals("contradictions")).extracting(Leaderboard.Row::f1)
                .containsExactly(row(ORACLE_HEURISTIC).f1(), row(ORACLE_ALL_PAIRS).f1());
        // the two pipeline rows and the four rows of the NLI artefact checks, which came after those cards
        assertThat(old).hasSize(all.size() - 2 - 4);
        java.util.Set<String> later = java.util.Set.of("overlap-threshold", "hypothesis-only");
        assertThat(old).filteredOn(r -> !r.task().equals("contradictions"))
                .containsExactlyElementsOf(all.stream().filter(r -> !r.task().equals("contradictions")
                        && !later.contains(r.system())).toList());
    }
}
