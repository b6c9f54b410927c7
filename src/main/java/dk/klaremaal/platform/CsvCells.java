package dk.klaremaal.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of every CSV file Klaremål writes, made safe to open in a spreadsheet. A spreadsheet reads
 * a cell that starts with {@code = + - @}, a tab or a line break as a formula, so a name such as
 * {@code =HYPERLINK("http://…","…")} would become a live link. As OWASP recommends, such text gets a
 * single quote in front ({@code '=HYPERLINK(…)}), which spreadsheets show as text. Numbers the
 * application writes from a number type (a negative result such as {@code -3.5}) are numbers, not text
 * anyone typed, and stay as they are; the same characters typed as text ({@code "-3,5"}) are quoted.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** One cell: null stays empty, numbers and booleans as written, any other value as text made inert. */
    public static String cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        return startsFormula(text) ? "'" + text : text;
    }

    /** The cells of one row, each through {@link #cell}. */
    public static List<String> cells(Iterable<?> values) {
        List<String> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(cell(value));
        }
        return cells;
    }

    public static List<String> cells(Object... values) {
        return cells(java.util.Arrays.asList(values));
    }

    /** Whether a spreadsheet would read this text as a formula (or a formula after a leading tab or line break). */
    public static boolean startsFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\n' -> true;
            default -> false;
        };
    }
}
