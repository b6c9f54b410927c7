package dk.klaremaal.catalogue;

/** A kind of case an organisation decides; its clock rules govern how processing time is counted. */
public record CaseType(
        long id,
        long organisationId,
        long serviceId,
        String code,
        String name,
        ClockStart clockStart,
        boolean excludePauses) {
}
