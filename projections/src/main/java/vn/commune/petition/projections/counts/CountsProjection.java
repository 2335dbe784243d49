package vn.commune.petition.projections.counts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import vn.commune.petition.domain.petition.DeadlineExtended;
import vn.commune.petition.domain.petition.MediationFailed;
import vn.commune.petition.domain.petition.MediationOutcome;
import vn.commune.petition.domain.petition.MediationSucceeded;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionClosed;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.ResolutionResumed;
import vn.commune.petition.domain.petition.ResolutionSuspended;
import vn.commune.petition.projections.commune.EventCommune;
import vn.commune.petition.projections.petition.PetitionEventRows;
import vn.commune.petition.projections.rebuild.ProjectionWrites;

/**
 * Keeps the facts the counts are computed from. It runs in the "counts" tracking processor, behind
 * the command; {@code petition.projection.lag} times how far behind it is. Every write is an
 * idempotent upsert, so a replay or a redelivery never counts twice. Its writes go in JDBC batches,
 * one per batch of events (UnitOfWorkDeferredWrites).
 */
@ProcessingGroup(CountsProjection.PROCESSING_GROUP)
public class CountsProjection {

    public static final String PROCESSING_GROUP = "counts";

    /**
     * The counts' tables written from all the stored events at once, for a rebuild: the handlers below
     * stated in SQL. A fact for every counted event, decoded from its payload; then, from the facts,
     * one row per received petition with what its last acceptance, deadline, suspension or resumption
     * and closing set, and one row per mediation. The buckets are {@link #DERIVED} from those.
     */
    public static final List<String> SET_BASED_REBUILD = List.of("""
            INSERT INTO count_fact (petition_id, sequence, type, occurred_on, recorded_at, kind, channel, field,
                ward, closed_as, due_on, outcome, commune)
            SELECT petition_id, sequence, type, CAST(occurred_on AS date), recorded_at,
                   CASE WHEN type = 'PetitionReceived' THEN j ->> 'kind' END,
                   CASE WHEN type = 'PetitionReceived' THEN j ->> 'channel' END,
                   CASE WHEN type = 'PetitionReceived' THEN j ->> 'field' END,
                   CASE WHEN type = 'PetitionReceived' THEN j ->> 'ward' END,
                   CASE WHEN closes THEN status END, CAST(j ->> due_field AS date), outcome, commune
              FROM """ + PetitionEventRows.from("t.counted"), """
            INSERT INTO count_petition (petition_id, received_on, kind, channel, field, ward, due_on, accepted_on,
                closed_on, closed_as, suspended_on, commune)
            SELECT petition_id, (r).occurred_on, (r).kind, (r).channel, (r).field, (r).ward, due_on, accepted_on,
                   closed_on, closed_as, suspended_on, (r).commune
              FROM (SELECT petition_id,
                           (array_agg(f ORDER BY sequence) FILTER (WHERE type = 'PetitionReceived'))[1] AS r,
                           (array_agg(due_on ORDER BY sequence DESC) FILTER (WHERE due_on IS NOT NULL))[1] AS due_on,
                           (array_agg(CASE WHEN type = 'ResolutionSuspended' THEN occurred_on END ORDER BY sequence DESC)
                               FILTER (WHERE type IN ('ResolutionSuspended', 'ResolutionResumed')))[1] AS suspended_on,
                           (array_agg(occurred_on ORDER BY sequence DESC) FILTER (WHERE type = 'PetitionAccepted'))[1]
                               AS accepted_on,
                           (array_agg(occurred_on ORDER BY sequence DESC) FILTER (WHERE closed_as IS NOT NULL))[1]
                               AS closed_on,
                           (array_agg(closed_as ORDER BY sequence DESC) FILTER (WHERE closed_as IS NOT NULL))[1]
                               AS closed_as
                      FROM count_fact f
                     WHERE (hashtext(petition_id) & 2147483647) % :parts = :part
                       AND (type IN ('PetitionReceived', 'PetitionAccepted', 'ResolutionSuspended')
                            OR due_on IS NOT NULL OR closed_as IS NOT NULL)
                     GROUP BY petition_id) p
             WHERE NOT (r IS NULL) -- a row IS NULL when all its fields are, IS NOT NULL only when none is
            """, """
            INSERT INTO count_mediation (petition_id, sequence, held_on, outcome, commune)
            SELECT petition_id, sequence, occurred_on, outcome, commune
              FROM count_fact
             WHERE outcome IS NOT NULL AND (hashtext(petition_id) & 2147483647) % :parts = :part
            """);

