package dk.klaremaal.catalogue;

/** A citizen- or business-facing service of an organisation. */
public record Service(long id, long organisationId, String code, String name, String description) {
}
