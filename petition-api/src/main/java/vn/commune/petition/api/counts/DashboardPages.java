package vn.commune.petition.api.counts;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.page.Forms;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;
import vn.commune.petition.api.report.ReportPeriod;

/**
 * Bảng số liệu, the dashboard ({@code templates/counts/dashboard.html}): a period's counts, the same as
 * {@code GET /api/counts}, with a chart over a table for each breakdown. The figures change on the
 * open page when a step is recorded anywhere: the page listens to {@code /dashboard/stream}, a
 * server-sent event stream of its period's figures (DashboardStreams), which htmx swaps in.
 */
@PageController
class DashboardPages {

    private final Dashboard dashboard;
    private final DashboardStreams streams;
    private final Clock clock;

    DashboardPages(Dashboard dashboard, DashboardStreams streams, Clock clock) {
        this.dashboard = dashboard;
        this.streams = streams;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(@Valid @ModelAttribute("period") DashboardParams params, BindingResult form, Model model,
                     HttpServletResponse response) {
        LocalDate today = CommuneClock.today(clock);
        model.addAttribute("today", today);
        model.addAttribute("years", ReportPeriod.choosableYears(today));
        if (form.hasErrors()) {
            response.setStatus(Forms.INVALID);
            return "counts/dashboard";
        }
        model.addAttribute("figures", dashboard.figures(params.period(today)));
        return "counts/dashboard";
    }

    @GetMapping("/dashboard/stream")
    ResponseEntity<SseEmitter> stream(@Valid DashboardParams params, BindingResult form, Locale locale) {
        if (form.hasErrors() || params.from() == null) {
            throw new InvalidRequestException(List.of(new FieldProblem("from", "give from and to")));
        }
        SseEmitter emitter = streams.open(new ReportPeriod(params.from(), params.to()), locale);
        return emitter == null ? ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build()
                : ResponseEntity.ok().header("X-Accel-Buffering", "no").body(emitter);
    }
}
