package vn.commune.petition.projections.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A rebuild or a verification of one projection, which advances it as it reads the events. */
public final class Run {

    public enum Kind { REBUILD, VERIFICATION }

    public enum State { RUNNING, DONE, FAILED }

    /**
     * How far a run has gone, out of the events stored up to the head of the event store when it began,
     * and how it ended: its error by type only (a message may quote a row), what a verification found.
     */
    public record Progress(String projection, Kind kind, RebuildMethod method, State state, long eventsDone,
                           long eventsTotal, double eventsPerSecond, Instant startedAt, Instant finishedAt,
                           String error, Verification verification) {

        /** The events done, in percent of the total, 0 to 100. */
        public int percent() {
            return eventsTotal == 0 ? (state == State.RUNNING ? 0 : 100) : (int) Math.min(100, 100 * eventsDone / eventsTotal);
        }

        /** Seconds left at the rate so far, while the run goes on and has a rate; otherwise null. */
        public Long secondsLeft() {
            return state != State.RUNNING || eventsPerSecond <= 0 ? null
                    : (long) Math.ceil(Math.max(0, eventsTotal - eventsDone) / eventsPerSecond);
        }
    }

    private final Progress started;
    private final Clock clock;
    private final AtomicLong eventsDone = new AtomicLong();
    private volatile Progress ended;

    Run(String projection, Kind kind, RebuildMethod method, long eventsTotal, Clock clock) {
        this.clock = clock;
        this.started = new Progress(projection, kind, method, State.RUNNING, 0, eventsTotal, 0, clock.instant(), null,
                null, null);
    }

    void advance(long events) {
        eventsDone.addAndGet(events);
    }

    void done(Verification found) {
        ended = now(State.DONE, null, found);
    }

    void failed(RuntimeException cause) {
        ended = now(State.FAILED, cause.getClass().getSimpleName(), null);
    }

    public boolean running() {
        return ended == null;
    }

    public Progress progress() {
        Progress end = ended;
        return end != null ? end : now(State.RUNNING, null, null);
    }

    private Progress now(State state, String error, Verification found) {
        Instant now = clock.instant();
        long done = eventsDone.get();
        long millis = Math.max(1, Duration.between(started.startedAt(), now).toMillis());
        double perSecond = Math.round(done * 10_000.0 / millis) / 10.0;
        return new Progress(started.projection(), started.kind(), started.method(), state, done,
                Math.max(started.eventsTotal(), done), perSecond, started.startedAt(),
                state == State.RUNNING ? null : now, error, found);
    }
}
