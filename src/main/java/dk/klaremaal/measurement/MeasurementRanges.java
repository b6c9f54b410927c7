package dk.klaremaal.measurement;

import dk.klaremaal.platform.RowFields;
import dk.klaremaal.platform.TimeConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The ranges the measurement datasets hold their dates, times and codes to, beyond the general rules
 * of {@link RowFields}: nothing measured before 2000 or in the future, codes of at most 40
 * characters, and times to the microsecond, as PostgreSQL keeps them.
 */
final class MeasurementRanges {

    /** The earliest day a measurement may fall on. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final Instant EARLIEST_TIME = EARLIEST.atStartOfDay(TimeConfiguration.ZONE).toInstant();
    /** Clocks of senders drift; a time may lie this far in the future and still be believed. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);
    /** The longest a contact may wait for its answer, or a system be down in one interval. */
    static final Duration LONGEST = Duration.ofDays(366);
    static final int MAX_CODE = 40;

    private MeasurementRanges() {
    }

    /**
     * A point in time from 2000 to now (give or take {@link #FUTURE_TOLERANCE}), cut to whole
     * microseconds: what PostgreSQL stores, so that a re-sent row compares equal to the stored one.
     */
    static Instant time(RowFields row, String field, boolean required, Clock clock) {
        Instant time = row.time(field, required);
        if (time == null) {
            return null;
        }
        if (time.isBefore(EARLIEST_TIME)) {
            row.fail(field, "lies before " + EARLIEST + ": measurements from earlier are not taken");
            return null;
        }
        if (time.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            row.fail(field, "lies in the future");
            return null;
        }
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    /** A day from 2000 to today. */
    static LocalDate date(RowFields row, String field, boolean required, Clock clock) {
        LocalDate date = row.date(field, required);
        if (date == null) {
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            row.fail(field, "lies before " + EARLIEST + ": measurements from earlier are not taken");
            return null;
        }
        if (date.isAfter(LocalDate.now(clock.withZone(TimeConfiguration.ZONE)))) {
            row.fail(field, "lies in the future");
            return null;
        }
        return date;
    }

    /** A code ({@link RowFields#code}) of at most {@link #MAX_CODE} characters. */
    static String code(RowFields row, String field, boolean required) {
        String code = row.code(field, required);
        if (code != null && code.length() > MAX_CODE) {
            row.fail(field, "is longer than " + MAX_CODE + " characters");
            return null;
        }
        return code;
    }
}
