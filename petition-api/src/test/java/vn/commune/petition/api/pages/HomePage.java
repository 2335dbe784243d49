package vn.commune.petition.api.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Any signed-in page's layout (header, language switch, sign-out), and the home page's sections. */
final class HomePage {

    private final Browser browser;

    HomePage(Browser browser) {
        this.browser = browser;
    }

    String heading() {
        return browser.find(By.tagName("h1")).getText();
    }

    /** The signed-in user and role, as the header shows them. */
    String who() {
        return browser.find(By.cssSelector(".site-header__who")).getText();
    }

    /** The html element's lang attribute: the language the page is in. */
    String language() {
        return browser.find(By.tagName("html")).getAttribute("lang");
    }

    HomePage switchTo(String language) {
        browser.find(By.cssSelector(".lang a[lang='" + language + "']")).click();
        browser.awaitPath("/");
        return this;
    }

    /** The references listed in a section of the home page ({@code awaiting-decision}, {@code overdue}, …). */
    List<String> referencesIn(String section) {
        return browser.all(By.cssSelector("#" + section + " table a")).stream().map(WebElement::getText).toList();
    }

    String sectionText(String section) {
        return browser.find(By.id(section)).getText();
    }

    /** Every button and form on the page that would change something (sign-out aside). */
    List<WebElement> actions() {
        return browser.all(By.cssSelector("main form, main button, main [hx-post]"));
    }

    SignInPage signOut() {
        browser.find(By.cssSelector(".site-header__user button[type=submit]")).click();
        browser.awaitPath("/login");
        return new SignInPage(browser);
    }
}
