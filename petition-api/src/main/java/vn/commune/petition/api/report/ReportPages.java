package vn.commune.petition.api.report;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.page.Forms;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.print.OfficialForm;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;

/**
 * Báo cáo, the reports page ({@code templates/report/page.html}): a period chosen as for
 * {@code GET /api/reports}, the report previewed as the town writes it, and downloaded as PDF, XLSX
 * or CSV (the same renderings as the API's). A report whose checks fail is shown with the failed
 * checks and offers no download.
 */
@PageController
class ReportPages {

    private final ReportBuilder builder;
    private final OfficialForm heading;
    private final Clock clock;

    ReportPages(ReportBuilder builder, OfficialForm heading, Clock clock) {
        this.builder = builder;
        this.heading = heading;
        this.clock = clock;
    }

    @GetMapping("/reports")
    String reports(@Valid @ModelAttribute("period") ReportParams params, BindingResult form, Model model,
                   Locale locale, HttpServletResponse response) {
        LocalDate today = CommuneClock.today(clock);
        model.addAttribute("today", today);
        model.addAttribute("years", ReportPeriod.choosableYears(today));
        if (form.hasErrors()) {
            response.setStatus(Forms.INVALID);
            return "report/page";
        }
        if (params.year() == null && params.from() == null) {
            return "report/page";
        }
        PeriodReport report = builder.build(params.period(), english(locale));
        List<PeriodReport.Invariant> broken = report.invariants().stream().filter(i -> !i.holds()).toList();
        model.addAttribute("report", report);
        model.addAttribute("broken", broken);
        model.addAttribute("english", english(locale));
        model.addAttribute("query", query(params));
        OfficialForm heading = this.heading.ofScope();
        OfficialForm.Issue issue = ReportRendering.issue(report, locale, heading);
        model.addAttribute("issue", issue);
        model.addAttribute("issuedAt", heading.placeAndDate(issue.date(), locale));
        model.addAttribute("commune", heading.issuer());
        if (!broken.isEmpty()) {
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        return "report/page";
    }

    @GetMapping("/reports/file")
    ResponseEntity<byte[]> file(@Valid ReportParams params, BindingResult form, Locale locale) {
        if (form.hasErrors() || params.format() == null || !List.of("pdf", "xlsx", "csv").contains(params.format())
                || params.year() == null && params.from() == null) {
            throw new InvalidRequestException(List.of(new FieldProblem("format", "give a period and pdf, xlsx or csv")));
        }
        PeriodReport report = builder.build(params.period(), english(locale));
        if (report.invariants().stream().anyMatch(i -> !i.holds())) {
            throw new InvalidRequestException(List.of(new FieldProblem("period", "the report's checks fail")));
        }
        String file = "bao-cao-" + report.from() + "-" + report.to();
        return switch (params.format()) {
            case "pdf" -> Spreadsheets.download(ReportRendering.pdf(report, english(locale), heading.ofScope()), MediaType.APPLICATION_PDF,
                    file + ".pdf");
            case "xlsx" -> Spreadsheets.download(ReportRendering.xlsx(report), Spreadsheets.XLSX, file + ".xlsx");
            default -> Spreadsheets.download(ReportRendering.csv(report), Spreadsheets.CSV, file + ".csv");
        };
    }

    /** The period's parameters as a query string, for the downloads' links. */
    private static String query(ReportParams params) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        if (params.from() != null) {
            query.queryParam("from", params.from()).queryParam("to", params.to());
        } else {
            query.queryParam("year", params.year());
            if (params.half() != null) {
                query.queryParam("half", params.half());
            }
            if (params.quarter() != null) {
                query.queryParam("quarter", params.quarter());
            }
            if (params.months() != null) {
                query.queryParam("months", params.months());
            }
        }
        return query.build().getQuery();
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
