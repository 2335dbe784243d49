package vn.commune.petition.api.counts;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The period of {@code GET /api/counts}: both ends required and inclusive; {@code knownAt} optional. */
record CountsParams(
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {

    @AssertTrue(message = "from must not be after to")
    boolean isPeriodOrdered() {
        return from == null || to == null || !from.isAfter(to);
    }
}
