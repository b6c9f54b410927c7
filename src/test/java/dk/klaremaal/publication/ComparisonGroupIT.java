package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Targets, distances, ranks and comparison groups against a hand-worked fixture (2025, calendar days,
 * mean processing time, each municipality its own target; a result is met when it is at most 100 % of
 * its target):
 *
 * <pre>
 * org  cases       mean  target  distance  status    rank (all)  group "smaa" = {a, b, d}
 * a    2, 4, 6, 8   5     4       +1        not met   2           1
 * b    10          10    12       −2        met       4           2
 * c    1, 3         2     2        0        met       1           –
 * d    20, 30, 40  30    25       +5        not met   5           3
 * e    6            6     9       −3        met       3           –
 * group median of {5, 10, 30} = 10; median of all {2, 5, 6, 10, 30} = 6
 * </pre>
 * So b at 10 days is met while a at 5 days is not: their targets differ, and the page says so.
 */
class ComparisonGroupIT extends IntegrationTest {

    private static final String KEY = "servicemaal-byggetilladelse";

    @Autowired
    CatalogueService catalogue;

    private void municipality(String slug, String region, int target, int... days) {
        catalogue.createOrganisation(new CatalogueService.NewOrganisation(null, "municipality", slug, slug.toUpperCase(), ClosingDays.NONE, region));
        catalogue.createCaseType(slug, new CatalogueService.NewCaseType("byggeri", "Byggeri", "byggetilladelse", "Byggetilladelse", "received", true));
        var goal = post("/api/v1/goals", "application/json", """
                {"organisation":"%s","caseType":"byggetilladelse","indicatorKey":"%s","sentence":"Hurtige byggetilladelser",
                 "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"mean","dayUnit":"calendar"},
                 "periodKind":"year","targets":[{"period":"2025","value":%d},{"period":"2026","value":%d}],
                 "scale":{"kind":"binary","basis":"percent_of_target","comparator":"<=","threshold":100}}""".formatted(slug, KEY, target, target),
                ADMIN_TOKEN);
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
        StringBuilder csv = new StringBuilder(Fixtures.HEADER);
        int n = 0;
        for (int d : days) {
            java.time.LocalDate received = java.time.LocalDate.of(2025, 3, 3).plusDays(n * 7L);
            csv.append(Fixtures.caseRows(slug, "byggetilladelse", slug + "-" + (++n), received + "T09:00", received.plusDays(d) + "T09:00"));
        }
        var events = post("/api/v1/case-events", "text/csv", csv.toString(), INGEST_TOKEN);
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
    }

    private HttpResponse group(String slug, String name, String... members) {
        var r = post("/api/v1/comparison-groups", "application/json", """
                {"slug":"%s","name":"%s","nameEn":"Small ones","members":[%s]}""".formatted(slug, name,
                String.join(",", java.util.Arrays.stream(members).map(m -> "\"" + m + "\"").toList())), ADMIN_TOKEN);
        return new HttpResponse(r.statusCode(), r.body());
    }

    private record HttpResponse(int status, String body) {
    }

