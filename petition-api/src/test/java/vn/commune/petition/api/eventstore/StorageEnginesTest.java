package vn.commune.petition.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * The JDBC storage engines on PostgreSQL, each test in a transaction rolled back at its end: nothing
 * it stores is ever seen by anything else.
 */
@PetitionServiceTest
class StorageEnginesTest {

    @Autowired
    AxonConfiguration.StorageEngines engines;

    @Autowired
    PlatformTransactionManager transactions;

    private void rolledBack(Runnable test) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            test.run();
        });
    }

    private static List<EventMessage<?>> events(String aggregate, int first, int count) {
        return IntStream.range(first, first + count).<EventMessage<?>>mapToObj(n ->
                new GenericDomainEventMessage<>("Petition", aggregate, n, "event " + n)).toList();
    }

    @Test
    void a_second_event_at_a_taken_sequence_number_is_a_concurrency_conflict() {
        EventStorageEngine engine = engines.reading(100);
        String aggregate = UUID.randomUUID().toString();
        rolledBack(() -> {
            engine.appendEvents(events(aggregate, 0, 2));
            assertThatThrownBy(() -> engine.appendEvents(events(aggregate, 1, 1)))
                    .isInstanceOf(ConcurrencyException.class);
        });
    }

    @Test
    void a_blocking_read_ends_after_a_batch_and_the_next_one_goes_on_from_there() {
        EventStorageEngine engine = engines.reading(100);
        String aggregate = UUID.randomUUID().toString();
        rolledBack(() -> {
            TrackingToken head = engine.createHeadToken();
            engine.appendEvents(events(aggregate, 0, 250));

            var first = engine.readEvents(head, true).toList();
            assertThat(first).hasSize(100);
            var second = engine.readEvents(first.get(99).trackingToken(), true).toList();
            assertThat(second).hasSize(100);
            assertThat(second.get(0).getPayload()).isEqualTo("event 100");

            assertThat(engine.readEvents(head, false)
                    .filter(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier().equals(aggregate))
                    .count()).isEqualTo(250);
        });
    }
}
