package org.corpusbench.agreement;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import org.dkpro.statistics.agreement.InsufficientDataException;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;

/**
 * Chance-corrected agreement on the label of each item (here: each token), computed by DKPro Statistics:
 * Cohen's kappa (two annotators, each with a label distribution of their own; Cohen 1960), Fleiss' kappa
 * (any number of annotators, one pooled label distribution; Fleiss 1971, which for two annotators is Scott's
 * pi), the observed agreement (the share of agreeing pairs of labels), and per label the category-specific
 * kappa of Fleiss (1971) that DKPro computes for both measures.
 *
 * <p>A figure is {@code null} when it is undefined: no items, a kappa when a single label is used by everyone
 * (the expected agreement is then 1 and kappa is 0/0; the observed agreement is 1), or, per label, a label
 * nobody used.
 *
 * @param items      number of items
 * @param observed   observed agreement, or {@code null}
 * @param cohen      Cohen's kappa, or {@code null} (also whenever there are not exactly two annotators)
 * @param fleiss     Fleiss' kappa, or {@code null}
 * @param categories per label other than {@value Tokens#OUTSIDE}, its category-specific kappa (or {@code null})
 */
public record TokenKappa(long items, Double observed, Double cohen, Double fleiss, Map<String, Double> categories) {

    /** Copies the per-label kappas, sorted by label. */
    public TokenKappa {
        categories = Collections.unmodifiableMap(new TreeMap<>(categories));
    }

    /**
     * The kappas of {@code items}, each holding one label per annotator ({@code raters} of them, in the
     * same order for every item).
     */
    public static TokenKappa of(List<String[]> items, int raters) {
        if (raters < 2) {
            throw new IllegalArgumentException("agreement needs at least two annotators, found " + raters);
        }
        if (items.isEmpty()) {
            return new TokenKappa(0, null, null, null, Map.of());
        }
        CodingAnnotationStudy study = new CodingAnnotationStudy(raters);
        for (String[] item : items) {
            if (item.length != raters) {
                throw new IllegalArgumentException("an item has " + item.length + " labels, expected " + raters);
            }
            study.addItemAsArray(item.clone());
        }
        FleissKappaAgreement fleiss = new FleissKappaAgreement(study);
        Map<String, Double> categories = new TreeMap<>();
        for (Object c : study.getCategories()) {
            if (!Tokens.OUTSIDE.equals(c)) {
                categories.put((String) c, defined(() -> fleiss.calculateCategoryAgreement(c)));
            }
        }
        // DKPro refuses a study with one category; every pair of labels then agrees, so A_O is 1 (the kappas
        // stay undefined: A_E is 1 too). Found by NliAgreementPropertiesTest.aLayerAgreesWithItself.
        Double observed = study.getCategoryCount() < 2 ? Double.valueOf(1.0)
                : defined(new PercentageAgreement(study)::calculateAgreement);
        return new TokenKappa(items.size(), observed,
                raters == 2 ? defined(new CohenKappaAgreement(study)::calculateAgreement) : null,
                defined(fleiss::calculateAgreement), categories);
    }

    /** The figure, or {@code null} when DKPro finds it undefined (an exception, NaN or an infinity). */
    static Double defined(DoubleSupplier figure) {
        try {
            double v = figure.getAsDouble();
            return Double.isFinite(v) ? v : null;
        } catch (InsufficientDataException | ArithmeticException e) {
            return null;
        }
    }
}