    @BeforeEach
    void fixture() {
        // The base class empties the organisations (and so the memberships); the groups themselves are emptied here.
        jdbc.sql("truncate comparison_group restart identity cascade").update();
        municipality("a", "hovedstaden", 4, 2, 4, 6, 8);
        municipality("b", "hovedstaden", 12, 10);
        municipality("c", "nordjylland", 2, 1, 3);
        municipality("d", "nordjylland", 25, 20, 30, 40);
        municipality("e", "sjaelland", 9, 6);
        HttpResponse created = group("smaa", "Små kommuner", "a", "b", "d");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static Map<String, JsonNode> bySlug(JsonNode rows) {
        Map<String, JsonNode> map = new HashMap<>();
        rows.forEach(r -> map.put(r.get("organisation").asString(), r));
        return map;
    }

    @Test
    void eachRowHasItsOwnTargetTheDistanceToItAndItsRank() {
        Map<String, JsonNode> rows = bySlug(json(get("/data/sammenligning/" + KEY + ".json?periode=2025")));
        String[][] expected = {{"a", "4", "1", "2", "not_met"}, {"b", "12", "-2", "4", "met"}, {"c", "2", "0", "1", "met"},
                {"d", "25", "5", "5", "not_met"}, {"e", "9", "-3", "3", "met"}};
        for (String[] e : expected) {
            JsonNode r = rows.get(e[0]);
            assertThat(r.get("target").decimalValue()).as(e[0] + " target").isEqualByComparingTo(e[1]);
            assertThat(r.get("distance_to_target").decimalValue()).as(e[0] + " distance").isEqualByComparingTo(e[2]);
            assertThat(r.get("rank").asInt()).as(e[0] + " rank").isEqualTo(Integer.parseInt(e[3]));
            assertThat(r.get("status").asString()).as(e[0] + " status").isEqualTo(e[4]);
            assertThat(r.get("provisional").asBoolean()).isFalse();
        }
        String page = get("/sammenligning/" + KEY + "?periode=2025").body();
        // The targets and distances are on the page, and the page explains why b (10 days) is met and a (5 days) is not.
        assertThat(page).contains("12,0 dage").contains("1,0 dage over").contains("2,0 dage under").contains("på målsætningen")
                .contains("Hver myndighed vurderes mod sin egen målsætning").contains("Målsætningerne er forskellige");
        // A human title, not the raw key.
        assertThat(page).contains("<title>Sammenligning: Byggetilladelse").doesNotContain(">" + KEY + "<");
        assertThat(get("/sammenligning").body()).contains(">Byggetilladelse</a>");
    }

    @Test
    void aGroupShowsOnlyItsMembersWithTheGroupMedianAndRanksWithinTheGroup() {
        JsonNode rows = json(get("/data/sammenligning/" + KEY + ".json?periode=2025&gruppe=smaa"));
        Map<String, JsonNode> bySlug = bySlug(rows);
        assertThat(bySlug.keySet()).containsExactlyInAnyOrder("a", "b", "d");
        assertThat(bySlug.get("a").get("rank").asInt()).isEqualTo(1);
        assertThat(bySlug.get("b").get("rank").asInt()).isEqualTo(2);
        assertThat(bySlug.get("d").get("rank").asInt()).isEqualTo(3);
        assertThat(bySlug.get("a").get("comparison_group").asString()).isEqualTo("smaa");
        // The group median computed independently by PostgreSQL over the same values.
        List<BigDecimal> values = new ArrayList<>();
        rows.forEach(r -> values.add(r.get("value").decimalValue()));
        BigDecimal median = jdbc.sql("select percentile_cont(0.5) within group (order by v)::numeric from unnest(?::numeric[]) v")
                .param(values.toArray(BigDecimal[]::new)).query(BigDecimal.class).single();
        assertThat(median).isEqualByComparingTo("10");
        String page = get("/sammenligning/" + KEY + "?periode=2025&gruppe=smaa").body();
        assertThat(page).contains("Gruppens median").contains(">10,0 dage<").contains("Placering i gruppen")
                .contains("Sammenlignet med lignende: Små kommuner").contains(">A<").contains(">D<").doesNotContain(">C<").doesNotContain(">E<");
        // Without the group, the median is that of all five: 6.
        assertThat(get("/sammenligning/" + KEY + "?periode=2025").body()).contains(">6,0 dage<");
        // The chart ranks the same organisations, best first, with their targets; its text is 12 px.
        assertThat(page).contains("<svg").contains("1. A").contains("2. B").contains("3. D").contains("font-size=\"12\"")
                .doesNotContain("font-size=\"6\"").contains("comparison-chart__target");
        // English: the group's English name and English words.
        String english = get("/sammenligning/" + KEY + "?periode=2025&gruppe=smaa&lang=en").body();
        assertThat(english).contains("Small ones").contains("The group&#39;s median").contains("1.0 days above");
    }

    @Test
    void theOrganisationPageLinksToTheComparisonWithinItsGroup() {
        String page = get("/organisationer/a").body();
        assertThat(page).contains("Sammenlignet med lignende kommuner").contains("/sammenligning/" + KEY + "?gruppe=smaa");
        assertThat(get("/organisationer/c").body()).doesNotContain("Sammenlignet med lignende kommuner");
    }

    @Test
    void theRunningYearIsMarkedProvisional() {
        java.time.LocalDate decided = java.time.LocalDate.now(dk.klaremaal.platform.TimeConfiguration.ZONE).minusDays(1);
        org.junit.jupiter.api.Assumptions.assumeTrue(decided.getYear() == java.time.LocalDate.now(dk.klaremaal.platform.TimeConfiguration.ZONE).getYear());
        var events = post("/api/v1/case-events", "text/csv", Fixtures.HEADER + Fixtures.caseRows("a", "byggetilladelse", "a-now",
                decided.minusDays(3) + "T09:00", decided + "T09:00"), INGEST_TOKEN);
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        String period = String.valueOf(decided.getYear());
        String page = get("/sammenligning/" + KEY + "?periode=" + period).body();
        assertThat(page).contains(period + " (foreløbig)").contains("Perioden er ikke slut endnu");
        assertThat(json(get("/data/sammenligning/" + KEY + ".json?periode=" + period)).get(0).get("provisional").asBoolean()).isTrue();
        // The period list marks it too, and a finished year is not marked.
        assertThat(get("/sammenligning/" + KEY + "?periode=2025").body()).contains(">" + period + " (foreløbig)</option>")
                .doesNotContain("2025 (foreløbig)");
    }

    @Test
    void badParametersGive400And404NeverA500() {
        String base = "/sammenligning/" + KEY;
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put(base + "?periode=abc", 400);
        expected.put(base + "?periode=2025-Q7", 400);
        expected.put(base + "?periode=2025-Q1", 400);
        expected.put(base + "?periode=99999", 400);
        expected.put(base + "?sortering=hacked", 400);
        expected.put(base + "?retning=up", 400);
        expected.put(base + "?art=planet", 400);
        expected.put(base + "?region=atlantis", 400);
        expected.put(base + "?gruppe=findes-ikke", 404);
        expected.put(base + "?gruppe=" + "x".repeat(500), 404);
        expected.put("/sammenligning/findes-ikke", 404);
        expected.put("/sammenligning/" + "y".repeat(500), 404);
        expected.put("/data/sammenligning/" + KEY + ".json?gruppe=findes-ikke", 404);
        expected.put("/data/sammenligning/" + KEY + ".json?periode=abc", 400);
        expected.put("/api/v1/comparison-groups/findes-ikke", 404);
        Map<String, Integer> actual = new java.util.LinkedHashMap<>();
        expected.keySet().forEach(path -> actual.put(path, get(path).statusCode()));
        assertThat(actual).isEqualTo(expected);
        // A browser gets the styled page naming the field.
        var page = send(HttpRequest.newBuilder(URI.create(base() + base + "?periode=abc")).header("Accept", "text/html").GET().build());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("periode");
    }

    @Test
    void groupsAreChangedByAdministratorsOnlyAuditedAndRefusedWholeWhenWrong() {
        // A member that does not exist: refused, field named, nothing stored.
        HttpResponse bad = group("ny", "Ny gruppe", "a", "findes-ikke");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("members[1]");
        assertThat(get("/api/v1/comparison-groups/ny").statusCode()).isEqualTo(404);
        assertThat(group("smaa", "Igen", "a").status()).isEqualTo(400);
        assertThat(post("/api/v1/comparison-groups", "application/json", "{\"slug\":\"x\",\"name\":\"X\",\"members\":[]}", null).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/comparison-groups", "application/json", "{\"slug\":\"x\",\"name\":\"X\",\"members\":[]}", INGEST_TOKEN)
                .statusCode()).isEqualTo(403);
        // Changing the members replaces them, and the change is in the audit log with before and after.
        var changed = put("/api/v1/comparison-groups/smaa", "application/json",
                "{\"name\":\"Små kommuner\",\"members\":[\"c\",\"e\"]}", ADMIN_TOKEN);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(get("/api/v1/comparison-groups/smaa")).get("members").toString()).isEqualTo("[\"c\",\"e\"]");
        var log = json(send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/audit")).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET().build()));
        assertThat(log.get(0).get("path").asString()).isEqualTo("/api/v1/comparison-groups/smaa");
        assertThat(log.get(0).get("changes").asString()).contains("comparison_group").contains("\"a\"").contains("\"e\"");
        // The group as open data: one row per member.
        JsonNode data = json(get("/data/sammenligningsgrupper.json"));
        assertThat(data.size()).isEqualTo(2);
        assertThat(data.get(0).get("group").asString()).isEqualTo("smaa");
        assertThat(get("/data/skema/sammenligningsgrupper.json").statusCode()).isEqualTo(200);
        assertThat(delete("/api/v1/comparison-groups/smaa", ADMIN_TOKEN).statusCode()).isEqualTo(204);
        assertThat(json(get("/api/v1/comparison-groups")).size()).isZero();
    }
}
