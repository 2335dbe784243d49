package vn.commune.petition.projections.document;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.session.SessionOpened;
import vn.commune.petition.domain.session.VisitLogged;
import vn.commune.petition.projections.commune.EventCommune;

/**
 * The events a printed document is made from, read from Axon's event table with their global index:
 * the order in which the store kept them, which never changes, so a document's number counted from it
 * is the same each time it is printed.
 */
@Component
public class DocumentEvents {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final EventCommune communes;

    public DocumentEvents(JdbcClient jdbc, @Qualifier("projectionObjectMapper") ObjectMapper json,
                          EventCommune communes) {
        this.communes = communes;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored event: its position in the store and its payload. */
    public record Stored<T>(long globalIndex, T event) {
    }

    /** This petition's events of these types, in the order they were stored. */
    public List<Stored<Object>> ofPetition(String petitionId, List<Class<?>> types) {
        Map<String, Class<?>> byName = types.stream().collect(Collectors.toMap(Class::getName, type -> type));
        return jdbc.sql("""
                        SELECT global_index, payload_type, payload FROM domainevententry
                         WHERE aggregate_identifier = :id AND payload_type IN (:types)
                         ORDER BY global_index""")
                .param("id", petitionId)
                .param("types", byName.keySet())
                .query((rs, n) -> new Stored<Object>(rs.getLong("global_index"),
                        read(rs.getBytes("payload"), byName.get(rs.getString("payload_type")))))
                .list();
    }

    /** The visits logged in any session that name this petition (the visit that received it), in stored order. */
    public List<Stored<VisitLogged>> visitsOf(String petitionId) {
        return jdbc.sql("""
                        SELECT global_index, payload FROM domainevententry
                         WHERE payload_type = :type
                           AND CAST(convert_from(payload, 'UTF8') AS jsonb) ->> 'petitionId' = :id
                         ORDER BY global_index""")
                .param("type", VisitLogged.class.getName())
                .param("id", petitionId)
                .query((rs, n) -> new Stored<>(rs.getLong("global_index"), read(rs.getBytes("payload"), VisitLogged.class)))
                .list();
    }

    /** The opening of a reception session: its date, kind and host. */
    public Optional<SessionOpened> sessionOpened(String sessionId) {
        return jdbc.sql("""
                        SELECT payload FROM domainevententry
                         WHERE aggregate_identifier = :id AND payload_type = :type""")
                .param("id", sessionId)
                .param("type", SessionOpened.class.getName())
                .query((rs, n) -> read(rs.getBytes("payload"), SessionOpened.class))
                .optional();
    }

    /**
     * The number of the event at {@code globalIndex} in its commune's register: how many events of these
     * types (each with the field holding its business date) of its commune the store holds up to it, with
     * a business date in {@code year}. Later events, and printing, never change it.
     */
    public int numberInYear(long globalIndex, Map<Class<?>, String> dateFields, int year) {
        String date = dateFields.values().stream().distinct()
                .map(field -> "j ->> '" + field.replace("'", "") + "'")
                .collect(Collectors.joining(", ", "COALESCE(", ")"));
        Long count = jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT CAST(convert_from(payload, 'UTF8') AS jsonb) AS j,
                                   COALESCE(CAST(convert_from(meta_data, 'UTF8') AS jsonb) ->> '%2$s', :configured)
                                       AS commune
                              FROM domainevententry
                             WHERE payload_type IN (:types) AND global_index <= :upTo
                            OFFSET 0) e
                         WHERE left(%1$s, 4) = :year
                           AND commune = (SELECT COALESCE(CAST(convert_from(meta_data, 'UTF8') AS jsonb) ->> '%2$s',
                                                          :configured)
                                            FROM domainevententry WHERE global_index = :upTo)"""
                        .formatted(date, EventCommune.METADATA))
                .param("types", dateFields.keySet().stream().map(Class::getName).toList())
                .param("upTo", globalIndex)
                .param("year", String.valueOf(year))
                .param("configured", communes.configured())
                .query(Long.class)
                .single();
        return count.intValue();
    }

    private <T> T read(byte[] payload, Class<T> type) {
        try {
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
