package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An upload at least as large as what is stored (the bulk path) must not keep public reads waiting:
 * it may take no lock on the case tables that conflicts with a reader's.
 */
class IngestWithoutReaderLocksIT extends IntegrationTest {

    private static final String ORG = "testens-styrelse";
    private static final List<String> CASE_TABLES = List.of("case_event", "case_record", "case_span", "case_days");

    @Autowired
    CatalogueService catalogue;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void catalogue() {
        Fixtures.agencyWithCaseType(catalogue, ORG, "tilladelse");
    }

    @Test
    void aBulkUploadKeepsNoReaderOfTheCaseTablesWaiting() throws Exception {
        post("/api/v1/case-events", "text/csv",
                Fixtures.HEADER + Fixtures.caseRows(ORG, "tilladelse", "A", "2024-03-01T09:00+01:00", "2024-03-05T09:00+01:00"), INGEST_TOKEN);
        StringBuilder csv = new StringBuilder(Fixtures.HEADER);
        for (int i = 0; i < 6_000; i++) {
            csv.append(Fixtures.caseRows(ORG, "tilladelse", "L" + i, "2024-03-0" + (1 + i % 5) + "T09:00+01:00",
                    i % 3 == 0 ? null : "2024-03-1" + (i % 9) + "T09:00+01:00"));
        }
        try (Connection holder = dataSource.getConnection()) {
            // The upload is held just before it changes the histograms, after it has stored its events: a share lock
            // on case_days stops its writes there and no reader.
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("lock table case_days in share mode");
            }
            CompletableFuture<HttpResponse<String>> upload = CompletableFuture.supplyAsync(
                    () -> post("/api/v1/case-events", "text/csv", csv.toString(), INGEST_TOKEN));
            int uploader = waitingForCaseDays(Duration.ofSeconds(120));

            List<String> exclusive = jdbc.sql("""
                            select distinct c.relname from pg_locks l
                            join pg_class c on c.oid = l.relation
                            left join pg_index i on i.indexrelid = c.oid
                            join pg_class t on t.oid = coalesce(i.indrelid, c.oid)
                            where l.pid = ? and l.granted and l.mode = 'AccessExclusiveLock' and t.relname in (?, ?, ?, ?)""")
                    .param(uploader).params(CASE_TABLES.toArray()).query(String.class).list();
            assertThat(exclusive).as("locks a reader would wait for").isEmpty();

            // What the public pages read answers at once meanwhile: Open311's cases with their events, and the records.
            assertAnswersWithinASecond("""
                    select count(*) from case_record r
                    join lateral (select min(occurred_at) as received, max(occurred_at) as updated
                                  from case_event ev where ev.case_type_id = r.case_type_id and ev.case_id = r.case_id) e on true""");
            assertAnswersWithinASecond("select count(*) from case_event");
            assertAnswersWithinASecond("select count(*) from case_days");
            long started = System.nanoTime();
            HttpResponse<String> open311 = get("/open311/v2/requests.json?jurisdiction_id=" + ORG);
            assertThat(open311.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

            holder.commit();
            HttpResponse<String> stored = upload.get(120, TimeUnit.SECONDS);
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            assertThat(json(stored).get("accepted").asInt()).isEqualTo(10_000);
        }
        assertThat(jdbc.sql("select count(*) from case_event").query(Long.class).single()).isEqualTo(10_002);
    }

    /** The backend of the upload once it waits for the histograms' lock. */
    private int waitingForCaseDays(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> pid = jdbc.sql("select pid from pg_locks where relation = 'case_days'::regclass and not granted limit 1")
                    .query(Integer.class).optional();
            if (pid.isPresent()) {
                return pid.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the upload never reached its histogram update");
    }

    /** Runs a read on a connection of its own, which gives up after five seconds, and checks it took less than one. */
    private void assertAnswersWithinASecond(String query) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set statement_timeout = '5s'");
            long started = System.nanoTime();
            try (ResultSet rs = s.executeQuery(query)) {
                assertThat(rs.next()).isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(query).isLessThan(Duration.ofSeconds(1));
            s.execute("reset statement_timeout");
        }
    }
}
