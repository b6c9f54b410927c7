package dk.klaremaal.measurement;

/** The datasets that can be posted to {@code /api/v1/{name}}. */
public final class DatasetNames {

    public static final String CASE_EVENTS = "case-events";
    public static final String CONTACTS = "contacts";
    public static final String SURVEY_RESPONSES = "survey-responses";
    public static final String DOWNTIME = "downtime";
    public static final String PROBES = "availability-probes";
    public static final String REPORTED_VALUES = "reported-values";

    /** The path pattern that matches exactly these names. */
    static final String PATTERN = CASE_EVENTS + "|" + CONTACTS + "|" + SURVEY_RESPONSES + "|" + DOWNTIME + "|" + PROBES + "|" + REPORTED_VALUES;

    private DatasetNames() {
    }
}
