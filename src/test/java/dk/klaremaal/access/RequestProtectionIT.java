package dk.klaremaal.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Request protections: CSP, forwarded headers ignored from untrusted senders, upload size, and the rate limit. With a burst of 5 and a slow refill, the sixth quick API call from one address is refused with 429 and Retry-After; pages are not limited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RequestProtectionIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("klaremaal.rate-limit.burst", () -> "5");
        registry.add("klaremaal.rate-limit.per-minute", () -> "1");
        registry.add("klaremaal.upload.max-bytes", () -> "1000");
        registry.add("klaremaal.rate-limit.sign-in-burst", () -> "3");
        registry.add("klaremaal.rate-limit.sign-in-per-minute", () -> "1");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUploadOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/contacts"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("at most 1000 bytes");
    }

    @Test
    void pagesAlwaysCarryAStrictCspAndForwardedHeadersFromAnUntrustedSenderAreIgnored() throws Exception {
        var plain = get("/");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(plain.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        var claimed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(claimed.headers().firstValue("Strict-Transport-Security")).as("no proxy is trusted by default").isEmpty();
    }

    /** Runs last: it empties this address's bucket, as theSixthQuickCallIsRefused does. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aClientCannotChooseTheAddressItsRateLimitCountsAgainst() throws Exception {
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organisations"))
                    .header("X-Forwarded-For", "203.0.113." + i).build(), HttpResponse.BodyHandlers.ofString());
            refused += answer.statusCode() == 429 ? 1 : 0;
        }
        assertThat(refused).as("six calls from one address, each claiming another").isPositive();
    }

    @Test
    void theFourthQuickSignInAttemptIsRefusedBeforeItIsChecked() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        for (int i = 0; i < 4; i++) {
            String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/log-ind")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            var answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/log-ind"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=nobody&password=wrong-password&_csrf=" + csrf)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (i < 3) {
                assertThat(answer.statusCode()).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/log-ind?error");
            } else {
                assertThat(answer.statusCode()).isEqualTo(429);
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }
        }
    }

    @Test
    void theSixthQuickCallIsRefused() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/v1/organisations").statusCode()).isEqualTo(200);
        }
        var refused = get("/api/v1/organisations");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Too many requests");
        assertThat(get("/").statusCode()).isEqualTo(200);
    }
}
