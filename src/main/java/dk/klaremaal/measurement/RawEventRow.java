package dk.klaremaal.measurement;

/** One incoming row before validation, with the number it is reported under. */
public record RawEventRow(int row, String eventId, String organisation, String caseType, String caseId, String event,
                          String occurredAt) {
}
