package org.corpusbench.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A quick "certainly valid" test for records, compiled when the schemas are loaded from the same schema
 * files networknt reads, so there is nothing to keep in step by hand.
 *
 * <p>It answers only {@code true} ("the schema accepts this instance") or {@code false} ("not known"):
 * {@link SchemaValidator} runs networknt whenever the answer is {@code false}, so diagnostics always come
 * from networknt. It is sound by construction: each supported keyword is checked at least as strictly as
 * JSON Schema 2020-12 defines it, and a schema that uses anything else (a keyword not listed below, a
 * nested {@code $id}, a cyclic {@code $ref}, a regular expression outside a small subset) is not compiled
 * at all, so that kind always goes to networknt.
 *
 * <p>Supported is what the record schemas use and nothing more (issue 13: networknt alone validates at a
 * fifth of the speed, docs/performance.md): boolean schemas; {@code type}; {@code enum} of strings;
 * {@code properties}, {@code required}, {@code additionalProperties}, {@code dependentRequired};
 * {@code items}; {@code minLength}, {@code maxLength} (code points); an integral {@code minimum};
 * {@code pattern} (anchors, letters and digits, classes of them, quantifiers; printable ASCII instances
 * only); {@code $ref} (JSON pointer fragments); {@code oneOf} (one branch accepts, every other one
 * provably rejects); and the annotations {@code $schema}, {@code $id} (resource roots), {@code $defs},
 * {@code title}, {@code description}. Integers are accepted only as integral JSON numbers (not
 * {@code 1.0}) that fit in a {@code long}.
 */
final class SchemaFastPath {

    /** A compiled schema: {@code true} only when the instance is certainly valid. */
    interface Check {
        boolean accepts(JsonNode n);

        /** {@code true} only when the instance is certainly invalid. */
        default boolean rejects(JsonNode n) {
            return false;
        }
    }

    /** A schema that uses something the fast path does not support. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "title", "description");

    private static final int STRING = 1;
    private static final int INTEGER = 2;
    private static final int NUMBER = 4;
    private static final int OBJECT = 8;
    private static final int ARRAY = 16;
    private static final int BOOLEAN = 32;
    private static final int NULL = 64;

    /** The schema {@code true}: accepts everything. */
    static final Check ANY = n -> true;

