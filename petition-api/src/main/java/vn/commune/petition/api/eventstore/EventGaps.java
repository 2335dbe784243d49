package vn.commune.petition.api.eventstore;

import java.time.Duration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.database.CommuneScope;
import vn.commune.petition.projections.counts.CountsProjection;

/**
 * What shows that no event is being skipped: the positions the counts still wait for (the gaps in
 * their stored token, each an event not yet committed, or rolled back), and how long the oldest
 * transaction on the database has been open, against the gap timeout (AxonConfiguration).
 */
@Component
public class EventGaps {

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final String tokens;
    private final Duration gapTimeout;
    private final Duration transactionTimeout;

    EventGaps(JdbcClient jdbc, Serializer serializer, TokenSchema schema,
              @Value("${petition.events.gap-timeout}") Duration gapTimeout,
              @Value("${petition.db.transaction-timeout}") Duration transactionTimeout) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.tokens = "SELECT " + schema.tokenColumn() + " AS token, " + schema.tokenTypeColumn() + " AS type FROM "
                + schema.tokenTable() + " WHERE " + schema.processorNameColumn() + " = :processor AND "
                + schema.tokenColumn() + " IS NOT NULL";
        this.gapTimeout = gapTimeout;
        this.transactionTimeout = transactionTimeout;
    }

    /** The gaps held by the counts' stored token, over all its segments. */
    public long countsGaps() {
        return jdbc.sql(tokens).param("processor", CountsProjection.PROCESSING_GROUP)
                .query((row, n) -> gaps(serializer.deserialize(new SimpleSerializedObject<>(
                        row.getBytes("token"), byte[].class, row.getString("type"), null))))
                .list().stream().mapToLong(Long::longValue).sum();
    }

    private static long gaps(Object token) {
        return WrappedToken.unwrap((TrackingToken) token, GapAwareTrackingToken.class)
                .map(gapAware -> (long) gapAware.getGaps().size())
                .orElse(0L);
    }

    /**
     * Seconds since the oldest transaction still open on this database began (0 when none is). Read as
     * the owner, outside any commune scope: the role of a request sees no other session's transaction.
     */
    public double oldestTransactionSeconds() {
        try (CommuneScope.Opened owner = CommuneScope.owner()) {
            return oldestTransaction();
        }
    }

    private double oldestTransaction() {
        return jdbc.sql("""
                        SELECT COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(xact_start)), 0)
                          FROM pg_stat_activity
                         WHERE datname = current_database() AND backend_type = 'client backend'
                           AND pid <> pg_backend_pid()
                        """)
                .query(Double.class).single();
    }

    Duration gapTimeout() {
        return gapTimeout;
    }

    Duration transactionTimeout() {
        return transactionTimeout;
    }
}
