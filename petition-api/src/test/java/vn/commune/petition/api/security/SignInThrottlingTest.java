package vn.commune.petition.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.RawHttp;
import vn.commune.petition.api.pages.PageSessions;

/**
 * Password guessing over HTTP Basic, from several client addresses of the loopback. Limits are
 * small here (5 failures per address, 8 per account, refilled over 10 minutes) so that nothing
 * refills while a test runs.
 */
@PetitionServiceTest
@TestPropertySource(properties = {"petition.test.context=sign-in-throttle",
        "petition.security.sign-in-throttle.per-address.failures=5",
        "petition.security.sign-in-throttle.per-address.per=10m",
        "petition.security.sign-in-throttle.per-address.max-wait=10m",
        "petition.security.sign-in-throttle.per-account.failures=8",
        "petition.security.sign-in-throttle.per-account.per=10m",
        "petition.security.sign-in-throttle.per-account.max-wait=10m"})
class SignInThrottlingTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private RawHttp.Response get(String from, String user, String password) {
        return RawHttp.request("GET", "/api/petitions?from=2024-01-01&to=2024-01-31").basic(user, password).from(from)
                .send(port);
    }

    private double throttled(String limit) {
        return meters.counter("petition.sign-in.throttled", "limit", limit).count();
    }

    @Test
    void forty_wrong_passwords_from_one_address_get_five_401s_then_429_with_retry_after_even_for_the_right_one() {
        double before = throttled("address");
        for (int i = 1; i <= 40; i++) {
            RawHttp.Response response = get("127.0.0.2", "officer", "guess" + i);
            if (i <= 5) {
                assertThat(response.status()).as("attempt %d", i).isEqualTo(401);
            } else {
                assertThat(response.status()).as("attempt %d", i).isEqualTo(429);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.json().path("type").asText()).isEqualTo("/problems/too-many-sign-ins");
                assertThat(response.json().path("status").asInt()).isEqualTo(429);
                assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 120L);
            }
        }
        assertThat(get("127.0.0.2", "officer", "officer").status()).as("the right password, same address")
                .isEqualTo(429);
        assertThat(get("127.0.0.3", "officer", "officer").status()).as("the right password, another address")
                .isEqualTo(200);
        assertThat(throttled("address") - before).isEqualTo(36);
    }

    @Test
    void failures_on_one_account_from_many_addresses_hold_it_back_except_where_its_user_signs_in() {
        assertThat(get("127.0.0.1", "chair", "chair").status()).isEqualTo(200);
        for (int i = 10; i < 18; i++) {
            assertThat(get("127.0.0.%d".formatted(i), "chair", "guess").status()).isEqualTo(401);
        }
        double before = throttled("account");
        RawHttp.Response elsewhere = get("127.0.0.18", "CHAIR", "chair");
        assertThat(elsewhere.status()).isEqualTo(429);
        assertThat(elsewhere.header("Retry-After")).isNotBlank();
        assertThat(throttled("account") - before).isEqualTo(1);
        assertThat(get("127.0.0.1", "chair", "chair").status()).as("where the chair signed in").isEqualTo(200);
        assertThat(get("127.0.0.18", "inspector", "inspector").status()).as("another account").isEqualTo(200);
    }

    @Test
    void the_sign_in_form_goes_through_the_same_throttle_and_says_how_long_to_wait() {
        for (int i = 1; i <= 5; i++) {
            RawHttp.Response wrong = PageSessions.signIn(port, "127.0.0.40", "admin", "guess" + i);
            assertThat(wrong.status()).as("attempt %d", i).isEqualTo(302);
            assertThat(wrong.header("Location")).as("attempt %d", i).endsWith("/login?error");
        }
        RawHttp.Response throttled = PageSessions.signIn(port, "127.0.0.40", "admin", "admin");
        assertThat(throttled.status()).isEqualTo(302);
        assertThat(throttled.header("Location")).as("the right password, unchecked").matches(".*/login\\?wait=\\d+");
        String wait = throttled.header("Location").replaceAll(".*wait=", "");
        RawHttp.Response form = RawHttp.request("GET", "/login?wait=" + wait).send(port);
        assertThat(form.body()).contains("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + wait + " giây.");
        assertThat(form.header("Retry-After")).isEqualTo(wait);
        assertThat(get("127.0.0.40", "admin", "admin").status()).as("HTTP Basic from the same address").isEqualTo(429);
        assertThat(PageSessions.signIn(port, "127.0.0.41", "admin", "admin").header("Location"))
                .as("the form from another address").endsWith("/");
    }
}
