package vn.commune.petition.api.audit;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.page.FormToken;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.page.PageRedirect;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.api.write.Writes;
import vn.commune.petition.api.write.Written;
import vn.commune.petition.projections.audit.AuditExport;
import vn.commune.petition.projections.audit.AuditVerifier;
import vn.commune.petition.projections.audit.Seals.Seal;
import vn.commune.petition.projections.audit.Seals;
import vn.commune.petition.projections.history.PetitionHistory;
import vn.commune.petition.projections.history.PetitionHistoryQuery;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * Kiểm tra dữ liệu, the audit pages ({@code templates/audit/}): a petition's chain checked on request,
 * the whole store verified in the background with its progress shown (VerificationRuns), the seals
 * listed, a seal made and printed for the session minutes, and the export downloaded. The same
 * AuditVerifier, Seals and AuditExport as AuditController; each part shown to the roles its API route
 * lets in (asked of the pages' security rules, which mirror them). How to check an export without the
 * service is docs/AUDIT.md, which the page points to, and the README.txt inside every export.
 */
@PageController
class AuditPages {

    /** The most seals the audit page lists, the newest first. */
    static final int SEALS_LISTED = 20;

    /** A petition's reference, {@code 2024-0001}. */
    private static final Pattern REFERENCE = Pattern.compile("\\d{4}-\\d{1,6}");
    /** The most petitions of one reference listed: one per commune the account oversees, a province's at most. */
    private static final int MAX_SAME_REFERENCE = 200;

    /** What a seal form answered: the seal made, or none when nothing new had settled since the last. */
    record Sealed(Long sealId) {
    }

    private final AuditVerifier verifier;
    private final VerificationRuns runs;
    private final Seals seals;
    private final AuditExport export;
    private final PetitionViewQueries views;
    private final PetitionHistoryQuery history;
    private final Writes writes;
    private final WebInvocationPrivilegeEvaluator privileges;
    private final Clock clock;
    private final Communes communes;

    AuditPages(AuditVerifier verifier, VerificationRuns runs, Seals seals, AuditExport export,
               PetitionViewQueries views, PetitionHistoryQuery history, Writes writes,
               WebInvocationPrivilegeEvaluator privileges, Clock clock, Communes communes) {
        this.communes = communes;
        this.verifier = verifier;
        this.runs = runs;
        this.seals = seals;
        this.export = export;
        this.views = views;
        this.history = history;
        this.writes = writes;
        this.privileges = privileges;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String audit(Authentication user, Model model, HttpServletRequest request) {
        show(user, model, request);
        return "audit/page";
    }

    /**
     * A petition's chain, by its reference or id: from htmx the result alone (the audit page's, or the
     * replay's, result region), otherwise the audit page with it.
     */
    @GetMapping("/audit/chain")
    String chain(@RequestParam(defaultValue = "") String petition, Authentication user, Model model,
                 HtmxRequest htmx, HttpServletRequest request, Locale locale) {
        String asked = petition.strip();
        model.addAttribute("asked", asked.length() > 100 ? asked.substring(0, 100) : asked);
        List<String> ids = REFERENCE.matcher(asked).matches() ? views.idsOfReference(asked, MAX_SAME_REFERENCE)
                : List.of();
        if (ids.size() > 1) {
            // References run per commune: an account overseeing several chooses which it meant.
            model.addAttribute("sameReference", ids.stream().map(views::find).flatMap(Optional::stream)
                    .map(view -> new Named(view.id(), communes.name(
                            view.commune() == null ? communes.configured() : view.commune(), locale)))
                    .toList());
        } else {
            model.addAttribute("check", find(asked, ids).flatMap(this::check).orElse(null));
        }
        model.addAttribute("checked", true);
        if (htmx.isHtmxRequest()) {
            return "audit/page :: chainResult";
        }
        show(user, model, request);
        return "audit/page";
    }

    /** Starts verifying the whole store (or shows the run already under way). */
    @PostMapping("/audit/verification")
    String verifyAll(Authentication user, HtmxRequest htmx, Model model) {
        communes.requireEveryCommune(user.getName());
        VerificationRuns.Run run = runs.start(user.getName());
        if (htmx.isHtmxRequest()) {
            model.addAttribute("run", run);
            return "audit/page :: run";
        }
        return "redirect:/audit/verification/" + run.id();
    }

    /** A run's progress: from htmx the progress alone (polled while it runs), otherwise its page. */
    @GetMapping("/audit/verification/{id}")
    String run(@PathVariable String id, Authentication user, HtmxRequest htmx, Model model) {
        communes.requireEveryCommune(user.getName());
        model.addAttribute("run", runs.find(id).orElseThrow(() -> new NotFoundException("No such verification")));
        return htmx.isHtmxRequest() ? "audit/page :: run" : "audit/run";
    }

    /**
     * Niêm phong: seals what has settled, once per form (its FormToken's key, as every page write), then
     * shows the seal to print, or the audit page saying it (a role that may seal but not read seals).
     */
    @PostMapping("/audit/seals")
    String seal(@ModelAttribute("formToken") FormToken token, Authentication user, HtmxRequest htmx,
                HttpServletRequest request, RedirectAttributes redirect) {
        Written<Sealed> written = writes.run(token.headers(request), "seal", Sealed.class,
                () -> new Written<>(200, null, null, new Sealed(seals.seal(user.getName()).map(Seal::id)
                        .orElse(null)), false));
        Long id = written.body().sealId();
        Seal seal = id == null ? seals.latest().orElse(null) : seals.find(id).orElseThrow();
        redirect.addFlashAttribute("sealedId", seal == null ? null : seal.id());
        redirect.addFlashAttribute("sealedNow", id != null);
        boolean mayPrint = seal != null
                && privileges.isAllowed(request.getContextPath(), "/audit/seals/" + seal.id(), "GET", user);
        return PageRedirect.to(htmx, mayPrint ? "/audit/seals/" + seal.id() : "/audit");
    }

    /** A seal as a sheet to print (A4) and attach to the session minutes. */
    @GetMapping("/audit/seals/{id}")
    String printable(@PathVariable long id, Model model) {
        Seal seal = seals.find(id).orElseThrow(() -> new NotFoundException("No seal has this id"));
        model.addAttribute("seal", seal);
        model.addAttribute("sealedOn", seal.sealedAt().atZone(clock.getZone()).toLocalDate());
        return "audit/seal";
    }

    /** The export, as {@code GET /api/audit/export} gives it. */
    @GetMapping("/audit/export")
    void export(@Valid ExportPeriod period, Authentication user, HttpServletResponse response) throws IOException {
        communes.requireEveryCommune(user.getName());
        AuditController.download(export, clock.getZone(), period, response);
    }

    private void show(Authentication user, Model model, HttpServletRequest request) {
        LocalDate today = CommuneClock.today(clock);
        boolean maySeeSeals = allowed("GET", "/audit/seals/0", user, request);
        model.addAttribute("mayCheck", allowed("GET", "/audit/chain", user, request));
        boolean everyCommune = communes.seesEveryCommune(user.getName());
        model.addAttribute("mayVerifyAll", everyCommune && allowed("POST", "/audit/verification", user, request));
        model.addAttribute("maySeal", allowed("POST", "/audit/seals", user, request));
        model.addAttribute("maySeeSeals", maySeeSeals);
        model.addAttribute("mayExport", everyCommune && allowed("GET", "/audit/export", user, request));
        if (maySeeSeals) {
            List<Seal> all = seals.all();
            model.addAttribute("sealCount", all.size());
            model.addAttribute("seals", IntStream.range(0, Math.min(all.size(), SEALS_LISTED))
                    .mapToObj(n -> all.get(all.size() - 1 - n)).toList());
        }
        if (model.getAttribute("sealedId") instanceof Long sealed) {
            model.addAttribute("sealed", seals.find(sealed).orElse(null));
        }
        if (allowed("POST", "/audit/verification", user, request)) {
            model.addAttribute("run", runs.last().orElse(null));
        }
        model.addAttribute("formToken", FormToken.fresh(null));
        model.addAttribute("exportFrom", today.withDayOfYear(1));
        model.addAttribute("today", today);
    }

    private boolean allowed(String method, String path, Authentication user, HttpServletRequest request) {
        return privileges.isAllowed(request.getContextPath(), path, method, user);
    }

    /** A petition of the same reference as others, by its id and the name of its commune. */
    record Named(String id, String commune) {
    }

    /** The petition a reference (the one petition of {@code ofReference}) or an id names. */
    private Optional<PetitionView> find(String asked, List<String> ofReference) {
        if (REFERENCE.matcher(asked).matches()) {
            return ofReference.stream().findFirst().flatMap(views::find);
        }
        try {
            return views.find(NotFoundException.unlessId(asked, "No petition"));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The petition's chain verified, with its first mismatching event as the history reads it (if it still can). */
    private Optional<ChainCheck> check(PetitionView petition) {
        return verifier.verifyAggregate(petition.id()).map(verification -> {
            PetitionHistory.Entry event = null;
            if (verification.firstMismatch() != null && verification.firstMismatch().sequence() != null) {
                long sequence = verification.firstMismatch().sequence();
                event = readable(petition.id()).stream().filter(e -> e.sequence() == sequence).findFirst().orElse(null);
            }
            return new ChainCheck(petition.reference(), petition.id(), verification, event);
        });
    }

    /** The history, with no petitioner, or nothing when the altered store can no longer be read as events. */
    private List<PetitionHistory.Entry> readable(String id) {
        try {
            return history.find(id, true).map(PetitionHistory::events).orElse(List.of());
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
