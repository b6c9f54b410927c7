package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.measurement.CaseEventRepository.CaseKey;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.IngestReport.RowError;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.RowFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes case events in: validates every row, drops exact re-sends, checks each affected case's
 * event sequence in {@code occurred_at} order, and stores all or nothing.
 */
@Service
public class CaseEventIngestService implements Dataset {

    private final RowOrganisations rowOrganisations;

    public static final List<String> COLUMNS = List.of("event_id", "organisation", "case_type", "case_id", "event", "occurred_at");


    /** Clocks of senders drift; an event may lie this far in the future and still be believed. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final CatalogueRepository catalogue;
    private final CaseEventRepository events;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public CaseEventIngestService(CatalogueRepository catalogue, CaseEventRepository events, WorkingDayCalendar calendar, Clock clock,
                                  RowOrganisations rowOrganisations) {
        this.catalogue = catalogue;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
        this.rowOrganisations = rowOrganisations;
    }

    private record Candidate(int row, CaseEvent event) {
    }

    @Override
    public String name() {
        return DatasetNames.CASE_EVENTS;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    @Override
    @Transactional
    public IngestReport ingest(List<RawRow> rows, String sender) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Optional<CaseType>> caseTypes = new HashMap<>();
        RowOrganisations.Lookup organisations = rowOrganisations.lookup();
        Map<String, Candidate> byId = new LinkedHashMap<>();
        int duplicates = 0;

        for (RawRow row : rows) {
            Candidate candidate = validate(row, organisations, caseTypes, errors);
            if (candidate == null) {
                continue;
            }
            Candidate earlier = byId.get(candidate.event().eventId());
            if (earlier == null) {
                byId.put(candidate.event().eventId(), candidate);
            } else if (earlier.event().sameAs(candidate.event())) {
                duplicates++;
            } else {
                errors.add(new RowError(row.row(), candidate.event().eventId(), "event_id", candidate.event().eventId(),
                        "the same event_id is used on row " + earlier.row() + " for a different event"));
            }
        }

        events.lockCaseTypes(byId.values().stream().map(c -> c.event().caseTypeId()).toList());
        for (CaseEvent stored : events.findByIds(byId.keySet())) {
            Candidate candidate = byId.remove(stored.eventId());
            if (candidate.event().sameAs(stored)) {
                duplicates++;
            } else {
                errors.add(new RowError(candidate.row(), stored.eventId(), "event_id", stored.eventId(),
                        "event_id is already stored for a different event (" + stored.kind().code() + " at "
                                + stored.occurredAt() + " in case " + stored.caseId() + ")"));
            }
        }

        Map<CaseKey, List<Candidate>> byCase = new TreeMap<>(Comparator.comparing(CaseKey::caseTypeId).thenComparing(CaseKey::caseId));
        for (Candidate c : byId.values()) {
            byCase.computeIfAbsent(new CaseKey(c.event().caseTypeId(), c.event().caseId()), k -> new ArrayList<>()).add(c);
        }
        Map<CaseKey, List<CaseEvent>> storedByCase = loadStoredEvents(byCase);

        List<CaseKey> keys = new ArrayList<>();
        List<CaseClock.Timeline> timelines = new ArrayList<>();
        List<CaseEvent> accepted = new ArrayList<>();
        Map<Long, CaseType> typesById = new HashMap<>();
        caseTypes.values().forEach(t -> t.ifPresent(type -> typesById.put(type.id(), type)));
        Map<Long, ClosingDays> closingByType = new HashMap<>();
        for (Map.Entry<CaseKey, List<Candidate>> entry : byCase.entrySet()) {
            CaseType type = typesById.get(entry.getKey().caseTypeId());
            ClosingDays closing = closingByType.computeIfAbsent(type.id(), id -> closingDays(type));
            List<Candidate> pending = new ArrayList<>(entry.getValue());
            CaseClock.Timeline timeline = replayBlamingNewEvents(type, closing,
                    storedByCase.getOrDefault(entry.getKey(), List.of()), pending, errors);
            if (timeline != null) {
                keys.add(entry.getKey());
                timelines.add(timeline);
                pending.forEach(c -> accepted.add(c.event()));
            }
        }

        if (!errors.isEmpty()) {
            return IngestReport.refused(rows.size(), duplicates, errors);
        }
        events.insertEvents(accepted);
        events.saveTimelines(keys, timelines);
        return IngestReport.stored(rows.size(), accepted.size(), duplicates);
    }

    private Map<CaseKey, List<CaseEvent>> loadStoredEvents(Map<CaseKey, List<Candidate>> byCase) {
        Map<Long, List<String>> caseIdsByType = new HashMap<>();
        byCase.keySet().forEach(k -> caseIdsByType.computeIfAbsent(k.caseTypeId(), t -> new ArrayList<>()).add(k.caseId()));
        Map<CaseKey, List<CaseEvent>> stored = new HashMap<>();
        caseIdsByType.forEach((typeId, caseIds) -> {
            for (CaseEvent e : events.findEventsOfCases(typeId, caseIds)) {
                stored.computeIfAbsent(new CaseKey(typeId, e.caseId()), k -> new ArrayList<>()).add(e);
            }
        });
        return stored;
    }

    /**
     * Replays stored and new events together. An event that does not fit is rejected; when a new
     * event would break an already stored one, the new event just before it is blamed. Returns
     * null when any new event of the case was rejected.
     */
    private CaseClock.Timeline replayBlamingNewEvents(CaseType type, ClosingDays closing, List<CaseEvent> stored,
                                                      List<Candidate> pending, List<RowError> errors) {
        boolean rejectedAny = false;
        while (!pending.isEmpty()) {
            List<CaseEvent> all = new ArrayList<>(stored);
            pending.forEach(c -> all.add(c.event()));
            all.sort(CaseEvent.APPLY_ORDER);
            try {
                CaseClock.Timeline timeline = CaseClock.replay(all, type.clockStart(), type.excludePauses(),
                        (a, b) -> calendar.workingDaysBetween(a, b, closing));
                return rejectedAny ? null : timeline;
            } catch (CaseClock.SequenceException e) {
                Candidate blamed = pending.stream().filter(c -> c.event() == e.event()).findFirst().orElse(null);
                String reason = e.getMessage();
                if (blamed == null) {
                    CaseEvent broken = e.event();
                    blamed = pending.stream()
                            .filter(c -> CaseEvent.APPLY_ORDER.compare(c.event(), broken) < 0)
                            .max(Comparator.comparing(Candidate::event, CaseEvent.APPLY_ORDER))
                            .orElse(pending.getFirst());
                    reason = "this event would make the stored '" + broken.kind().code() + "' event " + broken.eventId()
                            + " of " + broken.occurredAt() + " invalid: " + reason;
                }
                errors.add(new RowError(blamed.row(), blamed.event().eventId(), "event", blamed.event().kind().code(),
                        "case " + blamed.event().caseId() + ": " + reason));
                pending.remove(blamed);
                rejectedAny = true;
            }
        }
        return null;
    }

