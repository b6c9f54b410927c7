package dk.klaremaal.plans;

import dk.klaremaal.catalogue.Organisation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An organisation's performance plan for a year, with every version it has had, oldest first. */
public record Plan(long id, Organisation organisation, int year, List<Version> versions) {

    public Plan {
        versions = List.copyOf(versions);
    }

    /** A version of the plan: what it states from {@code validFrom}, why it was changed, and by whom. */
    public record Version(int number, LocalDate validFrom, String reason, String changedBy, Instant recordedAt, PlanContent content) {
    }

    public Version current() {
        return versions.getLast();
    }

    public Optional<Version> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** The version in force on a day: the last one that applies from that day or before; the first if none does yet. */
    public Version inForceOn(LocalDate day) {
        Version found = versions.getFirst();
        for (Version v : versions) {
            if (!v.validFrom().isAfter(day)) {
                found = v;
            }
        }
        return found;
    }

    public LocalDate endOfQuarter(int quarter) {
        return LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
    }
}
