package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.CatalogueService.NewCaseType;
import dk.klaremaal.catalogue.CatalogueService.NewOrganisation;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The front page's search, filters and status overview, checked against the catalogue and the results API. */
class FrontPageIT extends IntegrationTest {

    private static final Pattern ENTRY = Pattern.compile("data-slug=\"([a-z0-9-]+)\"");

    @Autowired
    CatalogueService catalogue;

    @BeforeEach
    void catalogue() {
        municipality("aabenraa-kommune", "Aabenraa Kommune", "syddanmark");
        municipality("aeroe-kommune", "Ærø Kommune", "syddanmark");
        municipality("vejle-kommune", "Vejle Kommune", "syddanmark");
        municipality("aalborg-kommune", "Aalborg Kommune", "nordjylland");
        catalogue.createCaseType("aabenraa-kommune", new NewCaseType("byggeri", "Byggeri", "byggetilladelse",
                "Byggetilladelse (fuldt oplyst ansøgning)", "completed", true));
        catalogue.createCaseType("aeroe-kommune", new NewCaseType("miljoe", "Miljø", "miljoegodkendelse",
                "Miljøgodkendelse af virksomhed", "completed", true));
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        catalogue.createCaseType("testens-styrelse", new NewCaseType("klager", "Klager", "klage", "Klage", "received", true));
    }

    private void municipality(String slug, String name, String region) {
        catalogue.createOrganisation(new NewOrganisation(null, "municipality", slug, name, ClosingDays.NONE, region));
    }

