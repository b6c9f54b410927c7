package dk.klaremaal.measurement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * The version of the rules the derived case data (records, spans, histograms) is counted by: the counting
 * rules' number, raised in code whenever the case clock or the working days count differently, and a
 * fingerprint of the public holidays the working days skip, so that a holiday calendar that changes (a new
 * jollyday release, a holiday abolished as Store Bededag was) changes the version without anyone raising it.
 */
@Component
public class DerivedRules {

    /** Raise by one with every change to how a case's processing time, receipt, decision or spans are counted. */
    static final int COUNTING_RULES = 1;

    /** The holidays of these years are fingerprinted: every date a case may plausibly have, and a fixed range, so the version does not change with the years. */
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2100;

    private final String version;

    public DerivedRules(WorkingDayCalendar calendar) {
        this.version = "counting-rules-" + COUNTING_RULES + "/holidays-" + holidayFingerprint(calendar);
    }

    /** The current rules' version, as recorded with the derived data. */
    public String version() {
        return version;
    }

    /** The first 16 hex digits of the SHA-256 of every public holiday from {@link #FIRST_YEAR} to {@link #LAST_YEAR}, in date order. */
    static String holidayFingerprint(WorkingDayCalendar calendar) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (LocalDate day = LocalDate.of(FIRST_YEAR, 1, 1); day.getYear() <= LAST_YEAR; day = day.plusDays(1)) {
                if (calendar.isPublicHoliday(day)) {
                    sha256.update((day + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
