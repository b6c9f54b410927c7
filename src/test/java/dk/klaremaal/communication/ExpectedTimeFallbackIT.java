package dk.klaremaal.communication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Each step of the expected time's fallback, hand-worked. Settings: 80 %, calendar days, a recent window
 * of 90 days needing 3 cases, a longer window of 365 days needing 3 cases.
 *
 * <pre>
 * case  received     decided      calendar days
 * A     2024-09-02   2024-09-12   10
 * B     2024-10-01   2024-10-21   20
 * C     2024-11-04   2024-12-04   30
 * D     2025-05-01   2025-05-05    4
 * E     2025-05-10   2025-05-18    8
 * F     2025-06-01   2025-06-13   12
 * </pre>
 * <ul>
 *   <li>On 2025-06-30 the recent window runs from 2025-04-02: D, E, F, sorted {4, 8, 12}; the 80 % nearest
 *       rank is the ⌈0.8 × 3⌉ = 3rd value, 12 days (measured).</li>
 *   <li>On 2025-05-31 the recent window (from 2025-03-03) holds D and E only, 2 &lt; 3; the longer window
 *       (from 2024-06-01) holds A–E, sorted {4, 8, 10, 20, 30}: the ⌈0.8 × 5⌉ = 4th value, 20 days (earlier).</li>
 *   <li>On 2026-12-31 both windows are empty (the longer one starts 2026-01-01). The mean goal "one third
 *       below 2024" has the target 2/3 × the 2024 mean (10 + 20 + 30) / 3 = 20, i.e. 13⅓ days, promised as
 *       14 whole days (goal).</li>
 *   <li>A second case type without cases or goal: unknown (none) until the organisation states 21 calendar
 *       days (stated); a case received Monday 2025-06-02 may then expect its decision on 2025-06-23.</li>
 *   <li>Given a service goal of 45 calendar days, that case type's expected time is the service goal (it comes
 *       before the stated time, after a goal on the case type): received 2025-06-02, decided by 2025-06-02 + 45
 *       = 2025-07-17 (28 days to 30 June, 17 into July). On 2025-05-31 the first case type, also given a
 *       service goal, is still measured on the longer window (20 days); on 2026-12-31 it is its service goal.</li>
 * </ul>
 */
class ExpectedTimeFallbackIT extends IntegrationTest {

    private static final String TYPE = "/api/v1/organisations/testens-styrelse/case-types/tilladelse";
    private static final String OTHER = "/api/v1/organisations/testens-styrelse/case-types/anmeldelse";

    @Autowired
    CatalogueService catalogue;

    @BeforeEach
    void cases() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        catalogue.createCaseType("testens-styrelse", new CatalogueService.NewCaseType("tilladelser", "Tilladelser", "anmeldelse",
                "Anmeldelse", "received", true));
        ok(post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "A", "2024-09-02T09:00", "2024-09-12T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "B", "2024-10-01T09:00", "2024-10-21T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "C", "2024-11-04T09:00", "2024-12-04T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "D", "2025-05-01T09:00", "2025-05-05T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "E", "2025-05-10T09:00", "2025-05-18T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "F", "2025-06-01T09:00", "2025-06-13T09:00"), INGEST_TOKEN));
        ok(put(TYPE + "/expected-time-settings", "application/json",
                "{\"share\":80,\"dayUnit\":\"calendar\",\"windowDays\":90,\"minCases\":3,\"longWindowDays\":365,\"longMinCases\":3}", ADMIN_TOKEN));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }

    private JsonNode expected(String type, String on, String lang) {
        return json(ok(get(type + "/expected-time?on=" + on + (lang == null ? "" : "&lang=" + lang))));
    }

