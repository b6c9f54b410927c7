package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.ClosingDays;
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

/** The comparison page on a phone, 390 CSS pixels wide, in real headless Chromium. */
class ComparisonPhoneBrowserIT extends IntegrationTest {

    private static final String KEY = "servicemaal-byggetilladelse";

    @Autowired
    CatalogueService catalogue;

    private WebDriver browser;

    @BeforeEach
    void fixture() {
        String[][] municipalities = {{"ringkoebing-skjern-kommune", "Ringkøbing-Skjern Kommune", "4"}, {"bornholms-regionskommune",
                "Bornholms Regionskommune", "12"}, {"lyngby-taarbaek-kommune", "Lyngby-Taarbæk Kommune", "25"}};
        int n = 0;
        for (String[] m : municipalities) {
            catalogue.createOrganisation(new CatalogueService.NewOrganisation(null, "municipality", m[0], m[1], ClosingDays.NONE, "hovedstaden"));
            catalogue.createCaseType(m[0], new CatalogueService.NewCaseType("byggeri", "Byggeri", "byggetilladelse",
                    "Byggetilladelse (fuldt oplyst ansøgning)", "received", true));
            var goal = post("/api/v1/goals", "application/json", """
                    {"organisation":"%s","caseType":"byggetilladelse","indicatorKey":"%s","sentence":"Hurtige byggetilladelser",
                     "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"mean","dayUnit":"calendar"},
                     "periodKind":"year","targets":[{"period":"2025","value":%s}],
                     "scale":{"kind":"binary","basis":"percent_of_target","comparator":"<=","threshold":100}}""".formatted(m[0], KEY, m[2]),
                    ADMIN_TOKEN);
            assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
            var events = post("/api/v1/case-events", "text/csv", Fixtures.HEADER + Fixtures.caseRows(m[0], "byggetilladelse", m[0] + "-1",
                    "2025-03-03T09:00", "2025-03-" + (13 + n++) + "T09:00"), INGEST_TOKEN);
            assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        }
        browser = Browser.open();
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    @SuppressWarnings("unchecked")
    private List<String> violations(String path) {
        browser.get(base() + path);
        try {
            ((JavascriptExecutor) browser).executeScript(java.nio.file.Files.readString(java.nio.file.Path.of("node_modules/axe-core/axe.min.js")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return (List<String>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' – ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));""");
    }

    @Test
    void theComparisonWithAGroupTheChartAndTheOrganisationsLinkHaveNoAccessibilityViolations() {
        jdbc.sql("truncate comparison_group restart identity cascade").update();
        var group = post("/api/v1/comparison-groups", "application/json", """
                {"slug":"landkommuner","name":"Landkommuner","members":["ringkoebing-skjern-kommune","bornholms-regionskommune"]}""", ADMIN_TOKEN);
        assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
        List<String> all = new java.util.ArrayList<>();
        for (String path : List.of("/sammenligning/" + KEY + "?periode=2025&gruppe=landkommuner",
                "/sammenligning/" + KEY + "?periode=2025&gruppe=landkommuner&lang=en", "/sammenligning/" + KEY + "?periode=2025",
                "/sammenligning", "/organisationer/bornholms-regionskommune")) {
            violations(path).forEach(v -> all.add(path + " → " + v));
        }
        assertThat(all).isEmpty();
        // The organisation page's link leads to the comparison within its group.
        browser.get(base() + "/organisationer/bornholms-regionskommune");
        browser.findElement(By.cssSelector(".peer-links a")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/sammenligning/" + KEY + "?gruppe=landkommuner");
        assertThat(browser.findElements(By.cssSelector(".comparison-table tbody tr"))).hasSize(2);
    }

    @Test
    void atPhoneWidthEveryStatusIsOnScreenWithoutSidewaysScrollingAndTheChartTextIsAtLeast12Px() {
        browser.get(base() + "/sammenligning/" + KEY + "?periode=2025");
        assertThat(((Number) script("return window.innerWidth")).intValue()).isEqualTo(390);
        // Nothing makes the page wider than the screen.
        assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        List<WebElement> statuses = browser.findElements(By.cssSelector(".comparison-table td.comparison-status .status__text"));
        assertThat(statuses).hasSize(3);
        for (WebElement status : statuses) {
            assertThat(status.isDisplayed()).isTrue();
            assertThat(status.getText()).isIn("Opfyldt", "Ikke opfyldt");
            @SuppressWarnings("unchecked")
            Map<String, Object> rect = (Map<String, Object>) script(
                    "const r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right};", status);
            assertThat(((Number) rect.get("left")).doubleValue()).as(status.getText()).isGreaterThanOrEqualTo(0);
            assertThat(((Number) rect.get("right")).doubleValue()).as(status.getText()).isLessThanOrEqualTo(390);
        }
        // Every text in the chart is drawn at 12 px or more (the SVG is not scaled down), and inside the screen.
        List<WebElement> texts = browser.findElements(By.cssSelector("svg.comparison-chart text"));
        assertThat(texts).isNotEmpty();
        for (WebElement text : texts) {
            double height = ((Number) script("const s = getComputedStyle(arguments[0]).fontSize;"
                    + "const m = arguments[0].ownerSVGElement.getScreenCTM(); return parseFloat(s) * m.a;", text)).doubleValue();
            assertThat(height).as(text.getText()).isGreaterThanOrEqualTo(12);
            @SuppressWarnings("unchecked")
            Map<String, Object> rect = (Map<String, Object>) script(
                    "const r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right};", text);
            assertThat(((Number) rect.get("left")).doubleValue()).as(text.getText()).isGreaterThanOrEqualTo(0);
            assertThat(((Number) rect.get("right")).doubleValue()).as(text.getText()).isLessThanOrEqualTo(390);
        }
    }
}
