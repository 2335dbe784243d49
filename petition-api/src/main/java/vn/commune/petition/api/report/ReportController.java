package vn.commune.petition.api.report;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.print.OfficialForm;
import vn.commune.petition.api.problem.Problems;

/**
 * {@code GET /api/reports}: the period report in JSON, HTML, PDF, CSV or XLSX ({@code ?format=} or
 * the Accept header), in Vietnamese or English ({@code ?lang=}). A report whose arithmetic does not
 * hold is refused with the failed checks, never printed wrong.
 */
@RestController
class ReportController {

    private final ReportBuilder builder;
    private final OfficialForm form;

    ReportController(ReportBuilder builder, OfficialForm form) {
        this.builder = builder;
        this.form = form;
    }

    @GetMapping("/api/reports")
    ResponseEntity<?> report(@Valid ReportParams params,
                             @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean english = "en".equals(params.lang());
        PeriodReport report = builder.build(params.period(), english);
        List<PeriodReport.Invariant> broken = report.invariants().stream().filter(i -> !i.holds()).toList();
        if (!broken.isEmpty()) {
            ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rule-violation", "The report does not add up",
                    "The report's figures fail " + broken.size() + " check(s); it is not printed until they hold");
            problem.setProperty("rule", "REPORT_INVARIANT_BROKEN");
            problem.setProperty("failedChecks", broken);
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        String format = params.format() != null ? params.format() : fromAccept(accept);
        String file = "bao-cao-" + report.from() + "-" + report.to();
        return switch (format) {
            case "html" -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(ReportRendering.html(report, english, form.ofScope()));
            case "pdf" -> Spreadsheets.download(ReportRendering.pdf(report, english, form.ofScope()), MediaType.APPLICATION_PDF, file + ".pdf");
            case "csv" -> Spreadsheets.download(ReportRendering.csv(report), Spreadsheets.CSV, file + ".csv");
            case "xlsx" -> Spreadsheets.download(ReportRendering.xlsx(report), Spreadsheets.XLSX, file + ".xlsx");
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }

    private static String fromAccept(String accept) {
        if (accept == null) {
            return "json";
        }
        if (accept.contains("application/pdf")) {
            return "pdf";
        }
        if (accept.contains("spreadsheetml")) {
            return "xlsx";
        }
        if (accept.contains("text/csv")) {
            return "csv";
        }
        if (accept.contains("text/html")) {
            return "html";
        }
        return "json";
    }
}
