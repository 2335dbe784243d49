package vn.commune.petition.api.counts;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.commune.petition.projections.commune.EventCommune;
import vn.commune.petition.projections.counts.CountsProjection;
import vn.commune.petition.projections.rebuild.UnitOfWorkDeferredWrites;

/**
 * The counts projection, in the "counts" tracking processor, writing each batch of events as JDBC
 * batches: the projections' writes are its handler interceptor (see UnitOfWorkDeferredWrites), and so
 * is the notice that the counts changed, sent when a batch commits (CountsChanges).
 */
@Configuration(proxyBeanMethods = false)
class CountsConfiguration {

    @Bean
    CountsProjection countsProjection(UnitOfWorkDeferredWrites writes, Clock clock, MeterRegistry meters,
                                      EventCommune communes) {
        return new CountsProjection(writes, clock, meters, communes);
    }

    @Bean
    ConfigurerModule countsBatchedWrites(UnitOfWorkDeferredWrites writes, CountsChanges changes) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerHandlerInterceptor(CountsProjection.PROCESSING_GROUP, configuration -> writes)
                .registerHandlerInterceptor(CountsProjection.PROCESSING_GROUP, configuration -> changes));
    }
}
