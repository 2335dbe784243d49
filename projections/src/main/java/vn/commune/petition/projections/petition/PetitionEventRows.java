package vn.commune.petition.projections.petition;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.commune.petition.domain.petition.AdvisoryCouncilConsulted;
import vn.commune.petition.domain.petition.DeadlineExtended;
import vn.commune.petition.domain.petition.DialogueHeld;
import vn.commune.petition.domain.petition.LookupCodeReplaced;
import vn.commune.petition.domain.petition.MediationFailed;
import vn.commune.petition.domain.petition.MediationOutcome;
import vn.commune.petition.domain.petition.MediationSucceeded;
import vn.commune.petition.domain.petition.PartWithdrawn;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionClosed;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.domain.petition.ResolutionResumed;
import vn.commune.petition.domain.petition.ResolutionSuspended;
import vn.commune.petition.domain.petition.ScanAttached;
import vn.commune.petition.projections.commune.EventCommune;

/**
 * The stored petition events as SQL rows, for the set-based rebuilds of the petition view and the
 * counts: what each event type means to those projections, as their handlers read it from the Java
 * event. Which types close a petition and as what, and which field holds each one's business date,
 * are read from the events themselves; the rest is named below. A set-based rebuild is a second
 * statement of the handlers' logic; a verification replays the handlers and compares, and RebuildTest
 * does so after rebuilding with every type of event.
 */
public final class PetitionEventRows {

    /**
     * One petition event type: its business-date field in the JSON payload, the status it gives the
     * petition (null: none), whether it closes it, the field of the deadline it sets (null: none), the
     * mediation outcome it records (null: none), and whether the counts projection handles it.
     */
    record Type(Class<? extends PetitionEvent> type, String onField, PetitionStatus status, boolean closes,
                String dueField, MediationOutcome outcome, boolean counted) {
    }

    /** The statuses of the steps that do not close a petition; a closing step says its own. */
    private static final Map<Class<? extends PetitionEvent>, PetitionStatus> OPEN_STATUSES = Map.of(
            PetitionReceived.class, PetitionStatus.RECEIVED,
            PetitionAccepted.class, PetitionStatus.ACCEPTED,
            ResolutionSuspended.class, PetitionStatus.SUSPENDED,
            ResolutionResumed.class, PetitionStatus.ACCEPTED);

    /**
     * The deadlines set: on receipt the handling deadline, on acceptance, extension and resumption the
     * resolution deadline.
     */
    private static final Map<Class<? extends PetitionEvent>, String> DEADLINE_FIELDS = Map.of(
            PetitionReceived.class, "handlingDueOn",
            PetitionAccepted.class, "dueOn",
            DeadlineExtended.class, "dueOn",
            ResolutionResumed.class, "dueOn");

    private static final Map<Class<? extends PetitionEvent>, MediationOutcome> OUTCOMES = Map.of(
            MediationSucceeded.class, MediationOutcome.SUCCEEDED,
            MediationFailed.class, MediationOutcome.FAILED);

    /** The steps the counts projection has no handler for. */
    private static final Set<Class<? extends PetitionEvent>> NOT_COUNTED = Set.of(
            DialogueHeld.class, AdvisoryCouncilConsulted.class, LookupCodeReplaced.class, ScanAttached.class,
            PartWithdrawn.class);

    static final List<Type> TYPES = PetitionEvent.types().stream().map(PetitionEventRows::type).toList();

    private PetitionEventRows() {
    }

    /**
     * A subquery, aliased {@code ev}, of the stored petition events of one share of the petitions up
     * to the rebuild's position, whose type satisfies {@code where} (over the columns {@code t.status}, {@code t.closes},
     * {@code t.due_field}, {@code t.outcome} and {@code t.counted}). Its
     * columns: {@code petition_id}, {@code sequence}, {@code recorded_at}, {@code type} (the simple
     * name), {@code occurred_on} (the business date, as the payload's text), {@code status}, {@code
     * closes}, {@code due_field}, {@code outcome}, {@code counted}, {@code commune} (the event's, from
     * its metadata, else {@code :commune}), and {@code j}, the payload as jsonb. Its parameters:
     * {@code :upTo}, {@code :gaps}, {@code :part}, {@code :parts} and {@code :commune} (see SetBasedLoad).
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
                        x.status, x.closes, x.due_field, x.outcome, x.counted, x.commune, x.j
                   FROM (SELECT e.sequence_number, e.time_stamp, t.*,
                                CAST(convert_from(e.payload, 'UTF8') AS jsonb) AS j,
                                COALESCE(CAST(convert_from(e.meta_data, 'UTF8') AS jsonb) ->> '%s', :commune)
                                    AS commune
                           FROM public.domainevententry e
                           JOIN (VALUES
                                %s
                                ) AS t (payload_type, type, on_field, status, closes, due_field, outcome, counted)
                             ON t.payload_type = e.payload_type
                          WHERE e.global_index <= :upTo AND NOT e.global_index = ANY (CAST(:gaps AS bigint[]))
                            AND (hashtext(e.aggregate_identifier) & 2147483647) %% :parts = :part
                            AND (%s)
                         OFFSET 0) x
                 OFFSET 0) ev""".formatted(EventCommune.METADATA, types, where);
    }

    private static Type type(Class<? extends PetitionEvent> type) {
        PetitionEvent prototype = prototype(type);
        PetitionStatus status = prototype instanceof PetitionClosed closed ? closed.closedAs() : OPEN_STATUSES.get(type);
        return new Type(type, businessDateField(prototype), status, prototype instanceof PetitionClosed,
                DEADLINE_FIELDS.get(type), OUTCOMES.get(type), !NOT_COUNTED.contains(type));
    }

    /**
     * An event of this type whose every date is a different day and whose other fields are empty: what
     * an event says of itself here, its business date's field and how it closes, depends on its type alone.
     */
    private static PetitionEvent prototype(Class<? extends PetitionEvent> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> field = components[i].getType();
            values[i] = field == LocalDate.class ? LocalDate.EPOCH.plusDays(i)
                    : field.isPrimitive() ? Array.get(Array.newInstance(field, 1), 0) : null;
        }
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make an empty " + type.getSimpleName(), e);
        }
    }

    /** The field whose date occurredOn() returns: the prototype's dates tell the fields apart. */
    private static String businessDateField(PetitionEvent prototype) {
        RecordComponent[] components = prototype.getClass().getRecordComponents();
        long index = ChronoUnit.DAYS.between(LocalDate.EPOCH, prototype.occurredOn());
        if (index < 0 || index >= components.length || components[(int) index].getType() != LocalDate.class) {
            throw new IllegalStateException(prototype.getClass().getSimpleName() + ".occurredOn() returns no field");
        }
        return components[(int) index].getName();
    }

    private static String text(Object value) {
        return value == null ? "CAST(NULL AS text)" : "'" + value + "'";
    }
}
