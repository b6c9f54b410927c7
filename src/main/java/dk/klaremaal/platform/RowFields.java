package dk.klaremaal.platform;

import dk.klaremaal.platform.IngestReport.RowError;
import java.math.BigDecimal;
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
 */
public final class RowFields {

    private static final int MAX_TEXT = 200;

    private final RawRow row;
    private final String id;
    private final List<RowError> errors;
    private final int errorsBefore;

    public RowFields(RawRow row, String idField, List<RowError> errors) {
        this.row = row;
        this.id = idField == null ? null : row.get(idField);
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
        errors.add(new RowError(row.row(), id, field, row.raw(field), reason));
    }

    public String text(String field, boolean required) {
        String value = row.get(field);
        if (value == null) {
            if (required) {
                fail(field, "is missing");
            }
            return null;
        }
        if (value.length() > MAX_TEXT) {
            fail(field, "is longer than " + MAX_TEXT + " characters");
            return null;
        }
        return value;
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
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not a date such as 2024-03-01");
            }
        });
    }

    public Integer integer(String field, boolean required, int min, int max) {
        return parse(field, required, value -> {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a whole number");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return n;
        });
    }

    /** A decimal number with a point (not a comma): {@code 3.776}. */
    public BigDecimal decimal(String field, boolean required) {
        return parse(field, required, value -> {
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(value.contains(",")
                        ? "is not a number; write decimals with a point, such as 3.776"
                        : "is not a number");
            }
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
        String value = row.get(field);
        if (value == null) {
            if (required) {
                fail(field, "is missing");
            }
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            fail(field, e.getMessage());
            return null;
        }
    }

    /** Dates and times as senders write them. */
    public static final class Times {

        private Times() {
        }

        /**
         * ISO-8601 with an offset ({@code 2024-03-01T09:30:00+01:00}, {@code ...Z}) or a local time in
         * Copenhagen ({@code 2024-03-01T09:30}). A local time that does not exist (the hour skipped when
         * summer time starts) is refused; one that occurs twice (when it ends) is taken the first time.
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
                    return local.toInstant(offset);
                }
                local = null;
            }
            if (local == null) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException ignored) {
                    // not with an offset; try a local time below
                }
                try {
                    local = LocalDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("is not an ISO-8601 date and time such as 2024-03-01T09:30:00+01:00 or 2024-03-01T09:30");
                }
            }
            List<ZoneOffset> offsets = TimeConfiguration.ZONE.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                throw new IllegalArgumentException("does not exist in Europe/Copenhagen: the clocks skip this hour when summer time starts");
            }
            return ZonedDateTime.ofLocal(local, TimeConfiguration.ZONE, offsets.getFirst()).toInstant();
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
                if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
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
