package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Browser;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Goal text is user input. A sentence with a script element, an event handler and quotes that try to
 * break out of attributes must show as text on every page and document that carries it, and run nothing.
 */
class OutputEncodingBrowserIT extends IntegrationTest {

    static final String EVIL = "Mål <script>window.pwned=1</script> \"><img src=x onerror=\"window.pwned=2\"> '><svg onload=window.pwned=3> & co.";

    @Autowired
    CatalogueService catalogue;

    private WebDriver browser;
    private long goalId;

    @BeforeEach
    void setUp() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        var goal = post("/api/v1/goals", "application/json", JSON.writeValueAsString(java.util.Map.of(
                "organisation", "testens-styrelse", "caseType", "tilladelse", "code", "X\"<b>", "sentence", EVIL, "dimension", "faglig_kvalitet",
                "indicatorKey", "xss-test",
                "indicator", java.util.Map.of("kind", "processing_time", "statistic", "mean"),
                "scale", java.util.Map.of("kind", "binary", "comparator", "<=", "threshold", 10))), ADMIN_TOKEN);
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
        goalId = json(goal).get("id").asLong();
        post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "A", "2025-03-03T09:00", "2025-03-10T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "B", "2024-03-04T09:00", "2024-03-10T09:00"), INGEST_TOKEN);
        put("/api/v1/organisations/testens-styrelse/case-types/tilladelse/letter-templates/da", "application/json",
                "{\"subject\":\"<script>x</script>\",\"body\":\"{{goal_sentence}} <b onclick=x>\",\"updatedBy\":\"T\"}", ADMIN_TOKEN);
        put("/api/v1/goals/" + goalId + "/comments/2025", "application/json",
                JSON.writeValueAsString(java.util.Map.of("comment", EVIL, "writtenBy", "<i>T</i>")), ADMIN_TOKEN);
        browser = Browser.open();
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theSentenceShowsAsTextAndRunsNothingOnEveryPage() {
        List<String> pages = List.of("/maal/" + goalId, "/maal/" + goalId + "?lang=en", "/organisationer/testens-styrelse",
                "/sammenligning/xss-test", "/rapporter/testens-styrelse/2025", "/indlejret/maal/" + goalId, "/skaerm/testens-styrelse");
        for (String page : pages) {
            browser.get(base() + page);
            Object pwned = ((JavascriptExecutor) browser).executeScript("return window.pwned === undefined ? null : window.pwned;");
            assertThat(pwned).as(page).isNull();
            assertThat(browser.findElements(By.cssSelector("img[src='x'], main script, section script:not([src])"))).as(page).isEmpty();
            if (!page.startsWith("/skaerm") && !page.startsWith("/sammenligning")) {
                assertThat(browser.findElement(By.tagName("body")).getText()).as(page).contains("<script>window.pwned=1</script>");
            }
        }
    }

    @Autowired
    dk.klaremaal.access.AccountService accounts;

    @Test
    void theStaffPagesShowItAsTextToo() {
        accounts.create("ida.admin", "Ida <b>Admin</b>", "en-lang-nok-adgangskode", "administrator", null);
        Browser.signIn(browser, base(), "ida.admin", "en-lang-nok-adgangskode");
        assertThat(browser.getCurrentUrl()).endsWith("/administration");
        for (String page : List.of("/administration", "/administration/maal?organisation=testens-styrelse", "/administration/maal/" + goalId,
                "/administration/maal/" + goalId + "/ret", "/administration/revisionsspor", "/administration/konti")) {
            browser.get(base() + page);
            Object pwned = ((JavascriptExecutor) browser).executeScript("return window.pwned === undefined ? null : window.pwned;");
            assertThat(pwned).as(page).isNull();
            assertThat(browser.findElements(By.cssSelector("img[src='x'], main script:not([src]), main b"))).as(page).isEmpty();
        }
        // The editor's live preview inserts the server's fragment: the sentence stays text there as well.
        browser.get(base() + "/administration/maal/" + goalId + "/ret");
        browser.findElement(By.name("code")).sendKeys(" ");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("goal-preview")).getText().contains("<script>window.pwned=1</script>"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined ? null : window.pwned;")).isNull();
        assertThat(browser.findElements(By.cssSelector("#goal-preview img, #goal-preview svg, #goal-preview script"))).isEmpty();
    }

    @Test
    void documentsAndDataCarryTheSentenceEncoded() {
        String letter = post("/api/v1/letters", "application/json",
                "{\"organisation\":\"testens-styrelse\",\"caseType\":\"tilladelse\",\"caseNumber\":\"A\"}", INGEST_TOKEN).body();
        assertThat(letter).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b onclick").contains("&lt;script&gt;");
        String oembed = get("/oembed?url=" + java.net.URLEncoder.encode(base() + "/maal/" + goalId, java.nio.charset.StandardCharsets.UTF_8)).body();
        String html = json(get("/oembed?url=" + java.net.URLEncoder.encode(base() + "/maal/" + goalId, java.nio.charset.StandardCharsets.UTF_8)))
                .get("html").asString();
        assertThat(html).doesNotContain("<script").doesNotContain("\"><img").contains("&lt;script&gt;").contains("&quot;&gt;&lt;img");
        assertThat(oembed).isNotEmpty();
        String xml = get("/open311/v2/services.xml?jurisdiction_id=testens-styrelse").body();
        assertThat(xml).doesNotContain("<script");
        String csv = get("/data/organisationer/testens-styrelse/maal.csv").body();
        assertThat(csv).contains("\"Mål <script>window.pwned=1</script> \"\"><img");
    }
}
