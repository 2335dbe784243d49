package vn.commune.petition.api.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Báo cáo kỳ: the report of a period, written from the events: the narrative, the standard tables,
 * and the invariants checked. Numbers only: no petitioner, let alone a denunciator, is ever named.
 */
public record PeriodReport(
        LocalDate from,
        LocalDate to,
        String period,
        String title,
        String narrative,
        String narrativeEn,
        List<ReportTable> tables,
        List<Invariant> invariants) {

    /** An arithmetic check the report must pass before it is shown. */
    public record Invariant(String name, String description, String left, long leftValue, String right,
                            long rightValue, boolean holds) {
    }
}
