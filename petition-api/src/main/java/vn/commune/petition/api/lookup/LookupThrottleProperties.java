package vn.commune.petition.api.lookup;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed lookups are let through before the next must wait ({@code petition.lookup.throttle};
 * the values and their reasons are in application.yml): per client address and per reference.
 */
@ConfigurationProperties("petition.lookup.throttle")
public record LookupThrottleProperties(Limit perAddress, Limit perReference, int tracked) {

    public LookupThrottleProperties {
        Objects.requireNonNull(perAddress, "petition.lookup.throttle.per-address is required");
        Objects.requireNonNull(perReference, "petition.lookup.throttle.per-reference is required");
        if (tracked < 1) {
            throw new IllegalArgumentException("petition.lookup.throttle.tracked must be at least 1");
        }
    }

    /** {@code failures} failed lookups at once, then one more each {@code per / failures}. */
    public record Limit(int failures, Duration per) {

        public Limit {
            Objects.requireNonNull(per, "per is required");
            if (failures < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("A lookup limit needs failures >= 1 and a positive per");
            }
        }
    }
}
