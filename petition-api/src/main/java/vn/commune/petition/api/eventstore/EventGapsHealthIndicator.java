package vn.commune.petition.api.eventstore;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code eventGaps} in /actuator/health (details for ADMIN): the gaps the counts wait for and the
 * age of the oldest open transaction, next to the gap timeout and the transaction timeout. Up while
 * the database answers: a transaction older than the gap timeout is a rebuild or a read-only one
 * (neither stores an event), or a session from outside the service, worth a look.
 */
@Component
class EventGapsHealthIndicator extends AbstractHealthIndicator {

    private final EventGaps gaps;

    EventGapsHealthIndicator(EventGaps gaps) {
        super("Event gaps check failed");
        this.gaps = gaps;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.up()
                .withDetail("countsGaps", gaps.countsGaps())
                .withDetail("oldestTransactionSeconds", Math.round(gaps.oldestTransactionSeconds() * 10) / 10.0)
                .withDetail("transactionTimeoutSeconds", gaps.transactionTimeout().toMillis() / 1000.0)
                .withDetail("gapTimeoutSeconds", gaps.gapTimeout().toMillis() / 1000.0);
    }
}
