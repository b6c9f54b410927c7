package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Browser;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** The public pages on a phone 390 px wide, in real headless Chromium. */
class PhoneWidthBrowserIT extends IntegrationTest {

    private static final int WIDTH = 390;

    @Autowired
    CatalogueService catalogue;

    private WebDriver browser;

    @BeforeEach
    void phone() {
        browser = Browser.open();
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void goalsWithResults() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        String[][] goals = {
                {"T1", "Testens Styrelse har et mål om, at tilladelser til virksomheder i gennemsnit gives på højst 15 kalenderdage.", "15"},
                {"T2", "Testens Styrelse har et mål om, at tilladelser i gennemsnit gives på højst 11 dage, også i de travle måneder.", "11"},
                {"T3", "Testens Styrelse har et mål om, at sagsbehandlingstiden for tilladelser holdes under 30 dage.", "30"}};
        for (String[] g : goals) {
            var created = post("/api/v1/goals", "application/json", """
                    {"organisation":"testens-styrelse","caseType":"tilladelse","code":"%s","sentence":"%s","dimension":"faglig_kvalitet",
                     "indicator":{"kind":"processing_time","statistic":"mean","dayUnit":"calendar"},
                     "targets":[{"period":"2024","value":%s},{"period":"2025","value":%s}],
                     "scale":{"kind":"traffic_light","direction":"lower_is_better","levels":[
                       {"status":"satisfactory","upper":{"value":%s,"inclusive":true}},
                       {"status":"on_the_way","lower":{"value":%s,"inclusive":false},"upper":{"value":20,"inclusive":true}},
                       {"status":"unsatisfactory","lower":{"value":20,"inclusive":false}}]}}"""
                    .formatted(g[0], g[1], g[2], g[2], Math.min(Integer.parseInt(g[2]), 19), Math.min(Integer.parseInt(g[2]), 19)), ADMIN_TOKEN);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        // 2024: 10 and 14 days (mean 12); 2025: 16 and 18 days (mean 17): two periods, so every goal has a sparkline.
        var ingested = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "A", "2024-02-01T09:00", "2024-02-11T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "B", "2024-03-01T09:00", "2024-03-15T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "C", "2025-02-03T09:00", "2025-02-19T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "D", "2025-03-03T09:00", "2025-03-21T09:00"), INGEST_TOKEN);
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
    }

    private long scrollWidth() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
    }

