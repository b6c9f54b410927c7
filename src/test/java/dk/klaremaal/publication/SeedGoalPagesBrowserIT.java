package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.Browser;
import dk.klaremaal.support.SeedGoalTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Goal pages of other kinds than processing time, in real headless Chromium. */
class SeedGoalPagesBrowserIT extends SeedGoalTest {

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

    private List<String> row(String period) {
        for (WebElement tr : browser.findElements(By.cssSelector(".results-table tbody tr"))) {
            if (tr.findElement(By.tagName("th")).getText().equals(period)) {
                return tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            }
        }
        throw new AssertionError("no row " + period);
    }

    @Test
    void aCompoundGoalShowsBothValuesBothScalesAndTheLowerLevel() {
        // 39 of 40 satisfied = 97.5 %; of those 17 very satisfied = 43.6 % → ikke opfyldt.
        answers("danmarks-eksportraad", "kundeundersoegelse", "samlet", "2025-11-03", 0, 0, 1, 22, 17);
        browser.get(base() + "/maal/" + goalId("danmarks-eksportraad", "S17"));
        assertThat(browser.findElement(By.cssSelector(".scale-table")).getText())
                .contains("over 95 pct.").contains("mindst 55 pct.").contains("Fuld opfyldelse");
        assertThat(row("2025")).containsExactly("97,5 pct.", "43,6 pct.", "40", "95 pct.", "−\nIkke opfyldt");
        assertThat(browser.findElement(By.tagName("dl")).getText()).contains("Hvor tilfreds er du samlet set med Eksportrådets bistand?")
                .contains("5 = Meget tilfreds");
    }

    @Test
    void aGoalOnTheTargetShowsTheShareOfTheTarget() {
        reported("danmarks-eksportraad", "smv-bistaaet", "2025-Q1", "1000", "2025-Q2", "1000", "2025-Q3", "1000", "2025-Q4", "1050");
        browser.get(base() + "/maal/" + goalId("danmarks-eksportraad", "S23"));
        assertThat(row("2025")).containsExactly("4.050", "4", "4.500", "90,0 pct. af målsætningen", "▲\nDelvis opnået");
        assertThat(browser.findElement(By.cssSelector(".reported-table")).getText()).contains("Test Testesen").contains("1.050");
    }

    @Test
    void aQuarterlyGoalShowsTheYearToDate() {
        send("contacts", """
                contact_id,organisation,channel,offered_at,answered_at,abandoned,outcome
                a,erhvervs-og-selskabsstyrelsen,phone,2025-02-03T10:00:00,2025-02-03T10:00:10,,
                b,erhvervs-og-selskabsstyrelsen,phone,2025-02-03T10:01:00,2025-02-03T10:02:10,,
                c,erhvervs-og-selskabsstyrelsen,phone,2025-05-05T10:00:00,2025-05-05T10:00:10,,
                d,erhvervs-og-selskabsstyrelsen,phone,2025-05-05T10:01:00,2025-05-05T10:01:10,,
                """);
        browser.get(base() + "/maal/" + goalId("erhvervs-og-selskabsstyrelsen", "S2"));
        // Q1: 1 of 2 → 50 %; Q2: 2 of 2 → 100 %; year to date at the end of Q2: 3 of 4 → 75 %.
        assertThat(row("1. kvartal 2025")).startsWith("50,0 pct.", "2");
        assertThat(row("2. kvartal 2025").get(0)).isEqualTo("100,0 pct.");
        assertThat(row("2. kvartal 2025").get(4)).isEqualTo("75,0 pct.");
    }
}
