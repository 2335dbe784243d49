package vn.commune.petition.api.session;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.page.FormToken;
import vn.commune.petition.api.page.FormValidation;
import vn.commune.petition.api.page.Forms;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.petition.ReceiptPages;
import vn.commune.petition.api.page.PageDialect;
import vn.commune.petition.api.page.PageRedirect;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;
import vn.commune.petition.api.security.Role;
import vn.commune.petition.api.write.Written;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.session.RefusalGround;
import vn.commune.petition.domain.session.SessionKind;
import vn.commune.petition.domain.session.VisitOutcome;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;
import vn.commune.petition.projections.session.SessionQueries;
import vn.commune.petition.projections.session.SessionView;
import vn.commune.petition.projections.session.VisitView;

/**
 * The reception desk's pages ({@code templates/session/}): the sessions and the form that opens
 * one; a session's desk, where each visit is logged in one form (htmx appends its row to the
 * register and gives the form back, empty, for the next citizen; without JavaScript a plain POST
 * and a redirect); the confirmation that closes it; its register, printed on A4; and the reception
 * calendar of a month. The same request records, SessionRecorder and queries as the API.
 */
@PageController
class SessionPages {

    /** How far back the sessions page lists sessions. */
    static final int RECENT_MONTHS = 3;

    private final SessionRecorder recorder;
    private final SessionQueries sessions;
    private final PetitionViewQueries petitions;
    private final ReceptionSchedule schedule;
    private final FormValidation validation;
    private final SessionReader reader;
    private final Clock clock;

    SessionPages(SessionRecorder recorder, SessionQueries sessions, PetitionViewQueries petitions,
                 ReceptionSchedule schedule, FormValidation validation, SessionReader reader, Clock clock) {
        this.recorder = recorder;
        this.sessions = sessions;
        this.petitions = petitions;
        this.schedule = schedule;
        this.validation = validation;
        this.reader = reader;
        this.clock = clock;
    }

