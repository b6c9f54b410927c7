package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/**
 * Bad addresses and bad values get the 4xx they are due, never a 500: a page from the message bundles
 * for a browser (Danish, English with ?lang=en), an RFC 9457 problem document for API clients.
 */
class ErrorAnswersIT extends IntegrationTest {

    static final String ORG = "fejl-styrelse";
    static final String HOSTILE = "\"><script>alert(1)</script>";

    @Autowired
    CatalogueService catalogue;

    @Autowired
    MessageSource messages;

    @Autowired
    dk.klaremaal.access.AccountService accounts;

    private long published;
    private long draft;

    @BeforeEach
    void organisationWithAPublishedAndADraftGoal() {
        Fixtures.agencyWithCaseType(catalogue, ORG, "tilladelse");
        published = goal(ADMIN_TOKEN);
        tokens.register("fejl", "fejl-token", "admin", jdbc.sql("select id from organisation where slug = ?").param(ORG).query(Long.class).single());
        draft = goal("fejl-token");
    }

    private long goal(String token) {
        var created = post("/api/v1/goals", "application/json", """
                {"organisation": "%s", "code": "F1", "sentence": "Fejl Styrelse har et mål.", "dimension": "faglig_kvalitet",
                 "indicator": {"kind": "milestones"}, "periodKind": "year", "milestones": [{"title": "Første", "due": "2025-03-31"}],
                 "scale": {"kind": "binary", "comparator": ">=", "threshold": 100}}""".formatted(ORG), token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asLong();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /skaerm/xyz                                                   | 404
            /skaerm/fejl-styrelse?service=xyz                             | 404
            /skaerm/fejl-styrelse?interval=abc                            | 400
            /api/v1/organisations/xyz/screen                              | 404
            /api/v1/organisations/fejl-styrelse/screen?service=xyz        | 404
            /organisationer/xyz                                           | 404
            /maal/abc                                                     | 400
            /maal/999999                                                  | 404
            /maal/DRAFT                                                   | 404
            /sammenligning/xyz                                            | 404
            /sammenligning/xyz?periode=abc                                | 404
            /rapporter/xyz/2025                                           | 404
            /rapporter/fejl-styrelse/abc                                  | 404
            /rapporter/xyz/2025.pdf                                       | 404
            /planer/xyz/2019                                              | 404
            /planer/fejl-styrelse/2019/kvartal/9                          | 404
            /planer/fejl-styrelse/2019?version=abc                        | 400
            /indlejret/maal/abc                                           | 400
            /indlejret/maal/999999                                        | 404
            /indlejret/maal/DRAFT                                         | 404
            /oembed                                                       | 400
            /oembed?url=%3A%2F%2F%20bad                                   | 400
            /oembed?url=http%3A%2F%2Fx%2Fmaal%2F99999999999999999999999   | 404
            /oembed?url=http%3A%2F%2Fx%2Fmaal%2FDRAFT                     | 404
            /oembed?url=http%3A%2F%2Fx%2Fmaal%2FPUBLISHED&maxwidth=abc    | 400
            /oembed?url=http%3A%2F%2Fx%2Fmaal%2FPUBLISHED&maxwidth=-1     | 400
            /data/organisationer.xml                                      | 404
            /data/organisationer/xyz/maal.csv                             | 404
            /data/maal/abc/resultater.csv                                 | 400
            /data/maal/DRAFT/resultater.json                              | 404
            /data/rapporter/fejl-styrelse/abc.csv                         | 400
            /data/sammenligning/xyz.csv?periode=abc                       | 404
            /data/skema/xyz.json                                          | 404
            /api/v1/goals/abc                                             | 400
            /api/v1/goals/999999/results                                  | 404
            /api/v1/organisations/xyz/goals                               | 404
            /api/v1/organisations/fejl-styrelse/case-types/xyz/expected-time | 404
            /api/v1/plans/xyz/abc                                         | 400
            /nowhere                                                      | 404
            /api/v1/nowhere                                               | 404
            /rapporter/fejl-styrelse/2025-Q7                              | 404
            /rapporter/fejl-styrelse/2025-Q7.pdf                          | 404
            /skaerm/fejl-styrelse?interval=99999999999                    | 400
            /maal/99999999999999999999999                                 | 400
            /maal/PUBLISHED/nowhere                                       | 404
            /organisationer/fejl-styrelse/nowhere                         | 404
            /planer/xyz                                                   | 404
            /planer/fejl-styrelse/abc                                     | 404
            /data/maal/PUBLISHED/resultater.xml                           | 404
            /api/v1/goals/PUBLISHED/results?x=1                           | 200
            """)
    void aBadAddressOrValueIsA4xxForBrowsersAndApiClients(String address, int status) {
        String path = address.replace("DRAFT", String.valueOf(draft)).replace("PUBLISHED", String.valueOf(published));
        boolean api = List.of("/api/", "/data/", "/oembed").stream().anyMatch(path::startsWith);

        HttpResponse<String> forClient = get(path, "application/json");
        assertThat(forClient.statusCode()).as(forClient.body()).isEqualTo(status);
        if (status == 200) {
            return;
        }
        assertProblem(forClient, status);

        HttpResponse<String> forBrowser = get(path, "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(forBrowser.statusCode()).as(forBrowser.body()).isEqualTo(status);
        if (api) {
            assertProblem(forBrowser, status);
            return;
        }
        String key = status == 404 ? "notfound.title" : "error.badrequest.title";
        assertThat(forBrowser.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(forBrowser.body()).contains("lang=\"da\"").contains("<h1>" + messages.getMessage(key, null, Locale.forLanguageTag("da")) + "</h1>");
        HttpResponse<String> inEnglish = get(path + (path.contains("?") ? "&" : "?") + "lang=en", "text/html");
        assertThat(inEnglish.statusCode()).isEqualTo(status);
        assertThat(inEnglish.body()).contains("lang=\"en\"").contains("<h1>" + messages.getMessage(key, null, Locale.ENGLISH) + "</h1>");
        if (!path.contains("?")) {
            assertThat(inEnglish.body()).as("the language switch leads back to the address asked for").contains("href=\"" + path + "?lang=da\"");
        }
    }

    @Test
    void whatWasWrongWithAValueIsSaidInThePagesLanguage() {
        assertThat(get("/maal/abc", "text/html").body()).contains("»abc« er ikke et helt tal").doesNotContain("is not a");
        assertThat(get("/maal/abc?lang=en", "text/html").body()).contains("&quot;abc&quot; is not a whole number");
        assertThat(json(get("/api/v1/goals/abc", "application/json")).get("errors").get(0).get("reason").asString())
                .isEqualTo("'abc' is not a whole number");
    }

    @Test
    void theApiSaysWhatWasWrongInDanishWhenAcceptLanguageAsksForIt() {
        JsonNode danish = json(get("/api/v1/goals/abc", "application/json", "da-DK,da;q=0.9,en;q=0.5"));
        assertThat(danish.get("title").asString()).isEqualTo(messages.getMessage("problem.title.400", null, Locale.forLanguageTag("da")));
        assertThat(danish.get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(danish.get("errors").get(0).get("reason").asString()).isEqualTo("»abc« er ikke et helt tal");
        assertThat(danish.get("detail").asString()).isEqualTo("id: »abc« er ikke et helt tal");

        JsonNode english = json(get("/api/v1/goals/abc", "application/json", "en"));
        assertThat(english.get("errors").get(0).get("reason").asString()).isEqualTo("'abc' is not a whole number");

        JsonNode notFound = json(get("/api/v1/organisations/xyz/goals", "application/json", "da"));
        assertThat(notFound.get("title").asString()).isEqualTo("Ikke fundet");
        assertThat(notFound.get("detail").asString()).isEqualTo("Ingen organisation har det korte navn »xyz«");

        // An address no controller answers, said by the error page for API clients.
        JsonNode nowhere = json(get("/api/v1/nowhere", "application/json", "da"));
        assertThat(nowhere.get("title").asString()).isEqualTo("Ikke fundet");
        assertThat(nowhere.get("detail").asString()).doesNotContain("static resource")
                .isEqualTo(messages.getMessage("notfound.text", null, Locale.forLanguageTag("da")));
        assertThat(json(get("/api/v1/nowhere", "application/json")).get("detail").asString()).doesNotContain("static resource");

        // A bad period in a comparison, said on the Danish page and in a Danish problem document.
        String page = get("/sammenligning/xyz-noegle?periode=abc", "text/html").body();
        assertThat(page).doesNotContain("is not a period");
        JsonNode period = json(get("/data/sammenligning/xyz.csv?periode=abc", "application/json", "da"));
        assertThat(period.get("detail").asString()).doesNotContain("No goals share");
    }

    @Test
    void rowErrorsOfAnUploadAreSaidInTheLanguageAsked() {
        String csv = "event_id,organisation,case_type,case_id,event,occurred_at\n"
                + "e1,fejl-styrelse,tilladelse,c1,approved,2025-01-10T09:00\n"
                + "e2,fejl-styrelse,tilladelse,c2,received,2099-01-10T09:00\n";
        var english = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/case-events")).header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + INGEST_TOKEN).POST(HttpRequest.BodyPublishers.ofString(csv)).build());
        assertThat(english.statusCode()).as(english.body()).isEqualTo(422);
        assertThat(english.body()).contains("unknown event 'approved'").contains("lies in the future");
        var danish = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/case-events")).header("Content-Type", "text/csv")
                .header("Accept-Language", "da").header("Authorization", "Bearer " + INGEST_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
        assertThat(danish.statusCode()).isEqualTo(422);
        assertThat(danish.body()).contains("ukendt event »approved«").contains("ligger i fremtiden")
                .doesNotContain("unknown event").doesNotContain("lies in the future");
    }

    @Test
    void staffPagesAnswerBadAddressesWithTheStyledPage() {
        accounts.create("fejlfinder", "Fejl Finder", "en-lang-nok-adgangskode", "administrator", null);
        var staff = dk.klaremaal.support.StaffSession.signIn(base(), "fejlfinder", "en-lang-nok-adgangskode");
        for (String[] bad : new String[][]{{"/administration/maal/abc", "400"}, {"/administration/maal/999999", "404"},
                {"/administration/maal/abc/ret", "400"}, {"/administration/planer/xyz/2019", "404"},
                {"/administration/planer/ny?organisation=fejl-styrelse&year=abc", "400"}, {"/administration/planer/ny", "400"},
                {"/administration/nowhere", "404"}}) {
            var answer = staff.api("GET", bad[0], "", false, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            assertThat(answer.statusCode()).as(bad[0] + ": " + answer.body()).isEqualTo(Integer.parseInt(bad[1]));
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(bad[0]).startsWith("text/html");
            String key = bad[1].equals("404") ? "notfound.title" : "error.badrequest.title";
            assertThat(answer.body()).as(bad[0]).contains("<h1>" + messages.getMessage(key, null, Locale.forLanguageTag("da")) + "</h1>");
        }
    }

    private HttpResponse<String> get(String path, String accept, String language) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept).header("Accept-Language", language).GET().build());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        if (status == 400) {
            assertThat(problem.get("errors").get(0).get("field").asString()).isNotBlank();
        }
    }

    @Test
    void malformedJsonIsAProblemDocumentNamingWhereItWentWrong() {
        var broken = post("/api/v1/organisations", "application/json", "{\"kind\": \"agency\",\n \"slug\": \"x\", \"name\": ", ADMIN_TOKEN);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode error = json(broken).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("body");
        assertThat(error.get("reason").asString()).contains("not valid JSON").contains("line 2, column");

        var wrongType = post("/api/v1/goals", "application/json", """
                {"organisation": "%s", "sentence": "x", "dimension": "faglig_kvalitet", "indicator": {"kind": "milestones"},
                 "milestones": [{"title": "Første", "due": "2025-03-31"}],
                 "scale": {"kind": "binary", "comparator": ">=", "threshold": "hundrede"}}""".formatted(ORG), ADMIN_TOKEN);
        assertThat(wrongType.statusCode()).as(wrongType.body()).isEqualTo(400);
        JsonNode field = json(wrongType).get("errors").get(0);
        assertThat(field.get("field").asString()).isEqualTo("scale.threshold");
        assertThat(field.get("reason").asString()).contains("line 3, column");
    }

    /**
     * Forwarded headers are read only from the proxies the installation trusts; this checks that even a
     * trusted one cannot put markup into an address we write. (A malformed X-Forwarded-Prefix is refused
     * by the framework's own filter before any address is built.)
     */
    @Test
    void aHostileHostOrForwardedHeaderNeverReachesTheMarkup() throws IOException {
        String oembed = "/oembed?url=" + URLEncoder.encode(base() + "/maal/" + published, StandardCharsets.UTF_8);
        for (String path : List.of(oembed, "/maal/" + published, "/indlejret/maal/" + published, "/data/katalog.json")) {
            for (String header : List.of("X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix", "Forwarded")) {
                String value = header.equals("Forwarded") ? "host=\"" + HOSTILE.replace("\"", "\\\"") + "\"" : HOSTILE;
                HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base() + path)).header(header, value).GET().build());
                if (!header.equals("X-Forwarded-Prefix")) {
                    assertThat(answer.statusCode()).as(header + " on " + path).isIn(200, 400);
                }
                assertThat(answer.body()).as(header + " on " + path).doesNotContain("<script>").doesNotContain("alert(1)</");
                if (answer.statusCode() == 200 && path.equals(oembed)) {
                    assertThat(json(answer).get("html").asString()).startsWith("<iframe src=\"" + base() + "/indlejret/maal/" + published + "\"");
                }
            }
            String raw = rawGet(path, HOSTILE);
            assertThat(raw).as("Host on " + path).startsWith("HTTP/1.1 400").doesNotContain("<script>");
        }
        HttpResponse<String> scheme = send(HttpRequest.newBuilder(URI.create(base() + oembed)).header("X-Forwarded-Proto", "javascript:alert(1)//")
                .GET().build());
        assertThat(scheme.body()).doesNotContain("javascript:");
    }

    /** A request with a Host header of our choosing, which the HTTP client refuses to send. */
    private String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept).GET().build());
    }
}
