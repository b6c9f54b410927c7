package dk.klaremaal.goals;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar year, half-year, quarter or month, identified by a key such as 2024, 2024-H1, 2024-Q3 or 2024-03. */
public record Period(PeriodKind kind, LocalDate start) implements Comparable<Period> {

    private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-(H[12]|Q[1-4]|\\d{2}))?");

    public static Period containing(PeriodKind kind, LocalDate date) {
        return switch (kind) {
            case YEAR -> new Period(kind, date.withDayOfYear(1));
            case HALF -> new Period(kind, LocalDate.of(date.getYear(), date.getMonthValue() <= 6 ? 1 : 7, 1));
            case QUARTER -> new Period(kind, LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1));
            case MONTH -> new Period(kind, date.withDayOfMonth(1));
        };
    }

    public static Period parse(String key) {
        Matcher m = KEY.matcher(key == null ? "" : key.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + key + "' is not a period; write 2024, 2024-H1, 2024-Q3 or 2024-03");
        }
        int year = Integer.parseInt(m.group(1));
        String part = m.group(2);
        if (part == null) {
            return new Period(PeriodKind.YEAR, LocalDate.of(year, 1, 1));
        }
        if (part.startsWith("H")) {
            return new Period(PeriodKind.HALF, LocalDate.of(year, part.equals("H1") ? 1 : 7, 1));
        }
        if (part.startsWith("Q")) {
            return new Period(PeriodKind.QUARTER, LocalDate.of(year, (part.charAt(1) - '1') * 3 + 1, 1));
        }
        int month = Integer.parseInt(part);
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("'" + key + "' has no month " + month);
        }
        return new Period(PeriodKind.MONTH, LocalDate.of(year, month, 1));
    }

    public LocalDate end() {
        return next().start().minusDays(1);
    }

    public Period next() {
        return new Period(kind, switch (kind) {
            case YEAR -> start.plusYears(1);
            case HALF -> start.plusMonths(6);
            case QUARTER -> start.plusMonths(3);
            case MONTH -> start.plusMonths(1);
        });
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end());
    }

    public String key() {
        return switch (kind) {
            case YEAR -> String.valueOf(start.getYear());
            case HALF -> start.getYear() + "-H" + (start.getMonthValue() <= 6 ? 1 : 2);
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case MONTH -> "%d-%02d".formatted(start.getYear(), start.getMonthValue());
        };
    }

    public String englishLabel() {
        return switch (kind) {
            case YEAR -> String.valueOf(start.getYear());
            case HALF -> "H" + (start.getMonthValue() <= 6 ? 1 : 2) + " " + start.getYear();
            case QUARTER -> "Q" + ((start.getMonthValue() - 1) / 3 + 1) + " " + start.getYear();
            case MONTH -> start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + start.getYear();
        };
    }

    /** The label in the language of the current request (Danish unless English was chosen). */
    public String label() {
        return dk.klaremaal.platform.LanguageConfiguration.english() ? englishLabel() : danishLabel();
    }

    public String danishLabel() {
        return switch (kind) {
            case YEAR -> String.valueOf(start.getYear());
            case HALF -> (start.getMonthValue() <= 6 ? 1 : 2) + ". halvår " + start.getYear();
            case QUARTER -> ((start.getMonthValue() - 1) / 3 + 1) + ". kvartal " + start.getYear();
            case MONTH -> start.getMonth().getDisplayName(TextStyle.FULL, Locale.forLanguageTag("da")) + " " + start.getYear();
        };
    }

    @Override
    public int compareTo(Period other) {
        return start.compareTo(other.start);
    }
}
