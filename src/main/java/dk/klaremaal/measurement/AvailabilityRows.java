package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.MonitoredSystem;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.catalogue.SourceRepository;
import dk.klaremaal.platform.RowFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What the downtime and probe datasets share: finding the monitored system a row names. */
@Component
class AvailabilityRows {

    private final dk.klaremaal.access.AccessPolicy access;

    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final CatalogueRepository catalogue;
    private final SourceRepository sources;
    private final Clock clock;

    AvailabilityRows(CatalogueRepository catalogue, SourceRepository sources, Clock clock, dk.klaremaal.access.AccessPolicy access) {
        this.catalogue = catalogue;
        this.sources = sources;
        this.clock = clock;
        this.access = access;
    }

    /** A lookup that remembers what it found for one request. */
    Lookup lookup() {
        return new Lookup();
    }

    final class Lookup {
        private final Map<String, Optional<Organisation>> organisations = new HashMap<>();
        private final Map<String, Optional<MonitoredSystem>> systems = new HashMap<>();

        MonitoredSystem system(RowFields row) {
            String orgSlug = row.text("organisation", true);
            String code = row.text("system", true);
            if (orgSlug == null || code == null) {
                return null;
            }
            Organisation organisation = organisations.computeIfAbsent(orgSlug, catalogue::findOrganisation).orElse(null);
            if (organisation == null) {
                row.fail("organisation", "no organisation has this slug");
                return null;
            }
            if (!access.allows(organisation.id())) {
                row.fail("organisation", access.refusal(organisation.id()));
                return null;
            }
            MonitoredSystem system = systems.computeIfAbsent(organisation.id() + "\n" + code,
                    k -> sources.findSystem(organisation.id(), code)).orElse(null);
            if (system == null) {
                row.fail("system", organisation.name() + " has no monitored system with this code");
            }
            return system;
        }
    }

    Instant notInFuture(RowFields row, String field, Instant time) {
        if (time != null && time.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            row.fail(field, "lies in the future");
            return null;
        }
        return time;
    }

    static void checkMonitored(RowFields row, String field, Instant time, MonitoredSystem system) {
        if (time != null && system != null
                && !system.monitoredOn(java.time.LocalDate.ofInstant(time, dk.klaremaal.platform.TimeConfiguration.ZONE))) {
            row.fail(field, "lies outside the time " + system.code() + " is monitored (from " + system.monitoredFrom()
                    + (system.monitoredTo() == null ? "" : " to " + system.monitoredTo()) + ")");
        }
    }
}
