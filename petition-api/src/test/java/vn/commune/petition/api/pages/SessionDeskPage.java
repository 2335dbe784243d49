package vn.commune.petition.api.pages;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reception sessions page and a session's desk, as the officer uses them: the form that opens a
 * session, the one form that logs a visit, the register that grows below it, the confirmation that
 * closes the session.
 */
final class SessionDeskPage {

    private final Browser browser;

    SessionDeskPage(Browser browser) {
        this.browser = browser;
    }

    static SessionDeskPage sessions(Browser browser) {
        browser.open("/sessions");
        return new SessionDeskPage(browser);
    }

    static SessionDeskPage desk(Browser browser, String sessionId) {
        browser.open("/sessions/" + sessionId);
        return new SessionDeskPage(browser);
    }

    String heading() {
        return browser.find(By.tagName("h1")).getText();
    }

    /** Fills the open-session form and sends it; the new session's desk is shown. */
    SessionDeskPage open(LocalDate heldOn, String kind, String host, boolean inPerson) {
        date("heldOn", heldOn);
        new Select(browser.find(By.id("sessionKind"))).selectByValue(kind);
        browser.find(By.id("host")).clear();
        browser.find(By.id("host")).sendKeys(host);
        browser.find(By.cssSelector("input[name=hostedInPerson][value='" + inPerson + "']")).click();
        browser.find(By.cssSelector("#open-form button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.path().matches("/sessions/[0-9a-f-]{36}"));
        return this;
    }

    /** The id of the session whose desk is shown. */
    String sessionId() {
        return browser.path().replaceFirst("^/sessions/([0-9a-f-]{36}).*$", "$1");
    }

    boolean offersVisitForm() {
        return !browser.all(By.id("visit-form")).isEmpty();
    }

    boolean offersClosing() {
        return !browser.all(By.id("close-session")).isEmpty();
    }

    SessionDeskPage people(int people) {
        WebElement field = browser.find(By.id("people"));
        field.clear();
        field.sendKeys(String.valueOf(people));
        return this;
    }

    /** Marks the visit as a group delegation with this many representatives (shown once there are 5 people or more). */
    SessionDeskPage group(int representatives) {
        WebElement group = browser.find(By.id("group"));
        if (!group.isSelected()) {
            group.click();
        }
        browser.find(By.id("representatives")).clear();
        browser.find(By.id("representatives")).sendKeys(String.valueOf(representatives));
        return this;
    }

    SessionDeskPage repeatVisit() {
        browser.find(By.cssSelector("input[name=repeat][value='true']")).click();
        return this;
    }

    /** Who came: name, address and ID number (required in person from Luật 136/2025/QH15). */
    SessionDeskPage visitor(String fullName, String address, String idNumber) {
        for (String[] field : new String[][] {{"visitorFullName", fullName}, {"visitorAddress", address},
                {"visitorIdNumber", idNumber}}) {
            browser.find(By.id(field[0])).clear();
            browser.find(By.id(field[0])).sendKeys(field[1]);
        }
        return this;
    }

    SessionDeskPage kind(String kind) {
        new Select(browser.find(By.id("kind"))).selectByValue(kind);
        return this;
    }

    SessionDeskPage summary(String summary) {
        browser.find(By.id("summary")).clear();
        browser.find(By.id("summary")).sendKeys(summary);
        return this;
    }

    SessionDeskPage outcome(String outcome) {
        new Select(browser.find(By.id("outcome"))).selectByValue(outcome);
        return this;
    }

    SessionDeskPage legalGround(String ground) {
        new Select(browser.find(By.id("legalGround"))).selectByValue(ground);
        return this;
    }

    /** The received petition's field and ward (shown once the outcome is a received petition). */
    SessionDeskPage petition(String field, String ward) {
        browser.find(By.id("field")).sendKeys(field);
        browser.find(By.id("ward")).sendKeys(ward);
        return this;
    }

    /** Types a petitioner in row {@code row} (from 0), revealing the row with the "add" button if it is hidden. */
    SessionDeskPage petitioner(int row, String fullName, String address) {
        WebElement name = browser.find(By.id("p" + row + "-fullName"));
        if (!name.isDisplayed()) {
            browser.find(By.cssSelector("[data-add-petitioner]")).click();
        }
        name.sendKeys(fullName);
        browser.find(By.id("p" + row + "-address")).sendKeys(address);
        return this;
    }

    /** Whether the part of the form with this id (group-part, petition-part, refusal-part) is shown. */
    boolean shows(String part) {
        return browser.find(By.id(part)).isDisplayed();
    }

    /** Presses the form's button and waits until htmx has given the form back (logged, or refused). */
    SessionDeskPage log() {
        WebElement button = browser.find(By.cssSelector("#visit-form button[type=submit]"));
        button.click();
        awaitAnswer(button);
        return this;
    }

    /** Waits until the form that held {@code element} has been replaced by the server's answer. */
    void awaitAnswer(WebElement element) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(element));
    }

    WebElement visitForm() {
        return browser.find(By.id("visit-form"));
    }

    /** The register's rows, as read. */
    List<String> rows() {
        return browser.all(By.cssSelector("#visits-body tr")).stream().map(WebElement::getText).toList();
    }

    String count() {
        return browser.find(By.id("visits-count")).getText();
    }

    /** What the desk announces (role="status"): opened, logged, closed. */
    String status() {
        return browser.find(By.cssSelector("#desk-status[role=status]")).getText();
    }

    String facts() {
        return browser.find(By.id("session-facts")).getText();
    }

    /** The id of the element that has the focus. */
    String focused() {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }

    String value(String id) {
        return browser.find(By.id(id)).getDomProperty("value");
    }

    /** The form's refusal summary (role="alert"), or "". */
    String refusal() {
        return browser.all(By.cssSelector(".form-errors[role=alert]")).stream().map(WebElement::getText)
                .findFirst().orElse("");
    }

    String fieldError(String id) {
        return browser.all(By.id(id + "-error")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    String attribute(String id, String name) {
        return browser.find(By.id(id)).getAttribute(name);
    }

    /** Follows the desk's "close the session" link to the confirmation page. */
    SessionDeskPage askToClose() {
        String id = sessionIdFromLinks();
        browser.find(By.id("close-session")).click();
        browser.awaitPath("/sessions/" + id + "/closing");
        return this;
    }

    /** Confirms the closing; the desk is shown again. */
    SessionDeskPage confirmClosing() {
        String id = sessionId();
        browser.find(By.cssSelector("#closing-form button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> browser.path().equals("/sessions/" + id));
        return this;
    }

    private String sessionIdFromLinks() {
        return browser.find(By.id("close-session")).getAttribute("href").replaceFirst("^.*/sessions/([0-9a-f-]{36}).*$", "$1");
    }

    private void date(String id, LocalDate day) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find(By.id(id)), day.toString());
    }
}
