package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Browser;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Loads the public pages in real headless Chromium. */
class PublicPagesBrowserIT extends IntegrationTest {

    private static final String SENTENCE = "Testens Styrelse har et mål om, at tilladelser i gennemsnit gives på 15 dage.";

    @Autowired
    CatalogueService catalogue;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void goalWithResults() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        var created = post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","caseType":"tilladelse","code":"T1","sentence":"%s","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"processing_time","statistic":"mean","dayUnit":"calendar"},
                 "targets":[{"period":"2024","value":15}],
                 "scale":{"kind":"binary","comparator":"<=","threshold":15}}""".formatted(SENTENCE), ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // 2024: 10 and 14 days → mean 12, met.
        var ingested = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "A", "2024-02-01T09:00", "2024-02-11T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "B", "2024-03-01T09:00", "2024-03-15T09:00"), INGEST_TOKEN);
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
    }

    @Test
    void theOrganisationPageShowsTheGoalWithItsStatusInTextAndSymbol() {
        browser.get(base() + "/");
        browser.findElement(By.linkText("Testens Styrelse")).click();

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Testens Styrelse");
        WebElement row = browser.findElement(By.cssSelector(".goals-table tbody tr"));
        assertThat(row.getText()).contains(SENTENCE).contains("2024").contains("12,0 dage");
        assertThat(row.findElement(By.cssSelector(".status__text")).getText()).isEqualTo("Opfyldt");
        assertThat(row.findElement(By.cssSelector(".status__symbol")).getText()).isEqualTo("✓");

        row.findElement(By.linkText(SENTENCE)).click();
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo(SENTENCE);
        assertThat(browser.findElement(By.cssSelector(".scale-table")).getText()).contains("højst 15 dage").contains("over 15 dage");
        WebElement result2024 = browser.findElements(By.cssSelector(".results-table tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().equals("2024")).findFirst().orElseThrow();
        assertThat(result2024.getText()).contains("12,0 dage").contains("Opfyldt");
    }
}
