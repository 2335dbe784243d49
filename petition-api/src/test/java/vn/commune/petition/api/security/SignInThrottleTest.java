package vn.commune.petition.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.commune.petition.api.security.SignInThrottleProperties.Limit;

/** The throttle's arithmetic on a clock the test moves: how long a wait lasts, and what it remembers. */
class SignInThrottleTest {

    private final FakeTime time = new FakeTime();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** As application.yml: 10 per minute per address, 20 per 10 minutes per account. */
    private SignInThrottle throttle(int tracked) {
        return new SignInThrottle(new SignInThrottleProperties(
                new Limit(10, Duration.ofMinutes(1), Duration.ofMinutes(15)),
                new Limit(20, Duration.ofMinutes(10), Duration.ofMinutes(2)),
                tracked, Duration.ofDays(7)), meters, time);
    }

    private static long retryAfter(SignInThrottle throttle, String account, String address) {
        try {
            throttle.check(account, address);
            return 0;
        } catch (SignInThrottledException e) {
            return e.retryAfterSeconds();
        }
    }

    @Test
    void ten_failures_from_one_address_make_the_next_sign_in_wait_six_seconds_then_one_more_is_let_through() {
        SignInThrottle throttle = throttle(100);
        for (int i = 0; i < 10; i++) {
            assertThat(retryAfter(throttle, "user" + i, "198.51.100.7")).as("failure %d", i).isZero();
            throttle.failed("user" + i, "198.51.100.7");
        }
        assertThat(retryAfter(throttle, "someone", "198.51.100.7")).isEqualTo(6);
        assertThat(retryAfter(throttle, "someone", "198.51.100.8")).isZero();
        time.advance(Duration.ofSeconds(6));
        assertThat(retryAfter(throttle, "someone", "198.51.100.7")).isZero();
        throttle.failed("someone", "198.51.100.7");
        assertThat(retryAfter(throttle, "someone", "198.51.100.7")).isEqualTo(6);
        assertThat(meters.counter("petition.sign-in.throttled", "limit", "address").count()).isEqualTo(2);
    }

    @Test
    void failures_that_slipped_through_together_lengthen_the_wait_but_never_beyond_its_maximum() {
        SignInThrottle throttle = throttle(100);
        for (int i = 0; i < 15; i++) {
            throttle.failed("officer", "198.51.100.7");
        }
        assertThat(retryAfter(throttle, "x", "198.51.100.7")).isEqualTo(36);
        for (int i = 0; i < 1_000; i++) {
            throttle.failed("user" + i, "198.51.100.7");
        }
        assertThat(retryAfter(throttle, "x", "198.51.100.7")).isBetween(14 * 60L, 15 * 60L);
        time.advance(Duration.ofMinutes(15));
        assertThat(retryAfter(throttle, "x", "198.51.100.7")).isZero();
    }

    @Test
    void failures_on_one_account_from_many_addresses_hold_it_back_at_most_two_minutes_except_where_it_signed_in() {
        SignInThrottle throttle = throttle(100);
        throttle.succeeded("officer", "192.0.2.1");
        for (int i = 0; i < 25; i++) {
            throttle.failed("officer", "203.0.113." + i);
        }
        assertThat(retryAfter(throttle, "officer", "203.0.113.200")).isBetween(90L, 120L);
        assertThat(retryAfter(throttle, "OFFICER", "203.0.113.201")).as("usernames ignore case").isPositive();
        assertThat(retryAfter(throttle, "chair", "203.0.113.200")).isZero();
        assertThat(retryAfter(throttle, "officer", "192.0.2.1")).as("where the officer signed in").isZero();
        assertThat(meters.counter("petition.sign-in.throttled", "limit", "account").count()).isEqualTo(2);
        time.advance(Duration.ofMinutes(2));
        assertThat(retryAfter(throttle, "officer", "203.0.113.200")).isZero();
    }

    @Test
    void an_address_where_an_account_signed_in_is_forgotten_after_seven_days() {
        SignInThrottle throttle = throttle(100);
        throttle.succeeded("officer", "192.0.2.1");
        time.advance(Duration.ofDays(7).plusSeconds(1));
        for (int i = 0; i < 20; i++) {
            throttle.failed("officer", "203.0.113." + i);
        }
        assertThat(retryAfter(throttle, "officer", "192.0.2.1")).isPositive();
    }

    @Test
    void the_addresses_of_one_ipv6_network_share_a_limit() {
        SignInThrottle throttle = throttle(100);
        for (int i = 1; i <= 10; i++) {
            throttle.failed("user" + i, "2001:db8:0:0:0:0:0:" + Integer.toHexString(i));
        }
        assertThat(retryAfter(throttle, "x", "2001:db8::ffff:1")).isPositive();
        assertThat(retryAfter(throttle, "x", "2001:db8:0:1::1")).isZero();
        assertThat(ClientAddress.key("::ffff:192.0.2.1")).isEqualTo(ClientAddress.key("192.0.2.1"));
    }

    @Test
    void a_flood_of_made_up_usernames_and_addresses_is_remembered_only_up_to_its_bound() {
        SignInThrottle throttle = throttle(1_000);
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String address = random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + random.nextInt(256);
            throttle.failed("x".repeat(random.nextInt(2_000)) + random.nextLong(), address);
            throttle.succeeded("user" + random.nextLong(), address);
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void a_sign_in_with_no_known_address_is_held_back_by_its_account_alone() {
        SignInThrottle throttle = throttle(100);
        for (int i = 0; i < 20; i++) {
            throttle.failed("officer", null);
        }
        assertThatThrownBy(() -> throttle.check("officer", null)).isInstanceOf(SignInThrottledException.class);
        assertThatCode(() -> throttle.check("chair", null)).doesNotThrowAnyException();
    }

    /** A clock for both bucket4j and Caffeine that moves only when told. */
    private static final class FakeTime implements TimeMeter {

        private long nanos = 1_000_000_000L;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }
    }
}
