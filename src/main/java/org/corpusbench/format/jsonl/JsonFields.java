package org.corpusbench.format.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;

/** Typed access to the fields of a JSON object, with errors that name the field and what was found. */
final class JsonFields {

    private final JsonNode node;
    private final Location location;
    /** The path of this object, or of the array it is an element of when {@code index >= 0}. */
    private final String prefix;
    private final int index;

    JsonFields(JsonNode node, Location location, String path) throws CorpusFormatException {
        this(node, location, path, -1);
    }

    /** The object at {@code index} in the array at {@code arrayPath}; the path string is built only for errors. */
    JsonFields(JsonNode node, Location location, String arrayPath, int index) throws CorpusFormatException {
        this.node = node;
        this.location = location;
        this.prefix = arrayPath;
        this.index = index;
        if (node == null || !node.isObject()) {
            String path = path();
            throw new CorpusFormatException(location, path.isEmpty() ? null : path,
                    "expected a JSON object, found " + kind(node));
        }
    }

    private String path() {
        return index < 0 ? prefix : prefix + "[" + index + "]";
    }

    JsonFields object(String name) throws CorpusFormatException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw missing(name, "an object");
        }
        return new JsonFields(v, location, field(name));
    }

    JsonFields optionalObject(String name) throws CorpusFormatException {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : new JsonFields(v, location, field(name));
    }

    String string(String name) throws CorpusFormatException {
        String s = optionalString(name);
        if (s == null) {
            throw missing(name, "a string");
        }
        return s;
    }

    String optionalString(String name) throws CorpusFormatException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw error(name, "expected a string, found " + kind(v));
        }
        return v.textValue();
    }

    int integer(String name) throws CorpusFormatException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw missing(name, "an integer");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw error(name, "expected an integer, found " + kind(v));
        }
        return v.intValue();
    }

    java.util.List<String> names() {
        java.util.List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    JsonNode array(String name, boolean required) throws CorpusFormatException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw missing(name, "an array");
            }
            return null;
        }
        if (!v.isArray()) {
            throw error(name, "expected an array, found " + kind(v));
        }
        return v;
    }

    String field(String name) {
        String path = path();
        return path.isEmpty() ? name : path + "." + name;
    }

    Location location() {
        return location;
    }

    CorpusFormatException error(String name, String message) {
        return new CorpusFormatException(location, field(name), message);
    }

    private CorpusFormatException missing(String name, String expected) {
        return error(name, "missing; expected " + expected);
    }

    static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToInt() ? "an integer" : "an integer out of range";
        }
        if (v.isNumber()) {
            return "a decimal number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
