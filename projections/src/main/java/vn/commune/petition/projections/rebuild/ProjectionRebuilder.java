package vn.commune.petition.projections.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a read model from the event store without downtime, and verifies one against a fresh
 * replay of its handlers; each is a run on Spring's run thread, one at a time per projection across
 * every instance of the service on the database ({@link Runs}).
 *
 * <p>A rebuild fills a fresh {@link Copy} of the projection's tables while the live tables keep
 * answering: by its set-based statements ({@link SetBasedLoad}) and then its handlers, or by its
 * handlers alone ({@link Replay}). Once the copy has caught up, the live tables are locked for a
 * moment, the last events applied, and the copy swapped in, in one transaction. Reads never see a
 * half-built model; the handlers are idempotent, so the live processor may apply again what the copy
 * already has.
 */
public class ProjectionRebuilder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    /** Events per transaction of a run by default; the storage engine given should read as many at a time. */
    public static final int BATCH = 5_000;

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final EventStorageEngine storage;
    private final int batch;
    private final int gapWindow;
    private final TaskExecutor runThreads;
    private final Writers writers;
    private final Runs runs;
    private final Map<String, ProjectionDefinition> projections = new LinkedHashMap<>();

    /** How this instance claims runs: its name, and the heartbeat of its runs (see {@link Runs}). */
    public record Claims(String instance, Duration heartbeatTimeout, Duration heartbeatEvery) {
    }

    /**
     * {@code transaction}: a run's, which stores no event and may take minutes; {@code gapWindow}: how
     * far below the head a missing event is still waited for, as far as the storage engine's tokens
     * keep gaps; {@code runThreads} runs the runs, {@code writerThreads} writes their parts at once.
     */
    public ProjectionRebuilder(DataSource dataSource, TransactionTemplate transaction, EventStorageEngine storage,
                               Clock clock, int batch, int gapWindow, TaskExecutor runThreads,
                               ThreadPoolTaskExecutor writerThreads, Claims claims,
                               List<ProjectionDefinition> projections) {
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.storage = storage;
        this.batch = batch;
        this.gapWindow = gapWindow;
        this.runThreads = runThreads;
        this.writers = new Writers(writerThreads, transaction);
        this.runs = new Runs(dataSource, transaction, clock, claims.instance(), claims.heartbeatTimeout(),
                claims.heartbeatEvery());
        projections.forEach(p -> this.projections.put(p.name(), p));
    }

    public List<ProjectionDefinition> projections() {
        return List.copyOf(projections.values());
    }

    public Optional<ProjectionDefinition> projection(String name) {
        return Optional.ofNullable(projections.get(name));
    }

    /** The head of the event store: the position (global_index) of the last event stored; -1 before the first. */
    public long head() {
        return JdbcClient.create(dataSource).sql("SELECT COALESCE(max(global_index), -1) FROM domainevententry")
                .query(Long.class).single();
    }

    /** The projection's last run of this kind, running or ended, on any instance. */
    public Optional<Run.Progress> last(String name, Run.Kind kind) {
        return runs.last(name, kind);
    }

    /** The projection's last run of either kind, on any instance. */
    public Optional<Run.Progress> last(String name) {
        return runs.last(name);
    }

    @Override
    public void close() {
        runs.close();
    }

    /**
     * Starts rebuilding the projection and returns the run, unless a rebuild or a verification of it is
     * running on any instance: then that one's progress. By {@link RebuildMethod#SQL}, the statements write the events up to the head
     * as it is now, and the handlers the rest.
     */
    public Claim rebuild(String name, RebuildMethod method) {
        ProjectionDefinition projection = projections.get(name);
        if (!projection.methods().contains(method)) {
            throw new IllegalArgumentException("The projection " + name + " cannot be rebuilt by " + method);
        }
        long head = head();
        return start(projection, Run.Kind.REBUILD, method, head, run -> rebuild(projection, method, run, head));
    }

    /**
     * Starts verifying the projection against a fresh replay of its handlers and returns the run, unless
     * a rebuild or a verification of it is running on any instance: then that one's progress.
     */
    public Claim verify(String name) {
        ProjectionDefinition projection = projections.get(name);
        // Always by the handlers: a verification is what checks a set-based rebuild.
        return start(projection, Run.Kind.VERIFICATION, RebuildMethod.HANDLERS, head(), run -> {
            try {
                String schema = "verify_" + schemaName(projection, run.id());
                Replay replay = new Replay(projection, schema, storage, batch, dataSource, run);
                run.done(SnapshotVerification.verify(projection, schema, replay, dataSource, transaction, writers));
            } catch (RuntimeException e) {
                log.error("Verification of projection {} failed: {}", projection.name(), e.getClass().getName(), e);
                run.failed(e);
            }
        });
    }

    private Claim start(ProjectionDefinition projection, Run.Kind kind, RebuildMethod method, long head,
                        Consumer<Run> work) {
        long total = JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM domainevententry WHERE global_index <= :head")
                .param("head", head).query(Long.class).single();
        Runs.Claimed claimed = runs.claim(projection.name(), kind, method, total);
        claimed.claim().run().ifPresent(run -> {
            try {
                runThreads.execute(() -> {
                    // An abandoned run's instance is gone: what it left behind is no one's. Dropped by
                    // the run, as the tables' owner, not by the request that claimed it.
                    claimed.abandoned().forEach(id -> scratchSchemas(projection, id)
                            .forEach(schema -> Copy.drop(dataSource, schema)));
                    work.accept(run);
                });
            } catch (RuntimeException e) {
                run.failed(e);
                throw e;
            }
        });
        return claimed.claim();
    }

    private void rebuild(ProjectionDefinition projection, RebuildMethod method, Run run, long head) {
        String schema = "rebuild_" + schemaName(projection, run.id());
        try {
            Copy copy = Copy.create(projection, schema, method == RebuildMethod.HANDLERS, dataSource, transaction);
            Replay replay = new Replay(projection, schema, storage, batch, dataSource, run);
            Phases phases = new Phases();
            TrackingToken from = null;
            if (method == RebuildMethod.SQL) {
                from = SetBasedLoad.load(projection, schema, head, gapWindow, dataSource, writers, run);
                phases.ended("loaded in SQL");
                copy.addKeys(writers);
                phases.ended("keys");
                copy.derive(writers);
                phases.ended("derived");
            }
            TrackingToken token = replay.run(from, Replay.Bound.END, writers);
            phases.ended("replayed");
            if (method == RebuildMethod.HANDLERS) {
                copy.derive(writers);
                phases.ended("derived");
            }
            copy.finish(writers);
            phases.ended("logged and indexed");
            copy.swap(() -> {
                runs.hold(run);
                replay.rest(token);
            });
            phases.ended("swapped");
            run.done(null);
            Run.Progress done = run.progress();
            log.info("Rebuilt projection {} by {} from {} events ({} events/s; {})", projection.name(), method,
                    done.eventsDone(), done.eventsPerSecond(), phases);
        } catch (RuntimeException e) {
            log.error("Rebuild of projection {} failed: {}", projection.name(), e.getClass().getName(), e);
            Copy.drop(dataSource, schema);
            run.failed(e);
        }
    }

    /** The part of a run's scratch schemas' names that is the projection's and the run's, unique per run. */
    private static String schemaName(ProjectionDefinition projection, long run) {
        return projection.name().replace('-', '_') + "_" + run;
    }

    /** Every scratch schema a run of the projection may leave: its copy, the one retired by a swap, a verification's. */
    static List<String> scratchSchemas(ProjectionDefinition projection, long run) {
        String name = schemaName(projection, run);
        return List.of("rebuild_" + name, Copy.RETIRED + "rebuild_" + name, "verify_" + name,
                "verify_" + name + SnapshotVerification.LIVE);
    }

    /** Where a rebuild's time goes, for the log: each phase's seconds. */
    private static final class Phases {

        private final List<String> ended = new ArrayList<>();
        private long mark = System.nanoTime();

        void ended(String phase) {
            long now = System.nanoTime();
            ended.add(String.format(Locale.ROOT, "%s %.1f s", phase, (now - mark) / 1e9));
            mark = now;
        }

        @Override
        public String toString() {
            return String.join(", ", ended);
        }
    }
}
