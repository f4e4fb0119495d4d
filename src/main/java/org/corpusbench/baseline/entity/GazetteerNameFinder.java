package org.corpusbench.baseline.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.namefind.DictionaryNameFinder;
import opennlp.tools.util.StringList;
import org.corpusbench.text.EnglishSplitter;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

/**
 * A gazetteer: the names seen in the training documents' gold, each with its most frequent type, found
 * again by OpenNLP's {@code DictionaryNameFinder}. Where names of different types overlap, the longest
 * (then leftmost) wins.
 */
public final class GazetteerNameFinder implements EntityRecognizer {

    @Override
    public String name() {
        return "gazetteer";
    }

    @Override
    public Predictor train(List<Document> docs, Map<String, DocumentAnnotations> gold) {
        EnglishSplitter splitter = new EnglishSplitter();
        Map<StringList, Map<String, Integer>> typeCounts = new HashMap<>();
        for (Document d : docs) {
            DocumentAnnotations g = gold.getOrDefault(d.id(), DocumentAnnotations.empty(d.id()));
            for (EnglishSplitter.Sentence s : splitter.split(d.text())) {
                String[] tokens = TokenAlignment.tokens(s);
                for (opennlp.tools.util.Span n : TokenAlignment.names(s, g.entities())) {
                    String[] name = java.util.Arrays.copyOfRange(tokens, n.getStart(), n.getEnd());
                    typeCounts.computeIfAbsent(new StringList(name), k -> new TreeMap<>()).merge(n.getType(), 1,
                            Integer::sum);
                }
            }
        }
        Map<String, Dictionary> byType = new TreeMap<>();
        typeCounts.forEach((name, counts) -> {
            // Most frequent type; ties go to the alphabetically first, so training order does not matter.
            String type = null;
            int best = -1;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() > best) {
                    best = e.getValue();
                    type = e.getKey();
                }
            }
            byType.computeIfAbsent(type, t -> new Dictionary(true)).put(name);
        });
        return doc -> {
            List<DictionaryNameFinder> finders = new ArrayList<>();
            byType.forEach((type, dict) -> finders.add(new DictionaryNameFinder(dict, type)));
            List<EntityMention> found = new ArrayList<>();
            for (EnglishSplitter.Sentence s : splitter.split(doc.text())) {
                String[] tokens = TokenAlignment.tokens(s);
                List<opennlp.tools.util.Span> hits = new ArrayList<>();
                for (DictionaryNameFinder f : finders) {
                    hits.addAll(List.of(f.find(tokens)));
                }
                hits.sort(Comparator.comparingInt((opennlp.tools.util.Span h) -> h.getEnd() - h.getStart()).reversed()
                        .thenComparingInt(opennlp.tools.util.Span::getStart)
                        .thenComparing(opennlp.tools.util.Span::getType));
                List<opennlp.tools.util.Span> kept = new ArrayList<>();
                for (opennlp.tools.util.Span h : hits) {
                    if (kept.stream().noneMatch(k -> k.intersects(h))) {
                        kept.add(h);
                    }
                }
                for (opennlp.tools.util.Span k : kept) {
                    Span span = TokenAlignment.span(doc.text(), s, k.getStart(), k.getEnd());
                    found.add(new EntityMention(span, k.getType(), null));
                }
            }
            return new DocumentAnnotations(doc.id(), found, List.of());
        };
    }
}
