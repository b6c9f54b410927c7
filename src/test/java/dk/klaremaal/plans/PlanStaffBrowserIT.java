package dk.klaremaal.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.access.AccountService;
import dk.klaremaal.demo.DemoPlans;
import dk.klaremaal.support.Browser;
import dk.klaremaal.support.SeedGoalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff pages of a plan in Chromium: the agency's editor changes the plan during the year, its
 * reporter follows up on a milestone, and the department decides an assessment otherwise than the rule.
 */
class PlanStaffBrowserIT extends SeedGoalTest {

    private static final String PASSWORD = "en-lang-nok-adgangskode";
    private static final String STAFF = "/administration/planer/statens-administration/2019";

    @Autowired
    AccountService accounts;

    @Autowired
    DemoPlans demoPlans;

    private WebDriver browser;

    @BeforeEach
    void setUp() {
        demoPlans.load();
        accounts.create("eva.editor", "Eva Editor", PASSWORD, "editor", "statens-administration");
        accounts.create("rasmus.reporter", "Rasmus Reporter", PASSWORD, "reporter", "statens-administration");
        accounts.create("dorte.departement", "Dorte Departement", PASSWORD, "approver", "finansministeriet");
        browser = Browser.open();
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signInAs(String username) {
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, base(), username, PASSWORD);
    }

    private void submit(WebElement button) {
        Browser.submit(browser, button);
    }

    private String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    @Test
    void theEditorChangesThePlanTheReporterFollowsUpAndTheDepartmentDecidesAnAssessment() {
        // The editor moves milestone D6 to the third quarter from 1 October, giving the reason.
        signInAs("eva.editor");
        browser.get(base() + STAFF);
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Fastsæt vurderingen']"))).isEmpty();
        browser.findElement(By.linkText("Ret planen (ny version)")).click();
        Browser.waiting(browser).until(d -> d.getCurrentUrl().endsWith("/ret"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('validFrom').value = '2019-10-01'");
        new Select(browser.findElement(By.id("content-goals-3-milestones-5-quarter"))).selectByVisibleText("3. kvartal");
        browser.findElement(By.id("reason")).sendKeys("Robotten hos pilotkunden kom i drift allerede i september.");
        // First with the mission emptied: refused whole, the field named.
        browser.findElement(By.id("content-mission")).clear();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('content-mission').removeAttribute('required')");
        submit(browser.findElement(By.xpath("//button[normalize-space()='Gem den nye version']")));
        assertThat(main()).contains("Planen er ikke gemt").contains("Mission: must not be empty");
        assertThat(json(get("/api/v1/plans/statens-administration/2019")).get("versions")).hasSize(2);
        browser.findElement(By.id("content-mission")).sendKeys("Statens Administration leverer løn, regnskab og betalinger til staten.");
        submit(browser.findElement(By.xpath("//button[normalize-space()='Gem den nye version']")));
        assertThat(main()).contains("Version 3 af planen er gemt");
        String page = get("/planer/statens-administration/2019").body();
        assertThat(page).contains("Milepæl D6 er flyttet fra 4. til 3. kvartal").contains("Missionen er ændret")
                .contains("Robotten hos pilotkunden kom i drift allerede i september.");

        // The reporter gives D2's value; the status follows from the target.
        signInAs("rasmus.reporter");
        browser.get(base() + STAFF);
        WebElement d2 = browser.findElement(By.id("milepael-D2"));
        assertThat(d2.getText()).contains("Delvist nået");
        WebElement value = d2.findElement(By.name("value"));
        value.clear();
        value.sendKeys("3000");
        new Select(d2.findElement(By.name("status"))).selectByVisibleText("Find ud fra værdien");
        submit(d2.findElement(By.tagName("button")));
        assertThat(main()).contains("Opfølgningen på milepæl D2 er gemt: nået.");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Fastsæt vurderingen']"))).isEmpty();
        JsonPlan plan = new JsonPlan(json(get("/api/v1/plans/statens-administration/2019")));
        assertThat(plan.milestone("D", "D2").get("followUp").get("status").asString()).isEqualTo("reached");
        assertThat(plan.milestone("D", "D2").get("followUp").get("reportedBy").asString()).isEqualTo("rasmus.reporter");

        // The department (the approver above the agency) decides goal F otherwise than the rule.
        signInAs("dorte.departement");
        browser.get(base() + STAFF);
        WebElement f = browser.findElement(By.id("vurdering-F"));
        new Select(f.findElement(By.name("status"))).selectByVisibleText("Delvist opfyldt");
        f.findElement(By.name("justification")).sendKeys("Sygefraværet faldt fra 11,4 til 10,1 dage, tæt på målet.");
        submit(f.findElement(By.xpath(".//button[normalize-space()='Fastsæt vurderingen']")));
        assertThat(main()).contains("Vurderingen af mål F er gemt");
        assertThat(get("/planer/statens-administration/2019").body()).contains("Sygefraværet faldt fra 11,4 til 10,1 dage, tæt på målet.")
                .contains("af dorte.departement");
    }

    /** A plan as the API returns it. */
    private record JsonPlan(tools.jackson.databind.JsonNode json) {

        tools.jackson.databind.JsonNode milestone(String goal, String key) {
            for (var b : json.get("bearings")) {
                for (var g : b.get("goals")) {
                    if (g.get("code").asString().equals(goal)) {
                        for (var m : g.get("milestones")) {
                            if (m.get("key").asString().equals(key)) {
                                return m;
                            }
                        }
                    }
                }
            }
            throw new AssertionError("no milestone " + key);
        }
    }
}
