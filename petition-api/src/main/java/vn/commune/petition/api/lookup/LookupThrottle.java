package vn.commune.petition.api.lookup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.lookup.LookupThrottleProperties.Limit;
import vn.commune.petition.api.problem.ThrottledException;
import vn.commune.petition.api.security.ClientAddress;

/**
 * Failed lookups, counted in token buckets (bucket4j) per client address and per reference. Once a
 * bucket is empty, every lookup from that address or of that reference is refused (429) before any
 * code is compared, until it refills. The buckets live only in this bounded cache, keyed by digests:
 * no address is stored anywhere else, and a flood of made-up references cannot grow memory.
 */
@Component
class LookupThrottle {

    private final Limit perAddress;
    private final Limit perReference;
    private final Cache<UUID, Bucket> addresses;
    private final Cache<UUID, Bucket> references;
    private final Counter throttled;

    LookupThrottle(LookupThrottleProperties properties, MeterRegistry meters) {
        this.perAddress = properties.perAddress();
        this.perReference = properties.perReference();
        this.addresses = buckets(perAddress, properties.tracked());
        this.references = buckets(perReference, properties.tracked());
        this.throttled = Counter.builder("petition.lookup.throttled")
                .description("Public lookups refused with 429 because of earlier failures")
                .register(meters);
    }

    /** Refuses a lookup whose address or reference has no failures left. */
    void check(String address, String reference) {
        long wait = Math.max(wait(addresses.getIfPresent(addressKey(address))),
                wait(references.getIfPresent(referenceKey(reference))));
        if (wait > 0) {
            throttled.increment();
            throw new ThrottledException("Too many lookups failed lately; try again later", Duration.ofNanos(wait));
        }
    }

    /** A wrong code or an unknown reference: one failure for the address and one for the reference. */
    void failed(String address, String reference) {
        addresses.get(addressKey(address), key -> bucket(perAddress)).consumeIgnoringRateLimits(1);
        references.get(referenceKey(reference), key -> bucket(perReference)).consumeIgnoringRateLimits(1);
    }

    private static Cache<UUID, Bucket> buckets(Limit limit, int tracked) {
        // A bucket left alone for twice its period is full again, so forgetting it changes nothing.
        return Caffeine.newBuilder().maximumSize(tracked).expireAfterAccess(limit.per().multipliedBy(2)).build();
    }

    private static Bucket bucket(Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.failures()).refillGreedy(limit.failures(), limit.per()))
                .build();
    }

    private static long wait(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    private static UUID addressKey(String address) {
        UUID key = ClientAddress.key(address);
        return key != null ? key : UUID.nameUUIDFromBytes(new byte[0]);
    }

    private static UUID referenceKey(String reference) {
        return UUID.nameUUIDFromBytes(("reference:" + reference).getBytes(StandardCharsets.UTF_8));
    }
}
