package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.MonitoredSystem;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.catalogue.SourceRepository;
import dk.klaremaal.platform.RowFields;
import dk.klaremaal.platform.TimeConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What the downtime and probe datasets share: finding the monitored system a row names. */
@Component
class AvailabilityRows {

    private final RowOrganisations rowOrganisations;
    private final SourceRepository sources;

    AvailabilityRows(RowOrganisations rowOrganisations, SourceRepository sources) {
        this.rowOrganisations = rowOrganisations;
        this.sources = sources;
    }

    /**
     * A lookup for one upload. It reads the organisations and all monitored systems at once: rows are
     * checked while the transaction's connection is busy copying others in.
     */
    Lookup lookup() {
        Map<SystemKey, MonitoredSystem> systems = new HashMap<>();
        sources.findAllSystems().forEach(s -> systems.put(new SystemKey(s.organisationId(), s.code()), s));
        return new Lookup(rowOrganisations.lookup(), systems);
    }

    private record SystemKey(long organisationId, String code) {
    }

    record Lookup(RowOrganisations.Lookup organisations, Map<SystemKey, MonitoredSystem> systems) {

        MonitoredSystem system(RowFields row) {
            Organisation organisation = organisations.organisation(row);
            String code = row.text("system", true);
            if (organisation == null || code == null) {
                return null;
            }
            MonitoredSystem system = systems.get(new SystemKey(organisation.id(), code));
            if (system == null) {
                row.fail("system", organisation.name() + " has no monitored system with this code");
            }
            return system;
        }
    }

    static void checkMonitored(RowFields row, String field, Instant time, MonitoredSystem system) {
        if (time != null && system != null && !system.monitoredOn(LocalDate.ofInstant(time, TimeConfiguration.ZONE))) {
            row.fail(field, "lies outside the time " + system.code() + " is monitored (from " + system.monitoredFrom()
                    + (system.monitoredTo() == null ? "" : " to " + system.monitoredTo()) + ")");
        }
    }
}
