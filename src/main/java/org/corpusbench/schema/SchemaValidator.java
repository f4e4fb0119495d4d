package org.corpusbench.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corpusbench.format.Location;

/**
 * Validates JSON records against corpusbench's JSON Schemas (2020-12), which ship in the jar under
 * {@code schema/}. The schemas' {@code $id}s are mapped to the classpath, so nothing is fetched.
 */
public final class SchemaValidator {

    /** Base of every schema {@code $id}; the version segment changes when the schema breaks. */
    public static final String ID_BASE = "https://corpusbench.org/schema/1.0/";
    /** The schema version recorded in manifests and reports. */
    public static final String SCHEMA_VERSION = "1.0";

    /** The record kinds that have a schema. */
    public enum Kind {
        DOCUMENT("document"), ANNOTATIONS("annotations"), PREDICTIONS("predictions"),
        CONTRADICTION("contradiction"), NLI("nli"), MANIFEST("manifest"), REPORT("report");

        private final String file;

        Kind(String name) {
            this.file = name + ".schema.json";
        }

        public String fileName() {
            return file;
        }

        public String id() {
            return ID_BASE + file;
        }
    }

    private static final SchemaValidator INSTANCE = new SchemaValidator();

    private final SchemaRegistry registry;
    private final Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);

    private SchemaValidator() {
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaIdResolvers(r -> r.mapPrefix(ID_BASE, "classpath:schema/")));
    }

    public static SchemaValidator get() {
        return INSTANCE;
    }

    private synchronized Schema schema(Kind kind) {
        return schemas.computeIfAbsent(kind, k -> registry.getSchema(SchemaLocation.of(k.id())));
    }

    /** The problems of {@code node} against the schema of {@code kind}; empty when it is valid. */
    public List<Diagnostic> validate(Kind kind, JsonNode node, Location at) {
        List<Error> errors = schema(kind).validate(node);
        List<Diagnostic> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            out.add(Diagnostic.error(at, field(e), message(e, kind)));
        }
        return out;
    }

    /** The instance location as corpusbench prints fields: {@code entities[0].start}. */
    private static String field(Error e) {
        StringBuilder sb = new StringBuilder();
        com.networknt.schema.path.NodePath p = e.getInstanceLocation();
        for (int i = 0; p != null && i < p.getNameCount(); i++) {
            Object el = p.getElement(i);
            if (el instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(el);
            }
        }
        if (e.getProperty() != null && "required".equals(e.getKeyword())) {
            sb.append(sb.length() > 0 ? "." : "").append(e.getProperty());
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String message(Error e, Kind kind) {
        String m = e.getMessage();
        // The library may prefix the instance path; it is already printed as the field.
        int colon = m.indexOf(": ");
        if ((m.startsWith("$") || m.startsWith("/")) && colon > 0) {
            m = m.substring(colon + 2);
        }
        return m + " (schema " + kind.fileName() + ", keyword " + e.getKeyword() + ")";
    }

    static String lower(Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}
