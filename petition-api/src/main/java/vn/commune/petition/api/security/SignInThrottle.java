package vn.commune.petition.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.security.SignInThrottleProperties.Limit;

/**
 * Failed sign-ins, counted in token buckets (bucket4j) per client address and per account. Once a
 * bucket is empty, every sign-in from that address or on that account is refused (429) without its
 * password being checked, until the bucket refills. An account's limit does not apply at an address
 * where that account signed in successfully lately, so a stranger failing on someone's account
 * does not lock its user out at the user's own desk. The buckets live in caches bounded in size,
 * keyed by fixed-size digests: a flood of made-up usernames or addresses cannot grow memory.
 */
@Component
class SignInThrottle {

    private final Limit perAddress;
    private final Limit perAccount;
    private final TimeMeter time;
    private final Cache<UUID, Bucket> addresses;
    private final Cache<UUID, Bucket> accounts;
    private final Cache<Known, Boolean> known;
    private final Counter throttledByAddress;
    private final Counter throttledByAccount;

    @Autowired
    SignInThrottle(SignInThrottleProperties properties, MeterRegistry meters) {
        this(properties, meters, TimeMeter.SYSTEM_NANOTIME);
    }

    SignInThrottle(SignInThrottleProperties properties, MeterRegistry meters, TimeMeter time) {
        this.perAddress = properties.perAddress();
        this.perAccount = properties.perAccount();
        this.time = time;
        this.addresses = buckets(perAddress, properties.tracked(), time);
        this.accounts = buckets(perAccount, properties.tracked(), time);
        this.known = Caffeine.newBuilder()
                .maximumSize(properties.tracked())
                .expireAfterWrite(properties.knownFor())
                .ticker(time::currentTimeNanos)
                .build();
        this.throttledByAddress = throttled(meters, "address");
        this.throttledByAccount = throttled(meters, "account");
    }

    /** Refuses a sign-in whose address or account has no failures left; an unknown address counts only the account. */
    void check(String account, String address) {
        UUID addressKey = ClientAddress.key(address);
        long addressWait = addressKey == null ? 0 : wait(addresses.getIfPresent(addressKey));
        if (addressWait > 0) {
            throttledByAddress.increment();
            throw new SignInThrottledException(Duration.ofNanos(addressWait));
        }
        UUID accountKey = accountKey(account);
        long accountWait = wait(accounts.getIfPresent(accountKey));
        if (accountWait > 0 && (addressKey == null || known.getIfPresent(new Known(accountKey, addressKey)) == null)) {
            throttledByAccount.increment();
            throw new SignInThrottledException(Duration.ofNanos(accountWait));
        }
    }

    /** A wrong username or password: one failure for its address and one for its account. */
    void failed(String account, String address) {
        UUID addressKey = ClientAddress.key(address);
        if (addressKey != null) {
            consume(addresses.get(addressKey, key -> bucket(perAddress, time)), perAddress);
        }
        consume(accounts.get(accountKey(account), key -> bucket(perAccount, time)), perAccount);
    }

    /** A successful sign-in: from now on the account's own limit does not hold it back at this address. */
    void succeeded(String account, String address) {
        UUID addressKey = ClientAddress.key(address);
        if (addressKey != null) {
            known.put(new Known(accountKey(account), addressKey), Boolean.TRUE);
        }
    }

    /** How many addresses and accounts are remembered now (each at most {@code tracked}). */
    long tracked() {
        addresses.cleanUp();
        accounts.cleanUp();
        known.cleanUp();
        return Math.max(Math.max(addresses.estimatedSize(), accounts.estimatedSize()), known.estimatedSize());
    }

    private static Cache<UUID, Bucket> buckets(Limit limit, int tracked, TimeMeter time) {
        // A bucket left alone this long is full again, so forgetting it changes nothing.
        return Caffeine.newBuilder()
                .maximumSize(tracked)
                .expireAfterAccess(limit.per().plus(limit.maxWait()))
                .ticker(time::currentTimeNanos)
                .build();
    }

    private static Bucket bucket(Limit limit, TimeMeter time) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.failures()).refillGreedy(limit.failures(), limit.per()))
                .withCustomTimePrecision(time)
                .build();
    }

    /**
     * Takes one failure, even from an empty bucket: sign-ins checked at the same moment all fail
     * after the check let them through, and each lengthens the wait, up to the limit's maximum.
     */
    private static void consume(Bucket bucket, Limit limit) {
        long owed = bucket.consumeIgnoringRateLimits(1);
        // The next attempt waits for what is owed and then for one failure's worth of refill.
        if (owed + limit.interval().toNanos() > limit.maxWait().toNanos()) {
            bucket.addTokens(1);
        }
    }

    private static long wait(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Usernames are matched without regard to case, as the accounts are. */
    private static UUID accountKey(String account) {
        String name = account == null ? "" : account.toLowerCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes(("account:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static Counter throttled(MeterRegistry meters, String limit) {
        return Counter.builder("petition.sign-in.throttled")
                .description("Sign-ins refused with 429 because of earlier failures, by the limit that refused them")
                .tag("limit", limit)
                .register(meters);
    }

    private record Known(UUID account, UUID address) {
    }
}
