package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.IntegrationTest;
import dk.klaremaal.support.StaffSession;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The service-goal indicator through the whole path (catalogue API → service goals → case events over HTTP → case
 * clock → PostgreSQL → results API, goal page and open data), against a hand-worked fixture. Service "byggeri" of
 * Testby Kommune has three case types with service goals, each with its own clock:
 *
 * <pre>
 * simple        service goal 40 days, clock from the complete application, pauses deducted
 * etage-boliger service goal 60 days, clock from the complete application, pauses deducted
 * industri      service goal 50 days, clock from receipt, pauses counted
 * anden         (same service) no service goal: left out
 * bilag-2       (service miljoe) service goal 130 days: another service, left out
 *
 * 2025, calendar days (local dates):
 *   S1 simple   received 6/1, complete 20/1, decided 25/2:                 11 + 25 = 36  ≤ 40 ✓ (from receipt it would be 50)
 *   S2 simple   complete 3/3, paused 13/3, resumed 2/4, decided 28/4:     10 + 26 = 36  ≤ 40 ✓ (with the pause 56)
 *   S3 simple   complete 5/5, decided 16/6:                                26 + 16 = 42  > 40 ✗
 *   S4 simple   complete 1/9, decided 11/10:                               29 + 11 = 40  ≤ 40 ✓ (exactly the goal)
 *   S5 simple   received 1/7, decided 30/7, never complete:               no counted time, left out
 *   E1 etage    received 3/2, complete 10/2, decided 7/4:                  28 + 28 = 56  ≤ 60 ✓ (against 40 it would fail)
 *   E2 etage    complete 2/6, decided 5/8:                            30 + 31 + 3 = 64  > 60 ✗
 *   I1 industri received 10/3, paused 20/3, resumed 9/4, decided 24/4:   21 + 24 = 45  ≤ 50 ✓ (pause counted)
 *   I2 industri received 1/10, decided 1/12:                              31 + 30 = 61  > 50 ✗
 *   A1 anden (no service goal), B1 bilag-2 (other service): left out
 *   → 8 cases, 5 within their own service goal: share 5/8 = 62.5 %; days 36+36+42+40+56+64+45+61 = 380, mean 47.5
 * 2024: S0 simple complete 4/11/2024, decided 14/11/2024: 10 days → 1 case, 100 %, mean 10
 * Open at the end of 2025: O1 simple received 15/12/2025, not decided → 1 case, oldest 16 days
 * </pre>
 */
class ServiceGoalIndicatorIT extends IntegrationTest {

    private static final String ORG = "testby-kommune";
    private static final String PASSWORD = "en-lang-nok-adgangskode";

    @org.springframework.beans.factory.annotation.Autowired
    dk.klaremaal.access.AccountService accounts;

    @BeforeEach
    void data() {
        ok(post("/api/v1/organisations", "application/json",
                "{\"kind\":\"municipality\",\"slug\":\"" + ORG + "\",\"name\":\"Testby Kommune\"}", ADMIN_TOKEN));
        caseType("byggeri", "simple", "Simple konstruktioner", "completed", true);
        caseType("byggeri", "etage-boliger", "Etagebyggeri, boliger", "completed", true);
        caseType("byggeri", "industri", "Industri- og lagerbygninger", "received", false);
        caseType("byggeri", "anden", "Andet byggeri", "completed", true);
        caseType("miljoe", "bilag-2", "Miljøgodkendelse, bilag 2", "completed", true);
        serviceGoal("simple", 40);
        serviceGoal("etage-boliger", 60);
        serviceGoal("industri", 50);
        serviceGoal("bilag-2", 130);
        String csv = "event_id,organisation,case_type,case_id,event,occurred_at\n"
                + rows("simple", "S1", "received 2025-01-06", "completed 2025-01-20", "decided 2025-02-25")
                + rows("simple", "S2", "received 2025-03-03", "completed 2025-03-03", "paused 2025-03-13", "resumed 2025-04-02",
                "decided 2025-04-28")
                + rows("simple", "S3", "received 2025-05-05", "completed 2025-05-05", "decided 2025-06-16")
                + rows("simple", "S4", "received 2025-08-25", "completed 2025-09-01", "decided 2025-10-11")
                + rows("simple", "S5", "received 2025-07-01", "decided 2025-07-30")
                + rows("etage-boliger", "E1", "received 2025-02-03", "completed 2025-02-10", "decided 2025-04-07")
                + rows("etage-boliger", "E2", "received 2025-06-02", "completed 2025-06-02", "decided 2025-08-05")
                + rows("industri", "I1", "received 2025-03-10", "paused 2025-03-20", "resumed 2025-04-09", "decided 2025-04-24")
                + rows("industri", "I2", "received 2025-10-01", "decided 2025-12-01")
                + rows("anden", "A1", "received 2025-01-10", "completed 2025-01-10", "decided 2025-01-15")
                + rows("bilag-2", "B1", "received 2025-01-10", "completed 2025-01-10", "decided 2025-09-15")
                + rows("simple", "S0", "received 2024-11-04", "completed 2024-11-04", "decided 2024-11-14")
                + rows("simple", "O1", "received 2025-12-15");
        ok(post("/api/v1/case-events", "text/csv", csv, INGEST_TOKEN));
    }

