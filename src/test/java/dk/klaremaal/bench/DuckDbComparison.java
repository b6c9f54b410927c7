package dk.klaremaal.bench;

import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import dk.klaremaal.support.HistogramRecount;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Part of the scale benchmark: Klaremål's yearly mean processing times and shares decided within a
 * limit (calendar days) of every processing-time goal against the same figures computed independently
 * by DuckDB from the stored events, and the time each takes (Klaremål's: recomputing every goal).
 * <p>
 * The events (all of them, the demo's and the generated) are exported from PostgreSQL as CSV; DuckDB
 * then replays the case clock in SQL: an interval opens at the clock's start (receipt, or the complete
 * application where the case type says so), at a resumption or a reopening, and closes at the next
 * pause or decision; a case's time is the sum of its intervals' calendar days, counted in the year of
 * its last decision; DuckDB counts the cases per number of days, and the mean and share are taken from
 * those counts. Every goal measured this way must agree exactly, or the run fails.
 *
 * <pre>java … dk.klaremaal.bench.DuckDbComparison jdbc:postgresql://… user base-url [admin-token]</pre>
 */
public final class DuckDbComparison {

    private static final String CLOCK = """
            with ordered as (
                select organisation, case_type, clock_start, case_id, event, cast(substr(local_time, 1, 10) as date) as day,
                       row_number() over (partition by organisation, case_type, case_id
                                          order by local_time, case event when 'received' then 0 when 'completed' then 1 when 'resumed' then 2
                                                   when 'paused' then 3 when 'decided' then 4 else 5 end, event_id) as n
                from events),
            marked as (
                select *, (event = 'received' and clock_start = 'received') or (event = 'completed' and clock_start = 'completed')
                          or event in ('resumed', 'reopened') as opens,
                       min(case when event in ('paused', 'decided') then day end)
                           over (partition by organisation, case_type, case_id order by n rows between 1 following and unbounded following) as closes_on,
                       last_value(event) over (partition by organisation, case_type, case_id order by n
                                               rows between unbounded preceding and unbounded following) as last_event,
                       max(case when event = 'decided' then day end) over (partition by organisation, case_type, case_id) as last_decided
                from ordered),
            cases as (
                select organisation, case_type, case_id, max(last_decided) as last_decided,
                       sum(case when opens then closes_on - day end) as days, bool_or(opens) as started
                from marked where last_event = 'decided'
                group by organisation, case_type, case_id)
            select organisation, case_type, year(last_decided) as year, days, count(*) as cases
            from cases where started group by all""";

    private DuckDbComparison() {
    }

    public static void main(String[] args) throws Exception {
        String postgres = args[0];
        String user = args[1];
        String base = args[2];
        String token = args.length > 3 ? args[3] : "demo-token-klaremaal";
        Path csv = Files.createTempFile("klaremaal-events", ".csv");
        try {
            Map<Long, String> caseTypeOfGoal = new HashMap<>();
            long exportStart = System.nanoTime();
            try (Connection pg = DriverManager.getConnection(postgres, user, ""); Writer out = Files.newBufferedWriter(csv)) {
                try (Statement st = pg.createStatement();
                     ResultSet rs = st.executeQuery("select g.id, t.code from goal g join case_type t on t.id = g.case_type_id")) {
                    while (rs.next()) {
                        caseTypeOfGoal.put(rs.getLong(1), rs.getString(2));
                    }
                }
                pg.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                        copy (select o.slug as organisation, t.code as case_type, t.clock_start, e.case_id, e.event, e.event_id,
                                     to_char(e.occurred_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD"T"HH24:MI:SS') as local_time
                              from case_event e join case_type t on t.id = e.case_type_id join organisation o on o.id = t.organisation_id)
                        to stdout (format csv, header)""", out);
            }
            double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
            long[] histograms = histogramsAgainstRecount(postgres, user);

            long duckStart = System.nanoTime();
            // Per organisation, case type and year: how many cases took each number of days.
            Map<String, java.util.TreeMap<Long, Long>> duck = new HashMap<>();
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duckdb.createStatement()) {
                st.execute("create table events as select * from read_csv('" + csv + "', header = true, all_varchar = true)");
                try (ResultSet rs = st.executeQuery(CLOCK)) {
                    while (rs.next()) {
                        duck.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3), k -> new java.util.TreeMap<>())
                                .put(rs.getLong(4), rs.getLong(5));
                    }
                }
            }
            double duckSeconds = (System.nanoTime() - duckStart) / 1e9;

            JsonMapper json = JsonMapper.builder().build();
            HttpClient http = HttpClient.newHttpClient();
            // Every goal's results recomputed from the data (as the nightly run does); then served from what it kept.
            HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/results/recomputations"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (run.statusCode() != 200) {
                throw new IllegalStateException("recomputation refused: " + run.statusCode() + " " + run.body());
            }
            JsonNode recomputed = json.readTree(run.body());
            double recomputeSeconds = recomputed.get("millis").asLong() / 1000.0;
            long klaremaalStart = System.nanoTime();
            int compared = 0;
            int wrong = 0;
            for (JsonNode organisation : get(http, json, base + "/api/v1/organisations")) {
                String slug = organisation.get("slug").asString();
                for (JsonNode goal : get(http, json, base + "/api/v1/organisations/" + slug + "/goals")) {
                    JsonNode indicator = goal.get("indicator");
                    String statistic = indicator.get("statistic").asString();
                    if (!"processing_time".equals(indicator.get("kind").asString()) || !("mean".equals(statistic) || "share_within".equals(statistic))
                            || !"calendar".equals(indicator.path("dayUnit").asString("calendar"))
                            || "mean".equals(statistic) && !"days".equals(indicator.path("unit").asString("days"))
                            || !"year".equals(goal.get("periodKind").asString())) {
                        continue;
                    }
                    long within = indicator.path("withinDays").asLong(0);
                    String caseType = caseTypeOfGoal.get(goal.get("id").asLong());
                    for (JsonNode r : get(http, json, base + "/api/v1/goals/" + goal.get("id").asLong() + "/results").get("results")) {
                        if (r.get("value").isNull()) {
                            continue;
                        }
                        compared++;
                        String key = slug + "/" + caseType + "/" + r.get("period").asString();
                        java.util.TreeMap<Long, Long> days = duck.get(key);
                        double value = r.get("value").asDouble();
                        long cases = days == null ? 0 : days.values().stream().mapToLong(Long::longValue).sum();
                        double expected = days == null ? Double.NaN : "mean".equals(statistic)
                                ? days.entrySet().stream().mapToDouble(e -> (double) e.getKey() * e.getValue()).sum() / cases
                                : 100.0 * days.headMap(within, true).values().stream().mapToLong(Long::longValue).sum() / cases;
                        if (days == null || cases != r.get("observations").asLong() || Math.abs(expected - value) > 1e-9 * Math.max(1, value)) {
                            wrong++;
                            if (wrong <= 10) {
                                System.out.printf("DIFFERENT %s (%s): Klaremål %s over %d cases, DuckDB %s%n", key, statistic, value,
                                        r.get("observations").asLong(), days == null ? "nothing" : expected + " over " + cases + " cases");
                            }
                        }
                    }
                }
            }
            double klaremaalSeconds = (System.nanoTime() - klaremaalStart) / 1e9;
            double settledSeconds = untilAutovacuumIsDone(postgres, user);
            System.out.printf("| events exported from PostgreSQL | %.1f s |%n", exportSeconds);
            System.out.printf("| DuckDB: read the CSV and compute every yearly mean and share within a limit | %.1f s |%n", duckSeconds);
            System.out.printf("| Klaremål: recompute all %d goals' results from the data | %.1f s (%.2f × DuckDB) |%n",
                    recomputed.get("goals").asLong(), recomputeSeconds, recomputeSeconds / duckSeconds);
            System.out.printf("| Klaremål: then every processing-time goal's results over the API | %.1f s |%n", klaremaalSeconds);
            System.out.printf("| yearly means and shares within a limit compared | %d, %d different |%n", compared, wrong);
            System.out.printf("| then waited for PostgreSQL's autovacuum to finish with the new rows, before the page load | %.1f s |%n",
                    settledSeconds);
            System.out.printf("| histogram rows kept on ingest against a recount of the case records | %d, %d different |%n",
                    histograms[0], histograms[1]);
            System.out.printf(java.util.Locale.ROOT, "SUMMARY duckdb_s=%.2f recompute_s=%.2f goals=%d compared=%d different=%d histogram_rows=%d%n",
                    duckSeconds, recomputeSeconds, recomputed.get("goals").asLong(), compared, wrong, histograms[0]);
            if (wrong > 0 || compared == 0 || histograms[1] > 0 || histograms[0] == 0) {
                System.exit(1);
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /**
     * Waits (up to ten minutes; not at all where autovacuum is switched off) while autovacuum workers vacuum and analyse the tables a large load has
     * filled, so that the page load that follows measures the application rather than that work; returns
     * the seconds waited.
     */
    private static double untilAutovacuumIsDone(String postgres, String user) throws Exception {
        long start = System.nanoTime();
        try (Connection pg = DriverManager.getConnection(postgres, user, ""); Statement st = pg.createStatement()) {
            while (System.nanoTime() - start < 600e9) {
                // Busy while a worker runs, or while a case table still holds many rows inserted since it was last vacuumed
                // (autovacuum starts on those within a minute).
                try (ResultSet rs = st.executeQuery("""
                        select case when current_setting('autovacuum') = 'on' then
                            (select count(*) from pg_stat_activity where backend_type = 'autovacuum worker')
                          + (select count(*) from pg_stat_user_tables
                             where relname in ('case_event', 'case_record', 'case_span', 'case_days') and n_ins_since_vacuum > 100000)
                          else 0 end""")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(1000);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The processing-time histograms, kept up to date on every ingest, against a count made from scratch over
     * the case records: how many rows they hold, and how many differ.
     */
    private static long[] histogramsAgainstRecount(String postgres, String user) throws Exception {
        try (Connection pg = DriverManager.getConnection(postgres, user, ""); Statement st = pg.createStatement();
             ResultSet rs = st.executeQuery(HistogramRecount.SQL)) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2)};
        }
    }

    private static JsonNode get(HttpClient http, JsonMapper json, String url) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
