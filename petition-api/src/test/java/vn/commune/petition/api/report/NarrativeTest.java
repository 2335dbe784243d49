package vn.commune.petition.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.commune.petition.projections.counts.PetitionCounts;

/** The report's sentence is chosen by the counts, in the words of the town's own report. */
class NarrativeTest {

    private static PetitionCounts counts(long received, Map<String, Long> byKind, long resolved, long escalated,
                                         long succeeded, long failed, long forwarded, long open, long overdue) {
        return new PetitionCounts(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), received, 0, received,
                resolved, escalated, forwarded, 0, 0, 0, 0, 0, succeeded, failed, open, overdue, 0, 0, 0, byKind,
                Map.of(), Map.of(), Map.of());
    }

    @Test
    void the_towns_half_year_reads_exactly_as_its_report() {
        assertThat(Narrative.vietnamese("6 tháng đầu năm 2024",
                counts(11, Map.of("RECOMMENDATION", 11L), 9, 2, 9, 2, 0, 0, 0)))
                .isEqualTo("Trong 6 tháng đầu năm 2024 đã tiếp nhận 11 đơn thư kiến nghị của công dân."
                        + " Đã hòa giải thành và trả lời bằng văn bản 9 đơn, còn 02 đơn hòa giải không thành"
                        + " chuyển lên cấp trên.");
    }

    @Test
    void there_is_no_escalation_clause_when_nothing_was_escalated() {
        assertThat(Narrative.vietnamese("quý I năm 2024", counts(3, Map.of("FEEDBACK", 3L), 3, 0, 0, 0, 0, 0, 0)))
                .isEqualTo("Trong quý I năm 2024 đã tiếp nhận 3 đơn thư phản ánh của công dân."
                        + " Đã trả lời bằng văn bản 3 đơn.");
    }

    @Test
    void complaints_and_denunciations_are_named_in_the_laws_order() {
        String text = Narrative.vietnamese("năm 2024", counts(14,
                Map.of("FEEDBACK", 2L, "DENUNCIATION", 1L, "COMPLAINT", 3L, "RECOMMENDATION", 8L),
                0, 0, 0, 0, 1, 13, 4));
        assertThat(text).startsWith("Trong năm 2024 đã tiếp nhận 14 đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh"
                + " của công dân.");
        assertThat(text).contains("Chuyển đơn đến cơ quan có thẩm quyền 01 đơn.")
                .endsWith("Còn 13 đơn đang giải quyết, trong đó 04 đơn quá hạn.")
                .doesNotContain("cấp trên");
    }

    @Test
    void period_words_follow_the_reporting_calendar() {
        assertThat(ReportPeriod.half(2024, 1).vietnamese()).isEqualTo("6 tháng đầu năm 2024");
        assertThat(ReportPeriod.half(2024, 2).vietnamese()).isEqualTo("6 tháng cuối năm 2024");
        assertThat(ReportPeriod.quarter(2024, 3).vietnamese()).isEqualTo("quý III năm 2024");
        assertThat(ReportPeriod.firstMonths(2024, 9).vietnamese()).isEqualTo("9 tháng đầu năm 2024");
        assertThat(ReportPeriod.year(2024).vietnamese()).isEqualTo("năm 2024");
        assertThat(new ReportPeriod(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 20)).vietnamese())
                .isEqualTo("kỳ từ ngày 15/01/2024 đến ngày 20/02/2024");
    }
}