    private ClosingDays closingDays(CaseType type) {
        return catalogue.findOrganisation(type.organisationId()).map(Organisation::closingDays).orElse(ClosingDays.NONE);
    }

    private Candidate validate(RawRow raw, RowOrganisations.Lookup organisations,
                               Map<String, Optional<CaseType>> caseTypes, List<RowError> errors) {
        RowFields row = new RowFields(raw, "event_id", errors);
        String eventId = row.text("event_id", true);
        Organisation organisation = organisations.organisation(row);
        String caseTypeCode = row.text("case_type", true);
        CaseType type = null;
        if (organisation != null && caseTypeCode != null) {
            type = caseTypes.computeIfAbsent(organisation.id() + "\n" + caseTypeCode,
                    k -> catalogue.findCaseType(organisation.id(), caseTypeCode)).orElse(null);
            if (type == null) {
                row.fail("case_type", "organisation " + organisation.slug() + " has no case type with this code");
            }
        }
        String caseId = row.text("case_id", true);
        CaseEventKind kind = null;
        String event = row.text("event", true);
        if (event != null) {
            try {
                kind = CaseEventKind.fromCode(event);
            } catch (IllegalArgumentException e) {
                row.fail("event", e.getMessage());
            }
        }
        Instant occurredAt = row.time("occurred_at", true);
        if (occurredAt != null && occurredAt.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            row.fail("occurred_at", "lies in the future");
        }
        if (!row.ok()) {
            return null;
        }
        return new Candidate(raw.row(), new CaseEvent(eventId, type.id(), caseId, kind, occurredAt));
    }
}
