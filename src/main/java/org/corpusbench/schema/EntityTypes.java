package org.corpusbench.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The entity label sets corpusbench knows: OntoNotes 5 (the gold labels) and CoNLL-2003's four, with the
 * mapping from the first to the second documented in the annotation guidelines.
 */
public final class EntityTypes {

    /** The 18 OntoNotes 5 labels. */
    public static final Set<String> ONTONOTES = Set.of("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT",
            "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
            "CARDINAL");

    /** The CoNLL-2003 labels. */
    public static final Set<String> CONLL4 = Set.of("PER", "ORG", "LOC", "MISC");

    private static final Map<String, String> TO_CONLL4 = new LinkedHashMap<>();

    static {
        TO_CONLL4.put("PERSON", "PER");
        TO_CONLL4.put("ORG", "ORG");
        TO_CONLL4.put("GPE", "LOC");
        TO_CONLL4.put("LOC", "LOC");
        TO_CONLL4.put("FAC", "LOC");
        TO_CONLL4.put("NORP", "MISC");
        TO_CONLL4.put("EVENT", "MISC");
        TO_CONLL4.put("PRODUCT", "MISC");
    }

    private EntityTypes() {
    }

    /**
     * Whether {@code type} is an OntoNotes 5 or a CoNLL-2003 label. The validator and the loading of
     * predictions report any other label as an error, since it would otherwise score as a type of its own.
     */
    public static boolean isKnown(String type) {
        return ONTONOTES.contains(type) || CONLL4.contains(type);
    }

    /** The CoNLL-4 label of an OntoNotes label used in the gold, or {@code null} when it has none. */
    public static String toConll4(String ontonotes) {
        if (CONLL4.contains(ontonotes)) {
            return ontonotes;
        }
        return TO_CONLL4.get(ontonotes);
    }
}
