package vn.commune.petition.projections.petition;

import java.util.List;
import java.util.stream.Collectors;
import vn.commune.petition.domain.petition.AdvisoryCouncilConsulted;
import vn.commune.petition.domain.petition.DeadlineExtended;
import vn.commune.petition.domain.petition.DialogueHeld;
import vn.commune.petition.domain.petition.MediationFailed;
import vn.commune.petition.domain.petition.MediationSucceeded;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionAnswered;
import vn.commune.petition.domain.petition.PetitionArchived;
import vn.commune.petition.domain.petition.PetitionEscalated;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.PetitionForwarded;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.PetitionRejected;
import vn.commune.petition.domain.petition.PetitionWithdrawn;
import vn.commune.petition.domain.petition.PetitionerGuided;

/**
 * The stored petition events as SQL rows, for the set-based rebuilds of the petition view and the
 * counts: what each event type means to those projections, as their handlers read it from the Java
 * event. A set-based rebuild is a second statement of the handlers' logic; a verification replays
 * the handlers and compares, and RebuildTest does so after rebuilding with every type of event.
 */
public final class PetitionEventRows {

    /**
     * One petition event type: its business-date field in the JSON payload, the status it gives the
     * petition (null: none), whether it closes it, the field of the deadline it sets (null: none), the
     * mediation outcome it records, and whether the counts projection handles it.
     */
    record Type(Class<? extends PetitionEvent> type, String onField, String status, boolean closes,
                String dueField, String outcome, boolean counted) {
    }

    static final List<Type> TYPES = List.of(
            new Type(PetitionReceived.class, "receivedOn", "RECEIVED", false, "handlingDueOn", null, true),
            new Type(PetitionAccepted.class, "acceptedOn", "ACCEPTED", false, "dueOn", null, true),
            new Type(DeadlineExtended.class, "extendedOn", null, false, "dueOn", null, true),
            new Type(MediationSucceeded.class, "heldOn", null, false, null, "SUCCEEDED", true),
            new Type(MediationFailed.class, "heldOn", null, false, null, "FAILED", true),
            new Type(DialogueHeld.class, "heldOn", null, false, null, null, false),
            new Type(AdvisoryCouncilConsulted.class, "heldOn", null, false, null, null, false),
            new Type(PetitionAnswered.class, "answeredOn", "RESOLVED", true, null, null, true),
            new Type(PetitionEscalated.class, "escalatedOn", "ESCALATED", true, null, null, true),
            new Type(PetitionForwarded.class, "forwardedOn", "FORWARDED", true, null, null, true),
            new Type(PetitionerGuided.class, "guidedOn", "GUIDED", true, null, null, true),
            new Type(PetitionRejected.class, "rejectedOn", "REJECTED", true, null, null, true),
            new Type(PetitionArchived.class, "archivedOn", "ARCHIVED", true, null, null, true),
            new Type(PetitionWithdrawn.class, "withdrawnOn", "WITHDRAWN", true, null, null, true));

    private PetitionEventRows() {
    }

    /**
     * A subquery, aliased {@code ev}, of the stored petition events of one share of the petitions up
     * to the rebuild's position, whose type satisfies {@code where} (over the columns {@code t.status}, {@code t.closes},
     * {@code t.due_field}, {@code t.outcome} and {@code t.counted}). Its
     * columns: {@code petition_id}, {@code sequence}, {@code recorded_at}, {@code type} (the simple
     * name), {@code occurred_on} (the business date, as the payload's text), {@code status}, {@code
     * closes}, {@code due_field}, {@code outcome}, {@code counted}, and {@code j}, the payload as
     * jsonb. Its parameters: {@code :upTo}, {@code :gaps}, {@code :part} and {@code :parts}
     * (see {@code ProjectionRebuilder}).
     */
    public static String from(String where) {
        String types = TYPES.stream()
                .map(t -> "(%s, %s, %s, %s, %s, %s, %s, %s)".formatted(text(t.type().getName()),
                        text(t.type().getSimpleName()), text(t.onField()), text(t.status()), t.closes(),
                        text(t.dueField()), text(t.outcome()), t.counted()))
                .collect(Collectors.joining(",\n            "));
        // OFFSET 0 keeps the planner from inlining the inner subquery, which would decode the payload
        // once for every reference to j instead of once per event.
        return """
                (SELECT x.j ->> 'petitionId' AS petition_id, x.sequence_number AS sequence,
                        CAST(x.time_stamp AS timestamptz) AS recorded_at, x.type, x.j ->> x.on_field AS occurred_on,
                        x.status, x.closes, x.due_field, x.outcome, x.counted, x.j
                   FROM (SELECT e.sequence_number, e.time_stamp, t.*,
                                CAST(convert_from(e.payload, 'UTF8') AS jsonb) AS j
                           FROM public.domainevententry e
                           JOIN (VALUES
                                %s
                                ) AS t (payload_type, type, on_field, status, closes, due_field, outcome, counted)
                             ON t.payload_type = e.payload_type
                          WHERE e.global_index <= :upTo AND NOT e.global_index = ANY (CAST(:gaps AS bigint[]))
                            AND (hashtext(e.aggregate_identifier) & 2147483647) %% :parts = :part
                            AND (%s)
                         OFFSET 0) x
                 OFFSET 0) ev""".formatted(types, where);
    }

    private static String text(String value) {
        return value == null ? "CAST(NULL AS text)" : "'" + value + "'";
    }
}
