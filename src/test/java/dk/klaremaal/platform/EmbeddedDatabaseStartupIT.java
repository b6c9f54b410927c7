package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.klaremaal.KlaremaalApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application on the embedded PostgreSQL: on an empty folder, again on what it left, after a crash, and on a folder of another major. */
class EmbeddedDatabaseStartupIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return start(0);
    }

    private ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(KlaremaalApplication.class).run(
                "--spring.datasource.url=",
                "--klaremaal.database=embedded",
                "--klaremaal.data-dir=" + dataDir,
                "--server.port=" + port,
                "--klaremaal.demo.enabled=true",
                "--klaremaal.rate-limit.burst=1000000");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The status of {@code /actuator/health/readiness}, or 0 while nothing answers on the port. */
    private static int readiness(HttpClient http, int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String show(ConfigurableApplicationContext app, String setting) {
        return app.getBean(JdbcClient.class).sql("show " + setting).query(String.class).single();
    }

    /** The major version of the PostgreSQL server the tests run on (as CI does), or of the installed client when none answers. */
    static int serverMajor() throws IOException, InterruptedException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("show server_version_num")) {
            rs.next();
            return rs.getInt(1) / 10_000;
        } catch (SQLException noServer) {
            Process psql;
            try {
                psql = new ProcessBuilder("psql", "--version").redirectErrorStream(true).start();
            } catch (IOException noClient) {
                Assumptions.abort("neither a PostgreSQL server on 127.0.0.1:5432 nor psql to compare the embedded major with");
                return 0;
            }
            String version = new String(psql.getInputStream().readAllBytes()).replaceAll("^\\D*(\\d+).*$", "$1").trim();
            psql.waitFor();
            return Integer.parseInt(version);
        }
    }

    private static long count(ConfigurableApplicationContext app, String table) {
        return app.getBean(JdbcClient.class).sql("select count(*) from " + table).query(Long.class).single();
    }

    /** S1–S24 and M1–M5 (M2 and M3 per category) are all there, each page shows the scale and at least one assessed period. */
    private static void everySeedGoalHasAPageWithItsScaleAndAssessedResults(ConfigurableApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        java.util.List<String> codes = jdbc.sql("select code from goal").query(String.class).list();
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            expected.add("S" + i);
        }
        expected.addAll(java.util.List.of("M1", "M2a", "M2b", "M2c", "M3a", "M3b", "M3c", "M4", "M5", "SM1", "A", "B", "C", "D", "E", "F"));
        assertThat(codes).containsAll(expected);
        String port = app.getEnvironment().getProperty("local.server.port");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.Map<Long, String> goals = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, code from goal order by id").query((rs, i) -> goals.put(rs.getLong(1), rs.getString(2))).list();
        for (Long id : goals.keySet()) {
            try {
                var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/maal/" + id)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("Vurderingsskala").contains("results-table");
                var results = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/v1/goals/" + id + "/results")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (goals.get(id).startsWith("SM-")) {
                    // The agreement's goals are assessed on a fewest number of cases; a municipality with fewer every year says so.
                    assertThat(results.body()).as("goal " + id + " is assessed or says why not")
                            .containsPattern("\"assessment\":\"(assessed|too_few)\"");
                } else {
                    assertThat(results.body()).as("goal " + id + " has an assessed period").containsPattern("\"status\":\"[a-z_]+\"");
                }
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void startsOnAnEmptyFolderWithDemoDataAndAgainOnTheFolderItLeft() throws Exception {
        long organisations;
        long events;
        int port = freePort();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() -> start(port));
        // While the demo data loads, the server answers but is not ready: no one is sent to an empty front page.
        List<Integer> whileStarting = new ArrayList<>();
        while (!starting.isDone()) {
            int status = readiness(http, port);
            if (status != 0) {
                whileStarting.add(status);
            }
            Thread.sleep(200);
        }
        try (ConfigurableApplicationContext first = starting.join()) {
            assertThat(whileStarting).as("readiness while starting").isNotEmpty().first().isEqualTo(503);
            assertThat(readiness(http, port)).isEqualTo(200);
            organisations = count(first, "organisation");
            events = count(first, "case_event");
            assertThat(first.getBeanNamesForType(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)).hasSize(1);
            assertThat(organisations).isGreaterThanOrEqualTo(10);
            assertThat(count(first, "goal")).isGreaterThanOrEqualTo(8);
            assertThat(events).isGreaterThan(10_000);
            // The data is kept, so PostgreSQL's durable defaults apply, not the settings for throw-away test databases.
            assertThat(show(first, "fsync")).isEqualTo("on");
            assertThat(show(first, "synchronous_commit")).isEqualTo("on");
            assertThat(show(first, "full_page_writes")).isEqualTo("on");
            // The same PostgreSQL major as the server the tests (and CI) run on.
            int embeddedMajor = Integer.parseInt(show(first, "server_version_num")) / 10_000;
            assertThat(embeddedMajor).isEqualTo(serverMajor());
            assertThat(EmbeddedDatabaseConfiguration.POSTGRES_MAJOR).as("the major the application expects").isEqualTo(embeddedMajor);
            everySeedGoalHasAPageWithItsScaleAndAssessedResults(first);
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
        try (ConfigurableApplicationContext second = start()) {
            assertThat(count(second, "organisation")).as("demo data is loaded once").isEqualTo(organisations);
            assertThat(count(second, "case_event")).isEqualTo(events);
        }
    }

    /**
     * An application killed with kill -9 leaves its PostgreSQL running, holding the data folder. The next start
     * stops that orphan cleanly and starts on the same data, with nothing lost.
     */
    @Test
    void theNextStartStopsAPostgresLeftRunningByAKilledApplicationAndKeepsItsData() throws Exception {
        Path log = dataDir.resolve("killed-application.log");
        Files.createDirectories(dataDir);
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), KlaremaalApplication.class.getName(),
                "--klaremaal.database=embedded", "--klaremaal.data-dir=" + dataDir, "--server.port=0", "--klaremaal.demo.enabled=false",
                "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long orphan;
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!Files.readString(log).contains("Started KlaremaalApplication")) {
                assertThat(killed.isAlive()).as("the first application runs: %s", Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("the first application started in time").isLessThan(deadline);
                Thread.sleep(500);
            }
            List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
            orphan = Long.parseLong(pid.get(0).trim());
            int orphanPort = Integer.parseInt(pid.get(3).trim());
            killed.destroyForcibly().waitFor();
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the killed application's PostgreSQL runs on").hasValue(true);
            // Data written (and committed) before the crash.
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + orphanPort + "/postgres", "postgres", "")) {
                c.createStatement().execute("create table before_the_crash (note text); insert into before_the_crash values ('kept')");
            }
        } finally {
            killed.destroyForcibly();
        }
        try (ConfigurableApplicationContext next = new SpringApplicationBuilder(KlaremaalApplication.class).run(
                "--spring.datasource.url=", "--klaremaal.database=embedded", "--klaremaal.data-dir=" + dataDir, "--server.port=0",
                "--klaremaal.demo.enabled=false", "--spring.main.banner-mode=off")) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).as("the orphan was stopped").isFalse();
            JdbcClient jdbc = next.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select note from before_the_crash").query(String.class).list()).containsExactly("kept");
            assertThat(count(next, "flyway_schema_history")).isPositive();
        }
    }

    /** A folder made by another PostgreSQL major is refused with what to do, before PostgreSQL is asked to open it. */
    @Test
    void aDataFolderOfAnotherMajorIsRefusedWithWhatToDo() throws Exception {
        Path pgData = Files.createDirectories(dataDir.resolve("postgres"));
        int major = EmbeddedDatabaseConfiguration.POSTGRES_MAJOR;
        Files.writeString(pgData.resolve("PG_VERSION"), (major - 1) + "\n");
        assertThatThrownBy(() -> new SpringApplicationBuilder(KlaremaalApplication.class).run(
                "--spring.datasource.url=", "--klaremaal.database=embedded", "--klaremaal.data-dir=" + dataDir, "--server.port=0",
                "--spring.main.banner-mode=off"))
                .rootCause().hasMessageContaining("made by PostgreSQL " + (major - 1))
                .hasMessageContaining("runs PostgreSQL " + major)
                .hasMessageContaining("move the folder aside")
                .hasMessageContaining("pg_dump");
        assertThat(Files.list(pgData).map(p -> p.getFileName().toString()).toList()).as("nothing was written into it").containsExactly("PG_VERSION");
    }
}
