package vn.commune.petition.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/** The embedded event store's tailing reads end every 1,000 events; every other read is whole. */
class BoundedTailingStorageTest {

    private final InMemoryEventStorageEngine stored = new InMemoryEventStorageEngine();
    private final BoundedTailingStorage storage = new BoundedTailingStorage(stored, 1_000);

    @Test
    void a_tailing_read_stops_after_the_limit_and_the_next_one_goes_on_from_there() {
        List<EventMessage<?>> events = IntStream.range(0, 2_500)
                .<EventMessage<?>>mapToObj(n -> new GenericDomainEventMessage<>("Petition", "p" + n, 0, "event " + n))
                .toList();
        stored.appendEvents(events);

        var first = storage.readEvents(null, true).toList();
        assertThat(first).hasSize(1_000);
        var second = storage.readEvents(first.get(first.size() - 1).trackingToken(), true).toList();
        assertThat(second).hasSize(1_000);
        assertThat(second.get(0).getPayload()).isEqualTo("event 1000");

        assertThat(storage.readEvents(null, false).count()).isEqualTo(2_500);
        assertThat(storage.readEvents("p7").asStream().count()).isEqualTo(1);
    }
}
