package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.measurement.CaseEventRepository.CaseKey;
import dk.klaremaal.platform.PostgresCopy;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A case's derived rows from its events: the one replay by the case clock and the one way its record and
 * spans are written, shared by the ingest and the rebuild of the derived data, so that both count alike.
 */
final class CaseTimelines {

    private CaseTimelines() {
    }

    /** Replays a case's events (in any order) under its case type's clock rules and its organisation's closing days. */
    static CaseClock.Timeline replay(List<CaseEvent> events, CaseType type, ClosingDays closing, WorkingDayCalendar calendar) {
        List<CaseEvent> ordered = new ArrayList<>(events);
        ordered.sort(CaseEvent.APPLY_ORDER);
        return CaseClock.replay(ordered, type.clockStart(), type.excludePauses(), (a, b) -> calendar.workingDaysBetween(a, b, closing));
    }

    /**
     * Writes the case's record (columns case_type_id, case_id, received_on, is_open, last_decided_on,
     * calendar_days, working_days, replaces, reopened) and, if it was reopened, its spans (case_type_id,
     * case_id, seq, opened_on, closed_on) as COPY lines. {@code replaces}: the case already has a record.
     */
    static void write(Writer records, Writer spans, CaseKey key, CaseClock.Timeline t, boolean replaces) throws IOException {
        boolean reopened = t.spans().size() > 1;
        PostgresCopy.line(records, key.caseTypeId(), key.caseId(), t.receivedOn(), t.open(), t.lastDecidedOn(),
                t.calendarDays(), t.workingDays(), replaces, reopened);
        // The one span of a case never reopened is its record's receipt and decision; only reopened cases' spans are kept.
        for (int i = 0; reopened && i < t.spans().size(); i++) {
            CaseClock.Span span = t.spans().get(i);
            PostgresCopy.line(spans, key.caseTypeId(), key.caseId(), i + 1, span.openedOn(), span.closedOn());
        }
    }
}
