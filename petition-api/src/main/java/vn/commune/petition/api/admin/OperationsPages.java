package vn.commune.petition.api.admin;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.commune.petition.api.admin.ProjectionOperations.DeadLetter;
import vn.commune.petition.api.admin.ProjectionOperations.ProjectionStatus;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.page.PageRedirect;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.projections.rebuild.Run;

/**
 * Vận hành, the operations page ({@code templates/admin/operations.html}): each read model's position
 * against the head of the store and how far behind it is, a rebuild or a verification started from the
 * page with its progress polled by htmx (events done of all, rate, time left) and its outcome, and the
 * events parked in the dead-letter queue with their retry. The same ProjectionOperations as the API's
 * ProjectionsController; each action shown to the roles its API route lets in.
 */
@PageController
class OperationsPages {

    private final ProjectionOperations operations;
    private final Communes communes;
    private final WebInvocationPrivilegeEvaluator privileges;

    OperationsPages(ProjectionOperations operations, WebInvocationPrivilegeEvaluator privileges, Communes communes) {
        this.operations = operations;
        this.communes = communes;
        this.privileges = privileges;
    }

    @GetMapping("/operations")
    String operations(Authentication user, Model model, HttpServletRequest request) {
        List<ProjectionStatus> projections = operations.projections();
        model.addAttribute("projections", projections);
        model.addAttribute("head", projections.isEmpty() ? -1 : projections.get(0).head());
        Map<String, Run.Progress> verifications = new LinkedHashMap<>();
        projections.forEach(p -> verifications.put(p.name(),
                operations.last(p.name(), Run.Kind.VERIFICATION).orElse(null)));
        model.addAttribute("verifications", verifications);
        List<DeadLetter> parked = operations.deadLetters();
        model.addAttribute("deadLetters", parked);
        model.addAttribute("parkedByGroup", parked.stream().collect(Collectors.groupingBy(
                DeadLetter::processingGroup, LinkedHashMap::new, Collectors.counting())));
        model.addAttribute("mayRebuild", allowed("POST", "/operations/projections/counts/rebuild", user, request));
        model.addAttribute("mayVerify", allowed("POST", "/operations/projections/counts/verification", user, request));
        model.addAttribute("mayRetry", allowed("POST", "/operations/dead-letters/counts/retry", user, request));
        return "admin/operations";
    }

    /** Starts a rebuild: from htmx the projection's run region, polled while it runs; otherwise the page. */
    @PostMapping("/operations/projections/{name}/rebuild")
    String rebuild(@PathVariable String name, @RequestParam(required = false) String method, HtmxRequest htmx,
                   Model model, RedirectAttributes redirect) {
        boolean started = operations.rebuild(name, method).isStarted();
        return run(name, started, htmx, model, redirect);
    }

    /** Starts verifying the projection against a fresh replay, shown as a rebuild is. */
    @PostMapping("/operations/projections/{name}/verification")
    String verify(@PathVariable String name, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        boolean started = operations.verify(name).isStarted();
        return run(name, started, htmx, model, redirect);
    }

    /**
     * The projection's last run, as its run region (polled by htmx every half second while it runs); once
     * it has ended, with the projection's rows as they are now, swapped out of band into its facts.
     */
    @GetMapping("/operations/projections/{name}/run")
    String lastRun(@PathVariable String name, Model model) {
        return answer(operations.projection(name).name(), false, model);
    }

    /** Hands a group's parked events back to its processor, then shows the page saying what happened. */
    @PostMapping("/operations/dead-letters/{group}/retry")
    String retry(@PathVariable String group, Authentication user, HtmxRequest htmx, RedirectAttributes redirect) {
        communes.requireEveryCommune(user.getName());
        redirect.addFlashAttribute("retry", operations.retry(group));
        return PageRedirect.to(htmx, "/operations#dead-letters");
    }

    private String run(String name, boolean started, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        String projection = operations.projection(name).name();
        if (htmx.isHtmxRequest()) {
            return answer(projection, !started, model);
        }
        redirect.addFlashAttribute("busy", started ? null : projection);
        return "redirect:/operations#projection-" + projection;
    }

    private String answer(String projection, boolean busy, Model model) {
        Run.Progress run = operations.last(projection).orElse(null);
        model.addAttribute("name", projection);
        model.addAttribute("run", run);
        model.addAttribute("busy", busy);
        if (run != null && run.state() != Run.State.RUNNING) {
            model.addAttribute("rowsNow", operations.status(projection));
        }
        return "admin/operations :: runAnswer";
    }

    private boolean allowed(String method, String path, Authentication user, HttpServletRequest request) {
        return privileges.isAllowed(request.getContextPath(), path, method, user);
    }
}
