package vn.commune.petition.api.counts;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.page.Forms;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.report.ReportPeriod;

/**
 * Công khai, the public page of the commune's figures ({@code templates/counts/public.html}), with no
 * sign-in: a period chosen as on the dashboard (this year when none is), the figures of Transparency,
 * and links to the same as open data. Shown to the public, it is cached by anyone as the open data
 * is; shown to a signed-in user (its header names him), it is not.
 */
@PageController
class TransparencyPages {

    private final Transparency transparency;
    private final Clock clock;

    TransparencyPages(Transparency transparency, Clock clock) {
        this.transparency = transparency;
        this.clock = clock;
    }

    @GetMapping("/public/figures")
    String figures(@Valid @ModelAttribute("period") DashboardParams params, BindingResult form, Model model,
                   Authentication user, HttpServletResponse response) {
        LocalDate today = CommuneClock.today(clock);
        model.addAttribute("today", today);
        model.addAttribute("years", ReportPeriod.choosableYears(today));
        if (form.hasErrors()) {
            response.setStatus(Forms.INVALID);
            return "counts/public";
        }
        ReportPeriod period = params.period(today);
        model.addAttribute("figures", transparency.figures(period));
        model.addAttribute("periodName", period);
        if (user == null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, PublicFiguresController.CACHE.getHeaderValue());
            response.setHeader(HttpHeaders.VARY, "Cookie, Accept-Language");
        }
        return "counts/public";
    }
}
