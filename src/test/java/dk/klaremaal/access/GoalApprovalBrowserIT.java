package dk.klaremaal.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.Browser;
import dk.klaremaal.support.IdentityProvider;
import dk.klaremaal.support.SeedGoalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole staff path through a real browser and a real OpenID Connect provider: an editor signs in by
 * single sign-on, writes a goal in the editor (whose live preview points out a gap in the scale), saves
 * it as a draft and submits it; the approver of the municipality above signs in, approves and
 * publishes it; the public goal page then shows it.
 */
class GoalApprovalBrowserIT extends SeedGoalTest {

    static final String SENTENCE = "Vejle Kommune har et mål om, at byggesager i gennemsnit afgøres på højst 40 dage.";

    @Autowired
    AccountService accounts;

    private WebDriver browser;

    @BeforeEach
    void setUp() {
        accounts.create("emma.editor", "Emma Editor", null, "editor", "vejle-teknik-og-miljoe");
        accounts.create("gustav.godkender", "Gustav Godkender", null, "approver", "vejle-kommune");
        browser = Browser.open();
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return Browser.waiting(browser);
    }

    private void signInBySso(String username) {
        IdentityProvider.nextSignIn(username);
        browser.get(base() + "/log-ind");
        browser.findElement(By.linkText("Testorganisationens login")).click();
        waiting().until(d -> d.getCurrentUrl().equals(base() + "/administration"));
    }

    private void click(String buttonText) {
        Browser.submit(browser, browser.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")));
    }

    private void type(String name, String value) {
        WebElement field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    private String preview() {
        return browser.findElement(By.id("goal-preview")).getText();
    }

    @Test
    void editorDraftsAndSubmitsApproverApprovesAndTheGoalIsPublic() {
        signInBySso("emma.editor");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Emma Editor").contains("Redaktør – vejle-teknik-og-miljoe");

        browser.get(base() + "/administration/maal/ny?organisation=vejle-teknik-og-miljoe");
        // The empty form's preview names what is still missing, in Danish.
        assertThat(preview()).contains("Målsætningen: ").contains("Vurderingsskala: mangler").doesNotContain("sentence:");
        type("caseType", "byggetilladelse");
        type("sentence", SENTENCE);
        new Select(browser.findElement(By.name("indicator.kind"))).selectByValue("processing_time");
        new Select(browser.findElement(By.name("indicator.statistic"))).selectByValue("mean");
        new Select(browser.findElement(By.name("scale.kind"))).selectByValue("binary");
        new Select(browser.findElement(By.name("scale.direction"))).selectByValue("lower_is_better");
        new Select(browser.findElement(By.name("scale.levels[0].status"))).selectByValue("met");
        type("scale.levels[0].upper.value", "40");
        new Select(browser.findElement(By.name("scale.levels[1].status"))).selectByValue("not_met");
        type("scale.levels[1].lower.value", "45");
        new Select(browser.findElement(By.name("scale.levels[1].lower.inclusive"))).selectByValue("false");
        // The live preview finds the gap between 40 and 45 while the form is being filled in.
        waiting().until(d -> preview().contains("hul ]40; 45]"));
        type("scale.levels[1].lower.value", "40");
        waiting().until(d -> preview().contains("Målet kan gemmes") && preview().contains(SENTENCE));
        assertThat(preview()).contains("højst 40 dage").contains("over 40 dage").doesNotContain("hul");
        click("Gem som kladde");

        assertThat(browser.getCurrentUrl()).matches(".*/administration/maal/\\d+");
        String goalUrl = browser.getCurrentUrl();
        long id = Long.parseLong(goalUrl.substring(goalUrl.lastIndexOf('/') + 1));
        assertThat(browser.findElement(By.className("goal-state")).getText()).isEqualTo("Kladde");
        assertThat(get("/maal/" + id).statusCode()).isEqualTo(404);
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Godkend']"))).isEmpty();
        click("Send til godkendelse");
        assertThat(browser.findElement(By.className("goal-state")).getText()).isEqualTo("Sendt til godkendelse");
        click("Log ud");

        signInBySso("gustav.godkender");
        browser.get(base() + "/administration/maal");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(SENTENCE).contains("Sendt til godkendelse");
        browser.findElement(By.linkText(SENTENCE)).click();
        waiting().until(d -> d.getCurrentUrl().equals(goalUrl));
        click("Godkend");
        assertThat(browser.findElement(By.className("goal-state")).getText()).isEqualTo("Godkendt");
        assertThat(get("/maal/" + id).statusCode()).isEqualTo(404);
        click("Offentliggør");
        assertThat(browser.findElement(By.className("goal-state")).getText()).isEqualTo("Offentliggjort");

        browser.get(base() + "/maal/" + id);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(SENTENCE);
        assertThat(jdbc.sql("select state_changed_by from goal where id = ?").param(id).query(String.class).single())
                .isEqualTo("gustav.godkender");
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'emma.editor' and changes is not null").query(Long.class).single())
                .isEqualTo(2L);
    }

    @Test
    void aPersonWithoutAnAccountIsNotLetIn() {
        IdentityProvider.nextSignIn("ukendt.person");
        browser.get(base() + "/log-ind");
        browser.findElement(By.linkText("Testorganisationens login")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/log-ind?sso-error"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Du skal have en konto i Klaremål");
        browser.get(base() + "/administration");
        assertThat(browser.getCurrentUrl()).endsWith("/log-ind");
    }
}
