package vn.commune.petition.api.petition;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.document.Documents;
import vn.commune.petition.api.page.FormToken;
import vn.commune.petition.api.page.Forms;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.domain.deadline.DeadlinePolicies;
import vn.commune.petition.domain.petition.EscalationLevel;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionStanding;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.domain.petition.PetitionStep;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * The petition's page ({@code templates/petition/page.html}): its facts, deadlines (days and working
 * days left), petitioners (as PetitionReader lets this reader see them) and timeline, and a form for
 * each step the reader may take now: the steps PetitionStep allows where the petition stands, of
 * those the reader's role may post (the pages' security rules, asked through Spring Security). Every
 * form posts the API's own request record to StepRecorder with a FormToken (docs/PAGES.md).
 */
@PageController
class PetitionPages {

    private final PetitionViewQueries views;
    private final PetitionReader reader;
    private final Scans scans;
    private final StepRecorder recorder;
    private final DeadlinePolicies deadlines;
    private final WebInvocationPrivilegeEvaluator privileges;
    private final Documents documents;
    private final Clock clock;

    PetitionPages(PetitionViewQueries views, PetitionReader reader, StepRecorder recorder, DeadlinePolicies deadlines,
                  WebInvocationPrivilegeEvaluator privileges, Scans scans, Documents documents, Clock clock) {
        this.views = views;
        this.scans = scans;
        this.reader = reader;
        this.recorder = recorder;
        this.deadlines = deadlines;
        this.privileges = privileges;
        this.documents = documents;
        this.clock = clock;
    }

    /** The petition's deadlines: the handling deadline, the resolution deadline once accepted, and the one running now. */
    record Deadlines(LocalDate handlingDueOn, LocalDate resolutionDueOn, DueDate running, Integer extensionsLeft) {
    }

    /** A form shown again after its step was refused, with the token it was sent with. */
    private record Refused(StepForm form, FormToken token) {
    }

    @GetMapping("/petitions/{id}")
    String petition(@PathVariable String id, Authentication user, Model model, HttpServletRequest request) {
        show(id, user, model, request, null);
        return "petition/page";
    }

