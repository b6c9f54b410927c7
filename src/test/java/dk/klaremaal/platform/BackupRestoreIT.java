package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.KlaremaalApplication;
import dk.klaremaal.demo.CaseEventGenerator;
import dk.klaremaal.demo.DemoSeed;
import dk.klaremaal.support.IntegrationTest;
import dk.klaremaal.support.TestDatabase;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Backup and restore as the README describes them: {@code pg_dump -Fc} of a database the application has filled
 * through its API, {@code pg_restore} into a fresh database, and an application started on that one serves the same
 * results for every goal.
 */
class BackupRestoreIT extends IntegrationTest {

    @Autowired
    DemoSeed seed;

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();

    private static boolean installed(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(Path log, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), Files.readString(log)).isZero();
    }

    private String body(String base, String path) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every goal's results, by organisation and goal code, as the application at {@code base} serves them. */
    private Map<String, String> results(String base) {
        Map<String, String> all = new TreeMap<>();
        for (JsonNode organisation : JSON.readTree(body(base, "/api/v1/organisations"))) {
            String slug = organisation.get("slug").asString();
            for (JsonNode goal : JSON.readTree(body(base, "/api/v1/organisations/" + slug + "/goals"))) {
                // The results themselves: the answer's links name the server they came from.
                all.put(slug + "/" + goal.get("code").asString(),
                        JSON.readTree(body(base, "/api/v1/goals/" + goal.get("id").asLong() + "/results")).get("results").toString());
            }
        }
        return all;
    }

    @Test
    void aDumpRestoredIntoAFreshDatabaseServesIdenticalResults() throws Exception {
        Assumptions.assumeTrue(installed("pg_dump") && installed("pg_restore"),
                "pg_dump and pg_restore (PostgreSQL's client programs) are not installed, so backup and restore cannot be tried");
        // Data loaded through the API, and results computed from it.
        seed.define();
        StringWriter events = new StringWriter();
        CaseEventGenerator.forSeedCatalogue().write(events, 2_000, 28, 2023, LocalDate.now().minusDays(1));
        HttpResponse<String> upload = post("/api/v1/case-events", "text/csv", events.toString(), INGEST_TOKEN);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        Map<String, String> original = results(base());
        List<String> measured = new ArrayList<>();
        original.forEach((goal, results) -> {
            if (results.matches("(?s).*\"observations\":[1-9].*")) {
                measured.add(goal);
            }
        });
        assertThat(measured).as("goals with results resting on data").contains("statsamterne/S6", "erhvervs-og-selskabsstyrelsen/S1");

        URI database = URI.create(TestDatabase.url().substring("jdbc:".length()));
        String host = database.getHost();
        String port = String.valueOf(database.getPort());
        String name = database.getPath().substring(1);
        Path dump = folder.resolve("klaremaal.dump");
        run(folder.resolve("pg_dump.log"), "pg_dump", "-Fc", "-h", host, "-p", port, "-U", "postgres", "-f", dump.toString(), name);

        String restored = "klaremaal_restore_" + ProcessHandle.current().pid();
        String adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + restored + " with (force)");
            s.execute("create database " + restored);
        }
        try {
            run(folder.resolve("pg_restore.log"), "pg_restore", "--no-owner", "-h", host, "-p", port, "-U", "postgres", "-d", restored,
                    dump.toString());
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KlaremaalApplication.class).run("--server.port=0",
                    "--spring.datasource.url=jdbc:postgresql://" + host + ":" + port + "/" + restored, "--spring.datasource.username=postgres",
                    "--klaremaal.demo.enabled=false", "--klaremaal.rate-limit.burst=1000000", "--spring.main.banner-mode=off")) {
                String restoredBase = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
                assertThat(results(restoredBase)).isEqualTo(original);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(adminUrl, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + restored + " with (force)");
            } catch (SQLException ignored) {
                // a leftover of this name is dropped by the next run
            }
        }
    }
}
