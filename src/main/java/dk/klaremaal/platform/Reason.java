package dk.klaremaal.platform;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons the services give for refusing a row, a value or an address, as they are written (in
 * English, with {@code %s} where a value goes) and the message key that says them in the reader's
 * language ({@code reason.*}). {@link ProblemText} finds the reason a text was written from and its
 * values, so that row errors, problem documents and error pages read in one language.
 */
public enum Reason {
    MISSING("is missing", "reason.missing"),
    FUTURE("lies in the future", "reason.future"),
    NOT_BEGUN("has not begun yet", "reason.notBegun"),
    TOO_EARLY("lies before %s: measurements from earlier are not taken", "reason.tooEarly"),
    UNKNOWN_CODE("unknown %s '%s'; expected one of %s", "reason.unknownCode"),
    NOT_A_PERIOD("'%s' is not a period; write 2024, 2024-H1, 2024-Q3 or 2024-03", "reason.notPeriod"),
    NO_MONTH("'%s' has no month %s", "reason.noMonth"),
    NOT_A_DATE("is not a date such as 2024-03-01", "reason.notDateRow"),
    NOT_A_TIME("is not an ISO-8601 date and time such as 2024-03-01T09:30:00+01:00 or 2024-03-01T09:30", "reason.notTime"),
    NOT_DATE_OR_TIME("is not a valid date or time", "reason.notDateOrTime"),
    SKIPPED_HOUR("does not exist in Europe/Copenhagen: the clocks skip this hour when summer time starts", "reason.skippedHour"),
    LIES_BETWEEN("must lie between %s and %s", "reason.liesBetween"),
    BETWEEN("must be between %s and %s", "reason.between"),
    TRUE_OR_FALSE("must be true or false", "reason.trueOrFalse"),
    LONGER_THAN("is longer than %s characters", "reason.longerThan"),
    TOO_LARGE("is too large: at most %s digits before the point", "reason.tooLarge"),
    TOO_MANY_DECIMALS("has more than %s decimals", "reason.tooManyDecimals"),
    TOO_MANY_DIGITS("has more than %s significant digits", "reason.tooManyDigits"),
    ROW_CODE("must be a code of lower-case letters, digits and single hyphens, such as duty-phone", "reason.rowCode"),
    NO_ORGANISATION_SLUG("no organisation has this slug", "reason.noOrganisationSlug"),
    NO_CASE_TYPE_CODE("organisation %s has no case type with this code", "reason.noCaseTypeCode"),
    AFTER_START("must be after started_at", "reason.afterStart"),
    BEFORE_OFFERED("is before offered_at", "reason.beforeOffered"),
    DAYS_AFTER("is more than %s days after %s", "reason.daysAfter"),
    ANSWERED_OR_ABANDONED("a contact is either answered (answered_at) or abandoned, not both", "reason.answeredOrAbandoned"),
    OUTCOME_UNANSWERED("only an answered contact has an outcome", "reason.outcomeUnanswered"),
    SAME_ID_DIFFERENT("the same %s is used on row %s for a different %s", "reason.sameIdDifferent"),
    HAS_ANSWERS("survey %s has answers 1 to %s", "reason.hasAnswers"),
    COUNTS("series %s counts, so the value is a whole number 0 or more", "reason.counts"),
    PERCENTAGE("series %s is a percentage, so the value lies between 0 and 100", "reason.percentage"),
    NO_ORGANISATION("No organisation with slug '%s'", "reason.noOrganisation"),
    NO_GOAL("No goal with id %s", "reason.noGoal"),
    NO_PUBLISHED_GOAL("No published goal with id %s", "reason.noPublishedGoal"),
    NO_SHARED_KEY("No goals share the indicator key '%s'", "reason.noSharedKey"),
    NO_CASE_TYPE("%s has no case type '%s'", "reason.noCaseType"),
    NO_SERVICE("%s has no service '%s'", "reason.noService"),
    NO_PLAN("%s has no performance plan for %s", "reason.noPlan"),
    NO_QUARTER("A year has quarters 1 to 4, not %s", "reason.noQuarter"),
    NO_DATASET("No dataset named %s", "reason.noDataset"),
    NO_REPORT("No report for %s: reports cover %s up to the current period", "reason.noReport");

    private final String english;
    private final String key;
    private final Pattern pattern;

    Reason(String english, String key) {
        this.english = english;
        this.key = key;
        this.pattern = Pattern.compile(Arrays.stream(english.split("%s", -1)).map(Pattern::quote)
                .reduce((a, b) -> a + "(.+?)" + b).orElseThrow(), Pattern.DOTALL);
    }

    public String key() {
        return key;
    }

    /** The reason with its values, as the services write it. */
    public String english(Object... values) {
        return values.length == 0 ? english : english.formatted(values);
    }

    /** The values a text was written with, when it was written from this reason. */
    public Optional<Object[]> values(String text) {
        Matcher m = pattern.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Object[] values = new Object[m.groupCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = m.group(i + 1);
        }
        return Optional.of(values);
    }
}