    /** The schema {@code false}: accepts nothing. */
    static final Check FALSE = new Check() {
        @Override
        public boolean accepts(JsonNode n) {
            return false;
        }

        @Override
        public boolean rejects(JsonNode n) {
            return true;
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String idBase;
    private final String resourceBase;
    private final ClassLoader loader;
    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, Check> compiled = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    private SchemaFastPath(String idBase, String resourceBase, ClassLoader loader) {
        this.idBase = idBase;
        this.resourceBase = resourceBase;
        this.loader = loader;
    }

    /**
     * Compiles the schema with {@code $id} {@code id}, whose resources live on the class path under
     * {@code resourceBase} in place of {@code idBase}.
     *
     * @throws Unsupported when the schema (or one it refers to) uses something not supported
     */
    static Check compile(String id, String idBase, String resourceBase, ClassLoader loader) throws Unsupported {
        return new SchemaFastPath(idBase, resourceBase, loader).ref(URI.create(id));
    }

    // ---------------------------------------------------------------- compiling

    private Check ref(URI target) throws Unsupported {
        String key = target.toString();
        Check done = compiled.get(key);
        if (done != null) {
            return done;
        }
        if (!inProgress.add(key)) {
            throw new Unsupported("cyclic $ref " + key);
        }
        URI doc;
        try {
            doc = new URI(target.getScheme(), target.getSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            throw new Unsupported("bad $ref " + key);
        }
        JsonNode root = resource(doc);
        String fragment = target.getFragment();
        JsonNode schema;
        if (fragment == null || fragment.isEmpty()) {
            schema = root;
        } else if (fragment.startsWith("/")) {
            schema = root.at(JsonPointer.compile(fragment));
        } else {
            throw new Unsupported("anchor fragment " + key);
        }
        if (schema == null || schema.isMissingNode()) {
            throw new Unsupported("unresolved $ref " + key);
        }
        Check c = schema(schema, doc, schema == root);
        inProgress.remove(key);
        compiled.put(key, c);
        return c;
    }

    private JsonNode resource(URI doc) throws Unsupported {
        String key = doc.toString();
        JsonNode cached = resources.get(key);
        if (cached != null) {
            return cached;
        }
        if (!key.startsWith(idBase)) {
            throw new Unsupported("schema outside " + idBase + ": " + key);
        }
        String path = resourceBase + key.substring(idBase.length());
        JsonNode root;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new Unsupported("no resource " + path);
            }
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new Unsupported("cannot read " + path + ": " + e);
        }
        if (!root.isObject() || !key.equals(root.path("$id").asText(null))
                || (root.has("$schema") && !DIALECT.equals(root.get("$schema").asText()))) {
            throw new Unsupported("unexpected $id or $schema in " + path);
        }
        resources.put(key, root);
        return root;
    }

    private Check schema(JsonNode s, URI base, boolean resourceRoot) throws Unsupported {
        if (s.isBoolean()) {
            return s.booleanValue() ? ANY : FALSE;
        }
        if (!s.isObject()) {
            throw new Unsupported("schema is not an object");
        }
        ObjectSchema o = new ObjectSchema();
        for (Map.Entry<String, JsonNode> e : s.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            switch (k) {
                case "type" -> o.types = types(v);
                case "enum" -> o.enumValues = enumStrings(v);
                case "properties" -> {
                    o.properties = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> pe : objectOf(v).properties()) {
                        o.properties.put(pe.getKey(), schema(pe.getValue(), base, false));
                    }
                }
                case "required" -> o.required = strings(v);
                case "additionalProperties" -> o.additional = schema(v, base, false);
                case "dependentRequired" -> {
                    o.dependentRequired = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> pe : objectOf(v).properties()) {
                        o.dependentRequired.put(pe.getKey(), strings(pe.getValue()));
                    }
                }
                case "items" -> o.items = schema(v, base, false);
                case "minLength" -> o.minLength = nonNegative(v);
                case "maxLength" -> o.maxLength = nonNegative(v);
                case "minimum" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                        throw new Unsupported("minimum that is not a long");
                    }
                    o.minimum = v.longValue();
                }
                case "pattern" -> o.pattern = simplePattern(v);
                case "$ref" -> {
                    if (!v.isTextual()) {
                        throw new Unsupported("bad $ref");
                    }
                    try {
                        o.ref = ref(base.resolve(new URI(v.textValue())));
                    } catch (URISyntaxException ex) {
                        throw new Unsupported("bad $ref");
                    }
                }
                case "oneOf" -> {
                    List<Check> out = new ArrayList<>();
                    for (JsonNode m : arrayOf(v)) {
                        out.add(schema(m, base, false));
                    }
                    if (out.isEmpty()) {
                        throw new Unsupported("empty oneOf");
                    }
                    o.oneOf = out.toArray(new Check[0]);
                }
                case "$id" -> {
                    if (!resourceRoot) {
                        throw new Unsupported("$id below a resource root");
                    }
                }
                default -> {
                    if (!ANNOTATIONS.contains(k)) {
                        throw new Unsupported("keyword " + k);
                    }
                }
            }
        }
        o.prepare();
        return o.isOnlyRef() ? o.ref : o;
    }

    private static int types(JsonNode v) throws Unsupported {
        if (v.isTextual()) {
            return type(v.textValue());
        }
        int mask = 0;
        for (JsonNode t : arrayOf(v)) {
            if (!t.isTextual()) {
                throw new Unsupported("type");
            }
            mask |= type(t.textValue());
        }
        if (mask == 0) {
            throw new Unsupported("empty type");
        }
        return mask;
    }

    private static int type(String t) throws Unsupported {
        return switch (t) {
            case "string" -> STRING;
            case "integer" -> INTEGER;
            case "number" -> NUMBER;
            case "object" -> OBJECT;
            case "array" -> ARRAY;
            case "boolean" -> BOOLEAN;
            case "null" -> NULL;
            default -> throw new Unsupported("type " + t);
        };
    }

    private static Set<String> enumStrings(JsonNode v) throws Unsupported {
        Set<String> out = new HashSet<>();
        for (JsonNode e : arrayOf(v)) {
            if (!e.isTextual()) {
                throw new Unsupported("enum value that is not a string");
            }
            out.add(e.textValue());
        }
        return out;
    }

    private static String[] strings(JsonNode v) throws Unsupported {
        List<String> out = new ArrayList<>();
        for (JsonNode e : arrayOf(v)) {
            if (!e.isTextual()) {
                throw new Unsupported("expected strings");
            }
            out.add(e.textValue());
        }
        return out.toArray(new String[0]);
    }

    private static int nonNegative(JsonNode v) throws Unsupported {
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new Unsupported("expected a non-negative int");
        }
        return v.intValue();
    }

    private static JsonNode objectOf(JsonNode v) throws Unsupported {
        if (!v.isObject()) {
            throw new Unsupported("expected an object");
        }
        return v;
    }

    private static JsonNode arrayOf(JsonNode v) throws Unsupported {
        if (!v.isArray()) {
            throw new Unsupported("expected an array");
        }
        return v;
    }

    /**
     * Compiles {@code pattern} when it is in a subset on which java.util.regex and ECMA-262 agree for every
     * printable-ASCII string (the only strings the fast path matches; anything else goes to networknt): the
     * anchors {@code ^} and {@code $}, ASCII letters and digits, classes of them and of ranges between two
     * of one kind ({@code [0-9a-f]}), each optionally followed by one greedy quantifier {@code * + ?
     * {n} {n,} {n,m}}. That is what the record schemas use ({@code ^[0-9a-f]{64}$}).
     */
    static Pattern simplePattern(JsonNode v) throws Unsupported {
        if (!v.isTextual()) {
            throw new Unsupported("pattern");
        }
        String p = v.textValue();
        int n = p.length();
        boolean atom = false;
        int i = 0;
        while (i < n) {
            char c = p.charAt(i);
            if (c == '^' || c == '$') {
                i++;
                atom = false;
            } else if (asciiLetterOrDigit(c)) {
                i++;
                atom = true;
            } else if (c == '[') {
                i = characterClass(p, i);
                atom = true;
            } else if (atom && (c == '*' || c == '+' || c == '?')) {
                i++;
                atom = false;
            } else if (atom && c == '{') {
                i = bounds(p, i);
                atom = false;
            } else {
                throw new Unsupported("pattern " + p);
            }
        }
        return Pattern.compile(p);
    }

    /** Checks {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}; returns the index after it. */
    private static int bounds(String p, int i) throws Unsupported {
        int j = digits(p, i + 1);
        if (j == i + 1) {
            throw new Unsupported("pattern quantifier");
        }
        if (j < p.length() && p.charAt(j) == ',') {
            j = digits(p, j + 1);
        }
        if (j >= p.length() || p.charAt(j) != '}') {
            throw new Unsupported("pattern quantifier");
        }
        return j + 1;
    }

    private static int digits(String p, int i) {
        while (i < p.length() && p.charAt(i) >= '0' && p.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * Checks a character class at {@code i} whose items are ASCII letters or digits, or ranges between two
     * of the same kind in order; returns the index after it.
     */
    private static int characterClass(String p, int i) throws Unsupported {
        int j = i + 1;
        while (j < p.length() && asciiLetterOrDigit(p.charAt(j))) {
            char c = p.charAt(j);
            if (j + 2 < p.length() && p.charAt(j + 1) == '-') {
                char d = p.charAt(j + 2);
                if (!sameKind(c, d) || d < c) {
                    throw new Unsupported("pattern range");
                }
                j += 3;
            } else {
                j++;
            }
        }
        if (j == i + 1 || j >= p.length() || p.charAt(j) != ']') {
            throw new Unsupported("pattern class");
        }
        return j + 1;
    }

    private static boolean asciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean sameKind(char a, char b) {
        return (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z') || (a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z')
                || (a >= '0' && a <= '9' && b >= '0' && b <= '9');
    }

    // ---------------------------------------------------------------- checking

    private static int bits(JsonNodeType t, JsonNode n) {
        return switch (t) {
            case STRING -> STRING;
            case OBJECT -> OBJECT;
            case ARRAY -> ARRAY;
            case NUMBER -> n.isIntegralNumber() ? INTEGER | NUMBER : NUMBER;
            case BOOLEAN -> BOOLEAN;
            case NULL -> NULL;
            default -> 0;
        };
    }

    /** The types {@code n} might have: a decimal number may still be an integer (1.0). */
    private static int possibleBits(JsonNode n) {
        int b = bits(n.getNodeType(), n);
        return (b & NUMBER) != 0 ? b | INTEGER | NUMBER : b;
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** One schema object; absent keywords are {@code null} (or -1, or 0 for {@code types}). */
    static final class ObjectSchema implements Check {
        int types;
        Set<String> enumValues;
        Map<String, Check> properties;
        String[] required;
        Check additional;
        Map<String, String[]> dependentRequired;
        Check items;
        int minLength = -1;
        int maxLength = -1;
        Long minimum;
        Pattern pattern;
        Check ref;
        Check[] oneOf;
        /** Set by {@link #prepare()}: the names of {@code properties}, then the other required names. */
        private String[] names;
        /** The schema of each name, {@code null} for a required name outside {@code properties}. */
        private Check[] checks;
        /** Bit i set: {@code names[i]} is required. */
        private long requiredMask;
        private boolean scanFields;

        @Override
        public boolean accepts(JsonNode n) {
            JsonNodeType t = n.getNodeType();
            if (types != 0 && (types & bits(t, n)) == 0) {
                return false;
            }
            if (enumValues != null && !(t == JsonNodeType.STRING && enumValues.contains(n.textValue()))) {
                return false;
            }
            boolean ok = switch (t) {
                case OBJECT -> object(n);
                case STRING -> string(n.textValue());
                case ARRAY -> array(n);
                case NUMBER -> minimum == null || n.isIntegralNumber() && n.canConvertToLong()
                        && n.longValue() >= minimum;
                // no keyword of the subset applies to booleans and null
                default -> true;
            };
            if (!ok || ref != null && !ref.accepts(n)) {
                return false;
            }
            if (oneOf != null) {
                int accepted = 0;
                for (Check c : oneOf) {
                    if (c.accepts(n)) {
                        accepted++;
                    } else if (!c.rejects(n)) {
                        return false;
                    }
                }
                return accepted == 1;
            }
            return true;
        }

        /**
         * Builds the lookup table {@link #object} uses, so that one scan of an instance's fields checks
         * them all and finds the required ones.
         *
         * @throws Unsupported for more than 64 names, which the mask of names seen cannot hold
         */
        void prepare() throws Unsupported {
            List<String> list = new ArrayList<>();
            List<Check> own = new ArrayList<>();
            if (properties != null) {
                for (Map.Entry<String, Check> e : properties.entrySet()) {
                    list.add(e.getKey().intern());
                    own.add(e.getValue());
                }
            }
            if (required != null) {
                for (String r : required) {
                    if (!list.contains(r)) {
                        list.add(r.intern());
                        own.add(null);
                    }
                }
            }
            if (list.size() > 64) {
                throw new Unsupported("more than 64 property names");
            }
            if (required != null) {
                for (String r : required) {
                    requiredMask |= 1L << list.indexOf(r);
                }
            }
            names = list.toArray(new String[0]);
            checks = own.toArray(new Check[0]);
            scanFields = names.length > 0 || additional != null;
        }

        private int indexOf(String name) {
            String[] ns = names;
            for (int i = 0; i < ns.length; i++) {
                // Jackson interns field names and the table holds interned names: usually == hits
                if (ns[i] == name || ns[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private boolean object(JsonNode n) {
            long seen = 0;
            if (scanFields) {
                for (Map.Entry<String, JsonNode> f : n.properties()) {
                    int i = indexOf(f.getKey());
                    if (i >= 0) {
                        seen |= 1L << i;
                    }
                    // a name outside properties is subject to additionalProperties
                    Check c = i >= 0 && checks[i] != null ? checks[i] : additional;
                    if (c != null && c != ANY && !c.accepts(f.getValue())) {
                        return false;
                    }
                }
            }
            if ((seen & requiredMask) != requiredMask) {
                return false;
            }
            if (dependentRequired != null) {
                for (Map.Entry<String, String[]> d : dependentRequired.entrySet()) {
                    if (n.has(d.getKey())) {
                        for (String r : d.getValue()) {
                            if (!n.has(r)) {
                                return false;
                            }
                        }
                    }
                }
            }
            return true;
        }

        private boolean array(JsonNode n) {
            if (items != null && items != ANY) {
                for (JsonNode e : n) {
                    if (!items.accepts(e)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean string(String s) {
            // a code point is one or two chars: only count them when the length in chars leaves doubt
            if (minLength > 0 && s.length() < 2 * (long) minLength
                    && (s.length() < minLength || s.codePointCount(0, s.length()) < minLength)) {
                return false;
            }
            if (maxLength >= 0 && s.length() > maxLength && s.codePointCount(0, s.length()) > maxLength) {
                return false;
            }
            return pattern == null || (printableAscii(s) && pattern.matcher(s).find());
        }

        @Override
        public boolean rejects(JsonNode n) {
            if (types != 0 && (types & possibleBits(n)) == 0) {
                return true;
            }
            if (enumValues != null && !(n.isTextual() && enumValues.contains(n.textValue()))) {
                // every enum value is a string: a different string, or any non-string, equals none of them
                return true;
            }
            if (n.isObject()) {
                if (required != null) {
                    for (String r : required) {
                        if (!n.has(r)) {
                            return true;
                        }
                    }
                }
                if (additional == FALSE) {
                    for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                        if (properties == null || !properties.containsKey(it.next())) {
                            return true;
                        }
                    }
                }
            }
            return ref != null && ref.rejects(n);
        }

        /** Whether this schema is just a {@code $ref}: then it can be replaced by its target. */
        boolean isOnlyRef() {
            return ref != null && types == 0 && enumValues == null && properties == null && required == null
                    && additional == null && dependentRequired == null && items == null && minLength < 0
                    && maxLength < 0 && minimum == null && pattern == null && oneOf == null;
        }
    }
}
