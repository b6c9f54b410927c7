package dk.klaremaal.communication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Browser;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The screen page in headless Chromium: it shows the expected time and updates itself when new data arrive. */
class ScreenBrowserIT extends IntegrationTest {

    @Autowired
    CatalogueService catalogue;

    private WebDriver browser;

    @BeforeEach
    void setUp() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        put("/api/v1/organisations/testens-styrelse/case-types/tilladelse/expected-time-settings", "application/json",
                "{\"minCases\":1}", ADMIN_TOKEN);
        browser = Browser.open();
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void decidedCase(String id, LocalDate received, int days) {
        var response = post("/api/v1/case-events", "text/csv", Fixtures.HEADER + Fixtures.caseRows("testens-styrelse", "tilladelse", id,
                received + "T09:00", received.plusDays(days) + "T09:00"), INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void theScreenRefreshesWithoutReloadingWhenNewCasesAreDecided() {
        LocalDate recent = LocalDate.now().minusDays(20);
        decidedCase("A", recent, 4);
        browser.get(base() + "/skaerm/testens-styrelse?interval=10");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).contains("Testens Styrelse");
        assertThat(browser.findElement(By.cssSelector(".screen-days")).getText()).isEqualTo("4 dage");
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

        // Four more cases of 9 days: 80 % (4th of 5) is now 9 days.
        for (String id : new String[]{"B", "C", "D", "E"}) {
            decidedCase(id, recent, 9);
        }
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.cssSelector(".screen-days")).getText().equals("9 dage"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("a, button, input"))).as("nothing to click or type into").isEmpty();
        // The note that the connection is lost is in the page's language and shows only when it is.
        assertThat(browser.findElement(By.cssSelector(".screen-stale-note")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".screen-stale-note")).getDomProperty("textContent"))
                .isEqualTo("– forbindelsen er afbrudt, viser seneste data");
    }
}
