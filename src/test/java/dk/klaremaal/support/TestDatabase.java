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
 * The database the tests run on: the PostgreSQL server on 127.0.0.1:5432 when one answers (database
 * klaremaal_test, created afresh for every test run), otherwise an embedded PostgreSQL started once per test run.
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

    private static String onServer() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            // A fresh database for every test run, so the schema is always the one the migrations build now.
            s.execute("drop database if exists klaremaal_test with (force)");
            s.execute("create database klaremaal_test");
            return "jdbc:postgresql://127.0.0.1:5432/klaremaal_test";
        } catch (SQLException e) {
            System.err.println("PostgreSQL on 127.0.0.1:5432 answers but cannot be used (" + e.getMessage() + "); using an embedded one");
            return embedded();
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
