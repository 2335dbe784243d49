package vn.commune.petition.api.petition;

import jakarta.validation.constraints.AssertTrue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.format.annotation.DateTimeFormat;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.deadline.BusinessDates;

/**
 * The replay's control ({@code /petitions/{id}/replay?asOf=…&knownAt=…}): the business date the
 * petition is shown as it stood on, and the moment (the commune's local time, as a
 * {@code datetime-local} field sends it) after which nothing recorded is known. Either may be left out,
 * as in {@code GET /api/petitions/{id}?asOf=&knownAt=}.
 */
public record ReplayMoment(
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime knownAt) {

    /** How a moment is written in a link and in the field: to the millisecond, so a step recorded at it is known. */
    static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    @AssertTrue(message = "must be in the years " + BusinessDates.FIRST_YEAR + " to " + BusinessDates.LAST_YEAR)
    public boolean isKnownAtInRange() {
        return knownAt == null || BusinessDates.contains(knownAt.toLocalDate());
    }

    /** The moment as an instant, in the commune's zone; null when none. */
    Instant knownAtIn(ZoneId zone) {
        return knownAt == null ? null : knownAt.atZone(zone).toInstant();
    }

    /** Whether the control asks for the petition as it is now. */
    boolean now() {
        return asOf == null && knownAt == null;
    }

    /** The knownAt field's value. */
    public String knownAtField() {
        return knownAt == null ? "" : FIELD.format(knownAt);
    }
}
