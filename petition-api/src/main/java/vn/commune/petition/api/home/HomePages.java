package vn.commune.petition.api.home;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.page.PageDialect;
import vn.commune.petition.api.petition.PetitionRows;
import vn.commune.petition.api.security.Role;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.projections.petition.ListPetitions;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;
import vn.commune.petition.projections.session.SessionQueries;

/**
 * The first page after signing in ({@code /}), by role: the officer's day (today's session, what
 * is due this week, what is overdue), the chair's queue (what awaits a decision, an answer or an
 * escalation, and the extensions still possible), the inspector's and the People's Inspection
 * Board's reading lists, the admin's operations. Petitioners are shown as the API shows them to the same reader (PetitionRows).
 */
@PageController
class HomePages {

    /** The longest list a home page shows; past it, the page says there are more. */
    static final int LISTED = 50;

    private final PetitionViewQueries petitions;
    private final SessionQueries sessions;
    private final PetitionRows rows;
    private final HealthEndpoint health;
    private final Clock clock;

    HomePages(PetitionViewQueries petitions, SessionQueries sessions, PetitionRows rows, HealthEndpoint health,
              Clock clock) {
        this.petitions = petitions;
        this.sessions = sessions;
        this.rows = rows;
        this.health = health;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Authentication user, Model model) {
        LocalDate today = CommuneClock.today(clock);
        model.addAttribute("today", today);
        Role role = PageDialect.Ui.role(user);
        if (role == null) {
            return "redirect:/login";
        }
        return switch (role) {
            case OFFICER -> officersDay(user, today, model);
            case CHAIR -> chairsQueue(user, today, model);
            case INSPECTOR -> readingList(user, today, model, "inspector");
            case BOARD -> readingList(user, today, model, "board");
            case ADMIN -> operations(model);
        };
    }

    private String officersDay(Authentication user, LocalDate today, Model model) {
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        model.addAttribute("todaysSessions", sessions.list(today, today));
        model.addAttribute("weekEnd", sunday);
        model.addAttribute("dueThisWeek", listed(petitions.openDueBetween(today, sunday, LISTED + 1), user, today));
        model.addAttribute("overdue", overdue(user, today));
        return "home/officer";
    }

    private String chairsQueue(Authentication user, LocalDate today, Model model) {
        model.addAttribute("awaitingDecision",
                listed(petitions.inStatusByDueDate(PetitionStatus.RECEIVED, LISTED + 1), user, today));
        List<PetitionView> accepted = petitions.inStatusByDueDate(PetitionStatus.ACCEPTED, LISTED + 1);
        Map<String, Integer> extensionsLeft = petitions.extensionsLeft(accepted.stream().map(PetitionView::id).toList());
        PetitionRows.Listed awaitingOutcome = listed(accepted, user, today);
        model.addAttribute("awaitingOutcome", awaitingOutcome);
        model.addAttribute("extensionsLeft", extensionsLeft);
        model.addAttribute("extendable", awaitingOutcome.rows().stream()
                .filter(row -> extensionsLeft.getOrDefault(row.petition().id(), 0) > 0)
                .toList());
        model.addAttribute("suspended",
                listed(petitions.inStatusByDueDate(PetitionStatus.SUSPENDED, LISTED + 1), user, today));
        model.addAttribute("overdue", overdue(user, today));
        return "home/chair";
    }

    /** The inspector's and the People's Inspection Board's: what is overdue, what came in lately; no action. */
    /** The read-only home of an inspector or the board: one page, its title and lead {@code home.<who>.*}. */
    private String readingList(Authentication user, LocalDate today, Model model, String who) {
        List<PetitionView> recent = petitions.list(new ListPetitions(null, null, null, null, 0, 20)).items();
        model.addAttribute("recent", listed(recent, user, today));
        model.addAttribute("overdue", overdue(user, today));
        model.addAttribute("who", who);
        return "home/reader";
    }

    private String operations(Model model) {
        model.addAttribute("health", health.health().getStatus().getCode());
        return "home/admin";
    }

    private PetitionRows.Listed overdue(Authentication user, LocalDate today) {
        return listed(petitions.overdueOn(today, 0, LISTED + 1), user, today);
    }

    private PetitionRows.Listed listed(List<PetitionView> views, Authentication user, LocalDate today) {
        return rows.listed(views, LISTED, user, today);
    }
}
