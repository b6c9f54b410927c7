package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.KlaremaalApplication;
import dk.klaremaal.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database goes away under a running node (its sessions are ended and no new ones let in): a public
 * answer kept from before is served again, marked stale; every other request is answered within a few
 * seconds with 503 and Retry-After, a page for a browser and a problem document for an API client,
 * instead of waiting 30 seconds for a 500.
 */
class DatabaseOutageIT {

    static final String DATABASE = "klaremaal_outage_" + ProcessHandle.current().pid();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aDatabaseThatGoesAwayGivesA503WithRetryAfterWithinSeconds() throws Exception {
        admin("drop database if exists " + DATABASE + " with (force)", "create database " + DATABASE);
        ConfigurableApplicationContext node = null;
        try {
            node = new SpringApplicationBuilder(KlaremaalApplication.class).run("--server.port=0", "--spring.datasource.url=" + url(),
                    "--spring.datasource.username=" + TestDatabase.username(), "--klaremaal.demo.enabled=false", "--spring.main.banner-mode=off");
            String base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
            assertThat(get(base + "/api/v1/organisations", "application/json").statusCode()).isEqualTo(200);

            admin("alter database " + DATABASE + " allow_connections false",
                    "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + DATABASE + "'");

            // What was answered before is answered again from memory, marked stale; what was not gets a 503.
            HttpResponse<String> kept = get(base + "/api/v1/organisations", "application/json");
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.headers().firstValue("X-Page-Cache")).contains("stale");
            assertThat(kept.body()).isEqualTo("[]");

            long started = System.nanoTime();
            HttpResponse<String> api = get(base + "/api/v1/goals/1/results", "application/json");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).contains(String.valueOf(Problems.RETRY_AFTER_SECONDS));
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = JsonMapper.builder().build().readTree(api.body());
            assertThat(problem.get("status").asInt()).isEqualTo(503);

            MessageSource messages = node.getBean(MessageSource.class);
            for (String page : new String[] {"/", "/organisationer/ingen", "/skaerm/ingen", "/data/organisationer.csv"}) {
                started = System.nanoTime();
                HttpResponse<String> answer = get(base + page, "text/html");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as(page).isLessThan(Duration.ofSeconds(10));
                assertThat(answer.statusCode()).as(page + ": " + answer.body()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).as(page).contains(String.valueOf(Problems.RETRY_AFTER_SECONDS));
                if (!page.startsWith("/data/")) {
                    assertThat(answer.body()).as(page).contains("<h1>" + messages.getMessage("error.unavailable.title", null, Locale.forLanguageTag("da")) + "</h1>");
                }
            }
            HttpResponse<String> english = get(base + "/organisationer/ingen?lang=en", "text/html");
            assertThat(english.statusCode()).isEqualTo(503);
            assertThat(english.body()).contains("<h1>" + messages.getMessage("error.unavailable.title", null, Locale.ENGLISH) + "</h1>");
        } finally {
            admin("alter database " + DATABASE + " allow_connections true");
            if (node != null) {
                node.close();
            }
            admin("drop database if exists " + DATABASE + " with (force)");
        }
    }

    /** The outage database on the test server (same address and settings, another database name). */
    private static String url() {
        String url = TestDatabase.url();
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + DATABASE + (query < 0 ? "" : url.substring(query));
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabase.url(), TestDatabase.username(), ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private HttpResponse<String> get(String url, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
