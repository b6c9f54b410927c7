package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.measurement.CaseEventRepository.CaseKey;
import dk.klaremaal.platform.HandOff;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.IngestReport.RowError;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.PostgresCopy;
import dk.klaremaal.platform.RepeatSuspects;
import dk.klaremaal.platform.RowFields;
import dk.klaremaal.platform.RowFormats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.BitSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
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
    /**
     * How many event_ids of an upload may be suspected of being used twice before its repeats are looked for
     * among all its rows instead (a few per thousand unique ones are, and every one that is used twice).
     */
    private final int maxRepeatSuspects;

    public CaseEventIngestService(CatalogueRepository catalogue, CaseEventRepository events, WorkingDayCalendar calendar, Clock clock,
                                  RowOrganisations rowOrganisations,
                                  @Value("${klaremaal.ingest.max-repeat-suspects:200000}") int maxRepeatSuspects) {
        this.maxRepeatSuspects = maxRepeatSuspects;
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
    public IngestReport ingest(Iterable<RawRow> rows, String sender) {
        return ingestRows(rows);
    }

    /** A CSV file of any size, read and checked a row at a time. */
    @Override
    @Transactional
    public IngestReport ingestCsv(java.io.Reader csv, String sender) {
        try (RowFormats.CsvRows rows = RowFormats.csvRows(csv, COLUMNS)) {
            return ingestRows(rows);
        }
    }

    /**
     * Streams the rows: each is checked and copied into a temporary table as it is read, and its
     * event_id passed through Bloom filters that name the few that may be used twice; repeats and
     * conflicting re-sends are found with SQL (among those suspects, or in the whole upload when there
     * were too many to keep); then the events of every affected case (stored and new) are read back
     * case by case and replayed, the timelines written to files and copied in; finally everything is
     * stored with a few set-based statements. Memory stays bounded whatever the number of rows; all or
     * nothing is stored.
     */
    private IngestReport ingestRows(Iterable<RawRow> rows) {
        PhaseLog phases = new PhaseLog("case-event ingest");
        Errors errors = new Errors();
        // Everything the row checks look up is read first: while the rows are copied in, the transaction's connection is busy.
        Map<Long, Map<String, CaseType>> caseTypes = new HashMap<>();
        Map<Long, CaseType> typesById = new HashMap<>();
        for (CaseType t : catalogue.findAllCaseTypes()) {
            caseTypes.computeIfAbsent(t.organisationId(), id -> new HashMap<>()).put(t.code(), t);
            typesById.put(t.id(), t);
        }
        RowOrganisations.Lookup organisations = rowOrganisations.lookup();
        Map<Long, ClosingDays> closingByOrganisation = new HashMap<>();
        organisations.bySlug().values().forEach(o -> closingByOrganisation.put(o.id(), o.closingDays()));
        events.createIncoming();
        List<Path> files = new ArrayList<>();
        try {
            Copied copied = copyChecked(rows, organisations, caseTypes, errors);
            int count = copied.rows();
            phases.done("read, check and copy in " + count + " rows");
            events.incomingCopied(copied.events(), copied.repeatSuspects());
            CaseEventRepository.Approach approach = events.approachFor(copied.events());
            int duplicates = events.sameRepeats();
            for (CaseEventRepository.Repeat repeat : events.conflictingRepeats()) {
                errors.add(new RowError(repeat.row(), repeat.eventId(), "event_id", repeat.eventId(),
                        "the same event_id is used on row " + repeat.firstRow() + " for a different event"));
            }
            events.lockCaseTypes(copied.caseTypes());
            events.findResends(approach.probeIndexes());
            duplicates += events.sameResends();
            for (CaseEventRepository.Resend resend : events.conflictingResends()) {
                CaseEvent stored = resend.stored();
                errors.add(new RowError(resend.row(), stored.eventId(), "event_id", stored.eventId(),
                        "event_id is already stored for a different event (" + stored.kind().code() + " at "
                                + stored.occurredAt() + " in case " + stored.caseId() + ")"));
            }
            events.dropRepeatsAndResends();
            phases.done("duplicates and conflicts");

            Path recordFile = temporary(files, "klaremaal-records");
            Path spanFile = temporary(files, "klaremaal-spans");
            // The cases are replayed on a second thread while this one reads them from the database.
            try (Writer records = Files.newBufferedWriter(recordFile); Writer spans = Files.newBufferedWriter(spanFile);
                 HandOff<AffectedCase> replays = new HandOff<>("case-replay", 1_000,
                         c -> replay(c, typesById.get(c.key().caseTypeId()), closingByOrganisation, errors, records, spans))) {
                events.forEachAffectedCase(approach, (key, stored, sent) -> replays.put(new AffectedCase(key, stored, sent)));
                replays.finish();
            }
            phases.done("replay cases");
            if (!errors.isEmpty()) {
                return errors.report(count, duplicates);
            }
            int accepted = events.storeIncoming(recordFile, spanFile);
            phases.done("store");
            return IngestReport.stored(count, accepted, duplicates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            files.forEach(f -> f.toFile().delete());
        }
    }

    /** A case with new events: its stored events and the new ones. */
    private record AffectedCase(CaseKey key, List<CaseEvent> stored, List<CaseEventRepository.Sent> sent) {
    }

    /** Replays one case and writes its record and spans, unless any event of the upload was rejected. */
    private void replay(AffectedCase c, CaseType type, Map<Long, ClosingDays> closingByOrganisation, Errors errors,
                        Writer records, Writer spans) {
        ClosingDays closing = closingByOrganisation.getOrDefault(type.organisationId(), ClosingDays.NONE);
        List<Candidate> pending = new ArrayList<>();
        c.sent().forEach(e -> pending.add(new Candidate(e.row(), e.event())));
        CaseClock.Timeline t = replayBlamingNewEvents(type, closing, c.stored(), pending, errors.list());
        if (t == null || !errors.isEmpty()) {
            return;
        }
        try {
            CaseTimelines.write(records, spans, c.key(), t, !c.stored().isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many rows an upload had, how many of them passed the row checks and were copied in, their
     * case types, and the event_ids that may be used twice (or none, when there were too many).
     */
    private record Copied(int rows, long events, Set<Long> caseTypes, Optional<Set<String>> repeatSuspects) {
    }

    /** Checks each row and copies the good ones into the upload's temporary table as they are read. */
    private Copied copyChecked(Iterable<RawRow> rows, RowOrganisations.Lookup organisations, Map<Long, Map<String, CaseType>> caseTypes,
                               Errors errors) throws IOException {
        int count = 0;
        Set<Long> caseTypeIds = new HashSet<>();
        RepeatSuspects repeats = new RepeatSuspects(maxRepeatSuspects);
        PostgresCopy.Out out = events.copyIncoming();
        // The event_ids go through the Bloom filters on a second thread while this one reads, checks and copies.
        try (HandOff<String> eventIds = new HandOff<>("repeat-suspects", 10_000, repeats::add)) {
            for (RawRow row : rows) {
                count++;
                Candidate c = validate(row, organisations, caseTypes, errors.list());
                if (c != null) {
                    CaseEvent e = c.event();
                    caseTypeIds.add(e.caseTypeId());
                    eventIds.put(e.eventId());
                    PostgresCopy.line(out, c.row(), e.eventId(), e.caseTypeId(), e.caseId(), e.kind().code(), e.occurredAt());
                }
            }
            out.close();
            eventIds.finish();
            return new Copied(count, out.rows(), caseTypeIds, repeats.suspects());
        } catch (RuntimeException | IOException | Error e) {
            out.cancel();
            throw e;
        }
    }

    private static Path temporary(List<Path> files, String prefix) throws IOException {
        Path file = Files.createTempFile(prefix, ".csv");
        files.add(file);
        return file;
    }

    /**
     * The row errors of an upload: every bad row is counted, the first {@link #KEPT} errors are kept
     * to report, so a file of millions of bad rows does not fill the memory.
     */
    private static final class Errors {
        static final int KEPT = 10_000;

        private final List<RowError> kept = new ArrayList<>();
        private final BitSet rows = new BitSet();
        private int added;
        private final List<RowError> view = new AbstractList<>() {
            @Override
            public RowError get(int index) {
                return index < kept.size() ? kept.get(index) : null;
            }

            /** Every error added, kept or not: the row checks compare sizes to see whether a row failed. */
            @Override
            public int size() {
                return added;
            }

            @Override
            public boolean add(RowError error) {
                Errors.this.add(error);
                return true;
            }
        };

        void add(RowError error) {
            added++;
            rows.set(error.row());
            if (kept.size() < KEPT) {
                kept.add(error);
            }
        }

        /** A list the row checks add their errors to. */
        List<RowError> list() {
            return view;
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }

        IngestReport report(int count, int duplicates) {
            IngestReport sorted = IngestReport.refused(count, duplicates, kept);
            return new IngestReport(false, count, 0, duplicates, rows.cardinality(), sorted.errors());
        }
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
            try {
                CaseClock.Timeline timeline = CaseTimelines.replay(all, type, closing, calendar);
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

    private Candidate validate(RawRow raw, RowOrganisations.Lookup organisations,
                               Map<Long, Map<String, CaseType>> caseTypes, List<RowError> errors) {
        RowFields row = new RowFields(raw, "event_id", errors);
        String eventId = row.text("event_id", true);
        Organisation organisation = organisations.organisation(row);
        String caseTypeCode = row.text("case_type", true);
        CaseType type = null;
        if (organisation != null && caseTypeCode != null) {
            type = caseTypes.getOrDefault(organisation.id(), Map.of()).get(caseTypeCode);
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
