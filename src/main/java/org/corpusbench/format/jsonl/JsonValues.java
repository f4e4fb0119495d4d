package org.corpusbench.format.jsonl;

import com.fasterxml.jackson.databind.JsonNode;

/** How a refusal names the JSON value it found where another was expected, the same in every JSON reader. */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * What {@code v} is, for a message such as "found the string "12"; expected an integer": its kind, and a
     * string's or number's value (a string cut at 40 characters), so that a user sees the offending value.
     */
    public static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "the string \"" + (v.textValue().length() > 40 ? v.textValue().substring(0, 40) + "..."
                    : v.textValue()) + "\"";
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return v.isArray() ? "an array" : "an object";
    }
}
