package dk.klaremaal.communication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Browser;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** Editing a receipt-letter template in the browser, with the live preview and the placeholder check. */
class LetterEditorBrowserIT extends IntegrationTest {

    @Autowired
    CatalogueService catalogue;

    private WebDriver browser;

    @BeforeEach
    void setUp() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        browser = Browser.open();
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @Test
    void thePreviewFollowsTheTextAndAnUnknownPlaceholderIsShownAndNotSaved() {
        var stated = put("/api/v1/organisations/testens-styrelse/case-types/tilladelse/stated-time", "application/json",
                "{\"days\":20,\"statedBy\":\"Test\"}", ADMIN_TOKEN);
        assertThat(stated.statusCode()).as(stated.body()).isEqualTo(200);
        browser.get(base() + "/redigering/breve?organisation=testens-styrelse");
        waiting().until(d -> d.findElement(By.cssSelector("#case-type option")) != null);
        browser.findElement(By.id("token")).sendKeys(ADMIN_TOKEN);
        browser.findElement(By.id("subject")).sendKeys("Kvittering for sag {{case_number}}");
        WebElement body = browser.findElement(By.id("body"));
        body.sendKeys("Kære {{applicant_name}}\n\nVi svarer inden {{expected_date}}.");
        waiting().until(d -> d.findElement(By.id("preview")).getText().contains("Kære Anne Eksempel"));
        assertThat(browser.findElement(By.id("preview")).getText()).contains("Kvittering for sag 2025-00123");

        body.sendKeys(" {{ansoeger}}");
        waiting().until(d -> d.findElement(By.id("body-error")).getText().contains("unknown placeholder {{ansoeger}}"));
        browser.findElement(By.id("updated-by")).sendKeys("Jens Jørgensen");
        browser.findElement(By.id("save")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("ikke gemt"));
        assertThat(json(get("/api/v1/organisations/testens-styrelse/case-types/tilladelse/letter-templates")).size()).isZero();

        body.clear();
        body.sendKeys("Kære {{applicant_name}}");
        browser.findElement(By.id("save")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("Skabelonen er gemt"));
        var saved = json(get("/api/v1/organisations/testens-styrelse/case-types/tilladelse/letter-templates")).get(0);
        assertThat(saved.get("body").asString()).isEqualTo("Kære {{applicant_name}}");
        assertThat(saved.get("updatedBy").asString()).isEqualTo("Jens Jørgensen (token:admin)");
    }

    @Test
    void aCaseTypeWithoutExpectedTimeIsWarnedOfBeforeSaving() {
        browser.get(base() + "/redigering/breve?organisation=testens-styrelse");
        waiting().until(d -> d.findElement(By.cssSelector("#case-type option")) != null);
        WebElement warning = browser.findElement(By.id("expected-unknown"));
        waiting().until(d -> warning.isDisplayed());
        assertThat(warning.getText()).contains("ingen forventet sagsbehandlingstid");
        browser.findElement(By.id("token")).sendKeys(ADMIN_TOKEN);
        browser.findElement(By.id("subject")).sendKeys("Kvittering");
        browser.findElement(By.id("body")).sendKeys("Vi svarer inden {{expected_date}}.");
        browser.findElement(By.id("updated-by")).sendKeys("Jens Jørgensen");

        browser.findElement(By.id("save")).click();
        var alert = waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertThat(alert.getText()).contains("Gem skabelonen alligevel?");
        alert.dismiss();
        assertThat(json(get("/api/v1/organisations/testens-styrelse/case-types/tilladelse/letter-templates")).size()).isZero();

        browser.findElement(By.id("save")).click();
        waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("Skabelonen er gemt"));
        assertThat(json(get("/api/v1/organisations/testens-styrelse/case-types/tilladelse/letter-templates")).size()).isEqualTo(1);
    }
}
