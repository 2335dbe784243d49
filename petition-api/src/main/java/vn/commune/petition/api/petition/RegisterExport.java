package vn.commune.petition.api.petition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.commune.petition.api.report.Spreadsheets;
import vn.commune.petition.domain.petition.Petitioner;
import vn.commune.petition.projections.petition.PetitionView;

/**
 * The register's selection as a file: one row per petition, its columns named in the reader's
 * language, its petitioners as the register shows them (masked for a reader who may not see them).
 * CSV as every CSV of the service (Spreadsheets); XLSX with dates as dates, a filter on the header.
 */
final class RegisterExport {

    /** The bundle keys of the columns, in order. */
    static final List<String> COLUMNS = List.of("petition.reference", "petition.receivedOn", "petition.kind",
            "petition.channel", "petition.field", "petition.ward", "petition.summary", "petition.petitioners",
            "petition.status", "petition.dueOn", "register.column.overdue", "petition.closedOn");

    private static final int[] WIDTHS = {12, 12, 14, 22, 18, 16, 60, 30, 18, 12, 10, 12};

    /** The words of the file, by bundle key, in the reader's language. */
    interface Labels {
        String get(String key);
    }

    private RegisterExport() {
    }

    static byte[] csv(List<PetitionRows.Row> rows, Labels labels) {
        StringBuilder csv = new StringBuilder(Spreadsheets.CSV_BOM);
        csv.append(Spreadsheets.csvLine(COLUMNS.stream().map(labels::get).toList()));
        for (PetitionRows.Row row : rows) {
            csv.append(Spreadsheets.csvLine(cells(row, labels).stream()
                    .map(cell -> cell == null ? "" : cell instanceof LocalDate day ? day.toString() : cell)
                    .toList()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<PetitionRows.Row> rows, Labels labels) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = workbook.createSheet(labels.get("register.title"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(labels.get(COLUMNS.get(c)));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            int r = 1;
            for (PetitionRows.Row row : rows) {
                Row line = sheet.createRow(r++);
                List<Object> cells = cells(row, labels);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof LocalDate day) {
                        Cell cell = line.createCell(c);
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value != null) {
                        // Text is always a text cell: nothing typed in becomes a formula.
                        line.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, COLUMNS.size() - 1));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the register as XLSX", e);
        } finally {
            workbook.dispose();
        }
    }

    private static List<Object> cells(PetitionRows.Row row, Labels labels) {
        PetitionView p = row.petition();
        List<Object> cells = new ArrayList<>();
        cells.add(p.reference());
        cells.add(p.receivedOn());
        cells.add(labels.get("kind." + p.kind()));
        cells.add(labels.get("channel." + p.channel()));
        cells.add(p.field());
        cells.add(p.ward());
        cells.add(p.summary());
        cells.add(p.petitioners().isEmpty() ? labels.get("petition.anonymous")
                : p.petitioners().stream().map(Petitioner::fullName).collect(Collectors.joining("; ")));
        cells.add(labels.get("status." + p.status()));
        cells.add(p.dueOn());
        cells.add(row.due() != null && row.due().late() ? labels.get("register.yes") : null);
        cells.add(p.closedOn());
        return cells;
    }
}
