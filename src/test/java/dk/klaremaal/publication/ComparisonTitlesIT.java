package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Comparisons of service goals are named by their service and statistic, no two comparisons share a title, and a
 * comparison or report for a period the platform does not cover is refused (400 for the comparison's parameter, 404
 * for a report that does not exist).
 */
class ComparisonTitlesIT extends IntegrationTest {

    static final String BUILDING_SHARE = "servicemaal-byggesager-andel";
    static final String BUILDING_MEAN = "servicemaal-byggesager-gennemsnit";
    static final String ENVIRONMENT_SHARE = "servicemaal-miljoegodkendelser-andel";

    @Autowired
    CatalogueService catalogue;

    @Autowired
    ComparisonService comparisons;

    @BeforeEach
    void twoMunicipalitiesWithTheDemosServiceGoals() {
        for (String slug : new String[]{"aby-kommune", "bby-kommune"}) {
            catalogue.createOrganisation(new CatalogueService.NewOrganisation(null, "municipality", slug, slug.toUpperCase(), ClosingDays.NONE,
                    "hovedstaden"));
            catalogue.createCaseType(slug, new CatalogueService.NewCaseType("byggeri", "Byggesager", "enfamiliehus", "Enfamiliehuse",
                    "received", true));
            catalogue.createCaseType(slug, new CatalogueService.NewCaseType("miljoe", "Miljøgodkendelser", "bilag-2", "Bilag 2-virksomheder",
                    "received", false));
            for (String type : new String[]{"enfamiliehus", "bilag-2"}) {
                var set = put("/api/v1/organisations/" + slug + "/case-types/" + type + "/service-goal", "application/json", "{\"days\":40}",
                        ADMIN_TOKEN);
                assertThat(set.statusCode()).as(set.body()).isBetween(200, 204);
            }
            goal(slug, "byggeri", "share_within", "percent", ">=", "80", BUILDING_SHARE);
            goal(slug, "byggeri", "mean", "days", "<=", "50", BUILDING_MEAN);
            goal(slug, "miljoe", "share_within", "percent", ">=", "80", ENVIRONMENT_SHARE);
        }
    }

    private void goal(String slug, String service, String statistic, String unit, String comparator, String threshold, String key) {
        var created = post("/api/v1/goals", "application/json", """
                {"organisation":"%s","sentence":"Sager afgøres inden for deres servicemål.","dimension":"faglig_kvalitet","indicatorKey":"%s",
                 "indicator":{"kind":"service_goal","statistic":"%s","valueUnit":"%s","dayUnit":"calendar","service":"%s"},
                 "periodKind":"year","scale":{"kind":"binary","comparator":"%s","threshold":%s}}"""
                .formatted(slug, key, statistic, unit, service, comparator, threshold), ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void serviceGoalComparisonsNameTheServiceAndNoTwoShareATitle() {
        Map<String, String> titles = comparisons.titles();
        assertThat(titles).containsEntry(BUILDING_SHARE, "Byggesager: andel afgjort inden for servicemålet")
                .containsEntry(ENVIRONMENT_SHARE, "Miljøgodkendelser: andel afgjort inden for servicemålet")
                .containsEntry(BUILDING_MEAN, "Byggesager: gennemsnitlig sagsbehandlingstid");
        assertThat(new HashSet<>(titles.values())).hasSameSizeAs(titles.values());

        String index = get("/sammenligning").body();
        assertThat(index).contains(">Byggesager: andel afgjort inden for servicemålet</a>")
                .contains(">Miljøgodkendelser: andel afgjort inden for servicemålet</a>")
                .contains(">Byggesager: gennemsnitlig sagsbehandlingstid</a>");

        String page = get("/sammenligning/" + ENVIRONMENT_SHARE).body();
        assertThat(page).contains("<span lang=\"da\">Miljøgodkendelser: andel afgjort inden for servicemålet</span></h1>");
        assertThat(page.split("<h1", -1)).hasSize(2);
    }

    @Test
    void aComparisonPeriodOutsideTheYearsOrAfterTheCurrentOneIsA400NamingTheParameter() {
        int next = LocalDate.now(ZoneId.of("Europe/Copenhagen")).getYear() + 1;
        for (String period : new String[]{"1800", "0000", "9999", "1989", "2101", String.valueOf(next)}) {
            for (String address : new String[]{"/sammenligning/" + BUILDING_SHARE, "/data/sammenligning/" + BUILDING_SHARE + ".csv"}) {
                HttpResponse<String> answer = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + address + "?periode=" + period))
                        .header("Accept", "application/json").GET().build());
                assertThat(answer.statusCode()).as(address + " " + period + ": " + answer.body()).isEqualTo(400);
                assertThat(json(answer).get("errors").get(0).get("field").asString()).isEqualTo("periode");
            }
        }
        assertThat(get("/sammenligning/" + BUILDING_SHARE + "?periode=1990").statusCode()).isEqualTo(200);
        assertThat(get("/sammenligning/" + BUILDING_SHARE + "?periode=" + (next - 1)).statusCode()).isEqualTo(200);
    }

    @Test
    void aReportForAPeriodOutsideTheYearsOrAfterTheCurrentOneDoesNotExist() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        String nextQuarter = quarter == 4 ? (today.getYear() + 1) + "-Q1" : today.getYear() + "-Q" + (quarter + 1);
        for (String period : new String[]{"0000", "1800", "9999", "1989", String.valueOf(today.getYear() + 1), nextQuarter}) {
            assertThat(get("/rapporter/aby-kommune/" + period).statusCode()).as(period).isEqualTo(404);
            assertThat(get("/rapporter/aby-kommune/" + period + ".pdf").statusCode()).as(period).isEqualTo(404);
            assertThat(get("/data/rapporter/aby-kommune/" + period + ".csv").statusCode()).as(period).isEqualTo(404);
        }
        assertThat(get("/rapporter/aby-kommune/1990").statusCode()).isEqualTo(200);
        assertThat(get("/rapporter/aby-kommune/" + today.getYear()).statusCode()).isEqualTo(200);
        assertThat(get("/rapporter/aby-kommune/" + today.getYear() + "-Q" + quarter).statusCode()).isEqualTo(200);
    }
}
