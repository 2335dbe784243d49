package vn.commune.petition.api.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.commune.petition.api.commune.CommuneSettings;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.petition.PetitionRows;
import vn.commune.petition.domain.deadline.BusinessDates;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * Thời hạn, the deadlines ({@code templates/deadline/page.html}): the open petitions already past
 * their deadline, and those due in the next {@value #AHEAD} working days (of the signed-in account's
 * commune: CommuneSettings#ofScope), each by kind, the soonest due first. Each kind shows how many there
 * are in all and its first {@value #LISTED}.
 */
@PageController
class DeadlinesPages {

    /** Working days ahead that "due soon" looks. */
    static final int AHEAD = 5;

    /** The most petitions listed under one kind; the page says how many more there are. */
    static final int LISTED = 50;

    /** The petitions of one kind in one part of the page: how many in all, and the first ones. */
    record KindList(PetitionKind kind, long total, PetitionRows.Listed listed) {
    }

    private final PetitionViewQueries petitions;
    private final PetitionRows rows;
    private final CommuneSettings communes;
    private final Clock clock;

    DeadlinesPages(PetitionViewQueries petitions, PetitionRows rows, CommuneSettings communes, Clock clock) {
        this.petitions = petitions;
        this.rows = rows;
        this.communes = communes;
        this.clock = clock;
    }

    @GetMapping("/deadlines")
    String deadlines(Authentication user, Model model) {
        LocalDate today = CommuneClock.today(clock);
        LocalDate until = communes.ofScope().deadlines().workingDaysAfter(today, AHEAD);
        model.addAttribute("today", today);
        model.addAttribute("until", until);
        model.addAttribute("ahead", AHEAD);
        model.addAttribute("overdue", byKind(BusinessDates.FIRST, today.minusDays(1), user, today));
        model.addAttribute("dueSoon", byKind(today, until, user, today));
        return "deadline/page";
    }

    /** The open petitions due in [from, to], kind by kind in the order of PetitionKind; kinds with none left out. */
    private List<KindList> byKind(LocalDate from, LocalDate to, Authentication user, LocalDate today) {
        Map<PetitionKind, Long> totals = petitions.openDueCountsByKind(from, to);
        return Arrays.stream(PetitionKind.values())
                .filter(totals::containsKey)
                .map(kind -> new KindList(kind, totals.get(kind), rows.listed(
                        petitions.openDueBetween(kind, from, to, LISTED + 1), LISTED, user, today)))
                .toList();
    }
}
