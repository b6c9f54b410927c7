package dk.klaremaal.platform;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/**
 * The rows of a JSON array of flat objects (values strings, numbers or booleans; null as absent),
 * read one object at a time as they are iterated, so a body of any size is read in constant memory.
 * The first element is row 1. A malformed body or element ends the iteration with an
 * {@link InvalidInputException} naming where. Close it when done.
 */
public final class JsonRows implements Iterable<RawRow>, AutoCloseable {

    /** Far more than any field of a row may hold, and far less than the memory a body could otherwise fill. */
    static final int MAX_STRING = 100_000;
    /** The most fields one element may have. */
    static final int MAX_FIELDS = 100;

    /**
     * Strings are held to {@link #MAX_STRING} characters, and names are not kept between elements (a body of
     * millions of made-up names would otherwise fill the table that keeps them).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING).maxNameLength(MAX_STRING).build())
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonParser parser;
    private final List<String> required;
    private int row;
    /** Whether the parser is inside element {@link #row}, or after it. */
    private boolean inside;

    private JsonRows(JsonParser parser, List<String> required) {
        this.parser = parser;
        this.required = required;
    }

    /** Starts reading; the body must begin with an array. */
    public static JsonRows of(InputStream body, List<String> required) {
        JsonRows rows = new JsonRows(FACTORY.createParser(ObjectReadContext.empty(), body), required);
        if (rows.next() != JsonToken.START_ARRAY) {
            rows.close();
            throw new InvalidInputException("body", "must be a JSON array of objects with the fields " + String.join(", ", required));
        }
        return rows;
    }

    @Override
    public Iterator<RawRow> iterator() {
        return new Iterator<>() {
            private JsonToken token = following();

            @Override
            public boolean hasNext() {
                return token != JsonToken.END_ARRAY && token != null;
            }

            @Override
            public RawRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                RawRow raw = object(token);
                token = following();
                return raw;
            }
        };
    }

    private RawRow object(JsonToken start) {
        row++;
        if (start != JsonToken.START_OBJECT) {
            throw new InvalidInputException("[" + row + "]", "must be an object with the fields " + String.join(", ", required));
        }
        inside = true;
        Map<String, String> fields = new HashMap<>();
        for (JsonToken t = next(); t != JsonToken.END_OBJECT; t = next()) {
            String name = parser.currentName();
            JsonToken value = next();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                throw new InvalidInputException("[" + row + "]." + name, "must be a string, number or boolean");
            }
            if (value != JsonToken.VALUE_NULL) {
                fields.put(name, text(name));
            }
            if (fields.size() > MAX_FIELDS) {
                throw new InvalidInputException("[" + row + "]", "has more than " + MAX_FIELDS + " fields");
            }
        }
        inside = false;
        return new RawRow(row, fields);
    }

    /** The token that starts the next element, or the array's end, after which the body must end too. */
    private JsonToken following() {
        JsonToken token = next();
        if (token == JsonToken.END_ARRAY && next() != null) {
            throw new InvalidInputException("body", "has more after the array's closing ] (after row " + row + ")");
        }
        return token;
    }

    /** The current value as text; one longer than {@link #MAX_STRING} is refused (it is read only now). */
    private String text(String name) {
        try {
            return parser.getString();
        } catch (JacksonException e) {
            throw new InvalidInputException("[" + row + "]." + name, "is longer than " + MAX_STRING + " characters, or not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private JsonToken next() {
        try {
            return parser.nextToken();
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "is not valid JSON" + (inside ? " in row " + row : row == 0 ? "" : " after row " + row) + ": " + e.getOriginalMessage());
        }
    }

    @Override
    public void close() {
        parser.close();
    }
}
