package vn.commune.petition.api.pages;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The register (/petitions), as a person uses it: search, filters, sorting, pages, downloads. */
final class RegisterPage {

    private final Browser browser;

    RegisterPage(Browser browser) {
        this.browser = browser;
    }

    static RegisterPage open(Browser browser) {
        browser.open("/petitions");
        return new RegisterPage(browser);
    }

    /** Types words into the search box (replacing what was there). */
    RegisterPage search(String words) {
        WebElement box = browser.find(By.id("register-q"));
        box.clear();
        box.sendKeys(words);
        return this;
    }

    /** Picks a choice of a filter ({@code status}, {@code kind}, {@code field}, {@code sort}...) by its visible text. */
    RegisterPage pick(String filter, String choice) {
        new Select(browser.find(By.id("register-" + filter))).selectByVisibleText(choice);
        return this;
    }

    RegisterPage onlyOverdue() {
        browser.find(By.id("register-overdue")).click();
        return this;
    }

    /** Presses Search, and waits for htmx to swap the results in. */
    RegisterPage find() {
        WebElement results = browser.find(By.id("main"));
        browser.find(By.cssSelector("#filters button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(results));
        return this;
    }

    /** Follows a link in the results (a page, the due-date heading), waiting for the swap. */
    RegisterPage follow(By link) {
        WebElement results = browser.find(By.id("main"));
        browser.find(link).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(results));
        return this;
    }

    RegisterPage next() {
        return follow(By.cssSelector(".pager a[rel=next]"));
    }

    RegisterPage previous() {
        return follow(By.cssSelector(".pager a[rel=prev]"));
    }

    RegisterPage sortByDueDate() {
        return follow(By.cssSelector("#results a.sort"));
    }

    /** The references listed, in order. */
    List<String> references() {
        return browser.all(By.cssSelector("#results tbody tr td:first-child a")).stream().map(WebElement::getText).toList();
    }

    /** The classes of each listed due date (due, due--late, due--soon). */
    List<String> dueClasses() {
        return browser.all(By.cssSelector("#results tbody td.register__due .due")).stream()
                .map(e -> e.getAttribute("class")).toList();
    }

    String count() {
        return browser.find(By.cssSelector(".results__count")).getText();
    }

    String pageAt() {
        return browser.find(By.cssSelector(".pager__at")).getText();
    }

    boolean hasNext() {
        return !browser.all(By.cssSelector(".pager a[rel=next]")).isEmpty();
    }

    /** The link of a download, fetched by the browser with its session: a CSV as text. */
    String download(String format) {
        return new String(downloadBytes(format), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The link of a download ({@code csv}, {@code xlsx}), fetched by the browser with its session. */
    byte[] downloadBytes(String format) {
        String href = browser.find(By.cssSelector(".results__downloads a[href*='petitions." + format + "']"))
                .getAttribute("href");
        Object base64 = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status)).then(buffer => {
                  let binary = '';
                  new Uint8Array(buffer).forEach(b => binary += String.fromCharCode(b));
                  done(btoa(binary));
                }, e => done('failed ' + e));
                """, href);
        return Base64.getDecoder().decode(String.valueOf(base64));
    }
}
