package dk.klaremaal.measurement;

import dk.klaremaal.access.AccessPolicy;
import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.platform.RowFields;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
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

    /** A lookup that remembers what it found (and what was allowed) for one request. */
    Lookup lookup() {
        return new Lookup();
    }

    /**
     * A lookup that has read every organisation, and which of them the caller may send data for, at
     * once: it does not touch the database again, so it can check rows while the connection is busy.
     */
    Lookup preloaded() {
        Lookup lookup = new Lookup();
        Set<Long> permitted = new HashSet<>(access.organisations(AccessPolicy.Action.REPORT));
        for (Organisation organisation : catalogue.findAllOrganisations()) {
            lookup.found.put(organisation.slug(), Optional.of(organisation));
            lookup.allowed.put(organisation.id(), permitted.contains(organisation.id()));
        }
        lookup.refusals = access.refusals();
        return lookup;
    }

    final class Lookup {
        private final Map<String, Optional<Organisation>> found = new HashMap<>();
        private final Map<Long, Boolean> allowed = new HashMap<>();
        /** Set when preloaded: every organisation is known, and refusals are worded without the database. */
        private java.util.function.UnaryOperator<String> refusals;

        /** The row's organisation, or null when it is missing, unknown or not the caller's to write for (the row is then refused). */
        Organisation organisation(RowFields row) {
            String slug = row.text("organisation", true);
            if (slug == null) {
                return null;
            }
            Organisation organisation = refusals != null ? found.getOrDefault(slug, Optional.empty()).orElse(null)
                    : found.computeIfAbsent(slug, catalogue::findOrganisation).orElse(null);
            if (organisation == null) {
                row.fail("organisation", "no organisation has this slug");
                return null;
            }
            if (!allowed.computeIfAbsent(organisation.id(), id -> access.allows(AccessPolicy.Action.REPORT, id))) {
                row.fail("organisation", refusals != null ? refusals.apply(organisation.name()) : access.refusal(organisation.id()));
                return null;
            }
            return organisation;
        }
    }
}
