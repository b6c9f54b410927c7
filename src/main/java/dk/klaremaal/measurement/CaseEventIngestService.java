package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.measurement.CaseEventRepository.CaseKey;
import dk.klaremaal.measurement.IngestReport.RowError;
import dk.klaremaal.platform.TimeConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
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
public class CaseEventIngestService {

    /** Clocks of senders drift; an event may lie this far in the future and still be believed. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final CatalogueRepository catalogue;
    private final CaseEventRepository events;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public CaseEventIngestService(CatalogueRepository catalogue, CaseEventRepository events, WorkingDayCalendar calendar, Clock clock) {
        this.catalogue = catalogue;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
    }

    private record Candidate(int row, CaseEvent event) {
    }

    @Transactional
    public IngestReport ingest(List<RawEventRow> rows) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Optional<CaseType>> caseTypes = new HashMap<>();
        Map<String, Optional<Organisation>> organisations = new HashMap<>();
        Map<String, Candidate> byId = new LinkedHashMap<>();
        int duplicates = 0;

        for (RawEventRow row : rows) {
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
                errors.add(new RowError(row.row(), row.eventId(), "event_id", row.eventId(),
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

        errors.sort(Comparator.comparingInt(RowError::row));
        int rejectedRows = (int) errors.stream().mapToInt(RowError::row).distinct().count();
        if (!errors.isEmpty()) {
            return new IngestReport(false, rows.size(), 0, duplicates, rejectedRows, List.copyOf(errors));
        }
        events.insertEvents(accepted);
        events.saveTimelines(keys, timelines);
        return new IngestReport(true, rows.size(), accepted.size(), duplicates, 0, List.of());
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

    private Candidate validate(RawEventRow row, Map<String, Optional<Organisation>> organisations,
                               Map<String, Optional<CaseType>> caseTypes, List<RowError> errors) {
        int before = errors.size();
        String eventId = trim(row.eventId());
        if (eventId == null) {
            errors.add(new RowError(row.row(), null, "event_id", row.eventId(), "is missing"));
        } else if (eventId.length() > 200) {
            errors.add(new RowError(row.row(), eventId, "event_id", eventId, "is longer than 200 characters"));
        }
        String organisation = trim(row.organisation());
        String caseTypeCode = trim(row.caseType());
        CaseType type = null;
        if (organisation == null) {
            errors.add(new RowError(row.row(), eventId, "organisation", row.organisation(), "is missing"));
        } else if (caseTypeCode == null) {
            errors.add(new RowError(row.row(), eventId, "case_type", row.caseType(), "is missing"));
        } else {
            Optional<Organisation> org = organisations.computeIfAbsent(organisation, catalogue::findOrganisation);
            if (org.isEmpty()) {
                errors.add(new RowError(row.row(), eventId, "organisation", organisation, "no organisation has this slug"));
            } else {
                type = caseTypes.computeIfAbsent(organisation + "\n" + caseTypeCode,
                        k -> catalogue.findCaseType(org.get().id(), caseTypeCode)).orElse(null);
                if (type == null) {
                    errors.add(new RowError(row.row(), eventId, "case_type", caseTypeCode,
                            "organisation " + organisation + " has no case type with this code"));
                }
            }
        }
        String caseId = trim(row.caseId());
        if (caseId == null) {
            errors.add(new RowError(row.row(), eventId, "case_id", row.caseId(), "is missing"));
        } else if (caseId.length() > 200) {
            errors.add(new RowError(row.row(), eventId, "case_id", caseId, "is longer than 200 characters"));
        }
        CaseEventKind kind = null;
        try {
            kind = CaseEventKind.fromCode(trim(row.event()) == null ? "" : trim(row.event()));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row.row(), eventId, "event", row.event(), e.getMessage()));
        }
        Instant occurredAt = null;
        try {
            occurredAt = parseTime(trim(row.occurredAt()));
            if (occurredAt.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
                errors.add(new RowError(row.row(), eventId, "occurred_at", row.occurredAt(), "lies in the future"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row.row(), eventId, "occurred_at", row.occurredAt(), e.getMessage()));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Candidate(row.row(), new CaseEvent(eventId, type.id(), caseId, kind, occurredAt));
    }

    /**
     * ISO-8601 with an offset ({@code 2024-03-01T09:30:00+01:00}, {@code ...Z}) or a local time in
     * Copenhagen ({@code 2024-03-01T09:30}). A local time that does not exist (the hour skipped when
     * summer time starts) is refused; one that occurs twice (when it ends) is taken the first time.
     */
    static Instant parseTime(String value) {
        if (value == null) {
            throw new IllegalArgumentException("is missing");
        }
        String text = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + "T" + value.substring(11) : value;
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // not with an offset; try a local time below
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not an ISO-8601 date and time such as 2024-03-01T09:30:00+01:00 or 2024-03-01T09:30");
        }
        List<ZoneOffset> offsets = TimeConfiguration.ZONE.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("does not exist in Europe/Copenhagen: the clocks skip this hour when summer time starts");
        }
        return ZonedDateTime.ofLocal(local, TimeConfiguration.ZONE, offsets.getFirst()).toInstant();
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.isEmpty() ? null : t;
    }
}
