package vn.commune.petition.api.session;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.commune.petition.api.deadline.BusinessDate;

/** A period of {@code GET /api/sessions} and of the schedule: both ends required and inclusive. */
record SessionPeriod(
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    @AssertTrue(message = "from must not be after to")
    boolean isPeriodOrdered() {
        return from == null || to == null || !from.isAfter(to);
    }
}
