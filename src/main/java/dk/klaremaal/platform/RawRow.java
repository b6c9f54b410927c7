package dk.klaremaal.platform;

import java.util.Map;

/** One incoming row of a CSV file or JSON array before validation, with the number it is reported under. */
public record RawRow(int row, Map<String, String> fields) {

    public RawRow {
        fields = Map.copyOf(fields);
    }

    /**
     * The value without the blanks around it, or null when the field is absent or blank. Only spaces,
     * tabs and line breaks are blanks: any other control character stays, so that it is refused
     * rather than silently dropped.
     */
    public String get(String field) {
        String value = fields.get(field);
        if (value == null) {
            return null;
        }
        String t = withoutBlanks(value);
        return t.isEmpty() ? null : t;
    }

    public String raw(String field) {
        return fields.get(field);
    }

    /** The value without spaces, tabs, carriage returns and line feeds at either end. */
    static String withoutBlanks(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isBlank(value.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(value.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == value.length() ? value : value.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
