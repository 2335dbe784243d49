package vn.commune.petition.projections.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links every stored event into its aggregate's hash chain, in the transaction that stores it
 * (the "audit-chain" processing group is subscribing): a salt, the commitments of its personal
 * fields, and SHA-256 over its canonical encoding and the previous event's hash.
 */
@Component
@ProcessingGroup(AuditChainProjection.PROCESSING_GROUP)
public class AuditChainProjection {

    public static final String PROCESSING_GROUP = "audit-chain";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final StoredEvents events;
    private final SecureRandom random = new SecureRandom();

    public AuditChainProjection(JdbcClient jdbc, StoredEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventHandler
    void on(DomainEventMessage<?> message) {
        StoredEvents.Row row = events.byId(message.getIdentifier())
                .orElseThrow(() -> new IllegalStateException("The event being chained is not in the event table"));
        String previous = row.event().sequence() == 0 ? CanonicalEncoding.GENESIS : jdbc.sql("""
                        SELECT hash FROM event_hash WHERE aggregate_identifier = :aggregate AND sequence_number = :sequence
                        """)
                .param("aggregate", row.event().aggregateId())
                .param("sequence", row.event().sequence() - 1)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("The previous event of the aggregate has no hash"));
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        Map<String, String> commitments = CanonicalEncoding.commitments(row.event().data(), salt);
        String hash = CanonicalEncoding.hash(CanonicalEncoding.encode(row.event(), previous, salt, commitments));
        jdbc.sql("""
                INSERT INTO event_hash (event_identifier, aggregate_identifier, sequence_number, global_index, hash,
                    previous_hash, commitments)
                VALUES (:id, :aggregate, :sequence, :globalIndex, :hash, :previous, CAST(:commitments AS jsonb))
                """)
                .param("id", row.event().eventId())
                .param("aggregate", row.event().aggregateId())
                .param("sequence", row.event().sequence())
                .param("globalIndex", row.globalIndex())
                .param("hash", hash)
                .param("previous", previous)
                .param("commitments", write(commitments))
                .update();
        jdbc.sql("INSERT INTO event_salt (event_identifier, salt) VALUES (:id, :salt)")
                .param("id", row.event().eventId())
                .param("salt", salt)
                .update();
    }

    private static String write(Map<String, String> commitments) {
        try {
            return JSON.writeValueAsString(commitments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
