package vn.commune.petition.api.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Báo cáo kỳ: the report of a period, written from the events: the narrative, the standard tables,
 * and the invariants checked. Numbers only: no petitioner, let alone a denunciator, is ever named.
 *
 * @param commune the People's Committee that reports ("UBND xã Tân Lập"; CommuneProperties.committee)
 * @param title the report and whose it is ("Báo cáo kết quả … 6 tháng đầu năm 2024 của UBND xã Tân Lập")
 * @param gist its trích yếu under BÁO CÁO, where the heading above already names the commune
 * @param opening its first line, as the town's report opens ("UBND xã Tân Lập báo cáo … như sau:")
 * @param closing its last line ("Trên đây là báo cáo … của UBND xã Tân Lập./.")
 */
public record PeriodReport(
        LocalDate from,
        LocalDate to,
        String period,
        String commune,
        String title,
        String gist,
        String opening,
        String closing,
        String narrative,
        String narrativeEn,
        List<ReportTable> tables,
        List<Invariant> invariants) {

    /** An arithmetic check the report must pass before it is shown. */
    public record Invariant(String name, String description, String left, long leftValue, String right,
                            long rightValue, boolean holds) {
    }
}
