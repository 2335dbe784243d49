package vn.commune.petition.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.RuleViolation;

/**
 * Counts every command by type and outcome ({@code petition.commands}) and every refusal by the
 * rule it broke ({@code petition.rule.rejections}). Tags are bounded: types, outcomes, rule names.
 */
@Component
class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry meters;
    /** Registered counters, so that a command does not pay for a registry lookup by name and tags. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** Axon's Spring support registers this bean on the command bus as a handler interceptor. */
    CommandMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        String type = unitOfWork.getMessage().getPayloadType().getSimpleName();
        try {
            Object result = chain.proceed();
            count(type, "handled");
            return result;
        } catch (RuleViolation e) {
            count(type, "rejected");
            counters.computeIfAbsent("rule " + e.rule().name(), key -> Counter.builder("petition.rule.rejections")
                    .description("Steps refused, by the rule they broke")
                    .tag("rule", e.rule().name())
                    .register(meters))
                    .increment();
            throw e;
        } catch (AggregateNotFoundException e) {
            count(type, "not_found");
            throw e;
        } catch (ConcurrencyException e) {
            count(type, "conflict");
            throw e;
        } catch (Exception e) {
            count(type, "failed");
            throw e;
        }
    }

    private void count(String type, String outcome) {
        counters.computeIfAbsent(type + " " + outcome, key -> Counter.builder("petition.commands")
                .description("Commands handled, by type and outcome")
                .tag("command", type)
                .tag("outcome", outcome)
                .register(meters))
                .increment();
    }
}
