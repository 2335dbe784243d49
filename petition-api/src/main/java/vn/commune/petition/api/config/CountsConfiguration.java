package vn.commune.petition.api.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.commune.petition.projections.counts.CountsProjection;
import vn.commune.petition.projections.rebuild.UnitOfWorkDeferredWrites;

/**
 * The counts projection, in the "counts" tracking processor, writing each batch of events as JDBC
 * batches (see UnitOfWorkDeferredWrites).
 */
@Configuration(proxyBeanMethods = false)
class CountsConfiguration {

    /** Not a bean of its own: as a JdbcTemplate it would take the place of the application's. */
    record CountsWrites(UnitOfWorkDeferredWrites writes) {
    }

    @Bean
    CountsWrites countsWrites(DataSource dataSource) {
        return new CountsWrites(new UnitOfWorkDeferredWrites(dataSource));
    }

    @Bean
    CountsProjection countsProjection(CountsWrites writes, Clock clock, MeterRegistry meters) {
        return new CountsProjection(JdbcClient.create(writes.writes()), clock, meters);
    }

    @Bean
    ConfigurerModule countsBatchedWrites(CountsWrites writes) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                CountsProjection.PROCESSING_GROUP, configuration -> writes.writes()));
    }
}
