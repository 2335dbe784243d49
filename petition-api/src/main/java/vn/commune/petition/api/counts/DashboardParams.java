package vn.commune.petition.api.counts;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.format.annotation.DateTimeFormat;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.api.report.ReportPeriod;
import vn.commune.petition.domain.deadline.BusinessDates;

/**
 * The period a dashboard shows: {@code from} and {@code to}, or a {@code year} with at most one of
 * {@code half}, {@code quarter} or {@code month}; nothing at all is this year. At most
 * {@value #MONTHS} months, the months its chart of the months shows one bar each.
 */
record DashboardParams(
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Min(BusinessDates.FIRST_YEAR) @Max(BusinessDates.LAST_YEAR) Integer year,
        @Min(1) @Max(2) Integer half,
        @Min(1) @Max(4) Integer quarter,
        @Min(1) @Max(12) Integer month) {

    /** The longest period a dashboard shows, in months. */
    static final int MONTHS = 36;

    @AssertTrue(message = "give from and to, or a year with at most one of half, quarter or month")
    boolean isPeriodGiven() {
        int shortcuts = (half == null ? 0 : 1) + (quarter == null ? 0 : 1) + (month == null ? 0 : 1);
        boolean range = from != null && to != null && year == null && shortcuts == 0;
        boolean shortcut = from == null && to == null && (year != null ? shortcuts <= 1 : shortcuts == 0);
        return range || shortcut;
    }

    @AssertTrue(message = "from must not be after to, and the period at most 36 months")
    boolean isPeriodOrdered() {
        return from == null || to == null
                || !from.isAfter(to) && ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) < MONTHS;
    }

    /** The period chosen; this year when none is. */
    ReportPeriod period(LocalDate today) {
        if (from != null) {
            return new ReportPeriod(from, to);
        }
        int y = year == null ? today.getYear() : year;
        if (half != null) {
            return ReportPeriod.half(y, half);
        }
        if (quarter != null) {
            return ReportPeriod.quarter(y, quarter);
        }
        return month != null ? ReportPeriod.month(y, month) : ReportPeriod.year(y);
    }
}
