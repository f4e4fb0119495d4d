package org.corpusbench.agreement;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.corpusbench.eval.Counts;
import org.corpusbench.eval.entity.SpanCounts;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanScheme;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.TimexType;

/**
 * How far two or more annotation sets of the same documents agree, layer by layer, as {@link Agreement}
 * computes it. The F1 figures come from counts summed over every pair of annotators (each pair scored
 * once, the first annotator in the role of the gold), so that with more than two annotators they are
 * pooled, never averages of averages; every pair's own counts are kept too.
 *
 * <p>A figure is {@code null} when it is undefined, e.g. an F1 when neither annotator marked anything of a
 * type: two empty annotations agree on nothing, and neither 0 nor 1 would say so. A layer that was not
 * compared is {@code null} as a whole.
 *
 * @param annotators     the annotators, in the order given
 * @param documents      ids of the documents, in id order (the order of the continuum under α_u)
 * @param tokens         number of tokens under the token kappas
 * @param continuum      length of the continuum under α_u: every document's code points, one after another
 * @param entities       the entity layer, or {@code null} when not compared
 * @param timexes        the TIMEX3 layer, or {@code null} when not compared
 * @param contradictions the contradiction layer, or {@code null} when not compared
 * @param nli            the NLI layer, or {@code null} when not compared
 * @param disagreements  every place where two annotators differ, by layer, pair, document and position
 */
