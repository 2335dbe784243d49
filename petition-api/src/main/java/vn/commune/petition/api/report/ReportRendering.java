package vn.commune.petition.api.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.commune.petition.api.print.A4Pdf;
import vn.commune.petition.api.print.OfficialForm;

/** The report in HTML (printable on A4, in the format of Nghị định 30), PDF with embedded fonts (A4Pdf), CSV and XLSX. */
final class ReportRendering {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ReportRendering() {
    }

    /**
     * The report as the commune issues it: in the format of Nghị định 30 (the issuing body, its number
     * in the register of reports from its period, the national title and motto, the place and the
     * period's last day, BÁO CÁO and its gist; the signatory and the recipients at its end).
     */
    static String html(PeriodReport report, boolean english, OfficialForm form) {
        Locale locale = english ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        OfficialForm.Issue issue = issue(report, locale, form);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(english ? "en" : "vi").append("\"><head>")
                .append("<meta charset=\"UTF-8\"/><title>").append(escape(report.title())).append("</title>")
                .append("<style>")
                .append("@page { size: A4; margin: 18mm 15mm; }")
                .append("body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #000; }")
                .append("h2 { font-size: 12pt; margin: 6mm 0 2mm 0; }")
                .append("p.period { text-align: center; margin: 1mm 0 6mm 0; }")
                .append("table { border-collapse: collapse; width: 100%; page-break-inside: auto; }")
                .append("th, td { border: 0.6pt solid #000; padding: 1.2mm 1.6mm; }")
                .append("th { font-weight: bold; background: #eee; }")
                .append("td.n { text-align: right; }")
                .append("td.sub { padding-left: 7mm; }")
                .append("tr { page-break-inside: avoid; }")
                .append("p.closing { margin: 4mm 0 0 0; }")
                .append(OfficialForm.HEADING_STYLE)
                .append(".nd30, .nd30-kind, .nd30-gist { font-family: 'DejaVu Serif', serif; }")
                .append("</style></head><body>");
        html.append(form.top(issue, locale));
        html.append("<p class=\"period\">").append(english ? "From " : "Từ ngày ")
                .append(report.from().format(DAY)).append(english ? " to " : " đến ngày ")
                .append(report.to().format(DAY)).append("</p>");
        html.append("<p>").append(escape(report.opening())).append("</p>");
        html.append("<h2>").append(english ? "Summary" : "Tóm tắt").append("</h2>");
        html.append("<p>").append(escape(english ? report.narrativeEn() : report.narrative())).append("</p>");
        for (ReportTable table : report.tables()) {
            html.append("<h2>").append(escape(table.title())).append("</h2><table><thead><tr>");
            table.columns().forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
            html.append("</tr></thead><tbody>");
            for (List<Object> row : table.rows()) {
                html.append("<tr>");
                for (Object cell : row) {
                    String text = String.valueOf(cell);
                    if (cell instanceof Number) {
                        html.append("<td class=\"n\">");
                    } else if (text.startsWith("  ")) {
                        html.append("<td class=\"sub\">");
                        text = text.strip();
                    } else {
                        html.append("<td>");
                    }
                    html.append(escape(text)).append("</td>");
                }
                html.append("</tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<h2>").append(english ? "Checks" : "Kiểm tra số liệu").append("</h2><table><tbody>");
        for (PeriodReport.Invariant invariant : report.invariants()) {
            html.append("<tr><td>").append(escape(invariant.description())).append("</td><td class=\"n\">")
                    .append(invariant.leftValue()).append(" = ").append(invariant.rightValue()).append("</td><td>")
                    .append(invariant.holds() ? (english ? "correct" : "đúng") : (english ? "WRONG" : "SAI"))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
        html.append("<p class=\"closing\">").append(escape(report.closing())).append("</p>");
        html.append(form.bottom(issue, locale)).append("</body></html>");
        return html.toString();
    }

    static byte[] pdf(PeriodReport report, boolean english, OfficialForm form) {
        return A4Pdf.of(html(report, english, form));
    }

    /** The report's number, date (its period's last day), kind, gist and recipients. */
    static OfficialForm.Issue issue(PeriodReport report, Locale locale, OfficialForm form) {
        return new OfficialForm.Issue(form.number(new ReportPeriod(report.from(), report.to()).number(), "BC"),
                report.to(), form.text("report.kind", locale), report.gist(),
                List.of(form.text("report.recipient.superior", locale),
                        form.text("report.recipient.council", locale, form.issuer().level(locale)),
                        form.text("report.recipient.board", locale), form.text("report.recipient.archive", locale)),
                null, null);
    }

    static byte[] csv(PeriodReport report) {
        StringBuilder csv = new StringBuilder(Spreadsheets.CSV_BOM);
        for (ReportTable table : report.tables()) {
            csv.append(Spreadsheets.csvLine(List.of(table.title())));
            csv.append(Spreadsheets.csvLine(table.columns()));
            for (List<Object> row : table.rows()) {
                csv.append(Spreadsheets.csvLine(row));
            }
            csv.append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(PeriodReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            workbook.getProperties().getCoreProperties().setTitle(report.title());
            workbook.getProperties().getCoreProperties().setCreator(report.commune());
            for (ReportTable table : report.tables()) {
                Sheet sheet = workbook.createSheet(sheetName(table.title()));
                Row heading = sheet.createRow(0);
                heading.createCell(0).setCellValue(report.title());
                heading.getCell(0).setCellStyle(bold);
                Row title = sheet.createRow(1);
                title.createCell(0).setCellValue(table.title());
                title.getCell(0).setCellStyle(bold);
                Row header = sheet.createRow(2);
                for (int c = 0; c < table.columns().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(table.columns().get(c));
                    cell.setCellStyle(bold);
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r + 3);
                    List<Object> values = table.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        if (value instanceof Number number) {
                            row.createCell(c).setCellValue(number.doubleValue());
                        } else {
                            row.createCell(c).setCellValue(String.valueOf(value));
                        }
                    }
                }
                sheet.setColumnWidth(0, 60 * 256);
                for (int c = 1; c < table.columns().size(); c++) {
                    sheet.setColumnWidth(c, 14 * 256);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report as XLSX", e);
        }
    }

    private static String sheetName(String title) {
        String name = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return name.length() > 31 ? name.substring(0, 31).strip() : name;
    }

    static String escape(String text) {
        return A4Pdf.escape(text);
    }
}
