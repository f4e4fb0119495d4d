package org.corpusbench.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.diagnostic.Location;

/**
 * Validates JSON records against corpusbench's JSON Schemas (2020-12), which ship in the jar under
 * {@code schema/}. The schemas' {@code $id}s are mapped to the classpath, so nothing is fetched.
 *
 * <p>The schemas are the only source of truth, and networknt produces every diagnostic. For the record
 * kinds (documents, annotations, predictions, contradictions, NLI pairs) a fast path compiled from the
 * same schema files ({@link SchemaFastPath}) first decides whether a record is certainly valid; only
 * when it cannot tell, which includes every invalid record, does networknt run.
 */
public final class SchemaValidator {

    /** Base of every schema {@code $id}; the version segment changes when the schema breaks. */
    public static final String ID_BASE = "https://corpusbench.org/schema/1.0/";
    /** The schema version recorded in manifests and reports. */
    public static final String SCHEMA_VERSION = "1.0";

    /** The record kinds that have a schema. */
    public enum Kind {
        /** One article and its raw text, a line of {@code documents.jsonl}. */
        DOCUMENT("document"),
        /** One document's gold entities and TIMEX3s, ids required, a line of {@code annotations.jsonl}. */
        ANNOTATIONS("annotations"),
        /** A line of a system's output: document layers, a contradiction or an NLI label, ids optional. */
        PREDICTIONS("predictions"),
        /** A gold contradiction: id, type, both pieces of evidence and the explanation. */
        CONTRADICTION("contradiction"),
        /** A labelled premise/hypothesis pair. */
        NLI("nli"),
        /** A release's {@code manifest.json}: name, version and every file pinned by SHA-256. */
        MANIFEST("manifest"),
        /** The JSON report of an evaluation ({@code evaluate --json}). */
        REPORT("report"),
        /** The JSON report of {@code agree --json}: agreement between annotation sets. */
        AGREEMENT("agreement");

        private final String file;

        Kind(String name) {
            this.file = name + ".schema.json";
        }

        /** The schema's file name under {@code schema/} ({@code document.schema.json}), as diagnostics cite it. */
        public String fileName() {
            return file;
        }

        /** The schema's {@code $id}, {@link #ID_BASE} and the file name, which the registry maps to the classpath. */
        public String id() {
            return ID_BASE + file;
        }
    }

    /** The kinds that are JSONL records, whose common valid case the fast path covers. */
    private static final Set<Kind> RECORD_KINDS = EnumSet.of(Kind.DOCUMENT, Kind.ANNOTATIONS, Kind.PREDICTIONS,
            Kind.CONTRADICTION, Kind.NLI);

    private static final SchemaValidator INSTANCE = new SchemaValidator();

    /** Made on first use: a corpus whose records all take the validator's streamed path never needs it. */
    private SchemaRegistry registry;
    private final Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);
    /**
     * Compiled fast checks by kind, each on first use: {@link #UNSUPPORTED} when its schema uses something
     * the fast path does not support. Compiling them all took a tenth of a second of every validation.
     */
    private final AtomicReferenceArray<SchemaFastPath.Check> fastChecks = new AtomicReferenceArray<>(
            Kind.values().length);
    private static final SchemaFastPath.Check UNSUPPORTED = n -> false;

    private SchemaValidator() {
    }

    /**
     * The one instance, so that the schemas and their fast paths are compiled once per JVM, each on first
     * use (the networknt schemas under a lock).
     */
    public static SchemaValidator get() {
        return INSTANCE;
    }

    private synchronized Schema schema(Kind kind) {
        if (registry == null) {
            registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaIdResolvers(r -> r.mapPrefix(ID_BASE, "classpath:schema/")));
        }
        return schemas.computeIfAbsent(kind, k -> registry.getSchema(SchemaLocation.of(k.id())));
    }

    /** The compiled fast check of {@code kind}, or {@link #UNSUPPORTED}; compiled at most once per thread race. */
    private SchemaFastPath.Check fastCheck(Kind kind) {
        SchemaFastPath.Check c = fastChecks.get(kind.ordinal());
        if (c == null) {
            try {
                c = RECORD_KINDS.contains(kind) ? SchemaFastPath.compile(kind.id(), ID_BASE, "schema/",
                        SchemaValidator.class.getClassLoader()) : UNSUPPORTED;
            } catch (SchemaFastPath.Unsupported | RuntimeException e) {
                // not covered: every record of this kind goes to networknt
                c = UNSUPPORTED;
            }
            fastChecks.compareAndSet(kind.ordinal(), null, c);
            c = fastChecks.get(kind.ordinal());
        }
        return c;
    }

    /** The problems of {@code node} against the schema of {@code kind}; empty when it is valid. */
    public List<Diagnostic> validate(Kind kind, JsonNode node, Location at) {
        return validate(kind, node, at, true);
    }

    /** As {@link #validate(Kind, JsonNode, Location)}; {@code fastPath} false always runs networknt. */
    List<Diagnostic> validate(Kind kind, JsonNode node, Location at, boolean fastPath) {
        if (fastPath && fastPathAccepts(kind, node)) {
            return new ArrayList<>();
        }
        Schema schema = schema(kind);
        List<Error> errors;
        // one record at a time per schema: the validator's threads (issue 15) do not rely on networknt's
        // schemas being safe to share, and only records the fast path cannot accept get here
        synchronized (schema) {
            errors = schema.validate(node);
        }
        List<Diagnostic> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            out.add(Diagnostic.error(at, field(e), message(e, kind)));
        }
        return out;
    }

    /**
     * Whether the fast path alone finds {@code node} valid for {@code kind}: {@code true} implies that
     * networknt reports nothing; {@code false} means "not known".
     */
    boolean fastPathAccepts(Kind kind, JsonNode node) {
        return node != null && fastCheck(kind).accepts(node);
    }

    /** Whether {@code kind} has a compiled fast path (for tests: the schemas stay within what it supports). */
    boolean hasFastPath(Kind kind) {
        return fastCheck(kind) != UNSUPPORTED;
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
