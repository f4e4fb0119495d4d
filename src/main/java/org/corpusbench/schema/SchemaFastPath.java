package org.corpusbench.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
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
import java.util.regex.PatternSyntaxException;

/**
 * A quick "certainly valid" test for records, compiled when the schemas are loaded from the same schema
 * files networknt reads, so there is nothing to keep in step by hand.
 *
 * <p>It answers only {@code true} ("the schema accepts this instance") or {@code false} ("not known"):
 * {@link SchemaValidator} runs networknt whenever the answer is {@code false}, so diagnostics always come
 * from networknt. It is sound by construction: each supported keyword is checked at least as strictly as
 * JSON Schema 2020-12 defines it, and a schema that uses anything else (a keyword not listed below, a
 * nested {@code $id}, a cyclic {@code $ref}, a regular expression outside a small portable subset) is not
 * compiled at all, so that kind always goes to networknt.
 *
 * <p>Supported: boolean schemas; {@code type}; {@code enum} of strings; {@code properties},
 * {@code required}, {@code additionalProperties}, {@code unevaluatedProperties: false} (evaluated names
 * under-approximated by the {@code properties} of the schema and of its {@code $ref}/{@code allOf}
 * targets), {@code dependentRequired}; {@code items}; {@code minLength}, {@code maxLength} (code points);
 * integral {@code minimum}; {@code pattern} (portable subset, printable ASCII instances only);
 * {@code $ref} (JSON pointer fragments), {@code allOf}, {@code anyOf}, {@code oneOf} (one branch accepts,
 * every other one provably rejects); and the annotations {@code $schema}, {@code $id} (resource roots),
 * {@code $defs}, {@code $comment}, {@code title}, {@code description}, {@code default}, {@code examples},
 * {@code deprecated}. Integers are accepted only as integral JSON numbers (not {@code 1.0}).
 */
final class SchemaFastPath {

    /** A compiled schema: {@code true} only when the instance is certainly valid. */
    interface Check {
        boolean accepts(JsonNode n);

        /** {@code true} only when the instance is certainly invalid. */
        default boolean rejects(JsonNode n) {
            return false;
        }

        /** Property names this schema certainly evaluates when it accepts an object. */
        default Set<String> evaluatedNames() {
            return Set.of();
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
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title",
            "description", "default", "examples", "deprecated");

    private static final int STRING = 1;
    private static final int INTEGER = 2;
    private static final int NUMBER = 4;
    private static final int OBJECT = 8;
    private static final int ARRAY = 16;
    private static final int BOOLEAN = 32;
    private static final int NULL = 64;

    static final Check ANY = new Check() {
        @Override
        public boolean accepts(JsonNode n) {
            return true;
        }
    };

