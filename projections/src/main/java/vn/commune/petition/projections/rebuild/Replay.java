package vn.commune.petition.projections.rebuild;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies stored events to a fresh instance of a projection's handler, whose writes go into a copy of
 * its tables. The work is shared so that both cores are busy: the run's thread reads a batch of events
 * and applies the handler, which holds its writes back; while it reads the next batch, the writers
 * write the last one, each the writes of its share of the aggregates, in a transaction of its own
 * (writes of different aggregates commute). A batch is written only once the one before it is, so
 * each aggregate's writes keep their order.
 */
final class Replay {

    /** How far a replay goes: every event up to {@code upTo} but those in {@code gaps}; no bound if it is null. */
    record Bound(Long upTo, Set<Long> gaps) {

        static final Bound END = new Bound(null, Set.of());

        boolean passed(long index) {
            return upTo != null && index > upTo;
        }
    }

    /** A batch of events read and applied: the writes they made, how many they were, the last one's token. */
    private record Batch(DeferredWrites.Pending writes, int events, TrackingToken token) {
    }

    private final String schema;
    private final EventStorageEngine storage;
    private final int batch;
    private final DataSource dataSource;
    private final Run run;
    private final DeferredWrites writes = new DeferredWrites();
    private final AnnotationEventHandlerAdapter handler;

    Replay(ProjectionDefinition projection, String schema, EventStorageEngine storage, int batch, DataSource dataSource,
           Run run) {
        this.schema = schema;
        this.storage = storage;
        this.batch = batch;
        this.dataSource = dataSource;
        this.run = run;
        this.handler = new AnnotationEventHandlerAdapter(projection.handlerFactory().apply(writes));
    }

    /** Replays the events after {@code from}, as far as {@code bound}, and returns the token of the last one read. */
    TrackingToken run(TrackingToken from, Bound bound, Writers writers) {
        TrackingToken token = from;
        CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
        int writingEvents = 0;
        try {
            while (true) {
                Batch read = read(token, bound);
                token = read.token();
                Writers.await(writing);
                run.advance(writingEvents);
                int parts = read.writes().divisible() ? writers.parts() : 1;
                writing = writers.start(IntStream.range(0, parts)
                        .<Runnable>mapToObj(part -> () -> write(read.writes(), part, parts)).toList());
                writingEvents = read.events();
                if (read.events() < batch) {
                    Writers.await(writing);
                    run.advance(writingEvents);
                    return token;
                }
            }
        } finally {
            // A failed run drops its copy next: the writes still running end first.
            writing.exceptionally(failure -> null).join();
        }
    }

    /** Applies the events stored after {@code from}, writing in the caller's transaction, until there are no more. */
    void rest(TrackingToken from) {
        TrackingToken token = from;
        Batch read;
        do {
            read = read(token, Bound.END);
            token = read.token();
            write(read.writes(), 0, 1);
            run.advance(read.events());
        } while (read.events() == batch);
        new JdbcTemplate(dataSource).execute("SET LOCAL search_path TO public");
    }

    /**
     * Reads up to a batch of events after {@code from}, as far as {@code bound}, and applies the handler
     * to those it includes, its writes held back. Fewer than a batch read means the end was reached.
     */
    private Batch read(TrackingToken from, Bound bound) {
        TrackingToken token = from;
        int read = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
            var iterator = events.iterator();
            while (read < batch && iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                long index = event.trackingToken().position().orElseThrow();
                if (bound.passed(index)) {
                    break;
                }
                token = event.trackingToken();
                read++;
                if (!bound.gaps().contains(index)) {
                    writes.handling(event instanceof DomainEventMessage<?> domain
                            ? domain.getAggregateIdentifier() : null);
                    handle(event);
                }
            }
        }
        return new Batch(writes.take(), read, token);
    }

    /** Writes part {@code part} of {@code parts} of a batch into the copy, in the caller's transaction. */
    private void write(DeferredWrites.Pending pending, int part, int parts) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("SET LOCAL search_path TO " + schema + ", public");
        pending.writeTo(jdbc, part, parts);
    }

    private void handle(TrackedEventMessage<?> event) {
        try {
            if (handler.canHandle(event)) {
                handler.handle(event);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
