package vn.commune.petition.api.counts;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.commune.petition.api.deadline.BusinessDate;

/** The period of {@code GET /api/public/figures}: both ends required and inclusive, at most ten years. */
record PublicPeriod(
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    /** The longest period published at once, in years: a month by month table of it stays small. */
    static final int YEARS = 10;

    @AssertTrue(message = "from must not be after to, and the period at most 10 years")
    boolean isPeriodOrdered() {
        return from == null || to == null || !from.isAfter(to) && !to.isAfter(from.plusYears(YEARS));
    }
}
