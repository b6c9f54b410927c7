package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Public pages are served again from a node's memory only while nothing they show has changed. */
class PageCacheIT extends SeedGoalTest {

    private HttpResponse<String> page(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
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
}