    static final Check UNKNOWN = n -> false;

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
        List<Check> inPlace = new ArrayList<>();
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
                case "unevaluatedProperties" -> {
                    if (v.isBoolean() && !v.booleanValue()) {
                        o.closed = true;
                    } else if (!(v.isBoolean() && v.booleanValue())) {
                        throw new Unsupported("unevaluatedProperties other than a boolean");
                    }
                }
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
                    if (!v.isIntegralNumber()) {
                        throw new Unsupported("minimum that is not an integer");
                    }
                    o.minimum = v.bigIntegerValue();
                }
                case "pattern" -> o.pattern = portablePattern(v);
                case "$ref" -> {
                    URI target;
                    try {
                        target = base.resolve(new URI(v.asText("")));
                    } catch (URISyntaxException ex) {
                        throw new Unsupported("bad $ref");
                    }
                    if (!v.isTextual()) {
                        throw new Unsupported("bad $ref");
                    }
                    inPlace.add(ref(target));
                }
                case "allOf" -> {
                    for (JsonNode m : arrayOf(v)) {
                        inPlace.add(schema(m, base, false));
                    }
                }
                case "anyOf" -> o.anyOf = members(v, base);
                case "oneOf" -> o.oneOf = members(v, base);
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
        o.inPlace = inPlace.toArray(new Check[0]);
        if (o.closed) {
            Set<String> names = new HashSet<>();
            if (o.properties != null) {
                names.addAll(o.properties.keySet());
            }
            for (Check c : o.inPlace) {
                names.addAll(c.evaluatedNames());
            }
            o.evaluated = names;
        }
        o.prepare();
        if (o.isOnlyInPlace()) {
            return o.inPlace[0];
        }
        return o;
    }

    private Check[] members(JsonNode v, URI base) throws Unsupported {
        List<Check> out = new ArrayList<>();
        for (JsonNode m : arrayOf(v)) {
            out.add(schema(m, base, false));
        }
        if (out.isEmpty()) {
            throw new Unsupported("empty applicator");
        }
        return out.toArray(new Check[0]);
    }

    private static int types(JsonNode v) throws Unsupported {
        int mask = 0;
        if (v.isTextual()) {
            return type(v.textValue());
        }
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

    private static final String ESCAPABLE = "dDwWsS.-\\/^$()[]{}|?*+";
    private static final String LITERALS = "_-,:/@#=!<>~%;'\" ";

    /**
     * Compiles {@code pattern} when it is in a small subset on which java.util.regex and ECMA-262 agree
     * for every printable-ASCII string (the only strings the fast path matches; anything else goes to
     * networknt): ASCII letters, digits and a few punctuation literals, {@code .}, {@code ^}, {@code $},
     * {@code |}, plain groups, character classes of literals, ranges between letters or digits and the
     * escapes below, the quantifiers {@code * + ? {n} {n,} {n,m}} after an atom (lazy allowed, possessive
     * not), and the escapes {@code \d \D \w \W \s \S} and escaped punctuation.
     */
    static Pattern portablePattern(JsonNode v) throws Unsupported {
        if (!v.isTextual()) {
            throw new Unsupported("pattern");
        }
        String p = v.textValue();
        int n = p.length();
        boolean atom = false;
        int i = 0;
        while (i < n) {
            char c = p.charAt(i);
            if (c == '\\') {
                escape(p, i);
                i += 2;
                atom = true;
            } else if (c == '[') {
                i = characterClass(p, i);
                atom = true;
            } else if (c == '(') {
                if (i + 1 < n && p.charAt(i + 1) == '?') {
                    throw new Unsupported("pattern group");
                }
                i++;
                atom = false;
            } else if (c == ')' || c == '.') {
                i++;
                atom = true;
            } else if (c == '|' || c == '^' || c == '$') {
                i++;
                atom = false;
            } else if (c == '*' || c == '+' || c == '?' || c == '{') {
                if (!atom) {
                    throw new Unsupported("pattern quantifier");
                }
                i = c == '{' ? bounds(p, i) : i + 1;
                if (i < n && p.charAt(i) == '?') {
                    i++;
                }
                atom = false;
            } else if (asciiLetterOrDigit(c) || LITERALS.indexOf(c) >= 0) {
                i++;
                atom = true;
            } else {
                throw new Unsupported("pattern character");
            }
        }
        try {
            return Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            throw new Unsupported("pattern syntax");
        }
    }

    private static void escape(String p, int i) throws Unsupported {
        if (i + 1 >= p.length() || ESCAPABLE.indexOf(p.charAt(i + 1)) < 0) {
            throw new Unsupported("pattern escape");
        }
    }

    /** Checks {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}; returns the index after it. */
    private static int bounds(String p, int i) throws Unsupported {
        int j = i + 1;
        int start = j;
        while (j < p.length() && p.charAt(j) >= '0' && p.charAt(j) <= '9') {
            j++;
        }
        if (j == start) {
            throw new Unsupported("pattern quantifier");
        }
        if (j < p.length() && p.charAt(j) == ',') {
            j++;
            while (j < p.length() && p.charAt(j) >= '0' && p.charAt(j) <= '9') {
                j++;
            }
        }
        if (j >= p.length() || p.charAt(j) != '}') {
            throw new Unsupported("pattern quantifier");
        }
        return j + 1;
    }

    /**
     * Checks a character class at {@code i}: items are letters or digits (optionally ranges between two
     * of the same kind), the punctuation literals, {@code .}, or escapes; a {@code -} only first or last.
     */
    private static int characterClass(String p, int i) throws Unsupported {
        int n = p.length();
        int j = i + 1;
        if (j < n && p.charAt(j) == '^') {
            j++;
        }
        int first = j;
        while (true) {
            if (j >= n) {
                throw new Unsupported("pattern class");
            }
            char c = p.charAt(j);
            if (c == ']' && j > first) {
                return j + 1;
            }
            if (c == '\\') {
                escape(p, j);
                j += 2;
            } else if (c == '-') {
                if (j != first && !(j + 1 < n && p.charAt(j + 1) == ']')) {
                    throw new Unsupported("pattern class");
                }
                j++;
            } else if (asciiLetterOrDigit(c)) {
                if (j + 2 < n && p.charAt(j + 1) == '-' && p.charAt(j + 2) != ']') {
                    char d = p.charAt(j + 2);
                    if (!sameKind(c, d) || d < c) {
                        throw new Unsupported("pattern range");
                    }
                    j += 3;
                } else {
                    j++;
                }
            } else if (c == '.' || (c != '-' && LITERALS.indexOf(c) >= 0)) {
                j++;
            } else {
                throw new Unsupported("pattern class");
            }
        }
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
        boolean closed;
        Set<String> evaluated;
        Map<String, String[]> dependentRequired;
        Check items;
        int minLength = -1;
        int maxLength = -1;
        BigInteger minimum;
        Pattern pattern;
        Check[] inPlace;
        Check[] anyOf;
        Check[] oneOf;
        /** Set by {@link #prepare()}. */
        private String[] names;
        private Check[] checks;
        /** Per name: {@code false} only for a required name that {@code unevaluatedProperties: false} forbids. */
        private boolean[] evaluatedOrOpen;
        private long requiredMask;
        private String[] requiredElsewhere;
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
            switch (t) {
                case OBJECT -> {
                    if (!object(n)) {
                        return false;
                    }
                }
                case STRING -> {
                    if (!string(n.textValue())) {
                        return false;
                    }
                }
                case ARRAY -> {
                    if (items != null) {
                        for (JsonNode e : n) {
                            if (items != ANY && !items.accepts(e)) {
                                return false;
                            }
                        }
                    }
                }
                case NUMBER -> {
                    if (minimum != null && !atLeastMinimum(n)) {
                        return false;
                    }
                }
                default -> {
                    // no keyword of the subset applies to booleans and null
                }
            }
            for (Check c : inPlace) {
                if (!c.accepts(n)) {
                    return false;
                }
            }
            if (anyOf != null) {
                boolean any = false;
                for (Check c : anyOf) {
                    if (c.accepts(n)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
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
         * Builds the lookup table {@link #object} uses: the names of {@code properties} first, then (for
         * {@code unevaluatedProperties: false}) the other names evaluated by in-place applicators, then the
         * remaining required names, so that one scan of an instance's fields checks them all.
         */
        void prepare() {
            List<String> list = new ArrayList<>();
            List<Check> own = new ArrayList<>();
            List<Boolean> allowed = new ArrayList<>();
            if (properties != null) {
                for (Map.Entry<String, Check> e : properties.entrySet()) {
                    list.add(e.getKey().intern());
                    own.add(e.getValue());
                    allowed.add(true);
                }
            }
            if (closed) {
                for (String name : evaluated) {
                    if (!list.contains(name)) {
                        list.add(name.intern());
                        own.add(null);
                        allowed.add(true);
                    }
                }
            }
            // required names are looked for during the one scan of the fields, too
            if (required != null) {
                for (String r : required) {
                    if (!list.contains(r)) {
                        list.add(r.intern());
                        own.add(null);
                        allowed.add(!closed);
                    }
                }
            }
            names = list.toArray(new String[0]);
            checks = own.toArray(new Check[0]);
            evaluatedOrOpen = new boolean[names.length];
            for (int i = 0; i < names.length; i++) {
                evaluatedOrOpen[i] = allowed.get(i);
            }
            List<String> extra = new ArrayList<>();
            if (required != null) {
                for (String r : required) {
                    int i = list.indexOf(r);
                    if (i < 64) {
                        requiredMask |= 1L << i;
                    } else {
                        extra.add(r);
                    }
                }
            }
            requiredElsewhere = extra.toArray(new String[0]);
            scanFields = names.length > 0 || additional != null || closed;
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
                    Check c = null;
                    if (i >= 0) {
                        if (!evaluatedOrOpen[i]) {
                            return false;
                        }
                        seen |= i < 64 ? 1L << i : 0;
                        c = checks[i];
                    } else if (closed) {
                        return false;
                    }
                    // a name outside properties is subject to additionalProperties
                    if (c == null) {
                        c = additional;
                    }
                    if (c != null && c != ANY && !c.accepts(f.getValue())) {
                        return false;
                    }
                }
            }
            if ((seen & requiredMask) != requiredMask) {
                return false;
            }
            for (String r : requiredElsewhere) {
                if (!n.has(r)) {
                    return false;
                }
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

        private boolean atLeastMinimum(JsonNode n) {
            if (!n.isIntegralNumber()) {
                return false;
            }
            return n.canConvertToLong() && minimum.bitLength() < 64 ? n.longValue() >= minimum.longValue()
                    : n.bigIntegerValue().compareTo(minimum) >= 0;
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
            for (Check c : inPlace) {
                if (c.rejects(n)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether this schema is just one {@code $ref} (or {@code allOf} member): then it can be replaced by it. */
        boolean isOnlyInPlace() {
            return inPlace.length == 1 && types == 0 && enumValues == null && properties == null && required == null
                    && additional == null && !closed && dependentRequired == null && items == null && minLength < 0
                    && maxLength < 0 && minimum == null && pattern == null && anyOf == null && oneOf == null;
        }

        @Override
        public Set<String> evaluatedNames() {
            Set<String> out = new HashSet<>();
            if (properties != null) {
                out.addAll(properties.keySet());
            }
            for (Check c : inPlace) {
                out.addAll(c.evaluatedNames());
            }
            return out;
        }
    }
}