    /** Thụ lý: the chair accepts a received petition. */
    @PostMapping("/petitions/{id}/acceptance")
    String accept(@PathVariable String id, @Valid @ModelAttribute("acceptance") AcceptanceRequest body,
                  BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.ACCEPT, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/forwarding")
    String forward(@PathVariable String id, @Valid @ModelAttribute("forwarding") ForwardingRequest body,
                   BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                   HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.FORWARD, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/guidance")
    String guide(@PathVariable String id, @Valid @ModelAttribute("guidance") GuidanceRequest body,
                 BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                 HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.GUIDE, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/rejection")
    String reject(@PathVariable String id, @Valid @ModelAttribute("rejection") RejectionRequest body,
                  BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.REJECT, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/archival")
    String archive(@PathVariable String id, @Valid @ModelAttribute("archival") ArchivalRequest body,
                   BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                   HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.ARCHIVE, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/mediations")
    String mediate(@PathVariable String id, @Valid @ModelAttribute("mediation") MediationRequest body,
                   BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                   HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.MEDIATE, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/dialogues")
    String dialogue(@PathVariable String id, @Valid @ModelAttribute("dialogue") DialogueRequest body,
                    BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                    HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.HOLD_DIALOGUE, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/advisory-council")
    String consultAdvisoryCouncil(@PathVariable String id,
                                  @Valid @ModelAttribute("advisoryCouncil") AdvisoryCouncilRequest body,
                                  BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user,
                                  Model model, HttpServletRequest request, HttpServletResponse response,
                                  RedirectAttributes redirect) {
        return record(StepForm.CONSULT_ADVISORY_COUNCIL, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/extensions")
    String extend(@PathVariable String id, @Valid @ModelAttribute("extension") ExtensionRequest body,
                  BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.EXTEND_DEADLINE, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/written-answer")
    String answer(@PathVariable String id, @Valid @ModelAttribute("writtenAnswer") WrittenAnswerRequest body,
                  BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.ANSWER_IN_WRITING, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/escalation")
    String escalate(@PathVariable String id, @Valid @ModelAttribute("escalation") EscalationRequest body,
                    BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                    HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.ESCALATE, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/withdrawal")
    String withdraw(@PathVariable String id, @Valid @ModelAttribute("withdrawal") WithdrawalRequest body,
                    BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                    HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.WITHDRAW, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/suspension")
    String suspend(@PathVariable String id, @Valid @ModelAttribute("suspension") SuspensionRequest body,
                   BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                   HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.SUSPEND, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/resumption")
    String resume(@PathVariable String id, @Valid @ModelAttribute("resumption") ResumptionRequest body,
                  BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.RESUME, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/termination")
    String terminate(@PathVariable String id, @Valid @ModelAttribute("termination") TerminationRequest body,
                     BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user, Model model,
                     HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return record(StepForm.TERMINATE, id, body, form, token, user, model, request, response, redirect);
    }

    @PostMapping("/petitions/{id}/partial-withdrawal")
    String withdrawPart(@PathVariable String id, @Valid @ModelAttribute("partialWithdrawal") PartialWithdrawalRequest body,
                        BindingResult form, @ModelAttribute("formToken") FormToken token, Authentication user,
                        Model model, HttpServletRequest request, HttpServletResponse response,
                        RedirectAttributes redirect) {
        return record(StepForm.WITHDRAW_PART, id, body, form, token, user, model, request, response, redirect);
    }

    /**
     * Records the step through StepRecorder and goes back to the page announcing it (POST, redirect,
     * GET); or, refused, shows the page again with the form open and why (Forms.submit).
     */
    private String record(StepForm step, String id, StepRequest body, BindingResult form, FormToken token,
                          Authentication user, Model model, HttpServletRequest request, HttpServletResponse response,
                          RedirectAttributes redirect) {
        return Forms.submit(form, model, response, () -> recorder.step(id, body, token.headers(request)))
                .map(written -> {
                    List<PetitionView.Step> steps = written.body().steps();
                    redirect.addFlashAttribute("recorded", steps.get(steps.size() - 1).type());
                    return "redirect:/petitions/" + id;
                })
                .orElseGet(() -> {
                    show(id, user, model, request, new Refused(step, token));
                    return "petition/page";
                });
    }

    /**
     * Puts the petition, as this reader may see it, in the model, with its deadlines, its timeline and
     * the forms of the steps the reader may take now, each with a fresh token; a refused form keeps
     * what was sent and its token, and is shown even if its step is no longer allowed.
     */
    private void show(String id, Authentication user, Model model, HttpServletRequest request, Refused refused) {
        LocalDate today = CommuneClock.today(clock);
        PetitionView view = views.find(NotFoundException.unlessId(id, StepRecorder.NO_PETITION))
                .orElseThrow(() -> new NotFoundException(StepRecorder.NO_PETITION));
        model.addAttribute("petition", reader.forReader(view.overdueOn(today), user));
        model.addAttribute("today", today);
        model.addAttribute("lastStepOn", view.lastStepOn());
        model.addAttribute("scans", reader.maySeePetitioners(user, view.kind()) ? scans.of(view.id()) : Map.of());
        int extensionsLeft = view.status() == PetitionStatus.ACCEPTED
                ? views.extensionsLeft(List.of(view.id())).getOrDefault(view.id(), 0) : 0;
        boolean accepted = view.steps().stream()
                .anyMatch(step -> step.type().equals(PetitionAccepted.class.getSimpleName()));
        model.addAttribute("deadlines", new Deadlines(view.handlingDueOn(), accepted ? view.dueOn() : null,
                view.status().closed() ? null
                        : DueDate.of(view.dueOn(), today, deadlines.of(view.commune())),
                view.status() == PetitionStatus.ACCEPTED ? extensionsLeft : null));
        model.addAttribute("timeline", Timeline.of(reader.history(view, user)
                .orElseThrow(() -> new NotFoundException(StepRecorder.NO_PETITION))));

        PetitionStanding standing = new PetitionStanding(view.kind(), view.status(), view.lastMediation(),
                extensionsLeft);
        Set<PetitionStep> allowed = PetitionStep.allowedIn(standing);
        List<StepForm> forms = new ArrayList<>();
        Map<String, FormToken> tokens = new HashMap<>();
        for (StepForm form : StepForm.values()) {
            boolean isRefused = refused != null && refused.form() == form;
            if (isRefused || (allowed.contains(form.step()) && mayPost(form, view, user, request))) {
                forms.add(form);
                if (isRefused) {
                    tokens.put(form.attribute(), refused.token());
                } else {
                    model.addAttribute(form.attribute(), form.blank(today));
                    tokens.put(form.attribute(), FormToken.fresh(view.version()));
                }
            }
        }
        model.addAttribute("forms", forms);
        model.addAttribute("escalationLevels", EscalationLevel.existingOn(today));
        model.addAttribute("tokens", tokens);
        model.addAttribute("refused", refused == null ? null : refused.form().attribute());
        model.addAttribute("documents", documents.listed(view).stream()
                .filter(d -> !d.namesPetitioners() || reader.maySeePetitioners(user, view.kind()))
                .filter(d -> privileges.isAllowed(request.getContextPath(),
                        "/petitions/" + view.id() + "/documents/" + d.name(), "GET", user))
                .toList());
    }

    /** Whether the pages' security rules let this reader post the form (the same roles as the API's route). */
    private boolean mayPost(StepForm form, PetitionView view, Authentication user, HttpServletRequest request) {
        return privileges.isAllowed(request.getContextPath(), form.action(view.id()), "POST", user);
    }
}
