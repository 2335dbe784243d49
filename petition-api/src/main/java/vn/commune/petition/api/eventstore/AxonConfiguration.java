package vn.commune.petition.api.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.domain.dossier.Dossier;
import vn.commune.petition.domain.petition.Petition;
import vn.commune.petition.domain.session.ReceptionSession;
import vn.commune.petition.projections.history.PetitionHistoryQuery;

/**
 * What Axon's auto-configuration and the {@code axon.*} properties do not say: the aggregates (the
 * domain carries no Spring annotation), the mapper of the stored messages, the column names of V1,
 * how the event store waits for events, and the signed-in user copied from each command onto its
 * events.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /**
     * The mapper of Axon's Jackson serializer ({@code axon.serializer.general}), which finds it by this
     * name: events, tokens and dead letters are stored with it. Not the web's, and never injected in
     * its place: no change to how the API reads JSON can change how events are stored.
     */
    @Bean(name = "defaultAxonObjectMapper", defaultCandidate = false)
    ObjectMapper storedMessages() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The columns of V1__axon_event_store.sql in snake case; its tables are Axon's names in lower case. */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .metaDataColumn("meta_data")
                .build();
    }

    /** The token table's columns of V1 in snake case. */
    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setProcessorNameColumn("processor_name")
                .setTokenTypeColumn("token_type")
                .build();
    }

    /**
     * Two steps on one aggregate at once both store its next sequence number, and the loser's INSERT
     * breaks the unique key (SQLSTATE 23505): Axon then reports a ConcurrencyException, answered 409.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * How many positions past a missing event the engines keep waiting for it (Axon's maxGapOffset,
     * 10,000 by default): more than a transaction timeout of writes at twice the peak measured
     * (docs/BENCHMARKS.md), and fewer than the 65,535 parameters of the counts' query.
     */
    public static final int MAX_GAP_OFFSET = 50_000;

    /**
     * The JDBC storage engines on V1's tables, reading {@code batchSize} events per query: the event
     * store's (Axon's 100) and a rebuild's (ProjectionRebuilder.BATCH) differ only in that.
     */
    @FunctionalInterface
    public interface StorageEngines {
        EventStorageEngine reading(int batchSize);
    }

    /**
     * The engines wait {@code petition.events.gap-timeout} for an event missing below one they have
     * read; past it, Axon never reads that event (AxonFramework #4829, #2958). The event read was
     * inserted within a transaction timeout of its timestamp, and the missing one, inserted before it,
     * commits or is gone within a transaction timeout of that: a gap timeout of more than twice the
     * transaction timeout never gives up on an event that can still come.
     */
    @Bean
    StorageEngines storageEngines(org.axonframework.config.Configuration axon, ConnectionProvider connections,
                                  TransactionManager transactions, EventSchema schema,
                                  PersistenceExceptionResolver duplicateKeys,
                                  @Value("${petition.events.gap-timeout}") Duration gapTimeout,
                                  @Value("${petition.db.transaction-timeout}") Duration transactionTimeout) {
        if (gapTimeout.compareTo(transactionTimeout.multipliedBy(2)) <= 0) {
            throw new IllegalStateException("petition.events.gap-timeout (" + gapTimeout + ") must be more than twice"
                    + " petition.db.transaction-timeout (" + transactionTimeout + "), or the counts may skip an event"
                    + " whose transaction commits late");
        }
        return batchSize -> new JdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(axon.serializer())
                .eventSerializer(axon.eventSerializer())
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(duplicateKeys)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .batchSize(batchSize)
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .maxGapOffset(MAX_GAP_OFFSET)) {

            /**
             * A blocking read, the event store's own read ahead for the processors that tail it, ends
             * after a batch: the store holds every event read since such a read began until it ends.
             */
            @Override
            public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                Stream<? extends TrackedEventMessage<?>> events = super.readEvents(token, mayBlock);
                return mayBlock ? events.limit(batchSize) : events;
            }
        };
    }

    /**
     * Axon's event store, polling for new events every {@code petition.projections.fetch-delay} (25 ms)
     * instead of every second: Axon wakes its readers when its unit of work commits, but that unit of
     * work joins the request's transaction, which commits a moment later.
     */
    @Bean
    EmbeddedEventStore eventStore(StorageEngines engines, org.axonframework.config.Configuration axon,
                                  @Value("${petition.projections.fetch-delay:25}") long fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(engines.reading(100))
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay)
                .build();
    }

    @Bean
    ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(Petition.class)
                .configureAggregate(ReceptionSession.class)
                .configureAggregate(Dossier.class);
    }

    /** Who recorded a command, and their commune (Communes), go from the command to each of its events. */
    @Bean
    CorrelationDataProvider recordedByProvider() {
        return new SimpleCorrelationDataProvider(PetitionHistoryQuery.RECORDED_BY, Communes.METADATA);
    }

    /** Axon's own, which it declares only when no other provider is. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
