package dk.klaremaal.platform;

import dk.klaremaal.platform.IngestReport.RowError;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the fields of one row and records every problem with the row number, the row's id, the
 * field, the value given and why it was refused. A missing optional field reads as null.
 *
 * <p>Every field has a range: text is at most {@value #MAX_TEXT} characters and holds no control
 * characters (U+0000 to U+001F, a tab included, U+007F to U+009F) and no broken surrogate pairs;
 * numbers, dates, times and yes/no values are at most {@value #MAX_VALUE} characters; dates and
 * times lie between {@link #FIRST_DATE} and {@link #LAST_DATE}; decimal numbers are finite, with at
 * most {@value #MAX_DIGITS} significant digits, {@value #MAX_DIGITS} digits before the point and
 * {@value #MAX_DIGITS} decimals, so that each comes back unchanged from a double (which keeps 15
 * significant decimal digits) wherever a calculation uses one.
 */
public final class RowFields {

    /** The longest text (an id, a code, a name or a note) a field may hold. */
    public static final int MAX_TEXT = 200;
    /** The longest number, date, time or yes/no value. */
    public static final int MAX_VALUE = 64;
    /** Significant digits, digits before the point and decimals a decimal number may have. */
    public static final int MAX_DIGITS = 15;
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);
    /** How much of a refused value a row error repeats. */
    private static final int SHOWN = 100;

    private final RawRow row;
    private final String id;
    private final List<RowError> errors;
    private final int errorsBefore;

    public RowFields(RawRow row, String idField, List<RowError> errors) {
        this.row = row;
        this.id = idField == null ? null : shown(row.get(idField));
        this.errors = errors;
        this.errorsBefore = errors.size();
    }

    public int row() {
        return row.row();
    }

    public String id() {
        return id;
    }

    /** True when no field of this row has been refused. */
    public boolean ok() {
        return errors.size() == errorsBefore;
    }

    public void fail(String field, String reason) {
        errors.add(new RowError(row.row(), id, field, shown(row.raw(field)), reason));
    }

    public String text(String field, boolean required) {
        return value(field, required, MAX_TEXT);
    }

    /** A lower-case code of letters, digits and single hyphens, such as {@code phone} or {@code duty-phone}. */
    public String code(String field, boolean required) {
        String value = text(field, required);
        if (value != null && !value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            fail(field, "must be a code of lower-case letters, digits and single hyphens, such as duty-phone");
            return null;
        }
        return value;
    }

    public Instant time(String field, boolean required) {
        return parse(field, required, Times::parseInstant);
    }

    public LocalDate date(String field, boolean required) {
        return parse(field, required, value -> {
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not a date such as 2024-03-01");
            }
            Times.checkPlausible(date);
            return date;
        });
    }

    public Integer integer(String field, boolean required, int min, int max) {
        return parse(field, required, value -> {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(value.matches("[+-]?[0-9]+") ? "must be between " + min + " and " + max
                        : "is not a whole number");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return n;
        });
    }

    /**
     * A decimal number with a point (not a comma): {@code 3.776}; an exponent ({@code 1.5E3}) is
     * read as well, as JSON numbers may be written so. Finite, and within {@value #MAX_DIGITS} digits (see above).
     */
    public BigDecimal decimal(String field, boolean required) {
        return parse(field, required, value -> {
            BigDecimal n;
            try {
                n = new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(value.contains(",")
                        ? "is not a number; write decimals with a point, such as 3.776"
                        : value.matches("(?i)[+-]?(nan|inf|infinity)") ? "must be a finite number" : "is not a number");
            }
            BigDecimal digits = n.stripTrailingZeros();
            if (digits.signum() != 0 && digits.precision() - digits.scale() > MAX_DIGITS) {
                throw new IllegalArgumentException("is too large: at most " + MAX_DIGITS + " digits before the point");
            }
            if (digits.scale() > MAX_DIGITS) {
                throw new IllegalArgumentException("has more than " + MAX_DIGITS + " decimals");
            }
            if (digits.precision() > MAX_DIGITS) {
                throw new IllegalArgumentException("has more than " + MAX_DIGITS + " significant digits");
            }
            return n;
        });
    }

    public Boolean bool(String field, boolean required) {
        return parse(field, required, value -> switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "ja", "1" -> true;
            case "false", "no", "nej", "0" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        });
    }

    private <T> T parse(String field, boolean required, Function<String, T> parser) {
        String value = value(field, required, MAX_VALUE);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            fail(field, e.getMessage());
            return null;
        } catch (DateTimeException e) {
            // The parsers above turn what they know into reasons; this keeps anything else a row error, never a 500.
            fail(field, "is not a valid date or time");
            return null;
        }
    }

    /** The value without blanks around it; null when absent (and a problem when required) or refused. */
    private String value(String field, boolean required, int maxLength) {
        String value = row.get(field);
        if (value == null) {
            if (required) {
                fail(field, "is missing");
            }
            return null;
        }
        if (value.length() > maxLength) {
            fail(field, "is longer than " + maxLength + " characters");
            return null;
        }
        String unreadable = unreadable(value);
        if (unreadable != null) {
            fail(field, unreadable);
            return null;
        }
        return value;
    }

    /** Why a value cannot be stored as text, or null: a control character, or half of a surrogate pair. */
    static String unreadable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                String name = switch (c) {
                    case 0 -> "a NUL byte";
                    case '\t' -> "a tab";
                    case '\n', '\r' -> "a line break";
                    default -> "a control character";
                };
                return "contains %s (U+%04X) at character %d; values may not hold control characters".formatted(name, (int) c, i + 1);
            }
            if (isLoneSurrogate(value, i)) {
                return "contains half of a surrogate pair (U+%04X) at character %d, which is not text".formatted((int) c, i + 1);
            }
        }
        return null;
    }

    /** A value as a row error repeats it: control characters written as {@code \\u0000}, and at most {@value #SHOWN} characters. */
    static String shown(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < value.length() && b.length() < SHOWN; i++) {
            char c = value.charAt(i);
            if (isControl(c) || isLoneSurrogate(value, i)) {
                b.append("\\u%04X".formatted((int) c));
            } else if (Character.isHighSurrogate(c) && i + 1 == SHOWN) {
                break;
            } else {
                b.append(c);
            }
        }
        return i < value.length() ? b.append('…').toString() : b.toString();
    }

    /** Below U+0020 (a tab included), U+007F and the C1 controls U+0080 to U+009F. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean isLoneSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
    }

    /** Dates and times as senders write them. */
    public static final class Times {

        private Times() {
        }

        /**
         * ISO-8601 with an offset ({@code 2024-03-01T09:30:00+01:00}, {@code ...Z}) or a local time in
         * Copenhagen ({@code 2024-03-01T09:30}), as {@link OffsetDateTime#parse} and
         * {@link LocalDateTime#parse} read them, a space allowed instead of the T. A local time that does
         * not exist (the hour skipped when summer time starts) is refused; one that occurs twice (when it
         * ends) is taken the first time. The date as written lies between {@link RowFields#FIRST_DATE} and
         * {@link RowFields#LAST_DATE}. Anything else is an {@link IllegalArgumentException} with the reason.
         */
        public static Instant parseInstant(String value) {
            if (value == null) {
                throw new IllegalArgumentException("is missing");
            }
            String text = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + "T" + value.substring(11) : value;
            LocalDateTime local = fastLocal(text);
            int localEnd = text.length() >= 19 && text.charAt(16) == ':' ? 19 : 16;
            if (local != null && text.length() > localEnd) {
                ZoneOffset offset = fastOffset(text);
                if (offset != null) {
                    checkPlausible(local.toLocalDate());
                    return local.toInstant(offset);
                }
                local = null;
            }
            if (local == null) {
                try {
                    OffsetDateTime time = OffsetDateTime.parse(text);
                    checkPlausible(time.toLocalDate());
                    return time.toInstant();
                } catch (DateTimeParseException ignored) {
                    // not with an offset; try a local time below
                }
                try {
                    local = LocalDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("is not an ISO-8601 date and time such as 2024-03-01T09:30:00+01:00 or 2024-03-01T09:30");
                }
            }
            checkPlausible(local.toLocalDate());
            List<ZoneOffset> offsets = TimeConfiguration.ZONE.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                throw new IllegalArgumentException("does not exist in Europe/Copenhagen: the clocks skip this hour when summer time starts");
            }
            return ZonedDateTime.ofLocal(local, TimeConfiguration.ZONE, offsets.getFirst()).toInstant();
        }

        /** Refuses a date outside {@link RowFields#FIRST_DATE} to {@link RowFields#LAST_DATE}. */
        static void checkPlausible(LocalDate date) {
            if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
                throw new IllegalArgumentException("must lie between " + FIRST_DATE + " and " + LAST_DATE);
            }
        }

        /**
         * The common shapes read without the general parser (which is slow, and slower still when it
         * fails): {@code yyyy-MM-ddTHH:mm} or {@code yyyy-MM-ddTHH:mm:ss}, followed by nothing or an
         * offset. Anything else (fractions of seconds, other shapes) returns null and is left to the
         * general parser, as are impossible dates.
         */
        private static LocalDateTime fastLocal(String t) {
            int n = t.length();
            if (n < 16 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':') {
                return null;
            }
            int second = 0;
            int end = 16;
            if (n >= 19 && t.charAt(16) == ':') {
                second = digits(t, 17, 2);
                end = 19;
            }
            if (n > end && !(t.charAt(end) == 'Z' || t.charAt(end) == '+' || t.charAt(end) == '-')) {
                return null;
            }
            int year = digits(t, 0, 4);
            int month = digits(t, 5, 2);
            int day = digits(t, 8, 2);
            int hour = digits(t, 11, 2);
            int minute = digits(t, 14, 2);
            if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
                return null;
            }
            try {
                return LocalDateTime.of(year, month, day, hour, minute, second);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }

        /** The offset after {@code yyyy-MM-ddTHH:mm[:ss]}: {@code Z} or {@code ±HH:MM}; null if there is none or another shape. */
        private static ZoneOffset fastOffset(String t) {
            int start = t.length() >= 19 && t.charAt(16) == ':' ? 19 : 16;
            int n = t.length() - start;
            if (n == 1 && t.charAt(start) == 'Z') {
                return ZoneOffset.UTC;
            }
            if (n == 6 && (t.charAt(start) == '+' || t.charAt(start) == '-') && t.charAt(start + 3) == ':') {
                int hours = digits(t, start + 1, 2);
                int minutes = digits(t, start + 4, 2);
                // Beyond ±18:00 java.time has no offset: left to the general parser, which refuses it.
                if (hours < 0 || minutes < 0 || minutes > 59 || hours * 60 + minutes > 18 * 60) {
                    return null;
                }
                int sign = t.charAt(start) == '-' ? -1 : 1;
                return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            }
            return null;
        }

        private static int digits(String t, int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                char c = t.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
