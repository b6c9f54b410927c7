package dk.klaremaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.KlaremaalApplication;
import dk.klaremaal.platform.TimeConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The demo data is the same on every load on the same day: two loads, one in this JVM and one in another (a map's
 * order can change from one JVM to the next), into two fresh databases with the clock at the same instant, give the
 * same rows in every table, except the moments the rows were stored.
 */
class DemoDeterminismIT {

    /** Tables that record the application's own work, not the demo's data. */
    private static final Set<String> NOT_DATA = Set.of("flyway_schema_history", "spring_session", "spring_session_attributes",
            "scheduled_run", "result_snapshot", "data_version");

    /** Columns the application sets to the moment of the write (besides those whose default is now()). */
    private static final Set<String> MOMENTS_OF_LOADING = Set.of("goal_milestone.reported_at", "goal.state_changed_at", "goal.superseded_at",
            "derived_data_rules.rebuilt_at");

    @TempDir
    Path folder;

    /** Loads the demo into the database at {@code args[0]} with the clock at {@code args[1]}, then stops. */
    public static void main(String[] args) {
        load(args[0], Instant.parse(args[1]));
    }

    static void load(String url, Instant at) {
        Clock fixed = Clock.fixed(at, TimeConfiguration.ZONE);
        ApplicationContextInitializer<GenericApplicationContext> clock =
                context -> context.registerBean("fixedClock", Clock.class, () -> fixed, bean -> bean.setPrimary(true));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KlaremaalApplication.class).initializers(clock).run(
                "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--klaremaal.demo.enabled=true", "--klaremaal.demo.api-token=", "--spring.main.banner-mode=off")) {
            // Loaded at start-up; closing stops it.
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
    }

    private static String fresh(Statement s, String name) throws SQLException {
        s.execute("drop database if exists " + name + " with (force)");
        s.execute("create database " + name);
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    /** Per table: its row count and a digest of its rows in order, without the columns that hold when a row was stored. */
    private static Map<String, String> contents(String url) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            Map<String, List<String>> columns = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("""
                    select c.table_name, c.column_name from information_schema.columns c
                    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                      and coalesce(c.column_default, '') not ilike 'now()%' and coalesce(c.column_default, '') not ilike 'current_timestamp%'
                    order by c.table_name, c.ordinal_position""")) {
                while (rs.next()) {
                    if (!NOT_DATA.contains(rs.getString(1)) && !MOMENTS_OF_LOADING.contains(rs.getString(1) + "." + rs.getString(2))) {
                        columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add('"' + rs.getString(2) + '"');
                    }
                }
            }
            for (var table : columns.entrySet()) {
                try (ResultSet rs = s.executeQuery("select count(*), md5(coalesce(string_agg(r::text, E'\\n' order by r::text), '')) from (select "
                        + String.join(", ", table.getValue()) + " from " + table.getKey() + ") r")) {
                    rs.next();
                    tables.put(table.getKey(), rs.getLong(1) + " rows, " + rs.getString(2));
                }
            }
        }
        return tables;
    }

    private static List<String> rows(String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void twoLoadsOnTheSameDayInTwoJvmsStoreTheSameData() throws Exception {
        String a;
        String b;
        String suffix = "_" + ProcessHandle.current().pid();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            a = fresh(s, "klaremaal_demo_a" + suffix);
            b = fresh(s, "klaremaal_demo_b" + suffix);
        } catch (SQLException e) {
            Assumptions.abort("needs the PostgreSQL server on 127.0.0.1:5432 for two fresh databases: " + e.getMessage());
            return;
        }
        try {
            Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            load(a, at);
            Path log = folder.resolve("second-load.log");
            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-cp", System.getProperty("java.class.path"), DemoDeterminismIT.class.getName(), b, at.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = other.waitFor(10, TimeUnit.MINUTES);
            if (!ended) {
                other.destroyForcibly();
            }
            assertThat(ended && other.exitValue() == 0).as("the second load: %s", Files.readString(log)).isTrue();

            // The survey answers and downtime, byte for byte ...
            String answers = "select concat_ws(',', q.code, r.response_id, r.answered_on, r.score) from survey_response r "
                    + "join survey_question q on q.id = r.survey_question_id order by 1";
            String downtime = "select concat_ws(',', d.downtime_id, d.started_at, d.ended_at) from downtime d order by 1";
            assertThat(rows(b, answers)).isNotEmpty().isEqualTo(rows(a, answers));
            assertThat(rows(b, downtime)).isNotEmpty().isEqualTo(rows(a, downtime));
            // ... and every other table.
            Map<String, String> first = contents(a);
            assertThat(first).containsKeys("case_event", "contact", "survey_aggregate", "series_value", "goal");
            assertThat(contents(b)).isEqualTo(first);
        } finally {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("drop database if exists klaremaal_demo_a" + suffix + " with (force)");
                s.execute("drop database if exists klaremaal_demo_b" + suffix + " with (force)");
            }
        }
    }
}
