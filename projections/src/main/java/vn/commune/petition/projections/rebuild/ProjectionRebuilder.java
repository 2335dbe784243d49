package vn.commune.petition.projections.rebuild;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
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
    /** Events per transaction of a rebuild by default; the storage engine given should read as many at a time. */
    public static final int BATCH = 5_000;
    /**
     * Connections a rebuild writes on at once, each its share of the aggregates: the writers of a
     * replay (beside the thread reading), the halves of each set-based statement, the tables finished.
     */
    static final int WRITERS = 2;

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final EventStorageEngine storage;
    private final Clock clock;
    private final int batch;
    private final int gapWindow;
    private final Map<String, ProjectionDefinition> projections;
    private final Map<String, RebuildProgress> progress = new ConcurrentHashMap<>();

    /**
     * {@code gapWindow}: how far below the last stored event a missing one is still waited for, as far
     * as the storage engine's tracking tokens keep gaps.
     */
    public ProjectionRebuilder(DataSource dataSource, TransactionTemplate transaction, EventStorageEngine storage,
                               Clock clock, int batch, int gapWindow, List<ProjectionDefinition> projections) {
        this.gapWindow = gapWindow;
        this.dataSource = dataSource;
        this.batch = batch;
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
        return isRunning(progress.get(name));
    }

    private static boolean isRunning(RebuildProgress progress) {
        return progress != null && progress.state().equals("RUNNING");
    }

    /** Makes {@code started} the projection's progress, unless a rebuild or verification of it is running. */
    private boolean claim(RebuildProgress started) {
        return progress.compute(started.projection(), (n, current) -> isRunning(current) ? current : started)
                == started;
    }

    /**
     * Starts rebuilding the projection on {@code executor} and returns true, unless a rebuild or a
     * verification of it is running: then false. From the moment this returns, the progress is the
     * new run's.
     */
    public boolean start(String name, RebuildMethod method, Executor executor) {
        if (!projections.get(name).methods().contains(method)) {
            throw new IllegalArgumentException("The projection " + name + " cannot be rebuilt by " + method);
        }
        if (!claim(RebuildProgress.started(name, "REBUILD", method, head(), clock.instant()))) {
            return false;
        }
        executor.execute(() -> rebuild(name, method));
        return true;
    }

    /**
     * Rebuilds the projection into a fresh copy and swaps it in, once {@link #start} has marked it
     * started. By {@link RebuildMethod#SQL}, the projection's set-based statements first write the copy from the events
     * stored so far, one after the other (a statement may read the tables those before it wrote), each
     * run in two transactions at once, one per share of the petitions. They are given {@code :upTo},
     * the position of the last event stored; {@code :gaps}, the positions below it with no event yet,
     * as a bigint array in text ({@code "{5,9}"}), whose events, if they come, the handlers apply next;
     * and {@code :part} of {@code :parts}, the share of the aggregates to write (by {@code
     * hashtext(aggregate_identifier)}). The copy gets its keys after them, then goes on as by {@link
     * RebuildMethod#HANDLERS} from the last event they saw.
     */
    private RebuildProgress rebuild(String name, RebuildMethod method) {
        ProjectionDefinition projection = projections.get(name);
        String schema = "rebuild_" + name.replace('-', '_');
        try {
            Copy copy = createCopy(projection, schema, method == RebuildMethod.HANDLERS);
            DeferredWrites writes = new DeferredWrites();
            Object handler = projection.handlerFactory().apply(writes);
            long[] done = {0};
            TrackingToken from = null;
            // Where the time goes, for the log: each phase's seconds.
            List<String> phases = new ArrayList<>();
            long mark = System.nanoTime();
            if (method == RebuildMethod.SQL) {
                from = load(projection, schema, done);
                mark = phase(phases, "loaded in SQL", mark);
                finish(projection.tables(), table -> copy.keys().getOrDefault(table, List.of()));
                mark = phase(phases, "keys", mark);
            }
            TrackingToken token = replay(projection, schema, writes, handler, from, Position.END, done);
            mark = phase(phases, "replayed", mark);
            finishCopy(projection, schema, copy.indexes());
            mark = phase(phases, "logged and indexed", mark);
            transaction.executeWithoutResult(status -> {
                JdbcClient jdbc = JdbcClient.create(dataSource);
                for (String table : projection.tables()) {
                    jdbc.sql("LOCK TABLE public." + table + " IN ACCESS EXCLUSIVE MODE").update();
                }
                applyAll(schema, writes, handler, token, done, name);
                jdbc.sql("DROP SCHEMA IF EXISTS retired_" + schema + " CASCADE").update();
                jdbc.sql("CREATE SCHEMA retired_" + schema).update();
                for (String table : projection.tables()) {
                    jdbc.sql("ALTER TABLE public." + table + " SET SCHEMA retired_" + schema).update();
                    jdbc.sql("ALTER TABLE " + schema + "." + table + " SET SCHEMA public").update();
                }
                jdbc.sql("DROP SCHEMA retired_" + schema + " CASCADE").update();
                jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
            });
            phase(phases, "swapped", mark);
            RebuildProgress result = progress.get(name).finished("DONE", done[0], clock.instant(), null);
            progress.put(name, result);
            log.info("Rebuilt projection {} by {} from {} events ({} events/s; {})", name, method, done[0],
                    result.eventsPerSecond(), String.join(", ", phases));
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

    /** A rebuild or a verification of the projection is running already. */
    public static class Busy extends RuntimeException {
        Busy(String projection) {
            super("A rebuild or verification of " + projection + " is running");
        }
    }

    /**
     * A difference found by a verification: the table, the row's key, and either the side that alone
     * has the row ({@code live} or {@code rebuilt}) or the columns whose values differ. Never the
     * values themselves: a row may hold a petitioner's, even a denunciator's, personal data.
     */
    public record Difference(String table, Map<String, Object> key, String onlyIn, List<String> columns) {
    }

    /** The outcome of a verification: the live model against a fresh rebuild, as of the same position. */
    public record VerifyResult(String projection, String status, long eventsReplayed, long differencesFound,
                               List<Difference> differences) {
    }

    /** At most this many differences per table are listed; {@code differencesFound} counts them all. */
    static final int DIFFERENCES_LISTED = 20;

    /**
     * Rebuilds the projection by its handlers into a scratch copy and compares it with the live tables
     * as they stood at one moment, replaying exactly the events the live tables had seen then, so that
     * a verification while steps are being recorded is as right as one at rest.
     *
     * <p>One snapshot of the database (REPEATABLE READ, exported) serves both sides: in it the live
     * tables are copied aside, and in it the events are read. A subscribing projection is written in the
     * transaction of its events, so the tables in the snapshot are those of every event in it. A tracking
     * projection's tables are as far as its token, which is committed with them: the replay stops at the
     * token's position and leaves out the events it still waits for (its gaps).
     */
    public VerifyResult verify(String name) {
        ProjectionDefinition projection = projections.get(name);
        String schema = "verify_" + name.replace('-', '_');
        String live = schema + "_live";
        // Always by the handlers: a verification is what checks a set-based rebuild.
        if (!claim(RebuildProgress.started(name, "VERIFY", RebuildMethod.HANDLERS, head(), clock.instant()))) {
            throw new Busy(name);
        }
        try {
            createCopy(projection, schema, true);
            DeferredWrites writes = new DeferredWrites();
            Object handler = projection.handlerFactory().apply(writes);
            long[] done = {0};
            // The snapshot's transaction copies the live tables aside and stays open, suspended, while
            // the replay reads in a transaction of its own that takes the same snapshot.
            TransactionTemplate snapshot = new TransactionTemplate(transaction.getTransactionManager(), transaction);
            snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            TransactionTemplate inSnapshot = new TransactionTemplate(transaction.getTransactionManager());
            inSnapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            inSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            inSnapshot.setReadOnly(true);
            snapshot.executeWithoutResult(outer -> {
                JdbcClient jdbc = JdbcClient.create(dataSource);
                String id = jdbc.sql("SELECT pg_export_snapshot()").query(String.class).single();
                Position position = copyAside(jdbc, projection, live);
                inSnapshot.executeWithoutResult(inner -> {
                    JdbcClient.create(dataSource).sql("SET TRANSACTION SNAPSHOT '" + id + "'").update();
                    replay(projection, schema, writes, handler, null, position, done);
                });
            });
            List<Difference> differences = new ArrayList<>();
            long found = transaction.execute(status -> compare(projection, live, schema, differences));
            dropQuietly(schema);
            dropQuietly(live);
            progress.put(name, progress.get(name).finished("DONE", done[0], clock.instant(), null));
            return new VerifyResult(name, found == 0 ? "MATCH" : "DIFFERENT", done[0], found, differences);
        } catch (RuntimeException e) {
            dropQuietly(schema);
            dropQuietly(live);
            progress.put(name, progress.get(name).finished("FAILED", 0, clock.instant(), e.getClass().getSimpleName()));
            throw e;
        }
    }

    /**
     * How far a replay goes: every event up to {@code upTo} but those in {@code gaps}; no bound when
     * {@code upTo} is null.
     */
    record Position(Long upTo, Set<Long> gaps) {

        static final Position END = new Position(null, Set.of());

        boolean includes(long globalIndex) {
            return upTo == null || (globalIndex <= upTo && !gaps.contains(globalIndex));
        }

        boolean passed(long globalIndex) {
            return upTo != null && globalIndex > upTo;
        }
    }

    /**
     * Copies the projection's live tables, as they stand in the caller's snapshot, into {@code schema},
     * and returns how far they are: a tracking projection's token, or every event in the snapshot.
     */
    private static Position copyAside(JdbcClient jdbc, ProjectionDefinition projection, String schema) {
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        jdbc.sql("CREATE SCHEMA " + schema).update();
        for (String table : projection.tables()) {
            jdbc.sql("CREATE UNLOGGED TABLE " + schema + "." + table + " AS SELECT * FROM public." + table).update();
        }
        List<Position> tokens = jdbc.sql("""
                        SELECT CASE WHEN token IS NULL THEN -1
                                    ELSE (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint END AS upto,
                               ARRAY(SELECT jsonb_array_elements_text(convert_from(token, 'UTF8')::jsonb -> 'gaps')
                                      WHERE token IS NOT NULL) AS gaps
                          FROM tokenentry WHERE processor_name = :processor""")
                .param("processor", projection.name())
                .query((rs, n) -> {
                    Set<Long> gaps = new HashSet<>();
                    for (Object gap : (Object[]) rs.getArray("gaps").getArray()) {
                        gaps.add(Long.parseLong(gap.toString()));
                    }
                    return new Position(rs.getObject("upto") == null ? null : rs.getLong("upto"), gaps);
                })
                .list();
        if (tokens.isEmpty()) {
            return Position.END;
        }
        if (tokens.size() > 1 || tokens.get(0).upTo() == null) {
            throw new IllegalStateException("A verification needs the one gap-aware token of " + projection.name());
        }
        return tokens.get(0);
    }

    /**
     * Compares the live tables copied into {@code live} with the rebuilt ones in {@code rebuilt}, row by
     * row by primary key, adds up to {@link #DIFFERENCES_LISTED} differences per table to {@code listed}
     * and returns how many there are in all.
     */
    private long compare(ProjectionDefinition projection, String live, String rebuilt, List<Difference> listed) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long found = 0;
        for (String table : projection.tables()) {
            List<String> keys = jdbc.sql("""
                            SELECT a.attname FROM pg_constraint c
                              JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, n) ON true
                              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                             WHERE c.conrelid = CAST(:table AS regclass) AND c.contype = 'p'
                             ORDER BY k.n""")
                    .param("table", "public." + table).query(String.class).list();
            List<String> columns = jdbc.sql("""
                            SELECT attname FROM pg_attribute
                             WHERE attrelid = CAST(:table AS regclass) AND attnum > 0 AND NOT attisdropped
                             ORDER BY attnum""")
                    .param("table", "public." + table).query(String.class).list();
            if (keys.isEmpty()) {
                throw new IllegalStateException("A verified table needs a primary key: " + table);
            }
            String join = keys.stream().map(k -> "l." + quote(k) + " = r." + quote(k))
                    .collect(Collectors.joining(" AND "));
            String keyColumns = java.util.stream.IntStream.range(0, keys.size())
                    .mapToObj(i -> "coalesce(l." + quote(keys.get(i)) + ", r." + quote(keys.get(i)) + ") AS key_" + i)
                    .collect(Collectors.joining(", "));
            List<String> values = columns.stream().filter(c -> !keys.contains(c)).toList();
            String differing = values.isEmpty() ? "ARRAY[]::text[]" : values.stream()
                    .map(c -> "CASE WHEN l." + quote(c) + " IS DISTINCT FROM r." + quote(c) + " THEN '" + c + "' END")
                    .collect(Collectors.joining(", ", "array_remove(ARRAY[", "], NULL)"));
            String anyDiffers = values.isEmpty() ? "false" : values.stream()
                    .map(c -> "l." + quote(c) + " IS DISTINCT FROM r." + quote(c))
                    .collect(Collectors.joining(" OR "));
            String k0 = quote(keys.get(0));
            String sql = "SELECT " + keyColumns + ","
                    + " CASE WHEN l." + k0 + " IS NULL THEN 'rebuilt' WHEN r." + k0 + " IS NULL THEN 'live' END AS only_in,"
                    + " " + differing + " AS columns, count(*) OVER () AS found"
                    + " FROM " + live + "." + table + " l FULL JOIN " + rebuilt + "." + table + " r ON " + join
                    + " WHERE l." + k0 + " IS NULL OR r." + k0 + " IS NULL OR " + anyDiffers
                    + " ORDER BY " + java.util.stream.IntStream.rangeClosed(1, keys.size()).mapToObj(String::valueOf)
                            .collect(Collectors.joining(", ")) + " LIMIT " + DIFFERENCES_LISTED;
            long[] inTable = {0};
            jdbc.sql(sql).query((rs, n) -> {
                inTable[0] = rs.getLong("found");
                String onlyIn = rs.getString("only_in");
                List<String> differ = onlyIn != null ? List.of()
                        : List.of((String[]) rs.getArray("columns").getArray());
                Map<String, Object> key = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    key.put(keys.get(i), rs.getObject("key_" + i));
                }
                return new Difference(table, key, onlyIn, differ);
            }).list().forEach(listed::add);
            found += inTable[0];
        }
        return found;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }


    /** The statements that complete a copy's tables, by table: their primary and unique keys; their other indexes. */
    private record Copy(Map<String, List<String>> keys, Map<String, List<String>> indexes) {
    }

    /**
     * Creates the empty copy of the projection's tables in {@code schema}, built for loading: unlogged
     * (no WAL for rows that are rebuilt anyway if the server stops), and without its secondary indexes,
     * made by {@link #finishCopy} once the rows are in: an index built in one sorted pass costs far less
     * than one kept up to date row by row. The primary and unique keys, which the handlers' upserts and
     * updates need, are made now if {@code keysNow}, else returned for after a set-based load.
     */
    private Copy createCopy(ProjectionDefinition projection, String schema, boolean keysNow) {
        return transaction.execute(status -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
            jdbc.sql("CREATE SCHEMA " + schema).update();
            Map<String, List<String>> keys = new java.util.LinkedHashMap<>();
            Map<String, List<String>> deferred = new java.util.LinkedHashMap<>();
            for (String table : projection.tables()) {
                // Everything but the indexes; those keep the live table's names, so that a later
                // migration naming one still finds it after the swap.
                jdbc.sql("CREATE UNLOGGED TABLE " + schema + "." + table + " (LIKE public." + table
                        + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY"
                        + " INCLUDING STORAGE INCLUDING COMMENTS)").update();
                jdbc.sql("""
                                SELECT c.conname, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
                                 WHERE c.conrelid = CAST(:table AS regclass) AND c.contype IN ('p', 'u')
                                 ORDER BY c.contype, c.conname
                                """)
                        .param("table", "public." + table)
                        .query().listOfRows()
                        .forEach(key -> keys.computeIfAbsent(table, t -> new ArrayList<>()).add("ALTER TABLE " + schema
                                + "." + table + " ADD CONSTRAINT " + key.get("conname") + " " + key.get("def")));
                if (keysNow) {
                    keys.getOrDefault(table, List.of()).forEach(key -> jdbc.sql(key).update());
                }
                jdbc.sql("""
                                SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                                 WHERE i.indrelid = CAST(:table AS regclass)
                                   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                                 ORDER BY 1
                                """)
                        .param("table", "public." + table)
                        .query(String.class).list()
                        .forEach(index -> deferred.computeIfAbsent(table, t -> new ArrayList<>())
                                .add(index.replace(" ON public." + table + " ", " ON " + schema + "." + table + " ")));
            }
            return new Copy(keysNow ? Map.of() : keys, deferred);
        });
    }

    /**
     * Makes the loaded copy a table like the live one: logged, with every index and the foreign keys
     * between its own tables, and with planner statistics. Runs before the live tables are locked.
     * Each table is finished in a transaction of its own, two at a time (SET LOGGED rewrites the
     * table and rebuilds its keys, on one core each); the foreign keys come last.
     */
    private void finishCopy(ProjectionDefinition projection, String schema, Map<String, List<String>> deferredIndexes) {
        finish(projection.tables(), table -> {
            List<String> statements = new ArrayList<>();
            statements.add("ALTER TABLE " + schema + "." + table + " SET LOGGED");
            statements.addAll(deferredIndexes.getOrDefault(table, List.of()));
            statements.add("ANALYZE " + schema + "." + table);
            return statements;
        });
        transaction.executeWithoutResult(status -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            List<Map<String, Object>> foreignKeys = jdbc.sql("""
                            SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS def
                              FROM pg_constraint c
                             WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                               AND c.conrelid::regclass::text IN (:tables)
                            """)
                    .param("tables", projection.tables())
                    .query().listOfRows();
            jdbc.sql("SET LOCAL search_path TO " + schema + ", public").update();
            for (Map<String, Object> key : foreignKeys) {
                jdbc.sql("ALTER TABLE " + schema + "." + key.get("table_name") + " ADD CONSTRAINT "
                        + key.get("conname") + " " + key.get("def")).update();
            }
        });
    }

    /**
     * Applies every stored event to the handler, into the copy in {@code schema}, and returns the token
     * of the last. The work is shared so that both cores are busy: this thread reads a batch of events
     * and applies the handler, which holds its writes back; while it reads the next batch, {@link
     * #WRITERS} writer threads write the last one, each the writes of its share of the aggregates, in
     * a transaction of its own (writes of different aggregates commute). A batch is written only once
     * the one before it is, so each aggregate's writes keep their order.
     */
    private TrackingToken replay(ProjectionDefinition projection, String schema, DeferredWrites writes,
                                 Object handler, TrackingToken from, Position upTo, long[] done) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(handler);
        List<ExecutorService> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(Executors.newSingleThreadExecutor(task -> new Thread(task, "projection-rebuild-writer")));
        }
        try {
            TrackingToken token = from;
            List<Future<?>> writing = List.of();
            Read written = null;
            while (true) {
                Read read = read(adapter, writes, token, upTo);
                token = read.token();
                writing.forEach(ProjectionRebuilder::await);
                if (written != null) {
                    done[0] += written.events();
                    advance(projection.name(), done[0]);
                }
                writing = write(writers, schema, read.writes());
                written = read;
                if (read.events() < batch) {
                    writing.forEach(ProjectionRebuilder::await);
                    done[0] += read.events();
                    return token;
                }
            }
        } finally {
            writers.forEach(ProjectionRebuilder::stop);
        }
    }

    /** Stops a rebuild's threads; a failed rebuild drops its copy next, so a statement running finishes first. */
    private static void stop(ExecutorService threads) {
        threads.shutdownNow();
        try {
            threads.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts writing a batch: in parts, one per writer, or whole on the first if it cannot be divided. */
    private List<Future<?>> write(List<ExecutorService> writers, String schema, DeferredWrites.Pending writes) {
        int parts = writes.divisible() ? writers.size() : 1;
        List<Future<?>> writing = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            int mine = part;
            writing.add(writers.get(part).submit(() ->
                    transaction.executeWithoutResult(status -> write(schema, writes, mine, parts))));
        }
        return writing;
    }

    /** A batch of events read and applied: the writes they made, how many they were, the last one's token. */
    private record Read(DeferredWrites.Pending writes, int events, TrackingToken token) {
    }

    /**
     * Reads up to a batch of events after {@code from}, as far as {@code upTo}, and applies the handler
     * to those it includes, its writes held back. Fewer than a batch read means the end was reached.
     */
    private Read read(AnnotationEventHandlerAdapter adapter, DeferredWrites writes, TrackingToken from,
                      Position upTo) {
        TrackingToken token = from;
        int applied = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
            var iterator = events.iterator();
            while (applied < batch && iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                long index = event.trackingToken().position().orElseThrow();
                if (upTo.passed(index)) {
                    break;
                }
                token = event.trackingToken();
                applied++;
                if (!upTo.includes(index)) {
                    continue;
                }
                writes.handling(event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null);
                handle(adapter, event);
            }
        }
        return new Read(writes.take(), applied, token);
    }

    /** Writes part {@code part} of {@code parts} of a batch into the copy, in the caller's transaction. */
    private void write(String schema, DeferredWrites.Pending writes, int part, int parts) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("SET LOCAL search_path TO " + schema + ", public");
        writes.writeTo(jdbc, part, parts);
    }

    /** Applies the events stored since {@code from}, in the caller's transaction, until there are no more. */
    private void applyAll(String schema, DeferredWrites writes, Object handler, TrackingToken from, long[] done,
                          String name) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(handler);
        TrackingToken token = from;
        Read read;
        do {
            read = read(adapter, writes, token, Position.END);
            token = read.token();
            write(schema, read.writes(), 0, 1);
            done[0] += read.events();
            advance(name, done[0]);
        } while (read.events() == batch);
        new JdbcTemplate(dataSource).execute("SET LOCAL search_path TO public");
    }

    /**
     * Writes the copy by the projection's set-based statements, from the events stored now, and returns
     * the token of the last: the handlers go on from there, and apply first any event below it that
     * was not stored yet (a gap: a transaction still writing it, or one rolled back). Gaps are looked
     * for as far back as the storage engine's tracking tokens keep them ({@code gapWindow}).
     */
    private TrackingToken load(ProjectionDefinition projection, String schema, long[] done) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Long upTo = jdbc.sql("SELECT max(global_index) FROM domainevententry").query(Long.class).optional().orElse(null);
        if (upTo == null) {
            return null;
        }
        List<Long> gaps = jdbc.sql("""
                        SELECT g FROM generate_series(GREATEST(:upTo - :window,
                                   (SELECT min(global_index) FROM domainevententry)), :upTo) AS g
                         WHERE NOT EXISTS (SELECT 1 FROM domainevententry WHERE global_index = g)
                        """)
                .param("upTo", upTo).param("window", gapWindow).query(Long.class).list();
        String gapArray = gaps.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        int parts = WRITERS;
        ExecutorService loaders = Executors.newFixedThreadPool(parts, task -> new Thread(task, "projection-rebuild-load"));
        try {
            for (String statement : projection.setBasedRebuild()) {
                List<Future<?>> loading = new ArrayList<>();
                for (int part = 0; part < parts; part++) {
                    int mine = part;
                    loading.add(loaders.submit(() -> transaction.executeWithoutResult(status -> {
                        JdbcClient load = JdbcClient.create(dataSource);
                        load.sql("SET LOCAL search_path TO " + schema + ", public").update();
                        // Enough for the grouping by petition to sort in memory.
                        load.sql("SET LOCAL work_mem = '256MB'").update();
                        load.sql(statement).param("upTo", upTo).param("gaps", gapArray).param("part", mine)
                                .param("parts", parts).update();
                    })));
                }
                loading.forEach(ProjectionRebuilder::await);
            }
        } finally {
            stop(loaders);
        }
        done[0] = jdbc.sql("SELECT count(*) FROM domainevententry WHERE global_index <= :upTo")
                .param("upTo", upTo).query(Long.class).single();
        advance(projection.name(), done[0]);
        return GapAwareTrackingToken.newInstance(upTo, gaps);
    }

    /** Runs each table's statements in a transaction of its own, two tables at a time. */
    private void finish(List<String> tables, Function<String, List<String>> statements) {
        ExecutorService finishers = Executors.newFixedThreadPool(WRITERS,
                task -> new Thread(task, "projection-rebuild-finish"));
        try {
            List<Future<?>> finishing = new ArrayList<>();
            for (String table : tables) {
                finishing.add(finishers.submit(() -> transaction.executeWithoutResult(status ->
                        statements.apply(table).forEach(new JdbcTemplate(dataSource)::execute))));
            }
            finishing.forEach(ProjectionRebuilder::await);
        } finally {
            stop(finishers);
        }
    }

    private static long phase(List<String> phases, String name, long since) {
        long now = System.nanoTime();
        phases.add(String.format(Locale.ROOT, "%s %.1f s", name, (now - since) / 1e9));
        return now;
    }

    private void advance(String name, long done) {
        progress.computeIfPresent(name, (n, current) -> current.advanced(done, clock.instant()));
    }

    private static void await(Future<?> writing) {
        try {
            writing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a rebuild", e);
        }
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
}
