package vn.commune.petition.api.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Which metrics are worth their cost per request. Profiling the write path showed a fifth of its
 * CPU in metrics nobody reads: Axon's monitors on the command bus, the event bus and each of the
 * four subscribing processors (each one also reports every event it ignores), and an observation
 * around each of Spring Security's filters. What remains: our own command, rule and lag metrics,
 * Spring's {@code http.server.requests}, and Axon's monitor on the tracking processor that keeps
 * the counts, the one whose latency matters to operators.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /**
     * Axon's message counter and latency gauge for the counts processor, under Axon's meter names
     * ({@code eventProcessor.*}). Not Axon's full set: its capacity and timer monitors keep every
     * measurement of a sliding window in memory, and a catch-up over a million stored events held
     * a million of them, enough to exhaust a 512 MB heap.
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

    /** No observation around each security filter: the request as a whole is observed already. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
