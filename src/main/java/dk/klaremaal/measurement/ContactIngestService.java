package dk.klaremaal.measurement;

import dk.klaremaal.platform.AdvisoryLocks;
import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.IngestReport.RowError;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.RowFields;
import dk.klaremaal.platform.TimeConfiguration;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final RowOrganisations rowOrganisations;

    public static final List<String> COLUMNS = List.of("contact_id", "organisation", "channel", "offered_at");
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final CatalogueRepository catalogue;
    private final WorkingDayCalendar calendar;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    public ContactIngestService(CatalogueRepository catalogue, WorkingDayCalendar calendar, JdbcClient jdbc, JdbcTemplate template,
                                Clock clock, RowOrganisations rowOrganisations) {
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.template = template;
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

    private record Candidate(int row, Contact contact) {
    }

    private record Key(long organisationId, String contactId) {
    }

    @Override
    @Transactional
    public IngestReport ingest(List<RawRow> rows, String sender) {
        List<RowError> errors = new ArrayList<>();
        RowOrganisations.Lookup organisations = rowOrganisations.lookup();
        Map<Key, Candidate> byKey = new LinkedHashMap<>();
        int duplicates = 0;
        for (RawRow raw : rows) {
            Candidate candidate = validate(raw, organisations, errors);
            if (candidate == null) {
                continue;
            }
            Key key = new Key(candidate.contact().organisationId(), candidate.contact().contactId());
            Candidate earlier = byKey.get(key);
            if (earlier == null) {
                byKey.put(key, candidate);
            } else if (earlier.contact().sameAs(candidate.contact())) {
                duplicates++;
            } else if (candidate.contact().completes(earlier.contact())) {
                byKey.put(key, candidate);
                duplicates++;
            } else {
                errors.add(new RowError(raw.row(), key.contactId(), "contact_id", key.contactId(),
                        "the same contact_id is used on row " + earlier.row() + " for a different contact"));
            }
        }
        AdvisoryLocks.lockAll(jdbc, AdvisoryLocks.CONTACTS, byKey.keySet().stream().map(Key::organisationId).toList());
        List<Contact> inserts = new ArrayList<>();
        List<Contact> completions = new ArrayList<>();
        Map<Long, List<String>> idsByOrg = new HashMap<>();
        byKey.keySet().forEach(k -> idsByOrg.computeIfAbsent(k.organisationId(), o -> new ArrayList<>()).add(k.contactId()));
        Map<Key, Contact> stored = new HashMap<>();
        idsByOrg.forEach((org, ids) -> jdbc.sql("""
                        select organisation_id, contact_id, channel, offered_at, answered_at, abandoned, outcome from contact
                        where organisation_id = ? and contact_id = any(?)""")
                .params(org, ids.toArray(String[]::new))
                .query((rs, i) -> {
                    Timestamp answered = rs.getTimestamp("answered_at");
                    Contact c = new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            answered == null ? null : answered.toInstant(), rs.getBoolean(6), rs.getString(7));
                    return stored.put(new Key(c.organisationId(), c.contactId()), c);
                }).list());
        for (Map.Entry<Key, Candidate> e : byKey.entrySet()) {
            Contact contact = e.getValue().contact();
            Contact old = stored.get(e.getKey());
            if (old == null) {
                inserts.add(contact);
            } else if (old.sameAs(contact)) {
                duplicates++;
            } else if (contact.completes(old)) {
                completions.add(contact);
            } else {
                errors.add(new RowError(e.getValue().row(), contact.contactId(), "contact_id", contact.contactId(),
                        "contact_id is already stored for a different contact (" + old.channel() + " offered at " + old.offeredAt()
                                + (old.pending() ? ", pending" : old.abandoned() ? ", abandoned" : ", answered at " + old.answeredAt()) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            return IngestReport.refused(rows.size(), duplicates, errors);
        }
        Map<Long, dk.klaremaal.catalogue.ClosingDays> closing = new HashMap<>();
        template.batchUpdate("""
                        insert into contact (organisation_id, contact_id, channel, offered_at, answered_at, abandoned, outcome,
                            wait_seconds, wait_days, wait_working_days, offered_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (organisation_id, contact_id) do update set answered_at = excluded.answered_at,
                            abandoned = excluded.abandoned, outcome = excluded.outcome, wait_seconds = excluded.wait_seconds,
                            wait_days = excluded.wait_days, wait_working_days = excluded.wait_working_days, ingested_at = now()""",
                concat(inserts, completions), 1000, (ps, c) -> {
                    ps.setLong(1, c.organisationId());
                    ps.setString(2, c.contactId());
                    ps.setString(3, c.channel());
                    ps.setTimestamp(4, Timestamp.from(c.offeredAt()));
                    ps.setTimestamp(5, c.answeredAt() == null ? null : Timestamp.from(c.answeredAt()));
                    ps.setBoolean(6, c.abandoned());
                    ps.setString(7, c.outcome());
                    ps.setDate(11, java.sql.Date.valueOf(LocalDate.ofInstant(c.offeredAt(), TimeConfiguration.ZONE)));
                    if (c.answeredAt() == null) {
                        ps.setNull(8, java.sql.Types.BIGINT);
                        ps.setNull(9, java.sql.Types.INTEGER);
                        ps.setNull(10, java.sql.Types.INTEGER);
                    } else {
                        LocalDate offered = LocalDate.ofInstant(c.offeredAt(), TimeConfiguration.ZONE);
                        LocalDate answered = LocalDate.ofInstant(c.answeredAt(), TimeConfiguration.ZONE);
                        ps.setLong(8, Duration.between(c.offeredAt(), c.answeredAt()).toSeconds());
                        ps.setInt(9, (int) (answered.toEpochDay() - offered.toEpochDay()));
                        ps.setInt(10, calendar.workingDaysBetween(offered, answered, closing.computeIfAbsent(c.organisationId(),
                                id -> catalogue.findOrganisation(id).map(Organisation::closingDays).orElse(dk.klaremaal.catalogue.ClosingDays.NONE))));
                    }
                });
        return IngestReport.stored(rows.size(), inserts.size() + completions.size(), duplicates);
    }

    private static List<Contact> concat(List<Contact> a, List<Contact> b) {
        List<Contact> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Candidate validate(RawRow raw, RowOrganisations.Lookup organisations, List<RowError> errors) {
        RowFields row = new RowFields(raw, "contact_id", errors);
        String contactId = row.text("contact_id", true);
        Organisation organisation = organisations.organisation(row);
        String channel = row.code("channel", true);
        Instant offered = row.time("offered_at", true);
        Instant answered = row.time("answered_at", false);
        Boolean abandoned = row.bool("abandoned", false);
        String outcome = row.code("outcome", false);
        Instant latest = clock.instant().plus(FUTURE_TOLERANCE);
        if (offered != null && offered.isAfter(latest)) {
            row.fail("offered_at", "lies in the future");
        }
        if (answered != null && answered.isAfter(latest)) {
            row.fail("answered_at", "lies in the future");
        }
        if (offered != null && answered != null && answered.isBefore(offered)) {
            row.fail("answered_at", "is before offered_at");
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
        return new Candidate(raw.row(), new Contact(organisation.id(), contactId, channel, offered, answered,
                Boolean.TRUE.equals(abandoned), outcome));
    }
}
