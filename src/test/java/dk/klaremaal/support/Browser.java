package dk.klaremaal.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven by its ChromeDriver. */
public final class Browser {

    private Browser() {
    }

    public static WebDriver open() {
        Path profile;
        try {
            profile = Files.createTempDirectory("klaremaal-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Signs in on the sign-in page with a password and waits until the browser has left it. */
    public static void signIn(WebDriver browser, String base, String username, String password) {
        browser.get(base + "/log-ind");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        String before = browser.getCurrentUrl();
        browser.findElement(org.openqa.selenium.By.cssSelector("form.sign-in-form button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().equals(before)
                        && "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Waits through page loads: an element read while the next page replaces it is simply read again. */
    public static org.openqa.selenium.support.ui.WebDriverWait waiting(WebDriver browser) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Clicks a button that sends a form and waits until the next page (or the same page changed) has loaded. */
    public static void submit(WebDriver browser, org.openqa.selenium.WebElement button) {
        org.openqa.selenium.By main = org.openqa.selenium.By.tagName("main");
        String before = browser.getCurrentUrl() + "|" + browser.findElement(main).getText();
        button.click();
        waiting(browser).until(d -> !(d.getCurrentUrl() + "|" + d.findElement(main).getText()).equals(before)
                && "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }
}
