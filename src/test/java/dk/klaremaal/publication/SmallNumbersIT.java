package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A case type concerning persons in a sensitive way: its goals' values resting on fewer than five cases are never
 * published, in any outlet. Hand-worked fixture (calendar days from receipt to decision):
 * <pre>
 * 2024: 5 cases of 2, 3, 4, 5, 6 days  → mean 4            (five cases: published, "4,0 dage")
 * 2025: 3 cases of 17, 19, 23 days     → mean 59/3 = 19,67  ("19,7 dage"; cases' 90th percentile 19 + 0,8 × 4 = 22,2)
 * recent: 3 cases of 29, 31, 37 days   → mean 97/3 = 32,33  ("32,3 dage"), decided 20 days ago;
 *         with the expected time measured on at least 1 case, the 80 % nearest rank of 3 is the 3rd: 37 days.
 * </pre>
 * The same fixture on a case type that is not sensitive shows every one of these figures, so each check below can fail.
 */
class SmallNumbersIT extends IntegrationTest {

    static final String ORG = "testens-styrelse";
    static final String KEY = "test-foelsomme-sager";
    static final String WITHHELD = "Færre end 5 sager – ikke offentliggjort";

    long goal;

    @BeforeEach
    void fixture() {
        var organisation = post("/api/v1/organisations", "application/json", """
                {"kind":"agency","slug":"testens-styrelse","name":"Testens Styrelse"}""", ADMIN_TOKEN);
        assertThat(organisation.statusCode()).as(organisation.body()).isEqualTo(201);
        var type = post("/api/v1/organisations/" + ORG + "/case-types", "application/json", """
                {"service":"anbringelser","code":"anbringelse","name":"Anbringelse"}""", ADMIN_TOKEN);
        assertThat(type.statusCode()).as(type.body()).isEqualTo(201);
        StringBuilder csv = new StringBuilder(Fixtures.HEADER);
        int[] days2024 = {2, 3, 4, 5, 6};
        for (int i = 0; i < days2024.length; i++) {
            csv.append(Fixtures.caseRows(ORG, "anbringelse", "A" + i, "2024-03-0" + (i + 1) + "T09:00",
                    LocalDate.of(2024, 3, i + 1).plusDays(days2024[i]) + "T09:00"));
        }
        int[] days2025 = {17, 19, 23};
        for (int i = 0; i < days2025.length; i++) {
            csv.append(Fixtures.caseRows(ORG, "anbringelse", "B" + i, "2025-05-0" + (i + 1) + "T09:00",
                    LocalDate.of(2025, 5, i + 1).plusDays(days2025[i]) + "T09:00"));
        }
        LocalDate decided = LocalDate.now(ZoneId.of("Europe/Copenhagen")).minusDays(20);
        int[] recent = {29, 31, 37};
        for (int i = 0; i < recent.length; i++) {
            csv.append(Fixtures.caseRows(ORG, "anbringelse", "C" + i, decided.minusDays(recent[i]) + "T09:00", decided + "T09:00"));
        }
        var cases = post("/api/v1/case-events", "text/csv", csv.toString(), INGEST_TOKEN);
        assertThat(cases.statusCode()).as(cases.body()).isEqualTo(200);
        var settings = put("/api/v1/organisations/" + ORG + "/case-types/anbringelse/expected-time-settings", "application/json",
                "{\"minCases\":1}", ADMIN_TOKEN);
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        var created = post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","caseType":"anbringelse","sentence":"Sagerne afgøres inden 25 dage i gennemsnit.",
                 "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"mean","dayUnit":"calendar"},
                 "periodKind":"year","indicatorKey":"%s",
                 "scale":{"kind":"binary","comparator":"<=","threshold":25}}""".formatted(KEY), ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        goal = json(created).get("id").asLong();
    }

    private void markSensitive() {
        var answer = put("/api/v1/organisations/" + ORG + "/case-types/anbringelse/privacy", "application/json",
                "{\"sensitive\":true}", ADMIN_TOKEN);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).get("sensitive").asBoolean()).isTrue();
    }

    /** Every public outlet, by name, with the figures it would show of this goal. */
    private Map<String, String> outlets() {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        Map<String, String> paths = new java.util.LinkedHashMap<>();
        paths.put("goal page", "/maal/" + goal);
        paths.put("goal page in English", "/maal/" + goal + "?lang=en");
        paths.put("organisation page", "/organisationer/" + ORG + "?lang=da");
        paths.put("comparison page", "/sammenligning/" + KEY + "?periode=2025");
        paths.put("report page", "/rapporter/" + ORG + "/2025");
        paths.put("screen", "/skaerm/" + ORG);
        paths.put("screen API", "/api/v1/organisations/" + ORG + "/screen");
        paths.put("embed", "/indlejret/maal/" + goal);
        paths.put("results CSV", "/data/maal/" + goal + "/resultater.csv");
        paths.put("results JSON", "/data/maal/" + goal + "/resultater.json");
        paths.put("goals CSV", "/data/organisationer/" + ORG + "/maal.csv");
        paths.put("goals JSON", "/data/organisationer/" + ORG + "/maal.json");
        paths.put("comparison CSV", "/data/sammenligning/" + KEY + ".csv?periode=2025");
        paths.put("comparison JSON", "/data/sammenligning/" + KEY + ".json?periode=2025");
        paths.put("report CSV", "/data/rapporter/" + ORG + "/2025.csv");
        paths.put("results API", "/api/v1/goals/" + goal + "/results");
        paths.put("goal API", "/api/v1/goals/" + goal);
        paths.put("goals API", "/api/v1/organisations/" + ORG + "/goals");
        paths.put("Open311 services", "/open311/v2/services.json?jurisdiction_id=" + ORG);
        paths.put("Open311 services XML", "/open311/v2/services.xml?jurisdiction_id=" + ORG);
        paths.forEach((name, path) -> {
            var answer = get(path);
            assertThat(answer.statusCode()).as(name + ": " + answer.body()).isEqualTo(200);
            answers.put(name, answer.body());
        });
        return answers;
    }

    /** The figures resting on the three cases of 2025 and the three recent ones, as pages and data write them. */
    static final List<String> SMALL_FIGURES = List.of("19,7", "19.66", "19.7 days", "22,2", "22.2", "32,3", "32.33", "32.3 days",
            "37 dage", "37 days");

    @Test
    void withoutTheMarkTheSmallFiguresArePublished() {
        Map<String, String> answers = outlets();
        assertThat(answers.get("goal page")).contains("19,7 dage", "32,3 dage", "4,0 dage");
        assertThat(answers.get("organisation page")).contains("32,3 dage");
        assertThat(answers.get("comparison page")).contains("19,7 dage", "22,2 dage");
        assertThat(answers.get("report page")).contains("19,7 dage");
        assertThat(answers.get("embed")).contains("32,3 dage");
        assertThat(answers.get("screen API")).contains("32,3 dage");
        assertThat(answers.get("results CSV")).contains("19.66", "32.33");
        assertThat(answers.get("comparison CSV")).contains("19.66", "22.2");
        assertThat(answers.get("Open311 services")).contains("37 dage");
    }

    @Test
    void aSensitiveCaseTypesFiguresOnFewerThanFiveCasesAreInNoOutlet() {
        markSensitive();
        Map<String, String> answers = outlets();
        List<String> leaks = new ArrayList<>();
        answers.forEach((name, body) -> SMALL_FIGURES.stream().filter(body::contains)
                .forEach(figure -> leaks.add(name + " shows " + figure)));
        assertThat(leaks).isEmpty();
        for (String page : List.of("goal page", "organisation page", "comparison page", "report page", "screen", "embed")) {
            assertThat(answers.get(page)).as(page + " says why the value is missing").contains(WITHHELD);
        }
        assertThat(answers.get("goal page in English")).contains("Fewer than 5 cases – not published");
        assertThat(answers.get("goal page")).as("five cases are enough").contains("4,0 dage");
    }

    @Test
    void theDataAndTheApiMarkTheWithheldPeriodsAndLeaveValueAndBasisEmpty() {
        markSensitive();
        JsonNode results = json(get("/api/v1/goals/" + goal + "/results")).get("results");
        Map<String, JsonNode> byPeriod = new java.util.HashMap<>();
        results.forEach(r -> byPeriod.put(r.get("period").asString(), r));
        JsonNode r2024 = byPeriod.get("2024");
        assertThat(r2024.get("value").decimalValue()).isEqualByComparingTo("4");
        assertThat(r2024.get("observations").asLong()).isEqualTo(5);
        assertThat(r2024.get("assessment").asString()).isEqualTo("assessed");
        JsonNode r2025 = byPeriod.get("2025");
        assertThat(r2025.get("value").isNull()).isTrue();
        assertThat(r2025.get("observations").isNull()).isTrue();
        assertThat(r2025.get("status").isNull()).isTrue();
        assertThat(r2025.get("assessment").asString()).isEqualTo("withheld");
        assertThat(r2025.get("assessmentLabel").asString()).isEqualTo(WITHHELD);
        String csv = get("/data/maal/" + goal + "/resultater.csv").body();
        String row2025 = csv.lines().filter(l -> l.contains(",2025,")).findFirst().orElseThrow();
        assertThat(row2025).contains("withheld").contains(WITHHELD);
        String comparison = get("/data/sammenligning/" + KEY + ".csv?periode=2025").body();
        assertThat(comparison.lines().skip(1).findFirst().orElseThrow()).contains(",withheld,");
    }

    @Test
    void aSensitiveCaseTypesExpectedTimeNamesNoCountOfFewerThanFiveCases() {
        String path = "/api/v1/organisations/" + ORG + "/case-types/anbringelse/expected-time";
        JsonNode open = json(get(path));
        assertThat(open.get("cases").asLong()).as("three recent cases, published without the mark").isEqualTo(3);
        markSensitive();
        JsonNode e = json(get(path));
        // Three recent cases are too few for a sensitive case type, so the figure comes from the longer window's eleven.
        assertThat(e.get("basis").asString()).isEqualTo("earlier");
        assertThat(e.get("cases").isNull()).as("the recent window's three cases are not named").isTrue();
        assertThat(e.get("earlierCases").asLong()).isEqualTo(11);
        assertThat(e.get("explanation").asString()).containsAnyOf("færre end 5", "fewer than 5").contains("11");
        var danish = get(path + "?lang=da");
        assertThat(json(danish).get("explanation").asString()).contains("kun afgjort færre end 5 sager");
    }

    @org.springframework.beans.factory.annotation.Autowired
    dk.klaremaal.access.AccountService accounts;

    @Test
    void theStaffPageMarksACaseTypeSensitive() {
        accounts.create("ida.admin", "Ida Admin", "en-lang-nok-adgangskode", "administrator", null);
        var admin = dk.klaremaal.support.StaffSession.signIn(base(), "ida.admin", "en-lang-nok-adgangskode");
        String path = "/administration/katalog/organisationer/" + ORG + "/sagstyper/anbringelse/privatliv";
        var refused = admin.form(path, Map.of("notAboutPersons", "true", "sensitive", "true"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("kun en sagstype, hvis sager handler om personer, kan handle om dem på en følsom måde");
        assertThat(get("/maal/" + goal).body()).contains("19,7 dage");
        var marked = admin.form(path, Map.of("sensitive", "true"));
        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(admin.get("/administration/katalog").body()).contains("Følsomme sager: tal, der bygger på færre end 5 sager, offentliggøres ikke.");
        assertThat(get("/maal/" + goal).body()).doesNotContain("19,7 dage").contains(WITHHELD);
    }

    @Test
    void onlyACaseTypeConcerningPersonsCanBeSensitive() {
        var refused = put("/api/v1/organisations/" + ORG + "/case-types/anbringelse/privacy", "application/json",
                "{\"concernsPersons\":false,\"sensitive\":true}", ADMIN_TOKEN);
        assertThat(refused.statusCode()).as(refused.body()).isIn(400, 422);
        assertThat(refused.body()).contains("sensitive");
        Supplier<JsonNode> types = () -> json(get("/api/v1/organisations/" + ORG + "/case-types"));
        assertThat(types.get().toString()).doesNotContain("\"sensitive\":true");
    }
}