    /** The elements that reach past the screen's right edge, to name them when the page is too wide. */
    private Object overflowing() {
        return ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('body *'))
                  .filter(e => e.getBoundingClientRect().right > window.innerWidth)
                  .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 20);""");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> rect(WebElement element) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const r = arguments[0].getBoundingClientRect();
                return {left: r.left, right: r.right, width: r.width, height: r.height};""", element);
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void theStatusOfEveryGoalIsVisibleWithoutSidewaysScrolling() {
        browser.get(base() + "/organisationer/testens-styrelse");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.innerWidth")).isEqualTo((long) WIDTH);
        assertThat(scrollWidth()).as("page width at %d px: %s", WIDTH, overflowing()).isLessThanOrEqualTo(WIDTH);
        List<WebElement> rows = browser.findElements(By.cssSelector(".goals-table tbody tr"));
        long published = jdbc.sql("select count(*) from goal where state = 'published'").query(Long.class).single();
        assertThat(rows).hasSize((int) published).hasSize(3);
        for (WebElement row : rows) {
            WebElement status = row.findElement(By.cssSelector(".status"));
            assertThat(status.isDisplayed()).isTrue();
            assertThat(status.findElement(By.cssSelector(".status__text")).getText()).isIn("Tilfredsstillende", "På vej", "Utilfredsstillende");
            Map<String, Object> r = rect(status);
            assertThat(number(r.get("width"))).isPositive();
            assertThat(number(r.get("left"))).as("status left edge").isGreaterThanOrEqualTo(0);
            assertThat(number(r.get("right"))).as("status right edge").isLessThanOrEqualTo(WIDTH);
        }
        // The statuses as worked out: 2025's mean of 17 days against ≤ 15 (then ≤ 20), ≤ 11 (then ≤ 20) and ≤ 19 (then ≤ 20).
        assertThat(rows.stream().map(r -> r.findElement(By.cssSelector(".status__text")).getText()).toList())
                .containsExactlyInAnyOrder("På vej", "På vej", "Tilfredsstillende");
    }

    @Test
    void chartTextIsAtLeast12PixelsAndTheReportFitsTheScreen() {
        long id = jdbc.sql("select id from goal where code = 'T1'").query(Long.class).single();
        browser.get(base() + "/maal/" + id);
        assertThat(scrollWidth()).as("goal page: %s", overflowing()).isLessThanOrEqualTo(WIDTH);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> texts = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('svg text'))
                  .filter(t => t.getClientRects().length > 0)
                  .map(t => ({text: t.textContent,
                              px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
                              right: t.getBoundingClientRect().right}));""");
        assertThat(texts).as("chart texts shown").hasSizeGreaterThan(5);
        for (Map<String, Object> t : texts) {
            assertThat(number(t.get("px"))).as("size of '%s'", t.get("text")).isGreaterThanOrEqualTo(12);
            assertThat(number(t.get("right"))).as("right edge of '%s'", t.get("text")).isLessThanOrEqualTo(WIDTH);
        }

        browser.get(base() + "/rapporter/testens-styrelse/2025");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Testens Styrelse");
        assertThat(scrollWidth()).as("report width at %d px: %s", WIDTH, overflowing()).isLessThanOrEqualTo(WIDTH);
        for (WebElement status : browser.findElements(By.cssSelector(".report .status-cell span"))) {
            assertThat(number(rect(status).get("right"))).isLessThanOrEqualTo(WIDTH);
        }
    }

    @Autowired
    dk.klaremaal.demo.DemoSeed seed;

    private long goalOf(String organisation, String code) {
        return jdbc.sql("select g.id from goal g join organisation o on o.id = g.organisation_id where o.slug = ? and g.code = ?")
                .params(organisation, code).query(Long.class).single();
    }

    /** The goal page is no wider than the screen; each of its tables sits in a labelled, focusable region that scrolls. */
    private void goalPageFits(long goal, String table) {
        browser.get(base() + "/maal/" + goal);
        assertThat(browser.findElements(By.cssSelector("table." + table))).as(table + " on goal " + goal).hasSize(1);
        assertThat(scrollWidth()).as("goal page with %s: %s", table, overflowing()).isLessThanOrEqualTo(WIDTH);
        for (WebElement t : browser.findElements(By.cssSelector("main table"))) {
            WebElement region = t.findElement(By.xpath(".."));
            assertThat(region.getAttribute("class")).as("container of " + t.getAttribute("class")).contains("table-scroll");
            assertThat(region.getAttribute("tabindex")).isEqualTo("0");
            assertThat(region.getAttribute("role")).isEqualTo("region");
            assertThat(region.getAttribute("aria-label")).isNotBlank();
            assertThat(number(rect(region).get("right"))).as("right edge of the region of " + t.getAttribute("class")).isLessThanOrEqualTo(WIDTH);
        }
    }

    @Test
    void everyTableOnTheGoalPageFitsTheScreen() {
        seed.define();
        // A service-goal goal on two case types (wide table: name, service goal, cases, share, mean).
        catalogue.createCaseType("testens-styrelse", new CatalogueService.NewCaseType("tilladelser", "Tilladelser", "miljoe",
                "Miljøgodkendelse af husdyrbrug og virksomheder, bilag 1 og 2", "received", true));
        for (String[] g : new String[][]{{"tilladelse", "15"}, {"miljoe", "130"}}) {
            var set = put("/api/v1/organisations/testens-styrelse/case-types/" + g[0] + "/service-goal", "application/json",
                    "{\"days\":" + g[1] + "}", ADMIN_TOKEN);
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        }
        var created = post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","code":"SG","sentence":"Tilladelser gives inden for deres servicemål.","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"service_goal","statistic":"share_within","valueUnit":"percent","dayUnit":"calendar","service":"tilladelser"},
                 "periodKind":"year","scale":{"kind":"binary","comparator":">=","threshold":80}}""", ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // A reported value with a long note, and its correction.
        var reported = post("/api/v1/reported-values", "text/csv", "organisation,series,period,value,reported_by,note\n"
                + "arbejdsskadestyrelsen,netkroner,2025,4,Kommunikationschefen i Arbejdsskadestyrelsen,Første opgørelse fra bedst på nettet\n"
                + "arbejdsskadestyrelsen,netkroner,2024,5,Kommunikationschefen i Arbejdsskadestyrelsen,Rettet efter den endelige opgørelse\n",
                INGEST_TOKEN);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);

        goalPageFits(goalOf("testens-styrelse", "SG"), "service-goal-table");
        assertThat(browser.findElements(By.cssSelector(".service-goal-table tbody tr"))).hasSize(2);
        goalPageFits(goalOf("arbejdsskadestyrelsen", "S18"), "reported-table");
        goalPageFits(goalOf("statens-administration", "A"), "milestones-table");
    }

    @Test
    void theHeaderHasTheContentsSidePadding() {
        browser.get(base() + "/organisationer/testens-styrelse");
        double name = number(rect(browser.findElement(By.cssSelector(".site-name"))).get("left"));
        double content = number(rect(browser.findElement(By.cssSelector("main h1"))).get("left"));
        assertThat(name).as("left edge of the site name").isGreaterThanOrEqualTo(16).isEqualTo(content);
        double english = number(rect(browser.findElement(By.cssSelector(".language-switch"))).get("right"));
        assertThat(english).as("right edge of the language link").isLessThanOrEqualTo(WIDTH - 16);
    }

    @Test
    void theFrontPageFitsTheScreen() {
        browser.get(base() + "/?q=tilladelse");
        assertThat(browser.findElements(By.cssSelector(".organisation-entry"))).hasSize(1);
        assertThat(scrollWidth()).as("front page: %s", overflowing()).isLessThanOrEqualTo(WIDTH);
    }
}
