package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/**
 * A NUL or another C0 control character in a query parameter or form field is refused with 400
 * naming the parameter, before any controller (and so before the database) sees it.
 */
class ControlCharactersIT extends IntegrationTest {

    @Autowired
    MessageSource messages;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /sammenligning/servicemaal-byggesager-andel?gruppe=%00                 | gruppe
            /sammenligning/servicemaal-byggesager-andel?periode=2025&gruppe=a%00b  | gruppe
            /sammenligning/servicemaal-byggesager-andel?periode=%1F                | periode
            /data/sammenligning/servicemaal-byggesager-andel.csv?gruppe=%00        | gruppe
            /?q=%0A                                                                | q
            /rapporter/xyz/2025?side=1&x%00=1                                      | xU+0000
            /api/v1/goals?organisation=%00                                         | organisation
            /open311/v2/requests.json?jurisdiction_id=%09                          | jurisdiction_id
            """)
    void aControlCharacterInTheQueryIsA400NamingTheParameter(String address, String field) {
        HttpResponse<String> forClient = send(HttpRequest.newBuilder(URI.create(base() + address)).header("Accept", "application/json").GET().build());
        assertThat(forClient.statusCode()).as(forClient.body()).isEqualTo(400);
        assertThat(forClient.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(forClient);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("reason").asString()).isEqualTo("must not contain control characters such as NUL");

        HttpResponse<String> forBrowser = send(HttpRequest.newBuilder(URI.create(base() + address))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build());
        assertThat(forBrowser.statusCode()).isEqualTo(400);
        boolean api = address.startsWith("/api/") || address.startsWith("/data/") || address.startsWith("/open311/");
        if (!api) {
            assertThat(forBrowser.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(forBrowser.body())
                    .contains("<h1>" + messages.getMessage("error.badrequest.title", null, Locale.forLanguageTag("da")) + "</h1>")
                    .contains(messages.getMessage("rule.controlInParameter", null, Locale.forLanguageTag("da")));
        }
    }

    @Test
    void aControlCharacterInAFormFieldIsA400ButTabsAndLineBreaksAreText() {
        HttpResponse<String> nul = form("/log-ind", "username=a%00b&password=x");
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(json(nul).get("errors").get(0).get("field").asString()).isEqualTo("username");

        HttpResponse<String> bell = form("/log-ind", "username=ab&password=x%07");
        assertThat(bell.statusCode()).as(bell.body()).isEqualTo(400);
        assertThat(json(bell).get("errors").get(0).get("field").asString()).isEqualTo("password");

        HttpResponse<String> lines = form("/log-ind", "username=a%09b%0D%0Ac&password=x");
        assertThat(lines.statusCode()).as("tab and line breaks pass the filter: " + lines.body()).isNotEqualTo(400);
    }

    @Test
    void ordinaryParametersPass() {
        assertThat(get("/?q=a%20b+c").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> form(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
