package dk.klaremaal.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.demo.DemoSeed;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import dk.klaremaal.support.StaffSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Health is public and tells the status only; metrics (Prometheus) are for an admin token for all organisations or a
 * signed-in administrator of all organisations, and carry the pool, the uploads and the result computations.
 */
class ActuatorIT extends IntegrationTest {

    private static final String PASSWORD = "en-lang-nok-adgangskode";

    @Autowired
    CatalogueService catalogue;

    @Autowired
    AccountService accounts;

    @Autowired
    DemoSeed seed;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> getWith(String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of one sample line in the Prometheus text, 0 when absent. */
    private static double sample(String prometheus, String name, String... labels) {
        for (String line : prometheus.lines().toList()) {
            if (line.startsWith(name + "{") && Arrays.stream(labels).allMatch(line::contains)) {
                Matcher value = Pattern.compile("} (\\S+)$").matcher(line);
                if (value.find()) {
                    return Double.parseDouble(value.group(1));
                }
            }
        }
        return 0;
    }

    @Test
    void healthAndItsProbesArePublicWithTheStatusOnly() {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asString()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("components").doesNotContain("details").doesNotContain("postgres");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreRefusedToAnyoneButAnAdministratorOfAllOrganisations() {
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env").statusCode()).as("not exposed at all").isIn(401, 404);
        assertThat(getWith("/actuator/prometheus", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(getWith("/actuator/prometheus", INGEST_TOKEN).statusCode()).isEqualTo(403);
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        long organisation = jdbc.sql("select id from organisation where slug = 'testens-styrelse'").query(Long.class).single();
        tokens.register("local-admin", "test-local-admin-token", "admin", organisation);
        assertThat(getWith("/actuator/prometheus", "test-local-admin-token").statusCode()).as("an organisation's own admin token").isEqualTo(403);

        accounts.create("lokal.admin", "Lokal", PASSWORD, "administrator", "testens-styrelse");
        assertThat(StaffSession.signIn(base(), "lokal.admin", PASSWORD).get("/actuator/prometheus").statusCode()).isEqualTo(403);
        accounts.create("ida.admin", "Ida Admin", PASSWORD, "administrator", null);
        HttpResponse<String> signedIn = StaffSession.signIn(base(), "ida.admin", PASSWORD).get("/actuator/prometheus");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("hikaricp_connections");
    }

    @Test
    void prometheusServesPoolUploadAndComputationMetricsToAnAdminToken() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        String before = getWith("/actuator/prometheus", ADMIN_TOKEN).body();
        double acceptedBefore = sample(before, "klaremaal_ingest_rows_total", "dataset=\"case-events\"", "result=\"accepted\"");
        double uploadsBefore = sample(before, "klaremaal_ingest_seconds_count", "dataset=\"case-events\"", "outcome=\"stored\"");

        String csv = Fixtures.HEADER + Fixtures.caseRows("testens-styrelse", "tilladelse", "T-1", "2025-03-03T09:00:00+01:00",
                "2025-03-10T09:00:00+01:00") + Fixtures.caseRows("testens-styrelse", "tilladelse", "T-2", "2025-03-04T09:00:00+01:00", null);
        HttpResponse<String> upload = post("/api/v1/case-events", "text/csv", csv, INGEST_TOKEN);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        HttpResponse<String> refused = post("/api/v1/case-events", "text/csv", Fixtures.HEADER + "x,nowhere,none,c,received,never\n", INGEST_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(422);

        HttpResponse<String> metrics = getWith("/actuator/prometheus", ADMIN_TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String text = metrics.body();
        assertThat(text).contains("hikaricp_connections_active").contains("hikaricp_connections_max");
        assertThat(sample(text, "klaremaal_ingest_rows_total", "dataset=\"case-events\"", "result=\"accepted\"") - acceptedBefore).isEqualTo(3.0);
        assertThat(sample(text, "klaremaal_ingest_seconds_count", "dataset=\"case-events\"", "outcome=\"stored\"") - uploadsBefore).isEqualTo(1.0);
        assertThat(sample(text, "klaremaal_ingest_seconds_sum", "dataset=\"case-events\"", "outcome=\"stored\"")).isPositive();
        assertThat(sample(text, "klaremaal_ingest_seconds_count", "dataset=\"case-events\"", "outcome=\"refused\"")).isPositive();
        assertThat(sample(text, "klaremaal_ingest_rows_total", "dataset=\"case-events\"", "result=\"rejected\"")).isPositive();

        // A goal's results computed (not reused) are timed per indicator kind.
        seed.define();
        double computedBefore = sample(text, "klaremaal_results_computation_seconds_count", "kind=\"processing_time\"");
        long goal = jdbc.sql("select id from goal where code = 'S6'").query(Long.class).single();
        assertThat(get("/api/v1/goals/" + goal + "/results").statusCode()).isEqualTo(200);
        String after = getWith("/actuator/prometheus", ADMIN_TOKEN).body();
        assertThat(sample(after, "klaremaal_results_computation_seconds_count", "kind=\"processing_time\"")).isGreaterThan(computedBefore);
    }
}