public record AgreementReport(List<Annotator> annotators, List<String> documents, long tokens, long continuum,
                              EntityAgreement entities, TimexAgreement timexes,
                              ContradictionAgreement contradictions, NliAgreement nli,
                              List<Disagreement> disagreements) {

    /**
     * The SemEval-2013 schemes reported between annotators: strict, exact and partial, whose counts do not
     * depend on which annotator takes the role of the gold. The {@code type} scheme is left out: its matching
     * (each prediction, in order, takes the closest overlapping gold span of its label, else any overlapping
     * one) is greedy, and gives other counts when the two annotators swap roles.
     */
    public static final List<SpanScheme> SCHEMES = List.of(SpanScheme.STRICT, SpanScheme.EXACT, SpanScheme.PARTIAL);

    /** Copies the lists; refuses fewer than two annotators, since one set alone agrees with nothing. */
    public AgreementReport {
        annotators = List.copyOf(annotators);
        documents = List.copyOf(documents);
        disagreements = List.copyOf(disagreements);
        if (annotators.size() < 2) {
            throw new IllegalArgumentException("agreement needs at least two annotators, found " + annotators.size());
        }
    }

    /** An annotator: where the set came from, and how much of each layer it holds. */
    public record Annotator(String name, Path source, AnnotationSet.Kind kind, AnnotationSet.Release dataset,
                            List<AnnotationSet.InputFile> files, long entities, long timexes, long contradictions,
                            long nliPairs) {
        /** Requires the name and copies the files; {@code dataset} is {@code null} when the set is not a release. */
        public Annotator {
            Objects.requireNonNull(name, "name");
            files = List.copyOf(files);
        }
    }

    /** Two annotators by their index in {@link #annotators()}, {@code first < second}. */
    public record Pair(int first, int second) {
        /** Refuses anything but two distinct annotators in index order, so that each pair has one name. */
        public Pair {
            if (first < 0 || second <= first) {
                throw new IllegalArgumentException("expected 0 <= first < second, found " + first + ", " + second);
            }
        }
    }

    /**
     * The entity layer.
     *
     * @param pooled   SemEval-2013 counts of every pair, summed
     * @param tokens   the token kappas of all annotators
     * @param alphaU   α_u of all annotators over the continuum
     * @param pairs    each pair's own figures
     * @param mentions per type, the number of mentions of each annotator (in annotator order)
     */
    public record EntityAgreement(SpanEvaluation pooled, TokenKappa tokens, UnitizingAlpha alphaU,
                                  List<EntityPair> pairs, Map<String, List<Long>> mentions) {
        /** Copies the pairs, and the mention counts sorted by type. */
        public EntityAgreement {
            pairs = List.copyOf(pairs);
            mentions = copy(mentions);
        }

        /** F1 of {@code scheme} over every pair, or {@code null} when nobody marked an entity. */
        public Double f1(SpanScheme scheme) {
            return AgreementReport.f1(pooled.overall().get(scheme), scheme);
        }

        /** F1 of {@code scheme} on the mentions of {@code type} only, or {@code null} when there are none. */
        public Double f1(SpanScheme scheme, String type) {
            Map<SpanScheme, SpanCounts> m = pooled.labels().get(type);
            return m == null ? null : AgreementReport.f1(m.get(scheme), scheme);
        }
    }

    /** One pair's entity figures: SemEval-2013 counts, token kappas and α_u of the two alone. */
    public record EntityPair(Pair pair, SpanEvaluation evaluation, TokenKappa tokens, UnitizingAlpha alphaU) {
    }

    /**
     * The TIMEX3 layer.
     *
     * @param pooled   TempEval-3 counts of every pair, summed
     * @param types    per TIMEX3 type, the counts of the expressions of that type alone, summed over pairs
     * @param pairs    each pair's own counts
     * @param mentions per type, the number of expressions of each annotator
     */
    public record TimexAgreement(TimexCounts pooled, Map<TimexType, TimexCounts> types, List<TimexPair> pairs,
                                 Map<TimexType, List<Long>> mentions) {
        /** Copies the pairs, and the maps by type in {@link TimexType} order. */
        public TimexAgreement {
            types = enumCopy(types, TimexType.class);
            pairs = List.copyOf(pairs);
            mentions = enumCopy(mentions, TimexType.class);
        }

        /** F1 of {@code c} with identical extents only, or {@code null} when neither side has an expression. */
        public static Double strictF1(TimexCounts c) {
            return c.gold() + c.system() == 0 ? null : c.strictPrf().f1();
        }

        /** F1 of {@code c} with overlapping extents, or {@code null} when neither side has an expression. */
        public static Double relaxedF1(TimexCounts c) {
            return c.gold() + c.system() == 0 ? null : c.relaxedPrf().f1();
        }

        /** Share of matched (overlapping) expressions of the same type, or {@code null} with no match. */
        public static Double typeAgreement(TimexCounts c) {
            return c.relaxed() == 0 ? null : c.typeAccuracy();
        }

        /** Share of matched (overlapping) expressions of the same value, or {@code null} with no match. */
        public static Double valueAgreement(TimexCounts c) {
            return c.relaxed() == 0 ? null : c.valueAccuracy();
        }
    }

    /** One pair's TIMEX3 counts. */
    public record TimexPair(Pair pair, TimexCounts counts) {
    }

    /**
     * The contradiction layer.
     *
     * @param pooled   pair-matching counts of every pair of annotators, summed
     * @param sameType among the matched contradictions, those both annotators gave the same type, summed
     * @param types    per type, the counts of matching the contradictions of that type alone, summed
     * @param pairs    each pair's own counts
     * @param mentions per type, the number of contradictions of each annotator
     */
    public record ContradictionAgreement(Counts pooled, long sameType, Map<ContradictionType, Counts> types,
                                         List<ContradictionPair> pairs,
                                         Map<ContradictionType, List<Long>> mentions) {
        /** Copies the pairs, and the maps by type in {@link ContradictionType} order. */
        public ContradictionAgreement {
            types = enumCopy(types, ContradictionType.class);
            pairs = List.copyOf(pairs);
            mentions = enumCopy(mentions, ContradictionType.class);
        }

        /** F1 of the pair matching, or {@code null} when nobody marked a contradiction. */
        public static Double f1(Counts c) {
            return c.tp() + c.fp() + c.fn() == 0 ? null : c.f1();
        }

        /** Share of matched contradictions given the same type, or {@code null} with no match. */
        public Double typeAgreement() {
            return pooled.tp() == 0 ? null : (double) sameType / pooled.tp();
        }
    }

    /** One pair's contradiction counts, and how many of its matches have the same type on both sides. */
    public record ContradictionPair(Pair pair, Counts counts, long sameType) {
    }

    /**
     * The NLI layer: every annotator labelled the same premise/hypothesis pairs (matched by id, with the same
     * premise and hypothesis), and each pair is one item of the kappas.
     *
     * @param items  number of NLI pairs
     * @param kappa  observed agreement, Cohen's kappa (two annotators only), Fleiss' kappa of all annotators,
     *               and per label its category-specific kappa (Fleiss 1971)
     * @param labels per label, how many pairs each annotator gave it (in annotator order; every label present)
     * @param pairs  each pair of annotators' own figures and confusion matrix
     */
    public record NliAgreement(long items, TokenKappa kappa, Map<NliLabel, List<Long>> labels,
                               List<NliAnnotatorPair> pairs) {
        /** Copies the pairs, and the label counts in {@link NliLabel} order. */
        public NliAgreement {
            labels = enumCopy(labels, NliLabel.class);
            pairs = List.copyOf(pairs);
        }
    }

    /**
     * One pair of annotators on the NLI layer.
     *
     * @param pair          the two annotators
     * @param kappa         their observed agreement, Cohen's kappa and Fleiss' kappa (Scott's pi for two)
     * @param confusion     rows: the first annotator's label, columns: the second's, cells: number of NLI pairs;
     *                      every label is a row and a column
     * @param disagreements number of NLI pairs the two label differently (off the diagonal)
     */
    public record NliAnnotatorPair(Pair pair, TokenKappa kappa, Map<NliLabel, Map<NliLabel, Long>> confusion,
                                   long disagreements) {
        /** Copies the confusion matrix in {@link NliLabel} order. */
        public NliAnnotatorPair {
            Map<NliLabel, Map<NliLabel, Long>> rows = new EnumMap<>(NliLabel.class);
            confusion.forEach((k, v) -> rows.put(k, enumCopy(v, NliLabel.class)));
            confusion = Collections.unmodifiableMap(rows);
        }
    }

    /** F1 of SemEval-2013 counts, or {@code null} when both sides are empty. */
    public static Double f1(SpanCounts c, SpanScheme scheme) {
        return c.possible() + c.actual() == 0 ? null : c.prf(scheme).f1();
    }

    private static <K extends Enum<K>, V> Map<K, V> enumCopy(Map<K, V> m, Class<K> type) {
        Map<K, V> out = new EnumMap<>(type);
        out.putAll(m);
        return Collections.unmodifiableMap(out);
    }

    private static <K extends Comparable<K>, V> Map<K, V> copy(Map<K, V> m) {
        return Collections.unmodifiableMap(new TreeMap<>(m));
    }
}
