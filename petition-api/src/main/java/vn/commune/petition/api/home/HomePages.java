package vn.commune.petition.api.home;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.commune.petition.api.config.CommuneClock;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.page.PageDialect;
import vn.commune.petition.api.petition.PetitionReader;
import vn.commune.petition.api.security.Role;
import vn.commune.petition.domain.deadline.DeadlinePolicy;
import vn.commune.petition.domain.petition.MediationFailed;
import vn.commune.petition.domain.petition.MediationSucceeded;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.projections.petition.ListPetitions;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;
import vn.commune.petition.projections.session.SessionQueries;

/**
 * The first page after signing in ({@code /}), by role: the officer's day (today's session, what
 * is due this week, what is overdue), the chair's queue (what awaits a decision, an answer or an
 * escalation), the inspector's reading list, the admin's operations. Petitioners are shown as the
 * API shows them to the same reader (PetitionReader).
 */
@PageController
class HomePages {

    /** The longest list a home page shows; past it, the page says there are more. */
    static final int LISTED = 50;

    private static final String SUCCEEDED = MediationSucceeded.class.getSimpleName();
    private static final String FAILED = MediationFailed.class.getSimpleName();

    private final PetitionViewQueries petitions;
    private final SessionQueries sessions;
    private final PetitionReader reader;
    private final DeadlinePolicy deadlines;
    private final HealthEndpoint health;
    private final Clock clock;

    HomePages(PetitionViewQueries petitions, SessionQueries sessions, PetitionReader reader, DeadlinePolicy deadlines,
              HealthEndpoint health, Clock clock) {
        this.petitions = petitions;
        this.sessions = sessions;
        this.reader = reader;
        this.deadlines = deadlines;
        this.health = health;
        this.clock = clock;
    }

    /**
     * A petition in a home page's list: as its reader may see it, and how near its deadline is (days
     * and working days left) or how late (working days); extensions left and whether the last
     * mediation failed, for the chair's queue.
     */
    record Row(PetitionView petition, long daysLeft, int workingDaysLeft, int workingDaysLate, Integer extensionsLeft,
               boolean lastMediationFailed) {

        /** Due within 3 working days and not late: shown in amber. */
        public boolean dueSoon() {
            return workingDaysLate == 0 && petition.dueOn() != null && workingDaysLeft <= 3;
        }
    }

    /** A list of at most {@link #LISTED} rows, and whether there were more. */
    record Listed(List<Row> rows, boolean more) {
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
            case INSPECTOR -> inspectorsList(user, today, model);
            case ADMIN -> operations(model);
        };
    }

    private String officersDay(Authentication user, LocalDate today, Model model) {
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        model.addAttribute("todaysSessions", sessions.list(today, today));
        model.addAttribute("weekEnd", sunday);
        model.addAttribute("dueThisWeek", listed(petitions.openDueBetween(today, sunday, LISTED + 1), user, today, Map.of()));
        model.addAttribute("overdue", overdue(user, today));
        return "home/officer";
    }

    private String chairsQueue(Authentication user, LocalDate today, Model model) {
        model.addAttribute("awaitingDecision",
                listed(petitions.inStatusByDueDate(PetitionStatus.RECEIVED, LISTED + 1), user, today, Map.of()));
        List<PetitionView> accepted = petitions.inStatusByDueDate(PetitionStatus.ACCEPTED, LISTED + 1);
        Map<String, Integer> extensions = petitions.extensionsLeft(accepted.stream().map(PetitionView::id).toList());
        Listed awaitingOutcome = listed(accepted, user, today, extensions);
        model.addAttribute("awaitingOutcome", awaitingOutcome);
        model.addAttribute("extendable", awaitingOutcome.rows().stream()
                .filter(row -> row.extensionsLeft() != null && row.extensionsLeft() > 0)
                .toList());
        model.addAttribute("overdue", overdue(user, today));
        return "home/chair";
    }

    private String inspectorsList(Authentication user, LocalDate today, Model model) {
        List<PetitionView> recent = petitions.list(new ListPetitions(null, null, null, null, 0, 20)).items();
        model.addAttribute("recent", listed(recent, user, today, Map.of()));
        model.addAttribute("overdue", overdue(user, today));
        return "home/inspector";
    }

    private String operations(Model model) {
        model.addAttribute("health", health.health().getStatus().getCode());
        return "home/admin";
    }

    private Listed overdue(Authentication user, LocalDate today) {
        return listed(petitions.overdueOn(today), user, today, Map.of());
    }

    private Listed listed(List<PetitionView> views, Authentication user, LocalDate today, Map<String, Integer> extensions) {
        List<Row> rows = views.stream().limit(LISTED).map(view -> {
            PetitionView shown = reader.forReader(view.overdueOn(today), user);
            long daysLeft = shown.dueOn() == null ? 0 : ChronoUnit.DAYS.between(today, shown.dueOn());
            int late = shown.dueOn() == null ? 0 : deadlines.workingDaysLate(shown.dueOn(), today);
            int left = shown.dueOn() == null ? 0 : deadlines.workingDaysLate(today, shown.dueOn());
            return new Row(shown, daysLeft, left, late, extensions.get(view.id()), lastMediationFailed(view));
        }).toList();
        return new Listed(rows, views.size() > LISTED);
    }

    /** Whether the petition's last mediation failed: then it awaits an escalation, not a written answer. */
    private static boolean lastMediationFailed(PetitionView view) {
        return view.steps().stream()
                .map(PetitionView.Step::type)
                .filter(type -> type.equals(SUCCEEDED) || type.equals(FAILED))
                .reduce((first, second) -> second)
                .map(FAILED::equals)
                .orElse(false);
    }
}
