package vn.commune.petition.api.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import vn.commune.petition.api.database.TransactionBounds;
import vn.commune.petition.api.eventstore.AxonConfiguration;
import vn.commune.petition.projections.commune.EventCommune;
import vn.commune.petition.projections.counts.CountsProjection;
import vn.commune.petition.projections.petition.PetitionViewProjection;
import vn.commune.petition.projections.rebuild.ProjectionDefinition;
import vn.commune.petition.projections.rebuild.ProjectionRebuilder;
import vn.commune.petition.projections.session.SessionProjection;

/**
 * The read models an admin can rebuild and an inspector can verify, with their tables, and the threads
 * their runs take. The threads are not default candidates, so that they stay out of the way of the
 * application's own executor.
 */
@Configuration(proxyBeanMethods = false)
class RebuildConfiguration {

    /** Runs one at a time; a projection has at most one run waiting or running, so the queue never fills. */
    @Bean(defaultCandidate = false)
    ThreadPoolTaskExecutor projectionRunThreads() {
        return threads("projection-run-", 1, 16);
    }

    /**
     * The connections a run writes on at once, one per core of the machines measured (docs/BENCHMARKS.md);
     * a run has at most one task per table or per part waiting.
     */
    @Bean(defaultCandidate = false)
    ThreadPoolTaskExecutor projectionWriterThreads() {
        return threads("projection-writer-", 2, 16);
    }

    @Bean
    ProjectionRebuilder projectionRebuilder(DataSource dataSource, PlatformTransactionManager transactions,
                                            AxonConfiguration.StorageEngines engines, Clock clock,
                                            @Qualifier("projectionObjectMapper") ObjectMapper json,
                                            EventCommune communes,
                                            @Value("${petition.rebuild.batch-size:" + ProjectionRebuilder.BATCH + "}")
                                            int batch,
                                            @Qualifier("projectionRunThreads") ThreadPoolTaskExecutor runThreads,
                                            @Qualifier("projectionWriterThreads") ThreadPoolTaskExecutor writerThreads,
                                            // This instance's name in a run's progress: the process and host by default.
                                            @Value("${petition.instance-id:}") String instance,
                                            // A running run whose heartbeat is older is taken as abandoned.
                                            @Value("${petition.rebuild.heartbeat-timeout:PT30S}") Duration heartbeatTimeout,
                                            @Value("${petition.rebuild.heartbeat-every:PT5S}") Duration heartbeatEvery) {
        // The event store's engine, reading a run's batch at a time instead of 100 events per query.
        EventStorageEngine storage = engines.reading(batch);
        // A run's transactions store no event and may run for minutes: they run without the bounds.
        return new ProjectionRebuilder(dataSource, TransactionBounds.unbounded(transactions), storage, clock, batch,
                AxonConfiguration.MAX_GAP_OFFSET, runThreads, writerThreads,
                new ProjectionRebuilder.Claims(instance.isBlank() ? ManagementFactory.getRuntimeMXBean().getName()
                        : instance, heartbeatTimeout, heartbeatEvery), List.of(
                new ProjectionDefinition(CountsProjection.PROCESSING_GROUP,
                        // In the order the live handlers first write them (every event writes its fact
                        // first): the swap locks them in this order, and a batch of the live processor
                        // then never holds one while waiting for another the swap holds. Their
                        // triggers write count_bucket and count_bucket_key.
                        List.of("count_fact", "count_petition", "count_mediation", "count_bucket", "count_bucket_key"),
                        writes -> new CountsProjection(writes, clock, new SimpleMeterRegistry(), communes),
                        CountsProjection.SET_BASED_REBUILD, CountsProjection.DERIVED, communes),
                new ProjectionDefinition(PetitionViewProjection.PROCESSING_GROUP, List.of("petition_view"),
                        writes -> new PetitionViewProjection(writes, json, communes), PetitionViewProjection.SET_BASED_REBUILD,
                        List.of(), communes),
                new ProjectionDefinition(SessionProjection.PROCESSING_GROUP,
                        List.of("reception_session", "reception_visit"), writes -> new SessionProjection(writes, communes))));
    }

    private static ThreadPoolTaskExecutor threads(String name, int size, int queue) {
        ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
        threads.setThreadNamePrefix(name);
        threads.setCorePoolSize(size);
        threads.setMaxPoolSize(size);
        threads.setQueueCapacity(queue);
        return threads;
    }
}
