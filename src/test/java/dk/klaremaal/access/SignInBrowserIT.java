package dk.klaremaal.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.Browser;
import dk.klaremaal.support.SeedGoalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff sign in with a password (bcrypt), see their roles, sign out; repeated wrong passwords make the address wait. */
class SignInBrowserIT extends SeedGoalTest {

    @Autowired
    AccountService accounts;

    private WebDriver browser;

    @BeforeEach
    void setUp() {
        accounts.create("anne", "Anne Andersen", "rigtig-adgangskode", "editor", "vejle-kommune");
        accounts.create("bo.berg", "Bo Berg", "en-anden-kode", "approver", "vejle-kommune");
        browser = Browser.open();
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn(String username, String password) {
        Browser.signIn(browser, base(), username, password);
    }

    @Test
    void signInSeeTheRolesAndSignOut() {
        browser.get(base() + "/administration");
        assertThat(browser.getCurrentUrl()).endsWith("/log-ind");
        signIn("anne", "rigtig-adgangskode");
        assertThat(browser.getCurrentUrl()).endsWith("/administration");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Anne Andersen").contains("Redaktør – vejle-kommune");
        browser.findElement(By.cssSelector("header .staff-bar button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("/log-ind?logout"));
        browser.get(base() + "/administration");
        assertThat(browser.getCurrentUrl()).endsWith("/log-ind");
        assertThat(jdbc.sql("select password_hash from account where username = 'anne'").query(String.class).single()).startsWith("{bcrypt}");
    }

    @Test
    void afterFiveWrongPasswordsThisAddressMustWaitAtThatAccountButNotAtOthers() {
        for (int i = 0; i < 5; i++) {
            signIn("bo.berg", "forkert");
            assertThat(browser.getCurrentUrl()).contains("/log-ind?error");
        }
        signIn("bo.berg", "en-anden-kode");
        assertThat(browser.getCurrentUrl()).as("turned away unchecked while the delay runs").contains("/log-ind?vent=");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Prøv igen om").contains("sekunder");
        signIn("anne", "rigtig-adgangskode");
        assertThat(browser.getCurrentUrl()).endsWith("/administration");
    }

    @Test
    void aSignInFormPostWithoutTheCsrfTokenIsRefused() {
        var response = post("/log-ind", "application/x-www-form-urlencoded", "username=anne&password=rigtig-adgangskode", null);
        assertThat(response.statusCode()).isEqualTo(403);
    }
}
