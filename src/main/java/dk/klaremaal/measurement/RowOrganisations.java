package dk.klaremaal.measurement;

import dk.klaremaal.access.AccessPolicy;
import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.platform.RowFields;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code organisation} column of uploaded rows: the organisation with that slug, if it
 * exists and the caller may send data for it; otherwise the row is refused with the reason.
 */
@Component
class RowOrganisations {

    private final CatalogueRepository catalogue;
    private final AccessPolicy access;

    RowOrganisations(CatalogueRepository catalogue, AccessPolicy access) {
        this.catalogue = catalogue;
        this.access = access;
    }

    /**
     * A lookup for one upload. It reads every organisation, which of them the caller may send data for,
     * and how a refusal is worded at once, and does not touch the database again: rows can be checked
     * while the connection is busy copying others in.
     */
    Lookup lookup() {
        Set<Long> permitted = new HashSet<>(access.organisations(AccessPolicy.Action.REPORT));
        Map<String, Organisation> bySlug = new HashMap<>();
        catalogue.findAllOrganisations().forEach(o -> bySlug.put(o.slug(), o));
        return new Lookup(bySlug, permitted, access.refusals());
    }

    record Lookup(Map<String, Organisation> bySlug, Set<Long> permitted, UnaryOperator<String> refusals) {

        /** The row's organisation, or null when it is missing, unknown or not the caller's to write for (the row is then refused). */
        Organisation organisation(RowFields row) {
            String slug = row.text("organisation", true);
            if (slug == null) {
                return null;
            }
            Organisation organisation = bySlug.get(slug);
            if (organisation == null) {
                row.fail("organisation", "no organisation has this slug");
                return null;
            }
            if (!permitted.contains(organisation.id())) {
                row.fail("organisation", refusals.apply(organisation.name()));
                return null;
            }
            return organisation;
        }
    }
}
