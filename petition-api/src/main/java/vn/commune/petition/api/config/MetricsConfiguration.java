package vn.commune.petition.api.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.messaging.Message;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Which metrics are worth their cost per request. Profiling the write path showed a fifth of its
 * CPU in metrics nobody reads: Axon's monitors on the command bus, the event bus and each of the
 * four subscribing processors (each one also reports every event it ignores), and an observation
 * around each of Spring Security's filters. What remains: our own command, rule and lag metrics,
 * Spring's {@code http.server.requests}, and Axon's monitor on the tracking processor that keeps
 * the counts, the one whose latency and capacity matter to operators.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** Axon's processor metrics, for the counts processor only. */
    @Bean
    ConfigurerModule countsProcessorMetrics(MeterRegistry meters) {
        GlobalMetricRegistry axonMetrics = new GlobalMetricRegistry(meters);
        return configurer -> configurer.configureMessageMonitor(configuration -> (type, name) -> monitor(
                axonMetrics, type, name));
    }

    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> monitor(GlobalMetricRegistry axonMetrics, Class<?> type, String name) {
        if (EventProcessor.class.isAssignableFrom(type) && "counts".equals(name)) {
            return (MessageMonitor<Message<?>>) axonMetrics.registerComponentWithDefaultTags(type, name);
        }
        return NoOpMessageMonitor.instance();
    }

    /** No observation around each security filter: the request as a whole is observed already. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
