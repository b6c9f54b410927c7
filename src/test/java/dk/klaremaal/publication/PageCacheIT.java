package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import dk.klaremaal.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Public pages are served again from a node's memory only while nothing they show has changed. */
class PageCacheIT extends SeedGoalTest {

    @Autowired
    PageCacheFilter cache;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> page(String path, String cookie) throws Exception {
        // A request that waits on a lock would wait as long as the lock is held: the test gives up long before.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKeptPageIsServedUntilItsDataChangesAndNeverAcrossLanguages() throws Exception {
        long s6 = goalId("statsamterne", "S6");
        String path = "/maal/" + s6;
        HttpResponse<String> first = page(path, null);
        HttpResponse<String> again = page(path, null);
        assertThat(first.headers().firstValue("X-Page-Cache")).contains("miss");
        assertThat(again.headers().firstValue("X-Page-Cache")).contains("hit");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(first.body()).doesNotContain("5,0 uger");

        // New decisions for the goal's case type: the next request renders the page again, with them.
        cases("statsamterne", "separation-og-skilsmisse", "2025-03-03T09:00", "2025-04-07T09:00");
        HttpResponse<String> after = page(path, null);
        assertThat(after.headers().firstValue("X-Page-Cache")).contains("miss");
        assertThat(after.body()).isNotEqualTo(first.body()).contains("5,0 uger");

        HttpResponse<String> english = page(path, "klaremaal-sprog=en");
        assertThat(english.headers().firstValue("X-Page-Cache")).contains("miss");
        assertThat(english.body()).contains("lang=\"en\"").doesNotContain("Vurderingsskala");
        assertThat(page(path, "klaremaal-sprog=en").body()).isEqualTo(english.body());
        assertThat(page(path, null).body()).contains("Vurderingsskala");
    }

    @Test
    void publicApiReadsAndOpenDataAreKeptTooButNotTokenCalls() throws Exception {
        long s6 = goalId("statsamterne", "S6");
        String path = "/api/v1/goals/" + s6 + "/results";
        String before = page(path, null).body();
        assertThat(page(path, null).headers().firstValue("X-Page-Cache")).contains("hit");
        cases("statsamterne", "separation-og-skilsmisse", "2025-03-03T09:00", "2025-04-07T09:00");
        HttpResponse<String> after = page(path, null);
        assertThat(after.headers().firstValue("X-Page-Cache")).contains("miss");
        assertThat(after.body()).isNotEqualTo(before);
        HttpResponse<String> csv = page("/data/organisationer/statsamterne/maal.csv", null);
        HttpResponse<String> csvAgain = page("/data/organisationer/statsamterne/maal.csv", null);
        assertThat(csvAgain.headers().firstValue("X-Page-Cache")).contains("hit");
        assertThat(csvAgain.headers().firstValue("Content-Type")).isEqualTo(csv.headers().firstValue("Content-Type"));
        assertThat(csvAgain.headers().firstValue("Content-Disposition")).isEqualTo(csv.headers().firstValue("Content-Disposition"));
        assertThat(csvAgain.body()).isEqualTo(csv.body());
        var withToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.headers().firstValue("X-Page-Cache")).isEmpty();
    }

    @Test
    void signedInPeopleAndLanguageSwitchesAreAlwaysRendered() throws Exception {
        String path = "/organisationer/statsamterne";
        page(path, null);
        assertThat(page(path + "?lang=en", null).headers().firstValue("X-Page-Cache")).isEmpty();
        assertThat(page(path, "SESSION=abc").headers().firstValue("X-Page-Cache")).isEmpty();
    }

    @Test
    void parametersThePageDoesNotReadAreLeftOutOfTheKey() throws Exception {
        String path = "/organisationer/statsamterne";
        HttpResponse<String> plain = page(path, null);
        long before = cache.keptPages();
        for (int x = 1; x <= 5000; x++) {
            HttpResponse<String> answer = page(path + "?x=" + x, null);
            assertThat(answer.statusCode()).isEqualTo(200);
            if (x % 1000 == 0) {
                // The same page, kept once: the unread parameter does not even reach the page (its language switch link).
                assertThat(answer.body()).isEqualTo(plain.body()).doesNotContain("x=" + x);
            }
        }
        assertThat(cache.keptPages()).isLessThanOrEqualTo(before);
        // A parameter the page reads is part of the key: each value is a page of its own.
        var goal = post("/api/v1/goals", "application/json", """
                {"organisation":"statsamterne","caseType":"separation-og-skilsmisse","indicatorKey":"sagsbehandlingstid",
                 "sentence":"Hurtige afgørelser","dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"mean"},
                 "scale":{"kind":"binary","comparator":"<=","threshold":10}}""", ADMIN_TOKEN);
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
        HttpResponse<String> comparison = page("/sammenligning/sagsbehandlingstid?periode=2024&x=1", null);
        assertThat(comparison.statusCode()).as(comparison.body()).isEqualTo(200);
        assertThat(comparison.headers().firstValue("X-Page-Cache")).contains("miss");
        assertThat(page("/sammenligning/sagsbehandlingstid?x=2&periode=2024", null).headers().firstValue("X-Page-Cache")).contains("hit");
        assertThat(page("/sammenligning/sagsbehandlingstid?periode=2025", null).headers().firstValue("X-Page-Cache")).contains("miss");
    }

    @Test
    void aKeptPageIsAnsweredQuicklyWhileTheTablesItReadsAreLocked() throws Exception {
        long s6 = goalId("statsamterne", "S6");
        long s5 = goalId("statsamterne", "S5");
        String path = "/maal/" + s6;
        HttpResponse<String> kept = page(path, null);
        assertThat(page(path, null).headers().firstValue("X-Page-Cache")).contains("hit");
        // New data: the kept page is out of date and must be rendered again, but an ingest holds the case tables.
        cases("statsamterne", "separation-og-skilsmisse", "2025-03-03T09:00", "2025-04-07T09:00");
        try (Connection ingest = DriverManager.getConnection(TestDatabase.url(), TestDatabase.username(), "");
             Statement statement = ingest.createStatement()) {
            ingest.setAutoCommit(false);
            statement.execute("lock table case_record, case_span, case_days in access exclusive mode");
            long started = System.nanoTime();
            HttpResponse<String> stale = page(path, null);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(stale.statusCode()).isEqualTo(200);
            assertThat(stale.headers().firstValue("X-Page-Cache")).contains("stale");
            assertThat(stale.body()).isEqualTo(kept.body());
            // A page never kept is not waited for either: it fails at once.
            started = System.nanoTime();
            HttpResponse<String> never = page("/maal/" + s5, null);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(never.statusCode()).isGreaterThanOrEqualTo(500);
            ingest.rollback();

            // The goal itself locked: even the version of what the page reads cannot be read, and the kept page is answered.
            statement.execute("lock table goal in access exclusive mode");
            started = System.nanoTime();
            stale = page(path, null);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(stale.headers().firstValue("X-Page-Cache")).contains("stale");
            ingest.rollback();
        }
        HttpResponse<String> fresh = page(path, null);
        assertThat(fresh.headers().firstValue("X-Page-Cache")).contains("miss");
        assertThat(fresh.body()).isNotEqualTo(kept.body()).contains("5,0 uger");
    }
}
