package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.KlaremaalApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application with no database configured: it starts its own PostgreSQL on an empty folder, then again on what it left. */
class EmbeddedDatabaseStartupIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(KlaremaalApplication.class).run(
                "--spring.datasource.url=",
                "--klaremaal.data-dir=" + dataDir,
                "--server.port=0",
                "--klaremaal.demo.enabled=true",
                "--klaremaal.rate-limit.burst=1000000");
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
        for (Long id : jdbc.sql("select id from goal order by id").query(Long.class).list()) {
            try {
                var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/maal/" + id)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("Vurderingsskala").contains("results-table");
                var results = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/v1/goals/" + id + "/results")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(results.body()).as("goal " + id + " has an assessed period").containsPattern("\"status\":\"[a-z_]+\"");
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void startsOnAnEmptyFolderWithDemoDataAndAgainOnTheFolderItLeft() {
        long organisations;
        long events;
        try (ConfigurableApplicationContext first = start()) {
            organisations = count(first, "organisation");
            events = count(first, "case_event");
            assertThat(first.getBeanNamesForType(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)).hasSize(1);
            assertThat(organisations).isGreaterThanOrEqualTo(10);
            assertThat(count(first, "goal")).isGreaterThanOrEqualTo(8);
            assertThat(events).isGreaterThan(10_000);
            everySeedGoalHasAPageWithItsScaleAndAssessedResults(first);
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
        try (ConfigurableApplicationContext second = start()) {
            assertThat(count(second, "organisation")).as("demo data is loaded once").isEqualTo(organisations);
            assertThat(count(second, "case_event")).isEqualTo(events);
        }
    }
}
