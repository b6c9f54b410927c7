package dk.klaremaal.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database the tests run on: the PostgreSQL server on 127.0.0.1:5432 when one answers (a database
 * klaremaal_test_PID of this test run's own, created afresh and dropped when the run ends, so that several runs
 * on one machine leave each other alone), otherwise an embedded PostgreSQL started once per test run.
 * KLAREMAAL_TEST_DB_URL overrides both.
 */
public final class TestDatabase {

    private static String url;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            url = System.getenv("KLAREMAAL_TEST_DB_URL");
        }
        if (url == null) {
            url = serverAnswers() ? onServer() : embedded();
        }
        return url;
    }

    public static String username() {
        return "postgres";
    }

    private static boolean serverAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static final String PREFIX = "klaremaal_test_";

    private static String onServer() {
        String name = PREFIX + ProcessHandle.current().pid();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            dropLeftovers(s);
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection end = admin(); Statement drop = end.createStatement()) {
                    drop.execute("drop database if exists " + name + " with (force)");
                } catch (SQLException ignored) {
                    // the next run removes it as a leftover
                }
            }));
            return "jdbc:postgresql://127.0.0.1:5432/" + name;
        } catch (SQLException e) {
            System.err.println("PostgreSQL on 127.0.0.1:5432 answers but cannot be used (" + e.getMessage() + "); using an embedded one");
            return embedded();
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
    }

    /** Databases of earlier runs on this machine whose process is gone (killed before it could drop its own). */
    private static void dropLeftovers(Statement s) throws SQLException {
        java.util.List<String> gone = new java.util.ArrayList<>();
        try (var rs = s.executeQuery("select datname from pg_database where datname like 'klaremaal\\_test\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String pid = name.substring(PREFIX.length());
                if (pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
                        && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    gone.add(name);
                }
            }
        }
        for (String name : gone) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static String embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("klaremaal-test-pg"))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties every table the tests write to. */
    public static void empty(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        jdbc.sql("""
                truncate case_days, case_span, case_record, case_event, goal_milestone, goal_target, goal_scale_level, goal, case_type,
                         service, contact, survey_response, survey_aggregate, survey_question, survey, downtime,
                         availability_probe, monitored_system, series_value, series, organisation, api_token, audit_log, account, spring_session, scheduled_run
                         restart identity cascade""").update();
    }
}
