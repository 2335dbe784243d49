package vn.commune.petition.projections.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rebuilds and verifications of every instance of the service on this database, kept in the
 * table {@code projection_run}: at most one RUNNING row per projection (a unique index says so), so a
 * run is claimed cluster-wide. This instance beats the heartbeat of its own runs, with their events
 * done, every {@code heartbeatEvery}; a RUNNING row whose heartbeat is older than {@code
 * heartbeatTimeout} belongs to an instance that died, is shown as ABANDONED, and is set so by the next
 * claim of its projection.
 */
final class Runs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Runs.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String instance;
    private final Duration heartbeatTimeout;
    private final Map<Long, Run> here = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat;

    /** What a claim got, and the runs it found abandoned, whose scratch schemas are left to drop. */
    record Claimed(Claim claim, List<Long> abandoned) {
    }

    Runs(DataSource dataSource, TransactionTemplate transaction, Clock clock, String instance,
         Duration heartbeatTimeout, Duration heartbeatEvery) {
        if (heartbeatEvery.multipliedBy(2).compareTo(heartbeatTimeout) > 0) {
            throw new IllegalArgumentException("A run's heartbeat every " + heartbeatEvery
                    + " would let it be taken as abandoned after " + heartbeatTimeout + ": beat at least twice as often");
        }
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = transaction;
        this.clock = clock;
        this.instance = instance;
        this.heartbeatTimeout = heartbeatTimeout;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "projection-run-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, heartbeatEvery.toMillis());
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a run of the projection for this instance, unless a rebuild or a verification of it is
     * running on any instance: then that one's progress. A running row past the heartbeat timeout is
     * set ABANDONED first.
     */
    Claimed claim(String projection, Run.Kind kind, RebuildMethod method, long eventsTotal) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            List<Long> abandoned = jdbc.sql("""
                            UPDATE projection_run SET state = 'ABANDONED', finished_at = :now
                             WHERE projection = :projection AND state = 'RUNNING' AND heartbeat_at < :stale
                            RETURNING id""")
                    .param("now", at(now)).param("projection", projection)
                    .param("stale", at(now.minus(heartbeatTimeout)))
                    .query(Long.class).list();
            // Waits for a claim of another instance not yet committed, then does nothing if it was.
            Optional<Long> id = jdbc.sql("""
                            INSERT INTO projection_run (projection, kind, method, state, instance, events_total,
                                                        events_done, started_at, heartbeat_at)
                            VALUES (:projection, :kind, :method, 'RUNNING', :instance, :total, 0, :now, :now)
                            ON CONFLICT (projection) WHERE state = 'RUNNING' DO NOTHING
                            RETURNING id""")
                    .param("projection", projection).param("kind", kind.name()).param("method", method.name())
                    .param("instance", instance).param("total", eventsTotal).param("now", at(now))
                    .query(Long.class).optional();
            if (id.isEmpty()) {
                // The run in the way may have ended since the insert met it: then it is the last.
                return new Claimed(Claim.refused(running(projection).or(() -> last(projection)).orElseThrow()),
                        abandoned);
            }
            Run run = new Run(id.get(), projection, kind, method, instance, eventsTotal, now, clock, this);
            here.put(run.id(), run);
            return new Claimed(Claim.started(run), abandoned);
        });
    }

    /** The projection's last run of this kind, on any instance. */
    Optional<Run.Progress> last(String projection, Run.Kind kind) {
        return jdbc.sql("SELECT * FROM projection_run WHERE projection = :projection AND kind = :kind"
                        + " ORDER BY id DESC LIMIT 1")
                .param("projection", projection).param("kind", kind.name())
                .query(this::progress).optional();
    }

    /** The projection's last run of either kind, on any instance. */
    Optional<Run.Progress> last(String projection) {
        return jdbc.sql("SELECT * FROM projection_run WHERE projection = :projection ORDER BY id DESC LIMIT 1")
                .param("projection", projection)
                .query(this::progress).optional();
    }

    /**
     * Holds the run's row until the caller's transaction ends, so that no claim can take it as abandoned
     * meanwhile; throws if it already was.
     */
    void hold(Run run) {
        String state = jdbc.sql("SELECT state FROM projection_run WHERE id = :id FOR UPDATE")
                .param("id", run.id()).query(String.class).single();
        if (!Run.State.RUNNING.name().equals(state)) {
            run.lost();
            throw new IllegalStateException("The run " + run.id() + " of " + run.projection() + " is " + state);
        }
    }

    /** Writes how the run ended, if its row is still its own (not taken as abandoned meanwhile). */
    void ended(Run run, Run.Progress end) {
        here.remove(run.id());
        try {
            jdbc.sql("""
                            UPDATE projection_run
                               SET state = :state, events_done = :done, events_total = :total, heartbeat_at = :at,
                                   finished_at = :at, error = :error, verification = CAST(:verification AS jsonb)
                             WHERE id = :id AND state = 'RUNNING'""")
                    .param("state", end.state().name()).param("done", end.eventsDone())
                    .param("total", end.eventsTotal()).param("at", at(end.finishedAt()))
                    .param("error", end.error())
                    .param("verification", end.verification() == null ? null : JSON.writeValueAsString(end.verification()))
                    .param("id", run.id())
                    .update();
        } catch (JsonProcessingException | RuntimeException e) {
            log.error("Could not record the end of run {} of {}: {}", run.id(), run.projection(), e.getClass().getName());
        }
    }

    /** Beats the heartbeat of this instance's runs, with their events done; a run whose row was taken is lost. */
    void beat() {
        Instant now = clock.instant();
        for (Run run : here.values()) {
            try {
                int beaten = jdbc.sql("""
                                UPDATE projection_run SET heartbeat_at = :now, events_done = :done
                                 WHERE id = :id AND state = 'RUNNING'""")
                        .param("now", at(now)).param("done", run.eventsDone()).param("id", run.id())
                        .update();
                if (beaten == 0 && run.running()) {
                    log.warn("Run {} of {} was taken as abandoned by another instance", run.id(), run.projection());
                    run.lost();
                    here.remove(run.id());
                }
            } catch (RuntimeException e) {
                log.warn("Could not beat the heartbeat of run {}: {}", run.id(), e.getClass().getName());
            }
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }

    private Optional<Run.Progress> running(String projection) {
        return jdbc.sql("SELECT * FROM projection_run WHERE projection = :projection AND state = 'RUNNING'")
                .param("projection", projection).query(this::progress).optional();
    }

    /** A row's progress: this instance's own run as it is now, another's as of its last heartbeat. */
    private Run.Progress progress(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Run mine = here.get(id);
        if (mine != null && mine.running()) {
            return mine.progress();
        }
        Run.State state = Run.State.valueOf(rs.getString("state"));
        Instant started = instant(rs, "started_at");
        Instant heartbeat = instant(rs, "heartbeat_at");
        Instant finished = instant(rs, "finished_at");
        String error = rs.getString("error");
        if (state == Run.State.RUNNING && heartbeat.isBefore(clock.instant().minus(heartbeatTimeout))) {
            state = Run.State.ABANDONED;
        }
        long done = rs.getLong("events_done");
        String found = rs.getString("verification");
        Verification verification;
        try {
            verification = found == null ? null : JSON.readValue(found, Verification.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable verification of run " + id, e);
        }
        return new Run.Progress(id, rs.getString("projection"), Run.Kind.valueOf(rs.getString("kind")),
                RebuildMethod.valueOf(rs.getString("method")), state, rs.getString("instance"), done,
                rs.getLong("events_total"), Run.Progress.rate(done, started, finished != null ? finished : heartbeat),
                started, heartbeat, finished, error, verification);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
