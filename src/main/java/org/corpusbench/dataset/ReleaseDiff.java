package org.corpusbench.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Timex3;

/**
 * What changed between two releases, per layer: annotations added, removed and changed. Entity mentions
 * and timexes are identified by document and span (a changed label on the same span is a change, a moved
 * span is a removal plus an addition); contradictions and NLI pairs by their id; documents by id.
 */
public final class ReleaseDiff {

    /** One difference. {@code key} identifies the annotation ({@code doc:start-end} or an id). */
    public record Change(String layer, Kind kind, String key, String before, String after) {
        @Override
        public String toString() {
            return switch (kind) {
                case ADDED -> layer + " + " + key + " " + after;
                case REMOVED -> layer + " - " + key + " " + before;
                case CHANGED -> layer + " ~ " + key + " " + before + " -> " + after;
            };
        }
    }

    /** How a key differs between the two releases. */
    public enum Kind {
        /** In the second release only. */
        ADDED,
        /** In the first release only. */
        REMOVED,
        /** In both under the same key, but not the same. */
        CHANGED
    }

    private ReleaseDiff() {
    }

    /**
     * The changes from release {@code a} to release {@code b}: documents, entities, timexes, contradictions,
     * then NLI pairs, each layer in key order (spans by document, then by offsets as numbers; ids as text).
     * Documents are compared by SHA-256, entity mentions by surface text, type and entity id, timexes by
     * surface text, type, value and every attribute (mod, tid, anchor, quant, freq), contradictions and NLI
     * pairs by their whole JSON.
     */
    public static List<Change> diff(Dataset a, Dataset b) throws IOException {
        List<Change> out = new ArrayList<>();
        compare("documents", index(a.documentsById().values(), d -> d.id(), d -> "sha256=" + d.sha256()),
                index(b.documentsById().values(), d -> d.id(), d -> "sha256=" + d.sha256()), out);
        compare("entities", entities(a.annotationsById()), entities(b.annotationsById()), out);
        compare("timexes", timexes(a.annotationsById()), timexes(b.annotationsById()), out);
        compare("contradictions", index(a.contradictionList(), c -> String.valueOf(c.id()), JsonCodec::toJson),
                index(b.contradictionList(), c -> String.valueOf(c.id()), JsonCodec::toJson), out);
        compare("nli", index(a.nliPairList(), p -> p.id(), JsonCodec::toJson),
                index(b.nliPairList(), p -> p.id(), JsonCodec::toJson), out);
        return out;
    }

    private static Map<String, String> entities(Map<String, DocumentAnnotations> anns) {
        Map<String, String> out = new TreeMap<>(KEY_ORDER);
        for (DocumentAnnotations a : anns.values()) {
            for (EntityMention e : a.entities()) {
                out.put(key(a.docId(), e.span().start(), e.span().end()),
                        "'" + e.span().text() + "' " + e.type() + " " + e.entityId());
            }
        }
        return out;
    }

    private static Map<String, String> timexes(Map<String, DocumentAnnotations> anns) {
        Map<String, String> out = new TreeMap<>(KEY_ORDER);
        for (DocumentAnnotations a : anns.values()) {
            for (Timex3 t : a.timexes()) {
                out.put(key(a.docId(), t.span().start(), t.span().end()), "'" + t.span().text() + "' " + t.type()
                        + " " + t.value() + attribute("mod", t.mod()) + attribute("tid", t.tid())
                        + attribute("anchor", t.anchor()) + attribute("quant", t.quant())
                        + attribute("freq", t.freq()));
            }
        }
        return out;
    }

    private static String attribute(String name, String value) {
        return value == null ? "" : " " + name + "=" + value;
    }

    private static String key(String doc, int start, int end) {
        return doc + ":" + start + "-" + end;
    }

    /**
     * Span keys ({@code doc:start-end}) in document order and then by offsets as numbers, so that 9-12 comes
     * before 10-12; other keys (ids) as text.
     */
    static final java.util.Comparator<String> KEY_ORDER = (x, y) -> {
        long[] a = offsets(x);
        long[] b = offsets(y);
        if (a == null || b == null) {
            return x.compareTo(y);
        }
        int doc = x.substring(0, x.lastIndexOf(':')).compareTo(y.substring(0, y.lastIndexOf(':')));
        if (doc != 0) {
            return doc;
        }
        return a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]);
    };

    private static long[] offsets(String key) {
        int colon = key.lastIndexOf(':');
        int dash = key.lastIndexOf('-');
        if (colon < 0 || dash < colon) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(key.substring(colon + 1, dash)), Long.parseLong(key.substring(dash + 1))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> Map<String, String> index(Iterable<T> items, Function<T, String> key, Function<T, String> show) {
        Map<String, String> out = new TreeMap<>();
        for (T t : items) {
            out.put(key.apply(t), show.apply(t));
        }
        return out;
    }

    private static void compare(String layer, Map<String, String> a, Map<String, String> b, List<Change> out) {
        Map<String, String> all = new TreeMap<>(KEY_ORDER);
        all.putAll(a);
        b.forEach(all::putIfAbsent);
        for (String k : all.keySet()) {
            String x = a.get(k);
            String y = b.get(k);
            if (x == null) {
                out.add(new Change(layer, Kind.ADDED, k, null, y));
            } else if (y == null) {
                out.add(new Change(layer, Kind.REMOVED, k, x, null));
            } else if (!Objects.equals(x, y)) {
                out.add(new Change(layer, Kind.CHANGED, k, x, y));
            }
        }
    }
}
