package vn.commune.petition.projections.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rebuild or a verification of one projection, claimed for this instance in the database (see
 * {@link Runs}), which advances it as it reads the events.
 */
public final class Run {

    public enum Kind { REBUILD, VERIFICATION }

    /** {@code ABANDONED}: its instance stopped beating its heartbeat (it died) before the run ended. */
    public enum State { RUNNING, DONE, FAILED, ABANDONED }

    /**
     * How far a run has gone, out of the events stored up to the head of the event store when it began,
     * and how it ended: its error by type only (a message may quote a row), what a verification found.
     * {@code id} is the run's in the database, {@code instance} the service instance that runs it, and
     * {@code heartbeatAt} when that instance last said it was still running it.
     */
    public record Progress(long id, String projection, Kind kind, RebuildMethod method, State state, String instance,
                           long eventsDone, long eventsTotal, double eventsPerSecond, Instant startedAt,
                           Instant heartbeatAt, Instant finishedAt, String error, Verification verification) {

        /** The events done, in percent of the total, 0 to 100. */
        public int percent() {
            return eventsTotal == 0 ? (state == State.RUNNING ? 0 : 100) : (int) Math.min(100, 100 * eventsDone / eventsTotal);
        }

        /** Seconds left at the rate so far, while the run goes on and has a rate; otherwise null. */
        public Long secondsLeft() {
            return state != State.RUNNING || eventsPerSecond <= 0 ? null
                    : (long) Math.ceil(Math.max(0, eventsTotal - eventsDone) / eventsPerSecond);
        }

        /** Events per second between {@code from} and {@code to}, to one decimal. */
        static double rate(long events, Instant from, Instant to) {
            long millis = Math.max(1, Duration.between(from, to).toMillis());
            return Math.round(events * 10_000.0 / millis) / 10.0;
        }
    }

    private final long id;
    private final Progress started;
    private final Clock clock;
    private final Runs runs;
    private final AtomicLong eventsDone = new AtomicLong();
    private volatile Progress ended;
    private volatile boolean lost;

    Run(long id, String projection, Kind kind, RebuildMethod method, String instance, long eventsTotal,
        Instant startedAt, Clock clock, Runs runs) {
        this.id = id;
        this.clock = clock;
        this.runs = runs;
        this.started = new Progress(id, projection, kind, method, State.RUNNING, instance, 0, eventsTotal, 0,
                startedAt, startedAt, null, null, null);
    }

    long id() {
        return id;
    }

    String projection() {
        return started.projection();
    }

    /**
     * Counts events done; throws once the claim is lost (its row was taken as abandoned, as when this
     * instance stalled past the heartbeat timeout), so that the run stops before it swaps anything in.
     */
    void advance(long events) {
        if (lost) {
            throw new IllegalStateException("The run " + id + " of " + started.projection()
                    + " was taken as abandoned: its heartbeat stopped for too long");
        }
        eventsDone.addAndGet(events);
    }

    long eventsDone() {
        return eventsDone.get();
    }

    void lost() {
        lost = true;
    }

    void done(Verification found) {
        end(State.DONE, null, found);
    }

    void failed(RuntimeException cause) {
        end(State.FAILED, cause.getClass().getSimpleName(), null);
    }

    private void end(State state, String error, Verification found) {
        ended = now(state, error, found);
        runs.ended(this, ended);
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
        return new Progress(id, started.projection(), started.kind(), started.method(), state, started.instance(),
                done, Math.max(started.eventsTotal(), done), Progress.rate(done, started.startedAt(), now),
                started.startedAt(), now, state == State.RUNNING ? null : now, error, found);
    }
}
