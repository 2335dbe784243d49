package vn.commune.petition.api.petition;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.commune.petition.api.config.CommuneClock;
import vn.commune.petition.api.page.FormToken;
import vn.commune.petition.api.page.Forms;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.page.PageDialect;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.security.Role;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * The petition's page ({@code templates/petition/page.html}): its facts, deadlines, petitioners (as
 * PetitionReader lets this reader see them) and steps, and the steps the reader may take now. The
 * acceptance is the first step form, and the pattern for the others (docs/PAGES.md): the same
 * request record and StepRecorder as the API, a FormToken, Forms.submit, POST-redirect-GET.
 */
@PageController
class PetitionPages {

    private final PetitionViewQueries views;
    private final PetitionReader reader;
    private final StepRecorder recorder;
    private final Clock clock;

    PetitionPages(PetitionViewQueries views, PetitionReader reader, StepRecorder recorder, Clock clock) {
        this.views = views;
        this.reader = reader;
        this.recorder = recorder;
        this.clock = clock;
    }

    @GetMapping("/petitions/{id}")
    String petition(@PathVariable String id, Authentication user, Model model) {
        PetitionView view = show(id, user, model);
        if (mayAccept(view, user)) {
            model.addAttribute("acceptance", new AcceptanceRequest(CommuneClock.today(clock), false, false));
            model.addAttribute("formToken", FormToken.fresh(view.version()));
        }
        return "petition/page";
    }

    /** Thụ lý: the chair accepts a received petition. */
    @PostMapping("/petitions/{id}/acceptance")
    String accept(@PathVariable String id, @Valid @ModelAttribute("acceptance") AcceptanceRequest acceptance,
                  BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return Forms.submit(form, model, response, () -> recorder.step(id, acceptance, token.headers(request)))
                .map(written -> {
                    redirect.addFlashAttribute("recorded", PetitionAccepted.class.getSimpleName());
                    return "redirect:/petitions/" + id;
                })
                .orElseGet(() -> {
                    show(id, user, model);
                    return "petition/page";
                });
    }

    /** Puts the petition, as this reader may see it, in the model. */
    private PetitionView show(String id, Authentication user, Model model) {
        LocalDate today = CommuneClock.today(clock);
        PetitionView view = views.find(NotFoundException.unlessId(id, StepRecorder.NO_PETITION))
                .orElseThrow(() -> new NotFoundException(StepRecorder.NO_PETITION));
        model.addAttribute("petition", reader.forReader(view.overdueOn(today), user));
        model.addAttribute("today", today);
        return view;
    }

    private static boolean mayAccept(PetitionView view, Authentication user) {
        return view.status() == PetitionStatus.RECEIVED && PageDialect.Ui.role(user) == Role.CHAIR;
    }
}
