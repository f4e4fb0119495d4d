package org.corpusbench.eval.timex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.format.timeml.TimemlReader;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TimexEvaluatorTest {

    static Timex3 t(int a, int b, TimexType type, String value, String mod) {
        return new Timex3(null, new Span(a, b, "x".repeat(b - a)), type, value, mod, null, null, null);
    }

    /**
     * gold: [0,8) DATE XXXX-12, [20,38) DATE XXXX-10 END, [50,61) DURATION P32Y.
     * system: [0,8) DATE 2025-12 (same extent, value differs but is X-compatible), [27,38) DATE XXXX-10
     * (overlap only, mod missing), [70,75) DATE PAST_REF (spurious).
     * relaxed = 2, strict = 1; relaxed P = 2/3, R = 2/3, F1 = 2/3; strict P = R = 1/3.
     * value matches 1 (XXXX-10) → acc 1/2, value F1 = 1/2 × 2/3 = 1/3; X-compatible 2 → acc 1, F1 2/3.
     * type matches 2 → acc 1; mod matches 1 (first pair: both none) → acc 1/2.
     */
    @Example
    void handComputedTempEvalFigures() {
        List<Timex3> gold = List.of(t(0, 8, TimexType.DATE, "XXXX-12", null), t(20, 38, TimexType.DATE, "XXXX-10", "END"),
                t(50, 61, TimexType.DURATION, "P32Y", null));
        List<Timex3> sys = List.of(t(0, 8, TimexType.DATE, "2025-12", null), t(27, 38, TimexType.DATE, "XXXX-10", null),
                t(70, 75, TimexType.DATE, "PAST_REF", null));
        TimexCounts c = TimexEvaluator.evaluate(gold, sys);
        assertThat(c).isEqualTo(new TimexCounts(3, 3, 2, 1, 1, 2, 1, 2));
        assertThat(c.relaxedPrf().f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.strictPrf().precision()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(c.valueF1()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(c.compatibleValueF1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.modAccuracy()).isCloseTo(0.5, within(1e-12));
    }

    @Example
    void underspecifiedValues() {
        assertThat(TimexEvaluator.compatible("XXXX-12", "2025-12")).isTrue();
        assertThat(TimexEvaluator.compatible("XXXX-12-06", "2024-12-06")).isTrue();
        assertThat(TimexEvaluator.compatible("XXXX-12", "2025-11")).isFalse();
        assertThat(TimexEvaluator.compatible("XXXX-12", "2025-12-06")).isFalse();
        assertThat(TimexEvaluator.compatible("PAST_REF", "PRESENT_REF")).isFalse();
    }

    @Provide
    Arbitrary<List<Timex3>> timexes() {
        return Combinators.combine(Arbitraries.integers().between(0, 60), Arbitraries.integers().between(1, 8),
                Arbitraries.of(TimexType.class), Arbitraries.of("XXXX-12", "2025-12", "P1D", "PAST_REF"),
                Arbitraries.of("END", "START").injectNull(0.5)).as((a, n, ty, v, m) -> t(a, a + n, ty, v, m))
                .list().ofMaxSize(8);
    }

    @Property
    void invariants(@ForAll("timexes") List<Timex3> gold, @ForAll("timexes") List<Timex3> sys) {
        TimexCounts c = TimexEvaluator.evaluate(gold, sys);
        assertThat(c.strict()).isLessThanOrEqualTo(c.relaxed());
        assertThat(c.relaxed()).isLessThanOrEqualTo(Math.min(c.gold(), c.system()));
        assertThat(c.strictPrf().f1()).isLessThanOrEqualTo(c.relaxedPrf().f1() + 1e-12);
        assertThat(c.valueMatches()).isLessThanOrEqualTo(c.compatibleValueMatches());
        for (double v : new double[] {c.valueF1(), c.typeF1(), c.modAccuracy(), c.relaxedPrf().precision()}) {
            assertThat(v).isBetween(0.0, 1.0);
        }
        List<Timex3> shuffled = new ArrayList<>(sys);
        Collections.reverse(shuffled);
        assertThat(TimexEvaluator.evaluate(gold, shuffled)).isEqualTo(c);
        assertThat(TimexEvaluator.evaluate(gold, List.of()).relaxedPrf().recall()).isZero();
    }

    @Property
    void perfectPredictionsScoreOne(@ForAll("timexes") List<Timex3> gold) {
        List<Timex3> nonOverlapping = new ArrayList<>();
        for (Timex3 x : gold) {
            if (nonOverlapping.stream().noneMatch(y -> y.span().overlaps(x.span()))) {
                nonOverlapping.add(x);
            }
        }
        TimexCounts c = TimexEvaluator.evaluate(nonOverlapping, nonOverlapping);
        if (!nonOverlapping.isEmpty()) {
            assertThat(c.strictPrf().f1()).isEqualTo(1.0);
            assertThat(c.valueF1()).isEqualTo(1.0);
        }
    }

    /**
     * The official TempEval-3 toolkit's figures on the platinum test set against a perturbed system
     * output (shared/conformance/tempeval3/README.md). The corpus is not redistributable, so this runs
     * only when {@code -Dcorpusbench.shared=DIR} points at the shared directory.
     */
    @Test
    void matchesTheTempEval3ToolkitOnThePlatinumSet() throws IOException {
        String shared = System.getProperty("corpusbench.shared");
        Assumptions.assumeTrue(shared != null, "set -Dcorpusbench.shared=DIR to run against TempEval-3");
        Path gold = Path.of(shared, "data/tempeval3/te3-platinum");
        Path sys = Path.of(shared, "data/tempeval3/perturbed-timex");
        TimexCounts c = TimexCounts.ZERO;
        try (Stream<Path> s = Files.list(gold)) {
            for (Path g : s.sorted().toList()) {
                c = c.plus(TimexEvaluator.evaluate(TimemlReader.read(g).annotations().timexes(),
                        TimemlReader.read(sys.resolve(g.getFileName())).annotations().timexes()));
            }
        }
        assertThat(new long[] {c.gold(), c.system(), c.relaxed(), c.strict()}).containsExactly(138, 128, 125, 119);
        assertThat(c.strictPrf().precision()).isCloseTo(0.9296875, within(1e-9));
        assertThat(c.relaxedPrf().recall()).isCloseTo(0.905797101449, within(1e-9));
        assertThat(Math.round(c.strictPrf().f1() * 10000)).isEqualTo(8947);
        assertThat(Math.round(c.relaxedPrf().f1() * 10000)).isEqualTo(9398);
        assertThat(c.valueAccuracy()).isCloseTo(0.8, within(1e-12));
        assertThat(Math.round(c.valueF1() * 10000)).isEqualTo(7519);
        assertThat(c.typeAccuracy()).isCloseTo(0.92, within(1e-12));
        assertThat(Math.round(c.typeF1() * 10000)).isEqualTo(8647);
    }
}