    /** Fresh pages: a request that chooses the language is never served from the page cache. */
    private String page(String query) {
        HttpResponse<String> response = get("/?lang=da" + (query.isEmpty() ? "" : "&" + query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> slugs(String html) {
        List<String> slugs = new ArrayList<>();
        Matcher m = ENTRY.matcher(html);
        while (m.find()) {
            slugs.add(m.group(1));
        }
        return slugs;
    }

    /** The part of the page about one organisation, up to the next one. */
    private static String entry(String html, String slug) {
        int start = html.indexOf("data-slug=\"" + slug + "\"");
        assertThat(start).as("%s is on the page", slug).isNotNegative();
        Matcher next = ENTRY.matcher(html);
        int end = next.find(start + 10) ? next.start() : html.length();
        return html.substring(start, end);
    }

    private static long count(String part, String cssClass) {
        Matcher m = Pattern.compile(cssClass + "[^>]*data-count=\"(\\d+)\"").matcher(part);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long national(String html, String which) {
        Matcher m = Pattern.compile("class=\"national-" + which + "\">(\\d+)<").matcher(html);
        assertThat(m.find()).as("national %s", which).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void searchFindsOrganisationsServicesAndCaseTypesAndSaysWhatMatched() {
        String building = page(q("byggetilladelse"));
        assertThat(slugs(building)).containsExactly("aabenraa-kommune");
        assertThat(entry(building, "aabenraa-kommune")).contains("data-match=\"case_type\"").contains("Sagstype: ")
                .contains("Byggetilladelse (fuldt oplyst ansøgning)");

        // Upper case, Danish letters: "MILJØ" is both Ærø's service and part of its case type's name.
        String environment = page(q("MILJØ"));
        assertThat(slugs(environment)).containsExactly("aeroe-kommune");
        assertThat(entry(environment, "aeroe-kommune")).contains("data-match=\"service\"").contains("data-match=\"case_type\"");

        assertThat(slugs(page(q("ærø")))).containsExactly("aeroe-kommune");
        assertThat(entry(page(q("ærø")), "aeroe-kommune")).contains("data-match=\"organisation\"");
        // "Aa" is "Å": the modern spelling finds the old one.
        assertThat(slugs(page(q("Åbenrå")))).containsExactly("aabenraa-kommune");
        // One search over all: every organisation whose name holds "kommune", in Danish order.
        List<String> expected = jdbc.sql("select slug from organisation where name ilike '%kommune%' order by name collate \"da-x-icu\"")
                .query(String.class).list();
        assertThat(slugs(page(q("kommune")))).isEqualTo(expected).hasSize(4);
        assertThat(page(q("ingen-saadan-myndighed"))).contains("Ingen myndigheder passer på søgningen.");
    }

    @Test
    void filtersByKindAndRegionAgreeWithTheCatalogue() {
        String syd = page("art=municipality&region=syddanmark");
        List<String> expected = jdbc.sql("""
                        select slug from organisation where kind = 'municipality' and region = 'syddanmark'
                        order by name collate "da-x-icu\"""").query(String.class).list();
        assertThat(slugs(syd)).isEqualTo(expected).containsExactly("vejle-kommune", "aeroe-kommune", "aabenraa-kommune");
        assertThat(syd).contains("Myndigheder fundet: 3");
        assertThat(slugs(page("art=agency"))).containsExactly("testens-styrelse");
        assertThat(slugs(page("region=nordjylland"))).containsExactly("aalborg-kommune");
        assertThat(slugs(page("region=syddanmark&" + q("byg")))).containsExactly("aabenraa-kommune");
        // Without a search or filter, every organisation, in Danish order.
        assertThat(slugs(page(""))).isEqualTo(jdbc.sql("select slug from organisation order by name collate \"da-x-icu\"")
                .query(String.class).list());
    }

    @Test
    void searchAndFiltersAreKeptApartInThePageCache() {
        assertThat(slugs(get("/?" + q("ærø")).body())).containsExactly("aeroe-kommune");
        assertThat(slugs(get("/?" + q("vejle")).body())).containsExactly("vejle-kommune");
        assertThat(slugs(get("/?art=agency").body())).containsExactly("testens-styrelse");
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        HttpResponse<String> kind = get("/?art=slot");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("art");
        HttpResponse<String> region = get("/?region=fyn");
        assertThat(region.statusCode()).isEqualTo(400);
        assertThat(region.body()).contains("region");
        HttpResponse<String> tooLong = get("/?" + q("x".repeat(FrontPage.MAX_QUERY + 1)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("q");
    }

    private void goal(String code, String caseType, String scale) {
        var created = post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","caseType":"%s","code":"%s","sentence":"Mål %s.","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"processing_time","statistic":"mean","dayUnit":"calendar"},
                 "targets":[{"period":"2024","value":15},{"period":"2025","value":15}],
                 "scale":%s}""".formatted(caseType, code, code, scale), ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private void recompute() {
        var run = post("/api/v1/results/recomputations", "application/json", "", ADMIN_TOKEN);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    }

    /** Met, partly met, not met and unassessed, counted from every published goal's results as the API gives them. */
    private long[] countedThroughTheApi() {
        long[] counts = new long[4];
        for (long id : jdbc.sql("select id from goal where state = 'published' and superseded_at is null").query(Long.class).list()) {
            JsonNode latest = null;
            for (JsonNode r : json(get("/api/v1/goals/" + id + "/results")).get("results")) {
                if (!r.get("value").isNull()) {
                    latest = r;
                }
            }
            String status = latest == null || latest.get("status").isNull() ? "" : latest.get("status").asString();
            switch (status) {
                case "met", "satisfactory" -> counts[0]++;
                case "partly_met", "on_the_way" -> counts[1]++;
                case "not_met", "unsatisfactory" -> counts[2]++;
                default -> counts[3]++;
            }
        }
        return counts;
    }

    @Test
    void theOverviewCountsTheStoredLatestStatusesOfEachOrganisationAndTheCountry() {
        goal("G1", "tilladelse", "{\"kind\":\"binary\",\"comparator\":\"<=\",\"threshold\":15}");
        goal("G2", "tilladelse", "{\"kind\":\"binary\",\"comparator\":\"<=\",\"threshold\":11}");
        goal("G3", "tilladelse", """
                {"kind":"traffic_light","direction":"lower_is_better","levels":[
                  {"status":"satisfactory","upper":{"value":10,"inclusive":true}},
                  {"status":"on_the_way","lower":{"value":10,"inclusive":false},"upper":{"value":13,"inclusive":true}},
                  {"status":"unsatisfactory","lower":{"value":13,"inclusive":false}}]}""");
        goal("G4", "klage", "{\"kind\":\"binary\",\"comparator\":\"<=\",\"threshold\":15}");
        // 2024: 10 and 14 days → mean 12: G1 (≤ 15) met, G2 (≤ 11) not met, G3 (10–13) on the way; G4 has no cases.
        var ingested = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "A", "2024-02-01T09:00", "2024-02-11T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "B", "2024-03-01T09:00", "2024-03-15T09:00"), INGEST_TOKEN);
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);

        // Nothing stored yet: every goal is without an assessment, and the page says the results are not computed.
        String before = page("");
        assertThat(national(before, "unassessed")).isEqualTo(4);
        assertThat(before).contains("Resultaterne er ikke opgjort endnu.");

        recompute();
        String html = page("");
        String agency = entry(html, "testens-styrelse");
        assertThat(new long[] {count(agency, "overview-met"), count(agency, "overview-partly"), count(agency, "overview-notmet"),
                count(agency, "overview-unassessed")}).containsExactly(1, 1, 1, 1);
        assertThat(agency).contains("1 opfyldt").contains("1 delvist opfyldt").contains("1 ikke opfyldt").contains("1 uden vurdering");
        assertThat(entry(html, "vejle-kommune")).contains("Ingen offentliggjorte mål");
        long[] api = countedThroughTheApi();
        assertThat(new long[] {national(html, "met"), national(html, "partly"), national(html, "notmet"), national(html, "unassessed")})
                .containsExactly(api);
        assertThat(national(html, "goals")).isEqualTo(jdbc.sql("select count(*) from goal where state = 'published' and superseded_at is null")
                .query(Long.class).single());
        assertThat(html).containsPattern("Resultaterne er opgjort \\d{1,2}\\. [a-z]+ \\d{4}\\.");

        // 2025: one case of 5 days → all three measured goals are met in their latest period. The page keeps showing what was
        // stored until the results are stored again.
        ingested = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "C", "2025-02-03T09:00", "2025-02-08T09:00"), INGEST_TOKEN);
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
        assertThat(count(entry(page(""), "testens-styrelse"), "overview-met")).isEqualTo(1);
        recompute();
        String after = entry(page(""), "testens-styrelse");
        assertThat(new long[] {count(after, "overview-met"), count(after, "overview-partly"), count(after, "overview-notmet"),
                count(after, "overview-unassessed")}).containsExactly(3, 0, 0, 1);
        assertThat(new long[] {national(page(""), "met"), national(page(""), "partly"), national(page(""), "notmet"),
                national(page(""), "unassessed")}).containsExactly(countedThroughTheApi());
    }
}
