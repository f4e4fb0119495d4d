package org.corpusbench.evaluation;

import org.corpusbench.eval.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corpusbench.eval.contradiction.PairMatcher;
import org.corpusbench.eval.entity.LabelledSpan;
import org.corpusbench.eval.entity.SpanEvaluation;
import org.corpusbench.eval.entity.SpanEvaluator;
import org.corpusbench.eval.nli.NliCounts;
import org.corpusbench.eval.nli.NliEvaluator;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.eval.timex.TimexEvaluator;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;

/**
 * A task's counts split into the units a bootstrap or randomization test resamples: one per document for
 * entities and dates, one per pair of documents for contradictions (pairs can only match within one), one
 * per pair for NLI. Summing the units gives the corpus-level counts, because every count type merges.
 */
public final class EvaluationUnits {

    private EvaluationUnits() {
    }

    /** Entity span scoring per gold document; a document missing from {@code predicted} predicts nothing. */
    public static List<SpanEvaluation> entities(GoldCorpus gold, Map<String, DocumentAnnotations> predicted) {
        List<SpanEvaluation> out = new ArrayList<>();
        for (Document d : gold.documents().values()) {
            out.add(SpanEvaluator.evaluate(spans(gold.gold(d.id())), spans(predicted.get(d.id()))));
        }
        return out;
    }

    /** TempEval-3 date scoring per gold document. */
    public static List<TimexCounts> dates(GoldCorpus gold, Map<String, DocumentAnnotations> predicted) {
        List<TimexCounts> out = new ArrayList<>();
        for (Document d : gold.documents().values()) {
            DocumentAnnotations p = predicted.get(d.id());
            out.add(TimexEvaluator.evaluate(gold.gold(d.id()).timexes(), p == null ? List.of() : p.timexes()));
        }
        return out;
    }

    /** Contradiction pair detection per unordered pair of documents (a document with itself included). */
    public static List<Counts> contradictions(GoldCorpus gold, List<Contradiction> predicted) {
        List<String> ids = new ArrayList<>(gold.documents().keySet());
        List<Counts> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i; j < ids.size(); j++) {
                String x = ids.get(i);
                String y = ids.get(j);
                out.add(PairMatcher.match(between(gold.contradictions(), x, y), between(predicted, x, y)).overall());
            }
        }
        return out;
    }

    /** NLI classification per gold pair; a pair without a prediction counts as missed. */
    public static List<NliCounts> nli(GoldCorpus gold, Map<String, NliLabel> predicted) {
        List<NliCounts> out = new ArrayList<>();
        for (NliPair p : gold.nliPairs()) {
            out.add(NliEvaluator.evaluate(p, predicted));
        }
        return out;
    }

    private static List<LabelledSpan> spans(DocumentAnnotations a) {
        List<LabelledSpan> out = new ArrayList<>();
        if (a != null) {
            a.entities().forEach(e -> out.add(new LabelledSpan(e.span().start(), e.span().end(), e.type())));
        }
        return out;
    }

    /** The contradictions whose evidence lies in documents {@code x} and {@code y} (in either order). */
    static List<Contradiction> between(List<Contradiction> cs, String x, String y) {
        return cs.stream().filter(c -> c.a().docId().equals(x) && c.b().docId().equals(y)
                || c.a().docId().equals(y) && c.b().docId().equals(x)).toList();
    }
}