    @Test
    void theShareWithinEachCaseTypesOwnServiceGoalAndTheMeanMatchTheHandWorkedFixture() {
        long share = goal("share_within", "percent", ">=", "60");
        Map<String, JsonNode> byPeriod = results(share);
        assertThat(byPeriod.get("2025").get("observations").asInt()).isEqualTo(8);
        assertThat(byPeriod.get("2025").get("value").decimalValue()).isEqualByComparingTo("62.5");
        assertThat(byPeriod.get("2025").get("status").asString()).isEqualTo("met");
        assertThat(byPeriod.get("2025").get("openAtPeriodEnd").asInt()).isEqualTo(1);
        assertThat(byPeriod.get("2025").get("oldestOpenAgeDays").asInt()).isEqualTo(16);
        assertThat(byPeriod.get("2024").get("value").decimalValue()).isEqualByComparingTo("100");
        assertThat(byPeriod.get("2024").get("observations").asInt()).isEqualTo(1);

        long mean = goal("mean", "days", "<=", "45");
        Map<String, JsonNode> means = results(mean);
        assertThat(means.get("2025").get("value").decimalValue()).isEqualByComparingTo("47.5");
        assertThat(means.get("2025").get("status").asString()).as("47.5 > 45").isEqualTo("not_met");
        assertThat(means.get("2024").get("value").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void quartersAndOtherRangesAgreeWithTheWholeYear() {
        // Quarters are read like years from the monthly histograms; Q2 2025 holds S2 36 ✓, I1 45 ✓, E1 56 ✓, S3 42 ✗ → 3/4.
        long share = goal("share_within", "percent", ">=", "60", "quarter");
        Map<String, JsonNode> byPeriod = results(share);
        assertThat(byPeriod.get("2025-Q2").get("value").decimalValue()).isEqualByComparingTo("75");
        assertThat(byPeriod.get("2025-Q2").get("observations").asInt()).isEqualTo(4);
        // Year to date at the end of Q4 is the whole year.
        assertThat(byPeriod.get("2025-Q4").get("yearToDate").decimalValue()).isEqualByComparingTo("62.5");
    }

    @Test
    void theFiguresEqualTheSameFiguresComputedBySqlStraightFromTheEvents() {
        // Independent of the case clock and the histograms: each case's days from its events (start at the complete
        // application or at receipt by its case type, minus its pauses where the case type deducts them), judged against
        // its own case type's service goal.
        var independent = jdbc.sql("""
                with ev as (
                    select t.id as case_type_id, t.clock_start, t.exclude_pauses, g.days as goal, e.case_id, e.event,
                           (e.occurred_at at time zone 'Europe/Copenhagen')::date as d
                    from case_event e
                    join case_type t on t.id = e.case_type_id
                    join service s on s.id = t.service_id and s.code = 'byggeri'
                    join organisation o on o.id = t.organisation_id and o.slug = 'testby-kommune'
                    join case_type_service_goal g on g.case_type_id = t.id),
                per_case as (
                    select case_type_id, case_id, min(goal) as goal,
                           max(d) filter (where event = 'decided') as decided,
                           max(d) filter (where event = case when clock_start = 'completed' then 'completed' else 'received' end) as started,
                           case when bool_and(exclude_pauses)
                                then coalesce(sum(d - date '2000-01-01') filter (where event = 'resumed'), 0)
                                   - coalesce(sum(d - date '2000-01-01') filter (where event = 'paused'), 0)
                                else 0 end as paused_days
                    from ev group by case_type_id, case_id, clock_start),
                counted as (
                    select goal, decided - started - paused_days as days from per_case
                    where decided is not null and started is not null and extract(year from decided) = 2025)
                select count(*) filter (where days <= goal) * 100.0 / count(*) as share, avg(days) as mean, count(*) as cases
                from counted""")
                .query((rs, i) -> new BigDecimal[]{rs.getBigDecimal("share"), rs.getBigDecimal("mean"), rs.getBigDecimal("cases")})
                .single();
        assertThat(independent[2]).isEqualByComparingTo("8");
        assertThat(results(goal("share_within", "percent", ">=", "60")).get("2025").get("value").decimalValue())
                .isEqualByComparingTo(independent[0]);
        assertThat(results(goal("mean", "days", "<=", "45")).get("2025").get("value").decimalValue())
                .isEqualByComparingTo(independent[1]);
    }

    @Test
    void aChangedServiceGoalChangesTheResultAtOnce() {
        long share = goal("share_within", "percent", ">=", "60");
        assertThat(results(share).get("2025").get("value").decimalValue()).isEqualByComparingTo("62.5");
        // Simple constructions at 35 days: S1 36, S2 36 and S4 40 now fall outside → 2/8 = 25 %.
        serviceGoal("simple", 35);
        assertThat(results(share).get("2025").get("value").decimalValue()).isEqualByComparingTo("25");
        // Without a service goal simple constructions are left out: E1 ✓, E2 ✗, I1 ✓, I2 ✗ → 2/4 = 50 %.
        var removed = put("/api/v1/organisations/" + ORG + "/case-types/simple/service-goal", "application/json", "{\"days\":null}",
                ADMIN_TOKEN);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(json(removed).get("days").isNull()).isTrue();
        assertThat(results(share).get("2025").get("value").decimalValue()).isEqualByComparingTo("50");
        assertThat(results(share).get("2025").get("observations").asInt()).isEqualTo(4);
    }

    @Test
    void theGoalPageShowsEachCaseTypeWithItsServiceGoalAndFigures() {
        long share = goal("share_within", "percent", ">=", "60");
        String page = get("/maal/" + share).body();
        assertThat(page).contains("Servicemål pr. sagstype", "Simple konstruktioner", "40 kalenderdage", "Etagebyggeri, boliger",
                "60 kalenderdage", "Industri- og lagerbygninger", "50 kalenderdage");
        // Simple constructions in 2025: S1 36, S2 36, S3 42, S4 40 → 4 cases, 3 within (75,0 pct.), mean 154/4 = 38,5 dage.
        assertThat(page).contains("75,0 pct.", "38,5 dage");
        assertThat(page).doesNotContain("Andet byggeri").doesNotContain("bilag 2");
        String english = get("/maal/" + share + "?lang=en").body();
        assertThat(english).contains("Service goal per case type", "40 calendar days", "75.0 %", "38.5 days");
        String csv = get("/data/maal/" + share + "/resultater.csv").body();
        assertThat(csv).contains("62.5");
        assertThat(get("/api/v1/goals/" + share).body()).contains("service_goal");
    }

    @Test
    void aSensitiveCaseTypesRowOnFewerThanFiveCasesIsWithheldWithTheReason() {
        // Etagebyggeri in 2025: E1 56 ✓, E2 64 ✗ → 2 cases, 1 within (50,0 pct.), mean 120/2 = 60,0 dage.
        // Industri in 2025: I1 45 ✓, I2 61 ✗ → 2 cases, 50,0 pct., mean 106/2 = 53,0 dage (not sensitive: published).
        long share = goal("share_within", "percent", ">=", "60");
        String before = row(get("/maal/" + share).body(), "Etagebyggeri, boliger");
        assertThat(before).as("published without the mark").contains(">2<", "50,0 pct.", "60,0 dage");
        var marked = put("/api/v1/organisations/" + ORG + "/case-types/etage-boliger/privacy", "application/json",
                "{\"concernsPersons\":true,\"sensitive\":true}", ADMIN_TOKEN);
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        String page = get("/maal/" + share).body();
        String withheld = row(page, "Etagebyggeri, boliger");
        assertThat(withheld).doesNotContain(">2<").doesNotContain("50,0").doesNotContain("60,0")
                .contains("færre end 5", "Færre end 5 sager – ikke offentliggjort");
        assertThat(row(page, "Industri- og lagerbygninger")).contains(">2<", "50,0 pct.", "53,0 dage");
        String english = row(get("/maal/" + share + "?lang=en").body(), "Etagebyggeri, boliger");
        assertThat(english).doesNotContain("50.0").doesNotContain("60.0").contains("Fewer than 5 cases – not published");
    }

    /** The service-goal table's row of the named case type. */
    private static String row(String page, String caseType) {
        String table = page.substring(page.indexOf("service-goal-categories"));
        int at = table.indexOf(">" + caseType + "<");
        assertThat(at).as(caseType + " has a row").isPositive();
        return table.substring(at, table.indexOf("</tr>", at));
    }

    @Test
    void badInputIsRefusedWithTheFieldAndNothingIsStored() {
        var tooMany = put("/api/v1/organisations/" + ORG + "/case-types/simple/service-goal", "application/json", "{\"days\":0}", ADMIN_TOKEN);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"field\":\"days\"", "must be from 1 to 3650");
        var text = put("/api/v1/organisations/" + ORG + "/case-types/simple/service-goal", "application/json", "{\"days\":\"forty\"}",
                ADMIN_TOKEN);
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(put("/api/v1/organisations/" + ORG + "/case-types/nothing/service-goal", "application/json", "{\"days\":40}",
                ADMIN_TOKEN).statusCode()).isEqualTo(404);
        assertThat(put("/api/v1/organisations/" + ORG + "/case-types/simple/service-goal", "application/json", "{\"days\":40}",
                INGEST_TOKEN).statusCode()).isEqualTo(403);
        assertThat(json(get("/api/v1/organisations/" + ORG + "/case-types/simple/service-goal")).get("days").asInt()).isEqualTo(40);

        long goals = jdbc.sql("select count(*) from goal").query(Long.class).single();
        var noService = post("/api/v1/goals", "application/json", goalJson("share_within", "percent", ">=", "60", "year")
                .replace("\"service\":\"byggeri\"", "\"service\":\"vejvedligehold\""), ADMIN_TOKEN);
        assertThat(noService.statusCode()).isEqualTo(400);
        assertThat(noService.body()).contains("indicator.service", "no service 'vejvedligehold'");
        var withoutGoals = post("/api/v1/goals", "application/json", goalJson("share_within", "percent", ">=", "60", "year")
                .replace("\"service\":\"byggeri\"", "\"service\":\"tilsyn\""), ADMIN_TOKEN);
        caseType("tilsyn", "tilsyn", "Tilsyn", "received", true);
        var noServiceGoal = post("/api/v1/goals", "application/json", goalJson("share_within", "percent", ">=", "60", "year")
                .replace("\"service\":\"byggeri\"", "\"service\":\"tilsyn\""), ADMIN_TOKEN);
        assertThat(withoutGoals.statusCode()).isEqualTo(400);
        assertThat(noServiceGoal.statusCode()).isEqualTo(400);
        assertThat(noServiceGoal.body()).contains("indicator.service", "has a service goal");
        var working = post("/api/v1/goals", "application/json", goalJson("share_within", "percent", ">=", "60", "year")
                .replace("\"dayUnit\":\"calendar\"", "\"dayUnit\":\"working\",\"withinDays\":40"), ADMIN_TOKEN);
        assertThat(working.statusCode()).isEqualTo(400);
        assertThat(working.body()).contains("indicator.dayUnit", "indicator.withinDays");
        var caseTypeToo = post("/api/v1/goals", "application/json", goalJson("share_within", "percent", ">=", "60", "year")
                .replace("{\"organisation\"", "{\"caseType\":\"simple\",\"organisation\""), ADMIN_TOKEN);
        assertThat(caseTypeToo.statusCode()).isEqualTo(400);
        assertThat(caseTypeToo.body()).contains("\"field\":\"caseType\"");
        assertThat(jdbc.sql("select count(*) from goal").query(Long.class).single()).isEqualTo(goals);
    }

    @Test
    void theStaffCataloguePageSetsAndRemovesAServiceGoalAndRefusesOneOutOfRange() {
        accounts.create("ida.admin", "Ida Admin", PASSWORD, "administrator", null);
        StaffSession admin = StaffSession.signIn(base(), "ida.admin", PASSWORD);
        assertThat(admin.get("/administration/katalog").body()).contains("Servicemål (kalenderdage)", "40 kalenderdage", "Intet servicemål");
        String path = "/administration/katalog/organisationer/" + ORG + "/sagstyper/anden/servicemaal";
        var refused = admin.form(path, Map.of("days", "0"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Intet blev gemt").contains("Servicemål (kalenderdage)");
        var words = admin.form(path, Map.of("days", "fyrre"));
        assertThat(words.statusCode()).isEqualTo(422);
        // A decimal parser would read these as 1000 and 40; days are written in digits only.
        assertThat(admin.form(path, Map.of("days", "1e3")).statusCode()).isEqualTo(422);
        assertThat(admin.form(path, Map.of("days", "40.0")).statusCode()).isEqualTo(422);
        var huge = admin.form(path, Map.of("days", "99999999999"));
        assertThat(huge.statusCode()).isEqualTo(422);
        assertThat(huge.body()).doesNotContain("ikke et helt tal");
        assertThat(jdbc.sql("select count(*) from case_type_service_goal g join case_type t on t.id = g.case_type_id where t.code = 'anden'")
                .query(Long.class).single()).isZero();
        assertThat(admin.form(path, Map.of("days", "45")).statusCode()).isEqualTo(302);
        assertThat(json(get("/api/v1/organisations/" + ORG + "/case-types/anden/service-goal")).get("days").asInt()).isEqualTo(45);
        assertThat(admin.form(path, Map.of("days", "")).statusCode()).isEqualTo(302);
        assertThat(json(get("/api/v1/organisations/" + ORG + "/case-types/anden/service-goal")).get("days").isNull()).isTrue();
    }

    private long goal(String statistic, String unit, String comparator, String threshold) {
        return goal(statistic, unit, comparator, threshold, "year");
    }

    private long goal(String statistic, String unit, String comparator, String threshold, String periodKind) {
        var created = post("/api/v1/goals", "application/json", goalJson(statistic, unit, comparator, threshold, periodKind), ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asLong();
    }

    private static String goalJson(String statistic, String unit, String comparator, String threshold, String periodKind) {
        return """
                {"organisation":"%s","sentence":"Byggesager afgøres inden for deres servicemål.","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"service_goal","statistic":"%s","valueUnit":"%s","dayUnit":"calendar","service":"byggeri"},
                 "periodKind":"%s","scale":{"kind":"binary","comparator":"%s","threshold":%s}}"""
                .formatted(ORG, statistic, unit, periodKind, comparator, threshold);
    }

    private Map<String, JsonNode> results(long goal) {
        Map<String, JsonNode> byPeriod = new HashMap<>();
        json(get("/api/v1/goals/" + goal + "/results")).get("results").forEach(r -> byPeriod.put(r.get("period").asString(), r));
        return byPeriod;
    }

    private void caseType(String service, String code, String name, String clockStart, boolean excludePauses) {
        ok(post("/api/v1/organisations/" + ORG + "/case-types", "application/json", """
                {"service":"%s","serviceName":"%s","code":"%s","name":"%s","clockStart":"%s","excludePauses":%s}"""
                .formatted(service, service, code, name, clockStart, excludePauses), ADMIN_TOKEN));
    }

    private void serviceGoal(String caseType, int days) {
        var response = put("/api/v1/organisations/" + ORG + "/case-types/" + caseType + "/service-goal", "application/json",
                "{\"days\":" + days + "}", ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("days").asInt()).isEqualTo(days);
    }

    /** One case's events, each written "event yyyy-mm-dd" (at 10:00 local time). */
    private static String rows(String caseType, String caseId, String... events) {
        StringBuilder csv = new StringBuilder();
        int n = 0;
        for (String e : events) {
            String[] parts = e.split(" ");
            csv.append("%s-%d,%s,%s,%s,%s,%sT10:00\n".formatted(caseId, ++n, ORG, caseType, caseId, parts[0], parts[1]));
        }
        return csv.toString();
    }

    private static void ok(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }
}