    private void baselineGoal() {
        ok(post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","caseType":"tilladelse","sentence":"Sagsbehandlingstiden nedbringes med en tredjedel",
                 "dimension":"faglig_kvalitet","periodKind":"year",
                 "indicator":{"kind":"processing_time","statistic":"mean"},
                 "baseline":{"period":"2024","change":"-1/3"},
                 "scale":{"kind":"binary","basis":"percent_of_target","comparator":"<=","threshold":100}}""", ADMIN_TOKEN));
    }

    @Test
    void enoughRecentCasesAreMeasured() {
        JsonNode e = expected(TYPE, "2025-06-30", null);
        assertThat(e.get("basis").asString()).isEqualTo("measured");
        assertThat(e.get("cases").asInt()).isEqualTo(3);
        assertThat(e.get("days").asInt()).isEqualTo(12);
        assertThat(e.get("windowFrom").asString()).isEqualTo("2025-04-02");
        assertThat(e.get("explanation").asString())
                .isEqualTo("80 pct. af de 3 sager, der blev afgjort fra 2. april 2025 til 30. juni 2025, blev afgjort inden for 12 dage.");
        assertThat(expected(TYPE, "2025-06-30", "en").get("explanation").asString())
                .isEqualTo("80 % of the 3 cases decided from 2 April 2025 to 30 June 2025 were decided within 12 days.");
    }

    @Test
    void tooFewRecentCasesFallBackToTheLongerWindow() {
        baselineGoal(); // a goal does not come before earlier decided cases
        JsonNode e = expected(TYPE, "2025-05-31", null);
        assertThat(e.get("basis").asString()).isEqualTo("earlier");
        assertThat(e.get("cases").asInt()).isEqualTo(2);
        assertThat(e.get("earlierCases").asInt()).isEqualTo(5);
        assertThat(e.get("earlierFrom").asString()).isEqualTo("2024-06-01");
        assertThat(e.get("days").asInt()).isEqualTo(20);
        assertThat(e.get("explanation").asString()).contains("kun afgjort 2 sager").contains("de 5 sager")
                .contains("fra 1. juni 2024 til 31. maj 2025").contains("inden for 20 dage");
        assertThat(e.get("source").asString()).isEqualTo("80 pct. af sagerne de seneste 365 dage (for få nye sager)");
    }

    @Test
    void theLongerWindowNeedsItsOwnMinimum() {
        ok(put(TYPE + "/expected-time-settings", "application/json", "{\"longMinCases\":6}", ADMIN_TOKEN));
        assertThat(expected(TYPE, "2025-05-31", null).get("basis").asString()).isEqualTo("none");
    }

    @Test
    void withoutDecidedCasesTheTargetDerivedFromTheBaselineIsPromised() {
        baselineGoal();
        JsonNode e = expected(TYPE, "2026-12-31", null);
        assertThat(e.get("basis").asString()).isEqualTo("goal");
        assertThat(e.get("cases").asInt()).isZero();
        assertThat(e.get("earlierCases").asInt()).isZero();
        assertThat(e.get("goalTarget").decimalValue()).isBetween(new java.math.BigDecimal("13.3333"), new java.math.BigDecimal("13.3334"));
        assertThat(e.get("days").asInt()).isEqualTo(14);
        assertThat(e.get("goal").isNull()).isFalse();
        assertThat(e.get("explanation").asString()).contains("målsætningen i målet for sagstypen, 13,3 dage, rundet op til 14 dage");
        assertThat(expected(TYPE, "2026-12-31", "en").get("explanation").asString())
                .contains("the target of the goal for this case type, 13.3 days, rounded up to 14 days");
        // The goal's own page says the same, in the page's language.
        long goal = e.get("goal").asLong();
        assertThat(get("/maal/" + goal).body()).contains("14 dage").contains("rundet op til 14 dage");
        String english = get("/maal/" + goal + "?lang=en").body();
        assertThat(english).contains("14 days").contains("rounded up to 14 days").doesNotContain("rundet op");
    }

    @Test
    void aGoalOnlyBoundByItsScaleIsPromisedByItsBound() {
        ok(post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","caseType":"tilladelse","sentence":"Sagerne behandles på 15 dage i gennemsnit",
                 "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"mean"},
                 "scale":{"kind":"binary","comparator":"<=","threshold":15}}""", ADMIN_TOKEN));
        JsonNode e = expected(TYPE, "2026-12-31", null);
        assertThat(e.get("basis").asString()).isEqualTo("goal");
        assertThat(e.get("days").asInt()).isEqualTo(15);
        assertThat(e.get("explanation").asString()).endsWith("Tallet er målsætningen i målet for sagstypen: 15 dage.");
    }

    @Test
    void withNothingElseTheStatedTimeIsUsedAndALetterCanPromiseADate() {
        ok(put(OTHER + "/letter-templates/da", "application/json",
                "{\"subject\":\"Kvittering {{case_number}}\",\"body\":\"Du kan forvente en afgørelse senest {{expected_date}}.\",\"updatedBy\":\"Test\"}",
                ADMIN_TOKEN));
        String letter = "{\"organisation\":\"testens-styrelse\",\"caseType\":\"anmeldelse\",\"caseNumber\":\"X-1\",\"receivedDate\":\"2025-06-02\",\"language\":\"da\"}";

        JsonNode none = expected(OTHER, "2025-06-02", null);
        assertThat(none.get("basis").asString()).isEqualTo("none");
        assertThat(none.get("days").isNull()).isTrue();
        var refused = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/letters")).header("Content-Type", "application/json")
                .header("Accept-Language", "da").header("Authorization", "Bearer " + INGEST_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(letter)).build());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(refused);
        assertThat(problem.get("type").asString()).isEqualTo("urn:klaremaal:problem:expected-time-unknown");
        assertThat(problem.get("caseType").asString()).isEqualTo("anmeldelse");
        assertThat(problem.get("detail").asString()).contains("Anmeldelse").contains("ukendt")
                .contains("myndigheden har ikke oplyst et skøn");
        // Asked for a PDF, the answer is the same problem, not a letter without a date.
        var pdf = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/letters")).header("Content-Type", "application/json")
                .header("Accept", "application/pdf").header("Authorization", "Bearer " + INGEST_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(letter)).build());
        assertThat(pdf.statusCode()).isEqualTo(422);
        assertThat(pdf.body()).contains("expected-time-unknown");

        ok(put(OTHER + "/stated-time", "application/json", "{\"days\":21,\"dayUnit\":\"calendar\",\"statedBy\":\"Anne Andersen\"}", ADMIN_TOKEN));
        JsonNode stated = expected(OTHER, "2025-06-02", null);
        assertThat(stated.get("basis").asString()).isEqualTo("stated");
        assertThat(stated.get("days").asInt()).isEqualTo(21);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        assertThat(stated.get("statedOn").asString()).isEqualTo(today.toString());
        assertThat(stated.get("explanation").asString()).contains("myndighedens eget skøn").contains("21 dage")
                .doesNotContain(today.toString());
        var made = post("/api/v1/letters", "application/json", letter, INGEST_TOKEN);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(made.body()).contains("senest 23. juni 2025").doesNotContain("ukendt");
        // Open311 lists the case type with the time and its source.
        JsonNode services = json(ok(get("/open311/v2/services.json?jurisdiction_id=testens-styrelse")));
        JsonNode service = java.util.stream.StreamSupport.stream(services.spliterator(), false)
                .filter(n -> n.get("service_code").asString().equals("anmeldelse")).findFirst().orElseThrow();
        assertThat(service.get("description").asString())
                .isEqualTo("Anmeldelse. Forventet sagsbehandlingstid: 21 dage; myndighedens skøn, oplyst "
                        + ExpectedTimeText.date(today, java.util.Locale.forLanguageTag("da")) + " (for få sager til en beregning).");

        // A goal comes before the stated time.
        ok(post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","caseType":"anmeldelse","sentence":"Svar inden for 10 dage","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"processing_time","statistic":"share_within","withinDays":10,"dayUnit":"calendar"},
                 "scale":{"kind":"binary","comparator":">=","threshold":90}}""", ADMIN_TOKEN));
        assertThat(expected(OTHER, "2025-06-02", null).get("basis").asString()).isEqualTo("goal");
        assertThat(expected(OTHER, "2025-06-02", null).get("days").asInt()).isEqualTo(10);
    }

    @Test
    void theStatedTimeIsCheckedAuditedAndRemovable() {
        var refused = put(OTHER + "/stated-time", "application/json", "{\"days\":0,\"dayUnit\":\"weeks\",\"statedBy\":\" \"}", ADMIN_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"days\"").contains("\"dayUnit\"").contains("\"statedBy\"");
        assertThat(get(OTHER + "/stated-time").statusCode()).isEqualTo(204);
        assertThat(put(OTHER + "/stated-time", "application/json", "{\"days\":5,\"statedBy\":\"Anne\"}", null).statusCode())
                .isIn(401, 403);

        ok(put(OTHER + "/stated-time", "application/json", "{\"days\":5,\"dayUnit\":\"working\",\"statedBy\":\"Anne\"}", ADMIN_TOKEN));
        JsonNode stated = json(ok(get(OTHER + "/stated-time")));
        assertThat(stated.get("days").asInt()).isEqualTo(5);
        assertThat(stated.get("dayUnit").asString()).isEqualTo("working");
        assertThat(stated.get("statedBy").asString()).startsWith("Anne");
        assertThat(jdbc.sql("select count(*) from audit_log where path like '%/stated-time' and changes::text like '%case_type_stated_time%'")
                .query(Long.class).single()).isEqualTo(1);

        assertThat(put(OTHER + "/stated-time", "application/json", "{\"days\":null}", ADMIN_TOKEN).statusCode()).isEqualTo(204);
        assertThat(get(OTHER + "/stated-time").statusCode()).isEqualTo(204);
        assertThat(expected(OTHER, "2025-06-02", null).get("basis").asString()).isEqualTo("none");
    }

    @Test
    void theLongerWindowIsNoShorterThanTheRecentOne() {
        var refused = put(TYPE + "/expected-time-settings", "application/json", "{\"windowDays\":400,\"longWindowDays\":365}", ADMIN_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("longWindowDays");
    }

    @Test
    void theServiceGoalComesAfterTheLongerWindowAndTheCaseTypesGoalAndBeforeTheStatedTime() {
        ok(put(OTHER + "/stated-time", "application/json", "{\"days\":21,\"dayUnit\":\"calendar\",\"statedBy\":\"Anne Andersen\"}", ADMIN_TOKEN));
        ok(put(OTHER + "/service-goal", "application/json", "{\"days\":45}", ADMIN_TOKEN));
        JsonNode e = expected(OTHER, "2025-06-02", null);
        assertThat(e.get("basis").asString()).isEqualTo("service_goal");
        assertThat(e.get("days").asInt()).isEqualTo(45);
        assertThat(e.get("dayUnit").asString()).isEqualTo("calendar");
        assertThat(e.get("source").asString()).isEqualTo("servicemålet på 45 dage (for få sager til en beregning)");
        assertThat(e.get("explanation").asString())
                .isEqualTo("Der er for få afgjorte sager til en beregning (0 de seneste 1.095 dage), og sagstypen har intet mål med en målsætning. "
                        + "Tallet er myndighedens servicemål for sagstypen: 45 dage.");
        assertThat(expected(OTHER, "2025-06-02", "en").get("explanation").asString())
                .endsWith("The figure is the organisation's service goal for the case type: 45 days.");
        // A letter promises received + 45 calendar days.
        ok(put(OTHER + "/letter-templates/da", "application/json",
                "{\"subject\":\"Kvittering {{case_number}}\",\"body\":\"Du kan forvente en afgørelse senest {{expected_date}}.\",\"updatedBy\":\"Test\"}",
                ADMIN_TOKEN));
        var made = post("/api/v1/letters", "application/json",
                "{\"organisation\":\"testens-styrelse\",\"caseType\":\"anmeldelse\",\"caseNumber\":\"X-2\",\"receivedDate\":\"2025-06-02\",\"language\":\"da\"}",
                INGEST_TOKEN);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(made.body()).contains("senest 17. juli 2025");
        // Open311 and the screen say the same.
        JsonNode services = json(ok(get("/open311/v2/services.json?jurisdiction_id=testens-styrelse")));
        JsonNode service = java.util.stream.StreamSupport.stream(services.spliterator(), false)
                .filter(n -> n.get("service_code").asString().equals("anmeldelse")).findFirst().orElseThrow();
        assertThat(service.get("description").asString())
                .isEqualTo("Anmeldelse. Forventet sagsbehandlingstid: 45 dage; servicemålet på 45 dage (for få sager til en beregning).");
        JsonNode row = java.util.stream.StreamSupport.stream(json(ok(get("/api/v1/organisations/testens-styrelse/screen"))).get("rows")
                .spliterator(), false).filter(n -> n.get("caseType").asString().equals("anmeldelse")).findFirst().orElseThrow();
        assertThat(row.get("expected").asString()).isEqualTo("45 dage");
        assertThat(row.get("expectedBasis").asString()).isEqualTo("service_goal");
        assertThat(get("/skaerm/testens-styrelse").body()).contains("servicemålet på 45 dage");

        // A goal on the case type itself comes first.
        ok(post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","caseType":"anmeldelse","sentence":"Svar inden for 10 dage","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"processing_time","statistic":"share_within","withinDays":10,"dayUnit":"calendar"},
                 "scale":{"kind":"binary","comparator":">=","threshold":90}}""", ADMIN_TOKEN));
        assertThat(expected(OTHER, "2025-06-02", null).get("basis").asString()).isEqualTo("goal");
        assertThat(expected(OTHER, "2025-06-02", null).get("days").asInt()).isEqualTo(10);

        // Decided cases come first: the longer window still decides on 2025-05-31; with no cases in either window, the service goal.
        ok(put(TYPE + "/service-goal", "application/json", "{\"days\":55}", ADMIN_TOKEN));
        assertThat(expected(TYPE, "2025-05-31", null).get("basis").asString()).isEqualTo("earlier");
        assertThat(expected(TYPE, "2025-05-31", null).get("days").asInt()).isEqualTo(20);
        JsonNode none = expected(TYPE, "2026-12-31", null);
        assertThat(none.get("basis").asString()).isEqualTo("service_goal");
        assertThat(none.get("days").asInt()).isEqualTo(55);
        // Without the service goal there is nothing left to go by.
        ok(put(TYPE + "/service-goal", "application/json", "{\"days\":null}", ADMIN_TOKEN));
        assertThat(expected(TYPE, "2026-12-31", null).get("basis").asString()).isEqualTo("none");
    }
}
