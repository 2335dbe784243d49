package vn.commune.petition.api.problem;

import java.time.Duration;

/** Too many tries lately from this client or on this subject: answered 429 with Retry-After. */
public class ThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public ThrottledException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long until the next try is let through, in whole seconds rounded up (at least one). */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
