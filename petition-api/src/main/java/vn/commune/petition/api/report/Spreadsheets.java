package vn.commune.petition.api.report;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What every CSV and XLSX download of the service shares (the report's, the register's): their media
 * types, how a CSV cell is written, and the download itself (an attachment with a file name).
 */
public final class Spreadsheets {

    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    /** Opens a CSV so that a spreadsheet reads it as UTF-8 (Vietnamese stays Vietnamese in Excel). */
    public static final String CSV_BOM = "\uFEFF";

    private Spreadsheets() {
    }

    /**
     * Every cell of a CSV this service writes: a number as it is (a negative one too), and anything
     * else as quoted text. Text that a spreadsheet would take for a formula (it begins with = + - @,
     * a tab or a carriage return) is prefixed with an apostrophe, which shows it as the text it is.
     */
    public static String csvCell(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        String text = String.valueOf(value);
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** One CSV line of these cells, ended by CRLF (RFC 4180). */
    public static String csvLine(List<?> cells) {
        return cells.stream().map(Spreadsheets::csvCell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** The file as a download named {@code name} (ASCII). */
    public static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }
}
