package org.corpusbench.agreement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.corpusbench.agreement.AgreementReport.Annotator;
import org.corpusbench.agreement.AgreementReport.ContradictionAgreement;
import org.corpusbench.agreement.AgreementReport.ContradictionPair;
import org.corpusbench.agreement.AgreementReport.EntityAgreement;
import org.corpusbench.agreement.AgreementReport.EntityPair;
import org.corpusbench.agreement.AgreementReport.NliAgreement;
import org.corpusbench.agreement.AgreementReport.NliAnnotatorPair;
import org.corpusbench.agreement.AgreementReport.Pair;
import org.corpusbench.agreement.AgreementReport.TimexAgreement;
import org.corpusbench.agreement.AgreementReport.TimexPair;
import org.corpusbench.eval.Counts;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.eval.contradiction.PairMatcher;
import org.corpusbench.eval.entity.LabelledSpan;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanEvaluator;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.eval.timex.TimexEvaluator;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.Document;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * Computes the agreement of two or more annotation sets of the same documents (issue 17):
 * <ul>
 * <li>entities: F1 between each two annotators under the four SemEval-2013 schemes (the matching of
 * {@link SpanEvaluator}, the first annotator of a pair in the role of the gold), Cohen's kappa (two
 * annotators) and Fleiss' kappa over tokens ({@link Tokens}, {@link TokenKappa}), and Krippendorff's α_u over
 * the code points of all documents laid end to end ({@link UnitizingAlpha});</li>
 * <li>TIMEX3: TempEval-3's strict and relaxed extent F1 ({@link TimexEvaluator}), and over the matched
 * expressions the share with the same type and the same value;</li>
 * <li>contradictions: F1 of {@link PairMatcher}'s one-to-one matching of evidence pairs (as {@code evaluate}
 * scores them), and the share of matched pairs given the same type;</li>
 * <li>NLI: over the premise/hypothesis pairs, matched by id and required to be the same pairs in every set
 * ({@link AnnotationSets#requireSameNliPairs}), the observed agreement, Cohen's kappa (two annotators) and
 * Fleiss' kappa of the labels ({@link TokenKappa}), and a confusion matrix for each two annotators.</li>
 * </ul>
 * With more than two annotators the F1 figures pool the counts of every pair and each pair's counts are kept.
 * Every place where two annotators differ is listed for adjudication ({@link Disagreement}).
 */
public final class Agreement {

    /** The layers agreement is measured on. */
    public static final Set<GoldCorpus.Layer> LAYERS = Set.copyOf(EnumSet.of(GoldCorpus.Layer.ENTITIES,
            GoldCorpus.Layer.TIMEXES, GoldCorpus.Layer.CONTRADICTIONS, GoldCorpus.Layer.NLI));

    /** Code points of text shown on each side of a disagreement. */
    static final int CONTEXT = 40;

    private Agreement() {
    }

    /** The layers that at least one of {@code sets} holds (what {@code agree} compares by default). */
    public static Set<GoldCorpus.Layer> layersHeld(List<AnnotationSet> sets) {
        Set<GoldCorpus.Layer> out = EnumSet.noneOf(GoldCorpus.Layer.class);
        for (AnnotationSet s : sets) {
            for (GoldCorpus.Layer l : LAYERS) {
                if (size(s, l) > 0) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    /**
     * The agreement of {@code sets} on {@code layers}.
     *
     * @throws CorpusFormatException when the sets do not hold the same documents with the same texts, a set
     *                               holds nothing of a layer that is compared, or the NLI layer is compared
     *                               and the sets do not label the same pairs
     */
    public static AgreementReport compute(List<AnnotationSet> sets, Set<GoldCorpus.Layer> layers)
            throws IOException {
        if (sets.size() < 2) {
            throw new IllegalArgumentException("agreement needs at least two annotation sets, found " + sets.size());
        }
        Set<String> names = new HashSet<>();
        for (AnnotationSet s : sets) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two annotation sets are named " + s.name());
            }
        }
        if (!LAYERS.containsAll(layers) || layers.isEmpty()) {
            throw new IllegalArgumentException("expected some of " + LAYERS + ", found " + layers);
        }
        AnnotationSets.requireSameDocuments(sets);
        requireLayers(sets, layers);
        if (layers.contains(GoldCorpus.Layer.NLI)) {
            AnnotationSets.requireSameNliPairs(sets);
        }
        List<Document> docs = new ArrayList<>(sets.get(0).documents().values());
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            for (int j = i + 1; j < sets.size(); j++) {
                pairs.add(new Pair(i, j));
            }
        }
        List<Disagreement> disagreements = new ArrayList<>();
        long tokens = 0;
        long continuum = 0;
        for (Document d : docs) {
            tokens += Tokens.of(d.text()).size();
            continuum += d.length();
        }
        EntityAgreement entities = null;
        if (layers.contains(GoldCorpus.Layer.ENTITIES)) {
            entities = entities(sets, docs, pairs, continuum);
            disagreements.addAll(entityDisagreements(sets, docs, pairs));
        }
        TimexAgreement timexes = null;
        if (layers.contains(GoldCorpus.Layer.TIMEXES)) {
            timexes = timexes(sets, docs, pairs);
            disagreements.addAll(timexDisagreements(sets, docs, pairs));
        }
        ContradictionAgreement contradictions = null;
        if (layers.contains(GoldCorpus.Layer.CONTRADICTIONS)) {
            contradictions = contradictions(sets, pairs);
            disagreements.addAll(contradictionDisagreements(sets, docs, pairs));
        }
        NliAgreement nli = null;
        if (layers.contains(GoldCorpus.Layer.NLI)) {
            nli = nli(sets, pairs);
            disagreements.addAll(nliDisagreements(sets, pairs));
        }
        List<Annotator> annotators = new ArrayList<>();
        for (AnnotationSet s : sets) {
            annotators.add(new Annotator(s.name(), s.source(), s.kind(), s.dataset(), s.files(), s.entityCount(),
                    s.timexCount(), s.contradictions().size(), s.nliPairs().size()));
        }
        return new AgreementReport(annotators, docs.stream().map(Document::id).toList(), tokens, continuum,
                entities, timexes, contradictions, nli, disagreements);
    }

    private static long size(AnnotationSet s, GoldCorpus.Layer l) {
        return switch (l) {
            case ENTITIES -> s.entityCount();
            case TIMEXES -> s.timexCount();
            case CONTRADICTIONS -> s.contradictions().size();
            case NLI -> s.nliPairs().size();
            default -> 0;
        };
    }

    /**
     * Refuses a comparison of a layer that a set holds nothing of: that is almost always a file left out,
     * and scoring it would report a disagreement that no annotator made.
     */
    private static void requireLayers(List<AnnotationSet> sets, Set<GoldCorpus.Layer> layers)
            throws CorpusFormatException {
        List<CorpusFormatException> problems = new ArrayList<>();
        for (GoldCorpus.Layer l : LAYERS) {
            if (!layers.contains(l)) {
                continue;
            }
            AnnotationSet holder = sets.stream().filter(s -> size(s, l) > 0).findFirst().orElse(null);
            for (AnnotationSet s : sets) {
                if (size(s, l) == 0) {
                    problems.add(new CorpusFormatException(Location.ofFile(s.source().toString()), null,
                            "annotation set " + s.name() + " holds no " + l.label() + (holder == null ? ", nor does "
                            + "any other set" : ", while " + holder.name() + " holds " + size(holder, l))
                            + "; expected every set to annotate each layer that is compared, or the layer left out "
                            + "of the comparison"));
                }
            }
        }
        org.corpusbench.diagnostic.CorpusFormatProblems.throwIfAny(problems);
    }

    // ---------------------------------------------------------------- entities

    private static List<LabelledSpan> spans(AnnotationSet s, String docId) {
        List<LabelledSpan> out = new ArrayList<>();
        for (EntityMention e : s.layers(docId).entities()) {
            out.add(new LabelledSpan(e.span().start(), e.span().end(), e.type()));
        }
        return out;
    }

    private static EntityAgreement entities(List<AnnotationSet> sets, List<Document> docs, List<Pair> pairs,
                                            long continuum) {
        int n = sets.size();
        // token labels of every annotator, document after document
        List<String[]> items = new ArrayList<>();
        List<UnitizingAlpha.Unit> units = new ArrayList<>();
        long offset = 0;
        for (Document d : docs) {
            List<Tokens.Token> toks = Tokens.of(d.text());
            String[][] labels = new String[n][];
            for (int r = 0; r < n; r++) {
                List<EntityMention> es = sets.get(r).layers(d.id()).entities();
                labels[r] = Tokens.labels(toks, es);
                for (EntityMention e : es) {
                    units.add(new UnitizingAlpha.Unit(offset + e.span().start(), e.span().length(), r, e.type()));
                }
            }
            for (int t = 0; t < toks.size(); t++) {
                String[] item = new String[n];
                for (int r = 0; r < n; r++) {
                    item[r] = labels[r][t];
                }
                items.add(item);
            }
            offset += d.length();
        }
        SpanEvaluation pooled = SpanEvaluation.EMPTY;
        List<EntityPair> pairFigures = new ArrayList<>();
        for (Pair p : pairs) {
            SpanEvaluation e = SpanEvaluation.EMPTY;
            for (Document d : docs) {
                e = e.plus(SpanEvaluator.evaluate(spans(sets.get(p.first()), d.id()),
                        spans(sets.get(p.second()), d.id())));
            }
            pooled = pooled.plus(e);
            List<String[]> two = new ArrayList<>(items.size());
            for (String[] item : items) {
                two.add(new String[] {item[p.first()], item[p.second()]});
            }
            List<UnitizingAlpha.Unit> twoUnits = new ArrayList<>();
            for (UnitizingAlpha.Unit u : units) {
                if (u.rater() == p.first() || u.rater() == p.second()) {
                    twoUnits.add(new UnitizingAlpha.Unit(u.offset(), u.length(), u.rater() == p.first() ? 0 : 1,
                            u.category()));
                }
            }
            pairFigures.add(new EntityPair(p, e, TokenKappa.of(two, 2), alphaU(continuum, 2, twoUnits)));
        }
        Map<String, List<Long>> mentions = mentionCounts(sets, s -> {
            List<String> types = new ArrayList<>();
            s.annotations().values().forEach(a -> a.entities().forEach(e -> types.add(e.type())));
            return types;
        }, new TreeMap<>());
        return new EntityAgreement(pooled, TokenKappa.of(items, n), alphaU(continuum, n, units), pairFigures,
                mentions);
    }

    /** α_u over the continuum, undefined when the documents have no text at all. */
    private static UnitizingAlpha alphaU(long continuum, int raters, List<UnitizingAlpha.Unit> units) {
        return continuum == 0 ? new UnitizingAlpha(null, Map.of()) : UnitizingAlpha.of(0, continuum, raters, units);
    }

    /** Per key, how many items of each annotator have it (0 where an annotator has none). */
    private static <K> Map<K, List<Long>> mentionCounts(List<AnnotationSet> sets,
                                                        Function<AnnotationSet, List<K>> keys, Map<K, List<Long>> out) {
        for (int r = 0; r < sets.size(); r++) {
            for (K k : keys.apply(sets.get(r))) {
                List<Long> counts = out.computeIfAbsent(k, x -> new ArrayList<>(java.util.Collections.nCopies(
                        sets.size(), 0L)));
                counts.set(r, counts.get(r) + 1);
            }
        }
        return out;
    }

    /**
     * The entities two annotators differ on, one row per place: each overlapping pair of mentions that are
     * not the same (same extent, other type: {@code type}; other extent: {@code boundary}), and each mention
     * that overlaps nothing of the other annotator ({@code only_first}, {@code only_second}). Symmetric: swapping
     * the annotators swaps only_first and only_second and nothing else.
     */
    private static List<Disagreement> entityDisagreements(List<AnnotationSet> sets, List<Document> docs,
                                                          List<Pair> pairs) {
        List<Disagreement> out = new ArrayList<>();
        for (Pair p : pairs) {
            AnnotationSet a = sets.get(p.first());
            AnnotationSet b = sets.get(p.second());
            for (Document d : docs) {
                List<EntityMention> first = a.layers(d.id()).entities();
                List<EntityMention> second = b.layers(d.id()).entities();
                places(first, second, EntityMention::span, (x, y) -> x.type().equals(y.type())
                        ? null : Disagreement.Kind.TYPE, Agreement::describe, (kind, span, x, y) -> out.add(
                        new Disagreement("entities", a.name(), b.name(), kind, d.id(), span.start(), span.end(),
                                span.text(), x, y, context(d, span.start(), span.end()))), d);
            }
        }
        out.sort(PLACE);
        return out;
    }

    /** Receives one place where two annotators differ. */
    @FunctionalInterface
    private interface PlaceSink {
        void accept(Disagreement.Kind kind, Span place, String firstSays, String secondSays);
    }

    /**
     * Walks the overlaps of two annotators' items in one document (see {@link #entityDisagreements}):
     * {@code sameExtent} says how two items of one extent differ ({@code null}: they agree).
     */
    private static <T> void places(List<T> first, List<T> second, Function<T, Span> span,
                                   java.util.function.BiFunction<T, T, Disagreement.Kind> sameExtent,
                                   Function<T, String> describe, PlaceSink sink, Document d) {
        boolean[] secondOverlaps = new boolean[second.size()];
        for (T x : first) {
            Span sx = span.apply(x);
            boolean overlaps = false;
            for (int j = 0; j < second.size(); j++) {
                T y = second.get(j);
                Span sy = span.apply(y);
                if (!sx.overlaps(sy)) {
                    continue;
                }
                overlaps = true;
                secondOverlaps[j] = true;
                Disagreement.Kind kind = sx.sameExtent(sy) ? sameExtent.apply(x, y) : Disagreement.Kind.BOUNDARY;
                if (kind != null) {
                    Span place = Span.of(d.text(), Math.min(sx.start(), sy.start()), Math.max(sx.end(), sy.end()));
                    sink.accept(kind, place, describe.apply(x), describe.apply(y));
                }
            }
            if (!overlaps) {
                sink.accept(Disagreement.Kind.ONLY_FIRST, sx, describe.apply(x), "");
            }
        }
        for (int j = 0; j < second.size(); j++) {
            if (!secondOverlaps[j]) {
                sink.accept(Disagreement.Kind.ONLY_SECOND, span.apply(second.get(j)), "",
                        describe.apply(second.get(j)));
            }
        }
    }

    // ---------------------------------------------------------------- TIMEX3

    private static TimexAgreement timexes(List<AnnotationSet> sets, List<Document> docs, List<Pair> pairs) {
        TimexCounts pooled = TimexCounts.ZERO;
        Map<TimexType, TimexCounts> types = new EnumMap<>(TimexType.class);
        List<TimexPair> pairCounts = new ArrayList<>();
        Map<TimexType, List<Long>> mentions = mentionCounts(sets, s -> {
            List<TimexType> ts = new ArrayList<>();
            s.annotations().values().forEach(a -> a.timexes().forEach(t -> ts.add(t.type())));
            return ts;
        }, new EnumMap<>(TimexType.class));
        for (Pair p : pairs) {
            TimexCounts c = TimexCounts.ZERO;
            for (Document d : docs) {
                List<Timex3> a = sets.get(p.first()).layers(d.id()).timexes();
                List<Timex3> b = sets.get(p.second()).layers(d.id()).timexes();
                c = c.plus(TimexEvaluator.evaluate(a, b));
                for (TimexType t : mentions.keySet()) {
                    types.merge(t, TimexEvaluator.evaluate(only(a, x -> x.type() == t), only(b, x -> x.type() == t)),
                            TimexCounts::plus);
                }
            }
            pooled = pooled.plus(c);
            pairCounts.add(new TimexPair(p, c));
        }
        return new TimexAgreement(pooled, types, pairCounts, mentions);
    }

    private static <T> List<T> only(List<T> l, Predicate<T> keep) {
        return l.stream().filter(keep).toList();
    }

    /** As {@link #entityDisagreements}; two expressions of one extent differ in type, else in value. */
    private static List<Disagreement> timexDisagreements(List<AnnotationSet> sets, List<Document> docs,
                                                         List<Pair> pairs) {
        List<Disagreement> out = new ArrayList<>();
        for (Pair p : pairs) {
            AnnotationSet a = sets.get(p.first());
            AnnotationSet b = sets.get(p.second());
            for (Document d : docs) {
                places(a.layers(d.id()).timexes(), b.layers(d.id()).timexes(), Timex3::span,
                        (x, y) -> x.type() != y.type() ? Disagreement.Kind.TYPE
                                : !x.value().equals(y.value()) ? Disagreement.Kind.VALUE : null,
                        Agreement::describe, (kind, span, x, y) -> out.add(new Disagreement("timexes", a.name(),
                        b.name(), kind, d.id(), span.start(), span.end(), span.text(), x, y,
                        context(d, span.start(), span.end()))), d);
            }
        }
        out.sort(PLACE);
        return out;
    }

    // ---------------------------------------------------------------- contradictions

    private static ContradictionAgreement contradictions(List<AnnotationSet> sets, List<Pair> pairs) {
        Counts pooled = Counts.ZERO;
        long sameType = 0;
        Map<ContradictionType, Counts> types = new EnumMap<>(ContradictionType.class);
        List<ContradictionPair> pairCounts = new ArrayList<>();
        Map<ContradictionType, List<Long>> mentions = mentionCounts(sets, s -> s.contradictions().stream()
                .map(Contradiction::type).filter(java.util.Objects::nonNull).toList(),
                new EnumMap<>(ContradictionType.class));
        for (Pair p : pairs) {
            List<Contradiction> a = sets.get(p.first()).contradictions();
            List<Contradiction> b = sets.get(p.second()).contradictions();
            Counts overall = PairMatcher.match(a, b).overall();
            // The largest matching that pairs only contradictions of one type: its size over the largest
            // matching's is the type agreement (1 for identical sets, whatever the overlaps between pairs).
            long same = 0;
            for (ContradictionType t : mentions.keySet()) {
                Counts c = PairMatcher.match(only(a, x -> x.type() == t), only(b, x -> x.type() == t)).overall();
                types.merge(t, c, Counts::plus);
                same += c.tp();
            }
            pooled = pooled.plus(overall);
            sameType += same;
            pairCounts.add(new ContradictionPair(p, overall, same));
        }
        return new ContradictionAgreement(pooled, sameType, types, pairCounts, mentions);
    }

    /**
     * The contradictions two annotators differ on: first each type's pairs are matched among themselves (an
     * agreement), then what is left is matched regardless of type (a disagreement on the type), and what is
     * still left was marked by one annotator only.
     */
    private static List<Disagreement> contradictionDisagreements(List<AnnotationSet> sets, List<Document> docs,
                                                                 List<Pair> pairs) {
        Map<String, Document> byId = new TreeMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        List<Disagreement> out = new ArrayList<>();
        for (Pair p : pairs) {
            AnnotationSet a = sets.get(p.first());
            AnnotationSet b = sets.get(p.second());
            List<Contradiction> first = a.contradictions();
            List<Contradiction> second = b.contradictions();
            boolean[] firstMatched = new boolean[first.size()];
            boolean[] secondMatched = new boolean[second.size()];
            Set<ContradictionType> types = new java.util.LinkedHashSet<>();
            first.forEach(c -> types.add(c.type()));
            second.forEach(c -> types.add(c.type()));
            for (ContradictionType t : types) {
                matchAmong(first, second, firstMatched, secondMatched, c -> c.type() == t, null);
            }
            matchAmong(first, second, firstMatched, secondMatched, c -> true, (x, y) -> out.add(contradiction(byId, a,
                    b, Disagreement.Kind.TYPE, x, describe(x), describe(y))));
            for (int i = 0; i < first.size(); i++) {
                if (!firstMatched[i]) {
                    out.add(contradiction(byId, a, b, Disagreement.Kind.ONLY_FIRST, first.get(i),
                            describe(first.get(i)), ""));
                }
            }
            for (int i = 0; i < second.size(); i++) {
                if (!secondMatched[i]) {
                    out.add(contradiction(byId, a, b, Disagreement.Kind.ONLY_SECOND, second.get(i), "",
                            describe(second.get(i))));
                }
            }
        }
        out.sort(PLACE);
        return out;
    }

    /**
     * Matches ({@link PairMatcher}) the unmatched contradictions of both sides that {@code keep} accepts, marks
     * the matched ones, and hands each matched pair to {@code matched} (when not null).
     */
    private static void matchAmong(List<Contradiction> first, List<Contradiction> second, boolean[] firstMatched,
                                   boolean[] secondMatched, Predicate<Contradiction> keep,
                                   java.util.function.BiConsumer<Contradiction, Contradiction> matched) {
        List<Integer> fi = new ArrayList<>();
        List<Integer> si = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            if (!firstMatched[i] && keep.test(first.get(i))) {
                fi.add(i);
            }
        }
        for (int i = 0; i < second.size(); i++) {
            if (!secondMatched[i] && keep.test(second.get(i))) {
                si.add(i);
            }
        }
        List<Contradiction> f = fi.stream().map(first::get).toList();
        List<Contradiction> s = si.stream().map(second::get).toList();
        for (int[] m : PairMatcher.match(f, s).matches()) {
            firstMatched[fi.get(m[0])] = true;
            secondMatched[si.get(m[1])] = true;
            if (matched != null) {
                matched.accept(f.get(m[0]), s.get(m[1]));
            }
        }
    }

    private static Disagreement contradiction(Map<String, Document> docs, AnnotationSet a, AnnotationSet b,
                                              Disagreement.Kind kind, Contradiction c, String firstSays,
                                              String secondSays) {
        Evidence e = c.a();
        return new Disagreement("contradictions", a.name(), b.name(), kind, e.docId(), e.span().start(),
                e.span().end(), e.span().text(), firstSays, secondSays, context(docs.get(e.docId()), e.span().start(),
                e.span().end()) + " | " + context(docs.get(c.b().docId()), c.b().span().start(), c.b().span().end()));
    }

    // ---------------------------------------------------------------- NLI

    /**
     * The NLI labels as items: one per pair, in the first set's order, holding each annotator's label. The
     * sets were checked to hold the same labelled pairs ({@link AnnotationSets#requireSameNliPairs}).
     */
    private static List<NliLabel[]> nliItems(List<AnnotationSet> sets) {
        List<Map<String, NliLabel>> byId = new ArrayList<>();
        for (AnnotationSet s : sets) {
            Map<String, NliLabel> m = new java.util.HashMap<>();
            s.nliPairs().forEach(p -> m.put(p.id(), p.label()));
            byId.add(m);
        }
        List<NliLabel[]> out = new ArrayList<>();
        for (NliPair p : sets.get(0).nliPairs()) {
            NliLabel[] item = new NliLabel[sets.size()];
            for (int r = 0; r < sets.size(); r++) {
                item[r] = byId.get(r).get(p.id());
            }
            out.add(item);
        }
        return out;
    }

    private static NliAgreement nli(List<AnnotationSet> sets, List<Pair> pairs) {
        List<NliLabel[]> items = nliItems(sets);
        int n = sets.size();
        List<String[]> all = new ArrayList<>(items.size());
        Map<NliLabel, List<Long>> labels = new EnumMap<>(NliLabel.class);
        for (NliLabel l : NliLabel.values()) {
            labels.put(l, new ArrayList<>(java.util.Collections.nCopies(n, 0L)));
        }
        for (NliLabel[] item : items) {
            String[] names = new String[n];
            for (int r = 0; r < n; r++) {
                names[r] = item[r].wireName();
                labels.get(item[r]).set(r, labels.get(item[r]).get(r) + 1);
            }
            all.add(names);
        }
        List<NliAnnotatorPair> pairFigures = new ArrayList<>();
        for (Pair p : pairs) {
            List<String[]> two = new ArrayList<>(items.size());
            Map<NliLabel, Map<NliLabel, Long>> confusion = new EnumMap<>(NliLabel.class);
            for (NliLabel row : NliLabel.values()) {
                Map<NliLabel, Long> cells = new EnumMap<>(NliLabel.class);
                for (NliLabel column : NliLabel.values()) {
                    cells.put(column, 0L);
                }
                confusion.put(row, cells);
            }
            long differ = 0;
            for (NliLabel[] item : items) {
                NliLabel x = item[p.first()];
                NliLabel y = item[p.second()];
                two.add(new String[] {x.wireName(), y.wireName()});
                confusion.get(x).merge(y, 1L, Long::sum);
                if (x != y) {
                    differ++;
                }
            }
            pairFigures.add(new NliAnnotatorPair(p, TokenKappa.of(two, 2), confusion, differ));
        }
        return new NliAgreement(items.size(), TokenKappa.of(all, n), labels, pairFigures);
    }

    /**
     * One row for each NLI pair that two annotators label differently, in the first set's order of pairs:
     * the place is the premise (its document and span, or none when the premise was not drawn from a
     * document), the text is the pair's id, and the context gives the premise and the hypothesis.
     */
    private static List<Disagreement> nliDisagreements(List<AnnotationSet> sets, List<Pair> pairs) {
        List<NliLabel[]> items = nliItems(sets);
        List<NliPair> order = sets.get(0).nliPairs();
        List<Disagreement> out = new ArrayList<>();
        for (Pair p : pairs) {
            for (int i = 0; i < items.size(); i++) {
                NliLabel x = items.get(i)[p.first()];
                NliLabel y = items.get(i)[p.second()];
                if (x == y) {
                    continue;
                }
                NliPair pair = order.get(i);
                Segment premise = pair.premise();
                out.add(new Disagreement("nli", sets.get(p.first()).name(), sets.get(p.second()).name(),
                        Disagreement.Kind.LABEL, premise.docId() == null ? "" : premise.docId(),
                        premise.span() == null ? 0 : premise.span().start(),
                        premise.span() == null ? 0 : premise.span().end(), pair.id(), x.wireName(), y.wireName(),
                        "premise: " + excerpt(premise.text()) + " | hypothesis: " + excerpt(pair.hypothesis().text())));
            }
        }
        return out;
    }

    /** A premise or hypothesis, white space shown as single spaces, cut after 2·{@link #CONTEXT} code points. */
    static String excerpt(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        int n = t.codePointCount(0, t.length());
        return n <= 2 * CONTEXT ? t : t.substring(0, t.offsetByCodePoints(0, 2 * CONTEXT)) + "…";
    }

    // ---------------------------------------------------------------- descriptions

    /** Disagreements in the order an adjudicator reads them: by pair, document, position. */
    private static final Comparator<Disagreement> PLACE = Comparator.comparing(Disagreement::first)
            .thenComparing(Disagreement::second).thenComparing(Disagreement::docId)
            .thenComparingInt(Disagreement::start).thenComparingInt(Disagreement::end)
            .thenComparing(Disagreement::kind);

    private static String describe(EntityMention e) {
        return e.type() + " [" + e.span().start() + "," + e.span().end() + ") '" + e.span().text() + "'";
    }

    private static String describe(Timex3 t) {
        return t.type() + " " + t.value() + (t.mod() == null ? "" : " mod=" + t.mod()) + " [" + t.span().start() + ","
                + t.span().end() + ") '" + t.span().text() + "'";
    }

    private static String describe(Contradiction c) {
        return (c.type() == null ? "(no type)" : c.type().name()) + " a=" + side(c.a()) + " b=" + side(c.b());
    }

    private static String side(Evidence e) {
        return e.docId() + "[" + e.span().start() + "," + e.span().end() + ") '" + e.span().text() + "'";
    }

    /**
     * The place {@code [start, end)} of {@code d} with up to {@link #CONTEXT} code points on each side, marked
     * {@code [[...]]}, white space (line breaks, tabs) shown as single spaces.
     */
    static String context(Document d, int start, int end) {
        String t = d.text();
        int n = d.length();
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(n, end + CONTEXT);
        String s = (from > 0 ? "…" : "") + CodePoints.substring(t, from, start) + "[["
                + CodePoints.substring(t, start, end) + "]]" + CodePoints.substring(t, end, to) + (to < n ? "…" : "");
        return s.replaceAll("\\s+", " ");
    }
}
