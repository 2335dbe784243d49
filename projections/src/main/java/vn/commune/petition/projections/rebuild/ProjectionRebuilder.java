package vn.commune.petition.projections.rebuild;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a read model from the event store without downtime: a fresh copy of its tables is filled
 * in a schema of its own while the live tables keep answering; when the copy has caught up, the live
 * tables are locked for a moment, the last events applied, and the copy swapped in by moving schemas,
 * in one transaction. Reads never see a half-built model. The handlers are idempotent, so the live
 * processor may apply again what the copy already has.
 */
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final int BATCH = 2_000;

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final EventStorageEngine storage;
    private final Clock clock;
    private final Map<String, ProjectionDefinition> projections;
    private final Map<String, RebuildProgress> progress = new ConcurrentHashMap<>();

    public ProjectionRebuilder(DataSource dataSource, TransactionTemplate transaction, EventStorageEngine storage,
                               Clock clock, List<ProjectionDefinition> projections) {
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.storage = storage;
        this.clock = clock;
        Map<String, ProjectionDefinition> byName = new java.util.LinkedHashMap<>();
        projections.forEach(p -> byName.put(p.name(), p));
        this.projections = byName;
    }

    public List<ProjectionDefinition> projections() {
        return List.copyOf(projections.values());
    }

    public Optional<ProjectionDefinition> projection(String name) {
        return Optional.ofNullable(projections.get(name));
    }

    public Optional<RebuildProgress> progress(String name) {
        return Optional.ofNullable(progress.get(name));
    }

    /** Whether a rebuild or verification of this projection is running now. */
    public boolean running(String name) {
        RebuildProgress current = progress.get(name);
        return current != null && current.state().equals("RUNNING");
    }

    /** Rebuilds the projection into a fresh copy and swaps it in. Blocks until done. */
    public RebuildProgress rebuild(String name) {
        ProjectionDefinition projection = projections.get(name);
        String schema = "rebuild_" + name.replace('-', '_');
        Instant started = clock.instant();
        long total = head();
        progress.put(name, RebuildProgress.running(name, "REBUILD", 0, total, started, started));
        try {
            createCopy(projection, schema);
            Object handler = projection.handlerFactory().apply(JdbcClient.create(dataSource));
            long[] done = {0};
            TrackingToken token = replay(projection, schema, handler, total, done, started, "REBUILD");
            transaction.executeWithoutResult(status -> {
                JdbcClient jdbc = JdbcClient.create(dataSource);
                for (String table : projection.tables()) {
                    jdbc.sql("LOCK TABLE public." + table + " IN ACCESS EXCLUSIVE MODE").update();
                }
                applyAll(schema, handler, token, done, name, total, started, "REBUILD");
                jdbc.sql("DROP SCHEMA IF EXISTS retired_" + schema + " CASCADE").update();
                jdbc.sql("CREATE SCHEMA retired_" + schema).update();
                for (String table : projection.tables()) {
                    jdbc.sql("ALTER TABLE public." + table + " SET SCHEMA retired_" + schema).update();
                    jdbc.sql("ALTER TABLE " + schema + "." + table + " SET SCHEMA public").update();
                }
                jdbc.sql("DROP SCHEMA retired_" + schema + " CASCADE").update();
                jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
            });
            RebuildProgress result = progress.get(name).finished("DONE", done[0], clock.instant(), null);
            progress.put(name, result);
            log.info("Rebuilt projection {} from {} events ({} events/s)", name, done[0], result.eventsPerSecond());
            return result;
        } catch (RuntimeException e) {
            log.error("Rebuild of projection {} failed: {}", name, e.getClass().getName(), e);
            dropQuietly(schema);
            RebuildProgress failed = progress.get(name).finished("FAILED", progress.get(name).eventsDone(),
                    clock.instant(), e.getClass().getSimpleName());
            progress.put(name, failed);
            return failed;
        }
    }

    /** A difference found by a verification: the table, which side has the row, and the row. */
    public record Difference(String table, String onlyIn, String row) {
    }

    /** The outcome of a verification: the live model against a fresh rebuild. */
    public record VerifyResult(String projection, String status, long eventsReplayed, List<Difference> differences) {
    }

    /** Rebuilds into a scratch copy and compares it with the live tables, row by row. */
    public VerifyResult verify(String name) {
        ProjectionDefinition projection = projections.get(name);
        String schema = "verify_" + name.replace('-', '_');
        Instant started = clock.instant();
        long total = head();
        progress.put(name, RebuildProgress.running(name, "VERIFY", 0, total, started, started));
        try {
            createCopy(projection, schema);
            Object handler = projection.handlerFactory().apply(JdbcClient.create(dataSource));
            long[] done = {0};
            replay(projection, schema, handler, total, done, started, "VERIFY");
            List<Difference> differences = compare(projection, schema);
            // The live tracking processor may still be applying the last events: give it a moment.
            for (int attempt = 0; attempt < 10 && !differences.isEmpty(); attempt++) {
                sleep();
                differences = compare(projection, schema);
            }
            dropQuietly(schema);
            progress.put(name, progress.get(name).finished("DONE", done[0], clock.instant(), null));
            return new VerifyResult(name, differences.isEmpty() ? "MATCH" : "DIFFERENT", done[0], differences);
        } catch (RuntimeException e) {
            dropQuietly(schema);
            progress.put(name, progress.get(name).finished("FAILED", 0, clock.instant(), e.getClass().getSimpleName()));
            throw e;
        }
    }

    private List<Difference> compare(ProjectionDefinition projection, String schema) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<Difference> differences = new ArrayList<>();
        for (String table : projection.tables()) {
            jdbc.sql("SELECT row_to_json(d)::text FROM (SELECT * FROM public." + table + " EXCEPT SELECT * FROM "
                            + schema + "." + table + " LIMIT 20) d")
                    .query(String.class).list()
                    .forEach(row -> differences.add(new Difference(table, "live", row)));
            jdbc.sql("SELECT row_to_json(d)::text FROM (SELECT * FROM " + schema + "." + table
                            + " EXCEPT SELECT * FROM public." + table + " LIMIT 20) d")
                    .query(String.class).list()
                    .forEach(row -> differences.add(new Difference(table, "rebuilt", row)));
        }
        return differences;
    }

    private void createCopy(ProjectionDefinition projection, String schema) {
        transaction.executeWithoutResult(status -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
            jdbc.sql("CREATE SCHEMA " + schema).update();
            for (String table : projection.tables()) {
                jdbc.sql("CREATE TABLE " + schema + "." + table + " (LIKE public." + table + " INCLUDING ALL)").update();
            }
        });
    }

    private TrackingToken replay(ProjectionDefinition projection, String schema, Object handler, long total,
                                 long[] done, Instant started, String kind) {
        TrackingToken token = null;
        while (true) {
            TrackingToken[] last = {token};
            boolean more = Boolean.TRUE.equals(transaction.execute(status ->
                    applyBatch(schema, handler, last, done, projection.name(), total, started, kind)));
            token = last[0];
            if (!more) {
                return token;
            }
        }
    }

    private boolean applyBatch(String schema, Object handler, TrackingToken[] token, long[] done, String name,
                               long total, Instant started, String kind) {
        JdbcClient.create(dataSource).sql("SET LOCAL search_path TO " + schema + ", public").update();
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(handler);
        int applied = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(token[0], false)) {
            var iterator = events.iterator();
            while (applied < BATCH && iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                handle(adapter, event);
                token[0] = event.trackingToken();
                applied++;
            }
        }
        done[0] += applied;
        progress.put(name, RebuildProgress.running(name, kind, done[0], Math.max(total, done[0]), started,
                clock.instant()));
        return applied == BATCH;
    }

    private void applyAll(String schema, Object handler, TrackingToken from, long[] done, String name,
                          long total, Instant started, String kind) {
        TrackingToken[] token = {from};
        while (applyBatch(schema, handler, token, done, name, total, started, kind)) {
            // keep going until the store has no more events
        }
        JdbcClient.create(dataSource).sql("SET LOCAL search_path TO public").update();
    }

    private static void handle(AnnotationEventHandlerAdapter adapter, TrackedEventMessage<?> event) {
        try {
            if (adapter.canHandle(event)) {
                adapter.handle(event);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long head() {
        Long max = JdbcClient.create(dataSource).sql("SELECT count(*) FROM domainevententry")
                .query(Long.class).single();
        return max == null ? 0 : max;
    }

    private void dropQuietly(String schema) {
        try {
            JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        } catch (RuntimeException e) {
            log.warn("Could not drop the scratch schema {}", schema);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
