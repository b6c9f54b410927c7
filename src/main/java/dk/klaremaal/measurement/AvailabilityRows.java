package dk.klaremaal.measurement;

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


    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final RowOrganisations rowOrganisations;
    private final SourceRepository sources;
    private final Clock clock;

    AvailabilityRows(RowOrganisations rowOrganisations, SourceRepository sources, Clock clock) {
        this.rowOrganisations = rowOrganisations;
        this.sources = sources;
        this.clock = clock;

    }

    /** A lookup that remembers what it found for one request. */
    Lookup lookup() {
        return new Lookup();
    }

    final class Lookup {
        private final RowOrganisations.Lookup organisations = rowOrganisations.lookup();
        private final Map<String, Optional<MonitoredSystem>> systems = new HashMap<>();

        MonitoredSystem system(RowFields row) {
            Organisation organisation = organisations.organisation(row);
            String code = row.text("system", true);
            if (organisation == null || code == null) {
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
