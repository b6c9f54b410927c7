package dk.klaremaal.communication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A service-goal goal names a service, not a case type: a letter and the screen show it for each of the
 * service's case types that has a service goal, and for no other. Hand-worked fixture: in the service
 * "tilladelser", "anmeldelse" has a service goal of 45 calendar days, "tilladelse" none. Anmeldelse's cases
 * N1 (2025-02-03 → 2025-02-13, 10 days, within) and N2 (2025-03-03 → 2025-04-22, 50 days, not within):
 * 1 of 2 within, 50 % in 2025, against a goal of at least 90 %: not met.
 */
class ServiceGoalLetterScreenIT extends IntegrationTest {

    private static final String ORG = "/api/v1/organisations/testens-styrelse";
    private static final String SENTENCE = "Tilladelser afgøres inden for deres servicemål.";

    @Autowired
    CatalogueService catalogue;

    private long goal;

    @BeforeEach
    void fixture() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        catalogue.createCaseType("testens-styrelse", new CatalogueService.NewCaseType("tilladelser", "Tilladelser", "anmeldelse",
                "Anmeldelse", "received", true));
        ok(put(ORG + "/case-types/anmeldelse/service-goal", "application/json", "{\"days\":45}", ADMIN_TOKEN));
        ok(post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "anmeldelse", "N1", "2025-02-03T09:00", "2025-02-13T09:00")
                + Fixtures.caseRows("testens-styrelse", "anmeldelse", "N2", "2025-03-03T09:00", "2025-04-22T09:00"), INGEST_TOKEN));
        var created = post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","sentence":"%s","dimension":"faglig_kvalitet","periodKind":"year",
                 "indicator":{"kind":"service_goal","statistic":"share_within","valueUnit":"percent","dayUnit":"calendar","service":"tilladelser"},
                 "scale":{"kind":"binary","comparator":">=","threshold":90}}""".formatted(SENTENCE), ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        goal = json(created).get("id").asLong();
        for (String type : new String[]{"anmeldelse", "tilladelse"}) {
            ok(put(ORG + "/case-types/" + type + "/letter-templates/da", "application/json",
                    "{\"subject\":\"Kvittering {{case_number}}\",\"body\":\"Vores mål: {{goal_sentence}} Se, om vi holder det: {{goal_url}}\",\"updatedBy\":\"Test\"}",
                    ADMIN_TOKEN));
        }
        ok(put(ORG + "/case-types/tilladelse/stated-time", "application/json", "{\"days\":30,\"dayUnit\":\"calendar\",\"statedBy\":\"Anne\"}",
                ADMIN_TOKEN));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }

    private HttpResponse<String> letter(String caseType, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/letters")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + INGEST_TOKEN).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"organisation\":\"testens-styrelse\",\"caseType\":\"" + caseType
                                + "\",\"caseNumber\":\"X-1\",\"receivedDate\":\"2025-06-02\",\"language\":\"da\"}"));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return send(request.build());
    }

    @Test
    void aLetterForACaseTypeWithAServiceGoalNamesTheServiceGoalGoal() {
        var made = letter("anmeldelse", null);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(made.body()).contains("Vores mål: " + SENTENCE).contains("/maal/" + goal);
        // A case type of the same service without a service goal is not measured by that goal.
        var other = letter("tilladelse", null);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(other.body()).doesNotContain(SENTENCE).doesNotContain("/maal/" + goal);
    }

    @Test
    void theScreenShowsTheServiceGoalGoalsStatusAndResult() {
        JsonNode results = json(ok(get("/api/v1/goals/" + goal + "/results"))).get("results");
        JsonNode year = StreamSupport.stream(results.spliterator(), false).filter(r -> r.get("period").asString().equals("2025"))
                .findFirst().orElseThrow();
        assertThat(year.get("value").decimalValue()).isEqualByComparingTo("50");
        assertThat(year.get("status").asString()).isEqualTo("not_met");

        JsonNode rows = json(ok(get(ORG + "/screen"))).get("rows");
        JsonNode anmeldelse = StreamSupport.stream(rows.spliterator(), false).filter(n -> n.get("caseType").asString().equals("anmeldelse"))
                .findFirst().orElseThrow();
        assertThat(anmeldelse.get("goal").asString()).isEqualTo(SENTENCE);
        assertThat(anmeldelse.get("statusText").asString()).isEqualTo("Ikke opfyldt");
        assertThat(anmeldelse.get("statusSymbol").asString()).isNotEqualTo("○");
        assertThat(anmeldelse.get("latest").asString()).contains("50");
        JsonNode tilladelse = StreamSupport.stream(rows.spliterator(), false).filter(n -> n.get("caseType").asString().equals("tilladelse"))
                .findFirst().orElseThrow();
        assertThat(tilladelse.get("goal").isNull()).isTrue();
        assertThat(tilladelse.get("statusText").asString()).isEqualTo("Ikke målt");
        String page = get("/skaerm/testens-styrelse").body();
        String row = page.substring(page.indexOf("data-case-type=\"anmeldelse\""), page.indexOf("data-case-type=\"tilladelse\""));
        assertThat(row).contains("Ikke opfyldt").contains("2025: 50,0 pct.").doesNotContain("Ikke målt");
    }

    @Test
    void theRefusedLetterIsWhollyInTheApisLanguageWithDatesWrittenOut() {
        ok(put(ORG + "/case-types/tilladelse/stated-time", "application/json", "{\"days\":null}", ADMIN_TOKEN));

        var danish = letter("tilladelse", "da");
        assertThat(danish.statusCode()).isEqualTo(422);
        assertThat(danish.headers().firstValue("Content-Language")).hasValue("da");
        JsonNode da = json(danish);
        assertThat(da.get("title").asString()).isEqualTo("Den forventede sagsbehandlingstid er ukendt");
        assertThat(da.get("detail").asString()).startsWith("Der kan ikke laves et kvitteringsbrev for Tilladelse")
                .contains("intet servicemål").contains("Giv sagstypen et servicemål").doesNotContain("unknown").doesNotContain("2025-06-02");
        assertThat(da.get("errors").get(0).get("field").asString()).isEqualTo("caseType");
        assertThat(da.get("errors").get(0).get("reason").asString())
                .isEqualTo("den forventede sagsbehandlingstid for tilladelse er ukendt pr. 2. juni 2025");
        assertThat(da.get("basis").asString()).isEqualTo("none");

        for (String english : new String[]{"en", null, "de, en;q=0.5"}) {
            var refused = letter("tilladelse", english);
            assertThat(refused.statusCode()).isEqualTo(422);
            JsonNode en = json(refused);
            assertThat(en.get("title").asString()).isEqualTo("The expected processing time is unknown");
            assertThat(en.get("detail").asString()).startsWith("No receipt letter can be made for Tilladelse")
                    .contains("no service goal").contains("Give the case type a service goal").doesNotContain("ukendt").doesNotContain("målsætning");
            assertThat(en.get("errors").get(0).get("reason").asString())
                    .isEqualTo("the expected processing time of tilladelse is unknown on 2 June 2025");
        }
    }

    @Test
    void theScreenRefusesAnIntervalOutsideTenSecondsToAnHour() {
        for (String interval : new String[]{"-5", "0", "1", "9", "3601"}) {
            var refused = send(HttpRequest.newBuilder(URI.create(base() + "/skaerm/testens-styrelse?interval=" + interval))
                    .header("Accept", "text/html").GET().build());
            assertThat(refused.statusCode()).as(interval).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(refused.body()).contains("interval").contains("10").contains("3600");
            // A client asking for no page gets the same refusal as a problem document.
            var problem = get("/skaerm/testens-styrelse?interval=" + interval);
            assertThat(problem.statusCode()).isEqualTo(400);
            assertThat(json(problem).get("errors").get(0).get("field").asString()).isEqualTo("interval");
        }
        for (String interval : new String[]{"10", "3600"}) {
            var shown = get("/skaerm/testens-styrelse?interval=" + interval);
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body()).contains("data-interval=\"" + interval + "\"");
        }
        assertThat(get("/skaerm/testens-styrelse").body()).contains("data-interval=\"60\"");
    }
}
