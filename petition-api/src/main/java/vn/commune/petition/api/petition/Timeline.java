package vn.commune.petition.api.petition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.projections.history.PetitionHistory;

/**
 * A petition's timeline on its page, from its history (the event store): each step's business date,
 * when and by whom it was recorded, whether it was typed in late (back-dated), and what it said
 * that a reader needs (where it was forwarded, the answer's number, the new deadline...).
 */
public record Timeline(List<Entry> entries) {

    /**
     * What a step's details may show, in this order, each labelled {@code timeline.<key>} in the
     * bundles. Nothing else of an event is shown: the receipt's details (the petitioners among them)
     * are the page's facts, shown as PetitionReader allows.
     */
    public static final List<String> DETAILS = List.of("complexity", "level", "to", "legalGround", "documentNumber",
            "minutesRef", "days", "daysSuspended", "dueOn", "content", "reason", "summary", "notes");

    /** One step: its event's type, its business date, who recorded it and when, and its details. */
    public record Entry(String type, LocalDate on, Instant recordedAt, String recordedBy, long recordedDaysLater,
                 boolean backdated, List<Detail> details) {
    }

    /** One detail of a step: a key of {@link #DETAILS} and its value (a date is a LocalDate). */
    public record Detail(String key, Object value) {

        /** Whether the value is a date, shown dd/MM/yyyy. */
        public boolean date() {
            return value instanceof LocalDate;
        }
    }

    static Timeline of(PetitionHistory history) {
        List<Entry> entries = new ArrayList<>();
        for (PetitionHistory.Entry event : history.events()) {
            List<Detail> details = new ArrayList<>();
            if (!event.type().equals(PetitionReceived.class.getSimpleName())) {
                for (String key : DETAILS) {
                    Object value = event.data().get(key);
                    if (value != null && !(value instanceof String text && text.isBlank())) {
                        details.add(new Detail(key, key.endsWith("On") ? day(value) : value));
                    }
                }
            }
            entries.add(new Entry(event.type(), event.occurredOn(), event.recordedAt(), event.recordedBy(),
                    event.recordedDaysLater(), event.backdated(), details));
        }
        return new Timeline(entries);
    }

    private static Object day(Object value) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
