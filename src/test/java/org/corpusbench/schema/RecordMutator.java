package org.corpusbench.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damages JSON records the way broken corpora are broken: fields missing or extra, values of the wrong
 * type, negative or huge offsets, decimals where integers belong, bad enum values, empty or over-long
 * strings, checksums with a trailing newline, lone surrogates, duplicated and dropped array elements.
 */
final class RecordMutator {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final String[] NAMES = {"extra", "start", "end", "text", "type", "tid", "value", "mod", "doc_id",
        "id", "label", "a", "b", "premise", "hypothesis", "score", "entity_id", "anchor", "quant", "freq", "title",
        "source", "metadata", "explanation", "contradiction_id", "entities", "timexes", "sha256", ""};

    private RecordMutator() {
    }

    /** A value from a pool of awkward ones. */
    static JsonNode value(Random r) {
        return switch (r.nextInt(40)) {
            case 0 -> F.numberNode(-1);
            case 1 -> F.numberNode(0);
            case 2 -> F.numberNode(3);
            case 3 -> F.numberNode(Long.MAX_VALUE);
            case 4 -> F.numberNode(new BigInteger("1000000000000000000000000000000"));
            case 5 -> F.numberNode(1.0);
            case 6 -> F.numberNode(2.5);
            case 7 -> F.numberNode(new BigDecimal("4.0"));
            case 8 -> F.textNode("");
            case 9 -> F.textNode("x");
            case 10 -> F.textNode("TITLE");
            case 11 -> F.textNode("DATE");
            case 12 -> F.textNode("DAY");
            case 13 -> F.textNode("maybe");
            case 14 -> F.textNode("neutral");
            case 15 -> F.textNode("APPROX");
            case 16 -> F.textNode("NAME");
            case 17 -> F.textNode("0".repeat(64));
            case 18 -> F.textNode("0".repeat(64) + "\n");
            case 19 -> F.textNode("0".repeat(63) + "A");
            case 20 -> F.textNode("a".repeat(512));
            case 21 -> F.textNode("a".repeat(513));
            case 22 -> F.textNode("\uD83D\uDE80".repeat(512));
            case 23 -> F.textNode("\uD83D\uDE80".repeat(513));
            case 24 -> F.textNode("\uD800");
            case 25 -> F.nullNode();
            case 26 -> F.booleanNode(true);
            case 27 -> F.arrayNode();
            case 28 -> F.objectNode();
            case 29 -> {
                ObjectNode o = F.objectNode();
                o.put("start", 0).put("end", 1).put("text", "x").put("type", "PERSON");
                yield o;
            }
            case 30 -> F.arrayNode().add(value(r));
            case 31 -> F.textNode("t1");
            case 32 -> F.numberNode(-5);
            case 33 -> F.numberNode(Integer.MAX_VALUE + 1L);
            case 34 -> F.textNode("PERSON");
            case 35 -> F.textNode("XXXX-12");
            case 36 -> F.textNode("0".repeat(64) + "\r");
            case 37 -> F.textNode(" ");
            case 38 -> F.numberNode(0.0);
            default -> F.textNode("entailment");
        };
    }

    /** Applies one to three random changes to {@code root} (in place). */
    static void mutate(ObjectNode root, Random r) {
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode c = containers.get(r.nextInt(containers.size()));
            if (c instanceof ObjectNode o) {
                mutateObject(o, r);
            } else if (c instanceof ArrayNode a) {
                mutateArray(a, r);
            }
        }
    }

    /**
     * Damage that keeps the schema happy and is for the cross-checks to find: an entity copied (overlap),
     * an unknown entity type, a timex copied (duplicate tid), offsets shifted with their text kept.
     */
    static void mutateSemantics(ObjectNode root, Random r) {
        for (String layer : new String[] {"entities", "timexes"}) {
            JsonNode arr = root.get(layer);
            if (arr instanceof ArrayNode a && !a.isEmpty() && r.nextBoolean()) {
                ObjectNode e = (ObjectNode) a.get(r.nextInt(a.size())).deepCopy();
                switch (r.nextInt(4)) {
                    case 0 -> a.add(e);
                    case 1 -> {
                        if (e.path("type").isTextual() && layer.equals("entities")) {
                            e.put("type", r.nextBoolean() ? "TITLE" : "PER");
                        }
                        a.set(r.nextInt(a.size()), e);
                    }
                    case 2 -> {
                        if (e.path("start").isInt() && e.path("end").isInt()) {
                            int d = r.nextInt(5) - 2;
                            e.put("start", Math.max(0, e.get("start").intValue() + d));
                            e.put("end", e.get("start").intValue() + e.path("text").asText().codePointCount(0,
                                    e.path("text").asText().length()));
                        }
                        a.set(r.nextInt(a.size()), e);
                    }
                    default -> a.insert(0, e);
                }
            }
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (JsonNode child : n) {
                collect(child, out);
            }
        }
    }

    private static void mutateObject(ObjectNode o, Random r) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        int op = r.nextInt(3);
        if (op == 0 && !names.isEmpty()) {
            o.remove(names.get(r.nextInt(names.size())));
        } else if (op == 1 || names.isEmpty()) {
            o.set(NAMES[r.nextInt(NAMES.length)], value(r));
        } else {
            String name = names.get(r.nextInt(names.size()));
            JsonNode old = o.get(name);
            if (old.isInt() && r.nextBoolean()) {
                o.put(name, old.intValue() + (r.nextBoolean() ? 1 : -1));
            } else {
                o.set(name, value(r));
            }
        }
    }

    private static void mutateArray(ArrayNode a, Random r) {
        int op = r.nextInt(3);
        if (op == 0 && !a.isEmpty()) {
            a.remove(r.nextInt(a.size()));
        } else if (op == 1 && !a.isEmpty()) {
            a.insert(r.nextInt(a.size() + 1), a.get(r.nextInt(a.size())).deepCopy());
        } else {
            a.add(value(r));
        }
    }
}
