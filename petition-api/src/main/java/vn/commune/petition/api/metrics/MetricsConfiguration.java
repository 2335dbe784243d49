package vn.commune.petition.api.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.security.config.observation.SecurityObservationSettings;
import vn.commune.petition.api.eventstore.EventGaps;
import vn.commune.petition.projections.counts.CountsProjection;

/**
 * The metrics worth their cost per request: our own command, rule, lag and gap metrics, Spring's
 * {@code http.server.requests}, and Axon's monitor on the tracking processor that keeps the counts,
 * whose latency matters to operators. Not Axon's monitors on the buses and the subscribing
 * processors, nor an observation around each of Spring Security's filters (bench/FINDINGS.md).
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /**
     * Axon's message counter and latency gauge for the counts processor, under Axon's meter names
     * ({@code eventProcessor.*}). Not Axon's full set: its capacity and timer monitors keep every
     * measurement of their sliding window in memory, one per event during a catch-up.
     */
    @Bean
    ConfigurerModule countsProcessorMetrics(MeterRegistry meters) {
        return configurer -> configurer.configureMessageMonitor(configuration -> (type, name) ->
                EventProcessor.class.isAssignableFrom(type) && "counts".equals(name)
                        ? countsMonitor(meters, name)
                        : NoOpMessageMonitor.instance());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageMonitor<Message<?>> countsMonitor(MeterRegistry meters, String processor) {
        // An event processor is given only event messages.
        return (MessageMonitor) new MultiMessageMonitor<EventMessage<?>>(
                MessageCountingMonitor.buildMonitor("eventProcessor", meters, message ->
                        Tags.of("processorName", processor, "payloadType", message.getPayloadType().getSimpleName())),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix("eventProcessor")
                        .meterRegistry(meters)
                        .tagsBuilder(message -> Tags.of("processorName", processor))
                        .build());
    }

    /**
     * {@code petition_projection_gaps{projection="counts"}}, the positions the counts still wait for,
     * and {@code petition_db_oldest_transaction_seconds}, how long the oldest transaction on the
     * database has been open (see EventGaps). Read from the database at each scrape; not a number
     * while it cannot be reached.
     */
    @Bean
    MeterBinder eventGapMetrics(EventGaps gaps) {
        return meters -> {
            Gauge.builder("petition.projection.gaps", () -> orNaN(gaps::countsGaps))
                    .description("Positions below the projection's token whose events it still waits for")
                    .tag("projection", CountsProjection.PROCESSING_GROUP)
                    .register(meters);
            Gauge.builder("petition.db.oldest.transaction", () -> orNaN(gaps::oldestTransactionSeconds))
                    .description("Age of the oldest transaction open on the database")
                    .baseUnit("seconds")
                    .register(meters);
        };
    }

    private static double orNaN(Supplier<? extends Number> reading) {
        try {
            return reading.get().doubleValue();
        } catch (DataAccessException unreachable) {
            return Double.NaN;
        }
    }

    /** No observation around each security filter: the request as a whole is observed already. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
