package dk.klaremaal.catalogue;

/** A public body in the organisation tree (ministry → agency; municipality → administration → institution). */
public record Organisation(
        long id,
        Long parentId,
        OrganisationKind kind,
        String slug,
        String name,
        ClosingDays closingDays,
        Region region) {
}
