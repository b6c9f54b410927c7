package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.platform.AdvisoryLocks;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.IngestReport.RowError;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.RowFields;
import dk.klaremaal.platform.TimeConfiguration;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes contacts in (calls, e-mails, letters). Exact re-sends are duplicates; a pending contact may
 * be sent again once it is answered or abandoned; any other change to a stored contact is refused.
 * All rows are stored or none.
 */
@Service
public class ContactIngestService implements Dataset {

    public static final List<String> COLUMNS = List.of("contact_id", "organisation", "channel", "offered_at");

    /** What tells two sendings of a contact apart. */
    private static final List<String> COMPARED = List.of("channel", "offered_at", "answered_at", "abandoned", "outcome");
    private static final List<String> KEY = List.of("organisation_id", "contact_id");
    /** A contact that was pending (%1$s) and is now (%2$s) answered or abandoned, at the same time on the same channel. */
    private static final String COMPLETES = """
            %1$s.answered_at is null and not %1$s.abandoned and (%2$s.answered_at is not null or %2$s.abandoned)
            and %2$s.channel = %1$s.channel and %2$s.offered_at = %1$s.offered_at""";

    private final RowOrganisations rowOrganisations;
    private final WorkingDayCalendar calendar;
    private final Staging staging;
    private final JdbcClient jdbc;
    private final Clock clock;

    public ContactIngestService(WorkingDayCalendar calendar, Staging staging, JdbcClient jdbc, Clock clock,
                                RowOrganisations rowOrganisations) {
        this.calendar = calendar;
        this.staging = staging;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rowOrganisations = rowOrganisations;
    }

    @Override
    public String name() {
        return DatasetNames.CONTACTS;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    @Override
    @Transactional
    public IngestReport ingest(Iterable<RawRow> rows, String sender) {
        RowErrors errors = new RowErrors();
        RowOrganisations.Lookup organisations = rowOrganisations.lookup();
        Set<Long> organisationIds = new HashSet<>();
        StagedRows staged = staging.create("incoming_contact", List.of("organisation_id bigint", "contact_id text", "channel text",
                "offered_at timestamptz", "answered_at timestamptz", "abandoned boolean", "outcome text", "wait_seconds bigint",
                "wait_days integer", "wait_working_days integer", "offered_on date"));
        int count = staged.copy(rows, raw -> checked(raw, organisations, organisationIds, errors));
        int duplicates = staged.dropRepeats(KEY, COMPARED, COMPLETES.formatted("f", "i"),
                (rs, n) -> new RowError(rs.getInt("row"), rs.getString("contact_id"), "contact_id", rs.getString("contact_id"),
                        "the same contact_id is used on row " + rs.getInt("earlier_row") + " for a different contact"), errors);
        AdvisoryLocks.lockAll(jdbc, AdvisoryLocks.CONTACTS, organisationIds);
        duplicates += staged.dropResends("contact", KEY, COMPARED, COMPLETES.formatted("s", "i"),
                (rs, n) -> new RowError(rs.getInt("row"), rs.getString("contact_id"), "contact_id", rs.getString("contact_id"),
                        "contact_id is already stored for a different contact (" + storedDescription(rs) + ")"), errors);
        if (!errors.isEmpty()) {
            return errors.report(count, duplicates);
        }
        int accepted = staged.update("""
                insert into contact (organisation_id, contact_id, channel, offered_at, answered_at, abandoned, outcome,
                                     wait_seconds, wait_days, wait_working_days, offered_on)
                select organisation_id, contact_id, channel, offered_at, answered_at, abandoned, outcome,
                       wait_seconds, wait_days, wait_working_days, offered_on from %s
                on conflict (organisation_id, contact_id) do update set answered_at = excluded.answered_at,
                    abandoned = excluded.abandoned, outcome = excluded.outcome, wait_seconds = excluded.wait_seconds,
                    wait_days = excluded.wait_days, wait_working_days = excluded.wait_working_days, ingested_at = now()"""
                .formatted(staged.table()));
        return IngestReport.stored(count, accepted, duplicates);
    }

    /** The stored contact a row contradicts, as the refusal describes it. */
    private static String storedDescription(ResultSet rs) throws SQLException {
        OffsetDateTime answered = rs.getObject("stored_answered_at", OffsetDateTime.class);
        return rs.getString("stored_channel") + " offered at " + rs.getObject("stored_offered_at", OffsetDateTime.class).toInstant()
                + (answered != null ? ", answered at " + answered.toInstant() : rs.getBoolean("stored_abandoned") ? ", abandoned" : ", pending");
    }

    /** The row's values to stage, with the wait derived; null when the row is refused. */
    private Object[] checked(RawRow raw, RowOrganisations.Lookup organisations, Set<Long> organisationIds, RowErrors errors) {
        RowFields row = new RowFields(raw, "contact_id", errors.list());
        String contactId = row.text("contact_id", true);
        Organisation organisation = organisations.organisation(row);
        String channel = MeasurementRanges.code(row, "channel", true);
        Instant offered = MeasurementRanges.time(row, "offered_at", true, clock);
        Instant answered = MeasurementRanges.time(row, "answered_at", false, clock);
        Boolean abandoned = row.bool("abandoned", false);
        String outcome = MeasurementRanges.code(row, "outcome", false);
        if (offered != null && answered != null && answered.isBefore(offered)) {
            row.fail("answered_at", "is before offered_at");
        } else if (offered != null && answered != null && Duration.between(offered, answered).compareTo(MeasurementRanges.LONGEST) > 0) {
            row.fail("answered_at", "is more than " + MeasurementRanges.LONGEST.toDays() + " days after offered_at");
        }
        if (answered != null && Boolean.TRUE.equals(abandoned)) {
            row.fail("abandoned", "a contact is either answered (answered_at) or abandoned, not both");
        }
        if (outcome != null && answered == null) {
            row.fail("outcome", "only an answered contact has an outcome");
        }
        if (!row.ok()) {
            return null;
        }
        organisationIds.add(organisation.id());
        LocalDate offeredOn = LocalDate.ofInstant(offered, TimeConfiguration.ZONE);
        if (answered == null) {
            return new Object[] {organisation.id(), contactId, channel, offered, null, Boolean.TRUE.equals(abandoned), outcome,
                    null, null, null, offeredOn};
        }
        LocalDate answeredOn = LocalDate.ofInstant(answered, TimeConfiguration.ZONE);
        return new Object[] {organisation.id(), contactId, channel, offered, answered, false, outcome,
                Duration.between(offered, answered).toSeconds(), (int) (answeredOn.toEpochDay() - offeredOn.toEpochDay()),
                calendar.workingDaysBetween(offeredOn, answeredOn, organisation.closingDays()), offeredOn};
    }
}
