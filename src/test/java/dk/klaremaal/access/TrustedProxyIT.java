package dk.klaremaal.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a proxy the application is told to trust, X-Forwarded-* are believed: HSTS for TLS, and the
 * client's own address for rate limits and sign-in delays. Wrong passwords slow down the address they
 * come from at that account, and never lock its owner out from elsewhere.
 */
@TestPropertySource(properties = {
        "klaremaal.trusted-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1",
        "klaremaal.sign-in.free-attempts=2",
        "klaremaal.sign-in.first-delay-seconds=60",
})
class TrustedProxyIT extends IntegrationTest {

    static final String PASSWORD = "en-lang-nok-adgangskode";

    @Autowired
    AccountService accounts;

    private HttpResponse<String> from(String address, HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A password sign-in from the address, as a browser there would send it; the answer's Location. */
    private String signIn(String address, String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base() + "/log-ind")).header("X-Forwarded-For", address).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base() + "/log-ind"))
                .header("X-Forwarded-For", address).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void behindATrustedTlsProxyPagesCarryHsts() throws Exception {
        var proxied = from("198.51.100.7", HttpRequest.newBuilder(URI.create(base() + "/")).header("X-Forwarded-Proto", "https"));
        assertThat(proxied.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=");
    }

    @Test
    void wrongPasswordsDelayOnlyTheAddressTheyCameFrom() throws Exception {
        accounts.create("bo.berg", "Bo Berg", PASSWORD, "approver", null);
        String guesser = "203.0.113.9";
        assertThat(signIn(guesser, "bo.berg", "forkert-1")).endsWith("/log-ind?error");
        assertThat(signIn(guesser, "bo.berg", "forkert-2")).endsWith("/log-ind?error");
        String turnedAway = signIn(guesser, "bo.berg", PASSWORD);
        assertThat(turnedAway).as("the third attempt from that address must wait, right password or not").contains("/log-ind?vent=");
        long wait = Long.parseLong(turnedAway.replaceAll(".*vent=", ""));
        assertThat(wait).isBetween(50L, 60L);
        assertThat(signIn(guesser, "bo.berg", "forkert-3")).contains("/log-ind?vent=");
        assertThat(jdbc.sql("select failures from sign_in_failure where address = ? and username = 'bo.berg'").param(guesser)
                .query(Integer.class).single()).as("attempts turned away are not checked, so not counted").isEqualTo(2);

        assertThat(signIn("198.51.100.20", "bo.berg", PASSWORD)).as("the owner, from their own address").endsWith("/administration");
        assertThat(signIn(guesser, "bo.berg", PASSWORD)).contains("/log-ind?vent=");

        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + turnedAway.replaceAll(".*/log-ind", "/log-ind")))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Prøv igen om " + wait + " sekunder");
    }
}
