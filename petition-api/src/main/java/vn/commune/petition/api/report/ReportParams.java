package vn.commune.petition.api.report;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.deadline.BusinessDates;

/**
 * The period of {@code GET /api/reports}: {@code from} and {@code to}, or {@code year} with
 * {@code half}, {@code quarter} or {@code months} (3, 6, 9), or a whole {@code year}.
 */
record ReportParams(
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Min(BusinessDates.FIRST_YEAR) @Max(BusinessDates.LAST_YEAR) Integer year,
        @Min(1) @Max(2) Integer half,
        @Min(1) @Max(4) Integer quarter,
        @Min(1) @Max(12) Integer months,
        @Pattern(regexp = "json|html|pdf|csv|xlsx", message = "must be json, html, pdf, csv or xlsx") String format,
        @Pattern(regexp = "vi|en", message = "must be vi or en") String lang) {

    @AssertTrue(message = "give from and to, or a year with at most one of half, quarter or months")
    boolean isPeriodGiven() {
        boolean range = from != null && to != null && year == null;
        int shortcuts = (half == null ? 0 : 1) + (quarter == null ? 0 : 1) + (months == null ? 0 : 1);
        boolean shortcut = year != null && from == null && to == null && shortcuts <= 1;
        return (range && shortcuts == 0) || shortcut;
    }

    @AssertTrue(message = "from must not be after to")
    boolean isPeriodOrdered() {
        return from == null || to == null || !from.isAfter(to);
    }

    ReportPeriod period() {
        if (from != null) {
            return new ReportPeriod(from, to);
        }
        if (half != null) {
            return ReportPeriod.half(year, half);
        }
        if (quarter != null) {
            return ReportPeriod.quarter(year, quarter);
        }
        if (months != null) {
            return ReportPeriod.firstMonths(year, months);
        }
        return ReportPeriod.year(year);
    }
}
