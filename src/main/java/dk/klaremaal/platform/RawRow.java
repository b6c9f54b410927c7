package dk.klaremaal.platform;

import java.util.Map;

/** One incoming row of a CSV file or JSON array before validation, with the number it is reported under. */
public record RawRow(int row, Map<String, String> fields) {

    public RawRow {
        fields = Map.copyOf(fields);
    }

    /** The trimmed value, or null when the field is absent or blank. */
    public String get(String field) {
        String value = fields.get(field);
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.isEmpty() ? null : t;
    }

    public String raw(String field) {
        return fields.get(field);
    }
}
