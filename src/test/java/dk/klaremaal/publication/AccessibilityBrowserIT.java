package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.Browser;
import dk.klaremaal.support.SeedGoalTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * Every public page type, loaded in headless Chromium and checked by axe-core against the WCAG 2.0
 * and 2.1 A and AA rules: any violation fails the test, naming the rule and the elements.
 */
class AccessibilityBrowserIT extends SeedGoalTest {

    private static final String AXE = read(Path.of("node_modules/axe-core/axe.min.js"));

    private WebDriver browser;

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeEach
    void setUp() {
        cases("statsamterne", "separation-og-skilsmisse", "2024-03-04T09:00", "2024-04-15T09:00", "2025-03-03T09:00", "2025-04-14T09:00");
        answers("danmarks-eksportraad", "kundeundersoegelse", "samlet", "2025-11-03", 0, 0, 1, 22, 17);
        demoPlans.load();
        browser = Browser.open();
    }

    @org.springframework.beans.factory.annotation.Autowired
    dk.klaremaal.demo.DemoPlans demoPlans;

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> violations(String path) {
        browser.get(base() + path);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' – ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));""");
        return new ArrayList<>((List<String>) result);
    }

    @Test
    void theCheckCatchesAViolationWhenThereIsOne() {
        // A control: a page with an image without alternative text and a field without a label must fail.
        List<String> found = violations("/ikke-en-side");
        ((JavascriptExecutor) browser).executeScript("""
                document.body.insertAdjacentHTML('beforeend', '<img src="/dkfds/img/x.png"><input type="text">');""");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        @SuppressWarnings("unchecked")
        List<String> after = (List<String>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}}).then(r => done(r.violations.map(v => v.id)));""");
        assertThat(found).isEmpty();
        assertThat(after).contains("image-alt", "label");
    }

    @Test
    void everyPublicPageTypeHasNoViolations() {
        long s6 = goalId("statsamterne", "S6");
        long s17 = goalId("danmarks-eksportraad", "S17");
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("front", "/");
        pages.put("organisation", "/organisationer/statsamterne");
        pages.put("goal", "/maal/" + s6);
        pages.put("compound goal", "/maal/" + s17);
        pages.put("comparisons", "/sammenligning");
        pages.put("report", "/rapporter/statsamterne/2025");
        pages.put("screen", "/skaerm/statsamterne");
        pages.put("embedded goal", "/indlejret/maal/" + s6);
        pages.put("letter editor", "/redigering/breve");
        pages.put("not found", "/organisationer/findes-ikke");
        pages.put("sign-in", "/log-ind");
        pages.put("front in English", "/?lang=en");
        pages.put("goal in English", "/maal/" + s17 + "?lang=en");
        pages.put("comparison in English", "/sammenligning?lang=en");
        pages.put("report in English", "/rapporter/statsamterne/2025?lang=en");
        pages.put("plans", "/planer");
        pages.put("plan", "/planer/statens-administration/2019");
        pages.put("plan, earlier version", "/planer/statens-administration/2019?version=1");
        pages.put("plan annex", "/planer/statens-administration/2019/kvartal/3");
        pages.put("plan in English", "/planer/statens-administration/2019?lang=en");
        List<String> all = new ArrayList<>();
        pages.forEach((name, path) -> violations(path).forEach(v -> all.add(name + " " + path + " → " + v)));
        assertThat(all).as(String.join("\n", all)).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    dk.klaremaal.access.AccountService accounts;

    @Test
    void everyStaffPageTypeHasNoViolations() {
        accounts.create("ida.admin", "Ida Admin", "en-lang-nok-adgangskode", "administrator", null);
        Browser.signIn(browser, base(), "ida.admin", "en-lang-nok-adgangskode");
        assertThat(browser.getCurrentUrl()).endsWith("/administration");
        long s6 = goalId("statsamterne", "S6");
        long a = goalId("statens-administration", "A");
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("administration", "/administration");
        pages.put("goals", "/administration/maal");
        pages.put("goals of one organisation", "/administration/maal?organisation=statsamterne");
        pages.put("goal editor", "/administration/maal/ny?organisation=statsamterne");
        pages.put("goal editor, changing", "/administration/maal/" + s6 + "/ret");
        pages.put("staff goal page", "/administration/maal/" + s6);
        pages.put("staff goal page with milestones", "/administration/maal/" + a);
        pages.put("upload", "/administration/data");
        pages.put("manual value", "/administration/vaerdier");
        pages.put("catalogue", "/administration/katalog");
        pages.put("plans", "/administration/planer");
        pages.put("staff plan page", "/administration/planer/statens-administration/2019");
        pages.put("plan editor", "/administration/planer/statens-administration/2019/ret");
        pages.put("new plan from last year's", "/administration/planer/statens-administration/2020/ret");
        pages.put("accounts", "/administration/konti");
        pages.put("tokens", "/administration/noegler");
        pages.put("audit log", "/administration/revisionsspor");
        pages.put("letter editor signed in", "/redigering/breve");
        List<String> all = new ArrayList<>();
        pages.forEach((name, path) -> violations(path).forEach(v -> all.add(name + " " + path + " → " + v)));
        assertThat(all).as(String.join("\n", all)).isEmpty();
    }

    @Test
    void everyPageCanSwitchLanguageAndKeepsTheChoice() {
        long s6 = goalId("statsamterne", "S6");
        browser.get(base() + "/maal/" + s6);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
        browser.findElement(By.cssSelector(".language-switch")).click();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Assessment scale").contains("Results");
        assertThat(browser.getCurrentUrl()).contains("/maal/" + s6);
        // The choice is kept: the next page is in English too, until switched back.
        browser.get(base() + "/organisationer/statsamterne");
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Goals and latest results");
        browser.findElement(By.cssSelector(".language-switch")).click();
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Mål og seneste resultater");
    }

    @Test
    void theSiteWorksWithTheKeyboardAlone() {
        browser.get(base() + "/");
        var body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        var skip = browser.switchTo().activeElement();
        assertThat(skip.getText()).contains("Gå til sidens indhold");
        // Tab on to the first organisation link and follow it with Enter.
        for (int i = 0; i < 20; i++) {
            var active = browser.switchTo().activeElement();
            if ("a".equals(active.getTagName()) && active.getAttribute("href").contains("/organisationer/")) {
                String target = active.getAttribute("href");
                active.sendKeys(Keys.ENTER);
                assertThat(browser.getCurrentUrl()).isEqualTo(target);
                return;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("no organisation link reached with the Tab key");
    }
}
