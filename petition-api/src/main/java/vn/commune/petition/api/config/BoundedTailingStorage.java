package vn.commune.petition.api.config;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The storage engine as Axon's embedded event store sees it, with its tailing reads cut into
 * pieces of {@code limit} events.
 *
 * <p>The store's producer reads ahead for the processors that tail its cache, in one blocking
 * stream, and it holds the node that was newest when that stream began until the stream ends. A
 * stream only ends once it has caught up, so after a burst of stored events every event read in
 * the meantime stays reachable, whatever the cache size. A million events seeded at once held
 * 357,000 of them and exhausted a 512 MB heap, killing the counts processor's thread. Cut into
 * pieces, each read ends after {@code limit} events, and the producer simply starts the next one.
 * Reads that do not block (a processor's own stream while it catches up, a rebuild, an
 * aggregate's history) are passed through whole.
 */
final class BoundedTailingStorage implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final int limit;

    BoundedTailingStorage(EventStorageEngine delegate, int limit) {
        this.delegate = delegate;
        this.limit = limit;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(limit) : events;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
