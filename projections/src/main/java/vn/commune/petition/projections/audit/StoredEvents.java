package vn.commune.petition.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.commune.petition.projections.audit.CanonicalEncoding.StoredEvent;

/** Reads events as stored in Axon's event table: the bytes the audit chain covers. */
@Component
public class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    public StoredEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored event with its global index. */
    public record Row(long globalIndex, StoredEvent event) {
    }

    public Optional<Row> byId(String eventId) {
        return jdbc.sql(SELECT + " WHERE event_identifier = :id")
                .param("id", eventId)
                .query(StoredEvents::row)
                .optional();
    }

    public List<Row> ofAggregate(String aggregateId) {
        return jdbc.sql(SELECT + " WHERE aggregate_identifier = :id ORDER BY sequence_number")
                .param("id", aggregateId)
                .query(StoredEvents::row)
                .list();
    }

    private static final String SELECT = """
            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, payload_type,
                   time_stamp, payload, meta_data
            FROM domainevententry""";

    static Row row(ResultSet rs, int n) throws SQLException {
        try {
            JsonNode data = JSON.readTree(rs.getBytes("payload"));
            byte[] meta = rs.getBytes("meta_data");
            JsonNode metaData = meta == null ? JSON.createObjectNode() : JSON.readTree(meta);
            JsonNode recordedBy = metaData.path("recordedBy");
            return new Row(rs.getLong("global_index"), new StoredEvent(
                    rs.getString("event_identifier"),
                    rs.getString("aggregate_identifier"),
                    rs.getLong("sequence_number"),
                    rs.getString("payload_type"),
                    rs.getString("time_stamp"),
                    recordedBy.isTextual() ? recordedBy.asText() : null,
                    data));
        } catch (IOException e) {
            throw new SQLException("An event's payload or metadata is not JSON", e);
        }
    }
}
