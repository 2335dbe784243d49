package vn.commune.petition.projections.petition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.petition.DeadlineExtended;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionClosed;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.domain.petition.ResolutionResumed;
import vn.commune.petition.domain.petition.ResolutionSuspended;
import vn.commune.petition.projections.commune.EventCommune;
import vn.commune.petition.projections.rebuild.ProjectionWrites;

/**
 * Keeps {@code petition_view}. It runs in the "petition-view" processing group, which is
 * subscribing: the row is written in the transaction that stores the event.
 */
@Component
@ProcessingGroup(PetitionViewProjection.PROCESSING_GROUP)
public class PetitionViewProjection {

    public static final String PROCESSING_GROUP = "petition-view";

    /**
     * The view written from all the stored events at once, for a rebuild: the handlers below stated in
     * SQL. One row per received petition: what its receipt recorded, the status, closing date and
     * deadline its last steps set, and every step in order.
     */
    public static final List<String> SET_BASED_REBUILD = List.of("""
            INSERT INTO petition_view (id, commune, reference, status, kind, channel, field, ward, summary, session_id,
                received_on, handling_due_on, due_on, closed_on, version, petitioners, handed_over, appointment_on, steps)
            SELECT petition_id, commune, r ->> 'reference', status, r ->> 'kind', r ->> 'channel', r ->> 'field', r ->> 'ward',
                   r ->> 'summary', r ->> 'sessionId', CAST(r ->> 'receivedOn' AS date),
                   CAST(r ->> 'handlingDueOn' AS date), due_on, closed_on, version,
                   CASE WHEN jsonb_typeof(r -> 'petitioners') = 'array' THEN r -> 'petitioners'
                        ELSE CAST('[]' AS jsonb) END,
                   CASE WHEN jsonb_typeof(r -> 'handedOver') = 'array' THEN r -> 'handedOver'
                        ELSE CAST('[]' AS jsonb) END,
                   CAST(r ->> 'appointmentOn' AS date),
                   steps
              FROM (SELECT petition_id,
                           (array_agg(j ORDER BY sequence) FILTER (WHERE type = 'PetitionReceived'))[1] AS r,
                           (array_agg(commune ORDER BY sequence) FILTER (WHERE type = 'PetitionReceived'))[1]
                               AS commune,
                           (array_agg(status ORDER BY sequence DESC) FILTER (WHERE status IS NOT NULL))[1] AS status,
                           (array_agg(CAST(occurred_on AS date) ORDER BY sequence DESC) FILTER (WHERE closes))[1]
                               AS closed_on,
                           (array_agg(CAST(j ->> due_field AS date) ORDER BY sequence DESC)
                               FILTER (WHERE j ->> due_field IS NOT NULL))[1] AS due_on,
                           max(sequence) AS version,
                           jsonb_agg(jsonb_build_object('type', type, 'on', occurred_on) ORDER BY sequence) AS steps
                      FROM """ + PetitionEventRows.from("true") + """

                     GROUP BY petition_id) p
             WHERE r IS NOT NULL
            """);

    private final ProjectionWrites writes;
    private final ObjectMapper json;
    private final EventCommune communes;

    public PetitionViewProjection(ProjectionWrites writes, @Qualifier("projectionObjectMapper") ObjectMapper json,
                                  EventCommune communes) {
        this.writes = writes;
        this.json = json;
        this.communes = communes;
    }

    @EventHandler
    void on(PetitionReceived event, @SequenceNumber long sequence, @MetaDataValue(EventCommune.METADATA) String commune) {
        writes.sql("""
                INSERT INTO petition_view (id, commune, reference, status, kind, channel, field, ward, summary,
                    session_id, received_on, handling_due_on, due_on, version, petitioners, handed_over, appointment_on,
                    steps)
                VALUES (:id, :commune, :reference, :status, :kind, :channel, :field, :ward, :summary,
                    :sessionId, :receivedOn, :dueOn, :dueOn, :version, CAST(:petitioners AS jsonb),
                    CAST(:handedOver AS jsonb), :appointmentOn, CAST(:steps AS jsonb))
                ON CONFLICT (id) DO NOTHING
                """)
                .param("id", event.petitionId())
                .param("commune", communes.of(commune))
                .param("reference", event.reference())
                .param("status", PetitionStatus.RECEIVED.name())
                .param("kind", event.kind().name())
                .param("channel", event.channel().name())
                .param("field", event.field())
                .param("ward", event.ward())
                .param("summary", event.summary())
                .param("sessionId", event.sessionId())
                .param("receivedOn", event.receivedOn())
                .param("dueOn", event.handlingDueOn())
                .param("version", sequence)
                .param("petitioners", write(event.petitioners()))
                .param("handedOver", write(event.handedOver()))
                .param("appointmentOn", event.appointmentOn())
                .param("steps", write(List.of(step(event))))
                .update();
    }

    @EventHandler
    void on(PetitionAccepted event, @SequenceNumber long sequence) {
        record(event, sequence, PetitionStatus.ACCEPTED, event.dueOn());
    }

    @EventHandler
    void on(PetitionClosed event, @SequenceNumber long sequence) {
        record(event, sequence, event.closedAs(), null);
    }

    @EventHandler
    void on(DeadlineExtended event, @SequenceNumber long sequence) {
        record(event, sequence, null, event.dueOn());
    }

    @EventHandler
    void on(ResolutionSuspended event, @SequenceNumber long sequence) {
        record(event, sequence, PetitionStatus.SUSPENDED, null);
    }

    @EventHandler
    void on(ResolutionResumed event, @SequenceNumber long sequence) {
        record(event, sequence, PetitionStatus.ACCEPTED, event.dueOn());
    }

    /** Mediations, dialogues, Advisory Council meetings, parts withdrawn: a step, no change of status. */
    @EventHandler
    void on(PetitionEvent event, @SequenceNumber long sequence) {
        record(event, sequence, null, null);
    }

    private void record(PetitionEvent event, long sequence, PetitionStatus status, LocalDate dueOn) {
        // "version < :version" makes a redelivered event a no-op.
        writes.sql("""
                UPDATE petition_view
                   SET status = COALESCE(CAST(:status AS varchar), status),
                       closed_on = CASE WHEN :closes THEN CAST(:on AS date) ELSE closed_on END,
                       due_on = COALESCE(CAST(:dueOn AS date), due_on),
                       version = :version,
                       steps = steps || CAST(:step AS jsonb)
                 WHERE id = :id AND version < :version
                """)
                .param("status", status == null ? null : status.name())
                .param("closes", event instanceof PetitionClosed)
                .param("on", event.occurredOn())
                .param("dueOn", dueOn)
                .param("version", sequence)
                .param("step", write(List.of(step(event))))
                .param("id", event.petitionId())
                .update();
    }

    private static Map<String, Object> step(PetitionEvent event) {
        return Map.of("type", event.getClass().getSimpleName(), "on", event.occurredOn().toString());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the petition view as JSON", e);
        }
    }
}
