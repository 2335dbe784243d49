package vn.commune.petition.api.pages;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The audit page ({@code /audit}), as an inspector uses it: a petition's chain, the whole store, the seals. */
final class AuditPage {

    private final Browser browser;

    AuditPage(Browser browser) {
        this.browser = browser;
    }

    static AuditPage open(Browser browser) {
        browser.open("/audit");
        return new AuditPage(browser);
    }

    /** Checks a petition's chain by its reference or id, and waits for the result to be swapped in. */
    AuditPage checkChain(String petition) {
        WebElement field = browser.find(By.id("chain-petition"));
        field.clear();
        field.sendKeys(petition);
        WebElement result = browser.find(By.id("chain-result"));
        browser.find(By.cssSelector("#chain button[type=submit]")).click();
        awaitVerdict(result, "#chain-result");
        return this;
    }

    /** Verifies the whole store, and waits (up to a minute) until the run shows its outcome. */
    AuditPage verifyEverything() {
        WebElement run = browser.find(By.id("run"));
        browser.find(By.cssSelector("#store button[type=submit]")).click();
        awaitVerdict(run, "#run");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d ->
                !d.findElements(By.cssSelector("#run [data-verification]")).isEmpty());
        return this;
    }

    private void awaitVerdict(WebElement old, String region) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> {
            try {
                old.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return !d.findElements(By.cssSelector(region)).isEmpty();
            }
        });
    }

    /** OK or BROKEN, as the petition's chain result says; "" if none. */
    String chainVerdict() {
        return browser.all(By.cssSelector("#chain-result [data-verification]")).stream()
                .map(e -> e.getAttribute("data-verification")).findFirst().orElse("");
    }

    String chainResult() {
        return browser.find(By.id("chain-result")).getText();
    }

    /** OK or BROKEN, as the whole store's run says; "" if none. */
    String storeVerdict() {
        return browser.all(By.cssSelector("#run [data-verification]")).stream()
                .map(e -> e.getAttribute("data-verification")).findFirst().orElse("");
    }

    String run() {
        return browser.find(By.id("run")).getText();
    }

    /** The progress bar's value, in percent. */
    String progress() {
        return browser.find(By.id("run-progress")).getAttribute("value");
    }

    /** The parts of the page shown (their section ids). */
    java.util.List<String> parts() {
        return browser.all(By.cssSelector("main section.panel")).stream().map(e -> e.getAttribute("id")).toList();
    }
}
