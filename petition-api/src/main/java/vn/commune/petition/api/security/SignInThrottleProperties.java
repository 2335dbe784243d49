package vn.commune.petition.api.security;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed sign-ins are let through before the next one must wait
 * ({@code petition.security.sign-in-throttle}; the values and their reasons are in application.yml).
 */
@ConfigurationProperties("petition.security.sign-in-throttle")
public record SignInThrottleProperties(Limit perAddress, Limit perAccount, int tracked, Duration knownFor) {

    public SignInThrottleProperties {
        Objects.requireNonNull(perAddress, "petition.security.sign-in-throttle.per-address is required");
        Objects.requireNonNull(perAccount, "petition.security.sign-in-throttle.per-account is required");
        Objects.requireNonNull(knownFor, "petition.security.sign-in-throttle.known-for is required");
        if (tracked < 1) {
            throw new IllegalArgumentException("petition.security.sign-in-throttle.tracked must be at least 1");
        }
    }

    /**
     * {@code failures} failed sign-ins at once, then one more each {@code per / failures}; failures
     * that got through meanwhile lengthen the wait, never beyond {@code maxWait}.
     */
    public record Limit(int failures, Duration per, Duration maxWait) {

        public Limit {
            Objects.requireNonNull(per, "per is required");
            Objects.requireNonNull(maxWait, "max-wait is required");
            if (failures < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("A sign-in limit needs failures >= 1 and a positive per");
            }
            if (maxWait.compareTo(per.dividedBy(failures)) < 0) {
                throw new IllegalArgumentException("A sign-in limit's max-wait must be at least per / failures");
            }
        }

        /** How long one failure takes to refill: the shortest wait. */
        Duration interval() {
            return per.dividedBy(failures);
        }
    }
}
