package vn.commune.petition.api.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;
import java.time.LocalDate;

/** A petition's page and its step forms, as a person uses them. */
final class PetitionPage {

    private final Browser browser;

    PetitionPage(Browser browser) {
        this.browser = browser;
    }

    static PetitionPage open(Browser browser, String id) {
        browser.open("/petitions/" + id);
        return new PetitionPage(browser);
    }

    String heading() {
        return browser.find(By.tagName("h1")).getText();
    }

    String facts() {
        return browser.find(By.id("facts")).getText();
    }

    String steps() {
        return browser.find(By.id("steps")).getText();
    }

    boolean offersAcceptance() {
        return !browser.all(By.id("acceptance-form")).isEmpty();
    }

    /** Sets the acceptance date (the date picker's value, as the browser sends it; null: empty). */
    PetitionPage acceptedOn(LocalDate day) {
        WebElement field = browser.find(By.id("acceptedOn"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].removeAttribute('required'); arguments[0].value = arguments[1];", field,
                day == null ? "" : day.toString());
        return this;
    }

    PetitionPage complex() {
        browser.find(By.id("complex")).click();
        return this;
    }

    /** Presses the form's button and waits until htmx has swapped the answer in. */
    PetitionPage accept() {
        WebElement button = browser.find(By.cssSelector("#acceptance-form button[type=submit]"));
        button.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(button));
        return this;
    }

    /** What the page announces as recorded (role="status"), or "". */
    String recorded() {
        return browser.all(By.cssSelector("main .notice[role=status]")).stream().map(WebElement::getText)
                .findFirst().orElse("");
    }

    /** The form's refusal summary (role="alert"), or "". */
    String refusal() {
        return browser.all(By.cssSelector(".form-errors[role=alert]")).stream().map(WebElement::getText)
                .findFirst().orElse("");
    }

    String fieldError(String field) {
        return browser.all(By.id(field + "-error")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    String attribute(String id, String name) {
        return browser.find(By.id(id)).getAttribute(name);
    }
}
