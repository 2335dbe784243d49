package vn.commune.petition.api.counts;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.commune.petition.api.deadline.BusinessDate;

/**
 * What {@code GET /api/public/figures} is asked: the period, both ends required and inclusive, at most
 * ten years, and the commune whose figures they are (its code; the configured commune's when none is).
 */
record PublicPeriod(
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Pattern(regexp = "[0-9]{5}", message = "must be a commune's code of five digits") String commune) {

    /** The longest period published at once, in years: a month by month table of it stays small. */
    static final int YEARS = 10;

    @AssertTrue(message = "from must not be after to, and the period at most 10 years")
    boolean isPeriodOrdered() {
        return from == null || to == null || !from.isAfter(to) && !to.isAfter(from.plusYears(YEARS));
    }
}
