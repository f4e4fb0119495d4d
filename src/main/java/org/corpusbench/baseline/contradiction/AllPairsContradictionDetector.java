package org.corpusbench.baseline.contradiction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;

/**
 * The trivial reference: every pair of documents, paired on the first mention of every entity both
 * mention. High recall for name conflicts, low precision; it shows what the heuristics add.
 */
public final class AllPairsContradictionDetector implements ContradictionDetector {

    @Override
    public String name() {
        return "all-pairs";
    }

    @Override
    public List<Contradiction> detect(List<Document> docs, Map<String, DocumentAnnotations> entities) {
        List<Map<String, EntityMention>> firsts = new ArrayList<>();
        for (Document d : docs) {
            Map<String, EntityMention> first = new LinkedHashMap<>();
            for (EntityMention m : entities.getOrDefault(d.id(), DocumentAnnotations.empty(d.id())).entities()) {
                first.putIfAbsent(m.entityId() != null ? m.entityId() : m.span().text(), m);
            }
            firsts.add(first);
        }
        List<Contradiction> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            for (int j = i + 1; j < docs.size(); j++) {
                for (Map.Entry<String, EntityMention> e : firsts.get(i).entrySet()) {
                    EntityMention other = firsts.get(j).get(e.getKey());
                    if (other != null) {
                        out.add(new Contradiction(String.format(Locale.ROOT, "p%04d", out.size() + 1), null,
                                new Evidence(docs.get(i).id(), e.getValue().span()),
                                new Evidence(docs.get(j).id(), other.span()), "both mention " + e.getKey()));
                    }
                }
            }
        }
        return out;
    }
}
