package dk.klaremaal.catalogue;

/**
 * A kind of case an organisation decides; its clock rules govern how processing time is counted.
 * {@code concernsPersons} says whether its cases are about persons (true unless declared otherwise);
 * {@code open311Listed} whether Open311 lists its cases publicly, which only a case type whose cases
 * do not concern persons may be. {@code sensitive} marks a case type whose cases concern persons in a
 * sensitive way: values of its goals that rest on fewer than {@link #FEWEST_PUBLISHED} cases are never published.
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
        boolean open311Listed,
        boolean sensitive) {

    /** The fewest cases a published value of a sensitive case type's goal may rest on. */
    public static final int FEWEST_PUBLISHED = 5;

    public CaseType(long id, long organisationId, long serviceId, String code, String name, ClockStart clockStart, boolean excludePauses,
                    boolean concernsPersons, boolean open311Listed) {
        this(id, organisationId, serviceId, code, name, clockStart, excludePauses, concernsPersons, open311Listed, false);
    }
}
