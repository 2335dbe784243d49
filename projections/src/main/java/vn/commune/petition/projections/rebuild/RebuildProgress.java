package vn.commune.petition.projections.rebuild;

import java.time.Duration;
import java.time.Instant;

/** How the last rebuild or verification of a projection went, or is going. */
public record RebuildProgress(
        String projection,
        String kind,
        RebuildMethod method,
        String state,
        long eventsDone,
        long eventsTotal,
        double eventsPerSecond,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    static RebuildProgress started(String projection, String kind, RebuildMethod method, long total, Instant now) {
        return new RebuildProgress(projection, kind, method, "RUNNING", 0, total, 0, now, null, null);
    }

    RebuildProgress advanced(long done, Instant now) {
        return new RebuildProgress(projection, kind, method, "RUNNING", done, Math.max(eventsTotal, done),
                rate(done, startedAt, now), startedAt, null, null);
    }

    RebuildProgress finished(String state, long done, Instant now, String error) {
        return new RebuildProgress(projection, kind, method, state, done, eventsTotal, rate(done, startedAt, now),
                startedAt, now, error);
    }

    private static double rate(long done, Instant startedAt, Instant now) {
        long millis = Math.max(1, Duration.between(startedAt, now).toMillis());
        return Math.round(done * 1000.0 / millis * 10) / 10.0;
    }
}
