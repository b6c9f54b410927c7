package dk.klaremaal.measurement;

import java.time.Instant;
import java.util.Comparator;

/** One event in a case's life, as stored. */
public record CaseEvent(String eventId, long caseTypeId, String caseId, CaseEventKind kind, Instant occurredAt) {

    /** The order in which a case's events are applied, whatever order they arrived in. */
    public static final Comparator<CaseEvent> APPLY_ORDER = Comparator.comparing(CaseEvent::occurredAt)
            .thenComparing(CaseEvent::kind)
            .thenComparing(CaseEvent::eventId);

    public boolean sameAs(CaseEvent other) {
        return caseTypeId == other.caseTypeId && caseId.equals(other.caseId) && kind == other.kind
                && occurredAt.equals(other.occurredAt);
    }
}
