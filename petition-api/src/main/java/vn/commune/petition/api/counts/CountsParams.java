package vn.commune.petition.api.counts;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.commune.petition.api.deadline.BusinessDate;

/** The period of {@code GET /api/counts}: both ends required and inclusive; {@code knownAt} optional. */
record CountsParams(
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {

    @AssertTrue(message = "from must not be after to")
    boolean isPeriodOrdered() {
        return from == null || to == null || !from.isAfter(to);
    }
}
