package vn.commune.petition.api.report;

import java.util.List;

/** One table of a report: its title, column names and rows (numbers stay numbers). */
public record ReportTable(String id, String title, List<String> columns, List<List<Object>> rows) {
}
