package vn.commune.petition.api.pages;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A petition's page and its step forms, as a person uses them. A form is named as on the page
 * ({@code acceptance}, {@code mediation}, {@code writtenAnswer}...): its step is the {@code <details>}
 * {@code #<form>-action}, its fields {@code #<form>-<field>}.
 */
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

    String deadlines() {
        return browser.find(By.id("deadlines")).getText();
    }

    /** The timeline, as read. */
    String steps() {
        return browser.find(By.id("steps")).getText();
    }

    /** Each step of the timeline: its date and name, what it said, who recorded it and when. */
    List<String> timeline() {
        return browser.all(By.cssSelector("#steps .timeline__step")).stream().map(WebElement::getText).toList();
    }

    /** The steps offered, as their forms' names say them. */
    List<String> actions() {
        return browser.all(By.cssSelector("#actions details > summary")).stream().map(WebElement::getText).toList();
    }

    boolean offers(String form) {
        return !browser.all(By.id(form + "-form")).isEmpty();
    }

    boolean offersAcceptance() {
        return offers("acceptance");
    }

    /** Opens a step's form (its summary, as a keyboard would: focus and Enter) unless it is open. */
    PetitionPage open(String form) {
        WebElement details = browser.find(By.id(form + "-action"));
        if (details.getAttribute("open") == null) {
            WebElement summary = details.findElement(By.tagName("summary"));
            summary.sendKeys(org.openqa.selenium.Keys.ENTER);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> details.getAttribute("open") != null);
        }
        return this;
    }

    /** Sets a date field (the date picker's value, as the browser sends it; null: empty, left to the server). */
    PetitionPage date(String form, String field, LocalDate day) {
        open(form);
        WebElement input = browser.find(By.id(form + "-" + field));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].removeAttribute('required'); arguments[0].removeAttribute('min');"
                        + " arguments[0].value = arguments[1];", input, day == null ? "" : day.toString());
        return this;
    }

    /** Types into a text field or area, as a person would. */
    PetitionPage type(String form, String field, String text) {
        open(form);
        WebElement input = browser.find(By.id(form + "-" + field));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Leaves a required field empty, for the server to say so (the browser would otherwise). */
    PetitionPage empty(String form, String field) {
        open(form);
        WebElement input = browser.find(By.id(form + "-" + field));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].removeAttribute('required'); arguments[0].value = '';", input);
        return this;
    }

    /** Picks one of a field's choices (a radio button), by its value. */
    PetitionPage choose(String form, String field, String value) {
        open(form);
        browser.find(By.id(form + "-" + field + "-" + value)).click();
        return this;
    }

    /** Ticks a checkbox. */
    PetitionPage tick(String form, String field) {
        open(form);
        browser.find(By.id(form + "-" + field)).click();
        return this;
    }

    /** Presses the form's button and waits until htmx has swapped the answer in. */
    PetitionPage submit(String form) {
        open(form);
        WebElement button = browser.find(By.cssSelector("#" + form + "-form button[type=submit]"));
        button.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(button));
        return this;
    }

    /** Sets the acceptance date (null: empty). */
    PetitionPage acceptedOn(LocalDate day) {
        return date("acceptance", "acceptedOn", day);
    }

    PetitionPage complex() {
        return tick("acceptance", "complex");
    }

    PetitionPage accept() {
        return submit("acceptance");
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

    /** The error shown beside a field ({@code <form>-<field>}), or "". */
    String fieldError(String form, String field) {
        return browser.all(By.id(form + "-" + field + "-error")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    String attribute(String id, String name) {
        return browser.find(By.id(id)).getAttribute(name);
    }

    /** The id of the element that has the keyboard's focus. */
    String focused() {
        return browser.driver().switchTo().activeElement().getAttribute("id") + "."
                + browser.driver().switchTo().activeElement().getAttribute("class");
    }
}
