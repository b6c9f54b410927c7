package dk.klaremaal.catalogue;

/**
 * A kind of case an organisation decides; its clock rules govern how processing time is counted.
 * {@code concernsPersons} says whether its cases are about persons (true unless declared otherwise);
 * {@code open311Listed} whether Open311 lists its cases publicly, which only a case type whose cases
 * do not concern persons may be.
 */
public record CaseType(
        long id,
        long organisationId,
        long serviceId,
        String code,
        String name,
        ClockStart clockStart,
        boolean excludePauses,
        boolean concernsPersons,
        boolean open311Listed) {
}
