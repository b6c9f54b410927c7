package dk.klaremaal.catalogue;

import java.time.Instant;

/**
 * The processing time an organisation itself states for a case type: {@code days} calendar or working
 * days ({@code dayUnit} {@code calendar} or {@code working}), stated by a named person at a moment. It is
 * the last step of the expected time's fallback, used when neither decided cases nor a goal give one.
 */
public record StatedTime(long caseTypeId, int days, String dayUnit, String statedBy, Instant statedAt) {

    /** The longest time that may be stated: ten years. */
    public static final int MAX_DAYS = 3660;

    public boolean workingDays() {
        return "working".equals(dayUnit);
    }
}
