package vn.commune.petition.api.pages;

import org.openqa.selenium.By;

/** The sign-in form, as a person uses it. */
final class SignInPage {

    private final Browser browser;

    SignInPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the sign-in page directly. */
    static SignInPage open(Browser browser) {
        browser.open("/login");
        return new SignInPage(browser);
    }

    /** Types a username and password and presses Enter, as at the desk. */
    SignInPage signInAs(String username, String password) {
        browser.find(By.id("username")).clear();
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("password")).sendKeys(password + "\n");
        return this;
    }

    /** Signs in with a demo account (its password is its name) and lands on the home page. */
    HomePage signInAs(String demoAccount) {
        signInAs(demoAccount, demoAccount);
        browser.awaitPath("/");
        return new HomePage(browser);
    }

    String heading() {
        return browser.find(By.tagName("h1")).getText();
    }

    /** What the form says went wrong (role="alert"), or "" if nothing. */
    String alert() {
        return browser.all(By.cssSelector("#signin-error[role=alert]")).stream()
                .map(e -> e.getText()).findFirst().orElse("");
    }

    /** The form's status message (signed out, session ended), or "". */
    String status() {
        return browser.all(By.cssSelector(".notice[role=status]")).stream()
                .map(e -> e.getText()).findFirst().orElse("");
    }
}
