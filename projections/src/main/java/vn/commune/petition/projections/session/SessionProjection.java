package vn.commune.petition.projections.session;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.session.SessionClosed;
import vn.commune.petition.domain.session.SessionOpened;
import vn.commune.petition.domain.session.VisitLogged;
import vn.commune.petition.projections.commune.EventCommune;
import vn.commune.petition.projections.rebuild.ProjectionWrites;

/** Keeps the reception register; subscribing, so a session's response reads its own write. */
@Component
@ProcessingGroup(SessionProjection.PROCESSING_GROUP)
public class SessionProjection {

    public static final String PROCESSING_GROUP = "session-view";

    private final ProjectionWrites writes;
    private final EventCommune communes;

    public SessionProjection(ProjectionWrites writes, EventCommune communes) {
        this.writes = writes;
        this.communes = communes;
    }

    @EventHandler
    void on(SessionOpened event, @SequenceNumber long sequence, @MetaDataValue(EventCommune.METADATA) String commune) {
        writes.sql("""
                INSERT INTO reception_session (id, commune, held_on, kind, host, hosted_in_person, version)
                VALUES (:id, :commune, :heldOn, :kind, :host, :inPerson, :version)
                ON CONFLICT (id) DO NOTHING
                """)
                .param("id", event.sessionId())
                .param("commune", communes.of(commune))
                .param("heldOn", event.heldOn())
                .param("kind", event.kind().name())
                .param("host", event.host())
                .param("inPerson", event.hostedInPerson())
                .param("version", sequence)
                .update();
    }

    @EventHandler
    void on(VisitLogged event, @SequenceNumber long sequence, @MetaDataValue(EventCommune.METADATA) String commune) {
        writes.sql("""
                INSERT INTO reception_visit (id, commune, session_id, number, held_on, people, group_visit, representatives,
                    repeat_visit, kind, summary, outcome, petition_id, legal_ground,
                    visitor_full_name, visitor_address, visitor_id_number)
                VALUES (:id, :commune, :sessionId, :number, :heldOn, :people, :group, :representatives,
                    :repeat, :kind, :summary, :outcome, :petitionId, :legalGround,
                    :visitorName, :visitorAddress, :visitorId)
                ON CONFLICT (id) DO NOTHING
                """)
                .param("id", event.visitId())
                .param("commune", communes.of(commune))
                .param("sessionId", event.sessionId())
                .param("number", event.number())
                .param("heldOn", event.heldOn())
                .param("people", event.people())
                .param("group", event.group())
                .param("representatives", event.representatives())
                .param("repeat", event.repeat())
                .param("kind", event.kind().name())
                .param("summary", event.summary())
                .param("outcome", event.outcome().name())
                .param("petitionId", event.petitionId())
                .param("legalGround", event.legalGround() == null ? null : event.legalGround().name())
                .param("visitorName", event.visitor() == null ? null : event.visitor().fullName())
                .param("visitorAddress", event.visitor() == null ? null : event.visitor().address())
                .param("visitorId", event.visitor() == null ? null : event.visitor().idNumber())
                .update();
        version(event.sessionId(), sequence);
    }

    @EventHandler
    void on(SessionClosed event, @SequenceNumber long sequence) {
        writes.sql("UPDATE reception_session SET closed = TRUE WHERE id = :id")
                .param("id", event.sessionId())
                .update();
        version(event.sessionId(), sequence);
    }

    private void version(String sessionId, long sequence) {
        writes.sql("UPDATE reception_session SET version = GREATEST(version, :version) WHERE id = :id")
                .param("version", sequence)
                .param("id", sessionId)
                .update();
    }
}
