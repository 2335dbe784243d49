package vn.commune.petition.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's CSV: numbers stay numbers, negative ones too, and no text cell opens as a formula. */
class ReportCsvTest {

    private static String csv(List<List<Object>> rows) {
        ReportTable table = new ReportTable("t", "=Tiêu đề", List.of("-Cột", "Số"), rows);
        PeriodReport report = new PeriodReport(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), "kỳ", "UBND xã",
                "Báo cáo", "", "", "", "", "", List.of(table), List.of());
        return new String(ReportRendering.csv(report), StandardCharsets.UTF_8);
    }

    @Test
    void text_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text() {
        assertThat(csv(List.of(
                List.of("=HYPERLINK(\"http://x.example\",\"y\")", 1),
                List.of("+1", 2),
                List.of("-1", 3),
                List.of("@SUM(A1)", 4),
                List.of("\t=1", 5),
                List.of("\r=1", 6),
                List.of("Hộ tịch - khai sinh", 7)))).isEqualTo("\uFEFF"
                + "\"'=Tiêu đề\"\r\n"
                + "\"'-Cột\",\"Số\"\r\n"
                + "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\",1\r\n"
                + "\"'+1\",2\r\n"
                + "\"'-1\",3\r\n"
                + "\"'@SUM(A1)\",4\r\n"
                + "\"'\t=1\",5\r\n"
                + "\"'\r=1\",6\r\n"
                + "\"Hộ tịch - khai sinh\",7\r\n"
                + "\r\n");
    }

    @Test
    void a_negative_number_is_a_number() {
        assertThat(csv(List.of(List.of("Chênh lệch", -3), List.of("Tỉ lệ", new BigDecimal("-1.5")), List.of(-7L, 0))))
                .contains("\"Chênh lệch\",-3\r\n", "\"Tỉ lệ\",-1.5\r\n", "-7,0\r\n");
    }
}
