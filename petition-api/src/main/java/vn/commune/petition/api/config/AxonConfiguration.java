package vn.commune.petition.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.SQLException;
import java.time.Duration;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.commune.petition.domain.dossier.Dossier;
import vn.commune.petition.domain.petition.Petition;
import vn.commune.petition.domain.session.ReceptionSession;
import vn.commune.petition.projections.history.PetitionHistoryQuery;

/**
 * Axon's wiring: the Petition aggregate (the domain carries no Spring annotation), Jackson for
 * every stored message, and the signed-in user copied from each command onto its events.
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

    /** The event tables of V1__axon_event_store.sql, in snake case. */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domainevententry")
                .snapshotTable("snapshotevententry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** The token table of V1__axon_event_store.sql, in snake case. */
    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("tokenentry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Two steps on one petition at the same moment both try to store the next sequence number; the
     * loser's INSERT fails on the unique key (PostgreSQL's SQLSTATE 23505, often inside a batch
     * exception). Recognising it makes Axon report a ConcurrencyException, answered 409.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    for (SQLException next = sql; next != null; next = next.getNextException()) {
                        if ("23505".equals(next.getSQLState())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        };
    }

    /**
     * Axon forgets a position it is waiting for once it has read more than this many positions past
     * it (10,000 by default). An open transaction sees at most the positions written within the
     * transaction timeout pass it: 20 s at twice the write path's peak here (975 receipts a second,
     * docs/BENCHMARKS.md) is 40,000. Every position waited for is one parameter of the counts' query,
     * and PostgreSQL takes at most 65,535.
     */
    public static final int MAX_GAP_OFFSET = 50_000;

    /**
     * Makes the JDBC storage engines on the event tables of V1, as Axon's JDBC auto-configuration
     * would, reading {@code batchSize} events per query: the event store's (Axon's 100) and a
     * rebuild's (ProjectionRebuilder.BATCH) differ only in that.
     */
    @FunctionalInterface
    public interface StorageEngines {
        EventStorageEngine reading(int batchSize);
    }

    /**
     * The engines wait {@code petition.events.gap-timeout} for an event missing below one they have
     * read. An event's position is taken when it is inserted and becomes visible when its transaction
     * commits; once the events after a missing position are older than the gap timeout, Axon gives up
     * on it, and an event committed there later is never handled, silently (AxonFramework #4829,
     * #2958). The event after it was inserted within a transaction timeout of its own timestamp, and
     * the missing one, inserted before it, is committed or gone within a transaction timeout of that:
     * so a gap timeout above twice the transaction timeout never gives up on an event that can still
     * come. The default, 5 minutes against 20 s, leaves room for clocks that differ between servers.
     */
    @Bean
    StorageEngines storageEngines(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                  PersistenceExceptionResolver persistenceExceptionResolver,
                                  ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                  EventSchema eventSchema, org.axonframework.config.Configuration configuration,
                                  @Value("${petition.events.gap-timeout}") Duration gapTimeout,
                                  @Value("${petition.db.transaction-timeout}") Duration transactionTimeout) {
        if (gapTimeout.compareTo(transactionTimeout.multipliedBy(2)) <= 0) {
            throw new IllegalStateException("petition.events.gap-timeout (" + gapTimeout + ") must be more than twice"
                    + " petition.db.transaction-timeout (" + transactionTimeout + "), or the counts may skip an event"
                    + " whose transaction commits late");
        }
        return batchSize -> JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(batchSize)
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .maxGapOffset(MAX_GAP_OFFSET)
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(StorageEngines engines) {
        return engines.reading(100);
    }

    /**
     * Axon's event store, polling for new events every {@code petition.projections.fetch-delay}
     * (25 ms) instead of Axon's default second. Axon wakes its readers when its unit of work commits,
     * but here that unit of work joins the request's transaction, which commits a moment later: the
     * wake-up finds nothing yet, and without a short poll the counts would lag by up to a second.
     * Its tailing reads are cut into pieces (BoundedTailingStorage).
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration,
                                  @Value("${petition.projections.fetch-delay:25}") long fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(new BoundedTailingStorage(storageEngine, 1_000))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay)
                .build();
    }

    @Bean
    ConfigurerModule petitionAggregate() {
        return configurer -> configurer
                .configureAggregate(Petition.class)
                .configureAggregate(ReceptionSession.class)
                .configureAggregate(Dossier.class);
    }

    @Bean
    CorrelationDataProvider recordedByProvider() {
        return new SimpleCorrelationDataProvider(PetitionHistoryQuery.RECORDED_BY);
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
