package dk.klaremaal.catalogue;

import java.time.LocalDate;

/** A self-service solution whose availability is followed from {@code monitoredFrom} to {@code monitoredTo} (null: still followed). */
public record MonitoredSystem(long id, long organisationId, String code, String name, LocalDate monitoredFrom, LocalDate monitoredTo) {

    public boolean monitoredOn(LocalDate day) {
        return !day.isBefore(monitoredFrom) && (monitoredTo == null || !day.isAfter(monitoredTo));
    }
}