    /**
     * The buckets of each day and month (V18_4), computed at once from a rebuild's or a verification's
     * count_petition and count_mediation, by commune, before the triggers that keep them are made.
     */
    public static final List<String> DERIVED = List.of("CALL count_bucket_fill(:part, :parts)");

    private final ProjectionWrites writes;
    private final Clock clock;
    private final Timer lag;
    private final EventCommune communes;

    public CountsProjection(ProjectionWrites writes, Clock clock, MeterRegistry meters, EventCommune communes) {
        this.writes = writes;
        this.clock = clock;
        this.communes = communes;
        this.lag = Timer.builder("petition.projection.lag")
                .description("Time from an event being stored to the counts projection handling it")
                .tag("projection", PROCESSING_GROUP)
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @EventHandler
    void on(PetitionReceived event, @SequenceNumber long sequence, @Timestamp Instant storedAt,
            @MetaDataValue(EventCommune.METADATA) String commune) {
        fact(event, sequence, storedAt, commune, event.kind().name(), event.channel().name(), event.field(), event.ward(),
                null, event.handlingDueOn(), null);
        writes.sql("""
                INSERT INTO count_petition (petition_id, received_on, kind, channel, field, ward, due_on, commune)
                VALUES (:id, :receivedOn, :kind, :channel, :field, :ward, :dueOn, :commune)
                ON CONFLICT (petition_id) DO NOTHING
                """)
                .param("id", event.petitionId())
                .param("receivedOn", event.receivedOn())
                .param("kind", event.kind().name())
                .param("channel", event.channel().name())
                .param("field", event.field())
                .param("ward", event.ward())
                .param("dueOn", event.handlingDueOn())
                .param("commune", communes.of(commune))
                .update();
        observe(storedAt);
    }

    @EventHandler
    void on(PetitionAccepted event, @SequenceNumber long sequence, @Timestamp Instant storedAt,
            @MetaDataValue(EventCommune.METADATA) String commune) {
        fact(event, sequence, storedAt, commune, null, null, null, null, null, event.dueOn(), null);
        writes.sql("UPDATE count_petition SET accepted_on = :on, due_on = :dueOn WHERE petition_id = :id")
                .param("on", event.acceptedOn())
                .param("dueOn", event.dueOn())
                .param("id", event.petitionId())
                .update();
        observe(storedAt);
    }

    @EventHandler
    void on(DeadlineExtended event, @SequenceNumber long sequence, @Timestamp Instant storedAt,
            @MetaDataValue(EventCommune.METADATA) String commune) {
        fact(event, sequence, storedAt, commune, null, null, null, null, null, event.dueOn(), null);
        writes.sql("UPDATE count_petition SET due_on = :dueOn WHERE petition_id = :id")
                .param("dueOn", event.dueOn())
                .param("id", event.petitionId())
                .update();
        observe(storedAt);
    }

    /** A suspended complaint is left out of the overdue until resumed. */
    @EventHandler
    void on(ResolutionSuspended event, @SequenceNumber long sequence, @Timestamp Instant storedAt,
            @MetaDataValue(EventCommune.METADATA) String commune) {
        fact(event, sequence, storedAt, commune, null, null, null, null, null, null, null);
        writes.sql("UPDATE count_petition SET suspended_on = :on WHERE petition_id = :id")
                .param("on", event.suspendedOn())
                .param("id", event.petitionId())
                .update();
        observe(storedAt);
    }

    /** The deadline moved by the days suspended. */
    @EventHandler
    void on(ResolutionResumed event, @SequenceNumber long sequence, @Timestamp Instant storedAt,
            @MetaDataValue(EventCommune.METADATA) String commune) {
        fact(event, sequence, storedAt, commune, null, null, null, null, null, event.dueOn(), null);
        writes.sql("UPDATE count_petition SET due_on = :dueOn, suspended_on = NULL WHERE petition_id = :id")
                .param("dueOn", event.dueOn())
                .param("id", event.petitionId())
                .update();
        observe(storedAt);
    }

    @EventHandler
    void on(MediationSucceeded event, @SequenceNumber long sequence, @Timestamp Instant storedAt,
            @MetaDataValue(EventCommune.METADATA) String commune) {
        mediation(event, sequence, MediationOutcome.SUCCEEDED, storedAt, commune);
    }

    @EventHandler
    void on(MediationFailed event, @SequenceNumber long sequence, @Timestamp Instant storedAt,
            @MetaDataValue(EventCommune.METADATA) String commune) {
        mediation(event, sequence, MediationOutcome.FAILED, storedAt, commune);
    }

    @EventHandler
    void on(PetitionClosed event, @SequenceNumber long sequence, @Timestamp Instant storedAt,
            @MetaDataValue(EventCommune.METADATA) String commune) {
        fact(event, sequence, storedAt, commune, null, null, null, null, event.closedAs().name(), null, null);
        writes.sql("UPDATE count_petition SET closed_on = :on, closed_as = :as WHERE petition_id = :id")
                .param("on", event.occurredOn())
                .param("as", event.closedAs().name())
                .param("id", event.petitionId())
                .update();
        observe(storedAt);
    }

    /** Forgets every fact before a replay rebuilds them from the first event. */
    @ResetHandler
    void reset() {
        writes.sql("TRUNCATE count_petition, count_mediation, count_fact, count_bucket, count_bucket_key").update();
    }

    private void mediation(PetitionEvent event, long sequence, MediationOutcome outcome, Instant storedAt,
                           String commune) {
        fact(event, sequence, storedAt, commune, null, null, null, null, null, null, outcome.name());
        writes.sql("""
                INSERT INTO count_mediation (petition_id, sequence, held_on, outcome, commune)
                VALUES (:id, :sequence, :heldOn, :outcome, :commune)
                ON CONFLICT (petition_id, sequence) DO NOTHING
                """)
                .param("id", event.petitionId())
                .param("sequence", sequence)
                .param("heldOn", event.occurredOn())
                .param("outcome", outcome.name())
                .param("commune", communes.of(commune))
                .update();
        observe(storedAt);
    }

    private void fact(PetitionEvent event, long sequence, Instant storedAt, String commune, String kind, String channel, String field,
                      String ward, String closedAs, LocalDate dueOn, String outcome) {
        writes.sql("""
                INSERT INTO count_fact (petition_id, sequence, type, occurred_on, recorded_at, kind, channel, field,
                    ward, closed_as, due_on, outcome, commune)
                VALUES (:id, :sequence, :type, :on, :at, :kind, :channel, :field, :ward, :closedAs, :dueOn, :outcome,
                    :commune)
                ON CONFLICT (petition_id, sequence) DO NOTHING
                """)
                .param("id", event.petitionId())
                .param("sequence", sequence)
                .param("type", event.getClass().getSimpleName())
                .param("on", event.occurredOn())
                .param("at", OffsetDateTime.ofInstant(storedAt, ZoneOffset.UTC))
                .param("kind", kind)
                .param("channel", channel)
                .param("field", field)
                .param("ward", ward)
                .param("closedAs", closedAs)
                .param("dueOn", dueOn)
                .param("outcome", outcome)
                .param("commune", communes.of(commune))
                .update();
    }

    private void observe(Instant storedAt) {
        lag.record(Duration.between(storedAt, clock.instant()).abs());
    }
}
