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
 * A petition's replay ({@code /petitions/{id}/replay}), as an inspector uses it: the control (the day,
 * the moment known), the state it shows, and the timeline with each step's replay links. A change of
 * the control or a link is answered by htmx swapping {@code #replay}; each action waits for that swap.
 */
final class ReplayPage {

    private final Browser browser;

    ReplayPage(Browser browser) {
        this.browser = browser;
    }

    static ReplayPage open(Browser browser, String id) {
        browser.open("/petitions/" + id + "/replay");
        return new ReplayPage(browser);
    }

    /** Marks the window, so that {@link #reloaded()} can tell whether the page was loaded again since. */
    ReplayPage mark() {
        ((JavascriptExecutor) browser.driver()).executeScript("window.replayMark = 'still here';");
        return this;
    }

    /** Whether the page was loaded again since {@link #mark()}. */
    boolean reloaded() {
        return !"still here".equals(((JavascriptExecutor) browser.driver()).executeScript("return window.replayMark;"));
    }

    /** Sets the day in the control (the date picker's value, as a person's choice sends it) and waits for the swap. */
    ReplayPage asOf(LocalDate day) {
        WebElement replay = browser.find(By.id("replay"));
        WebElement input = browser.find(By.id("replay-asOf"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                input, day.toString());
        awaitSwap(replay);
        return this;
    }

    /** Follows a step's replay link: {@code asOf} (its business date) or {@code knownAt} (when it was recorded). */
    ReplayPage follow(int step, String link) {
        WebElement replay = browser.find(By.id("replay"));
        browser.all(By.cssSelector("#replay-timeline .timeline__step")).get(step)
                .findElement(By.cssSelector("a[data-replay=" + link + "]")).click();
        awaitSwap(replay);
        return this;
    }

    private void awaitSwap(WebElement replay) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(replay));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("replay")).isEmpty());
    }

    /** The status shown for the moment replayed, or "" if the petition did not exist then. */
    String status() {
        return browser.all(By.id("then-status")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    /** The state panel, as read. */
    String then() {
        return browser.find(By.id("then")).getText();
    }

    /** The steps counted at the moment replayed, as listed in the state. */
    List<String> stepsThen() {
        return browser.all(By.cssSelector("#then-steps li")).stream().map(WebElement::getText).toList();
    }

    /** Each step of the whole timeline with how it stands at the moment replayed (data-standing). */
    List<String> standings() {
        return browser.all(By.cssSelector("#replay-timeline .timeline__step")).stream()
                .map(step -> step.getAttribute("data-standing")).toList();
    }

    /** Each step of the whole timeline, as read. */
    List<String> timeline() {
        return browser.all(By.cssSelector("#replay-timeline .timeline__step")).stream().map(WebElement::getText).toList();
    }

    String summary() {
        return browser.find(By.id("replay-summary")).getText();
    }
}
