package vn.commune.petition.api.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import vn.commune.petition.projections.counts.CountsProjection;
import vn.commune.petition.projections.petition.PetitionViewProjection;
import vn.commune.petition.projections.rebuild.ProjectionDefinition;
import vn.commune.petition.projections.rebuild.ProjectionRebuilder;
import vn.commune.petition.projections.session.SessionProjection;

/** The read models an admin can rebuild and an inspector can verify, with their tables. */
@Configuration(proxyBeanMethods = false)
class RebuildConfiguration {

    @Bean
    ProjectionRebuilder projectionRebuilder(DataSource dataSource, TransactionTemplate transaction,
                                            EventStorageEngine storage, Clock clock, ObjectMapper json) {
        return new ProjectionRebuilder(dataSource, transaction, storage, clock, List.of(
                new ProjectionDefinition(CountsProjection.PROCESSING_GROUP,
                        List.of("count_petition", "count_mediation", "count_fact"),
                        jdbc -> new CountsProjection(jdbc, clock, new SimpleMeterRegistry())),
                new ProjectionDefinition(PetitionViewProjection.PROCESSING_GROUP, List.of("petition_view"),
                        jdbc -> new PetitionViewProjection(jdbc, json)),
                new ProjectionDefinition(SessionProjection.PROCESSING_GROUP,
                        List.of("reception_session", "reception_visit"), SessionProjection::new)));
    }
}
