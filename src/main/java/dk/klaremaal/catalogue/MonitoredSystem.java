package dk.klaremaal.catalogue;

import java.time.LocalDate;

/** A self-service solution whose availability is followed from {@code monitoredFrom}. */
public record MonitoredSystem(long id, long organisationId, String code, String name, LocalDate monitoredFrom) {
}
