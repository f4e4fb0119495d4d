package org.corpusbench.agreement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationStudy;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;

/**
 * Krippendorff's alpha for unitizing (α_u; Krippendorff 1995, and Content Analysis, 2nd ed., 2004) of
 * annotators who mark labelled stretches of one continuum, as DKPro Statistics computes it: per label c, the observed
 * disagreement D_O(c) (squared lengths of the stretches where two annotators' segments differ) and the
 * expected one D_E(c), α_u(c) = 1 − D_O(c)/D_E(c), and over all labels α_u = 1 − ΣD_O/ΣD_E. Unlike a
 * token kappa it needs no tokens and weighs a boundary off by one character less than a missed unit.
 *
 * <p>A figure is {@code null} when it is undefined: no unit at all, or an expected disagreement of 0.
 *
 * @param alpha      α_u over every label, or {@code null}
 * @param categories per label, its disagreements and α_u
 */
public record UnitizingAlpha(Double alpha, Map<String, Category> categories) {

    /** One annotator's labelled stretch {@code [offset, offset + length)} of the continuum. */
    public record Unit(long offset, long length, int rater, String category) {
        /** Requires a label, and {@code offset >= 0}, {@code length > 0} and {@code rater >= 0}. */
        public Unit {
            Objects.requireNonNull(category, "category");
            if (offset < 0 || length <= 0 || rater < 0) {
                throw new IllegalArgumentException("a unit needs offset >= 0, length > 0 and rater >= 0, found "
                        + offset + ", " + length + ", " + rater);
            }
        }
    }

    /** The figures of one label: observed and expected disagreement, and α_u (null when D_E is 0). */
    public record Category(double observed, double expected, Double alpha) {
    }

    /** Copies the per-label figures, sorted by label. */
    public UnitizingAlpha {
        categories = Collections.unmodifiableMap(new TreeMap<>(categories));
    }

    /**
     * α_u of {@code raters} annotators over the continuum {@code [begin, begin + length)}. An annotator's units
     * of one label must not overlap (DKPro's definition assumes it).
     */
    public static UnitizingAlpha of(long begin, long length, int raters, List<Unit> units) {
        if (raters < 2) {
            throw new IllegalArgumentException("agreement needs at least two annotators, found " + raters);
        }
        if (length <= 0) {
            throw new IllegalArgumentException("the continuum must not be empty, found length " + length);
        }
        List<Unit> sorted = new ArrayList<>(units);
        // labels in name order, so that sums over labels do not depend on the order units came in
        sorted.sort(Comparator.comparing(Unit::category).thenComparingLong(Unit::offset)
                .thenComparingLong(Unit::length).thenComparingInt(Unit::rater));
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(raters, begin, length);
        for (Unit u : sorted) {
            if (u.rater() >= raters || u.offset() < begin || u.offset() + u.length() > begin + length) {
                throw new IllegalArgumentException("unit " + u + " is outside the continuum [" + begin + ", "
                        + (begin + length) + ") or its rater is not one of " + raters);
            }
            study.addUnit(u.offset(), u.length(), u.rater(), u.category());
        }
        Measure m = new Measure(study);
        Map<String, Category> cats = new TreeMap<>();
        double expected = 0;
        for (Object c : study.getCategories()) {
            double dO = m.observed(c);
            double dE = m.expected(c);
            expected += dE;
            cats.put((String) c, new Category(dO, dE, dE > 0 ? TokenKappa.defined(() -> m.calculateCategoryAgreement(c))
                    : null));
        }
        Double alpha = cats.isEmpty() || !(expected > 0) ? null : TokenKappa.defined(m::calculateAgreement);
        return new UnitizingAlpha(alpha, cats);
    }

    /** DKPro's measure, with its per-label disagreements made visible (they are protected there). */
    private static final class Measure extends KrippendorffAlphaUnitizingAgreement {
        Measure(IUnitizingAnnotationStudy study) {
            super(study);
        }

        double observed(Object category) {
            return calculateObservedCategoryDisagreement(category);
        }

        double expected(Object category) {
            return calculateExpectedCategoryDisagreement(category);
        }
    }
}