    /** The choices the forms and the calendar offer, in the enums' order. */
    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("sessionKinds", SessionKind.values());
        model.addAttribute("kinds", PetitionKind.values());
        model.addAttribute("outcomes", VisitOutcome.values());
        model.addAttribute("grounds", RefusalGround.values());
        model.addAttribute("dayStatuses", ReceptionSchedule.DayStatus.values());
    }

    @GetMapping("/sessions")
    String sessions(Authentication user, Model model) {
        LocalDate today = showSessions(user, model);
        if (mayRecord(user)) {
            model.addAttribute("opening", new OpenSessionRequest(today, SessionKind.PERIODIC, "", true));
            model.addAttribute("formToken", FormToken.fresh(null));
        }
        return "session/list";
    }

    /** Mở buổi tiếp: opens a session and goes to its desk. */
    @PostMapping("/sessions")
    String open(@Valid @ModelAttribute("opening") OpenSessionRequest opening, BindingResult form,
                @ModelAttribute("formToken") FormToken token, HtmxRequest htmx, Authentication user, Model model,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return Forms.submit(form, model, response, () -> recorder.open(opening, token.headers(request)))
                .map(written -> {
                    redirect.addFlashAttribute("opened", true);
                    return PageRedirect.to(htmx, "/sessions/" + written.body().id());
                })
                .orElseGet(() -> {
                    showSessions(user, model);
                    return "session/list";
                });
    }

    @GetMapping("/sessions/{id}")
    String desk(@PathVariable String id, Authentication user, Model model) {
        SessionView session = showDesk(id, user, model);
        if (mayLog(session, user)) {
            nextCitizen(model);
        }
        return "session/desk";
    }

    /**
     * Logs a visit. From htmx: the form back, empty, for the next citizen, the register's new rows
     * (every visit after the {@code shown} ones the page had) and the announcement, swapped out of
     * band; a refused visit is the form again with its errors. Without htmx: back to the desk.
     */
    @PostMapping("/sessions/{id}/visits")
    String logVisit(@PathVariable String id, @ModelAttribute("visit") VisitForm visit, BindingResult form,
                    @ModelAttribute("formToken") FormToken token, @RequestParam(defaultValue = "0") int shown,
                    HtmxRequest htmx, Authentication user, Model model, HttpServletRequest request,
                    HttpServletResponse response, RedirectAttributes redirect) {
        LogVisitRequest body = visit.request();
        validation.validate(body, form, visit.fields());
        Optional<Written<SessionRecorder.LoggedVisit>> written =
                Forms.submit(form, model, response, () -> recorder.logVisit(id, body, token.headers(request)));
        if (written.isEmpty()) {
            showDesk(id, user, model);
            return htmx.isHtmxRequest() ? "session/visits :: desk" : "session/desk";
        }
        SessionRecorder.LoggedVisit logged = written.get().body();
        int number = logged.visit().number();
        if (logged.lookupCode() != null) {
            // The receipt, printed from the link the answer shows, gives the code once.
            ReceiptPages.hold(request.getSession(), logged.petition().id(), logged.lookupCode());
        }
        if (!htmx.isHtmxRequest()) {
            redirect.addFlashAttribute("logged", number);
            redirect.addFlashAttribute("receiptFor", logged.petition());
            return "redirect:/sessions/" + id;
        }
        model.addAttribute("receiptFor", logged.petition());
        SessionView session = showDesk(id, user, model);
        nextCitizen(model);
        model.addAttribute("logged", number);
        model.addAttribute("appended", session.visits().stream().filter(v -> v.number() > shown).toList());
        return "session/visits :: logged";
    }

    /** The confirmation asked before a session is closed: a page of its own, so it works without JavaScript. */
    @GetMapping("/sessions/{id}/closing")
    String closing(@PathVariable String id, Authentication user, Model model) {
        showDesk(id, user, model);
        model.addAttribute("formToken", FormToken.fresh(null));
        return "session/closing";
    }

    /** Kết thúc buổi tiếp: closes the session once confirmed. */
    @PostMapping("/sessions/{id}/closing")
    String close(@PathVariable String id, @ModelAttribute("formToken") FormToken token, BindingResult form,
                 Authentication user, Model model, HttpServletRequest request, HttpServletResponse response,
                 RedirectAttributes redirect) {
        return Forms.submit(form, model, response, () -> recorder.close(id, token.headers(request)))
                .map(written -> {
                    redirect.addFlashAttribute("closed", true);
                    return "redirect:/sessions/" + id;
                })
                .orElseGet(() -> {
                    showDesk(id, user, model);
                    return "session/closing";
                });
    }

    /** Sổ tiếp công dân: the session's register as it prints on A4. */
    @GetMapping("/sessions/{id}/register")
    String register(@PathVariable String id, Authentication user, Model model) {
        showDesk(id, user, model);
        return "session/register";
    }

    /** Lịch tiếp công dân: a month of scheduled days, HELD, MISSED, HOLIDAY or UPCOMING. */
    @GetMapping("/sessions/calendar")
    String calendar(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
                    Authentication user, Model model) {
        LocalDate today = CommuneClock.today(clock);
        YearMonth shown = month == null ? YearMonth.from(today) : month;
        if (shown.getYear() < 2000 || shown.getYear() > 2100) {
            throw new InvalidRequestException(List.of(new FieldProblem("month", "must be between 2000 and 2100")));
        }
        LocalDate from = shown.atDay(1);
        LocalDate to = shown.atEndOfMonth();
        model.addAttribute("calendar", CalendarMonth.of(shown, schedule.of(from, to),
                reader.forReader(sessions.list(from, to), user), today));
        model.addAttribute("thisMonth", YearMonth.from(today));
        model.addAttribute("monthJudged", schedule.months(from, to).get(0));
        return "session/calendar";
    }

    private LocalDate showSessions(Authentication user, Model model) {
        LocalDate today = CommuneClock.today(clock);
        LocalDate from = today.minusMonths(RECENT_MONTHS);
        model.addAttribute("today", today);
        model.addAttribute("since", from);
        List<SessionView> recent = new ArrayList<>(reader.forReader(sessions.list(from, today), user));
        Collections.reverse(recent);
        model.addAttribute("recent", recent);
        return today;
    }

    /** Puts the session, its register's petition references and totals, and what the reader may do, in the model. */
    private SessionView showDesk(String id, Authentication user, Model model) {
        SessionView session = reader.forReader(recorder.find(id), user);
        model.addAttribute("reception", session);
        model.addAttribute("references", references(session.visits()));
        model.addAttribute("people", session.visits().stream().mapToInt(VisitView::people).sum());
        model.addAttribute("mayLog", mayLog(session, user));
        return session;
    }

    private static void nextCitizen(Model model) {
        model.addAttribute("visit", VisitForm.blank());
        model.addAttribute("formToken", FormToken.fresh(null));
    }

    /** The reference number of each petition a visit received, by petition id. */
    private Map<String, String> references(List<VisitView> visits) {
        Map<String, String> references = new LinkedHashMap<>();
        visits.stream().map(VisitView::petitionId).filter(petitionId -> petitionId != null)
                .forEach(petitionId -> petitions.find(petitionId).map(PetitionView::reference)
                        .ifPresent(reference -> references.put(petitionId, reference)));
        return references;
    }

    private static boolean mayLog(SessionView session, Authentication user) {
        return !session.closed() && mayRecord(user);
    }

    /** Officers and the chair record sessions, as in the API. */
    private static boolean mayRecord(Authentication user) {
        Role role = PageDialect.Ui.role(user);
        return role == Role.OFFICER || role == Role.CHAIR;
    }
}
