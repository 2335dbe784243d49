package vn.commune.petition.api.counts;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.page.Forms;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.report.ReportPeriod;
import vn.commune.petition.api.security.Communes;

/**
 * Công khai, the public page of a commune's figures ({@code templates/counts/public.html}), with no
 * sign-in: a period chosen as on the dashboard (this year when none is), and, where a province's
 * communes are served, the commune ({@code ?commune=}, the configured one when none is); the figures of
 * Transparency, and links to the same as open data. Shown to the public, it is cached by anyone as the open data
 * is; shown to a signed-in user (its header names him), it is not.
 */
@PageController
class TransparencyPages {

    /** A commune that publishes here, as the page's chooser offers it. */
    record Choice(String code, String name) {
    }

    private final Transparency transparency;
    private final Communes communes;
    private final Clock clock;

    TransparencyPages(Transparency transparency, Communes communes, Clock clock) {
        this.transparency = transparency;
        this.communes = communes;
        this.clock = clock;
    }

    @GetMapping("/public/figures")
    String figures(@Valid @ModelAttribute("period") DashboardParams params, BindingResult form,
                   @RequestParam(name = "commune", required = false) String commune, Model model,
                   Authentication user, Locale locale, HttpServletResponse response) {
        transparency.requirePublished(commune);
        LocalDate today = CommuneClock.today(clock);
        model.addAttribute("today", today);
        model.addAttribute("years", ReportPeriod.choosableYears(today));
        List<String> served = communes.served();
        if (served.size() > 1) {
            model.addAttribute("publishers", served.stream().map(code -> new Choice(code, communes.name(code, locale)))
                    .toList());
            model.addAttribute("commune", commune == null ? communes.configured() : commune);
        }
        if (form.hasErrors()) {
            response.setStatus(Forms.INVALID);
            return "counts/public";
        }
        ReportPeriod period = params.period(today);
        model.addAttribute("figures", transparency.figures(commune, period));
        model.addAttribute("periodName", period);
        if (user == null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, PublicFiguresController.CACHE.getHeaderValue());
            response.setHeader(HttpHeaders.VARY, "Cookie, Accept-Language");
        }
        return "counts/public";
    }
}
