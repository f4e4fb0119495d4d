package org.corpusbench.format.labelstudio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;

/**
 * A JSON array read one element at a time, each element as a tree together with the line and column of every
 * value in it, so that an error in a Label Studio export names the place of the offending value, not only the
 * task (Jackson's trees keep no locations). Columns count code points. A key given twice in one object is an
 * error (Jackson would keep the last silently).
 */
final class LocatedJson implements Closeable {

    /** One element of the array, the locations of its values by path (relative to the element, "" for itself). */
    record Element(int index, JsonNode node, Map<String, Location> locations) {

        /** Where the value at {@code path} starts, else where the nearest enclosing value does. */
        Location at(String path) {
            String p = path;
            while (true) {
                Location l = locations.get(p);
                if (l != null || p.isEmpty()) {
                    return l != null ? l : locations.get("");
                }
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                p = cut <= 0 ? "" : p.substring(0, cut);
            }
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final String text;
    private final String file;
    private final JsonParser parser;
    private int index = -1;
    private boolean done;

    /**
     * @param text the whole input, decoded
     * @param file its name, for locations
     */
    LocatedJson(String text, String file) throws IOException {
        this.text = text;
        this.file = file;
        this.parser = FACTORY.createParser(text);
        JsonToken first = token();
        if (first != JsonToken.START_ARRAY) {
            throw new CorpusFormatException(location(parser.currentTokenLocation()), null, "found "
                    + (first == null ? "no JSON value" : describe(first)) + "; expected a JSON array of tasks, as "
                    + "Label Studio's JSON export writes it");
        }
    }

    /** The next element, or {@code null} after the last. */
    Element next() throws IOException {
        if (done) {
            return null;
        }
        JsonToken t = token();
        if (t == JsonToken.END_ARRAY) {
            done = true;
            JsonToken after = token();
            if (after != null) {
                throw new CorpusFormatException(location(parser.currentTokenLocation()), null, "found "
                        + describe(after) + " after the array of tasks; expected the end of the file");
            }
            return null;
        }
        index++;
        Map<String, Location> locations = new HashMap<>();
        try {
            return new Element(index, value("", locations), locations);
        } catch (JsonProcessingException e) {
            // Jackson reads a string's characters only when asked for them, past nextToken
            throw malformed(e);
        }
    }

    private JsonToken token() throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private CorpusFormatException malformed(JsonProcessingException e) {
        return new CorpusFormatException(location(e.getLocation()), null, "malformed JSON: "
                + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    }

    private JsonNode value(String path, Map<String, Location> locations) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == null) {
            throw new CorpusFormatException(location(parser.currentLocation()), path, "the file ends inside a JSON "
                    + "value; expected the rest of it");
        }
        locations.put(path, location(parser.currentTokenLocation()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                for (JsonToken k = token(); k == JsonToken.FIELD_NAME; k = token()) {
                    String name = parser.currentName();
                    if (o.has(name)) {
                        throw new CorpusFormatException(location(parser.currentTokenLocation()),
                                field(path, name), "a key given twice in one object; expected each key once");
                    }
                    token();
                    o.set(name, value(field(path, name), locations));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                int i = 0;
                for (JsonToken k = token(); k != JsonToken.END_ARRAY; k = token()) {
                    a.add(value(path + "[" + i++ + "]", locations));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> f.numberNode(parser.getIntValue());
                    case LONG -> f.numberNode(parser.getLongValue());
                    default -> f.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> throw new CorpusFormatException(location(parser.currentTokenLocation()), path,
                    "unexpected " + describe(t));
        }
    }

    static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_ARRAY -> "']'";
            case END_OBJECT -> "'}'";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    /** Jackson's location as file:line:column, the column in code points. */
    private Location location(JsonLocation l) {
        if (l == null || l.getLineNr() <= 0) {
            return Location.of(file, 1);
        }
        long offset = l.getCharOffset();
        if (offset < 0 || offset > text.length()) {
            return new Location(file, l.getLineNr(), Math.max(0, l.getColumnNr()));
        }
        int end = (int) offset;
        int lineStart = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1;
        return new Location(file, l.getLineNr(), text.codePointCount(lineStart, end) + 1);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
