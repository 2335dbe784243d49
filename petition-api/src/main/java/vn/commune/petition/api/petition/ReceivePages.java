package vn.commune.petition.api.petition;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.page.FormToken;
import vn.commune.petition.api.page.FormValidation;
import vn.commune.petition.api.page.Forms;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.page.PageRedirect;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionReceived;

/**
 * Tiếp nhận đơn ({@code templates/petition/receive.html}): a petition that came by post, online, to
 * the mailbox or forwarded is received through the same request record and StepRecorder as
 * {@code POST /api/petitions}; then its page is shown.
 */
@PageController
class ReceivePages {

    private final StepRecorder recorder;
    private final FormValidation validation;
    private final Clock clock;

    ReceivePages(StepRecorder recorder, FormValidation validation, Clock clock) {
        this.recorder = recorder;
        this.validation = validation;
        this.clock = clock;
    }

    @GetMapping("/petitions/new")
    String form(Model model) {
        model.addAttribute("receipt", ReceiveForm.blank(CommuneClock.today(clock)));
        model.addAttribute("formToken", FormToken.fresh(null));
        return show(model);
    }

    @PostMapping("/petitions")
    String receive(@ModelAttribute("receipt") ReceiveForm receipt, BindingResult form,
                   @ModelAttribute("formToken") FormToken token, HtmxRequest htmx, Model model,
                   HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        ReceivePetitionRequest body = receipt.request();
        validation.validate(body, form, receipt.fields());
        return Forms.submit(form, model, response, () -> recorder.receive(body, token.headers(request)))
                .map(written -> {
                    redirect.addFlashAttribute("recorded", PetitionReceived.class.getSimpleName());
                    // The code is shown once, on the receipt; a flash attribute keeps it out of every URL.
                    redirect.addFlashAttribute(ReceiptPages.LOOKUP_CODE, written.body().lookupCode());
                    return PageRedirect.to(htmx, "/petitions/" + written.body().petition().id() + "/receipt");
                })
                .orElseGet(() -> show(model));
    }

    private String show(Model model) {
        model.addAttribute("channels", ReceiveForm.CHANNELS);
        model.addAttribute("kinds", PetitionKind.values());
        model.addAttribute("today", CommuneClock.today(clock));
        return "petition/receive";
    }
}
