package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.commune.petition.api.RawHttp;

/** Signing in to the pages over plain HTTP, as a browser does: the form's CSRF token, the session cookie. */
public final class PageSessions {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PageSessions() {
    }

    /** The session cookie ({@code JSESSIONID=…}) a response sets, or null. */
    public static String sessionCookie(RawHttp.Response response) {
        String cookie = response.header("Set-Cookie");
        return cookie == null ? null : cookie.split(";", 2)[0];
    }

    /** The sign-in page's session cookie and CSRF token, fetched from {@code address}. */
    public static String[] signInForm(int port, String address) {
        RawHttp.Response page = RawHttp.request("GET", "/login").from(address).send(port);
        assertThat(page.status()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        return new String[] {sessionCookie(page), csrf.group(1)};
    }

    /** Posts the sign-in form from {@code address}: the answer is a redirect, to / or back to the form. */
    public static RawHttp.Response signIn(int port, String address, String username, String password) {
        String[] form = signInForm(port, address);
        return RawHttp.request("POST", "/login").from(address).header("Cookie", form[0])
                .form(Map.of("username", username, "password", password, "_csrf", form[1])).send(port);
    }
}
