package vn.commune.petition.projections.dossier;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.dossier.DossierReceived;
import vn.commune.petition.domain.dossier.DossierResolved;
import vn.commune.petition.domain.dossier.DossierResubmitted;
import vn.commune.petition.domain.dossier.DossierReturnedForCompletion;
import vn.commune.petition.projections.commune.EventCommune;

/** Keeps one row per one-stop dossier; subscribing, so an import reads its own writes. Idempotent. */
@Component
@ProcessingGroup(DossierProjection.PROCESSING_GROUP)
public class DossierProjection {

    public static final String PROCESSING_GROUP = "dossier-view";

    private final JdbcClient jdbc;
    private final EventCommune communes;

    public DossierProjection(JdbcClient jdbc, EventCommune communes) {
        this.jdbc = jdbc;
        this.communes = communes;
    }

    @EventHandler
    void on(DossierReceived event, @MetaDataValue(EventCommune.METADATA) String commune) {
        jdbc.sql("""
                INSERT INTO one_stop_dossier (id, commune, code, field, channel, received_on, due_on)
                VALUES (:id, :commune, :code, :field, :channel, :receivedOn, :dueOn)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.dossierId())
                .param("commune", communes.of(commune))
                .param("code", event.code())
                .param("field", event.field())
                .param("channel", event.channel().name())
                .param("receivedOn", event.receivedOn())
                .param("dueOn", event.dueOn())
                .update();
    }

    @EventHandler
    void on(DossierReturnedForCompletion event) {
        jdbc.sql("UPDATE one_stop_dossier SET returned_on = :on WHERE id = :id")
                .param("on", event.returnedOn()).param("id", event.dossierId()).update();
    }

    @EventHandler
    void on(DossierResubmitted event) {
        jdbc.sql("UPDATE one_stop_dossier SET due_on = :due WHERE id = :id")
                .param("due", event.dueOn()).param("id", event.dossierId()).update();
    }

    @EventHandler
    void on(DossierResolved event) {
        jdbc.sql("UPDATE one_stop_dossier SET resolved_on = :on, due_on = :due WHERE id = :id")
                .param("on", event.resolvedOn()).param("due", event.dueOn()).param("id", event.dossierId()).update();
    }
}
