package org.corpusbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Example;
import org.corpusbench.agreement.UnitizingAlpha.Unit;

/** Krippendorff's α_u through DKPro Statistics, against a published worked example and a hand-computed one. */
class UnitizingAlphaTest {

    /**
     * The worked example of Krippendorff, K. (2004), Content Analysis: An Introduction to Its Methodology, 2nd
     * ed., Sage, p. 254 (the page DKPro Statistics' own test of this measure cites): two observers i and j
     * unitize the continuum [150, 450) with labels c and k. Published: for c, D_O = .0144, D_E = .0532 and
     * α = .7286; for k, D_O = 0, D_E = .0490 and α = 1; over both, α_u = .8591.
     *
     * <p>By hand. D_O(c): the pairs of overlapping segments that differ are c[225,295) with c[220,300): 5² + 5² =
     * 50; c[370,400) with c[355,375): 15² + 25² = 850; j's c[400,420) inside i's gap [400,450): 20² = 400; sum
     * 1300, and D_O = 2·1300 / (R(R−1)L²) = 2600 / (2·300²) = .014444. D_E(c): units 70, 30 (i) and 80, 20, 20
     * (j), N = 5; gaps 75, 75, 50 (i) and 70, 55, 25, 30 (j); for each unit of length l,
     * (N−1)(2l³−3l²+l)/3 + l²·Σ_{gaps g ≥ l}(g−l+1), summed, times 2/L, over R·L(R·L−1) − Σ l(l−1) = 600·599 −
     * 15000 = 346620 gives 69179/1299825 = .053222; α(c) = 1 − .014444/.053222 = .72860. D_E(k) the same way
     * (units 60, 50, 60, 50; gaps 30, 60, 100 for each) = .048979, α(k) = 1. Over both, α_u = 1 − (.014444 + 0)
     * / (.053222 + .048979) = .85867: the published .8591 within 5·10⁻⁴, its last digit coming from the
     * rounded intermediate figures printed in the book.
     */
    @Example
    void krippendorff2004WorkedExample() {
        UnitizingAlpha a = UnitizingAlpha.of(150, 300, 2, List.of(
                new Unit(225, 70, 0, "c"), new Unit(370, 30, 0, "c"), new Unit(220, 80, 1, "c"),
                new Unit(355, 20, 1, "c"), new Unit(400, 20, 1, "c"), new Unit(180, 60, 0, "k"),
                new Unit(300, 50, 0, "k"), new Unit(180, 60, 1, "k"), new Unit(300, 50, 1, "k")));
        UnitizingAlpha.Category c = a.categories().get("c");
        UnitizingAlpha.Category k = a.categories().get("k");
        // published figures
        assertThat(c.observed()).isCloseTo(0.0144, within(0.00005));
        assertThat(c.expected()).isCloseTo(0.0532, within(0.00005));
        assertThat(c.alpha()).isCloseTo(0.7286, within(0.00005));
        assertThat(k.observed()).isZero();
        assertThat(k.expected()).isCloseTo(0.0490, within(0.00005));
        assertThat(k.alpha()).isEqualTo(1.0);
        assertThat(a.alpha()).isCloseTo(0.8591, within(0.0005));
        // hand-computed, to more digits
        assertThat(c.observed()).isCloseTo(13.0 / 900, within(1e-12));
        assertThat(c.expected()).isCloseTo(69179.0 / 1299825, within(1e-12));
        assertThat(k.expected()).isCloseTo(127621.0 / 2605650, within(1e-12));
        assertThat(a.alpha()).isCloseTo(1 - (13.0 / 900) / (69179.0 / 1299825 + 127621.0 / 2605650), within(1e-12));
    }

    /**
     * A continuum of 10, one label X: annotator 0 marks [2,5), annotator 1 marks [3,5).
     * Segments: 0 has gap [0,2), X [2,5), gap [5,10); 1 has gap [0,3), X [3,5), gap [5,10). The only differing
     * overlap is X[2,5) with X[3,5): Δstart = −1, Δend = 0, distance 1² + 0² = 1 (neither X lies inside the
     * other's gap), so D_O = 2·1 / (2·1·10²) = .01. D_E: N = 2 units of 3 and 2; gaps 5, 5, 3, 2. l = 3:
     * (2−1)(54−27+3)/3 = 10, plus 9·((5−2)+(5−2)+(3−2)) = 63: 73. l = 2: (16−12+2)/3 = 2, plus 4·(4+4+2+1) = 44:
     * 46. (73 + 46)·2/10 = 23.8, over 20·19 − (3·2 + 2·1) = 372: D_E = 23.8/372 = .063978, and
     * α_u = 1 − .01/.063978 = 502/595 = .84370.
     */
    @Example
    void handComputedBoundaryDifference() {
        UnitizingAlpha a = UnitizingAlpha.of(0, 10, 2, List.of(new Unit(2, 3, 0, "X"), new Unit(3, 2, 1, "X")));
        assertThat(a.categories().get("X").observed()).isCloseTo(0.01, within(1e-12));
        assertThat(a.categories().get("X").expected()).isCloseTo(23.8 / 372, within(1e-12));
        assertThat(a.alpha()).isCloseTo(502.0 / 595, within(1e-12));
    }

    /** No unit at all: nothing was marked, so there is nothing to agree on, and α_u is undefined, not 0 or 1. */
    @Example
    void noUnitsIsUndefined() {
        UnitizingAlpha a = UnitizingAlpha.of(0, 10, 2, List.of());
        assertThat(a.alpha()).isNull();
        assertThat(a.categories()).isEmpty();
    }
}
