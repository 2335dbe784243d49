package vn.commune.petition.api.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import vn.commune.petition.api.config.AxonConfiguration;
import vn.commune.petition.api.config.TransactionBounds;
import vn.commune.petition.projections.counts.CountsProjection;
import vn.commune.petition.projections.petition.PetitionViewProjection;
import vn.commune.petition.projections.rebuild.ProjectionDefinition;
import vn.commune.petition.projections.rebuild.ProjectionRebuilder;
import vn.commune.petition.projections.session.SessionProjection;

/** The read models an admin can rebuild and an inspector can verify, with their tables. */
@Configuration(proxyBeanMethods = false)
class RebuildConfiguration {

    @Bean
    ProjectionRebuilder projectionRebuilder(DataSource dataSource, PlatformTransactionManager transactions,
                                            AxonConfiguration.StorageEngines engines, Clock clock,
                                            @Qualifier("projectionObjectMapper") ObjectMapper json,
                                            @Value("${petition.rebuild.batch-size:" + ProjectionRebuilder.BATCH + "}")
                                            int batch) {
        // The event store's engine, reading a rebuild's batch at a time instead of 100 events per query.
        EventStorageEngine storage = engines.reading(batch);
        // A rebuild's transactions store no event and may run for minutes: they run without the bounds.
        return new ProjectionRebuilder(dataSource, TransactionBounds.unbounded(transactions), storage, clock, batch,
                AxonConfiguration.MAX_GAP_OFFSET, List.of(
                new ProjectionDefinition(CountsProjection.PROCESSING_GROUP,
                        // In the order the live handlers first write them (every event writes its fact
                        // first): the swap locks them in this order, and a batch of the live processor
                        // then never holds one while waiting for another the swap holds.
                        List.of("count_fact", "count_petition", "count_mediation"),
                        jdbc -> new CountsProjection(jdbc, clock, new SimpleMeterRegistry()),
                        CountsProjection.SET_BASED_REBUILD),
                new ProjectionDefinition(PetitionViewProjection.PROCESSING_GROUP, List.of("petition_view"),
                        jdbc -> new PetitionViewProjection(jdbc, json), PetitionViewProjection.SET_BASED_REBUILD),
                new ProjectionDefinition(SessionProjection.PROCESSING_GROUP,
                        List.of("reception_session", "reception_visit"), SessionProjection::new)));
    }
}
