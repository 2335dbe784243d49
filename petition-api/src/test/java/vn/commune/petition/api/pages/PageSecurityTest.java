package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.RawHttp;

/**
 * The pages sign in with a form and a session cookie, CSRF on; the API keeps HTTP Basic, stateless,
 * and neither credential opens the other's door.
 */
@PageTest
class PageSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    ServerProperties server;

    private RawHttp.Response get(String path, String... headers) {
        RawHttp request = RawHttp.request("GET", path);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.send(port);
    }

    @Test
    void a_page_asks_to_sign_in_with_the_form_and_an_htmx_request_is_told_to_go_there() {
        RawHttp.Response page = get("/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");

        RawHttp.Response fragment = get("/", "HX-Request", "true");
        assertThat(fragment.status()).isEqualTo(401);
        assertThat(fragment.header("HX-Redirect")).isEqualTo("/login");

        RawHttp.Response basic = RawHttp.request("GET", "/").basic("officer", "officer").send(port);
        assertThat(basic.status()).as("HTTP Basic does not sign in to the pages").isEqualTo(302);
    }

    @Test
    void the_sign_in_page_is_utf8_html_with_a_csrf_token_a_strict_policy_and_a_session_cookie() {
        RawHttp.Response page = get("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(page.body()).contains("<meta charset=\"utf-8\">").contains("<html lang=\"vi\">")
                .contains("Đăng nhập").contains("name=\"_csrf\"");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("style-src 'self'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Set-Cookie")).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void signing_in_with_the_form_gives_a_new_session_that_opens_the_pages_but_not_the_api() {
        String[] form = PageSessions.signInForm(port, "127.0.0.1");
        RawHttp.Response signedIn = RawHttp.request("POST", "/login").header("Cookie", form[0])
                .form(Map.of("username", "officer", "password", "officer", "_csrf", form[1])).send(port);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/");
        String session = PageSessions.sessionCookie(signedIn);
        assertThat(session).as("a new session id after signing in").isNotNull().isNotEqualTo(form[0]);

        RawHttp.Response home = get("/", "Cookie", session);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Công việc hôm nay");

        RawHttp.Response api = get("/api/petitions", "Cookie", session);
        assertThat(api.status()).as("the API takes no session cookie: it has no CSRF protection").isEqualTo(401);
        assertThat(api.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void a_form_posted_without_its_csrf_token_signs_nobody_in() {
        String[] form = PageSessions.signInForm(port, "127.0.0.1");
        RawHttp.Response forged = RawHttp.request("POST", "/login").header("Cookie", form[0])
                .form(Map.of("username", "officer", "password", "officer")).send(port);
        assertThat(forged.status()).isEqualTo(302);
        assertThat(forged.header("Location")).endsWith("/login?expired");
        assertThat(get("/", "Cookie", form[0]).status()).as("still not signed in").isEqualTo(302);
    }

    @Test
    void the_api_stays_stateless_and_in_its_own_language() {
        RawHttp.Response api = RawHttp.request("GET", "/api/petitions?lang=en").basic("officer", "officer").send(port);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.header("Set-Cookie")).as("no session, no language cookie").isNull();
    }

    @Test
    void a_page_is_vietnamese_whatever_the_browser_asks_for_until_the_reader_switches() {
        assertThat(get("/login", "Accept-Language", "en-US,en;q=0.9").body()).contains("<html lang=\"vi\">");
        RawHttp.Response english = get("/login?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">").contains("Sign in");
        String cookie = english.header("Set-Cookie");
        assertThat(cookie).startsWith("lang=en");
        assertThat(get("/login", "Cookie", cookie.split(";", 2)[0]).body()).contains("<html lang=\"en\">");
        assertThat(get("/login?lang=fr").body()).as("a language without pages is Vietnamese").contains("<html lang=\"vi\">");
    }

    @Test
    void a_session_ends_after_thirty_minutes_without_a_request() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
    }
}
